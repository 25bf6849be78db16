import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { exportAnswer } from '../../src/commands/export.js';
import {
  CSV_COLUMNS,
  csvRows,
  exportCsv,
  exportMarkdown,
  neutraliseFormula,
} from '../../src/present/export.js';
import { type AskResultItem, ask } from '../../src/query/ask.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { memoryIo } from '../helpers.js';
import { realIndex } from '../slack/harness.js';
import { CRAFTED_QUESTION, craftedCorpus, FORMULA_TITLES } from '../support/crafted-corpus.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});
const TODAY = '2026-11-23';

const hostile: AskResultItem = {
  id: 'x/y/1',
  kind: 'event',
  date: { start: '2026-01-09', end: '2026-01-09' },
  title: '「AI」ガイドライン, "第2版"\n改訂',
  snippet: 'line one\r\nline "two", three',
  urls: ['https://example.org/a?x=1,2', 'https://example.org/b'],
  countries: ['JP', 'US'],
  category: 'domestic-policy',
  region: 'japan',
  source: { document: 'D, 1', section: 'S #1', documentId: 'd', line: 1 },
  sources: [
    {
      id: 'x/y/1',
      document: 'D, 1',
      documentId: 'd',
      section: 'S #1',
      date: { start: '2026-01-09', end: '2026-01-09' },
      urls: ['https://example.org/a?x=1,2'],
    },
    { id: 'r/1', document: 'Report', documentId: 'r', section: '1.2 › ⑤', date: null, urls: [] },
  ],
  english: 'Japan · published · guideline',
};

const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_quotes: false }) as string[][];

describe('CSV export (RFC 4180, UTF-8 with BOM)', () => {
  it('round-trips through a CSV parser with the same rows and columns, quotes and line breaks included', () => {
    const input = { question: 'q', lang: 'en' as const, items: [hostile, { ...hostile, id: 'x/y/2' }] };
    const text = exportCsv(input);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(csvRows(input));
    const [header, first] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(first?.[CSV_COLUMNS.indexOf('title')]).toBe(hostile.title);
    expect(first?.[CSV_COLUMNS.indexOf('snippet')]).toBe(hostile.snippet);
    expect(first?.[CSV_COLUMNS.indexOf('urls')]?.split('\n')).toEqual(hostile.urls);
    expect(first?.[CSV_COLUMNS.indexOf('sources')]?.split('\n')).toHaveLength(2);
  });

  it('every result of a real answer, not a page, survives the round trip', () => {
    for (const q of ['AISI', '韓国', 'guidelines']) {
      const file = exportAnswer(index, { question: q, today: TODAY, inherit: null }, 'csv');
      const all = ask(index, q, { today: TODAY, limit: 100_000 });
      expect(file.total).toBe(all.total);
      const rows = parseCsv(file.text);
      expect(rows).toHaveLength(all.total + 1);
      expect(rows.slice(1).map((r) => r[1])).toEqual(all.results.map((r) => r.id));
      for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
      // URLs exactly the sources'.
      expect(rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('urls')])).toEqual(
        all.results.map((r) => r.urls.join('\n')),
      );
    }
  });
});

describe('Markdown export', () => {
  it('one numbered entry per result, linked to its exact first URL, sources listed, brackets escaped', () => {
    const md = exportMarkdown({ question: 'q [x]', lang: 'en', items: [hostile] });
    expect(md).toContain('# q \\[x\\]');
    expect(md).toContain('1. **[「AI」ガイドライン, "第2版" 改訂](https://example.org/a?x=1,2)**');
    expect(md).toContain('   - <https://example.org/b>');
    expect(md).toContain('Source: Report · 1.2 › ⑤ (undated)');
  });
});

describe('both titles in exports', () => {
  const translated: AskResultItem = {
    ...hostile,
    title_en: 'The "AI" guideline, 2nd [edition]',
    summary_en: 'A ministry published the second edition of its AI guideline.',
    english_by: 'llm',
  };

  it('CSV carries the English title, summary and who wrote them beside the Japanese', () => {
    const [header, row, bare] = parseCsv(
      exportCsv({ question: 'q', lang: 'ja', items: [translated, { ...hostile, id: 'x/y/2' }] }),
    );
    const col = (name: string) => (header ?? []).indexOf(name);
    expect(row?.[col('title')]).toBe(hostile.title);
    expect(row?.[col('title_en')]).toBe(translated.title_en);
    expect(row?.[col('summary_en')]).toBe(translated.summary_en);
    expect(row?.[col('english_by')]).toBe('llm');
    expect(bare?.[col('title_en')]).toBe('');
  });

  it('Markdown for English readers: the English title linked, the Japanese beneath, the summary; Japanese readers as before', () => {
    const en = exportMarkdown({ question: 'q', lang: 'en', items: [translated] });
    expect(en).toContain(
      '1. **[The "AI" guideline, 2nd \\[edition\\]](https://example.org/a?x=1,2)** — Jan 9, 2026',
    );
    expect(en).toContain('· machine translation');
    expect(en).toContain('   「AI」ガイドライン, "第2版" 改訂\n   A ministry published the second edition');
    expect(en).not.toContain('line one');
    const ja = exportMarkdown({ question: 'q', lang: 'ja', items: [translated] });
    expect(ja).toBe(exportMarkdown({ question: 'q', lang: 'ja', items: [hostile] }));
    // Without English, English readers get the keyword line labelled as a gloss, and the snippet.
    const bare = exportMarkdown({ question: 'q', lang: 'en', items: [hostile] });
    expect(bare).toContain('   Gloss: Japan · published · guideline');
    expect(bare).toContain('line one');
  });

  it('a real export carries the English of every result', () => {
    const file = exportAnswer(index, { question: 'AISI', today: TODAY, inherit: null }, 'csv');
    const [header, ...rows] = parseCsv(file.text);
    const at = (header ?? []).indexOf('title_en');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[at], r[1]).toBe(index.byId.get(r[1] as string)?.en?.title ?? '');
  });
});

