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
  ])('%s → %j', (q, countries) => {
    expect(understand(q, TODAY).countries).toEqual(countries);
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
