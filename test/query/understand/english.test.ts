import { describe, expect, it } from 'vitest';
import { stemKatakana } from '../../../src/analyze/analyzer.js';
import {
  englishLemmas,
  isEnglishWord,
  lookupEnglish,
  lookupEnglishWord,
  lookupJapanese,
} from '../../../src/analyze/dictionary.js';
import { questionWords } from '../../../src/analyze/lexicon.js';
import { withMessages } from '../../../src/present/ask-json.js';
import { corpusLookups } from '../../../src/query/corpus-lookups.js';
import { correctTypo } from '../../../src/query/understand/english.js';
import { understand } from '../../../src/query/understand.js';
import { buildVocabulary } from '../../../src/search/vocabulary.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a generic head after a subject only ranks', () => {
  it.each(questionWords().generic_heads_en)(
    'chatbot %s: the chatbot items answer, whatever the corpus says of the head',
    (head) => {
      const r = corpus.ask(`chatbot ${head}`);
      expect(r.interp.groups.find((g) => g.label === head)?.weak).toBe(true);
      expect(r.results.length).toBeGreaterThan(0);
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toMatch(/チャットボット|chatbot/);
    },
  );

  it('alone, a head is an ordinary concept', () => {
    const r = corpus.ask('apps');
    expect(r.interp.groups.find((g) => g.label === 'apps')?.weak).toBe(false);
  });
});

describe('amounts of money', () => {
  it.each([
    ['million dollar fines', 'million dollar', 'fines'],
    ['$10m grants', '$10m', 'grants'],
    ['88 oku yen budget', '88 oku yen', 'budget'],
    ['fines of 3 million euros', '3 million euros', 'fines'],
  ])(
    '%s: the amount is filler (the digests write amounts in 万/億, not indexed), the rest decides',
    (q, amount, concept) => {
      const r = corpus.ask(q);
      expect(r.interp.filler).toContain(amount);
      expect(r.interp.groups.map((g) => g.label)).toEqual([concept]);
    },
  );

  it('the answer says the amount was read as filler (it was not searched for)', () => {
    const r = withMessages(corpus.ask('which law has million dollar fines'));
    expect(r.message).toContain('read as filler “million dollar”');
  });

  it('codes and years with numbers are not amounts', () => {
    const r = corpus.ask('sb 53 in 2025');
    expect(r.interp.filler.join(' ')).not.toMatch(/\d/);
  });
});

describe('a vocabulary link through a later sense of a corpus term', () => {
  it('is no reading when the word’s own Japanese does not confirm it (forecasting is not 計算 or フォーカス)', () => {
    const linked = corpus.index().vocabulary?.english.get('forecast') ?? [];
    // (the trap exists: the corpus has terms whose second sense is "forecast")
    const later = linked.filter((t) => !(lookupJapanese(t)?.senses[0] ?? []).includes('forecast'));
    expect(later.length).toBeGreaterThan(0);
    const own = englishLemmas('forecasting').flatMap((l) => lookupEnglish(l)?.headwords ?? []);
    const g = corpus.ask('ai forecasting').interp.groups.find((x) => x.label === 'forecasting');
    expect(g).toBeDefined();
    const japanese = (g?.alternatives ?? []).map((a) => a.join('')).filter((a) => !/^[a-z ]+$/.test(a));
    for (const t of later) if (!own.includes(t)) expect(japanese).not.toContain(t);
  });
});

describe('a hyphenated word whose first part is one letter', () => {
  it.each(['e-commerce', 'x-ray'])('%s is one word, never its last part alone', (word) => {
    const r = corpus.ask(`${word} ai rules`);
    expect(r.interp.groups.map((g) => g.label)).toContain(word);
    expect(r.interp.filler).not.toContain(word[0]);
    expect(r.interp.groups.map((g) => g.label)).not.toContain(word.slice(2));
  });
});

describe('a body named in English that the items print only in Japanese', () => {
  it.each([
    ['what did japan’s antitrust watchdog say', '公正取引委員会'],
    ['education ministry guidance on ai', '文部科学省'],
    ['consumer affairs agency ai ads', '消費者庁'],
    ['fcc robocall rules', '連邦通信委員会'],
  ])('%s reads %s', (q, ja) => {
    const forms = corpus
      .ask(q)
      .interp.groups.flatMap((g) => g.alternatives)
      .map((a) => a.join(''));
    expect(forms).toContain(ja);
  });
});

describe('a hyphenated word whose parts are loanwords', () => {
  it('is read as the loanwords written together, where the corpus writes them so (deep-fake → ディープフェイク)', () => {
    const alone = corpusLookups(corpus.index()).katakanaAlone;
    let checked = 0;
    for (const word of ['deep-fake', 'cyber-security', 'red-team', 'road-map']) {
      const loans = word.split('-').map((p) => lookupEnglishWord(p)?.katakana);
      if (!loans.every(Boolean)) continue;
      const joined = stemKatakana(loans.join(''));
      if (!alone?.(joined)) continue;
      checked++;
      const g = corpus.ask(`${word} rules`).interp.groups.find((x) => x.label === word);
      expect(g?.readAs, word).toBe(joined);
      expect(corpus.ask(`${word} rules`).interpretation.missing ?? [], word).not.toContain(word);
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a real English word the bilingual dictionary lacks (a verb: distract, constrict)', () => {
  it('is never corrected as a typo of another word', () => {
    const ctx = { ...corpusLookups(corpus.index()), filler: [] as string[], expired: () => false };
    const words = ['distract', 'constrict', 'deregulate'].filter(
      (w) => !lookupEnglishWord(w) && isEnglishWord(w),
    );
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(correctTypo(ctx, w), w).toBeUndefined();
  });
});

describe("a word read through WordNet's first synonym", () => {
  it('is read so where a corpus term says that synonym first (upkeep → maintenance: 保守)', () => {
    const terms = new Set(['保守', '信頼', '線路']);
    const lookups = { vocabulary: buildVocabulary(terms), hasTerm: (t: string) => terms.has(t) };
    const g = understand('rail track upkeep', '2026-09-10', lookups).groups.find((x) => x.label === 'upkeep');
    expect(g?.alternatives).toContainEqual(['保守']);
    expect(g?.readAs).toBe('maintenance');
    // (not a term that gives the synonym only later: 信頼 is "reliance; trust; faith", and religion's
    // first synonym, faith, is no reading of it)
    const r = understand('religion', '2026-09-10', lookups).groups[0];
    expect(r?.alternatives.flat()).not.toContain('信頼');
  });

  it("finds a gloss said with another word for its last one (aerial photos → 'aerial photograph')", () => {
    const terms = new Set(['空中写真', '空中', '写真']);
    const lookups = { vocabulary: buildVocabulary(terms), hasTerm: (t: string) => terms.has(t) };
    const g = understand('aerial photos', '2026-09-10', lookups).groups;
    expect(g).toHaveLength(1);
    expect(g[0]?.translation).toEqual(['空中写真']);
  });
});
