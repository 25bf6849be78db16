import { describe, expect, it } from 'vitest';
import { placesLexicon } from '../../src/analyze/lexicon.js';
import { withMessages } from '../../src/present/ask-json.js';
import { ask, understandOptions } from '../../src/query/ask.js';
import { understand } from '../../src/query/understand.js';
import { itemText, TODAY, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();
const run = (q: string, today = TODAY) => withMessages(corpus.ask(q, today));
const opts = () => understandOptions(corpus.index());
/** Whether every result of an answer names one of `forms`. */
const everyNames = (results: { id: string }[], forms: readonly string[]) =>
  corpus
    .itemsOf(results)
    .every((it) => forms.some((f) => itemText(it).includes(f.normalize('NFKC').toLowerCase())));

describe('decide: a concept the corpus lacks empties the answer', () => {
  // Subjects no item mentions (checked: a month that brings one moves the test to the next).
  const english = [
    { en: 'drones', forms: ['drone', 'ドローン', '無人機'], ja: 'ドローン' },
    { en: 'submarines', forms: ['submarine', '潜水艦'], ja: '潜水艦' },
    { en: 'beekeeping', forms: ['beekeep', '養蜂'], ja: '養蜂' },
  ];
  const japanese = [
    { ja: '農薬', forms: ['農薬', 'pesticide', 'agricultural chemical'], en: 'agricultural chemical' },
    { ja: '養蜂', forms: ['養蜂', 'beekeep'], en: 'beekeeping' },
    { ja: '盆栽', forms: ['盆栽', 'bonsai'], en: 'bonsai' },
  ];

  it('names the missing word with its Japanese, and offers the rest as labelled suggestions', () => {
    const w = corpus.absent(english);
    const r = run(`AI guidelines for ${w.en}`);
    expect(r.results).toEqual([]);
    expect(r.interpretation.missing).toEqual([w.en]);
    expect(r.interpretation.matched).toContain('guidelines');
    expect(r.message).toContain(`Nothing about “${w.en}” (${w.ja}`);
    expect(r.message).toMatch(/suggestions, not answers/);
    expect(r.suggestions?.length ?? 0).toBeGreaterThan(0);
  });

  it('in Japanese, with the English', () => {
    const w = corpus.absent(japanese);
    const r = run(`${w.ja}とAIの規制`);
    expect(r.results).toEqual([]);
    expect(r.message).toContain(`「${w.ja}」(${w.en}`);
  });

  it('an ordinary English word is not "corrected" into a corpus word (lunch is not launch)', () => {
    const r = run('lunch at noon?');
    expect(r.results).toEqual([]);
    expect(r.interpretation.missing).toContain('lunch');
  });

  it('a typo of a word the corpus has is read as that word, and said so', () => {
    const i = understand('aisi budjet', TODAY, opts());
    const g = i.groups.find((x) => x.label === 'budjet');
    expect(g?.source).toBe('typo');
    expect(g?.readAs).toBe('budget');
  });

  it('clipped forms are read whole: exec order → executive order', () => {
    const i = understand('us exec order on ai', TODAY, opts());
    expect(i.groups.find((g) => g.label === 'executive order')).toBeDefined();
    expect(run('us exec order on ai').results.some((x) => x.title.includes('大統領令'))).toBe(true);
  });
});

describe('places and bodies', () => {
  it('every US state is the US, and a state no item names is "No items about …"', () => {
    for (const s of placesLexicon().us_states) {
      const i = understand(`${s.en} ai law`, TODAY, opts());
      expect(i.countries, s.en).toContain('US');
      const place = i.groups.find((g) => g.place === 'state');
      expect(place, s.en).toBeDefined();
      const r = run(`${s.en} ai law`);
      if (!corpus.corpusHas([...s.ja, s.en])) {
        expect(r.results, s.en).toEqual([]);
        expect(r.message, s.en).toMatch(/No items about/);
      } else {
        expect(everyNames(r.results, [...s.ja, s.en]), s.en).toBe(true);
      }
    }
  });

  it('a prefecture is Japan, and must be named', () => {
    for (const p of placesLexicon().jp_prefectures) {
      const name = p.ja[0] as string;
      const i = understand(`${name}のAI`, TODAY, opts());
      expect(i.countries, name).toContain('JP');
      expect(i.period, name).toBeNull();
      const r = run(`${name}のAI`);
      // by its name or a city in it (別府 for 大分県)
      const forms = [...p.ja, ...p.en, ...p.cities];
      if (!corpus.corpusHas(forms)) expect(r.results, name).toEqual([]);
      else expect(everyNames(r.results, forms), name).toBe(true);
    }
  });

  it('a prefecture is answered by items naming a city in it (the Beppu talk for 大分県)', () => {
    const held = placesLexicon().jp_prefectures.filter((p) => p.cities.some((c) => corpus.corpusHas(c)));
    // (months only add items: a city the corpus names today it names tomorrow)
    expect(held.length).toBeGreaterThan(0);
    for (const p of held) {
      const r = run(`${p.ja[0]}のAI`);
      expect(
        corpus.itemsOf(r.results).some((it) => p.cities.some((c) => itemText(it).includes(c.toLowerCase()))),
        p.ja[0],
      ).toBe(true);
    }
  });

  it('a part of a place by direction (西日本, east Asia) must be named, never read as the whole place', () => {
    for (const q of [
      '西日本のAI',
      '東日本の評価',
      '東アジアのAI',
      'AI in western japan',
      'east asia AI summit',
    ]) {
      const r = run(q);
      const area = r.interp.groups.find((g) => g.place === 'area');
      expect(area, q).toBeDefined();
      const name = (area?.label ?? '').toLowerCase();
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item), q).toContain(name);
      if (!r.results.length) expect(r.interpretation.missing, q).toContain(area?.label);
    }
  });

  it("a country named outright decides over an agency's own (Israel's AI Security Institute is no UK item)", () => {
    const country = corpus.absent([
      { forms: ['israel', 'イスラエル'], name: 'israel', code: 'IL' },
      { forms: ['norway', 'ノルウェー'], name: 'norway', code: 'NO' },
      { forms: ['chile', 'チリ'], name: 'chile', code: 'CL' },
    ]);
    const r = run(`${country.name} ai security institute`);
    expect(r.interpretation.countries).toEqual([country.code]);
    expect(r.results).toEqual([]);
    // an agency of the same country as a place named keeps it (NIST and California are both US)
    expect(run('NIST guidance for California').interpretation.countries).toEqual(['US']);
    // and a country named apart from the agency asks about both
    expect(run('Japan and NIST cooperation').interpretation.countries).toEqual(['JP', 'US']);
  });

  it('a name that begins with a direction is read whole (South Korean, 南アフリカ), not as an area', () => {
    for (const [q, code] of [
      ['South Korean AI rules', 'KR'],
      ['North Korean AI', 'KP'],
      ['南アフリカのAI', 'ZA'],
    ] as const) {
      const r = run(q);
      expect(r.interpretation.countries, q).toEqual([code]);
      expect(
        r.interp.groups.some((g) => g.place === 'area'),
        q,
      ).toBe(false);
    }
  });

  it('an area is named in both languages (西日本 ↔ western Japan)', () => {
    const ja = run('西日本のAI').interp.groups.find((g) => g.place === 'area');
    expect(ja?.alternatives).toContainEqual(['western', 'japan']);
    const en = run('AI in western japan').interp.groups.find((g) => g.place === 'area');
    expect(en?.alternatives).toContainEqual(['西日本']);
  });

  it('short forms of countries the ISO names lack', () => {
    expect(understand('uae ai strategy', TODAY).countries).toContain('AE');
    expect(understand('北朝鮮のAI', TODAY).countries).toContain('KP');
    expect(understand('russia ai', TODAY).countries).toContain('RU');
  });

  it('an international body is a concept every answer must name', () => {
    const i = understand('oecd ai principles', TODAY, opts());
    const g = i.groups.find((x) => x.place === 'body');
    expect(g?.label.toLowerCase()).toBe('oecd');
    const r = run('oecd ai principles');
    if (!corpus.corpusHas(['OECD', '経済協力開発機構'])) expect(r.results).toEqual([]);
    else for (const x of r.results) expect(`${x.title}${x.snippet}`).toMatch(/OECD|経済協力開発機構/i);
  });
});

