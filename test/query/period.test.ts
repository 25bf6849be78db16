import { describe, expect, it } from 'vitest';
import {
  beyondCoverage,
  combinePeriods,
  datedSpan,
  findPeriods,
  type Period,
  shiftYears,
} from '../../src/query/period.js';

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
    ['this week', ['2026-11-23', '2026-11-23']], // so far: nothing after today exists
    ['last week', ['2026-11-16', '2026-11-22']],
    ['先週', ['2026-11-16', '2026-11-22']],
    ['今週', ['2026-11-23', '2026-11-23']],
    ['last month', ['2026-10-01', '2026-10-31']],
    ['先月', ['2026-10-01', '2026-10-31']],
    ['last November', ['2025-11-01', '2025-11-30']],
    ['November', ['2026-11-01', '2026-11-30']],
    ['this year', ['2026-01-01', '2026-11-23']],
    ['今年', ['2026-01-01', '2026-11-23']],
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

  it.each([
    'SB53',
    'NIST AI 800-2',
    'M 26 04',
    'EN 304 223',
    'may I ask about guidelines',
    'red teaming',
    'インパクトサミット2026',
    'the past 0 days',
    '学年末の行事',
    '冬型の気圧配置',
    '冬瓜の栽培',
    '25年間の取り組み',
    'SCIS2026',
    '施行の6か月前の準備',
    '1か月前倒しで施行',
  ])('finds no period in %s', (q) => {
    expect(period(q)).toBeNull();
  });

  it('rejects impossible days', () => {
    expect(period('2026/02/30')).toBeNull();
  });
});

describe('periods people type (issue 9)', () => {
  it.each([
    // The year's digits are never a day: this is July 1–7, 2025, not the week of July 20.
    ['the first week of July 2025', ['2025-07-01', '2025-07-07']],
    ['any government events in the second week of December 2025', ['2025-12-08', '2025-12-14']],
    ['the last week of January 2026', ['2026-01-25', '2026-01-31']],
    ['2025年12月第2週', ['2025-12-08', '2025-12-14']],
    ['week of July 20, 2025', ['2025-07-14', '2025-07-20']],
    ['early December 2025', ['2025-12-01', '2025-12-10']],
    ['late July 2025', ['2025-07-21', '2025-07-31']],
    ['summer 2025', ['2025-06-01', '2025-08-31']],
    ['winter 2025', ['2025-12-01', '2026-02-28']],
    ['2025年の夏', ['2025-06-01', '2025-08-31']],
    ['先週（12/1の週）のAISIの活動', ['2025-12-01', '2025-12-07']],
    ['what came out so far this month', ['2026-11-01', '2026-11-23']],
    ['最近の動き', ['2026-10-24', '2026-11-23']],
  ])('%s → %j', (q, range) => {
    expect(period(q)).toEqual(range);
  });

  it('marks how the year was decided: said, bare or counted from today', () => {
    const kind = (q: string) => combinePeriods(findPeriods(q, TODAY))?.kind;
    expect(kind('July 2025')).toBe('absolute');
    expect(kind('July')).toBe('bare');
    expect(kind('this spring')).toBe('bare');
    expect(kind('7月')).toBe('bare');
    expect(kind('last month')).toBe('relative');
    expect(kind('先週')).toBe('relative');
  });

  it('an explicit date overrides a relative one (先週 with a date said)', () => {
    expect(period('先週、2025年12月11日に発表されたもの')).toEqual(['2025-12-11', '2025-12-11']);
    expect(period('last week, i.e. January 2026')).toEqual(['2026-01-01', '2026-01-31']);
  });

  it('shiftYears moves a period back and relabels it', () => {
    const july = combinePeriods(findPeriods('July', TODAY));
    expect(july?.label.en).toBe('July 2026');
    const earlier = shiftYears(july as Period, 1);
    expect([earlier.from, earlier.to, earlier.label.en, earlier.label.ja]).toEqual([
      '2025-07-01',
      '2025-07-31',
      'July 2025',
      '2025年7月',
    ]);
  });

  it('a fiscal year carries its year, so undated sections naming it can match', () => {
    expect(combinePeriods(findPeriods('令和7年度の予算', TODAY))?.fiscal).toBe(2025);
    expect(combinePeriods(findPeriods('FY2025 budget', TODAY))?.fiscal).toBe(2025);
  });
});

