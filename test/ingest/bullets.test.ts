import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAdd } from '../../src/ingest/add.js';
import { isLoneBullet, withoutBullet } from '../../src/ingest/text.js';
import { FIXTURES } from '../helpers.js';
import { layoutDigestPdf, makePdf } from '../support/make-pdf.js';

const CORPUS = join(FIXTURES, 'new-month');
const fixture = (name: string) => readFileSync(join(FIXTURES, 'add', name), 'utf8');

/**
 * Bullets as PDF printers render list items: the katakana middle dot, round and hollow bullets,
 * the Unicode hyphen, dashes, a small square, and the Symbol font's private-use bullet.
 */
const GLYPHS = ['・', '•', '●', '◦', '‐', '–', '▪', '\uf0b7'];

/** Items without their line numbers: the same digest printed another way reads to the same items. */
const items = (p: Awaited<ReturnType<typeof planAdd>>) =>
  p.items.map((i) => ({ ...i, source: { ...i.source, line: 0, lines: [] } }));

/** The separated fixture's lines with its `-` separators (lines, and ` -` after URLs) taken out. */
const withoutDashes = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() && l.trim() !== '-')
    .map((l) => l.replace(/ -$/, ''));

const isTitle = (l: string) => /^(?:[①-⑳]\s*)?\(\d{4}\//.test(l);

describe('bullet glyphs separate the items of every digest layout', () => {
  it('knows a bullet alone, and a bullet before a title, from text that starts with one', () => {
    for (const g of GLYPHS) {
      expect(isLoneBullet(`  ${g} `)).toBe(true);
      expect(withoutBullet(`${g} (2026/05/12)タイトル`)).toBe('(2026/05/12)タイトル');
    }
    expect(isLoneBullet('・・')).toBe(false);
    expect(isLoneBullet('あ')).toBe(false);
    expect(withoutBullet('(2026/05/12)タイトル')).toBeUndefined();
  });

  const separated = fixture('digest-pdf-text.txt');

  it.each(GLYPHS)(
    'PDF text layout, “%s” alone on a line between items: the same items as with “-”',
    async (g) => {
      const lines = withoutDashes(separated).flatMap((l) => (isTitle(l) ? [g, l] : [l]));
      const pdf = makePdf(layoutDigestPdf(lines, { width: 40, perPage: 8 }));
      const plan = await planAdd({ dataDir: CORPUS, file: 'may.pdf', bytes: pdf });
      const reference = await planAdd({ dataDir: CORPUS, file: 'may.txt', bytes: Buffer.from(separated) });
      expect(plan.layout).toBe('digest-pdf-text');
      expect(items(plan)).toEqual(items(reference));
      expect(plan.separators).toEqual({ [g]: reference.items.length });
    },
  );

  it.each(GLYPHS)('PDF text layout, “%s” at the start of each item’s line: the same items', async (g) => {
    const lines = withoutDashes(separated).map((l) => (isTitle(l) ? `${g} ${l}` : l));
    // No title fills a line exactly: a full line is read as wrapped, bullet or not.
    expect(lines.filter((l) => l.length === 44)).toEqual([]);
    const pdf = makePdf(layoutDigestPdf(lines, { width: 44, perPage: 8 }));
    const plan = await planAdd({ dataDir: CORPUS, file: 'may.pdf', bytes: pdf });
    const reference = await planAdd({ dataDir: CORPUS, file: 'may.txt', bytes: Buffer.from(separated) });
    expect(plan.layout).toBe('digest-pdf-text');
    expect(items(plan)).toEqual(items(reference));
  });

  it.each(GLYPHS)('circled layout as a PDF, “%s” alone and before the numbers: the same items', async (g) => {
    const circled = fixture('digest-circled.txt');
    const alone = withoutDashes(circled).flatMap((l) => (isTitle(l) ? [g, l] : [l]));
    const before = withoutDashes(circled).map((l) => (isTitle(l) ? `${g}${l}` : l));
    const reference = await planAdd({ dataDir: CORPUS, file: 'feb.txt', bytes: Buffer.from(circled) });
    for (const lines of [alone, before]) {
      const pdf = makePdf(layoutDigestPdf(lines, { width: 36, perPage: 10 }));
      const plan = await planAdd({ dataDir: CORPUS, file: 'feb.pdf', bytes: pdf });
      expect(plan.layout).toBe('digest-circled');
      expect(items(plan)).toEqual(items(reference));
    }
  });

  it.each(GLYPHS)(
    'numbered layout, “%s” alone between items and before an item’s number: the same items',
    async (g) => {
      const numbered = fixture('digest-2026-03.txt');
      const text = numbered
        .split('\n')
        .flatMap((l, i) => {
          const item = /^ {2}\d+\. \(/.test(l);
          // The first item of each section gets a bullet before its number, the others a bullet line.
          if (item && i % 2 === 0) return [`${g} ${l.trim()}`];
          return item ? [g, l] : [l];
        })
        .join('\n');
      expect(text).not.toBe(numbered);
      const plan = await planAdd({ dataDir: CORPUS, file: 'mar.txt', bytes: Buffer.from(text) });
      const reference = await planAdd({ dataDir: CORPUS, file: 'mar.txt', bytes: Buffer.from(numbered) });
      expect(plan.layout).toBe('digest-numbered');
      expect(items(plan)).toEqual(items(reference));
    },
  );

  it('a bullet before body text is the document’s own text, not a separator', async () => {
    const text = separated.replace(
      'デジタル庁は、行政における',
      '・行政における生成AIの利活用\n・調達の手順\nデジタル庁は、行政における',
    );
    const plan = await planAdd({ dataDir: CORPUS, file: 'may.txt', bytes: Buffer.from(text) });
    const body = plan.items.find((i) => i.title.startsWith('デジタル庁'))?.body;
    expect(body?.split('\n').slice(0, 2)).toEqual(['・行政における生成AIの利活用', '・調達の手順']);
  });
});
