import { tokenizerSync } from '../../src/analyze/kuromoji.js';
import { clippedForms } from '../../src/analyze/lexicon.js';
import { allNames, regionNames } from '../../src/geo/gazetteer.js';
import { editDistance } from '../../src/query/edit-distance.js';
import type { Interpretation } from '../../src/query/understand.js';

const kana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/**
 * The words of a question an answer was given without, counted from outside the query code
 * (issue 18 forbids any): when the answer has results, every concept the corpus lacks
 * (`missing`), and every word of the question that understanding put nowhere — in no concept
 * (its label or alternatives), filler, period, place, or name of a country or region asked. English words are the question's Latin words; Japanese words
 * are kuromoji's nouns and adjectives with a kanji or katakana (particles, endings and light verbs
 * carry no subject). A word is placed when some placed text contains it or it contains a placed
 * word, when it is within two edits of one (a typo read as the word), or when it is a clipped
 * form whose full words are placed, or when with a neighbour it is one edit from a placed two-word
 * name (new yrok, read as New York). Empty for an answer without results: it drops nothing.
 */
export function droppedWords(
  r: { results: unknown[]; interpretation: { missing?: string[] } },
  interp: Interpretation,
): string[] {
  if (!r.results.length) return [];
  // A country or region is placed under every name it goes by (韓国, Korea, ROK; アジア, Asia).
  const countries = new Set(interp.countries);
  const placed = [
    ...interp.groups.flatMap((g) => [
      g.label,
      ...(g.readAs ? [g.readAs] : []),
      ...(g.translation ?? []),
      ...g.alternatives.flat(),
    ]),
    ...interp.filler,
    ...Object.values(interp.placeNames),
    // (a place typed one letter off or a name typed clipped, read as the name: inda → India,
    // エネ省 → エネルギー省)
    ...Object.keys(interp.placeReadAs ?? {}),
    ...allNames()
      .filter((n) => countries.has(n.code))
      .map((n) => n.text),
    ...interp.regions,
    ...regionNames()
      .filter((r) => interp.regions.includes(r.region))
      .flatMap((r) => [...r.en, ...r.ja]),
    ...(interp.periodText ? [interp.periodText] : []),
    ...interp.urls,
  ].map((w) => kana(w.toLowerCase()));
  const words = placed.flatMap((p) => p.split(/[\s-]+/)).filter(Boolean);
  const has = (w: string): boolean =>
    placed.some((p) => p.includes(w)) ||
    words.some((p) => p.length >= 3 && w.includes(p)) ||
    (w.length >= 5 && words.some((p) => editDistance(w, p, 2) <= 2));
  const text = interp.question.replace(/https?:\/\/\S+/g, ' ').replace(/(^|\s)[@#][\w.-]+/g, ' ');
  const dropped = new Set<string>(r.interpretation.missing ?? []);
  const latin = [...text.matchAll(/[A-Za-z][A-Za-z'’]*/g)].map((m) => m[0]);
  // A word read with its neighbour as a two-word name with a typo (new yrok → New York).
  const inMisspeltPair = (k: number): boolean =>
    [latin[k - 1], latin[k + 1]].some((n, side) => {
      if (!n) return false;
      const pair = (side === 0 ? `${n} ${latin[k]}` : `${latin[k]} ${n}`).toLowerCase();
      return placed.some((p) => p.includes(' ') && editDistance(pair, p, 1) <= 1);
    });
  latin.forEach((word, k) => {
    const w = word.toLowerCase().replace(/['’]s$/, '');
    const full = clippedForms().en[w];
    if (w.length >= 2 && !has(w) && !full?.split(' ').every(has) && !inMisspeltPair(k)) dropped.add(word);
  });
  // A clipped Japanese form (京大, 文科省) read as its full words (京都大学: 京都 and 大学 placed).
  let japanese = text.replace(/[A-Za-z0-9]+/g, ' ');
  for (const [short, full] of Object.entries(clippedForms().ja))
    if (japanese.includes(short) && !words.reduce((rest, p) => rest.replaceAll(p, ''), kana(full)).trim())
      japanese = japanese.replaceAll(short, ' ');
  for (const t of tokenizerSync().tokenize(japanese)) {
    const content =
      (t.pos === '名詞' && !['数', '非自立', '代名詞', '接尾'].includes(t.pos_detail_1)) ||
      t.pos === '形容詞';
    if (!content || !/[\u30a1-\u30fa\u3400-\u9fff]/.test(t.surface_form)) continue;
    if (!has(kana(t.surface_form)) && !has(kana(t.basic_form))) dropped.add(t.surface_form);
  }
  return [...dropped];
}
