/**
 * A katakana word and a Latin word that sound alike: ジェネシス and "genesis", テクノロジー and
 * "technology". The documents print many names in Latin letters (Genesis Mission, Grok) that an
 * asker types in katakana; the katakana lexicon lists the common ones, and this finds the others
 * — including the names of a month added after the lexicon was written.
 *
 * Both words are reduced to a key of consonant classes (vowels, long-vowel marks, h, w, y dropped;
 * voiced and voiceless kept apart except where English spelling blurs them). English spelling
 * says several sounds with one letter (c: k or s, ch: ch or k, g: g or j), so a Latin word has a
 * few keys; a katakana word has one. A match needs four classes or more: shorter keys are shared
 * by too many unrelated words.
 */

/** Consonant class of each katakana (its first consonant); vowels and ー have none. */
const KANA: Record<string, string> = {};
const rows: [string, string][] = [
  ['カキクケコ', 'k'],
  ['ガギグゲゴ', 'g'],
  ['サスセソ', 's'],
  ['シ', 's'],
  ['ザズゼゾ', 'z'],
  ['ジヂ', 'j'],
  ['タテト', 't'],
  ['チ', 'c'],
  ['ツ', 't'],
  ['ダデド', 'd'],
  ['ヅ', 'z'],
  ['ナニヌネノン', 'n'],
  ['ハヒヘホ', ''],
  ['フ', 'f'],
  ['バビブベボヴ', 'b'],
  ['パピプペポ', 'p'],
  ['マミムメモ', 'm'],
  ['ラリルレロ', 'r'],
];
for (const [chars, cls] of rows) for (const c of chars) KANA[c] = cls;

/** The key of a katakana word, or undefined when it has anything but katakana. */
export function katakanaKey(word: string): string | undefined {
  if (!/^[\u30a1-\u30faー]+$/.test(word)) return undefined;
  let key = '';
  for (const c of word) {
    const cls = KANA[c] ?? '';
    // (ッ, which doubles the next consonant, has no class: English writes the sound once.)
    key += cls;
  }
  return key;
}

/** The sounds an English spelling may stand for, per position (alternatives where it is unclear). */
function englishClasses(word: string): string[][] {
  // A doubled letter is one sound (mission, planning).
  const w = word.toLowerCase().replace(/([a-z])\1/g, '$1');
  const out: string[][] = [];
  const front = (i: number) => /[eiy]/.test(w[i] ?? '');
  const vowel = (i: number) => /[aeiouy]/.test(w[i] ?? '');
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    const next = w[i + 1] ?? '';
    if (c === 'c' && next === 'h') {
      out.push(['c', 'k', 's']);
      i += 1;
    } else if (c === 's' && next === 'h') {
      out.push(['s']);
      i += 1;
    } else if (c === 'p' && next === 'h') {
      out.push(['f']);
      i += 1;
    } else if (c === 't' && next === 'h') {
      out.push(['s', 'z']);
      i += 1;
    } else if (c === 't' && next === 'i' && /[ao]/.test(w[i + 2] ?? '')) out.push(['s']);
    else if (c === 'c' && next === 'k') {
      out.push(['k']);
      i += 1;
    } else if (c === 'c') out.push(front(i + 1) ? ['s'] : ['k']);
    else if (c === 'g') out.push(front(i + 1) ? ['j', 'g'] : ['g']);
    else if (c === 'q') out.push(['k']);
    else if (c === 'x') out.push(['k'], ['s']);
    else if (c === 'j') out.push(['j']);
    else if (c === 'v') out.push(['b']);
    else if (c === 'l') out.push(['r']);
    // An r after a vowel and before no vowel is a long vowel in katakana (center → センター).
    else if (c === 'r') out.push(vowel(i - 1) && !vowel(i + 1) ? [''] : ['r']);
    else if (c === 's') out.push(vowel(i - 1) && vowel(i + 1) ? ['s', 'z'] : ['s']);
    else if (/[bdfkmnptz]/.test(c)) out.push([c]);
    // vowels, h, w, y: no class
  }
  return out;
}

/** Every key an English word may have (a handful: the letters that may sound two ways). */
export function englishKeys(word: string, limit = 16): string[] {
  let keys = [''];
  for (const options of englishClasses(word)) {
    const next = new Set<string>();
    for (const k of keys) for (const o of options) next.add(k + o);
    keys = [...next].slice(0, limit);
  }
  return keys;
}

/** Shortest key that may match: three classes (g-n-s) are shared by too many words. */
export const MIN_KEY = 4;

const byKeyCache = new WeakMap<readonly string[], Map<string, string[]>>();
/**
 * The Latin words of `terms` that sound like the katakana `word`, or [] (also when its key is
 * shorter than {@link MIN_KEY}).
 */
export function latinSoundingLike(word: string, terms: readonly string[]): string[] {
  const key = katakanaKey(word);
  if (!key || key.length < MIN_KEY) return [];
  return soundKeys(terms).get(key) ?? [];
}

/** The terms by their sound keys, built once per term list (corpus-lookups.ts warms it). */
export function soundKeys(terms: readonly string[]): Map<string, string[]> {
  let byKey = byKeyCache.get(terms);
  if (!byKey) {
    byKey = new Map();
    // The index keeps words stemmed (genesis → genesi, analysis → analysi: a final s taken
    // for a plural's): the katakana says the s (ジェネシス).
    for (const t of terms)
      for (const k of englishKeys(t).flatMap((k) => (/[iu]$/.test(t) ? [k, `${k}s`] : [k]))) {
        if (k.length < MIN_KEY) continue;
        const list = byKey.get(k);
        if (list) {
          if (!list.includes(t)) list.push(t);
        } else byKey.set(k, [t]);
      }
    byKeyCache.set(terms, byKey);
  }
  return byKey;
}