describe('policy-bot ask --format', () => {
  it('csv writes every result (no page, --limit ignored) to stdout or --out', async () => {
    const q = 'AISI';
    const total = ask(index, q, { today: TODAY, limit: 1 }).total;
    expect(total).toBeGreaterThan(10);
    const io = memoryIo();
    expect(await main(['ask', q, '--format', 'csv', '--limit', '3', '--today', TODAY], io)).toBe(0);
    expect(parseCsv(io.out())).toHaveLength(total + 1);
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-export-'));
    const out = join(dir, 'a.md');
    const io2 = memoryIo();
    expect(await main(['ask', q, '--format', 'md', '--out', out, '--today', TODAY], io2)).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.match(/^\d+\. \*\*/gm)).toHaveLength(total);
    expect(io2.err()).toContain(`wrote ${total} results`);
    const bad = memoryIo();
    expect(await main(['ask', q, '--format', 'xlsx'], bad)).toBe(2);
  });
});

describe('policy-bot ask --out', () => {
  it('refuses to write through a symbolic link, and leaves its target as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-out-'));
    const target = join(dir, 'precious.txt');
    writeFileSync(target, 'keep me\n');
    const link = join(dir, 'export.csv');
    symlinkSync(target, link);
    const io = memoryIo();
    expect(await main(['ask', 'AISI', '--format', 'csv', '--out', link, '--today', TODAY], io)).toBe(1);
    expect(io.err()).toContain(
      `policy-bot: --out ${link} is a symbolic link; not writing through it (remove the link or choose another file)`,
    );
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    // A dangling link (whose target does not exist yet) is refused too: it would create the target.
    const dangling = join(dir, 'dangling.csv');
    symlinkSync(join(dir, 'made-elsewhere.csv'), dangling);
    expect(
      await main(['ask', 'AISI', '--format', 'csv', '--out', dangling, '--today', TODAY], memoryIo()),
    ).toBe(1);
    expect(existsSync(join(dir, 'made-elsewhere.csv'))).toBe(false);
    // A plain file is written.
    const plain = join(dir, 'plain.csv');
    expect(await main(['ask', 'AISI', '--format', 'csv', '--out', plain, '--today', TODAY], memoryIo())).toBe(
      0,
    );
    expect(readFileSync(plain, 'utf8').startsWith('\uFEFF')).toBe(true);
  });
});

describe('CSV export: no cell runs as a formula (OWASP CSV injection)', () => {
  it('a cell starting with = + - @ tab or carriage return gets a leading apostrophe; others are as written', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1', '＠x'])
      expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['AIガイドライン', '2026-01-09', 'https://example.org/a=1', 'a=b', "'quoted", ''])
      expect(neutraliseFormula(v)).toBe(v);
    const input = {
      question: 'q',
      lang: 'en' as const,
      items: [{ ...hostile, title: '=cmd|"/C calc"!A0', snippet: '\t@x', english: '-2+3' }],
    };
    const [, row] = parseCsv(exportCsv(input));
    expect(row?.[CSV_COLUMNS.indexOf('title')]).toBe(`'=cmd|"/C calc"!A0`);
    expect(row?.[CSV_COLUMNS.indexOf('snippet')]).toBe("'\t@x");
    expect(row?.[CSV_COLUMNS.indexOf('english')]).toBe("'-2+3");
    expect(parseCsv(exportCsv(input))).toEqual(csvRows(input));
  });

  it('`ask --format csv` over a document with formula titles writes them as text', async () => {
    const dataDir = craftedCorpus();
    const indexDir = join(dataDir, '..', `${dataDir.split('/').at(-1)}-index`);
    const io = memoryIo();
    const code = await main(
      ['ask', CRAFTED_QUESTION, '--format', 'csv', '--data', dataDir, '--index', indexDir, '--today', TODAY],
      io,
    );
    expect(code).toBe(0);
    const titles = parseCsv(io.out())
      .slice(1)
      .map((r) => r[CSV_COLUMNS.indexOf('title')]);
    expect([...titles].sort()).toEqual(FORMULA_TITLES.map((t) => `'${t.normalize('NFKC')}`).sort());
    for (const row of parseCsv(io.out())) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
