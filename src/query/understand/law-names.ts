import { glossaryEntries, instrumentsLexicon } from '../../analyze/lexicon.js';
import { questionWordSet } from '../glossary.js';
import type { TermGroup } from './context.js';

/**
 * Laws named in an English question: the name before "Act" or "Directive" and that word are what
 * the question is about (see {@link markLawNames}); the words that end a law's name are data
 * (`law_name_ends` in instruments.yml).
 */

/** Words that end a law's name (act, directive…: `law_name_ends` in instruments.yml). */
let lawEnds: Set<string> | undefined;
export const lawNameEnds = (): Set<string> => {
  lawEnds ??= new Set(instrumentsLexicon().law_name_ends);
  return lawEnds;
};

/** Whether the glossary knows a word as a law's name (dsa: "digital services act"). */
export function glossaryNamesLaw(word: string): boolean {
  return glossaryEntries().some(
    (e) => e.en.includes(word) && e.en.some((f) => lawNameEnds().has(f.split(' ').pop() ?? '')),
  );
}

/**
 * The words typed right before a word that ends a law's name (CHIPS Act, RAISE act, AI Liability
 * Directive, robot law), question words aside: typed next to each other, not joined by filler.
 */
export function lawNameWords(original: readonly string[]): Set<string> {
  const out = new Set<string>();
  original.forEach((w, k) => {
    const lower = w.toLowerCase();
    if (lawNameEnds().has((original[k + 1] ?? '').toLowerCase()) && !questionWordSet().has(lower))
      out.add(lower);
  });
  return out;
}

/**
 * The name before "Act" or "Directive" (CHIPS Act, RAISE Act, AI Liability Directive, a robot
 * law) and that word are what the question is about: marked so that every answer matches both
 * (a liability item under another law, a robot item about no law, answer neither). Only words
 * typed next to each other; a weak word (AI Act) is no name.
 */
export function markLawNames(groups: TermGroup[], names: ReadonlySet<string>): TermGroup[] {
  const named = new Set<number>();
  groups.forEach((g, i) => {
    const next = groups[i + 1];
    const last = g.label.toLowerCase().split(' ').pop() ?? '';
    if (!next || !lawNameEnds().has(next.label.toLowerCase()) || g.weak || !names.has(last)) return;
    named.add(i);
    named.add(i + 1);
  });
  return groups.map((g, i) => (named.has(i) ? { ...g, lawName: true } : g));
}
