import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { exportAnswer } from '../../src/commands/export.js';
import { CSV_COLUMNS, csvRows, exportCsv, exportMarkdown } from '../../src/present/export.js';
import { type AskResultItem, ask } from '../../src/query/ask.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { memoryIo } from '../helpers.js';
import { realIndex } from '../slack/harness.js';

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
