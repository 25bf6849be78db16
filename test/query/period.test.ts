import { describe, expect, it } from 'vitest';
import { combinePeriods, findPeriods } from '../../src/query/period.js';

const TODAY = '2026-11-23';
const period = (q: string, today = TODAY) => {
  const p = combinePeriods(findPeriods(q.normalize('NFKC'), today));
  return p ? [p.from, p.to] : null;
};

describe('periods', () => {
  it.each([
    ['what did Korea do in January', ['2026-01-01', '2026-01-31']],
    ['韓国は1月に何をした?', ['2026-01-01', '2026-01-31']],
    ['December', ['2025-12-01', '2025-12-31']],
    ['Jan', ['2026-01-01', '2026-01-31']],
    ['January 2026', ['2026-01-01', '2026-01-31']],
    ['Jan 2026', ['2026-01-01', '2026-01-31']],
    ['2026年1月', ['2026-01-01', '2026-01-31']],
    ['２０２６年１月', ['2026-01-01', '2026-01-31']],
    ['2026/01', ['2026-01-01', '2026-01-31']],
    ['March 3 2026', ['2026-03-03', '2026-03-03']],
    ['March 3, 2026', ['2026-03-03', '2026-03-03']],
    ['2026/03/03', ['2026-03-03', '2026-03-03']],
    ['3月3日', ['2026-03-03', '2026-03-03']],
    ['December 25', ['2025-12-25', '2025-12-25']],
    ['week of March 2', ['2026-03-02', '2026-03-08']],
    ['this week', ['2026-11-23', '2026-11-29']],
    ['last week', ['2026-11-16', '2026-11-22']],
    ['先週', ['2026-11-16', '2026-11-22']],
    ['今週', ['2026-11-23', '2026-11-29']],
    ['last month', ['2026-10-01', '2026-10-31']],
    ['先月', ['2026-10-01', '2026-10-31']],
    ['last November', ['2025-11-01', '2025-11-30']],
    ['November', ['2026-11-01', '2026-11-30']],
    ['this year', ['2026-01-01', '2026-12-31']],
    ['今年', ['2026-01-01', '2026-12-31']],
    ['昨年', ['2025-01-01', '2025-12-31']],
    ['令和7年', ['2025-01-01', '2025-12-31']],
    ['令和7年度', ['2025-04-01', '2026-03-31']],
    ['in 2025', ['2025-01-01', '2025-12-31']],
    ['from December 2025 to January 2026', ['2025-12-01', '2026-01-31']],
    ['12月下旬', ['2025-12-21', '2025-12-31']],
  ])('%s', (q, expected) => {
    expect(period(q)).toEqual(expected);
  });

  it('a month without a year is the latest such month not after today', () => {
    expect(period('January', '2026-01-10')).toEqual(['2026-01-01', '2026-01-31']);
    expect(period('February', '2026-01-10')).toEqual(['2025-02-01', '2025-02-28']);
    expect(period('先月', '2026-01-10')).toEqual(['2025-12-01', '2025-12-31']);
  });

  it.each(['SB53', 'NIST AI 800-2', 'M 26 04', 'EN 304 223', 'may I ask about guidelines', 'red teaming'])(
    'finds no period in %s',
    (q) => {
      expect(period(q)).toBeNull();
    },
  );

  it('rejects impossible days', () => {
    expect(period('2026/02/30')).toBeNull();
  });
});
