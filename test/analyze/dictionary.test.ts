import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  englishLemmas,
  lookupEnglish,
  lookupEnglishWord,
  lookupJapanese,
} from '../../src/analyze/dictionary.js';
import { cleanGloss, enJaTable, jaEnTable, parseEdictLine } from '../../src/analyze/dictionary-build.js';
import { FIXTURES } from '../helpers.js';

/** Lines cut from Debian's EDICT (EDRDG, CC BY-SA), in its own format. */
const SAMPLE = readFileSync(join(FIXTURES, 'dictionary', 'edict-sample.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);

describe('the dictionary subset builder (EDICT lines → tables)', () => {
  const entries = SAMPLE.flatMap((l) => parseEdictLine(l) ?? []);

  it('keeps nouns with their senses, drops notes and tags from glosses', () => {
    const drone = entries.find((e) => e.headword === 'ドローン');
    expect(drone?.senses[0]).toEqual(['drone', 'unmanned aircraft']);
    expect(drone?.katakana).toBe(true);
    expect(cleanGloss('(n) (1) (uk) racing (an engine)')).toBe('racing');
    expect(cleanGloss('to grant')).toBe('grant');
    expect(cleanGloss('a very long explanation of some thing')).toBeUndefined();
  });

  it('puts a common reading first: 機関 is "engine; agency" before "mechanism; trick"', () => {
    const line = jaEnTable(entries)
      .split('\n')
      .find((l) => l.startsWith('機関\t')) as string;
    expect(line.split('\t')[1]).toBe('P');
    const senses = (line.split('\t')[2] as string).split(';');
    expect(senses[0]).toBe('engine');
    expect(senses[1]).toContain('agency');
  });

  it('ranks headwords per gloss: a plain common translation before a narrower one', () => {
    const horse = enJaTable(entries)
      .split('\n')
      .find((l) => l.startsWith('horse\t')) as string;
    expect(horse.split('\t')[1]?.split('|')[0]).toBe('馬');
  });

  it('is deterministic: the same lines in another order give the same bytes', () => {
    const again = [...SAMPLE].reverse().flatMap((l) => parseEdictLine(l) ?? []);
    expect(jaEnTable(again)).toBe(jaEnTable(entries));
    expect(enJaTable(again)).toBe(enJaTable(entries));
  });
});

describe('the committed tables (data/dictionary)', () => {
  it('translate both ways by binary search', () => {
    expect(lookupJapanese('ドローン')?.senses[0]).toContain('drone');
    expect(lookupEnglish('drone')?.katakana).toBe('ドローン');
    expect(lookupEnglishWord('subsidies')?.gloss).toBe('subsidy');
    expect(lookupJapanese('そんな語はない語')).toBeUndefined();
    expect(lookupEnglish('zzzzqqq')).toBeUndefined();
  });

  it('knows ordinary words, so that they are never "corrected" (lunch is not launch)', () => {
    expect(lookupEnglishWord('lunch')).toBeDefined();
    expect(lookupEnglishWord('budjet')).toBeUndefined();
  });
});

describe('englishLemmas', () => {
  it.each([
    ['subsidies', 'subsidy'],
    ['watermarking', 'watermark'],
    ['elections', 'election'],
    ['rated', 'rate'],
    ['running', 'run'],
  ])('%s → %s', (word, lemma) => {
    expect(englishLemmas(word)).toContain(lemma);
    expect(englishLemmas(word)[0]).toBe(word);
  });
});
