import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dictionaryDir } from '../src/analyze/dictionary.js';
import { ask } from '../src/query/ask.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { droppedWords } from '../test/support/dropped-words.js';

/**
 * Questions nobody wrote: pieces of the corpus's titles (Japanese and English) glued to random
 * dictionary words, in four shapes. An answer with a word placed nowhere (test/support/
 * dropped-words.ts) is the failure issue 18 forbids; counted here, with the first examples, so a
 * new class of dropped word shows before an asker finds it. Deterministic (a fixed seed).
 */
export function droppedWordFuzz(
  index: SearchIndex,
  n = 4000,
  seed = 1,
): { asked: number; dropped: number; examples: string[] } {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const keys = (file: string) =>
    gunzipSync(readFileSync(join(dictionaryDir(), file)))
      .toString()
      .split('\n')
      .map((l) => l.split('\t')[0] ?? '');
  const en = keys('en-ja.tsv.gz').filter((w) => /^[a-z]{3,12}$/.test(w));
  const ja = keys('ja-en.tsv.gz').filter((w) => /^[\u30a0-\u30ff\u3400-\u9fff]{2,6}$/.test(w));
  const titles = index.items.map((i) => i.title);
  const enTitles = index.items.flatMap((i) => (i.en?.title ? [i.en.title] : []));
  const piece = (t: string) => {
    const a = Math.floor(rnd() * t.length);
    return t.slice(a, a + 2 + Math.floor(rnd() * 8));
  };
  const words = (t: string) => {
    const w = t.split(/\s+/);
    const a = Math.floor(rnd() * w.length);
    return w.slice(a, a + 1 + Math.floor(rnd() * 3)).join(' ');
  };
  const examples: string[] = [];
  let dropped = 0;
  for (let k = 0; k < n; k++) {
    const q =
      k % 4 === 0 && enTitles.length
        ? `${words(pick(enTitles))} ${pick(en)}`
        : k % 4 === 1 && enTitles.length
          ? `${pick(['what about', 'any news on', 'korea', 'us'])} ${pick(en)} ${words(pick(enTitles))}`
          : k % 4 === 2
            ? `${piece(pick(titles))}の${pick(ja)}`
            : `${pick(ja)}${piece(pick(titles))}について`;
    const r = ask(index, q, { today: '2026-11-23', limit: 10 });
    const d = droppedWords(r, r.interp);
    if (!d.length) continue;
    dropped += 1;
    if (examples.length < 5) examples.push(`${q} → ${d.join(', ')}`);
  }
  return { asked: n, dropped, examples };
}
