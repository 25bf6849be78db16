import { describe, expect, it } from 'vitest';
import { findExampleLists } from '../../../src/query/understand/examples.js';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('example lists are found where the asker marks them', () => {
  it.each([
    ['AISIの部会（医療・ロボティクスなど）', ['医療', 'ロボティクス']],
    ['金融や保険等のAI利用', ['金融', '保険']],
    ['partner orgs (nict, riken etc)', ['nict', 'riken']],
    ['rules such as watermarking or labelling', ['watermarking', 'labelling']],
    ['laws e.g. sb53, raise', ['sb53', 'raise']],
  ])('%s', (q, items) => {
    expect(findExampleLists(q).map((l) => l.items)).toEqual([items]);
  });

  it.each(['watermarking and labelling rules', '医療とロボティクスのAI', 'AI等の利活用', 'sb53 etc'])(
    'no list without a marker, or with one example: %s',
    (q) => {
      expect(findExampleLists(q)).toEqual([]);
    },
  );
});

describe('lists are found by scanning from a marker, bounded', () => {
  // A pattern over the whole question backtracked without end on these (・ is katakana): the
  // test would time out. Each returns, and no list has more than eight examples.
  const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');
  it.each([
    [
      'katakana with ・ and no marker',
      repeat(1000, (i) => (i % 3 ? String.fromCharCode(0x30a1 + ((i * 7) % 80)) : '・')),
    ],
    [
      'the same, then など',
      `${repeat(1000, (i) => (i % 3 ? String.fromCharCode(0x30a1 + ((i * 7) % 80)) : '・'))}など`,
    ],
    [
      'kanji with や and ・',
      repeat(1000, (i) =>
        i % 4 === 0 ? 'や' : i % 5 === 0 ? '・' : String.fromCharCode(0x4e00 + ((i * 13) % 2000)),
      ),
    ],
    ['a thousand など', repeat(1000, () => 'AIなど')],
    ['commas, then etc', `${repeat(300, () => 'ab cd, ')}etc`],
    ['such as, then and', ` such as ${repeat(300, () => 'ab and cd ')}`],
  ])('%s', (_name, text) => {
    for (const list of findExampleLists(text)) expect(list.items.length).toBeLessThanOrEqual(8);
  });
});

describe('examples are matched by any of them', () => {
  // A word no item uses (checked, so a month that adds one changes the word, not the test).
  const absent = () => {
    const word = ['養蜂', '競馬', '盆栽', '落語'].find((w) => !corpus.corpusHas(w));
    if (!word) throw new Error('every candidate word is in the corpus now: add another');
    return word;
  };

  it('an example the corpus lacks does not empty the answer; the one it has decides', () => {
    const missing = absent();
    const alone = corpus.ask(`${missing}のAI`);
    expect(alone.results).toEqual([]);
    const r = corpus.ask(`ロボティクス・${missing}などのAI`);
    expect(r.results.length).toBeGreaterThan(0);
    // (by any word of its glossary entry: physical AI is listed as the same concept)
    for (const item of corpus.itemsOf(r.results))
      expect(itemText(item)).toMatch(/ロボティクス|ロボット|robot|フィジカルai|physical ai/);
    expect(r.interpretation.missing ?? []).toEqual([]);
  });

  it('a list none of whose examples the corpus holds still empties the answer', () => {
    const [a, b] = ['養蜂', '競馬', '盆栽', '落語'].filter((w) => !corpus.corpusHas(w));
    if (!a || !b) throw new Error('need two candidate words absent from the corpus');
    const r = corpus.ask(`${a}・${b}などのAI`);
    expect(r.results).toEqual([]);
    expect(r.interpretation.missing).toEqual([`${a}・${b}`]);
  });

  it('the marker "such as" is filler, not a concept', () => {
    const r = corpus.ask('AI rules such as watermarking or labelling');
    expect(r.interpretation.filler).toContain('such as');
    expect(r.interp.groups.map((g) => g.label)).toContain('watermarking or labelling');
  });
});

describe('two words joined by "or"', () => {
  it('are alternatives the asker offers, unless a word is part of a glossary phrase', () => {
    expect(findExampleLists('red teaming models for chemical or bio misuse').map((l) => l.items)).toEqual([
      ['chemical', 'bio'],
    ]);
    // (national security is one phrase: "backdoors or national" is no list)
    expect(findExampleLists('does aisi check ai for backdoors or national security risks')).toEqual([]);
    // ("and" joins what must all be there)
    expect(findExampleLists('tractors and crop yield')).toEqual([]);
  });

  it('an answer about either answers; neither held keeps the answer empty', () => {
    const present = corpus.ask('chatbot or deepfake rules');
    expect(present.results.length).toBeGreaterThan(0);
    const absent = ['beekeeping', 'zoos'].filter((w) => !corpus.corpusHas(w));
    if (absent.length === 2) expect(corpus.ask('ai in beekeeping or zoos').results).toEqual([]);
  });
});
