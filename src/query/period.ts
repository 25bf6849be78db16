import { addDays, iso, lastDayOfMonth, MONTHS_EN, parts, validDay, weekStart } from './dates.js';

/** A closed range of days a question asks about, with how to say it back to the asker. */
export interface Period {
  from: string;
  to: string;
  label: { en: string; ja: string };
  /**
   * How the year was decided: `absolute` when the asker said it, `bare` when a month, day or
   * season came without one (resolved to the latest occurrence the corpus covers), `relative`
   * for "last week", 先月… (counted from today).
   */
  kind?: 'absolute' | 'bare' | 'relative';
  /** A fiscal year (April–March): undated sections that name it match too. */
  fiscal?: number;
  /** Recency without a measure ("lately", 最近, 先日): the last 30 days, as a default, not a window asked for. */
  vague?: boolean;
}

export interface PeriodMatch {
  period: Period;
  start: number;
  end: number;
}

const MONTH_WORDS: Record<string, number> = {};
MONTHS_EN.forEach((name, i) => {
  MONTH_WORDS[name.toLowerCase()] = i + 1;
  MONTH_WORDS[name.slice(0, 3).toLowerCase()] = i + 1;
});
MONTH_WORDS.sept = 9;
const MONTH_RE = `(${Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

const monthPeriod = (y: number, m: number): Period => ({
  from: iso(y, m, 1),
  to: iso(y, m, lastDayOfMonth(y, m)),
  label: { en: `${MONTHS_EN[m - 1]} ${y}`, ja: `${y}年${m}月` },
});
const dayPeriod = (y: number, m: number, d: number): Period => ({
  from: iso(y, m, d),
  to: iso(y, m, d),
  label: { en: `${MONTHS_EN[m - 1]} ${d}, ${y}`, ja: `${y}年${m}月${d}日` },
});
const yearPeriod = (y: number): Period => ({
  from: iso(y, 1, 1),
  to: iso(y, 12, 31),
  label: { en: `${y}`, ja: `${y}年` },
});
const fiscalPeriod = (y: number): Period => ({
  from: iso(y, 4, 1),
  to: iso(y + 1, 3, 31),
  label: { en: `fiscal ${y} (April ${y} – March ${y + 1})`, ja: `${y}年度` },
  fiscal: y,
});

/**
 * The first (1–15) or second (16–end) half of a month, in English or Japanese; without a year it
 * is the latest such half the calendar allows (a bare period, said as such in the answer).
 */
function halfOfMonth(today: string, month: number, year: string | undefined, second: boolean) {
  const y = year ? Number(year) : latestYear(today, month);
  return {
    ...dayRange(
      y,
      month,
      second ? 16 : 1,
      second ? 31 : 15,
      `the ${second ? 'second' : 'first'} half of`,
      second ? '後半' : '前半',
    ),
    ...(year ? {} : { kind: 'bare' as const }),
  };
}

/** Days of a month, as a period ("the first week of July 2025" = July 1–7, 2025). */
function dayRange(y: number, m: number, a: number, b: number, en: string, ja: string): Period {
  const to = Math.min(b, lastDayOfMonth(y, m));
  return {
    from: iso(y, m, a),
    to: iso(y, m, to),
    label: {
      en: `${en} ${MONTHS_EN[m - 1]} ${y} (${MONTHS_EN[m - 1]} ${a}–${to})`,
      ja: `${y}年${m}月${ja}(${m}月${a}日〜${to}日)`,
    },
  };
}

/** The first, middle or last third of a month (上旬, 中旬, 下旬: days 1–10, 11–20, 21–end). */
function thirdOfMonth(y: number, m: number, which: 'early' | 'mid' | 'late'): Period {
  const [a, b, ja] =
    which === 'early' ? [1, 10, '上旬'] : which === 'mid' ? [11, 20, '中旬'] : [21, 31, '下旬'];
  return dayRange(y, m, a, b, which, ja);
}

/** Counts said in words: "a couple of weeks" is two, "a few" three, 数週間 three, "several" four. */
const COUNT_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  few: 3,
  several: 4,
  数: 3,
};

/** The number a period's count says (digits, a word, a couple, 一〜六), or 0 when it says none. */
function countOf(said: string): number {
  return Number(said) || COUNT_WORDS[said] || (/couple/.test(said) ? 2 : '一二三四五六'.indexOf(said) + 1);
}

/** Days in a unit of time as a period's count means it (a month is 30 days, a year 365). */
function daysIn(unit: string): number {
  return /day|日/.test(unit) ? 1 : /week|週|fortnight/.test(unit) ? 7 : /year|年/.test(unit) ? 365 : 30;
}

/**
 * The last 30 days: "recently", 最近, and "latest" asked with nothing else (understand.ts). Outside
 * the corpus's coverage the latest covered period answers instead (filters.ts).
 */
export function recentPeriod(today: string): Period {
  return {
    from: addDays(today, -30),
    to: today,
    label: { en: 'the last 30 days', ja: '直近30日' },
    kind: 'relative',
  };
}

const ORDINAL_WEEK: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: 5,
  final: 5,
};

/** Seasons of the northern hemisphere, as the months they span (winter runs into the next year). */
const SEASONS: Record<string, { first: number; en: string; ja: string }> = {
  spring: { first: 3, en: 'spring', ja: '春' },
  summer: { first: 6, en: 'summer', ja: '夏' },
  autumn: { first: 9, en: 'autumn', ja: '秋' },
  fall: { first: 9, en: 'autumn', ja: '秋' },
  winter: { first: 12, en: 'winter', ja: '冬' },
  春: { first: 3, en: 'spring', ja: '春' },
  夏: { first: 6, en: 'summer', ja: '夏' },
  秋: { first: 9, en: 'autumn', ja: '秋' },
  冬: { first: 12, en: 'winter', ja: '冬' },
};

function seasonPeriod(y: number, name: string): Period {
  const s = SEASONS[name] as { first: number; en: string; ja: string };
  const endY = s.first + 2 > 12 ? y + 1 : y;
  const endM = ((s.first + 1) % 12) + 1;
  return {
    from: iso(y, s.first, 1),
    to: iso(endY, endM, lastDayOfMonth(endY, endM)),
    label: { en: `${s.en} ${y}`, ja: `${y}年${s.ja}` },
  };
}

/** The latest season (by its first month) that has started by today. */
function latestSeasonYear(today: string, name: string): number {
  const s = SEASONS[name] as { first: number };
  return latestYear(today, s.first);
}

/**
 * The same period some years earlier, relabelled: a bare "July" asked in November 2026 is moved
 * back to July 2025 when that is the latest July the corpus covers.
 */
export function shiftYears(p: Period, years: number): Period {
  const [fy, fm, fd] = parts(p.from);
  const [ty, tm, td] = parts(p.to);
  const from = iso(fy - years, fm, Math.min(fd, lastDayOfMonth(fy - years, fm)));
  const to = iso(ty - years, tm, Math.min(td, lastDayOfMonth(ty - years, tm)));
  const relabel = (text: string) =>
    text.replace(/\b(19|20)\d{2}\b|(?<!\d)(19|20)\d{2}(?=年)/g, (y) => String(Number(y) - years));
  return { ...p, from, to, label: { en: relabel(p.label.en), ja: relabel(p.label.ja) } };
}
const weekPeriod = (date: string): Period => {
  const from = weekStart(date);
  const to = addDays(from, 6);
  const [, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return {
    from,
    to,
    label: {
      en: `the week of ${MONTHS_EN[fm - 1]} ${fd} – ${MONTHS_EN[tm - 1]} ${td}, ${ty}`,
      ja: `${from.replace(/-/g, '/')}〜${to.replace(/-/g, '/')}の週`,
    },
  };
};

/** The latest (month, day) not after today: "March 3" asked in November 2026 is 2026-03-03. */
function latestYear(today: string, m: number, d = 1): number {
  const [ty, tm, td] = parts(today);
  return m < tm || (m === tm && d <= td) ? ty : ty - 1;
}

type Rule = {
  re: RegExp;
  make: (m: RegExpExecArray, today: string) => Period | undefined;
  /** Absolute unless said: see {@link Period.kind}. */
  kind?: 'bare' | 'relative';
};

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988 };

/** Parts of a year as people say them: early/mid/late thirds, 前半/後半 halves. */
const PARTS_OF_YEAR: Record<string, { months: [number, number]; en: string; ja: string }> = {
  early: { months: [1, 4], en: 'early #', ja: '初め' },
  mid: { months: [5, 8], en: 'mid-#', ja: '半ば' },
  半ば: { months: [5, 8], en: 'mid-#', ja: '半ば' },
  late: { months: [9, 12], en: 'late #', ja: '終盤' },
  前半: { months: [1, 6], en: 'the first half of #', ja: '前半' },
  後半: { months: [7, 12], en: 'the second half of #', ja: '後半' },
};

/** A third or a half of a year by its name (early, mid, late, 前半, 後半…), or undefined. */
function partOfYear(y: number, which: string): Period | undefined {
  const part = PARTS_OF_YEAR[which.toLowerCase()];
  if (!part) return undefined;
  const { months, en, ja } = part;
  return {
    from: iso(y, months[0], 1),
    to: iso(y, months[1], lastDayOfMonth(y, months[1])),
    label: { en: en.replace('#', String(y)), ja: `${y}年${ja}` },
  };
}

/**
 * Period rules, most specific first. Each works on the NFKC-normalized question; English is
 * matched case-insensitively except `May`, which must be capitalised or clearly a date.
 */
const RULES: Rule[] = [
  // the first/second half of January 2026, 1月前半/後半
  {
    re: new RegExp(
      `\\b(?:the\\s+)?(first|second|1st|2nd)\\s+half\\s+of\\s+${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`,
      'gi',
    ),
    make: (m, t) =>
      halfOfMonth(
        t,
        MONTH_WORDS[(m[2] as string).toLowerCase()] as number,
        m[3],
        /second|2nd/i.test(m[1] as string),
      ),
  },
  {
    re: /(?:(\d{4})\s*年\s*)?(?<!\d)(\d{1,2})\s*月\s*の?\s*(前半|後半)/g,
    make: (m, t) => {
      const mo = Number(m[2]);
      if (mo < 1 || mo > 12) return undefined;
      return halfOfMonth(t, mo, m[1], m[3] === '後半');
    },
  },
  // 今年1月, 昨年の12月, 一昨年7月: a month in a year counted from today
  {
    re: /(一昨年|今年|本年|昨年|去年|前年)\s*の?\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/g,
    make: (m, t) => {
      const back = m[1] === '一昨年' ? 2 : /今年|本年/.test(m[1] as string) ? 0 : 1;
      return month(parts(t)[0] - back, Number(m[2]));
    },
  },
  // the end of last year, 昨年末, 年末 (December); the start of this year, 年明け, 年始 (January)
  {
    re: /\b(?:the\s+)?(?:end\s+of\s+(?:(last|this|the)\s+year|(\d{4}))|(last|this)\s+year-?end)\b|(?:(一昨年|昨年|去年|今年|(\d{4})\s*年)\s*(?:の)?\s*(?:年末|末)|(?<![学会度])年末(?!年始))(?=[のにでは、,\s何]|$)/gi,
    make: (m, t) => {
      const [ty, tm] = parts(t);
      const rel = (m[1] ?? m[3] ?? m[4] ?? '').toLowerCase();
      const y = m[2]
        ? Number(m[2])
        : m[5]
          ? Number(m[5])
          : rel === 'last' || rel === '昨年' || rel === '去年'
            ? ty - 1
            : rel === '一昨年'
              ? ty - 2
              : rel === 'this' || rel === '今年' || tm === 12
                ? ty
                : ty - 1;
      return month(y, 12);
    },
  },
  {
    re: /\b(?:the\s+)?(?:start|beginning)\s+of\s+(?:(this|last|the)\s+year|(\d{4}))\b|(?:(今年|昨年|去年|(\d{4})\s*年)\s*の?\s*(?:年明け|年始|年初め?|初め|初頭)|(?<!年末)(?:年明け|年始|年初め?))(?=[のにでは、,\s何]|$)/gi,
    make: (m, t) => {
      const ty = parts(t)[0];
      const rel = (m[1] ?? m[3] ?? '').toLowerCase();
      const y = m[2] ? Number(m[2]) : m[4] ? Number(m[4]) : /last|昨年|去年/.test(rel) ? ty - 1 : ty;
      return month(y, 1);
    },
  },
  // around New Year, the new year holidays, 年末年始, 正月: the latest turn of a year by today,
  // half a month either side
  {
    re: /\b(?:the\s+)?new\s+year(?:['’]s)?(?:\s+(?:holidays?|break|period))?\b|\b(?:over|during|around)\s+the\s+(?:holidays|holiday\s+season)\b|年末年始|お?正月/gi,
    make: (_m, t) => {
      const [ty, tm, td] = parts(t);
      const y = tm === 12 && td >= 15 ? ty + 1 : ty;
      return {
        from: iso(y - 1, 12, 15),
        to: iso(y, 1, 15),
        label: { en: `around New Year ${y}`, ja: `${y - 1}年末〜${y}年始` },
      };
    },
  },
  // Christmas, Golden Week, お盆, Thanksgiving: the latest by today, the days around it
  {
    re: /\b(?:christmas|xmas|x-mas)(?:['’]s)?(?:\s+(?:holidays?|break|eve|day|season|week))?\b|クリスマス|\bgolden\s+week\b|ゴールデンウィーク|大型連休|\bgw\b|お盆|\bthanksgiving\b/gi,
    make: (m, t) => {
      const [ty, tm, td] = parts(t);
      const word = m[0].toLowerCase();
      // [first month, first day, last month, last day, English, Japanese]
      const [fm, fd, lm, ld, en, ja] = /christ|xmas|x-mas|クリスマス/.test(word)
        ? ([12, 18, 12, 31, 'Christmas', 'クリスマス'] as const)
        : /golden|ゴールデン|大型連休|gw/.test(word)
          ? ([4, 26, 5, 6, 'Golden Week', 'ゴールデンウィーク'] as const)
          : /お盆/.test(word)
            ? ([8, 8, 8, 20, 'Obon', 'お盆'] as const)
            : ([11, 20, 11, 30, 'Thanksgiving', '感謝祭'] as const);
      // (the latest that has begun by today)
      const y = tm > fm || (tm === fm && td >= fd) ? ty : ty - 1;
      return { from: iso(y, fm, fd), to: iso(y, lm, ld), label: { en: `${en} ${y}`, ja: `${y}年${ja}` } };
    },
  },
  // the month before last, 先々月, two months ago; the week before last, two weeks ago
  {
    re: /\b(?:the\s+)?month\s+before\s+last\b|\b(two|2)\s+months\s+ago\b|先々月|前々月/gi,
    make: (_m, t) => {
      const [y, mo] = parts(t);
      return mo <= 2 ? month(y - 1, mo + 10) : month(y, mo - 2);
    },
    kind: 'relative',
  },
  {
    re: /\b(?:the\s+)?week\s+before\s+last\b|\b(two|2)\s+weeks\s+ago\b/gi,
    make: (_m, t) => weekPeriod(addDays(t, -14)),
    kind: 'relative',
  },
  // a couple of weeks ago, a few days ago, 3 months ago, 数週間前, 2週間前, 3日前: about then, a
  // window one unit either side (two weeks and two months ago exactly are the rules above); not
  // a date's day (12月3日前後), nor before an event (施行の6か月前), nor 前倒し / 前半 / 前期
  {
    re: /\b(?:a\s+)?(couple(?:\s+of)?|few|several|\d{1,2}|two|three|four|five|six|(?<!a\s)a|an|one)\s+(days?|weeks?|months?)\s+(?:ago|back)\b|(?<![月/\dの])(数|\d{1,2}|[一二三四五六])\s*(日|週間|か月|ヶ月|カ月|ヵ月)\s*前(?![半期後倒])/gi,
    make: (m, t) => {
      const n = countOf((m[1] ?? m[3] ?? '').toLowerCase());
      if (n < 1) return undefined;
      const size = daysIn((m[2] ?? m[4] ?? '').toLowerCase());
      const en = size === 1 ? 'day' : size === 7 ? 'week' : 'month';
      return {
        from: addDays(t, -size * (n + 1)),
        to: addDays(t, -size * Math.max(0, n - 1)),
        label: {
          en: `about ${n} ${en}${n === 1 ? '' : 's'} ago`,
          ja: `${n}${size === 1 ? '日' : size === 7 ? '週間' : 'か月'}ほど前`,
        },
      };
    },
    kind: 'relative',
  },
  // 12/2025: a month and a year
  {
    re: /(?<![\d/.-])(\d{1,2})\/(\d{4})(?![\d/])/g,
    make: (m) => month(Number(m[2]), Number(m[1])),
  },
  // the first week of July 2025 / the second week of December (the year's digits are never a day)
  {
    re: new RegExp(
      `\\b(first|1st|second|2nd|third|3rd|fourth|4th|last|final)\\s+week\\s+(?:of|in)\\s+${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`,
      'gi',
    ),
    make: (m, t) => {
      const n = ORDINAL_WEEK[(m[1] as string).toLowerCase()] as number;
      const mo = MONTH_WORDS[(m[2] as string).toLowerCase()] as number;
      const y = m[3] ? Number(m[3]) : latestYear(t, mo);
      const last = lastDayOfMonth(y, mo);
      const [a, b] = n === 5 ? [last - 6, last] : [7 * (n - 1) + 1, 7 * n];
      const word = (m[1] as string)
        .toLowerCase()
        .replace(
          /^(\d)(st|nd|rd|th)$/,
          (_x, d) => ['first', 'second', 'third', 'fourth'][Number(d) - 1] ?? d,
        );
      return {
        ...dayRange(y, mo, a, b, `the ${word} week of`, n === 5 ? '最終週' : `第${n}週`),
        ...(m[3] ? {} : { kind: 'bare' as const }),
      };
    },
  },
  // 2025年12月第2週 / 12月第2週
  {
    re: /(?:(\d{4})\s*年\s*)?(?<!\d)(\d{1,2})\s*月\s*(?:の)?\s*第\s*([1-5])\s*週/g,
    make: (m, t) => {
      const mo = Number(m[2]);
      const n = Number(m[3]);
      const y = m[1] ? Number(m[1]) : latestYear(t, mo);
      if (mo < 1 || mo > 12) return undefined;
      return {
        ...dayRange(y, mo, 7 * (n - 1) + 1, 7 * n, `week ${n} of`, `第${n}週`),
        ...(m[1] ? {} : { kind: 'bare' as const }),
      };
    },
  },
  // early/mid/late December (2025); the start / middle / end of December
  {
    re: new RegExp(
      `\\b(early|mid|late|(?:the\\s+)?(?:start|beginning|middle|end)\\s+of)[-\\s]+${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`,
      'gi',
    ),
    make: (m, t) => {
      const mo = MONTH_WORDS[(m[2] as string).toLowerCase()] as number;
      const y = m[3] ? Number(m[3]) : latestYear(t, mo);
      const said = (m[1] as string).toLowerCase();
      const which = /start|beginning|early/.test(said) ? 'early' : /middle|mid/.test(said) ? 'mid' : 'late';
      return { ...thirdOfMonth(y, mo, which), ...(m[3] ? {} : { kind: 'bare' as const }) };
    },
  },
  // Q4 2025 / 2025 Q4 / 2025年第4四半期: calendar quarters
  {
    re: /\bq([1-4])\s*(?:of\s+)?(\d{4})\b|\b(\d{4})\s*q([1-4])\b|(\d{4})\s*年\s*(?:度\s*)?第\s*([1-4])\s*四半期/gi,
    make: (m) => {
      const y = Number(m[2] ?? m[3] ?? m[5]);
      const q = Number(m[1] ?? m[4] ?? m[6]);
      const a = 3 * q - 2;
      return {
        from: iso(y, a, 1),
        to: iso(y, a + 2, lastDayOfMonth(y, a + 2)),
        label: { en: `Q${q} ${y}`, ja: `${y}年第${q}四半期` },
      };
    },
  },
  // the first/second half of 2025, H2 2025, 2025年上半期/下半期
  {
    re: /\b(?:the\s+)?(first|second|1st|2nd)\s+half\s+of\s+(\d{4})\b|\bh([12])\s*(\d{4})\b|(\d{4})\s*年\s*(?:の)?\s*(上半期|下半期)/gi,
    make: (m) => {
      const y = Number(m[2] ?? m[4] ?? m[5]);
      const second = /second|2nd/i.test(m[1] ?? '') || m[3] === '2' || m[6] === '下半期';
      return second
        ? {
            from: iso(y, 7, 1),
            to: iso(y, 12, 31),
            label: { en: `the second half of ${y}`, ja: `${y}年下半期` },
          }
        : {
            from: iso(y, 1, 1),
            to: iso(y, 6, 30),
            label: { en: `the first half of ${y}`, ja: `${y}年上半期` },
          };
    },
  },
  // the past 3 months / last two weeks / the last couple (2), few (3), several (4) weeks /
  // 過去3か月 / この2週間 / ここ1週間 / 最近三か月 / 数週間 (3)
  {
    re: /\b(?:past|last|previous|recent)\s+(\d{1,2}|two|three|four|five|six|(?:a\s+)?couple(?:\s+of)?|few|several|)\s*(days|weeks|months|years|fortnight)\b|(?:過去|直近|この|ここ|最近)\s*(\d{1,2}|数|[一二三四五六]|半)\s*(日|週間|か月|ヶ月|カ月|ヵ月|年間|年)/gi,
    make: (m, t) => {
      const said = (m[1] ?? m[3] ?? '').toLowerCase().trim();
      const unit = (m[2] ?? m[4] ?? '').toLowerCase();
      // (a fortnight is two weeks; "the past weeks", "recent months" with no count are a few;
      // 半年 is half a year)
      if (said === '半' && !/年/.test(unit)) return undefined;
      const n =
        said === '半'
          ? 0.5
          : unit === 'fortnight'
            ? 2 * (countOf(said) || 1)
            : said === ''
              ? 3
              : countOf(said);
      if (n <= 0) return undefined;
      const days = Math.round(daysIn(unit) * n);
      return {
        from: addDays(t, -days),
        to: t,
        label:
          said === '半'
            ? { en: 'the last six months', ja: '直近半年' }
            : {
                en: `the last ${n} ${unit === 'fortnight' ? 'weeks' : unit || 'days'}`,
                ja: `直近${n}${m[4] ?? (unit === 'fortnight' ? '週間' : '日')}`,
              },
      };
    },
    kind: 'relative',
  },
  // early/mid/late 2025, 2025年半ば / 前半 / 後半: a third or a half of the year
  {
    re: /\b(early|mid|late)[-\s]+((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*年\s*の?\s*(半ば|前半|後半)/gi,
    make: (m) => partOfYear(Number(m[2] ?? m[3]), m[1] ?? m[4] ?? ''),
  },
  // early / mid / late last year, this year: a third of that year (so far)
  {
    re: /\b(early|mid|late)[-\s]+(last|this|previous)\s+year\b/gi,
    make: (m, t) => {
      const [ty] = parts(t);
      return soFar(partOfYear(/last|previous/i.test(m[2] as string) ? ty - 1 : ty, m[1] as string), t);
    },
    kind: 'relative',
  },
  // summer 2025 / 2025年夏 / this spring / spring
  {
    re: /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b/gi,
    make: (m) => seasonPeriod(Number(m[2]), (m[1] as string).toLowerCase()),
  },
  { re: /(\d{4})\s*年\s*の?\s*(春|夏|秋|冬)/g, make: (m) => seasonPeriod(Number(m[1]), m[2] as string) },
  {
    re: /\b(?:this|last|past|previous)?\s*(spring|summer|autumn|winter|(?<=(?:this|last|past|previous)\s+)fall)\b|(?:今年の|この|昨年の|去年の)?(?<![\u3400-\u9fff])(春|夏|秋|冬)(?![\u3400-\u9fff])/gi,
    make: (m, t) => {
      const name = ((m[1] ?? m[2]) as string).toLowerCase();
      return seasonPeriod(latestSeasonYear(t, name), name);
    },
    kind: 'bare',
  },
  // 2026/03/03, 2026-03-03, 2026.3.3
  {
    re: /(?<![\d/])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/])/g,
    make: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // 2026年3月3日
  {
    re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    make: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // 令和7年度 / 2025年度 / FY2025: fiscal years run April to March.
  {
    re: /(令和|平成)\s*(\d{1,2}|元)\s*年度/g,
    make: (m) => fiscalPeriod(era(m[1] as string, m[2] as string)),
  },
  { re: /(\d{4})\s*年度|\bfy\s?(\d{4})\b/gi, make: (m) => fiscalPeriod(Number(m[1] ?? m[2])) },
  // 2026年3月
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/g, make: (m) => month(Number(m[1]), Number(m[2])) },
  // 令和7年12月
  {
    re: /(令和|平成)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月/g,
    make: (m) => month(era(m[1] as string, m[2] as string), Number(m[3])),
  },
  // 5年3月: a one-digit year is the era's, as government papers write it (令和5年3月)
  {
    re: /(?<![\d.令和平成元])([1-9])\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/g,
    make: (m) => month(era('令和', m[1] as string), Number(m[2])),
  },
  // 3月3日 (latest not after today)
  {
    re: /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    make: (m, t) => day(latestYear(t, Number(m[1]), Number(m[2])), Number(m[1]), Number(m[2])),
    kind: 'bare',
  },
  // 12月上旬/中旬/下旬
  {
    re: /(?<!\d)(\d{1,2})\s*月\s*(上旬|中旬|下旬)/g,
    make: (m, t) => {
      const mo = Number(m[1]);
      const y = latestYear(t, mo);
      const [a, b] = m[2] === '上旬' ? [1, 10] : m[2] === '中旬' ? [11, 20] : [21, lastDayOfMonth(y, mo)];
      return {
        from: iso(y, mo, a),
        to: iso(y, mo, b),
        label: { en: `${m[2]} ${MONTHS_EN[mo - 1]} ${y}`, ja: `${y}年${mo}月${m[2]}` },
      };
    },
    kind: 'bare',
  },
  // 1月 (latest such month not after today)
  {
    re: /(?<![\d年])(\d{1,2})\s*月(?!\s*\d)/g,
    make: (m, t) => month(latestYear(t, Number(m[1])), Number(m[1])),
    kind: 'bare',
  },
  // 令和7年, 2025年
  {
    re: /(令和|平成)\s*(\d{1,2}|元)\s*年(?!\s*\d)/g,
    make: (m) => yearPeriod(era(m[1] as string, m[2] as string)),
  },
  { re: /(?<!\d)(\d{4})\s*年(?!\s*\d|度)/g, make: (m) => yearPeriod(Number(m[1])) },
  // week of March 2 (2026)
  {
    re: new RegExp(
      `\\bweek\\s+of\\s+${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`,
      'gi',
    ),
    make: (m, t) => {
      const mo = MONTH_WORDS[(m[1] as string).toLowerCase()] as number;
      const d = Number(m[2]);
      const y = m[3] ? Number(m[3]) : latestYear(t, mo, d);
      return validDay(y, mo, d) ? weekPeriod(iso(y, mo, d)) : undefined;
    },
  },
  // March 3, 2026 / March 3rd 2026
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    make: (m) => day(Number(m[3]), MONTH_WORDS[(m[1] as string).toLowerCase()] as number, Number(m[2])),
  },
  // 3 March 2026
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\s+(\\d{4})\\b`, 'gi'),
    make: (m) => day(Number(m[3]), MONTH_WORDS[(m[2] as string).toLowerCase()] as number, Number(m[1])),
  },
  // January 2026 / Jan 2026
  {
    re: new RegExp(`\\b${MONTH_RE},?\\s+(\\d{4})\\b`, 'gi'),
    make: (m) => month(Number(m[2]), MONTH_WORDS[(m[1] as string).toLowerCase()] as number),
  },
  // March 3 / March 3rd (latest not after today)
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*\\d)`, 'gi'),
    make: (m, t) => {
      const mo = MONTH_WORDS[(m[1] as string).toLowerCase()] as number;
      const d = Number(m[2]);
      return day(latestYear(t, mo, d), mo, d);
    },
    kind: 'bare',
  },
  // 3rd of March / 3 March
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\b`, 'gi'),
    make: (m, t) => {
      const mo = MONTH_WORDS[(m[2] as string).toLowerCase()] as number;
      const d = Number(m[1]);
      return day(latestYear(t, mo, d), mo, d);
    },
    kind: 'bare',
  },
  // 2026/01, 2026-01
  { re: /(?<![\d/])(\d{4})[-/](\d{1,2})(?![\d/-])/g, make: (m) => month(Number(m[1]), Number(m[2])) },
  // last November / this March
  {
    re: new RegExp(`\\b(last|this|previous|past)\\s+${MONTH_RE}\\b`, 'gi'),
    make: (m, t) => {
      const mo = MONTH_WORDS[(m[2] as string).toLowerCase()] as number;
      const [ty, tm] = parts(t);
      if (/this/i.test(m[1] as string)) return month(ty, mo);
      return month(mo < tm ? ty : ty - 1, mo);
    },
    kind: 'relative',
  },
  // January / Jan (latest not after today); bare "may" only when capitalised
  {
    re: new RegExp(`\\b${MONTH_RE}\\b`, 'gi'),
    make: (m, t) => {
      const word = m[1] as string;
      if (word.toLowerCase() === 'may' && word !== 'May') return undefined;
      if (word.toLowerCase() === 'mar' && word !== 'Mar') return undefined;
      const mo = MONTH_WORDS[word.toLowerCase()] as number;
      return month(latestYear(t, mo), mo);
    },
    kind: 'bare',
  },
  // early / mid / late last month, this month; 月初, 月末 alone (this month's start, the latest
  // month's end); 年初来 (since the start of this year)
  {
    re: /\b(early|mid|late)[-\s]+(last|this|previous)\s+month\b|(?<![\u3400-\u9fff])(月初|月末)(?=[のにでは、,\s何]|$)|年初来/gi,
    make: (m, t) => {
      const [ty, tm, td] = parts(t);
      if (m[0] === '年初来')
        return { from: iso(ty, 1, 1), to: t, label: { en: `${ty} so far`, ja: `${ty}年初来` } };
      const which = (m[1] ? (m[1] as string).toLowerCase() : m[3] === '月初' ? 'early' : 'late') as
        | 'early'
        | 'mid'
        | 'late';
      const last = m[2] ? /last|previous/i.test(m[2]) : m[3] === '月末' && td < 21;
      const [y, mo] = last ? (tm === 1 ? [ty - 1, 12] : [ty, tm - 1]) : [ty, tm];
      return soFar(thirdOfMonth(y, mo, which), t);
    },
    kind: 'relative',
  },
  // this week / last week / 今週 / 先週 / 先々週
  // 12/1の週, 12月1日の週: the week containing that day
  {
    re: /(?<![\d/])(\d{1,2})\s*(?:\/|月)\s*(\d{1,2})\s*日?\s*の週/g,
    make: (m, t) => {
      const mo = Number(m[1]);
      const d = Number(m[2]);
      const y = latestYear(t, mo, d);
      return validDay(y, mo, d) ? weekPeriod(iso(y, mo, d)) : undefined;
    },
    kind: 'bare',
  },
  { re: /\bthis\s+week\b|今週/gi, make: (_m, t) => soFar(weekPeriod(t), t), kind: 'relative' },
  // recently / lately / 最近: the last 30 days (outside coverage, the latest period covered)
  {
    re: /\b(?:recently|lately|recent|these\s+days)\b|最近|先日/gi,
    make: (_m, t) => ({ ...recentPeriod(t), vague: true }),
    kind: 'relative',
  },
  {
    re: /\b(?:last|previous)\s+week\b|先週/gi,
    make: (_m, t) => weekPeriod(addDays(t, -7)),
    kind: 'relative',
  },
  // this past week / the past week: the seven days up to today, not the calendar week before
  {
    re: /\b(?:(?:this|the)\s+)?past\s+week\b/gi,
    make: (_m, t) => ({ from: addDays(t, -7), to: t, label: { en: 'the past week', ja: '直近1週間' } }),
    kind: 'relative',
  },
  { re: /先々週/g, make: (_m, t) => weekPeriod(addDays(t, -14)), kind: 'relative' },
  // this month / last month / 今月 / 先月
  {
    re: /\b(?:so\s+far\s+)?this\s+month(?:\s+so\s+far)?\b|今月/gi,
    make: (_m, t) => {
      const [y, mo] = parts(t);
      return soFar(month(y, mo), t);
    },
    kind: 'relative',
  },
  {
    re: /\b(?:last|previous|past)\s+month\b|先月|前月/gi,
    make: (_m, t) => {
      const [y, mo] = parts(t);
      return mo === 1 ? month(y - 1, 12) : month(y, mo - 1);
    },
    kind: 'relative',
  },
  // this quarter / last quarter / 今四半期 / 前四半期: calendar quarters, this one so far
  {
    re: /\b(?:so\s+far\s+)?this\s+quarter\b|今四半期/gi,
    make: (_m, t) => soFar(quarterOf(t, 0), t),
    kind: 'relative',
  },
  {
    re: /\b(?:last|previous|past)\s+quarter\b|前四半期|先四半期/gi,
    make: (_m, t) => quarterOf(t, -1),
    kind: 'relative',
  },
  // this year / last year / 今年 / 昨年
  { re: /\bthis\s+year\b|今年|本年/gi, make: (_m, t) => soFar(yearPeriod(parts(t)[0]), t), kind: 'relative' },
  {
    re: /\b(?:last|previous|past)\s+year\b|昨年|去年|前年/gi,
    make: (_m, t) => yearPeriod(parts(t)[0] - 1),
    kind: 'relative',
  },
  // today / yesterday
  { re: /\btoday\b|今日|本日/gi, make: (_m, t) => day(...parts(t)), kind: 'relative' },
  { re: /\byesterday\b|昨日/gi, make: (_m, t) => day(...parts(addDays(t, -1))), kind: 'relative' },
  {
    re: /\bthe\s+day\s+before\s+yesterday\b|一昨日|おととい|おとつい/gi,
    make: (_m, t) => day(...parts(addDays(t, -2))),
    kind: 'relative',
  },
  // in 2025 / 2025
  // (a year written against a name is part of the name: サミット2026, SCIS2026 are events, not periods)
  {
    re: /(?<![\w./\-\u30a1-\u30faー\u3400-\u9fff])((?:19|20)\d{2})(?![\w./-]|\s*年)/g,
    make: (m) => yearPeriod(Number(m[1])),
  },
];

