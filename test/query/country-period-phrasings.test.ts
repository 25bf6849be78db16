import { describe, expect, it } from 'vitest';
import { useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

/**
 * Country × period questions as people type them, generated rather than listed (names and
 * periods below × templates): each must read the country and the period and leave no word
 * missing. This found "the states" and "around New Year".
 */
const COUNTRIES = {
  en: [
    'korea',
    'S. Korea',
    'ROK',
    'the UK',
    'britain',
    'U.K.',
    'china',
    'PRC',
    'the US',
    'u.s.',
    'america',
    'the states',
    'japan',
    'singapore',
    'india',
    'germany',
    'the EU',
    'canada',
    'france',
  ],
  ja: [
    '韓国',
    'イギリス',
    '英国',
    '米国',
    'アメリカ',
    '中国',
    '日本',
    'シンガポール',
    'インド',
    'ドイツ',
    'EU',
    'カナダ',
    'フランス',
  ],
};
const PERIODS = {
  en: [
    'in december',
    'in dec 2025',
    'last december',
    'jan 2026',
    'in jan.',
    'in july 2025',
    'over the summer',
    'at the end of 2025',
    'late 2025',
    'around new year',
    'last month',
    'a couple of weeks ago',
  ],
  ja: [
    '12月',
    '2025年12月',
    '2026年1月',
    '先月',
    '7月',
    '昨年12月',
    '年末',
    '年末年始',
    '2025年夏',
    '数週間前',
  ],
};
const TEMPLATES = {
  en: ['what did {c} do {p}', '{c} ai news {p}', 'anything from {c} {p}?'],
  ja: ['{p}の{c}の動き', '{c}は{p}に何をした？'],
};

describe('country × period phrasings', () => {
  for (const lang of ['en', 'ja'] as const)
    it(`${lang}: the country and the period are read, no word is missing`, () => {
      let asked = 0;
      for (const c of COUNTRIES[lang])
        for (const p of PERIODS[lang])
          for (const t of TEMPLATES[lang]) {
            const q = t.replace('{c}', c).replace('{p}', p);
            const i = corpus.ask(q, '2026-02-15').interpretation;
            asked += 1;
            expect(i.countries.length + i.regions.length, q).toBeGreaterThan(0);
            expect(i.period, q).toBeTruthy();
            expect(i.missing ?? [], q).toEqual([]);
          }
      expect(asked).toBeGreaterThan(200);
    });
});

describe('a generic word of news beside a country and a period', () => {
  // ("korea measures december 2025", 2025年12月の韓国の施策): it ranks, it never empties the answer
  const words = {
    en: [
      'announcements',
      'actions',
      'measures',
      'steps',
      'decisions',
      'plans',
      'events',
      'changes',
      'overview',
      'highlights',
    ],
    ja: ['施策', '対応', '措置', '成果', '変化', '決定', '概要', 'アップデート'],
  };
  it('keeps every item the country and the period give', () => {
    const base = corpus
      .ask('korea december 2025', '2026-02-15')
      .results.map((r) => r.id)
      .sort();
    expect(base.length).toBeGreaterThan(0);
    for (const w of words.en) {
      const r = corpus.ask(`korea ${w} december 2025`, '2026-02-15');
      expect(r.results.map((x) => x.id).sort(), w).toEqual(base);
    }
    const baseJa = corpus
      .ask('2025年12月の韓国', '2026-02-15')
      .results.map((r) => r.id)
      .sort();
    for (const w of words.ja) {
      const r = corpus.ask(`2025年12月の韓国の${w}`, '2026-02-15');
      expect(r.results.map((x) => x.id).sort(), w).toEqual(baseJa);
    }
  });
});

describe('a country asked about in general terms', () => {
  // ("korea's ai agenda", "where does the uk stand on ai", 韓国のAI政策の方向性, シンガポール政府の施策)
  const frames = {
    en: ["{c}'s ai agenda", 'how is {c} approaching ai', 'where does {c} stand on ai', '{c} ai landscape'],
    ja: ['{c}のAI政策の方向性', '{c}政府のAI施策', '{c}のAIの現状'],
  };
  it('is answered with the country’s items, no word missing', () => {
    let asked = 0;
    for (const [c, lang] of [
      ['korea', 'en'],
      ['china', 'en'],
      ['韓国', 'ja'],
      ['シンガポール', 'ja'],
    ] as const)
      for (const f of frames[lang]) {
        const q = f.replace('{c}', c);
        const r = corpus.ask(q, '2026-02-15');
        asked += 1;
        expect(r.interpretation.missing ?? [], q).toEqual([]);
        expect(r.results.length, q).toBeGreaterThan(0);
      }
    expect(asked).toBeGreaterThan(10);
  });
});
