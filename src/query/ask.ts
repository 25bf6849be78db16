import { loadDictionaryTables } from '../analyze/dictionary.js';
import type { EnglishBy } from '../english/entry.js';
import { type EventGroup, eventsOf } from '../events/group.js';
import type { Message } from '../present/catalogue.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import { corpusLookups, warmCorpusLookups } from './corpus-lookups.js';
import { collapseHits, collapseToEvents, highlightWords, toResultItem } from './page.js';
import { type SearchOutcome, search, warmSearch } from './search.js';
import { type Interpretation, type Lang, type UnderstandOptions, understand } from './understand.js';

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
  /** The item's English title (data/english/), for English askers; absent when none was written. */
  title_en?: string;
  /** Its one-sentence English summary, shown to English askers instead of the Japanese snippet. */
  summary_en?: string;
  /** Who wrote that English: `person` (reviewed), or a machine (`deepl`, `llm`) awaiting review. */
  english_by?: EnglishBy;
  /** Present (true) when the source's Japanese title changed after the English was written. */
  english_stale?: true;
  /**
   * Every document reporting this event, the primary (this result's own fields) first: one
   * entry for an item reported once, more when the same event is in a digest and the annual
   * report. `date` is as that document gives it (null when it gives none).
   */
  sources: AskSource[];
}

/** One document's report of an event. */
export interface AskSource {
  id: string;
  document: string;
  documentId: string;
  section: string;
  date: { start: string; end: string } | null;
  urls: string[];
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
    /** Concepts of the question the answer (or its closest suggestion) matches, as typed. */
    matched?: string[];
    /** Concepts of the question no item of the corpus uses, as typed. */
    missing?: string[];
    /** Words read as filler (question words, politeness, request verbs), as typed. */
    filler?: string[];
  };
  /**
   * What the answer says beyond its items (why it is empty, how a period was read, which words
   * were filler or missing), as message codes: src/present renders them in the asker's language
   * (`message` in the JSON, the notice line in Slack and the console).
   */
  notices?: Message[];
  /** How the period was resolved, as a code (rendered into `interpretation.periodNote`). */
  periodNotice?: Message;
  /** {@link notices} rendered, at the edge (`askJson`, present/answer.ts); never set by `ask`. */
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

export {
  collapseHits,
  collapseToEvents,
  eventResult,
  sectionCitation,
  snippet,
  toResultItem,
} from './page.js';

export interface AskOptions {
  today: string;
  limit?: number;
  offset?: number;
  /** The clock for the question's time budget (tests). */
  now?: () => number;
  /** Rewrites the understood question before searching (a thread follow-up inheriting filters). */
  adjust?: (interp: Interpretation) => Interpretation;
}

/**
 * The steps of warming an index, one per `yield`: the per-index tables (search tables, the
 * dictionary, the corpus's term tables, the events grouped across documents), then `rounds` passes over questions of every shape (the
 * first questions a process answers run cold, 2–5× slower until V8 has optimized the query
 * path, which takes a few passes). Pure caching: answers are the same with or without it.
 */
function* warmSteps(index: SearchIndex, rounds: number): Generator<void> {
  warmSearch(index);
  yield;
  // The dictionary's tables: the first question with a word the corpus lacks would otherwise
  // wait for them (once per process: a reload finds them read).
  loadDictionaryTables();
  yield;
  warmCorpusLookups(index);
  yield;
  eventsOf(index);
  const today = new Date().toISOString().slice(0, 10);
  for (let round = 0; round < rounds; round++)
    for (const q of WARM_UP_QUESTIONS) {
      yield;
      ask(index, q, { today, limit: 10 });
    }
}

/**
 * Warms a loaded index before it serves, so the first question after a start is as quick as
 * the others (≈0.2–0.5 s at 10 000 items, before the app answers anything). Returns the index.
 */
export function warmUp(index: SearchIndex): SearchIndex {
  for (const _ of warmSteps(index, 5));
  return index;
}

/**
 * {@link warmUp} for an index about to replace the one serving (a live reload): each step in its
 * own turn of the event loop, so acks of the index still serving go between, and the questions
 * once only (the code is already optimized in a process that has been serving).
 */
export async function warmUpGently(index: SearchIndex): Promise<SearchIndex> {
  for (const _ of warmSteps(index, 1)) await new Promise<void>((resolve) => setImmediate(resolve));
  return index;
}

/** Questions of every shape (English, Japanese, a place, a period, a code, an actor, a page). */
const WARM_UP_QUESTIONS = [
  'what did the EU publish last month about AI safety',
  '米国の州法 2025年12月',
  'guidelines on generative AI in Japan',
  'SB 53',
  'AISIの国際ネットワーク',
  'red teaming',
  'エージェント',
  'show more about frontier models in January',
  'Model AI Governance Framework for agentic systems',
  'consultation on the national AI strategy',
  'Texas',
  '2025年度の予算',
  'what happened in autumn 2025',
  'セキュリティ ガイドライン 意見募集',
];

/** Searches and shapes the answer: the one function the CLI, the console and Slack all call. */
export function ask(
  index: SearchIndex,
  question: string,
  options: AskOptions,
): AskResult & { interp: Interpretation } {
  const understood = understand(question, options.today, understandOptions(index, options));
  const interp = options.adjust ? options.adjust(understood) : understood;
  const found = search(index, interp, options.today);
  const outcome = withBudgetNote(found, interp);
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const words = highlightWords(interp);
  // Results, counts and pages are events: an event in a digest and the annual report is one.
  // Only the page shown is shaped; the rest is counted.
  const events = collapseHits(index, outcome.hits);
  const shape = (e: { hit: { item: StoredItem }; group: EventGroup<StoredItem> | undefined }) =>
    toResultItem(e.group?.primary ?? e.hit.item, words, e.group);
  const page = collapseToEvents(index, events.slice(offset, offset + limit));
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
      matched: found.matched,
      missing: found.missing,
      filler: interp.filler,
    },
    notices: outcome.notices,
    ...(outcome.periodNotice ? { periodNotice: outcome.periodNotice } : {}),
    total: events.length,
    results: page.map(shape),
    ...(outcome.hits.length === 0
      ? {
          suggestions: collapseToEvents(index, outcome.suggestions).slice(0, 5).map(shape),
          ...(outcome.unmatched.length ? { unmatched: outcome.unmatched } : {}),
        }
      : {}),
    interp,
  };
}

/** What understanding reads from the index (its vocabulary and its terms), and the clock. */
export function understandOptions(
  index: SearchIndex,
  options: { now?: (() => number) | undefined } = {},
): UnderstandOptions {
  return { ...corpusLookups(index), ...(options.now ? { now: options.now } : {}) };
}

/** The time-budget note first, when the question was read only in part. */
function withBudgetNote(o: SearchOutcome, interp: Interpretation): SearchOutcome {
  if (!interp.cutShort) return o;
  const note: Message = {
    code: 'questionCutShort',
    args: { analyzed: interp.cutShort.analyzedChars, length: interp.cutShort.length },
  };
  return { ...o, notices: [note, ...o.notices] };
}
