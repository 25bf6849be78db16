import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { glossaryEntries } from '../../src/analyze/lexicon.js';
import { understand } from '../../src/query/understand.js';

beforeAll(async () => {
  await loadTokenizer();
});
const TODAY = '2026-11-23';

describe('countries and regions in questions', () => {
  it.each([
    ['what did Korea do in January', ['KR']],
    ['South Korea', ['KR']],
    ['ROK guidance', ['KR']],
    ['Korean law', ['KR']],
    ['大韓民国', ['KR']],
    ['USA', ['US']],
    ['America', ['US']],
    ['米国の動き', ['US']],
    ['アメリカ', ['US']],
    ['what is the US doing', ['US']],
    ['Britain', ['GB']],
    ['イギリス', ['GB']],
    ['英国', ['GB']],
    ['European Commission', ['EU']],
    ['欧州委員会', ['EU']],
    ['China', ['CN']],
    ['中国', ['CN']],
    ['India', ['IN']],
    ['シンガポール', ['SG']],
    ['Japan', ['JP']],
    ['ASEAN', ['ASEAN']],
    ['California', ['US']],
    ['カリフォルニア州', ['US']],
    ['ニューヨーク州', ['US']],
    ['Ofcom', ['GB']],
    ['IMDA', ['SG']],
    ['CAC', ['CN']],
    ['MeitY', ['IN']],
    ['Mexico', ['MX']],
    ['メキシコ', ['MX']],
    ['Korea and the EU', ['KR', 'EU']],
    ['tell us about guidelines', []],
    // Lowercase "us" is the country where the pronoun cannot be; the pronoun stays a pronoun.
    ['anything from the us last month', ['US']],
    ['where can i read the us ai action plan', ['US']],
    ['us federal rules on chatbots', ['US']],
    ['us-japan deals', ['JP', 'US']],
    ['us news 2025-12', ['US']],
    ['any recent us ai policy news?', ['US']],
    ['which us states passed ai laws', ['US']],
    ['latest us guidance on ai', ['US']],
    ['give us ai news', []],
    ['help us find ai safety reports', []],
    ['anything for us on deepfakes', []],
    // Agency codes of four letters or more are read in lowercase too; shorter ones only as written.
    ['dsit december 2025', ['GB']],
    ['meity january', ['IN']],
    ['nist dec 2025', ['US']],
    ['doe genesis mission', []],
    ['give us the news from korea', ['KR']],
    ['send us whatever you have', []],
  ])('%s → %j', (q, countries) => {
    expect(understand(q, TODAY).countries).toEqual(countries);
  });

  it("a country named only to compare is filler, not a filter (like Korea's, 韓国のような)", () => {
    const en = understand("did vietnam pass an ai law like korea's basic act?", TODAY);
    expect(en.countries).toEqual(['VN']);
    expect(en.filler).toContain('korea');
    const ja = understand('ベトナムでも韓国のようなAI基本法ができた？', TODAY);
    expect(ja.countries).toEqual(['VN']);
    expect(ja.filler).toContain('韓国');
    // (two countries asked about stay two filters)
    expect(understand('korea and vietnam ai laws', TODAY).countries).toEqual(['KR', 'VN']);
  });

  it('Europe and Asia widen to their digest sections', () => {
    const eu = understand('Europe', TODAY);
    expect(eu.countries).toEqual(['EU']);
    expect(eu.regions).toEqual(['europe']);
    expect(understand('アジア', TODAY).regions).toEqual(['asia']);
  });
});

