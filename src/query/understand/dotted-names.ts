import { analyze, stemKatakana } from '../../analyze/analyzer.js';
import { nameEndSet } from '../glossary.js';
import { minimalAlternatives } from './alternatives.js';
import type { TermGroup } from './context.js';

/**
 * Katakana words joined by a middle dot (フロンティア・モデル・フォーラム, ジェネシス・ミッション) are one
 * name when a word is no glossary subject or the last names a kind of body or event
 * (`ja_name_ends`); サイバーセキュリティ・プライバシー is a list of two subjects. The analyzer cuts
 * at the dot, as it must for the documents, but a question that names the Frontier Model Forum
 * is not answered by items about models and safety: the name's words become one concept whose
 * every word an item must have (each by any of its readings or its English: グーグル・ディープマインド
 * is Google DeepMind), so a name the corpus lacks is said missing instead of half-matched.
 */
const DOTTED_NAME = /[\u30a1-\u30fa\u30fc]{2,}(?:[・･][\u30a1-\u30fa\u30fc]{2,})+/g;

/** At most this many combinations of the words' forms (three forms of each of four words is 81). */
const MAX_COMBINATIONS = 64;

/** A name has at most this many dotted words. */
const MAX_WORDS = 5;

/** At most this many dotted names are merged in one question. */
const MAX_NAMES = 8;

/** The question's groups with each dotted name's words merged into one group (see above). */
export function mergeDottedNames(
  groups: TermGroup[],
  text: string,
  englishOf: (word: string) => string[][],
): TermGroup[] {
  let out = groups;
  let seen = 0;
  for (const m of text.matchAll(DOTTED_NAME)) {
    // (a question names a few; a pasted page of dotted lists is read as its words)
    if (++seen > MAX_NAMES) break;
    const words = m[0].split(/[・･]/);
    // (a longer chain is a list of things, not one name)
    if (words.length > MAX_WORDS) continue;
    // only when every word of the name is a concept of its own, read as nothing else (a place,
    // an actor, filler): ホライズン・ヨーロッパ keeps Europe as the place it names
    const parts = words.map((w) => out.filter((g) => g.label === w && !g.place && !g.agency && !g.actor));
    if (parts.some((p) => p.length !== 1)) continue;
    const members = parts.map((p) => p[0] as TermGroup);
    // A chain of the glossary's subjects is a list (サイバーセキュリティ・プライバシー), unless its
    // last word names a kind of body or event; a word the glossary does not know makes it a name.
    const last = stemKatakana(words[words.length - 1] as string);
    if (members.every((g) => g.source === 'glossary') && !nameEndSet().has(last)) continue;
    let combos: string[][] = [[]];
    // (each word also by its English, since a name is often printed in Latin letters in a Japanese
    // sentence: セーフティ・レッドチーム・チャレンジ is "Safety Red Teaming Challenge")
    members.forEach((g, k) => {
      const forms = minimalAlternatives([
        ...g.alternatives.slice(0, 2),
        ...englishOf(words[k] as string).slice(0, 1),
      ]);
      combos = combos.flatMap((c) => forms.map((a) => [...c, ...a])).slice(0, MAX_COMBINATIONS);
    });
    const joined = analyze(words.join('')).flatMap((u) => u.terms);
    const merged: TermGroup = {
      label: m[0],
      alternatives: minimalAlternatives([...combos, ...(joined.length ? [joined] : [])]),
      boost: [words.join('')],
      weak: false,
      untranslated: false,
      name: true,
      source: 'typed',
    };
    const first = out.indexOf(members[0] as TermGroup);
    out = out.flatMap((g, i) => (i === first ? [merged] : members.includes(g) ? [] : [g]));
  }
  return out;
}
