import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { FIXTURES, tempData } from '../helpers.js';

/**
 * A month the parsers have not seen, written in the digests' own layout with the variations a
 * new issue may bring: full-width heading and date, a range into the next month, empty
 * sections (なし), a repeated URL, a note glued in full-width brackets, countries outside the
 * four the Asia heading names.
 */
describe('a new monthly digest', () => {
  const corpus = ingestCorpus(join(FIXTURES, 'new-month'));
  const get = (id: string) => corpus.items.find((i) => i.id === id);

  it('parses cleanly with its sections and ids', () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.items.map((i) => i.id)).toEqual([
      'digest-2026-02/aisi/1',
      'digest-2026-02/aisi/2',
      'digest-2026-02/us/1',
      'digest-2026-02/europe/1',
      'digest-2026-02/asia/1',
      'digest-2026-02/overseas-reports/1',
    ]);
    expect(corpus.documents[0]?.coverage).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('reads full-width dates, ranges into the next month, notes and repeated URLs', () => {
    expect(get('digest-2026-02/aisi/1')?.date).toEqual({ start: '2026-02-03', end: '2026-02-03' });
    expect(get('digest-2026-02/aisi/1')?.urlNotes).toEqual({
      'https://aisi.go.jp/output/output_information/260203/': '日本語',
    });
    expect(get('digest-2026-02/us/1')?.date).toEqual({ start: '2026-02-27', end: '2026-03-02' });
    expect(get('digest-2026-02/aisi/2')?.urls).toEqual(['https://example.org/summit?a=1&b=2']);
  });

  it('finds the jurisdictions, including ones the section heading does not list', () => {
    expect(get('digest-2026-02/aisi/2')?.countries).toEqual(['JP', 'IN']);
    expect(get('digest-2026-02/us/1')?.countries).toEqual(['US']);
    expect(get('digest-2026-02/europe/1')?.countries).toEqual(['FR']);
    expect(get('digest-2026-02/asia/1')?.countries).toEqual(['VN']);
    expect(get('digest-2026-02/overseas-reports/1')?.region).toBe('international');
  });
});

describe('a digest that strays from the layout', () => {
  it('keeps unindented items and a section it does not know (region other, named by its heading), with a warning', () => {
    const dir = tempData({
      'sources.yml':
        'documents:\n  - id: digest-2026-03\n    path: d.txt\n    title: t\n    kind: digest\n    layout: digest-numbered\n',
      'd.txt': [
        'AI政策動向マンスリー情報',
        '',
        '日本AISIの活動(3月1日~3月31日)',
        '',
        '1. (2026/03/02)項目A',
        '2026年3月2日、ガイドブックの',
        '    1.2版を公開した。',
        'https://example.org/a',
        '',
        '【中東】(3月1日~3月31日)',
        '',
        '  1. (2026/03/05)UAE、AI戦略を更新',
        '    UAE政府はAI戦略を更新した。',
        '    https://example.org/uae',
        '',
      ].join('\n'),
    });
    const c = ingestCorpus(dir);
    expect(c.items.map((i) => [i.id, i.title])).toEqual([
      ['digest-2026-03/aisi/1', '項目A'],
      ['digest-2026-03/other/1', 'UAE、AI戦略を更新'],
    ]);
    expect(c.items[0]?.body).toBe('2026年3月2日、ガイドブックの\n1.2版を公開した。');
    expect(c.items[0]?.urls).toEqual(['https://example.org/a']);
    expect(c.items[1]?.region).toBe('other');
    expect(c.items[1]?.source.section).toEqual(['【中東】(3月1日~3月31日)']);
    // Not a refusal: a warning naming the heading and what became of it.
    expect(c.problems).toEqual([]);
    expect(c.warnings).toEqual([
      {
        file: 'd.txt',
        line: 10,
        message:
          'unrecognised section heading "【中東】(3月1日~3月31日)": its items are kept as section "【中東】" (region other) until data/lexicon/regions.yml gives it a place',
      },
    ]);
  });

  it('gives two unknown sections of one digest distinct ids', () => {
    const dir = tempData({
      'sources.yml':
        'documents:\n  - id: digest-2026-03\n    path: d.txt\n    title: t\n    kind: digest\n    layout: digest-numbered\n',
      'd.txt': [
        'AI政策動向マンスリー情報',
        '',
        '【中東】(3月1日~3月31日)',
        '  1. (2026/03/05)UAE、AI戦略を更新',
        '    https://example.org/uae',
        '【アフリカ】(3月1日~3月31日)',
        '  1. (2026/03/06)ケニア、AI戦略を公表',
        '    https://example.org/kenya',
        '',
      ].join('\n'),
    });
    const c = ingestCorpus(dir);
    expect(c.items.map((i) => [i.id, i.source.sectionLabel])).toEqual([
      ['digest-2026-03/other/1', '【中東】'],
      ['digest-2026-03/other-2/1', '【アフリカ】'],
    ]);
    expect(c.problems).toEqual([]);
    expect(c.warnings.map((p) => p.message.replace(/:.*/, ''))).toEqual([
      'unrecognised section heading "【中東】(3月1日~3月31日)"',
      'unrecognised section heading "【アフリカ】(3月1日~3月31日)"',
    ]);
    expect(c.items.map((i) => i.region)).toEqual(['other', 'other']);
  });
});
