import { stemKatakana } from '../../analyze/analyzer.js';
import { clippedForms } from '../../analyze/lexicon.js';
import type { CorpusLookups } from './context.js';

/**
 * Japanese names clipped the way people type them, read as the corpus writes them: a katakana
 * word cut short before an institution's suffix (エネ省 → エネルギー省), and a name's clipped last
 * part glued to it (千葉工大 → 千葉工業大学: `ja_suffixes` in clipped.yml). Only where the corpus
 * writes the full name, and only one way: two names it could be are a guess, not a reading.
 * Returns the text so read, and each name as typed → as read (said in the answer).
 */
export function expandClippedNames(
  text: string,
  ctx: CorpusLookups,
): { text: string; read: [string, string][] } {
  const read: [string, string][] = [];
  const has = ctx.hasTerm;
  if (!has) return { text, read };
  const written = (name: string) => has(name) || has(stemKatakana(name));
  let out = text.replace(
    /(?<![\u30a1-\u30faー])([\u30a1-\u30fa][\u30a1-\u30faー]{1,2})(省|庁|局)/g,
    (m, kana: string, suffix: string) => {
      if (written(kana + suffix) || ctx.katakanaAlone?.(kana)) return m;
      const full = (ctx.katakanaStartingWith?.(kana) ?? []).filter(
        (t) => t.length >= kana.length + 2 && written(t + suffix),
      );
      const names = [...new Set(full.map((t) => t.replace(/ー+$/, '')))];
      if (names.length !== 1) return m;
      const name = `${full.find((t) => t.endsWith('ー')) ?? full[0]}${suffix}`;
      read.push([m, name]);
      return name;
    },
  );
  for (const { short, full, re } of clippedSuffixes()) {
    out = out.replace(re, (m, name: string) => {
      for (let k = name.length; k >= 1; k--) {
        const head = name.slice(-k);
        if (!written(head + short) && written(head + full)) {
          read.push([head + short, head + full]);
          return `${name.slice(0, -k)}${head}${full}`;
        }
      }
      return m;
    });
  }
  return { text: out, read };
}

let suffixCache: { of: unknown; list: { short: string; full: string; re: RegExp }[] } | undefined;
/** `ja_suffixes` as patterns, longest clipped part first (工大 before 大): made once per lexicon. */
function clippedSuffixes(): { short: string; full: string; re: RegExp }[] {
  const table = clippedForms().ja_suffixes;
  if (suffixCache?.of !== table)
    suffixCache = {
      of: table,
      list: Object.entries(table)
        .sort((a, b) => b[0].length - a[0].length)
        .map(([short, full]) => ({
          short,
          full,
          re: new RegExp(`([\\u4e00-\\u9fff]{1,4})${short}(?![\\u4e00-\\u9fff])`, 'g'),
        })),
    };
  return suffixCache.list;
}