describe('the time budget', () => {
  it('a question that outruns its budget is answered with what was read, and says so', () => {
    let t = 0;
    // Every reading of the clock moves it a second: the budget is spent at once.
    const r = ask(corpus.index(), 'korea guidelines security frontier models agents', {
      today: TODAY,
      now: () => (t += 1000),
    });
    expect(withMessages(r).message).toMatch(/took too long/);
    expect(r.interp.cutShort?.length).toBeGreaterThan(0);
  });

  it('an ordinary clock never cuts an ordinary question', () => {
    expect(run('korea guidelines security').interp.cutShort).toBeUndefined();
  });
});

describe('typos are resolved before a word may be called missing', () => {
  it('a misspelt filler word is filler (anythhing, hapened, upadtes)', () => {
    for (const q of ['anythhing on korea in january 2026', 'what hapened in korea in january 2026']) {
      const r = run(q);
      expect(r.interpretation.missing, q).toEqual([]);
      expect(r.results.length, q).toBeGreaterThan(0);
    }
  });

  it('a misspelt month or period word is the period (decmber 2025, yetserday)', () => {
    const i = understand('uk news from decmber 2025', TODAY, opts());
    expect(i.period?.from).toBe('2025-12-01');
    expect(i.period?.to).toBe('2025-12-31');
  });

  it('katakana with or without long-vowel marks finds the corpus spelling (フォラム → フォーラム)', () => {
    const i = understand('金融庁のAI官民フォラム', TODAY, opts());
    const g = i.groups.find((x) => x.label === 'フォラム');
    expect(g?.alternatives.some((a) => a.includes('フォーラム') || a.includes('フォーラ'))).toBe(true);
    expect(run('金融庁のAI官民フォラム').results.length).toBeGreaterThan(0);
  });

  it('a misspelt name the corpus prints in Latin letters is that name (antropic → anthropic)', () => {
    const r = run('antropic moc with japan');
    expect(r.interpretation.missing).toEqual([]);
    expect(r.results.some((x) => /Anthropic/i.test(`${x.title}${x.snippet}`))).toBe(true);
  });
});
