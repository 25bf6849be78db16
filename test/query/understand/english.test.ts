import { describe, expect, it } from 'vitest';
import { questionWords } from '../../../src/analyze/lexicon.js';
import { withMessages } from '../../../src/present/ask-json.js';
import { headwordsAsWritten, isCompositional } from '../../../src/query/understand/dictionary-readings.js';
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

describe('a name typed with two letters swapped', () => {
  // Names the digests print in Latin letters; a test checks only those the corpus holds.
  const names = ['etsi', 'ofcom', 'caisi', 'anthropic', 'openai', 'deepmind'];

  it('is read as the corpus name it becomes (ESTI → ETSI), and its items answer', () => {
    const held = names.filter((n) => corpus.corpusHas(n));
    expect(held.length).toBeGreaterThan(0);
    let checked = 0;
    for (const name of held) {
      const typed = `${name[0]}${name[2]}${name[1]}${name.slice(3)}`.toUpperCase();
      const r = corpus.ask(`what did ${typed} publish on AI`);
      const group = r.interp.groups.find((g) => g.label.toUpperCase() === typed);
      // (a swap that is a word of its own, or another name's swap, is left as typed)
      if (!group || group.readAs?.toLowerCase() !== name) continue;
      checked += 1;
      expect(r.interpretation.missing).not.toContain(group.label);
      // and the answer says how the word was read, in the case it was typed
      const words = r.notices?.find((n) => n.code === 'wordsRead');
      expect(words?.args?.readAs).toEqual({ [typed]: name.toUpperCase() });
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(name);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a dictionary word is never read as a name one swap away', () => {
    // "form" is a word: it stays a concept as typed, never becomes "from" or a name.
    const r = corpus.ask('Form guidance');
    expect(r.interp.groups.find((g) => g.label === 'Form')?.readAs).toBeUndefined();
  });
});

describe('the name of a law (CHIPS Act)', () => {
  it('a name in capitals before "Act" is matched as printed, and every answer must have it', () => {
    const name = corpus.absent([
      { forms: ['chips'], typed: 'CHIPS' },
      { forms: ['dmca'], typed: 'DMCA' },
      { forms: ['hipaa'], typed: 'HIPAA' },
    ]);
    const r = corpus.ask(`${name.typed} Act funding updates`);
    const group = r.interp.groups.find((g) => g.label === name.typed);
    expect(group?.lawName).toBe(true);
    expect(r.results).toEqual([]);
    expect(r.interpretation.missing).toContain(name.typed);
    // and the message names it as typed, with no dictionary gloss of the ordinary word
    const notice = r.notices?.find((n) => n.code === 'nothingAbout');
    expect(notice?.args?.glosses).toEqual({});
  });

  it('a law the corpus names is answered by items that name it', () => {
    const held = ['raise', 'genius', 'take it down'].find((n) => corpus.corpusHas(`${n}法`));
    expect(held).toBeDefined();
    const r = corpus.ask(`${(held as string).toUpperCase()} Act`);
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(held as string);
  });
});

describe('an English word whose dictionary Japanese the corpus writes otherwise', () => {
  const has = (terms: string[]) => ({ hasTerm: (t: string) => terms.includes(t) });
  it("is read as the compound's parts, a person word's field, or a one-kanji word", () => {
    corpus.index(); // (the analyzer is loaded with the corpus)
    expect(headwordsAsWritten(has(['観光']), ['観光客', 'ツーリスト'])).toEqual(['観光']);
    expect(headwordsAsWritten(has(['暗号', '資産']), ['暗号資産'])).toEqual(['暗号資産']);
    expect(headwordsAsWritten(has(['船']), ['船', 'シップ'])).toEqual(['船']);
  });
  it('gives nothing when the corpus has none of it', () => {
    corpus.index();
    expect(headwordsAsWritten(has(['資産']), ['暗号資産', '仮想通貨'])).toEqual([]);
    expect(headwordsAsWritten(has([]), ['船'])).toEqual([]);
  });
});

describe('the end of a word written together (bots → chatbot)', () => {
  it("is read as the glossary word it ends, when its loanword is inside that word's Japanese", () => {
    const bots = corpus.ask('companion bots').interp.groups.find((g) => g.label === 'bots');
    expect(bots?.readAs).toMatch(/^chatbots?$/);
    expect(bots?.alternatives).toContainEqual(['チャットボット']);
  });

  it('letters alone do not join words (dating is not mandate, sports not transport)', () => {
    for (const [q, w] of [
      ['dating apps', 'dating'],
      ['sports betting', 'sports'],
    ] as const) {
      const g = corpus.ask(q).interp.groups.find((x) => x.label === w);
      expect(g?.readAs, q).toBeUndefined();
    }
  });
});

describe('a phrase the dictionary knows as one thing', () => {
  const ctx = (english: [string, string[]][]) => ({
    filler: [],
    expired: () => false,
    vocabulary: { english: new Map(english), readings: new Map() },
  });

  it("is read word by word when its Japanese is made of its words' Japanese (space agency: 宇宙 + 機関)", () => {
    corpus.index();
    expect(isCompositional(ctx([['space', ['宇宙']]]), '宇宙機関', ['space', 'agency'])).toBe(true);
  });

  it('stays one concept when its Japanese is a word of its own (drug discovery: 創薬)', () => {
    corpus.index();
    expect(isCompositional(ctx([]), '創薬', ['drug', 'discovery'])).toBe(false);
    const r = corpus.ask('drug discovery');
    expect(r.interp.groups.map((g) => g.label)).toEqual(['drug discovery']);
  });
});

describe('the kind of a law after its name', () => {
  it('is required with the name: "AI Liability Directive" needs both', () => {
    const r = corpus.ask('EU AI Liability Directive');
    const named = r.interp.groups.filter((g) => g.lawName).map((g) => g.label.toLowerCase());
    expect(named).toEqual(['liability', 'directive']);
    for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toMatch(/指令|directive/);
  });
});

describe('a name the corpus prints as one word, typed as two', () => {
  it('is read as the name (deep mind → DeepMind, open ai → OpenAI)', () => {
    const names = [
      ['deep mind', 'deepmind'],
      ['open ai', 'openai'],
    ].filter(([, joined]) => corpus.corpusHas(joined as string));
    expect(names.length).toBeGreaterThan(0);
    for (const [typed, joined] of names) {
      const r = corpus.ask(`${typed} uk`);
      expect(r.interp.groups.map((g) => g.label.toLowerCase())).toContain(joined);
      expect(r.results.length).toBeGreaterThan(0);
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(joined as string);
    }
  });

  it('two words that are a glossary phrase stay the phrase (red teaming)', () => {
    expect(corpus.ask('red teaming guide').interp.groups.map((g) => g.label)).toContain('red teaming');
  });
});

describe('law names: what is and is not one', () => {
  it('an acronym the glossary knows as a law is read through the glossary (DSA Act)', () => {
    const g = corpus.ask('DSA Act').interp.groups.find((x) => x.label.toLowerCase() === 'dsa');
    expect(g?.source).toBe('glossary');
    expect(g?.lawName).toBe(true);
  });

  it('a question in capitals makes no law name of its question words', () => {
    const r = corpus.ask('WHAT DOES THE ACT SAY');
    expect(r.interp.groups.filter((g) => g.lawName)).toEqual([]);
    expect(r.interp.filler).toEqual(expect.arrayContaining(['WHAT', 'DOES']));
  });

  it('a one-kanji word that abbreviates a country is no reading of an English word (rice is not 米)', () => {
    const g = corpus.ask('rice exports').interp.groups.find((x) => x.label === 'rice');
    expect(g?.alternatives ?? []).not.toContainEqual(['米']);
  });
});
