import { describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import { questionWords } from '../../../src/analyze/lexicon.js';
import { correctPeriodWords, prepareText, topicMarkerApart } from '../../../src/query/understand/text.js';

describe('correctPeriodWords', () => {
  it('reads a misspelt period word as the word', () => {
    expect(correctPeriodWords('what happened in decmber')).toBe('what happened in december');
    expect(correctPeriodWords('yetserday')).toBe('yesterday');
  });

  it('leaves a word the vocabulary knows: todai is the University of Tokyo, not today', () => {
    expect(correctPeriodWords('panel at todai')).toBe('panel at todai');
  });
});

describe('topicMarkerApart', () => {
  it('sets って apart after a word of two characters or more, not after a verb stem', () => {
    expect(topicMarkerApart('AI法って何か出てる？')).toBe('AI法 って何か出てる？');
    expect(topicMarkerApart('SB53って')).toBe('SB53 って');
    expect(topicMarkerApart('使って')).toBe('使って');
  });
});

describe('frames a conversation wraps a question in (question-words.yml frames)', () => {
  it('are filler whole, and only the subject after them is asked', async () => {
    await loadTokenizer();
    const frames = questionWords().frames;
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      const { text, filler } = prepareText(`${frame} red teaming`);
      expect(
        filler.map((f) => f.toLowerCase()),
        frame,
      ).toContain(frame.toLowerCase());
      expect(text.trim(), frame).toBe('red teaming');
    }
  });
});
