import { describe, expect, it } from 'vitest';
import { loadChatterTable, readMessage } from '../../src/conversation/addressed.js';
import { tempData } from '../helpers.js';

const thread = (text: string) => readMessage({ surface: 'thread', text, botUserId: 'UBOT' });

describe('readMessage: the form of a message, before anything is searched', () => {
  it.each([
    ['what about Korea?', 'follow-up'],
    ['and in January?', 'follow-up'],
    ['じゃあ米国は?', 'follow-up'],
    ['what did the EU do in December', 'question'],
    ['韓国は何をした', 'question'],
    ['韓国は？', 'question'],
    ['SB53', 'keywords'],
    ['レッドチーミング', 'keywords'],
    ['red teaming guidelines', 'keywords'],
  ])('“%s” is a %s, answered if its words match something', (text, form) => {
    expect(thread(text)).toEqual({ say: 'if-matched', form });
  });

  it.each(['more', 'cite 2', 'help', '引用 2'])('“%s” is a command, always answered', (text) => {
    expect(thread(text)).toEqual({ say: 'answer', form: 'command' });
  });

  it.each([
    ['thanks all', 'acknowledgement'],
    ['sounds good, I’ll read the EU one later', 'acknowledgement'],
    ['了解です、明日確認します', 'acknowledgement'],
    ['👍', 'acknowledgement'],
    ['<@U0ALICE> can you look at this tomorrow?', 'someone-else'],
    ['<!channel> please read', 'someone-else'],
    ['we will go through this at the meeting', 'statement'],
    ['明日の会議で共有します', 'statement'],
    ['', 'empty'],
  ])('“%s” is left alone (%s)', (text, reason) => {
    expect(thread(text)).toEqual({ say: 'nothing', reason });
  });

  it('tells thanks and emoji from questions (what isAcknowledgement did)', () => {
    for (const t of [
      'thanks!',
      'Thank you',
      'ok',
      'ありがとうございます',
      '了解です。',
      ':+1:',
      '👍',
      '🙏🏻',
    ])
      expect(thread(t), t).toEqual({ say: 'nothing', reason: 'acknowledgement' });
    for (const t of [
      'what about Korea?',
      'more',
      'cite 2',
      '韓国は?',
      'OK guidelines',
      'thanks for SB53 — and Korea?',
    ])
      expect(thread(t).say, t).not.toBe('nothing');
  });

  it('a mention is always answered; in a DM, keywords and questions are answered even when nothing matches', () => {
    expect(readMessage({ surface: 'mention', text: 'blah' })).toEqual({ say: 'answer', form: 'mention' });
    expect(readMessage({ surface: 'dm', text: 'blorp' })).toEqual({ say: 'answer', form: 'keywords' });
    expect(readMessage({ surface: 'dm', text: 'thanks!' })).toEqual({
      say: 'nothing',
      reason: 'acknowledgement',
    });
    // A reply mentioning the bot and someone else is the bot's (app_mention answers it).
    expect(thread('<@UBOT> <@U0ALICE> what about Korea?').say).not.toBe('nothing');
  });

  it('a bad vocabulary file is an error naming the file and the entry', () => {
    const dir = tempData({ 'chatter.yml': 'en: {}\nja: {}\n' });
    expect(() => loadChatterTable(dir)).toThrow(/chatter\.yml: en\.acknowledgements/);
  });
});
