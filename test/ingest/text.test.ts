import { describe, expect, it } from 'vitest';
import { countriesIn } from '../../src/geo/detect.js';
import { cleanUrl, joinSpacedLetters, parseDatePrefix } from '../../src/ingest/text.js';

describe('date prefixes', () => {
  it.each([
    ['(2026/01/06)題', { start: '2026-01-06', end: '2026-01-06' }, '題'],
    ['(2026/01/14~28)題', { start: '2026-01-14', end: '2026-01-28' }, '題'],
    ['(2026/01/15、16)題', { start: '2026-01-15', end: '2026-01-16' }, '題'],
    ['(2025/12/04、05)題', { start: '2025-12-04', end: '2025-12-05' }, '題'],
    ['(2026/01/30~02/02)題', { start: '2026-01-30', end: '2026-02-02' }, '題'],
    // Full-width digits, brackets and tilde, as a PDF or a word processor prints them.
    ['（２０２６／０１／０９）ＡＩ題', { start: '2026-01-09', end: '2026-01-09' }, 'AI題'],
    ['(2026/01/14～28)題', { start: '2026-01-14', end: '2026-01-28' }, '題'],
  ])('%s', (line, date, rest) => {
    const p = parseDatePrefix(line);
    expect(p).toMatchObject({ kind: 'ok', date, rest });
  });

  it.each([
    ['(2026/13/45)x', 'invalid date "(2026/13/45)": month 13 is not 1–12'],
    ['(2026/02/30)x', 'invalid date "(2026/02/30)": day 30 does not exist in 2026-02'],
    ['(2026/01/20~10)x', 'invalid date "(2026/01/20~10)": the range ends before it starts'],
  ])('rejects %s', (line, message) => {
    expect(parseDatePrefix(line)).toMatchObject({ kind: 'error', message });
  });

  it('leaves lines without a date alone', () => {
    expect(parseDatePrefix('国内AI政策動向(1月1日~1月31日)')).toEqual({ kind: 'none' });
  });
});

describe('URL cleaning', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dpS1S0UEvjU(動画)',
      'https://www.youtube.com/watch?v=dpS1S0UEvjU',
      '動画',
    ],
    ['https://aisi.go.jp/assets/pdf/x.pdf(英文版)', 'https://aisi.go.jp/assets/pdf/x.pdf', '英文版'],
    [
      'https://aisi.go.jp/activity/activity_security/250709/ -',
      'https://aisi.go.jp/activity/activity_security/250709/',
      undefined,
    ],
    ['<https://github.com/Japan-AISI/aisev>', 'https://github.com/Japan-AISI/aisev', undefined],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)', undefined],
    ['https://example.org/a)', 'https://example.org/a', undefined],
    [
      'https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3',
      'https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3',
      undefined,
    ],
  ])('%s', (raw, url, note) => {
    expect(cleanUrl(raw)).toEqual(note ? { url, note } : { url });
  });
});

describe('spaced letters and countries', () => {
  it('joins spaced-out capitals', () => {
    expect(joinSpacedLetters('A I S Iを軸とした')).toBe('AISIを軸とした');
    expect(joinSpacedLetters('信頼できるA Iの実現')).toBe('信頼できるAIの実現');
    expect(joinSpacedLetters('AIS I 国際ネットワーク')).toBe('AISI 国際ネットワーク');
    expect(joinSpacedLetters('NIST AI 800-2')).toBe('NIST AI 800-2');
  });

  it.each([
    ['欧州連合・シンガポール・デジタルパートナーシップ', ['EU', 'SG']],
    ['中国とASEANが第2回デジタルガバナンス対話を開催', ['CN', 'ASEAN']],
    ['英国Ofcom、英国オンライン安全法に基づき', ['GB']],
    ['カリフォルニア州、フロンティアAI透明性法(SB53)を施行', ['US']],
    ['各国関係機関(豪、加、独、蘭、英、NZ)らと共同で', ['AU', 'CA', 'DE', 'NL', 'GB', 'NZ']],
    ['1月12日、 英国オンライン安全法', ['GB']],
    ['米国サンディエゴで開催された第4回AISI国際ネットワーク', []],
    ['インドネシアの政府', ['ID']],
    ['英語の資料に参加', []],
  ])('%s → %j', (text, codes) => {
    expect(countriesIn(text, { mode: 'document', skipVenues: true })).toEqual(codes);
  });
});
