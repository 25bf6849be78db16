import { describe, expect, it } from 'vitest';
import { regionOf } from '../../src/geo/gazetteer.js';
import { REGIONS } from '../../src/ingest/item.js';
import { loadRegionTable, regionOfCountry, regionTable } from '../../src/ingest/regions.js';
import { REGION_LABEL } from '../../src/present/labels.js';
import { tempData } from '../helpers.js';

describe('the region table (data/lexicon/regions.yml)', () => {
  it('has every region once, in order, with both labels', () => {
    const t = regionTable();
    expect(t.map((r) => r.code).sort()).toEqual([...REGIONS].sort());
    expect(t.map((r) => r.order)).toEqual([...t.map((r) => r.order)].sort((a, b) => a - b));
    for (const r of t) expect(r.label.en && r.label.ja).toBeTruthy();
  });

  // Presentation and the weekly digest read the table; the gazetteer's copy must agree with it.
  it('agrees with the gazetteer and the presentation labels', () => {
    for (const r of regionTable()) {
      for (const c of r.members) expect(regionOf(c), c).toBe(r.code);
      expect(REGION_LABEL[r.code]).toEqual(r.label);
    }
    expect(regionOfCountry('BR')).toBe('international');
    expect(regionOfCountry('KR')).toBe('asia');
  });

  it('a broken table is refused with the file and the field', () => {
    const dir = tempData({
      'lexicon/regions.yml':
        'regions:\n  - code: mars\n    order: 1\n    label: { en: Mars, ja: 火星 }\n    members: []\n    names: { en: [], ja: [] }\n    sections: []\n',
    });
    expect(() => loadRegionTable(dir)).toThrow(/regions\.yml: regions\.0\.code: /);
  });
});
