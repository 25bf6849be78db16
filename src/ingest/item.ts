import { z } from 'zod';
import { HttpUrl } from '../util/url.js';

/** ISO calendar date `YYYY-MM-DD` that also exists on the calendar (no 2026-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/** A date or a date range; a single day has `start === end`. */
export const DateRange = z
  .object({ start: IsoDate, end: IsoDate })
  .refine((r) => r.start <= r.end, 'range ends before it starts');
export type DateRange = z.infer<typeof DateRange>;

export const CATEGORIES = [
  'aisi-activity',
  'domestic-policy',
  'overseas-policy',
  'domestic-report',
  'overseas-report',
  'report-section',
  'briefing-section',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/**
 * `other`: a digest section whose heading no region claims yet (a new region, say). Its items are
 * kept under their own heading until data/lexicon/regions.yml gives the heading a place.
 */
export const REGIONS = ['japan', 'us', 'europe', 'asia', 'international', 'other'] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

/** ISO 3166-1 alpha-2, plus the two supranational actors the digests treat as jurisdictions. */
export const CountryCode = z.string().regex(/^(?:[A-Z]{2}|ASEAN)$/, 'expected ISO 3166 alpha-2, EU or ASEAN');

export const ItemSource = z.object({
  /** Document id from data/sources.yml. */
  document: z.string().min(1),
  /** Document title as people cite it (`AI政策動向マンスリー情報 2026年1月`). */
  documentTitle: z.string().min(1),
  /** Heading path from the document root to the item, as printed in the document. */
  section: z.array(z.string().min(1)),
  /** The page the document itself is published on, when known (`url` in data/sources.yml). */
  documentUrl: HttpUrl.optional(),
  /** Who publishes the document (`publisher` in data/sources.yml): a citation's reporter. */
  documentPublisher: z.string().min(1).optional(),
  /** Short, citable label of the section (`海外/アジア`), without the ordinal. */
  sectionLabel: z.string().min(1),
  /** 1-based position of the item within its section. */
  ordinal: z.number().int().positive(),
  /** Path of the document file relative to data/. */
  file: z.string().min(1),
  /** First line of the item (1-based). */
  line: z.number().int().positive(),
  /** Every line of the file this item consumed (title, body and URL lines), ascending. */
  lines: z.array(z.number().int().positive()).min(1),
});
export type ItemSource = z.infer<typeof ItemSource>;

/**
 * The one model of the corpus: everything policy-bot shows is an Item.
 *
 * @remarks `id` is derived from document, section and ordinal only, so it is unchanged when
 * the build is re-run and can be pasted into `/policy cite`.
 */
export const Item = z.object({
  id: z.string().regex(/^[a-z0-9-]+(?:\/[a-z0-9.-]+)+$/, 'expected document/section/ordinal'),
  kind: z.enum(['event', 'section']),
  title: z.string().min(1),
  body: z.string(),
  date: DateRange.optional(),
  category: Category,
  region: Region,
  countries: z.array(CountryCode),
  urls: z.array(HttpUrl),
  /** Notes printed next to a URL in the document (`(動画)`, `(英文版)`), keyed by URL. */
  urlNotes: z.record(z.string(), z.string()).optional(),
  source: ItemSource,
});
export type Item = z.infer<typeof Item>;

/**
 * What a parser needs to know about the document it reads (a `data/sources.yml` entry without
 * its layout, which only chooses the parser).
 */
export interface DocumentMeta {
  id: string;
  path: string;
  title: string;
  kind: 'digest' | 'report' | 'briefing';
  publisher?: string | undefined;
  url?: string | undefined;
}

/** A problem found while reading the corpus: always names the file, and the line when known. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

/** A non-empty line that belongs to no item, with the reason it is not content. */
export interface SkippedLine {
  line: number;
  reason: string;
}

/** What one parser returns for one document. */
export interface ParsedDocument {
  items: Item[];
  skipped: SkippedLine[];
  problems: Problem[];
  /**
   * Read, but worth a look: an unknown section heading kept as a section of its own. Unlike a
   * problem, a warning never refuses a month.
   */
  warnings?: Problem[];
}

/** Formats a problem the way compilers do: `file:line: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
