import { glossaryIndex } from '../glossary.js';
import type { TermGroup, UnderstandContext } from './context.js';

/**
 * Examples: "AISIのサブワーキンググループ（医療・ロボティクスなど）", "partner orgs (nict, riken
 * etc)", "laws such as SB53 or RAISE", and two words joined by "or" ("copper or lithium"). A
 * list the asker marks as examples (など, 等, etc, e.g., such as), or offers as alternatives (or),
 * names things the answer may be about, not things it must all be about: read as one
 * concept matched by any of them. Read as separate concepts, one example the corpus does not hold
 * (医療) emptied the answer as "Nothing about 医療" although the others were the subject.
 *
 * Only lists whose every example reads as exactly one concept are merged; anything else (an
 * example of two concepts, or one that is only filler) is left to the ordinary reading, which is
 * stricter, never looser.
 */

/** One list of examples found in a question: where its examples are, and the examples as typed. */
export interface ExampleList {
  /** Start and end of the examples in the text (the marker itself is left to be read as filler). */
  start: number;
  end: number;
  /** The list as typed ("nict, riken", "医療・ロボティクス"): the concept's label. */
  text: string;
  items: string[];
  /** A marker before the list ("such as"), read as filler: it only says that examples follow. */
  marker?: string;
  lang: 'en' | 'ja';
}

/**
 * Lists are found by scanning from their marker, never by a pattern over the whole question: a
 * pattern of repeated items whose characters overlap its separators (・ is katakana) backtracks
 * without end on a long run with no marker — a one-question stall (issue 19). Every scan is
 * bounded: at most {@link MAX_ITEMS} items of at most {@link MAX_ITEM} characters, in a window of
 * {@link WINDOW} characters around a marker.
 */
const MAX_ITEMS = 8;
const MAX_ITEM = 24;
const WINDOW = 120;

/** A character of a Japanese example: kanji, katakana (not the ・ that separates them), Latin, digits. */
const JA_ITEM_CHAR = /[\u30a1-\u30fa\u30fc-\u30ff\u3400-\u9fffA-Za-z0-9]/;
const JA_SEPARATORS = '・、,，やと';
/** 医療・ロボティクスなど, 医療や金融等, AとBとか. */
const JA_MARKER = /など|等|とか/g;

/** The examples before a Japanese marker at `at`, scanning back: [start, items] or undefined. */
function japaneseListBefore(text: string, at: number): { start: number; items: string[] } | undefined {
  const items: string[] = [];
  let pos = at;
  let start = at;
  while (items.length < MAX_ITEMS) {
    let s = pos;
    while (s > 0 && pos - s <= MAX_ITEM && JA_ITEM_CHAR.test(text[s - 1] as string)) s -= 1;
    // No item, or one longer than an example (a run cut anywhere would be half a word).
    if (s === pos || pos - s > MAX_ITEM) return undefined;
    items.unshift(text.slice(s, pos));
    start = s;
    if (s === 0 || !JA_SEPARATORS.includes(text[s - 1] as string)) break;
    pos = s - 1;
  }
  return items.length >= 2 ? { start, items } : undefined;
}

/** One word of an English example (never "and"/"or", which join examples). */
const EN_WORD = "(?!(?:and|or)\\b)[A-Za-z0-9][\\w'.-]{0,30}";
/** An English example: one word or two. */
const EN_ITEM = `${EN_WORD}(?: ${EN_WORD})?`;
const EN_JOIN = '(?:,? (?:and|or) |, ?|/)';
/** "chatbots, deepfakes etc", "nict, riken and so on": the marker; the list ends just before it. */
const EN_BEFORE_MARKER = /\b(?:etc|and so on|and the like)\b/gi;
/** The list at the end of the window before that marker. */
const EN_LIST_AT_END = new RegExp(`(${EN_ITEM}(?:${EN_JOIN}${EN_ITEM}){1,${MAX_ITEMS - 1}}),? ?$`, 'i');
/** "such as SB53 or RAISE", "e.g. NICT, RIKEN", "including X and Y": the marker; the list follows. */
const EN_AFTER_MARKER = /(?:\bsuch as|\be\.?g\b\.?,?|\bincluding) /gi;
/** The list at the start of the window after that marker. */
const EN_LIST_AT_START = new RegExp(`^(${EN_ITEM}(?:${EN_JOIN}${EN_ITEM}){1,${MAX_ITEMS - 1}})`, 'i');

