import { afterEach, describe, expect, it, vi } from 'vitest';
import { tokenizerSync } from '../../src/analyze/kuromoji.js';
import { ask } from '../../src/query/ask.js';
import { understand } from '../../src/query/understand.js';
import { cleanQuestion } from '../../src/util/sanitize.js';
import { kanaBlocks, randomQuestion } from '../support/kana-blocks.js';
import { useRealCorpus } from '../support/real-corpus.js';

/**
 * Issue 19, finding 1: no question may hold the event loop. Time is not asserted (machines are
 * noisy); the work is: the characters handed to kuromoji while one question is understood,
 * which grew with the cube of a kana run's length (a 1 000-character run of half-width katakana
 * took 30 s). Every Unicode block whose characters NFKC maps into kana is tried at 1 000
 * characters, as typed (through the cleaning every entry point applies) and raw (as a stored
 * subscription filter reaches `understand`).
 */
const corpus = useRealCorpus();
afterEach(() => vi.restoreAllMocks());

/** Characters kuromoji is asked to tokenize while `run` runs. */
function tokenizedChars(run: () => void): number {
  const tokenizer = tokenizerSync();
  let chars = 0;
  const original = tokenizer.tokenize.bind(tokenizer);
  const spy = vi.spyOn(tokenizer, 'tokenize').mockImplementation((text: string) => {
    chars += text.length;
    return original(text);
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return chars;
}

/** Work allowed per character of question: a few passes of the analyzer, never a power of the length. */
const PER_CHAR = 60;

describe('kana in every form NFKC maps to kana', () => {
  const blocks = kanaBlocks();

  it('finds the blocks that hide kana (half-width, squared, circled, enclosed, hiragana, katakana)', () => {
    const names = blocks.map((b) => b.name);
    for (const expected of [
      'Hiragana',
      'Katakana',
      'Halfwidth and Fullwidth Forms',
      'CJK Compatibility',
      'Enclosed CJK Letters and Months',
    ])
      expect(names).toContain(expected);
    for (const b of blocks) expect(b.chars.length).toBeGreaterThan(0);
  });

  it.each(kanaBlocks().map((b) => [b.name, b] as const))(
    '%s: 1 000 characters cost work linear in their length, asked or stored',
    (_name, block) => {
      const raw = randomQuestion(block.chars, 1000, 7);
      const typed = cleanQuestion(raw).text;
      const asked = tokenizedChars(() => ask(corpus.index(), typed, { today: '2026-01-20' }));
      // (Above zero: the count is taken where kuromoji is asked; zero would mean it no longer is.)
      expect(asked).toBeGreaterThan(0);
      expect(asked).toBeLessThan(PER_CHAR * 1000);
      const stored = tokenizedChars(() => understand(raw, '2026-01-20'));
      expect(stored).toBeGreaterThan(0);
      expect(stored).toBeLessThan(PER_CHAR * 1000);
    },
  );
});
