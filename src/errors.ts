/**
 * Error codes and messages in one table, so every failure policy-bot reports has a fixed
 * prefix and a precise, tested wording (the MiniSearch / orama style).
 */
export const errorMessages = {
  SOURCES_UNREADABLE: (file: string, detail: string) => `cannot read the source list ${file}: ${detail}`,
  SOURCES_INVALID: (file: string, detail: string) => `${file}: invalid source list: ${detail}`,
  DOCUMENT_UNREADABLE: (file: string, detail: string) => `${file}: cannot read the document: ${detail}`,
  UNKNOWN_LAYOUT: (layout: string, known: readonly string[]) =>
    `unknown document layout "${layout}" (known layouts: ${known.join(', ')})`,
  INVALID_DATE: (text: string, detail: string) => `invalid date "${text}": ${detail}`,
  MISSING_TITLE: () => 'item has a date but no title',
  UNKNOWN_HEADING: (text: string, label: string) =>
    `unrecognised section heading "${text}": its items are kept as section "${label}" (region other) until data/lexicon/regions.yml gives it a place`,
  NUMBERING_GAP: (expected: number, found: number) =>
    `item numbered ${found} where ${expected} was expected (an item may be missing or merged)`,
  ORPHAN_LINE: (text: string) => `text outside any item or section: "${text}"`,
  TOC_HEADING_NOT_FOUND: (heading: string) =>
    `heading "${heading}" is in the table of contents but was not found in the body`,
  ITEM_INVALID: (id: string, detail: string) => `item ${id} does not match the item schema: ${detail}`,
  DUPLICATE_ID: (id: string) => `two items share the id ${id}`,
  INDEX_MISSING: (dir: string) => `no index in ${dir}: run \`policy-bot index\``,
  INDEX_INCOMPATIBLE: (detail: string) => `the index was built by an incompatible version: ${detail}`,
  INDEX_UNUSABLE: (indexError: string, dataError: string) =>
    `no usable index: ${indexError}; and it cannot be rebuilt: ${dataError}`,
  INDEX_FILE_CORRUPT: (file: string, detail: string) =>
    `index file ${file} is corrupt (${detail}): run \`policy-bot index\` to rebuild it`,
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** An error with a stable code, thrown at API edges; `message` is prefixed with `policy-bot:`. */
export class PolicyBotError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(`policy-bot: ${message}`);
    this.code = code;
    this.name = 'PolicyBotError';
  }
}

/** Builds a {@link PolicyBotError} from the message table so wording never drifts. */
export function createError<C extends ErrorCode>(
  code: C,
  ...args: Parameters<(typeof errorMessages)[C]>
): PolicyBotError {
  const format = errorMessages[code] as (...a: unknown[]) => string;
  return new PolicyBotError(code, format(...args));
}

/** The message of a table entry without throwing, for problem lists. */
export function describe<C extends ErrorCode>(
  code: C,
  ...args: Parameters<(typeof errorMessages)[C]>
): string {
  const format = errorMessages[code] as (...a: unknown[]) => string;
  return format(...args);
}