describe('terms', () => {
  const labels = (q: string) => understand(q, TODAY).groups.map((g) => g.label);

  it('drops quantities written with thousands separators (the digests write 10万), keeps codes', () => {
    const plain = labels('plan to train 100,000 ai people');
    expect(plain.some((l) => /\d/.test(l))).toBe(false);
    expect(plain).toContain('train');
    expect(labels('iso/iec 42001 certification').join(' ')).toContain('42001');
  });

  it('reads counts in k or bn as filler, and a place\'s scope ("EU-level") with it', () => {
    const i = understand('plan to train 100k workers', TODAY);
    expect(i.groups.map((g) => g.label)).not.toContain('100k');
    expect(i.filler).toContain('100k');
    const scoped = understand('EU-level rules on chatbots', TODAY);
    expect(scoped.countries).toContain('EU');
    expect(scoped.groups.map((g) => g.label)).not.toContain('level');
    expect(scoped.filler).toContain('level');
    // not a scope without a place before it
    expect(labels('risk level of general purpose models')).toContain('level');
  });

  it('a count with its counter (第4回, 3件) is filler; a language (中国語) is a concept, not its country', () => {
    const i = understand('第4回の会合と3件のガイドライン', TODAY);
    expect(i.filler).toEqual(expect.arrayContaining(['第4回', '3件']));
    // 第3回会合 is the third meeting; 200人体制 a word of its own (体制), not a count of 200 人
    expect(understand('第3回会合', TODAY).filler).toContain('第3回');
    expect(understand('200人体制', TODAY).filler).not.toContain('200人');
    // a span of time is filler too (25年前, 10年ぶり)
    expect(understand('10年ぶりの改正', TODAY).filler).toContain('10年ぶり');
    expect(i.groups.map((g) => g.label).join(' ')).not.toMatch(/\d/);
    const lang = understand('中国語のAIモデル', TODAY);
    expect(lang.countries).not.toContain('CN');
    expect(lang.groups.map((g) => g.label)).toContain('中国語');
    expect(understand('中国のAIモデル', TODAY).countries).toContain('CN');
    const v = understand('red teaming guide v1.10', TODAY);
    expect(v.filler).toContain('v1.10');
    expect(v.groups.map((g) => g.label).join(' ')).not.toMatch(/\d/);
  });

  it('a person named by role is found by the field too (会計士 → 会計, 研究者 → 研究)', () => {
    const alts = (q: string, label: string) =>
      understand(q, TODAY).groups.find((g) => g.label === label)?.alternatives ?? [];
    expect(alts('会計士の生成AI利用', '会計士')).toContainEqual(['会計']);
    expect(alts('研究者の講演', '研究者')).toContainEqual(['研究']);
    // A two-character word is no role: 法人 stays 法人.
    expect(alts('法人向け', '法人')).not.toContainEqual(['法']);
  });

  it('keeps request words inside a compound, drops them only at its edges', () => {
    expect(labels('個人情報保護委員会')).toEqual(['個人情報保護委員会']);
    expect(labels('最新情報ください')).toEqual([]);
  });

  it('a compound with a generic last part (制度) also matches without it', () => {
    const g = understand('サンドボックス制度', TODAY).groups[0];
    expect(g?.alternatives.some((a) => a.length > 0 && !a.includes('制度'))).toBe(true);
    // 政府調達: 政府 is not a last part; the compound stays whole.
    expect(understand('政府調達', TODAY).groups[0]?.alternatives).not.toContainEqual(['政府']);
  });

  it('reads transliterations that mix katakana and Latin (オープンAI → OpenAI)', () => {
    expect(labels('オープンAIの話')).toEqual(['OpenAI']);
    expect(understand('オープンAIの話', TODAY).groups[0]?.alternatives.flat()).toContain('openai');
  });

  it('corrects a typo only towards glossary words of five letters or more', () => {
    // "raise" is one edit from a four-letter word; it stays as typed (the RAISE Act).
    expect(labels('link to the raise act text')).toContain('raise');
    const budjet = understand('aisi budjet', TODAY).groups.find((g) => g.label === 'budjet');
    expect(budjet?.translation).toContain('予算');
    // One edit from two forms of one concept (chatbot, chatbots) is still that concept.
    const chatbott = understand('chatbott rules', TODAY).groups.find((g) => g.label === 'chatbott');
    expect(chatbott?.translation).toEqual(understand('chatbot', TODAY).groups[0]?.translation);
    expect(chatbott?.translation).toBeDefined();
    expect(
      understand('the raise act', TODAY).groups.find((g) => g.label === 'raise')?.translation,
    ).toBeUndefined();
  });

  it('drops question words and filler', () => {
    expect(labels('what did Korea do in January')).toEqual([]);
    expect(labels('tell me about the source for SB53')).toEqual(['SB53']);
    expect(labels('sb 53')).toEqual(['sb 53']);
    expect(labels('cite NIST AI 800-2')).toContain('AI 800-2');
    expect(labels('韓国は1月に何をした?')).toEqual([]);
  });

  it('translates English through the glossary, longest phrase first', () => {
    const g = understand('executive order on AI', TODAY).groups;
    expect(g[0]?.translation).toEqual(['大統領令']);
    expect(understand('public comment', TODAY).groups[0]?.translation).toContain('意見募集');
    expect(understand('guidelines', TODAY).groups[0]?.translation).toEqual(
      expect.arrayContaining(['ガイドライン', '指針']),
    );
  });

  it("reads a hyphenated word's how-suffix as filler (amazon-style, cloud-based)", () => {
    const u = understand('amazon-style warehouses', TODAY);
    expect(u.filler).toContain('style');
    expect(u.groups.map((g) => g.label)).toEqual(['amazon', 'warehouses']);
    expect(understand('cloud-based chatbots', TODAY).filler).toContain('based');
  });

  it('reads "machine learning" like "AI": in this corpus it only ranks', () => {
    // (the digests write AI where an asker says machine learning: "flood forecasting with machine
    // learning" is about AI flood forecasting, not items that say 学習)
    for (const q of ['flood forecasting with machine learning', '機械学習による洪水予測']) {
      const g = understand(q, TODAY).groups;
      const ml = g.find((x) => /machine learning|機械学習/.test(x.label));
      expect(ml?.weak, q).toBe(true);
      expect(g.some((x) => !x.weak)).toBe(true);
    }
  });

  it('keeps English words of the corpus as they are', () => {
    expect(labels('Grok')).toEqual(['Grok']);
    // An agency is a filter on its jurisdiction and still ranks by its name.
    expect(labels('ETSI standard')).toEqual(['standard', 'ETSI']);
    expect(understand('ETSI standard', TODAY).countries).toEqual(['EU']);
  });

  it('has a glossary of at least 150 entries', () => {
    expect(glossaryEntries().length).toBeGreaterThanOrEqual(150);
    for (const { en, ja } of glossaryEntries()) {
      expect(en.length).toBeGreaterThan(0);
      expect(ja.length).toBeGreaterThan(0);
    }
  });

  it('reads the language of the question', () => {
    expect(understand('guidelines', TODAY).lang).toBe('en');
    expect(understand('ガイドライン', TODAY).lang).toBe('ja');
  });
});

describe('a capitalized Latin name in a Japanese question', () => {
  it('is a name every answer must match (Grok), a code in capitals is not (ICT)', () => {
    const g = (q: string, label: string) => understand(q, TODAY).groups.find((x) => x.label === label);
    expect(g('Grokが性的な画像を生成した問題', 'Grok')?.name).toBe(true);
    expect(g('ICT白書', 'ICT')?.name).toBeFalsy();
    // in an English question the same word is no name (a sentence's first word is capitalized)
    expect(g('Grok sexual images', 'Grok')?.name).toBeFalsy();
  });
});
