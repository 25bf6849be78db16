import { actionOf } from '../analyze/instrument.js';
import { type Actor, actorsLexicon, instrumentsLexicon, placesLexicon } from '../analyze/lexicon.js';
import type { EnglishBy } from '../english/entry.js';
import { countryName } from '../geo/gazetteer.js';
import type { Lang } from '../query/understand.js';
import type { StoredItem } from '../search/stored-item.js';
import { say } from './catalogue.js';

/** How the English line names an instrument type. */
const INSTRUMENT_EN: Record<string, string> = {
  'executive-order': 'executive order',
};

/** Latin names printed in a title: "AI Action Plan", "SB53", "NIST AI 800-2", "Grok". */
const LATIN_NAME = /[A-Za-z][A-Za-z0-9]*(?:[ .&'’:+\-/]+[A-Za-z0-9]+)*/g;

/** The whole-word pattern of each Latin name, compiled once (every answer line tries them all). */
const wholeWords = new Map<string, RegExp>();

/** Where a name occurs in a title; a Latin name only as a whole word (EC is not inside IEC). */
function indexOfName(title: string, name: string): number {
  if (!/[A-Za-z]/.test(name)) return title.indexOf(name);
  let re = wholeWords.get(name);
  if (!re) {
    re = new RegExp(`(?<![A-Za-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
    wholeWords.set(name, re);
  }
  const m = re.exec(title);
  return m ? m.index : -1;
}

/** Words that are names of actors, places or their codes: said by the subject, not repeated as names. */
let known: Set<string> | undefined;
function knownNames(): Set<string> {
  if (!known) {
    known = new Set(['ai', 'in', 'the']);
    for (const a of actorsLexicon())
      for (const n of [...a.en, ...a.ja, ...a.terms]) known.add(n.toLowerCase());
    for (const c of placesLexicon().countries)
      for (const n of [c.code, ...c.en, ...c.en_cased, ...c.ja]) known.add(n.toLowerCase());
  }
  return known;
}

interface Who {
  en: string;
  country?: string;
  at: number;
}

/** The actor a title starts from: the earliest actor or US state it names. */
function whoActs(title: string, item: StoredItem): Who | undefined {
  let best: Who | undefined;
  const consider = (name: string, en: string, country: string | undefined) => {
    const at = indexOfName(title, name);
    if (at >= 0 && (!best || at < best.at)) best = { en, ...(country ? { country } : {}), at };
  };
  for (const a of actorsLexicon() as Actor[]) {
    for (const n of [...a.ja, ...a.en.filter((e) => /[A-Z]/.test(e))])
      consider(n, a.en[0] as string, a.country);
  }
  for (const s of placesLexicon().us_states) {
    const en = s.en.replace(/\b[a-z]/g, (c) => c.toUpperCase());
    for (const n of s.ja) consider(n, en, 'US');
  }
  if (!best && item.category === 'aisi-activity') {
    const aisi = actorsLexicon().find((a) => a.categories.includes(item.category));
    if (aisi) best = { en: aisi.en[0] as string, country: aisi.country, at: 0 };
  }
  return best;
}

/**
 * One English line for an item, for askers who read English: who acted (the actor in English,
 * with its country), what was done, which instrument, and the English names the title itself
 * prints. Every part comes from the item's title and the lexicon — nothing is invented, and a
 * part the title does not support is left out (an undated section may only say its country).
 *
 * @example `California (the US) · brought into force · law · “SB53”`
 */
export function englishLine(item: StoredItem): string {
  // Every answer shows up to ten lines and each tries every actor's names: remembered per item,
  // for as long as the lexicons it was made from are the loaded ones.
  const from = [actorsLexicon(), placesLexicon(), instrumentsLexicon()] as const;
  if (from.some((lexicon, i) => lexicon !== linesFrom[i])) {
    linesFrom = from;
    lines = new WeakMap();
  }
  let line = lines.get(item);
  if (line === undefined) {
    line = makeEnglishLine(item);
    lines.set(item, line);
  }
  return line;
}

let linesFrom: readonly unknown[] = [];
let lines = new WeakMap<StoredItem, string>();

function makeEnglishLine(item: StoredItem): string {
  const title = item.title.normalize('NFKC');
  const who = whoActs(title, item);
  const place = who?.country ?? item.countries[0];
  const placeName = place ? countryName(place, 'en') : undefined;
  const subject = who ? `${who.en}${placeName && who.en !== placeName ? ` (${placeName})` : ''}` : placeName;
  const action = actionOf(title);
  const instrument = item.instrument ? (INSTRUMENT_EN[item.instrument] ?? item.instrument) : undefined;
  const names = [...new Set((title.match(LATIN_NAME) ?? []).map((n) => n.trim()))].filter(
    (n) => (n.length > 2 || /\d/.test(n)) && !knownNames().has(n.toLowerCase()),
  );
  const parts = [
    subject,
    action,
    instrument,
    names.length ? names.map((n) => `“${n}”`).join(', ') : undefined,
  ].filter((p): p is string => Boolean(p));
  if (!parts.length) return item.kind === 'section' ? 'Report section' : 'Item';
  return parts.join(' · ');
}

/** What the heading of one answer item needs. */
export interface HeadedItem {
  title: string;
  snippet: string;
  /** The keyword line (a string; other shapes are ignored). */
  english?: unknown;
  title_en?: string | undefined;
  summary_en?: string | undefined;
  english_by?: EnglishBy | undefined;
  english_stale?: true | undefined;
}

/** How an answer item is headed for an asker (one decision for the console, the CLI and exports). */
export interface ItemHeading {
  /** The line to lead with: the English title for English askers when there is one, else the Japanese. */
  headline: string;
  /** The Japanese title, shown beneath an English headline (it is what the source says). */
  original?: string;
  /** For English askers without an English title: the keyword line, labelled as a gloss. */
  gloss?: string;
  /** The text under the item: the English summary, else the Japanese snippet ('' when none). */
  text: string;
  /** What to say about the English: machine-made, under review (sentences in the asker's language). */
  notes: string[];
}

/**
 * Who reads what: English askers get the English title as the headline, the Japanese title
 * beneath and the English summary instead of the Japanese snippet, with a note when the English
 * is machine-made or its source title changed; without English, the Japanese title and the
 * keyword line labelled as a gloss. Japanese askers get the item as the source gives it.
 */
export function itemHeading(it: HeadedItem, lang: Lang): ItemHeading {
  if (lang === 'ja') return { headline: it.title, text: it.snippet, notes: [] };
  if (it.title_en) {
    const notes: string[] = [];
    if (it.english_by && it.english_by !== 'person') notes.push(say(lang, 'machineTranslation'));
    if (it.english_stale) notes.push(say(lang, 'englishStale'));
    return { headline: it.title_en, original: it.title, text: it.summary_en ?? it.snippet, notes };
  }
  const line = typeof it.english === 'string' && it.english.trim() ? it.english.trim() : undefined;
  return {
    headline: it.title,
    ...(line ? { gloss: `${say(lang, 'gloss')}: ${line}` } : {}),
    text: it.snippet,
    notes: [],
  };
}
