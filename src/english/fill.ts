import { type EnglishEntry, MAX_SUMMARY_WORDS, MAX_TITLE_CHARS } from './entry.js';
import { addEntry, type EntriesByDocument, setEntries } from './files.js';
import type { GlossaryTerm } from './glossary.js';
import type { ProviderFailure, SourceItem, Translation, Translator } from './providers/translator.js';
import { type RetryPolicy, withRetry } from './retry.js';
import type { EnglishStatus } from './status.js';

/** An item to translate, with the document its English file belongs to. */
export interface FillItem extends SourceItem {
  source: { document: string; documentTitle: string };
}

export interface FillInput {
  dataDir: string;
  /** What to translate (see {@link fillTargets}). */
  items: readonly FillItem[];
  /** Every item id of each document, in document order (entries are kept in that order). */
  order: ReadonlyMap<string, readonly string[]>;
  translator: Translator;
  glossary: readonly GlossaryTerm[];
  retry: RetryPolicy;
  /** The date the entries are marked with. */
  today: string;
  log?: (line: string) => void;
}

/** What a fill did: how many items got English, and why it stopped early when it did. */
export interface FillReport {
  provider: string;
  by: 'deepl' | 'llm';
  asked: number;
  filled: number;
  /** Items whose translation came back unusable (empty, say): still without English. */
  unusable: string[];
  /** The failure that ended the run (after its retries), leaving the rest without English. */
  stopped?: ProviderFailure & { attempts: number };
  /** Why the glossary could not be used, when it could not. */
  glossaryNote?: string;
  /** Documents whose English file was written. */
  documents: string[];
}

/**
 * The items a provider should translate: those without English, and those whose machine-made
 * English was written from a title the source has since changed. A person's stale entry is never
 * overwritten: it is listed for review.
 */
export function fillTargets<T extends { id: string }>(items: readonly T[], status: EnglishStatus): T[] {
  const wanted = new Set([
    ...status.missing.map((m) => m.id),
    ...status.stale.filter((s) => s.by !== 'person').map((s) => s.id),
  ]);
  return items.filter((i) => wanted.has(i.id));
}

/** One line, at most `max` words (the rest cut with an ellipsis): a provider may run long. */
function clip(text: string, maxWords: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords - 1).join(' ')}…`;
}

/** A translation as an entry, or undefined when it is not usable. */
function toEntry(
  item: FillItem,
  t: Translation,
  by: 'deepl' | 'llm',
  today: string,
): EnglishEntry | undefined {
  const title = clip(t.title, 60).slice(0, MAX_TITLE_CHARS);
  const summary = clip(t.summary, MAX_SUMMARY_WORDS);
  if (!title || !summary) return undefined;
  return { ja: item.title, title, summary, by, date: today };
}

/**
 * Translates the items through the provider, batch by batch, each batch tried again on rate
 * limits, server errors and timeouts (backoff, Retry-After), and writes each batch's English to
 * its document's file as soon as it arrives, marked `by: deepl | llm` with the date, for review.
 * A failure that outlasts its retries, or one that retrying cannot fix (quota, key), ends the run:
 * what was written stays, the rest is reported. Never throws for a provider failure.
 */
export async function fillEnglish(input: FillInput): Promise<FillReport> {
  const { translator: t, log = () => {} } = input;
  const report: FillReport = {
    provider: t.description,
    by: t.by,
    asked: input.items.length,
    filled: 0,
    unusable: [],
    documents: [],
  };
  if (!input.items.length) return report;
  const prepared = await withRetry(() => t.prepare(input.glossary), t.classify, {
    ...input.retry,
    onRetry: (f, n, ms) => log(`policy-bot: glossary: ${f.kind} (try ${n}), trying again in ${ms} ms`),
  });
  if (!prepared.ok) {
    if (prepared.failure.kind === 'quota' || prepared.failure.kind === 'auth') {
      report.stopped = { ...prepared.failure, attempts: prepared.attempts };
      return report;
    }
    report.glossaryNote = `the glossary could not be set up (${prepared.failure.message}); translating without it`;
    log(`policy-bot: ${report.glossaryNote}`);
  }
  const written = new Set<string>();
  for (let at = 0; at < input.items.length; at += t.batchSize) {
    const batch = input.items.slice(at, at + t.batchSize);
    const done = await withRetry(() => t.translate(batch, input.glossary), t.classify, {
      ...input.retry,
      onRetry: (f, n, ms) =>
        log(`policy-bot: ${t.description}: ${f.kind} (try ${n}: ${f.message}), trying again in ${ms} ms`),
    });
    if (!done.ok) {
      report.stopped = { ...done.failure, attempts: done.attempts };
      break;
    }
    const entries: EntriesByDocument = new Map();
    batch.forEach((item, i) => {
      const translation = done.value[i];
      const entry = translation && toEntry(item, translation, t.by, input.today);
      if (entry) addEntry(entries, item, entry);
      else report.unusable.push(item.id);
    });
    setEntries(input.dataDir, entries, input.order);
    for (const [doc, { set }] of entries) {
      report.filled += Object.keys(set).length;
      written.add(doc);
    }
  }
  report.documents = [...written];
  return report;
}
