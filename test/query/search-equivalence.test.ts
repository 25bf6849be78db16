import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_CASES } from '../../bench/heldout.js';
import { loadNatural } from '../../bench/natural.js';
import { QUALITY_CASES, TODAY } from '../../bench/questions.js';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { search } from '../../src/query/search.js';
import { understand } from '../../src/query/understand.js';
import { buildIndex, loadIndex, type SearchIndex, saveIndex } from '../../src/search/index-store.js';
import { modelled } from '../../src/search/scorer.js';
import { DATA_DIR } from '../helpers.js';
import { referenceSearch } from '../support/search-reference.js';

let built: SearchIndex;
let loaded: SearchIndex;

beforeAll(async () => {
  await loadTokenizer();
  built = buildIndex(DATA_DIR).index;
  const dir = mkdtempSync(join(tmpdir(), 'policy-bot-equivalence-'));
  saveIndex(built, dir);
  loaded = loadIndex(dir);
});

/** The questions of the quality sets and the natural tune split, and the same with filters added. */
function questions(): [string, string][] {
  const natural = loadNatural();
  const asked: [string, string][] = [
    ...QUALITY_CASES.map((c): [string, string] => [c.q, TODAY]),
    ...HELDOUT_CASES.map((c): [string, string] => [c.q, TODAY]),
    ...natural.questions
      .filter((q) => q.split === 'tune')
      .map((q): [string, string] => [
        q.q,
        q.today
          ? typeof q.today === 'string'
            ? q.today
            : q.today.toISOString().slice(0, 10)
          : natural.today,
      ]),
  ];
  const more: [string, string][] = [
    'security guidelines in Korea',
    'US AI agents December 2025',
    'Asia guidelines',
    'EU last month',
    'public comment on security guidelines in 2026',
    'セキュリティ 2025年12月',
    'horse racing in Japan',
    'FY2025 budget',
  ].map((q) => [q, TODAY]);
  return [...asked, ...more];
}

/** What an answer is made of, with its messages as the asker reads them. */
const shape = (o: Omit<ReturnType<typeof search>, 'notices'>) => ({
  hits: o.hits.map((h) => [h.item.id, h.score]),
  suggestions: o.suggestions.map((h) => [h.item.id, h.score]),
  unmatched: o.unmatched,
  ignored: o.ignored,
  uncovered: o.uncovered,
  partial: o.partial,
  period: o.period,
  message: o.message,
  periodNote: o.periodNote,
});

describe('the fast query path ranks exactly as the reference did', () => {
  it('same items, order, scores and messages for every question, on a built and on a loaded index', () => {
    expect(modelled(built)).toBe(true);
    expect(modelled(loaded)).toBe(true);
    const qs = questions();
    expect(qs.length).toBeGreaterThan(250);
    let answered = 0;
    for (const [q, today] of qs) {
      const interp = understand(q, today);
      const want = shape(referenceSearch(built, interp));
      for (const index of [built, loaded]) {
        const got = shape(search(index, interp));
        if (JSON.stringify(got) !== JSON.stringify(want)) expect({ q, ...got }).toEqual({ q, ...want });
      }
      if (want.hits.length) answered++;
    }
    expect(answered).toBeGreaterThan(200);
  });
});
