import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishLemmas, lookupEnglish } from '../src/analyze/dictionary.js';
import { ask } from '../src/query/ask.js';
import { glossaryHit } from '../src/query/understand/readings.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { projectRoot } from '../src/util/paths.js';

/**
 * Subjects the corpus does not hold, asked as one word: everyday English nouns
 * (bench/off-corpus-words.txt) and Japanese ones (off-corpus-words-ja.txt) of which no item's text (Japanese or English) holds the word, a
 * form of it, its dictionary Japanese or its glossary forms. Each is asked as "ai X rules" and as
 * "X"; an answer with results is an answer through some other word (a fuzzy neighbour, a
 * loanword inside a longer word, a related word of another sense) — what issue 18 calls an
 * answer about something else. Printed, with the words so answered.
 */
export function offCorpusWords(index: SearchIndex): { absent: number; asked: number; answered: string[] } {
  const en = offCorpusEnglish(index);
  const ja = offCorpusJapanese(index);
  return {
    absent: en.absent + ja.absent,
    asked: en.asked + ja.asked,
    answered: [...en.answered, ...ja.answered],
  };
}

/** The English list (see {@link offCorpusWords}). */
function offCorpusEnglish(index: SearchIndex): { absent: number; asked: number; answered: string[] } {
  const texts = index.items.map((it) =>
    `${it.title}\n${it.body}\n${it.en?.title ?? ''}\n${it.en?.summary ?? ''}`.normalize('NFKC').toLowerCase(),
  );
  const words = readFileSync(join(projectRoot(), 'bench', 'off-corpus-words.txt'), 'utf8')
    .split(/\s+/)
    .filter(Boolean);
  let absent = 0;
  let asked = 0;
  const answered: string[] = [];
  for (const w of words) {
    const lemmas = englishLemmas(w).filter((l) => l.length >= 3);
    const ja = new Set<string>();
    for (const l of lemmas)
      for (const h of lookupEnglish(l)?.headwords.slice(0, 4) ?? []) ja.add(h.normalize('NFKC'));
    for (const f of glossaryHit(w) ?? []) ja.add(f.normalize('NFKC').toLowerCase());
    const latin = lemmas.map((l) => new RegExp(`\\b${l}\\b`));
    const present = texts.some(
      (t) =>
        latin.some((r) => r.test(t)) || [...ja].some((j) => j.length >= 2 && t.includes(j.toLowerCase())),
    );
    if (present) continue;
    absent++;
    for (const q of [`ai ${w} rules`, w]) {
      asked++;
      if (ask(index, q, { today: '2026-01-20', limit: 5 }).results.length) answered.push(q);
    }
  }
  return { absent, asked, answered };
}

/**
 * The Japanese list (bench/off-corpus-words-ja.txt: 宗教, 保険, 犬…), asked as "XのAI規制" and as
 * "X", of the words no item's Japanese text holds.
 */
function offCorpusJapanese(index: SearchIndex): { absent: number; asked: number; answered: string[] } {
  const texts = index.items.map((it) => `${it.title}\n${it.body}`.normalize('NFKC'));
  const words = readFileSync(join(projectRoot(), 'bench', 'off-corpus-words-ja.txt'), 'utf8')
    .split(/\s+/)
    .filter(Boolean);
  let absent = 0;
  let asked = 0;
  const answered: string[] = [];
  for (const w of words) {
    if (texts.some((t) => t.includes(w))) continue;
    absent++;
    for (const q of [`${w}のAI規制`, w]) {
      asked++;
      if (ask(index, q, { today: '2026-01-20', limit: 5 }).results.length) answered.push(q);
    }
  }
  return { absent, asked, answered };
}
