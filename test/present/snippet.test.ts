import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/present/snippet.js';

describe('oneLine: a snippet cut where a reader expects a cut', () => {
  it('drops a fragment left by an earlier cut, up to its first boundary, never inside a number', () => {
    // Issue 21 (9): "…5年3月) この資料は" came from "(2025年3月)".
    expect(oneLine('…5年3月) この資料は、既に公開したガイドを補完する。')).toBe(
      '…この資料は、既に公開したガイドを補完する。',
    );
    // A word cut in two is dropped up to the next space.
    expect(oneLine('…ng guide was published. It adds new examples.')).toBe(
      '…guide was published. It adds new examples.',
    );
  });

  it('cuts a long tail at the last boundary before the limit, never inside brackets', () => {
    const text = `${'あ'.repeat(60)}。${'い'.repeat(30)}(2025年3月)${'う'.repeat(40)}`;
    const line = oneLine(text, 110);
    expect(line.length).toBeLessThanOrEqual(110);
    expect(line).toMatch(/…$/);
    expect((line.match(/\(/g) ?? []).length).toBe((line.match(/\)/g) ?? []).length);
    // The bracketed date stays whole or goes: whole where it fits (cut just after it), gone where it does not.
    expect(line).toBe(`${text.slice(0, text.indexOf(')') + 1)}…`);
    const short = oneLine(text, 100);
    expect(short).not.toContain('(');
    expect(short).toBe(`${'あ'.repeat(60)}。…`);
    const words = oneLine(
      `The act requires ${'large developers to publish frameworks and '.repeat(4)}report incidents.`,
      60,
    );
    expect(words).toMatch(/^The act requires .* [a-z]+…$/);
    expect(words.length).toBeLessThanOrEqual(60);
  });

  it('keeps a short text whole, and a decimal number whole', () => {
    expect(oneLine('版は1.10です。')).toBe('版は1.10です。');
    expect(oneLine('  a   b  ')).toBe('a b');
    expect(oneLine('')).toBe('');
  });

  it('a text with no boundary at all is cut at the limit', () => {
    expect(oneLine('x'.repeat(300), 50)).toBe(`${'x'.repeat(49)}…`);
  });
});