describe('more periods people type', () => {
  it.each([
    ['Q4 2025', ['2025-10-01', '2025-12-31']],
    ['2025年第3四半期', ['2025-07-01', '2025-09-30']],
    ['the second half of 2025', ['2025-07-01', '2025-12-31']],
    ['H1 2026', ['2026-01-01', '2026-06-30']],
    ['2025年下半期', ['2025-07-01', '2025-12-31']],
    ['the past 3 months', ['2026-08-25', '2026-11-23']],
    ['過去2週間', ['2026-11-09', '2026-11-23']],
    ['in the last couple of weeks', ['2026-11-09', '2026-11-23']],
    ['the past few weeks', ['2026-11-02', '2026-11-23']],
    ['last several months', ['2026-07-26', '2026-11-23']],
    ['ここ1週間', ['2026-11-16', '2026-11-23']],
    ['signed a couple weeks ago', ['2026-11-02', '2026-11-16']],
    ['a few days ago', ['2026-11-19', '2026-11-21']],
    ['3 months ago', ['2026-07-26', '2026-09-24']],
    ['数週間前に', ['2026-10-26', '2026-11-09']],
    ['3日前', ['2026-11-19', '2026-11-21']],
    ['what did korea do around new year', ['2025-12-15', '2026-01-15']],
    ['年末年始の動き', ['2025-12-15', '2026-01-15']],
    ['end of january 2026', ['2026-01-21', '2026-01-31']],
    ['what happened this past week', ['2026-11-16', '2026-11-23']],
    ['korea ai news past fortnight', ['2026-11-09', '2026-11-23']],
    ['over the past weeks', ['2026-11-02', '2026-11-23']],
    ['in recent months', ['2026-08-25', '2026-11-23']],
    ['この半年の韓国の動き', ['2026-05-24', '2026-11-23']],
    ['a week ago', ['2026-11-09', '2026-11-23']],
    ['2 weeks back', ['2026-11-02', '2026-11-16']],
    ['late last month', ['2026-10-21', '2026-10-31']],
    ['did the cabinet approve it late last year', ['2025-09-01', '2025-12-31']],
    ['korea early this year', ['2026-01-01', '2026-04-30']],
    ['early this month', ['2026-11-01', '2026-11-10']],
    ['月末の動き', ['2026-11-21', '2026-11-23']],
    ['月初の動き', ['2026-11-01', '2026-11-10']],
    ['年初来の動き', ['2026-01-01', '2026-11-23']],
    ['おとといの発表', ['2026-11-21', '2026-11-21']],
    ['these days', ['2026-10-24', '2026-11-23']],
    ['over the holidays', ['2025-12-15', '2026-01-15']],
    ['the start of december 2025', ['2025-12-01', '2025-12-10']],
    // (a day of a month before 前 is that date: 12月3日前後 is around December 3)
    ['12月3日前後の発表', ['2025-12-03', '2025-12-03']],
    ['ここ数週間', ['2026-11-02', '2026-11-23']],
    ['最近三か月', ['2026-08-25', '2026-11-23']],
    ['mid-2025', ['2025-05-01', '2025-08-31']],
    ['early 2026', ['2026-01-01', '2026-04-30']],
    ['late 2025', ['2025-09-01', '2025-12-31']],
    ['2025年半ば', ['2025-05-01', '2025-08-31']],
    ['2025年前半', ['2025-01-01', '2025-06-30']],
    ['2025年の後半', ['2025-07-01', '2025-12-31']],
    ['25年後半', ['2025-07-01', '2025-12-31']],
    ['25年のAI政策', ['2025-01-01', '2025-12-31']],
    ['7年12月のAI', ['2025-12-01', '2025-12-31']],
    ['過去3年間', ['2023-11-24', '2026-11-23']],
    ['the past 2 years', ['2024-11-23', '2026-11-23']],
    ['since December 2025', ['2025-12-01', '2026-11-23']],
    ['2025年12月以降', ['2025-12-01', '2026-11-23']],
    ['between July and December 2025', ['2025-07-01', '2025-12-31']],
    // (TODAY is 2026-11-23: this quarter is Q4 2026 so far, the last one Q3 2026)
    ['this quarter', ['2026-10-01', '2026-11-23']],
    ['今四半期', ['2026-10-01', '2026-11-23']],
    ['last quarter', ['2026-07-01', '2026-09-30']],
    ['前四半期', ['2026-07-01', '2026-09-30']],
  ])('%s → %j', (q, range) => {
    expect(period(q)).toEqual(range);
  });
});

