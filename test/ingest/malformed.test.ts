import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { FIXTURES, memoryIo, tempData } from '../helpers.js';

const JAN = readFileSync(join(FIXTURES, 'ingest/digest-2026-01-head.txt'), 'utf8');
const JUL = readFileSync(join(FIXTURES, 'ingest/digest-2025-07-head.txt'), 'utf8');

const sources = (entries: { id: string; path: string; layout: string; kind?: string }[]) =>
  `documents:\n${entries
    .map(
      (e) =>
        `  - id: ${e.id}\n    path: ${e.path}\n    title: ${e.id}\n    kind: ${e.kind ?? 'digest'}\n    layout: ${e.layout}\n`,
    )
    .join('')}`;

describe('malformed input is named, and loses nothing else', () => {
  it('the fixtures parse cleanly as cut from the real documents', () => {
    const dir = tempData({
      'sources.yml': sources([
        { id: 'jan', path: 'jan.txt', layout: 'digest-numbered' },
        { id: 'jul', path: 'jul.txt', layout: 'digest-pdf-text' },
      ]),
      'jan.txt': JAN,
      'jul.txt': JUL,
    });
    const c = ingestCorpus(dir);
    expect(c.problems).toEqual([]);
    expect(c.items.map((i) => i.id)).toEqual([
      'jan/aisi/1',
      'jan/aisi/2',
      'jan/aisi/3',
      'jul/aisi/1',
      'jul/aisi/2',
      'jul/aisi/3',
      'jul/aisi/4',
      'jul/aisi/5',
    ]);
  });

  it('an impossible date names the file and line, and the item is kept without a date', () => {
    const bad = JAN.replace('(2026/01/09)', '(2026/13/45)');
    const dir = tempData({
      'sources.yml': sources([{ id: 'jan', path: 'jan.txt', layout: 'digest-numbered' }]),
      'jan.txt': bad,
    });
    const c = ingestCorpus(dir);
    expect(c.problems).toEqual([
      { file: 'jan.txt', line: 12, message: 'invalid date "(2026/13/45)": month 13 is not 1–12' },
    ]);
    expect(c.items.map((i) => i.id)).toEqual(['jan/aisi/1', 'jan/aisi/2', 'jan/aisi/3']);
    expect(c.items[1]?.date).toBeUndefined();
    expect(c.items[1]?.title).toBe('AIインシデントレスポンス・アプローチブックを公開');
  });

  it('an item with a date but no title is a problem on its line', () => {
    const bad = JAN.replace('(2026/01/09)AIインシデントレスポンス・アプローチブックを公開', '(2026/01/09)');
    const dir = tempData({
      'sources.yml': sources([{ id: 'jan', path: 'jan.txt', layout: 'digest-numbered' }]),
      'jan.txt': bad,
    });
    const c = ingestCorpus(dir);
    expect(c.problems).toEqual([{ file: 'jan.txt', line: 12, message: 'item has a date but no title' }]);
    expect(c.items.map((i) => i.title)).toHaveLength(2);
  });

  it('a numbering gap is reported (an item may have been lost)', () => {
    const bad = JAN.replace('  3. (2026/01/14~28)', '  4. (2026/01/14~28)');
    const dir = tempData({
      'sources.yml': sources([{ id: 'jan', path: 'jan.txt', layout: 'digest-numbered' }]),
      'jan.txt': bad,
    });
    const c = ingestCorpus(dir);
    expect(c.problems).toEqual([
      {
        file: 'jan.txt',
        line: 16,
        message: 'item numbered 4 where 3 was expected (an item may be missing or merged)',
      },
    ]);
  });

  it('an unknown layout and an unreadable file are problems; the good document is still read', () => {
    const dir = tempData({
      'sources.yml': sources([
        { id: 'odd', path: 'odd.txt', layout: 'newsletter' },
        { id: 'gone', path: 'missing.txt', layout: 'digest-numbered' },
        { id: 'jan', path: 'jan.txt', layout: 'digest-numbered' },
      ]),
      'odd.txt': 'whatever',
      'jan.txt': JAN,
    });
    const c = ingestCorpus(dir);
    expect(c.items).toHaveLength(3);
    expect(c.problems).toHaveLength(2);
    expect(c.problems[0]?.file).toMatch(/sources\.yml$/);
    expect(c.problems[0]?.line).toBe(2);
    expect(c.problems[0]?.message).toContain('unknown document layout "newsletter"');
    expect(c.problems[1]?.file).toBe('missing.txt');
    expect(c.problems[1]?.message).toMatch(/cannot read the document: ENOENT/);
  });

  it('a bad entry in the source list (unknown kind, bad id) is a problem on its line; the others are read', () => {
    const list = sources([
      { id: 'news', path: 'n.txt', layout: 'digest-numbered', kind: 'newsletter' },
      { id: 'jan', path: 'jan.txt', layout: 'digest-numbered' },
    ]);
    const dir = tempData({ 'sources.yml': `${list}  - id: Bad Id\n    path: x\n`, 'jan.txt': JAN });
    const c = ingestCorpus(dir);
    expect(c.items).toHaveLength(3);
    expect(c.problems.map((p) => [p.line, p.message.split(':').slice(0, 2).join(':')])).toEqual([
      [2, 'document 1 (id news): kind'],
      [12, 'document 3 (id Bad Id): id'],
    ]);
    expect(c.problems[0]?.message).toContain('newsletter');
    expect(c.problems[0]?.file).toMatch(/sources\.yml$/);
  });

  it('a source list that is not YAML with a documents list is fatal and says why', () => {
    const dir = tempData({ 'sources.yml': 'documents: 3\n' });
    expect(() => ingestCorpus(dir)).toThrow(/sources\.yml: invalid source list: documents:/);
  });

  it('`ingest --strict` exits non-zero on any problem and lists it; without --strict it exits 0', async () => {
    const dir = tempData({
      'sources.yml': sources([{ id: 'jan', path: 'jan.txt', layout: 'digest-numbered' }]),
      'jan.txt': JAN.replace('(2026/01/09)', '(2026/13/45)'),
    });
    const strict = memoryIo();
    expect(await main(['ingest', '--strict', '--data', dir], strict)).toBe(1);
    expect(strict.out()).toContain('problem: jan.txt:12: invalid date "(2026/13/45)"');
    const lenient = memoryIo();
    expect(await main(['ingest', '--data', dir], lenient)).toBe(0);
    expect(lenient.out()).toContain('3 items, 6 URLs');
  });

  it('`ingest --json` prints the items', async () => {
    const io = memoryIo();
    const dir = tempData({
      'sources.yml': sources([{ id: 'jan', path: 'jan.txt', layout: 'digest-numbered' }]),
      'jan.txt': JAN,
    });
    expect(await main(['ingest', '--json', '--data', dir], io)).toBe(0);
    const items = JSON.parse(io.out()) as { id: string; urls: string[] }[];
    expect(items.map((i) => i.id)).toEqual(['jan/aisi/1', 'jan/aisi/2', 'jan/aisi/3']);
    expect(items[2]?.urls).toHaveLength(4);
  });
});
