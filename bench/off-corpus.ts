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
export function offCorpusWords(index: SearchIndex): OffCorpus {
  const english = index.items.map((it) =>
    `${it.title}\n${it.body}\n${it.en?.title ?? ''}\n${it.en?.summary ?? ''}`.normalize('NFKC').toLowerCase(),
  );
  const en = askAbsent(
    index,
    'off-corpus-words.txt',
    (w) => {
      const lemmas = englishLemmas(w).filter((l) => l.length >= 3);
      const ja = new Set<string>();
      for (const l of lemmas)
        for (const h of lookupEnglish(l)?.headwords.slice(0, 4) ?? [])
          ja.add(h.normalize('NFKC').toLowerCase());
      for (const f of glossaryHit(w) ?? []) ja.add(f.normalize('NFKC').toLowerCase());
      const latin = lemmas.map((l) => new RegExp(`\\b${l}\\b`));
      return english.some(
        (t) => latin.some((r) => r.test(t)) || [...ja].some((j) => j.length >= 2 && t.includes(j)),
      );
    },
    (w) => [`ai ${w} rules`, w],
  );
  // (bench/off-corpus-words-ja.txt: 宗教, 保険, 犬… of which no item's Japanese text holds the word)
  const japanese = index.items.map((it) => `${it.title}\n${it.body}`.normalize('NFKC'));
  const ja = askAbsent(
    index,
    'off-corpus-words-ja.txt',
    (w) => japanese.some((t) => t.includes(w)),
    (w) => [`${w}のAI規制`, w],
  );
  return {
    absent: en.absent + ja.absent,
    asked: en.asked + ja.asked,
    answered: [...en.answered, ...ja.answered],
  };
}

interface OffCorpus {
  /** Words of the list no item holds. */
  absent: number;
  /** Questions asked about them. */
  asked: number;
  /** The questions answered with results anyway. */
  answered: string[];
}

/** Asks `questions(word)` for every word of bench/`file` the corpus does not hold. */
function askAbsent(
  index: SearchIndex,
  file: string,
  present: (word: string) => boolean,
  questions: (word: string) => string[],
): OffCorpus {
  const words = readFileSync(join(projectRoot(), 'bench', file), 'utf8')
    .split(/\s+/)
    .filter(Boolean);
  const out: OffCorpus = { absent: 0, asked: 0, answered: [] };
  for (const w of words) {
    if (present(w)) continue;
    out.absent++;
    for (const q of questions(w)) {
      out.asked++;
      if (ask(index, q, { today: '2026-01-20', limit: 5 }).results.length) out.answered.push(q);
    }
  }
  return out;
}
