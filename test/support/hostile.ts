/** The hostile questions every surface is fuzzed with. */
export const HOSTILE = [
  'AI\u0000法',
  '\u0000',
  'a\ud800b',
  '\udfff韓国',
  '😀🇯🇵👩‍👩‍👧 AI法',
  '<@U123> <!channel> <https://evil.example|x> 韓国',
  'ア'.repeat(3000),
  '韓国のAI基本法について教えてください。'.repeat(2200).slice(0, 40_000),
  '\u202eAI\u200b',
  '',
];
