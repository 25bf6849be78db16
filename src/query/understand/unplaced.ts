import { tokenizerSync } from '../../analyze/kuromoji.js';
import { clippedForms } from '../../analyze/lexicon.js';
import { namesOf, regionNames } from '../../geo/gazetteer.js';
import { editDistance } from '../edit-distance.js';
import type { Interpretation, TermGroup } from './context.js';
import { toKatakana } from './text.js';

/**
 * The last guard of "no word is dropped" (issue 18): a Japanese noun of the question (with a
 * kanji or katakana), or a Latin word of a Japanese question, that understanding put nowhere — in no concept,
 * filler, period or place — becomes a concept as typed, so it is matched or said to be missing,
 * never silently left out. The readers before it place every word they know how to read; this
 * catches what a new kind of question slips past them. (The bench's count of dropped words is
 * made by test/support/dropped-words.ts, apart from this code.)
 */
export function unplacedNouns(
  text: string,
  interp: Omit<Interpretation, 'groups'> & { groups: TermGroup[] },
): string[] {
  const placed = [
    ...interp.groups.flatMap((g) => [
      g.label,
      ...(g.readAs ? [g.readAs] : []),
      ...(g.translation ?? []),
      ...g.alternatives.flat(),
    ]),
    ...interp.filler,
    ...Object.values(interp.placeNames),
    ...interp.countries.flatMap(namesOf),
    ...regionNames()
      .filter((r) => interp.regions.includes(r.region))
      .flatMap((r) => [...r.en, ...r.ja]),
    ...(interp.periodText ? [interp.periodText] : []),
  ].map((p) => toKatakana(p.toLowerCase()));
  // (as placed: inside a placed text, or holding a placed word of three letters or more, or two
  // edits from one for a word of five — a typo read as its word)
  const words = placed.flatMap((p) => p.split(/[\s-]+/)).filter(Boolean);
  const byLength = new Map<number, string[]>();
  for (const p of new Set(words)) byLength.set(p.length, [...(byLength.get(p.length) ?? []), p]);
  const near = (k: string) => {
    for (let n = k.length - 2; n <= k.length + 2; n++)
      for (const p of byLength.get(n) ?? []) if (editDistance(k, p, 2) <= 2) return true;
    return false;
  };
  // (each distinct word once: a long question repeats its words, and the edit distances add up)
  const seen = new Map<string, boolean>();
  const isPlaced = (w: string): boolean => {
    const known = seen.get(w);
    if (known !== undefined) return known;
    const placedHere = placedAt(w);
    seen.set(w, placedHere);
    return placedHere;
  };
  const placedAt = (w: string) => {
    const k = toKatakana(w.toLowerCase());
    return (
      placed.some((p) => p.includes(k)) ||
      words.some((p) => p.length >= 3 && k.includes(p)) ||
      (k.length >= 5 && near(k))
    );
  };
  const out: string[] = [];
  // A clipped form (京大, 文科省) read as its full words is placed whole, before it is cut into words.
  let japanese = text.replace(/[A-Za-z0-9]+/g, ' ');
  for (const [short, full] of Object.entries(clippedForms().ja))
    if (japanese.includes(short) && isPlaced(full)) japanese = japanese.replaceAll(short, ' ');
  for (const t of tokenizerSync().tokenize(japanese)) {
    const noun = t.pos === '名詞' && !['数', '非自立', '代名詞', '接尾'].includes(t.pos_detail_1);
    if (!noun && t.pos !== '形容詞') continue;
    const w = t.surface_form;
    if (!/[\u30a1-\u30fa\u3400-\u9fff]/.test(w)) continue;
    if (!isPlaced(w) && !isPlaced(t.basic_form) && !out.includes(w)) out.push(w);
  }
  // and the Latin words of a Japanese question (an English word the readers skipped)
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(text))
    for (const m of text.matchAll(/[A-Za-z][A-Za-z'’]+/g)) {
      const w = m[0].replace(/['’]s$/, '');
      if (w.length >= 2 && !isPlaced(w) && !out.includes(w)) out.push(w);
    }
  return out;
}
