import type { TermGroup, UnderstandContext } from './context.js';

/**
 * Examples: "AISIのサブワーキンググループ（医療・ロボティクスなど）", "partner orgs (nict, riken
 * etc)", "laws such as SB53 or RAISE". A list the asker marks as examples (など, 等, etc, e.g.,
 * such as) names things the answer may be about, not things it must all be about: read as one
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

const JA_ITEM = '[\\u30a0-\\u30ff\\u3400-\\u9fffA-Za-z0-9ー]+';
const JA_SEP = '[・、,，やと]';
/** 医療・ロボティクスなど, 医療や金融等: items of kanji, katakana or Latin, separated, then the marker. */
const JA_LIST = new RegExp(`(${JA_ITEM}(?:${JA_SEP}${JA_ITEM})+)(?=など|等|とか)`, 'g');

const EN_ITEM = "[A-Za-z0-9][\\w'.-]*(?: [A-Za-z0-9][\\w'.-]*)?";
const EN_JOIN = '(?:,? (?:and|or) |, ?|/)';
/** "chatbots, deepfakes etc", "nict, riken and so on": the items before the marker. */
const EN_BEFORE = new RegExp(
  `(${EN_ITEM}(?:${EN_JOIN}${EN_ITEM})+),? ?(?=\\b(?:etc|and so on|and the like)\\b)`,
  'gi',
);
/** "such as SB53 or RAISE", "e.g. NICT, RIKEN", "(eg chatbots, deepfakes)": the items after it. */
const EN_AFTER = new RegExp(
  `(?:\\bsuch as|\\be\\.?g\\.?,?|\\bincluding) (${EN_ITEM}(?:${EN_JOIN}${EN_ITEM})+)`,
  'gi',
);

/** Splits a list's text into its examples. */
function itemsOf(list: string, lang: 'en' | 'ja'): string[] {
  const parts = lang === 'ja' ? list.split(new RegExp(JA_SEP)) : list.split(/,? (?:and|or) |, ?|\//i);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** The example lists of a question (positions in `text`), not overlapping, in order. */
export function findExampleLists(text: string): ExampleList[] {
  const found: ExampleList[] = [];
  const add = (start: number, list: string, lang: 'en' | 'ja', marker?: string) => {
    const end = start + list.length;
    const from = start - (marker ? marker.length + 1 : 0);
    if (found.some((f) => from < f.end && f.start < end)) return;
    const items = itemsOf(list, lang);
    if (items.length >= 2)
      found.push({ start: from, end, text: list, items, lang, ...(marker ? { marker } : {}) });
  };
  for (const m of text.matchAll(JA_LIST)) add(m.index ?? 0, m[1] as string, 'ja');
  for (const m of text.matchAll(EN_BEFORE)) add(m.index ?? 0, m[1] as string, 'en');
  for (const m of text.matchAll(EN_AFTER)) {
    const list = m[1] as string;
    const marker = m[0].slice(0, m[0].length - list.length - 1);
    add((m.index ?? 0) + m[0].length - list.length, list, 'en', marker);
  }
  return found.sort((a, b) => a.start - b.start);
}

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
