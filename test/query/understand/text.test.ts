import { describe, expect, it } from 'vitest';
import { correctPeriodWords } from '../../../src/query/understand/text.js';

describe('correctPeriodWords', () => {
  it('reads a misspelt period word as the word', () => {
    expect(correctPeriodWords('what happened in decmber')).toBe('what happened in december');
    expect(correctPeriodWords('yetserday')).toBe('yesterday');
  });

  it('leaves a word the vocabulary knows: todai is the University of Tokyo, not today', () => {
    expect(correctPeriodWords('panel at todai')).toBe('panel at todai');
  });
});
