import { describe, expect, it } from 'vitest';
import { type Message, say, sayAll } from '../../src/present/catalogue.js';

const jul = { en: 'July 2025', ja: '2025年7月' };
const jan = { en: 'January 2026', ja: '2026年1月' };
const both = (m: Message) => [say('en', m.code, m.args), say('ja', m.code, m.args)];

describe('the search codes, rendered in each language', () => {
  it('names the digest months, or says none are loaded', () => {
    const months = {
      code: 'coverage',
      args: { months: ['2025-07-01', '2025-12-01', '2026-01-01'] },
    } as const;
    expect(both(months)).toEqual([
      'The digests cover July 2025, December 2025 and January 2026.',
      'マンスリー情報の対象期間は2025年7月・2025年12月・2026年1月です。',
    ]);
    expect(both({ code: 'coverage', args: { months: [] } })).toEqual([
      'No monthly digests are loaded yet.',
      'マンスリー情報がまだありません。',
    ]);
  });

  it('names countries as the asker said them in English, by their Japanese names in Japanese', () => {
    const m: Message = {
      code: 'noItemsAbout',
      args: { places: ['MX', 'KR'], said: { MX: 'mexico', KR: '韓国' } },
    };
    const [en, ja] = both(m);
    expect(en).toMatch(/^No items about Mexico and .+\.$/);
    expect(ja).toMatch(/^.+・韓国に関する項目はありません。$/);
  });

  it('says how a period was read, and what the latest covered period is', () => {
    expect(both({ code: 'periodShifted', args: { asked: 'July', askedLabel: jul, period: jul } })).toEqual([
      '“July” → July 2025, the latest such period the digests cover.',
      '「July」は、コーパスにある直近の2025年7月として検索しました。',
    ]);
    expect(say('ja', 'periodShifted', { askedLabel: { en: 'July', ja: '7月' }, period: jul })).toBe(
      '「7月」は、コーパスにある直近の2025年7月として検索しました。',
    );
    expect(both({ code: 'noItemsDatedShowingLatest', args: { period: jul, latest: jan } })).toEqual([
      'No items dated July 2025; showing January 2026, the latest period covered.',
      '2025年7月の項目はありません。収録されている最新の期間(2026年1月)を表示します。',
    ]);
    expect(both({ code: 'noItemsDated', args: { period: jul, latest: jan, offered: 1 } })).toEqual([
      'No items dated July 2025. The latest period covered is January 2026 (its items are offered as suggestions).',
      '2025年7月の項目はありません。収録されている最新の期間は2026年1月です(その項目を候補として示します)。',
    ]);
    expect(both({ code: 'noItemsDated', args: { period: jul } })).toEqual([
      'No items dated July 2025. ',
      '2025年7月の項目はありません。',
    ]);
  });

  it('quotes the words it could not match or ignored, and joins sentences per language', () => {
    const notices: Message[] = [
      { code: 'nothingMatches', args: { words: ['horse', 'racing'] } },
      { code: 'closestAsSuggestions' },
    ];
    expect(sayAll('en', notices)).toBe(
      'Nothing in the corpus matches “horse”, “racing”. The closest items are listed as suggestions, not answers.',
    );
    expect(sayAll('ja', notices)).toBe(
      '“horse”・“racing”に一致する項目はありません。近い項目を候補として示します(質問への回答ではありません)。',
    );
  });
});