describe('relative periods and what the corpus covers', () => {
  const span = datedSpan([
    { start: '2025-07-01', end: '2025-07-31' },
    undefined,
    { start: '2025-12-01', end: '2025-12-03' },
    { start: '2026-01-30', end: '2026-02-02' },
  ]);
  const week = (today: string) => {
    const p = findPeriods('Korea last week', today)[0]?.period;
    if (!p) throw new Error('no period');
    return p;
  };

  it('spans the dated items, undated ones ignored', () => {
    expect(span).toEqual({ from: '2025-07-01', to: '2026-02-02' });
    expect(datedSpan([undefined])).toBeNull();
  });

  it('a last week inside the span is not beyond it, even in a month without items', () => {
    // December 2025 is covered: the week of December 1 is answered for, not replaced by January.
    expect(beyondCoverage(week('2025-12-10'), span)).toBe(false);
    // A gap between covered months is still inside what the corpus spans.
    expect(beyondCoverage(week('2025-10-15'), span)).toBe(false);
  });

  it('a last week after the latest dated day, or before the first, is beyond it', () => {
    expect(beyondCoverage(week('2026-11-23'), span)).toBe(true);
    expect(beyondCoverage(week('2025-03-10'), span)).toBe(true);
    expect(beyondCoverage(week('2026-11-23'), null)).toBe(true);
  });
});

describe('periods named from the year or the month (round 2)', () => {
  const T = '2026-02-20';
  const range = (q: string) => {
    const p = combinePeriods(findPeriods(q, T));
    return p ? [p.from, p.to] : null;
  };
  it.each([
    ['uk 12/2025', ['2025-12-01', '2025-12-31']],
    ['今年1月のインド', ['2026-01-01', '2026-01-31']],
    ['昨年の7月', ['2025-07-01', '2025-07-31']],
    ['昨年末の米国', ['2025-12-01', '2025-12-31']],
    ['2025年末のEU', ['2025-12-01', '2025-12-31']],
    ['end of last year in the uk', ['2025-12-01', '2025-12-31']],
    ['年明けの韓国', ['2026-01-01', '2026-01-31']],
    ['2026年初めのシンガポール', ['2026-01-01', '2026-01-31']],
    ['the start of this year', ['2026-01-01', '2026-01-31']],
    ['先々月の英国', ['2025-12-01', '2025-12-31']],
    ['two months ago', ['2025-12-01', '2025-12-31']],
    ['the week before last', ['2026-02-02', '2026-02-08']],
    ['first half of january 2026', ['2026-01-01', '2026-01-15']],
    ['the second half of december 2025', ['2025-12-16', '2025-12-31']],
    ['1月後半の英国', ['2026-01-16', '2026-01-31']],
  ])('%s → %j', (q, expected) => {
    expect(range(q)).toEqual(expected);
  });

  it.each(['週末の話', '初めての規制'])('%s names no period', (q) => {
    expect(findPeriods(q, T)).toEqual([]);
  });
});

describe('two-digit years in Japanese dates', () => {
  it.each([
    ['25年12月の韓国', ['2025-12-01', '2025-12-31']],
    ['韓国の25年12月の動き', ['2025-12-01', '2025-12-31']],
    ['26年1月15日', ['2026-01-15', '2026-01-15']],
    ['25年度の予算', ['2025-04-01', '2026-03-31']],
    ['25年の夏', ['2025-06-01', '2025-08-31']],
  ])('%s', (q, want) => {
    expect(period(q)).toEqual(want);
  });

  it('gives the offsets in the question as typed', () => {
    const [m] = findPeriods('韓国の25年12月の動き', TODAY);
    expect(m && '韓国の25年12月の動き'.slice(m.start, m.end)).toBe('25年12月');
  });

  it.each(['10年間の計画', '5年前の宣言', '2025年12月', '令和7年12月'])(
    'leaves %s to the other rules',
    (q) => {
      const p = combinePeriods(findPeriods(q, TODAY));
      if (/^\d+年[間前]/.test(q)) expect(p).toBeNull();
      else expect(p?.from.slice(0, 7)).toBe('2025-12');
    },
  );
});

describe('holidays', () => {
  it('reads Christmas, Golden Week, お盆 and Thanksgiving as the latest one by today', () => {
    const p = (q: string, today: string) => combinePeriods(findPeriods(q, today));
    expect(p('signed right before christmas', '2026-02-15')).toMatchObject({
      from: '2025-12-18',
      to: '2025-12-31',
    });
    expect(p('over xmas', '2025-12-24')).toMatchObject({ from: '2025-12-18', to: '2025-12-31' });
    expect(p('ゴールデンウィーク中の発表', '2026-02-15')).toMatchObject({
      from: '2025-04-26',
      to: '2025-05-06',
    });
    expect(p('お盆明けの動き', '2026-08-30')).toMatchObject({ from: '2026-08-08', to: '2026-08-20' });
    expect(p('anything around thanksgiving', '2026-02-15')).toMatchObject({
      from: '2025-11-20',
      to: '2025-11-30',
    });
  });
});
