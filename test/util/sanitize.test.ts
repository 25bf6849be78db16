import { describe, expect, it } from 'vitest';
import {
  cleanQuestion,
  MAX_KATAKANA_RUN,
  MAX_QUESTION_CHARS,
  truncationNote,
} from '../../src/util/sanitize.js';

describe('cleanQuestion', () => {
  it('drops NUL and other control characters, turns line breaks into spaces', () => {
    expect(cleanQuestion('韓国\u0000の\u0007AI\n法\r\n').text).toBe('韓国のAI 法  ');
  });

  it('replaces lone surrogates and keeps real pairs (emoji) whole', () => {
    expect(cleanQuestion('a\ud800b\udc00c😀').text).toBe('a\ufffdb\ufffdc😀');
  });

  it('drops zero-width and bidi marks', () => {
    expect(cleanQuestion('A\u200bI\u202e法\ufeff').text).toBe('AI法');
  });

  it('cuts at 1 000 characters without splitting a surrogate pair, and says so', () => {
    const q = cleanQuestion('😀'.repeat(40_000));
    expect(q.truncated).toBe(true);
    expect(q.length).toBe(40_000);
    expect(Array.from(q.text)).toHaveLength(MAX_QUESTION_CHARS);
    expect(q.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(truncationNote(q, 'en')).toContain('first 1,000 of 40,000 characters');
    expect(truncationNote(q, 'ja')).toContain('最初の1,000文字');
    expect(truncationNote(cleanQuestion('short'), 'en')).toBeUndefined();
  });

  it('cuts runs of katakana longer than any word into word-sized pieces', () => {
    const q = cleanQuestion('ア'.repeat(100));
    for (const run of q.text.split(' ')) expect(run.length).toBeLessThanOrEqual(MAX_KATAKANA_RUN);
    expect(cleanQuestion('サイバーセキュリティフレームワーク').text).toBe(
      'サイバーセキュリティフレームワーク',
    );
  });

  it('takes any value: a non-string is an empty question', () => {
    expect(cleanQuestion(undefined).text).toBe('');
    expect(cleanQuestion(42).text).toBe('');
    expect(cleanQuestion({ text: 'x' }).text).toBe('');
  });

  it('is idempotent', () => {
    const once = cleanQuestion(`${'ア'.repeat(60)}\u0000x\ud800`).text;
    expect(cleanQuestion(once).text).toBe(once);
  });
});
