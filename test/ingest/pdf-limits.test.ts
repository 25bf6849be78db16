import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { planAdd } from '../../src/ingest/add.js';
import { readPdf } from '../../src/ingest/readers/pdf.js';
import { PDF_LIMITS } from '../../src/ingest/readers/pdf-limits.js';
import { FIXTURES, memoryIo } from '../helpers.js';
import { layoutDigestPdf, makePdf } from '../support/make-pdf.js';

const CORPUS = join(FIXTURES, 'new-month');
const LINES = String(readFileSync(join(FIXTURES, 'add', 'digest-pdf-text.txt')))
  .split('\n')
  .filter(Boolean);
const MB = 1024 * 1024;

beforeAll(async () => {
  await loadTokenizer();
});

describe('PDF limits: a small file cannot cost much before it is refused', () => {
  it('a compressed digest PDF within the limits reads exactly as an uncompressed one', async () => {
    const pages = layoutDigestPdf(LINES, { width: 40, perPage: 8 });
    const compressed = makePdf(pages, undefined, { deflate: true, padding: 64 * 1024 });
    expect(await readPdf(compressed)).toBe(await readPdf(makePdf(pages)));
  });

  it('a PDF of a few hundred kilobytes that inflates past the limit is refused by add, naming the file and the limit', async () => {
    const pages = layoutDigestPdf(LINES, { width: 40, perPage: 8 });
    const padding = PDF_LIMITS.inflatedBytes + 8 * MB;
    const bomb = makePdf(pages.slice(0, 1), undefined, { deflate: true, padding });
    expect(bomb.byteLength).toBeLessThan(padding / 200);
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-pdf-'));
    const file = join(dir, 'bomb.pdf');
    writeFileSync(file, bomb);
    const io = memoryIo();
    expect(await main(['add', file, '--dry-run', '--data', CORPUS], io)).toBe(1);
    const limit = `${PDF_LIMITS.inflatedBytes / MB} MB`;
    expect(io.err()).toContain(
      `problem: bomb.pdf: PDF refused: its compressed streams inflate to more than ${limit} (the limit for a digest PDF is ${limit})`,
    );
    expect(io.err()).toContain('nothing was written');
  });

  it('too many pages, or too much text, is refused naming the limit', async () => {
    const pages = layoutDigestPdf(LINES, { width: 40, perPage: 4 });
    expect(pages.length).toBeGreaterThan(3);
    const pdf = makePdf(pages);
    const limits = { ...PDF_LIMITS, pages: 3 };
    await expect(readPdf(pdf, limits)).rejects.toThrow(
      `PDF refused: it has ${pages.length} pages (the limit for a digest PDF is 3 pages)`,
    );
    await expect(readPdf(pdf, { ...PDF_LIMITS, textChars: 200 })).rejects.toThrow(
      /PDF refused: its text runs past 200 characters by page \d+ \(the limit for a digest PDF is 200 characters\)/,
    );
    await expect(readPdf(pdf, { ...PDF_LIMITS, fileBytes: 1000 })).rejects.toThrow(
      /PDF refused: the file is \d+ KB \(the limit for a digest PDF is 1000 bytes\)/,
    );
  });

  it('an encrypted PDF, or one using LZW, is refused: its streams could not be measured', async () => {
    const pdf = makePdf(layoutDigestPdf(LINES.slice(0, 6)), undefined, { deflate: true });
    const text = pdf.toString('latin1');
    const encrypted = Buffer.from(text.replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 99 0 R'), 'latin1');
    await expect(planAdd({ dataDir: CORPUS, file: 'locked.pdf', bytes: encrypted })).rejects.toThrow(
      'locked.pdf: PDF refused: it is encrypted',
    );
    const lzw = Buffer.from(text.replace('/Filter /FlateDecode', '/Filter /LZWDecode'), 'latin1');
    await expect(planAdd({ dataDir: CORPUS, file: 'old.pdf', bytes: lzw })).rejects.toThrow(
      'old.pdf: PDF refused: it uses LZW compression',
    );
  });
});