/** Splits an English list's text into its examples. */
function englishItems(list: string): string[] {
  return list
    .split(/,? (?:and|or) |, ?|\//i)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The example lists of a question (positions in `text`), not overlapping, in order. */
export function findExampleLists(text: string): ExampleList[] {
  const found: ExampleList[] = [];
  const add = (start: number, list: string, items: string[], lang: 'en' | 'ja', marker?: string) => {
    const end = start + list.length;
    const from = start - (marker ? marker.length : 0);
    if (items.length < 2 || found.some((f) => from < f.end && f.start < end)) return;
    found.push({ start: from, end, text: list, items, lang, ...(marker ? { marker: marker.trim() } : {}) });
  };
  for (const m of text.matchAll(JA_MARKER)) {
    const at = m.index ?? 0;
    const list = japaneseListBefore(text, at);
    if (list) add(list.start, text.slice(list.start, at), list.items, 'ja');
  }
  for (const m of text.matchAll(EN_BEFORE_MARKER)) {
    const at = m.index ?? 0;
    const from = Math.max(0, at - WINDOW);
    const hit = EN_LIST_AT_END.exec(text.slice(from, at));
    if (!hit) continue;
    const list = hit[1] as string;
    add(from + (hit.index ?? 0), list, englishItems(list), 'en');
  }
  for (const m of text.matchAll(EN_AFTER_MARKER)) {
    const after = (m.index ?? 0) + m[0].length;
    const hit = EN_LIST_AT_START.exec(text.slice(after, after + WINDOW));
    if (!hit) continue;
    const list = hit[1] as string;
    add(after, list, englishItems(list), 'en', m[0]);
  }
  // "copper or lithium", "drugs or guns": two words joined by "or" are alternatives the asker
  // offers, an answer about either answers — when each reads as exactly one concept.
  for (const m of text.matchAll(EN_OR)) {
    const list = m[0];
    const [first, second] = englishItems(list) as [string, string];
    // (not a word that begins or ends a glossary phrase: "backdoors or national security risks")
    const next = /^\s+([A-Za-z][\w'-]*)/.exec(text.slice((m.index ?? 0) + list.length))?.[1];
    const before = /([A-Za-z][\w'-]*)\s+$/.exec(text.slice(0, m.index ?? 0))?.[1];
    const gloss = glossaryIndex();
    if (next && gloss.has(`${second} ${next}`.toLowerCase())) continue;
    if (before && gloss.has(`${before} ${first}`.toLowerCase())) continue;
    add(m.index ?? 0, list, [first, second], 'en');
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Two words joined by "or", neither "and" nor "or" itself. */
const EN_OR =
  /(?<![\w'-])(?!(?:and|or)\b)[A-Za-z][\w'-]{1,30} or (?!(?:and|or)\b)[A-Za-z][\w'-]{1,30}(?![\w'-])/gi;

/**
 * The examples' concepts as one group matched by any of them, or undefined when some example
 * is not exactly one concept (then the list is read word by word, as any other text).
 */
export function exampleGroup(
  list: ExampleList,
  readItem: (item: string) => TermGroup[],
): TermGroup | undefined {
  const groups: TermGroup[] = [];
  for (const item of list.items) {
    const read = readItem(item);
    if (read.length !== 1) return undefined;
    const g = read[0] as TermGroup;
    if (g.place || g.agency) return undefined;
    groups.push(g);
  }
  const first = groups[0] as TermGroup;
  const union = <T>(xs: T[][]): T[] => [...new Map(xs.flat().map((x) => [JSON.stringify(x), x])).values()];
  const translations = groups.flatMap((g) => g.translation ?? []);
  const same = <K extends 'instrument' | 'actor'>(k: K) =>
    groups.every((g) => g[k] !== undefined && g[k] === first[k]) ? { [k]: first[k] } : {};
  return {
    label: list.text,
    ...(translations.length ? { translation: [...new Set(translations)] } : {}),
    alternatives: union(groups.map((g) => g.alternatives)),
    boost: [...new Set(groups.flatMap((g) => g.boost))],
    weak: groups.every((g) => g.weak),
    untranslated: groups.every((g) => g.untranslated),
    source: first.source ?? 'typed',
    ...same('instrument'),
    ...same('actor'),
  };
}

/**
 * Reads the example lists of `text` (see the module comment) into groups; returns them with the
 * text left to read, the merged lists blanked out.
 */
export function exampleGroups(
  text: string,
  ctx: UnderstandContext,
  read: (item: string, lang: 'en' | 'ja') => TermGroup[],
): { groups: TermGroup[]; rest: string } {
  const groups: TermGroup[] = [];
  let rest = text;
  for (const list of findExampleLists(text)) {
    // Each example is read on a copy of the filler, kept only when the list is merged.
    const filler = ctx.filler.length;
    const g = exampleGroup(list, (item) => read(item, list.lang));
    if (!g) {
      ctx.filler.length = filler;
      continue;
    }
    groups.push(g);
    if (list.marker) ctx.filler.push(list.marker);
    rest = rest.slice(0, list.start) + ' '.repeat(list.end - list.start) + rest.slice(list.end);
  }
  return { groups, rest };
}
