import { describe, expect, it } from 'vitest';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

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

describe('the kind of a law after its name', () => {
  it('is required with the name: "AI Liability Directive" needs both', () => {
    const r = corpus.ask('EU AI Liability Directive');
    const named = r.interp.groups.filter((g) => g.lawName).map((g) => g.label.toLowerCase());
    expect(named).toEqual(['liability', 'directive']);
    for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toMatch(/指令|directive/);
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
