/**
 * The Unicode blocks whose characters NFKC turns into kana (ｱ → ア, ㌀ → アパート, ㋐ → ア,
 * 🈁 → ココ), found by scanning every code point rather than listed by hand, so a block that a
 * future Unicode version adds is tried too. Used by the stall test and the hostile bench.
 */

/** Hiragana and katakana (with the prolonged sound mark and iteration marks) after NFKC. */
const KANA = /[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u31f0-\u31ff]/;

/** Block names for the ranges that hold such characters (Unicode's Blocks.txt). */
const BLOCKS: [from: number, to: number, name: string][] = [
  [0x3040, 0x309f, 'Hiragana'],
  [0x30a0, 0x30ff, 'Katakana'],
  [0x31f0, 0x31ff, 'Katakana Phonetic Extensions'],
  [0x3200, 0x32ff, 'Enclosed CJK Letters and Months'],
  [0x3300, 0x33ff, 'CJK Compatibility'],
  [0xff00, 0xffef, 'Halfwidth and Fullwidth Forms'],
  [0x1f200, 0x1f2ff, 'Enclosed Ideographic Supplement'],
];

export interface KanaBlock {
  name: string;
  /** Every character of the block whose NFKC form holds kana. */
  chars: string[];
}

let blocks: KanaBlock[] | undefined;
/** Every block with a character NFKC maps into kana; an unnamed block is named by its range. */
export function kanaBlocks(): KanaBlock[] {
  if (blocks) return blocks;
  const found = new Map<string, string[]>();
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (!KANA.test(ch.normalize('NFKC'))) continue;
    const block = BLOCKS.find(([a, b]) => cp >= a && cp <= b);
    const name = block ? block[2] : `U+${(cp & ~0xff).toString(16).toUpperCase()}`;
    const list = found.get(name) ?? [];
    list.push(ch);
    found.set(name, list);
  }
  blocks = [...found].map(([name, chars]) => ({ name, chars }));
  return blocks;
}

/** A question of `length` characters drawn from `chars` (deterministic for a seed). */
export function randomQuestion(chars: readonly string[], length: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(next() * chars.length)];
  return out;
}
