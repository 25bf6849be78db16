import { z } from 'zod';
import { IsoDate } from '../ingest/item.js';

/**
 * Who wrote an English title and summary: a `person` (written or reviewed by someone who read
 * the item), or a machine (`deepl`, `llm`) whose output waits for that review. Reviewing an
 * entry means reading it against the item and setting `by: person` (and the date).
 */
const ENGLISH_BY = ['person', 'deepl', 'llm'] as const;
export const EnglishBy = z.enum(ENGLISH_BY);
export type EnglishBy = z.infer<typeof EnglishBy>;

/** More words than this is not a one-sentence summary any more (a pasted body, say). */
export const MAX_SUMMARY_WORDS = 60;
export const MAX_TITLE_CHARS = 300;

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;
const oneLine = (s: string) => !/[\r\n]/.test(s);

/**
 * One item's English, as `data/english/<document>.yml` keeps it. `ja` is the item's Japanese
 * title when the English was written: when the source's title changes, the entry no longer
 * matches it and is reported as needing review.
 */
export const EnglishEntry = z.strictObject({
  ja: z.string().trim().min(1, 'the Japanese title the English was written from is missing'),
  title: z
    .string()
    .trim()
    .min(1, 'the English title is empty')
    .max(MAX_TITLE_CHARS, `an English title is at most ${MAX_TITLE_CHARS} characters`)
    .refine(oneLine, 'an English title is one line'),
  summary: z
    .string()
    .trim()
    .min(1, 'the English summary is empty')
    .refine(oneLine, 'a summary is one line')
    .refine(
      (s) => words(s) <= MAX_SUMMARY_WORDS,
      `a summary is one sentence (at most ${MAX_SUMMARY_WORDS} words)`,
    ),
  by: EnglishBy,
  date: IsoDate,
});
export type EnglishEntry = z.infer<typeof EnglishEntry>;

/** One file of `data/english/`: the document it belongs to and its entries, keyed by item id. */
export const EnglishFile = z.strictObject({
  document: z.string().regex(/^[a-z0-9-]+$/, 'expected a document id from data/sources.yml'),
  items: z.record(z.string().min(1), EnglishEntry).default({}),
});
export type EnglishFile = z.infer<typeof EnglishFile>;

/**
 * The English an item carries in index/ (and so in every result): the entry without its `ja`,
 * and `stale` when the item's title is no longer the one the English was written from.
 */
export interface StoredEnglish {
  title: string;
  summary: string;
  by: EnglishBy;
  date: string;
  stale?: true;
}

/** An entry with the document file it came from, as the loader returns it. */
export interface LoadedEntry extends EnglishEntry {
  document: string;
}