/** The calendar quarter of `today`, or the one `shift` quarters before or after it. */
function quarterOf(today: string, shift: number): Period {
  const [y0, m0] = parts(today);
  const index = y0 * 4 + Math.floor((m0 - 1) / 3) + shift;
  const y = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const a = 3 * q - 2;
  return {
    from: iso(y, a, 1),
    to: iso(y, a + 2, lastDayOfMonth(y, a + 2)),
    label: { en: `Q${q} ${y}`, ja: `${y}年第${q}四半期` },
  };
}

/** "This month" means so far: nothing after today exists yet. */
function soFar(p: Period | undefined, today: string): Period | undefined {
  return p && p.to > today ? { ...p, to: today } : p;
}

function era(name: string, year: string): number {
  return (ERAS[name] ?? 0) + (year === '元' ? 1 : Number(year));
}
function day(y: number, m: number, d: number): Period | undefined {
  return validDay(y, m, d) ? dayPeriod(y, m, d) : undefined;
}
function month(y: number, m: number): Period | undefined {
  return m >= 1 && m <= 12 ? monthPeriod(y, m) : undefined;
}

/**
 * Finds every period expression in a question, without overlaps (earlier, more specific
 * rules win). `today` is the current date in the configured time zone.
 */
export function findPeriods(question: string, today: string): PeriodMatch[] {
  // Every rule reads four-digit years; a two-digit one (25年12月) is read as one first, and the
  // matches' offsets are given back in the question as typed.
  const { text, original } = expandShortYears(question);
  const taken: [number, number][] = [];
  const found: PeriodMatch[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const made = rule.make(m as RegExpExecArray, today);
      if (!made) continue;
      let period: Period = { ...made, kind: made.kind ?? rule.kind ?? 'absolute' };
      // "since December 2025", 2025年12月以降: from that period up to today.
      if (
        /\b(?:since|after)\s+(?:the\s+)?$/i.test(text.slice(0, start)) ||
        /^\s*(?:以降|以来)/.test(text.slice(end))
      )
        if (today > period.from)
          period = {
            ...period,
            to: today,
            label: { en: `since ${period.label.en}`, ja: `${period.label.ja}以降` },
          };
      taken.push([start, end]);
      found.push({ period, start: original(start), end: original(end) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A year typed with two digits where a date follows (25年12月, 26年度, 25年の夏, 25年末) → the
 * four-digit year the rules read (2025年…); never a count of years (10年間, 5年前) nor an era's
 * year (令和7年, read by its own rule). `original` maps an offset of the expanded text back.
 */
export function expandShortYears(text: string): { text: string; original: (at: number) => number } {
  const inserted: number[] = [];
  let shift = 0;
  const expanded = text.replace(
    /(?<![\d./'’令和平成元]\s*)(?<![\d.])(\d{2})(?=\s*年\s*(?:\d{1,2}\s*月|度|の?\s*[春夏秋冬]|の?\s*(?:上半期|下半期|前半|後半|半ば|第|年末|末|年明け|年始))|\s*年(?:[のにはでもと、。\s]|について|$))/g,
    (_match: string, yy: string, at: number) => {
      inserted.push(at + shift);
      shift += 2;
      return `20${yy}`;
    },
  );
  return {
    text: expanded,
    original: (at) => at - 2 * inserted.filter((p) => p < at).length,
  };
}

/** Several periods in one question ("from December to January") span from the first to the last. */
export function combinePeriods(all: PeriodMatch[]): Period | null {
  // A date the asker spelled out wins over one counted from today ("先週、2025年12月11日に…").
  const said = all.filter((m) => m.period.kind !== 'relative');
  const matches = said.length ? said : all;
  if (!matches.length) return null;
  if (matches.length === 1) return (matches[0] as PeriodMatch).period;
  // "between July and December 2025": a month said without its year takes the year said beside it.
  const anchor = matches
    .filter((m) => m.period.kind === 'absolute')
    .reduce<string>((acc, m) => (m.period.to > acc ? m.period.to : acc), '');
  const anchored = anchor
    ? matches.map((m) => {
        if (m.period.kind !== 'bare') return m;
        let p = m.period;
        while (p.from > anchor) p = shiftYears(p, 1);
        return { ...m, period: p };
      })
    : matches;
  const sorted = [...anchored].sort((a, b) => a.period.from.localeCompare(b.period.from));
  const first = (sorted[0] as PeriodMatch).period;
  const last = sorted.reduce((acc, m) => (m.period.to > acc.to ? m.period : acc), first);
  const kinds = new Set(anchored.map((m) => m.period.kind));
  return {
    from: first.from,
    to: last.to,
    label: { en: `${first.label.en} – ${last.label.en}`, ja: `${first.label.ja}〜${last.label.ja}` },
    kind: kinds.has('absolute') ? 'absolute' : kinds.has('bare') ? 'bare' : 'relative',
  };
}

/** The days the corpus's dated items span, from the earliest start to the latest end. */
export function datedSpan(dates: Iterable<{ start: string; end: string } | undefined>): {
  from: string;
  to: string;
} | null {
  let from = '';
  let to = '';
  for (const d of dates) {
    if (!d) continue;
    if (!from || d.start < from) from = d.start;
    if (d.end > to) to = d.end;
  }
  return from ? { from, to } : null;
}

/**
 * Whether a period asked relative to today ("last week", 先月) lies outside what the corpus
 * covers: wholly after its latest dated day (a today the digests have not reached) or before its
 * first. Only then does "the latest period covered" stand in for it; a period inside the span with
 * nothing from the asked place is answered honestly as having no items.
 */
export function beyondCoverage(period: Period, span: { from: string; to: string } | null): boolean {
  if (!span) return true;
  return period.from > span.to || period.to < span.from;
}
