import { join } from 'node:path';
import { ask } from '../src/query/ask.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { projectRoot } from '../src/util/paths.js';
import { judgeNatural, loadNatural } from './natural.js';

/**
 * A mechanism check on the tuned sets: every question answered correctly as written is asked
 * again with a typo — the longest English word of six letters or more with two letters swapped,
 * one dropped or one doubled; the first katakana word of five or more with a long-vowel mark
 * added or dropped — and counted as kept when still answered correctly. Deterministic.
 */
export function typoRobustness(index: SearchIndex): { en: [number, number]; ja: [number, number] } {
  const en: [number, number] = [0, 0];
  const ja: [number, number] = [0, 0];
  let k = 0;
  const files = [
    'natural/questions.yml',
    'natural/paraphrases.yml',
    'tune5/questions.yml',
    'tune6/questions.yml',
  ];
  for (const f of files) {
    const set = loadNatural(join(projectRoot(), 'bench', ...f.split('/')));
    for (const q of set.questions) {
      if (q.empty || (f === 'natural/questions.yml' && q.split !== 'tune')) continue;
      const today = q.today ?? set.today;
      if (judgeNatural(q, ask(index, q.q, { today, limit: 50 }).results)) continue;
      let typo: string | undefined;
      if (q.lang === 'en') {
        const words = q.q.split(/\s+/);
        let at = -1;
        words.forEach((w, i) => {
          if (/^[a-z]{6,}$/.test(w) && (at < 0 || w.length > (words[at] as string).length)) at = i;
        });
        if (at < 0) continue;
        const w = words[at] as string;
        k++;
        words[at] =
          k % 3 === 0
            ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`
            : k % 3 === 1
              ? `${w.slice(0, 3)}${w.slice(4)}`
              : `${w.slice(0, 4)}${w[4]}${w.slice(4)}`;
        typo = words.join(' ');
      } else {
        const m = q.q.match(/[\u30a1-\u30faー]{5,}/);
        if (!m) continue;
        const w = m[0];
        k++;
        const i = 2 + (k % Math.max(1, w.length - 3));
        typo = q.q.replace(
          w,
          k % 2 === 0 && w.includes('ー') ? w.replace('ー', '') : `${w.slice(0, i)}ー${w.slice(i)}`,
        );
      }
      const tally = q.lang === 'en' ? en : ja;
      tally[1]++;
      if (!judgeNatural(q, ask(index, typo, { today, limit: 50 }).results)) tally[0]++;
    }
  }
  return { en, ja };
}
