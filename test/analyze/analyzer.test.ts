import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, stemKatakana, tokenize } from '../../src/analyze/analyzer.js';
import { dictionaryPath, loadTokenizer } from '../../src/analyze/kuromoji.js';

beforeAll(async () => {
  await loadTokenizer();
});

describe('kuromoji loading', () => {
  it('shares one load between concurrent callers and finds the dictionary in the installed package', async () => {
    const [a, b] = await Promise.all([loadTokenizer(), loadTokenizer()]);
    expect(a).toBe(b);
    expect(dictionaryPath()).toMatch(/node_modules\/kuromoji\/dict$/);
  });
});

describe('the Japanese chain (Lucene JapaneseAnalyzer)', () => {
  it('drops particles, auxiliaries and symbols, keeps base forms', () => {
    const terms = tokenize('韓国において、AI基本法が施行された。');
    expect(terms).toContain('韓国');
    expect(terms).toContain('施行');
    for (const t of ['において', 'が', 'さ', 'れ', 'た', '、', '。']) expect(terms).not.toContain(t);
  });

  it('uses the base form of inflected words', () => {
    expect(tokenize('講演を行った')).toContain('行う');
  });

  it('stems katakana long vowels on words of four or more characters', () => {
    expect(stemKatakana('サーバー')).toBe('サーバ');
    expect(stemKatakana('カー')).toBe('カー');
    expect(tokenize('サーバーのセキュリティ')).toEqual(['サーバ', 'セキュリティ']);
  });

  it('indexes the parts and the whole of noun compounds', () => {
    const terms = tokenize('人工知能基本計画が閣議決定');
    for (const t of ['人工知能基本計画', '基本計画', '計画', '人工知能', '閣議決定'])
      expect(terms).toContain(t);
    const [unit] = analyze('人工知能基本計画');
    expect(unit?.parts).toEqual(['人工', '知能', '基本', '計画']);
  });

  it('folds full-width letters and digits (NFKC)', () => {
    expect(tokenize('（ＳＢ５３）')).toEqual(tokenize('(SB53)'));
  });
});

describe('Latin text and codes', () => {
  it('finds codes whatever their spacing or case', () => {
    for (const q of ['SB53', 'sb 53', 'SB 53', 'ＳＢ５３']) expect(tokenize(q)).toContain('sb53');
    expect(tokenize('NIST AI 800-2')).toEqual(expect.arrayContaining(['nist', '800-2', '8002', 'ai8002']));
    expect(tokenize('ETSI EN 304 223')).toContain('en304223');
    expect(tokenize('M-26-04')).toContain('m2604');
    expect(tokenize('(M 26 04)')).toContain('m2604');
  });

  it('reads spaced letters as one word', () => {
    expect(tokenize('A I S Iを軸とした')).toContain('aisi');
    expect(tokenize('信頼できるA Iの実現')).toContain('ai');
  });

  it('lowercases and drops English stop words', () => {
    expect(tokenize('Practices for Automated Benchmark Evaluations of Language Models')).toEqual([
      'practices',
      'automated',
      'benchmark',
      'evaluations',
      'language',
      'models',
    ]);
  });
});

describe('numbers in Japanese text', () => {
  beforeAll(loadTokenizer);
  it('a number written as a katakana word stays in its compound (zero trust is no trust)', () => {
    expect(analyze('ゼロトラストの指針')[0]?.parts).toEqual(['ゼロ', 'トラスト']);
    expect(analyze('ゼロドラフト概要')[0]?.parts).toEqual(['ゼロ', 'ドラフト', '概要']);
  });
  it('a number in kanji or digits is still no term', () => {
    expect(tokenize('三つの指針')).not.toContain('三');
    expect(tokenize('3件の指針')).not.toContain('3');
  });
});
