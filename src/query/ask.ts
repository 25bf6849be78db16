import { englishLine } from '../present/english.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import { search } from './search.js';
import { type Interpretation, type Lang, understand } from './understand.js';

/** One result as the `ask --json` contract prints it (other tools rely on these fields). */
export interface AskResultItem {
  id: string;
  kind: 'event' | 'section';
  date: { start: string; end: string } | null;
  title: string;
  snippet: string;
  urls: string[];
  countries: string[];
  category: string;
  region: string;
  source: { document: string; section: string; documentId: string; line: number };
  /** What the item is about (law, guideline, consultation…), from its title; absent when unknown. */
  instrument?: string;
  /**
   * One English line built from the item and the lexicon (who, what action, which instrument,
   * the English names the item carries), for English askers; never invented prose.
   */
  english?: string;
}

/** The `ask` contract: the question, what was understood, an optional message, the results. */
export interface AskResult {
  query: string;
  lang: Lang;
  interpretation: {
    countries: string[];
    regions: string[];
    period: { from: string; to: string; label: string } | null;
    terms: string[];
    /** Actors named (actors.yml ids): filters on their country, ranking by their names. */
    actors?: string[];
    /** Instrument types asked for ("guidelines" → guideline). */
    instruments?: string[];
    /** How a bare month or season was read ("July → July 2025, the latest July in the digests"). */
    periodNote?: string;
  };
  message?: string;
  total: number;
  results: AskResultItem[];
  /**
   * When nothing answers the question as a whole: the closest items, labelled as suggestions,
   * never mixed with `results` (which is then empty).
   */
  suggestions?: AskResultItem[];
  /** Words of the question the answer could not match (when abstaining). */
  unmatched?: string[];
}

export interface AskOptions {
  today: string;
  limit?: number;
  offset?: number;
  /** Rewrites the understood question before searching (a thread follow-up inheriting filters). */
  adjust?: (interp: Interpretation) => Interpretation;
}

/** Where an item sits in its document, as a citation says it: `海外/アジア #2`. */
export function sectionCitation(item: StoredItem): string {
  return item.kind === 'event'
    ? `${item.source.sectionLabel} #${item.source.ordinal}`
    : item.source.sectionLabel;
}

/** The words to look for when cutting a snippet: what was asked, in the corpus's spelling. */
function highlightWords(interp: Interpretation): string[] {
  return interp.groups.flatMap((g) => [...(g.translation ?? []), g.label]).filter((w) => w.length > 1);
}

/**
 * One or two lines of the body around the first word that was asked about, or its opening
 * when none appears; whole text, never cut inside a URL (bodies hold none).
 */
export function snippet(item: StoredItem, words: string[], max = 120): string {
  const body = item.body.replace(/\s+/g, ' ').trim();
  if (!body) return '';
  const hay = body.normalize('NFKC').toLowerCase();
  let at = -1;
  for (const w of words) {
    const i = hay.indexOf(w.normalize('NFKC').toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (body.length <= max) return body;
  const start = at > 40 ? at - 30 : 0;
  const cut = body.slice(start, start + max);
  return `${start > 0 ? '…' : ''}${cut}${start + max < body.length ? '…' : ''}`;
}

export function toResultItem(item: StoredItem, words: string[] = []): AskResultItem {
  return {
    id: item.id,
    kind: item.kind,
    date: item.date ?? null,
    title: item.title,
    snippet: snippet(item, words),
    urls: item.urls,
    countries: item.countries,
    category: item.category,
    region: item.region,
    source: {
      document: item.source.documentTitle,
      section: sectionCitation(item),
      documentId: item.source.document,
      line: item.source.line,
    },
    ...(item.instrument ? { instrument: item.instrument } : {}),
    english: englishLine(item),
  };
}

/** Searches and shapes the answer: the one function the CLI, the console and Slack all call. */
export function ask(
  index: SearchIndex,
  question: string,
  options: AskOptions,
): AskResult & { interp: Interpretation } {
  const understood = understand(question, options.today);
  const interp = options.adjust ? options.adjust(understood) : understood;
  const outcome = search(index, interp);
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const words = highlightWords(interp);
  return {
    query: question,
    lang: interp.lang,
    interpretation: {
      countries: interp.countries,
      regions: interp.regions,
      period: outcome.period
        ? { from: outcome.period.from, to: outcome.period.to, label: outcome.period.label[interp.lang] }
        : null,
      terms: interp.groups.map((g) => g.label),
      actors: interp.actors,
      instruments: [...new Set(interp.groups.flatMap((g) => (g.instrument ? [g.instrument] : [])))],
      ...(outcome.periodNote ? { periodNote: outcome.periodNote } : {}),
    },
    ...(outcome.message ? { message: outcome.message } : {}),
    total: outcome.hits.length,
    results: outcome.hits.slice(offset, offset + limit).map((h) => toResultItem(h.item, words)),
    ...(outcome.hits.length === 0
      ? {
          suggestions: outcome.suggestions.slice(0, 5).map((h) => toResultItem(h.item, words)),
          ...(outcome.unmatched.length ? { unmatched: outcome.unmatched } : {}),
        }
      : {}),
    interp,
  };
}

/** The JSON contract without internal fields. */
export function askJson(result: AskResult & { interp?: Interpretation }): AskResult {
  const { interp: _interp, ...rest } = result;
  return rest;
}
