import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { writeFileAtomically } from '../util/atomic-write.js';
import { parseYamlCached } from '../util/yaml-cache.js';
import { EnglishEntry, EnglishFile, type LoadedEntry } from './entry.js';

/**
 * The English of the corpus as data: `data/english/<document-id>.yml`, one file per document,
 * entries keyed by item id. Files under data/ are hashed into the index manifest, so editing one
 * makes the index stale like any data file; the build attaches the entries to the stored items.
 */
const ENGLISH_DIR = 'english';

/** `data/english/` of a data directory. */
const englishDir = (dataDir: string): string => join(dataDir, ENGLISH_DIR);

/** The file of one document's English. */
const englishFilePath = (dataDir: string, documentId: string): string =>
  join(englishDir(dataDir), `${documentId}.yml`);

/** A bad English file: the message names the file and the entry. */
export class EnglishDataError extends Error {
  constructor(message: string) {
    super(`policy-bot: english ${message}`);
    this.name = 'EnglishDataError';
  }
}

/**
 * Reads and checks one file. Everything wrong is an error naming the file and the entry
 * (`data/english/digest-2026-01.yml: items.digest-2026-01/aisi/1.title: the English title is
 * empty`), never a silently smaller set of translations.
 */
function readEnglishFile(path: string, label = path): EnglishFile {
  let raw: unknown;
  try {
    raw = parseYamlCached(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new EnglishDataError(`${label}: ${(err as Error).message}`);
  }
  const parsed = EnglishFile.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = (issue?.path ?? []).map(String).join('.');
    throw new EnglishDataError(`${label}: ${where || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  const expected = label.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (file.document !== expected)
    throw new EnglishDataError(
      `${label}: document: is "${file.document}" but the file is named for "${expected}" (name it ${file.document}.yml)`,
    );
  for (const id of Object.keys(file.items))
    if (!id.startsWith(`${file.document}/`))
      throw new EnglishDataError(`${label}: items.${id}: is not an item of ${file.document}`);
  return file;
}

/**
 * Every entry of `data/english/`, by item id. No directory is no English (a corpus may have
 * none yet); a bad file or the same item in two files throws, naming them.
 */
export function loadEnglish(dataDir: string): Map<string, LoadedEntry> {
  const dir = englishDir(dataDir);
  const out = new Map<string, LoadedEntry>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const label = `data/${ENGLISH_DIR}/${name}`;
    const file = readEnglishFile(join(dir, name), label);
    for (const [id, entry] of Object.entries(file.items)) {
      if (out.has(id))
        throw new EnglishDataError(
          `${label}: items.${id}: also in data/${ENGLISH_DIR}/${out.get(id)?.document}.yml`,
        );
      out.set(id, { ...entry, document: file.document });
    }
  }
  return out;
}

/** The first lines of a new file: what it is and what its fields mean. */
function header(documentId: string, documentTitle: string): string {
  return [
    `# English titles and summaries for “${documentTitle}” (${documentId}), keyed by item id.`,
    "# by: who wrote the entry (person | deepl | llm); date: when; ja: the item's Japanese title when it was written (a changed title flags the entry for review).",
    '# Review a machine entry (deepl, llm) against the item, correct it, then set by: person and the date.',
    '',
  ].join('\n');
}

/** What to change in one document's file. */
export interface EnglishChanges {
  /** Entries to add or replace. */
  set?: Record<string, EnglishEntry>;
  /** Item ids whose entries are removed. */
  remove?: readonly string[];
}

/**
 * Adds, replaces or removes entries of one document's file, keeping everything else of it as it
 * was (comments, other entries, their quoting), entries in the document's item order. The file
 * is created when missing and written atomically; what is written is checked first, so a change
 * can never leave a file the loader refuses.
 */
export function updateEnglishFile(
  dataDir: string,
  document: { id: string; title: string },
  changes: EnglishChanges,
  order: readonly string[] = [],
): void {
  const path = englishFilePath(dataDir, document.id);
  const text = existsSync(path)
    ? readFileSync(path, 'utf8')
    : `${header(document.id, document.title)}document: ${document.id}\nitems: {}\n`;
  const doc = parseDocument(text);
  if (doc.errors.length) throw new EnglishDataError(`${path}: ${doc.errors[0]?.message}`);
  let items = doc.get('items');
  if (!isMap(items)) {
    items = doc.createNode({});
    doc.set('items', items);
  }
  const map = items as YAMLMap;
  map.flow = false;
  for (const id of changes.remove ?? []) map.delete(id);
  for (const [id, entry] of Object.entries(changes.set ?? {})) {
    const checked = EnglishEntry.parse(entry);
    map.set(id, doc.createNode({ ...checked }));
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  const at = (key: unknown) =>
    rank.get(String(isScalarKey(key) ? key.value : key)) ?? Number.MAX_SAFE_INTEGER;
  map.items.sort((a, b) => at(a.key) - at(b.key));
  const out = doc.toString({ lineWidth: 0 });
  const check = EnglishFile.safeParse(parseDocument(out).toJS());
  if (!check.success)
    throw new EnglishDataError(`${path}: would be invalid: ${check.error.issues[0]?.message}`);
  writeFileAtomically(path, out);
}

/** Entries to set, by the document whose file they go to (with its title, for a new file's header). */
export type EntriesByDocument = Map<string, { title: string; set: Record<string, EnglishEntry> }>;

/** Adds an item's entry to those of its document. */
export function addEntry(
  to: EntriesByDocument,
  item: { id: string; source: { document: string; documentTitle: string } },
  entry: EnglishEntry,
): void {
  const group = to.get(item.source.document) ?? { title: item.source.documentTitle, set: {} };
  group.set[item.id] = entry;
  to.set(item.source.document, group);
}

/** Writes each document's entries into its file ({@link updateEnglishFile}), in document order. */
export function setEntries(
  dataDir: string,
  entries: EntriesByDocument,
  order: ReadonlyMap<string, readonly string[]>,
): void {
  for (const [id, { title, set }] of entries)
    updateEnglishFile(dataDir, { id, title }, { set }, order.get(id) ?? []);
}

function isScalarKey(key: unknown): key is { value: unknown } {
  return typeof key === 'object' && key !== null && 'value' in key;
}
