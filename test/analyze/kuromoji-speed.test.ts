import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { prefixSearcher, slowDown, speedUp } from '../../src/analyze/kuromoji-speed.js';
import { DATA_DIR } from '../helpers.js';

type Tk = Awaited<ReturnType<typeof loadTokenizer>>;
let tokenizer: Tk;

beforeAll(async () => {
  tokenizer = await loadTokenizer();
});
afterAll(() => {
  speedUp(tokenizer);
});

/** Every text file under data/ (the documents the index is built from), line by line. */
function corpusLines(): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(txt|md)$/.test(name)) lines.push(...readFileSync(path, 'utf8').split('\n'));
    }
  };
  walk(DATA_DIR);
  return lines.filter((l) => l.trim());
}

/** Texts kuromoji treats as unknown words or odd input. */
const ODD = [
  'インジェクッションプロンプトガバナンスフレームワーク',
  'ｶﾀｶﾅの半角とＡＢＣ全角',
  'SB53とNIST AI 800-2、EN 304 223。',
  '絵文字😀を含む文🇯🇵と𠮷野家',
  '〜〜〜・・・！？（）【】',
  '2026年1月15日から2月3日まで',
  '',
  '　',
  'a',
  '生成AIの安全性評価とリスク管理に関する各国の取り組みについて、'.repeat(8),
];

describe('kuromoji speed-up', () => {
  it('tokenizes the corpus and odd texts exactly as with these patches removed, every field of every token', () => {
    const texts = [...corpusLines(), ...ODD];
    slowDown(tokenizer);
    const before = texts.map((t) => tokenizer.tokenize(t));
    speedUp(tokenizer);
    const after = texts.map((t) => tokenizer.tokenize(t));
    expect(after).toEqual(before);
    // Not vacuous: the corpus is long and has known and unknown words.
    const tokens = before.flat();
    expect(tokens.length).toBeGreaterThan(10_000);
    expect(tokens.some((t) => t.word_type === 'UNKNOWN')).toBe(true);
    expect(tokens.some((t) => t.word_type === 'KNOWN')).toBe(true);
  });

  it('returns the same prefix matches as the trie itself, for every suffix of a sentence', () => {
    const trie = (tokenizer as unknown as { viterbi_builder: { trie: Parameters<typeof prefixSearcher>[0] } })
      .viterbi_builder.trie;
    const proto = Object.getPrototypeOf(trie) as { commonPrefixSearch(this: unknown, key: string): unknown };
    const sentence = '東京都の人工知能政策とAI安全性研究所（AISI）がガイドラインを公表した😀。';
    const search = prefixSearcher(trie);
    let matches = 0;
    for (let i = 0; i < sentence.length; i++) {
      const key = sentence.slice(i);
      const mine = search(key);
      expect(mine).toEqual(proto.commonPrefixSearch.call(trie, key));
      matches += mine.length;
    }
    expect(matches).toBeGreaterThan(sentence.length / 2);
  });

  it('does not fail where kuromoji would on a lone surrogate, and finds no word past it', () => {
    const trie = (tokenizer as unknown as { viterbi_builder: { trie: Parameters<typeof prefixSearcher>[0] } })
      .viterbi_builder.trie;
    const search = prefixSearcher(trie);
    expect(search('\ud800東京').map((r) => r.k)).toEqual([]);
    expect(search('東京\ud800').map((r) => r.k)).toContain('東京');
  });
});
