import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../src/english/import.js';
import { csvField, neutraliseFormula, restoreFormula } from '../../src/present/export.js';

describe('english import reads back what an export wrote', () => {
  it.each([
    '=HYPERLINK("http://x")',
    '+1 summary',
    '-dash',
    '@mention',
    '＝全角',
    '－AI',
    'plain',
    "'quoted'",
    "'",
  ])('a cell %j survives export and import unchanged', (value) => {
    expect(restoreFormula(neutraliseFormula(value))).toBe(value);
  });

  it('the apostrophe an export put before a formula-like cell is not imported as text', () => {
    const csv = [
      'id,title,summary,ja',
      [
        'digest-2026-01/us/1',
        neutraliseFormula('-10% tariff on chips'),
        'A summary.',
        neutraliseFormula('－AI'),
      ]
        .map(csvField)
        .join(','),
      ['digest-2026-01/us/2', "'Tis the season", 'Another.', 'タイトル'].map(csvField).join(','),
    ].join('\r\n');
    const { rows, problems } = readCsvRows('x.csv', csv);
    expect(problems).toEqual([]);
    expect(rows[0]?.title).toBe('-10% tariff on chips');
    expect(rows[0]?.ja).toBe('－AI');
    // An apostrophe that is the text's own stays.
    expect(rows[1]?.title).toBe("'Tis the season");
  });
});
