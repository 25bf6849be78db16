import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnglish } from '../../src/english/attach.js';
import { EnglishDataError, loadEnglish, updateEnglishFile } from '../../src/english/files.js';
import { tempData } from '../helpers.js';

const GOOD = `# English for the test document.
document: digest-2026-02
items:
  digest-2026-02/aisi/1:
    ja: 項目A
    title: Item A
    summary: Something happened to item A.
    by: person
    date: 2026-12-07
`;

/** The loader's message for a data directory holding one English file. */
function loadError(name: string, text: string): string {
  const dir = tempData({ [`english/${name}`]: text });
  try {
    loadEnglish(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(EnglishDataError);
    return (err as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('data/english/ files', () => {
  it('load by item id, with the document they belong to', () => {
    const dir = tempData({ 'english/digest-2026-02.yml': GOOD });
    expect(loadEnglish(dir).get('digest-2026-02/aisi/1')).toEqual({
      ja: '項目A',
      title: 'Item A',
      summary: 'Something happened to item A.',
      by: 'person',
      date: '2026-12-07',
      document: 'digest-2026-02',
    });
    expect(loadEnglish(tempData({})).size).toBe(0);
  });

  it.each([
    [
      'an empty title',
      GOOD.replace('title: Item A', 'title: ""'),
      'items.digest-2026-02/aisi/1.title: the English title is empty',
    ],
    ['an unknown writer', GOOD.replace('by: person', 'by: robot'), 'items.digest-2026-02/aisi/1.by:'],
    [
      'a date not on the calendar',
      GOOD.replace('2026-12-07', '2026-02-30'),
      'items.digest-2026-02/aisi/1.date: not a calendar date',
    ],
    ['a misspelt field', GOOD.replace('summary:', 'summery:'), 'items.digest-2026-02/aisi/1'],
    ['no Japanese title', GOOD.replace('    ja: 項目A\n', ''), 'items.digest-2026-02/aisi/1.ja:'],
    [
      'a summary that is a body, not a sentence',
      GOOD.replace('Something happened to item A.', 'word '.repeat(80).trim()),
      'a summary is one sentence (at most 60 words)',
    ],
    [
      'an item of another document',
      GOOD.replace('digest-2026-02/aisi/1:', 'digest-2026-01/aisi/1:'),
      'items.digest-2026-01/aisi/1: is not an item of digest-2026-02',
    ],
  ])('refuse %s, naming the file and the entry', (_what, text, message) => {
    const error = loadError('digest-2026-02.yml', text);
    expect(error).toContain('policy-bot: english data/english/digest-2026-02.yml: ');
    expect(error).toContain(message);
  });

  it('refuse a file named for another document, and broken YAML', () => {
    expect(loadError('digest-2026-03.yml', GOOD)).toContain(
      'data/english/digest-2026-03.yml: document: is "digest-2026-02" but the file is named for "digest-2026-03"',
    );
    expect(loadError('digest-2026-02.yml', 'document: [unclosed')).toContain(
      'data/english/digest-2026-02.yml: ',
    );
  });

  it('are updated in place: comments and other entries kept, entries in document order', () => {
    const dir = tempData({ 'english/digest-2026-02.yml': GOOD });
    const entry = { ja: '項目B', title: 'Item B', summary: 'B.', by: 'deepl' as const, date: '2026-12-08' };
    updateEnglishFile(
      dir,
      { id: 'digest-2026-02', title: 'T' },
      { set: { 'digest-2026-02/us/1': { ...entry, ja: 'U' }, 'digest-2026-02/aisi/2': entry } },
      ['digest-2026-02/aisi/1', 'digest-2026-02/aisi/2', 'digest-2026-02/us/1'],
    );
    const text = readFileSync(join(dir, 'english', 'digest-2026-02.yml'), 'utf8');
    expect(text.startsWith('# English for the test document.\n')).toBe(true);
    expect([...loadEnglish(dir).keys()]).toEqual([
      'digest-2026-02/aisi/1',
      'digest-2026-02/aisi/2',
      'digest-2026-02/us/1',
    ]);
    expect(loadEnglish(dir).get('digest-2026-02/aisi/2')).toMatchObject(entry);
    updateEnglishFile(dir, { id: 'digest-2026-02', title: 'T' }, { remove: ['digest-2026-02/aisi/1'] });
    expect(loadEnglish(dir).has('digest-2026-02/aisi/1')).toBe(false);
  });

  it('a new file gets a header saying what it is and how entries are reviewed', () => {
    const dir = tempData({});
    updateEnglishFile(
      dir,
      { id: 'digest-2026-02', title: 'AI政策動向マンスリー情報 2026年2月' },
      {
        set: {
          'digest-2026-02/aisi/1': { ja: 'A', title: 'A', summary: 'A.', by: 'llm', date: '2026-12-07' },
        },
      },
    );
    const text = readFileSync(join(dir, 'english', 'digest-2026-02.yml'), 'utf8');
    expect(text).toContain(
      '# English titles and summaries for “AI政策動向マンスリー情報 2026年2月” (digest-2026-02)',
    );
    expect(text).toContain('set by: person');
    expect(loadEnglish(dir).size).toBe(1);
  });

  it('the same item in two files is refused, naming both', () => {
    const dir = tempData({ 'english/digest-2026-02.yml': GOOD });
    writeFileSync(join(dir, 'english', 'digest-2026-02.yaml'), GOOD);
    expect(() => loadEnglish(dir)).toThrow(
      /digest-2026-02\.yml: items\.digest-2026-02\/aisi\/1: also in data\/english\/digest-2026-02\.yml/,
    );
  });
});

describe('English attached to items', () => {
  const entries = new Map([
    [
      'd/a/1',
      { ja: '表題', title: 'Title', summary: 'S.', by: 'llm' as const, date: '2026-12-07', document: 'd' },
    ],
  ]);

  it('carries the entry without its ja; a changed source title marks it stale', () => {
    const [same] = withEnglish([{ id: 'd/a/1', title: '表題' }], entries);
    expect(same?.en).toEqual({ title: 'Title', summary: 'S.', by: 'llm', date: '2026-12-07' });
    // Width forms and spacing are not a change of title.
    expect(withEnglish([{ id: 'd/a/1', title: ' 表題 ' }], entries)[0]?.en?.stale).toBeUndefined();
    expect(withEnglish([{ id: 'd/a/1', title: '表題(改訂)' }], entries)[0]?.en?.stale).toBe(true);
    expect(withEnglish([{ id: 'd/a/2', title: '表題' }], entries)[0]?.en).toBeUndefined();
  });
});
