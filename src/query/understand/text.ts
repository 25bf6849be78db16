import { normalize } from '../../analyze/analyzer.js';
import { lookupEnglishWord } from '../../analyze/dictionary.js';
import { decompoundKatakana } from '../../analyze/katakana.js';
import { clippedForms, katakanaLexicon, questionWords } from '../../analyze/lexicon.js';
import { boundKanaRuns } from '../../util/sanitize.js';
import { MONTHS_EN } from '../dates.js';
import { nearest } from '../edit-distance.js';
import { glossaryIndex } from '../glossary.js';

/**
 * The first stage of understanding: a question as typed → the text the later stages read.
 * Normalized first (half-width and squared kana become kana), misspelt period words read as the
 * words (decmber), then kana runs bounded, then hiragana read as katakana, then clipped Japanese
 * forms expanded and mixed transliterations replaced: in any other order one long run reaches
 * the katakana splitter whole (issue 19).
 */
export function prepareText(question: string): { text: string; urls: string[]; filler: string[] } {
  // A URL in a question names a source: it is looked up as such, not searched as words.
  const urls = question.match(/https?:\/\/[^\s<>|]+/g) ?? [];
  // @someone, @here, #channel typed in Slack address people and places of the workspace: filler.
  const filler: string[] = [];
  const withoutHandles = withoutFrames(
    normalize(question)
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/(^|\s)([@#][\w.-]+)/g, (_m, space: string, handle: string) => {
        filler.push(handle);
        return `${space}${' '.repeat(handle.length)}`;
      }),
    filler,
  );
  const text = mixedTransliterations(
    expandClippedJapanese(
      katakanaFromHiragana(boundKanaRuns(correctPeriodWords(topicMarkerApart(withoutHandles)))),
    ),
  );
  return { text, urls, filler };
}

let framePattern: { source: unknown; re: RegExp | undefined } | undefined;
/**
 * The phrases a conversation wraps a question in ("what's the deal with", "pls share what you
 * have on": `frames` in question-words.yml), blanked and said as filler: their words (deal,
 * share) are subjects elsewhere.
 */
function withoutFrames(text: string, filler: string[]): string {
  const frames = questionWords().frames;
  if (framePattern?.source !== frames) {
    const alts = [...frames]
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    framePattern = {
      source: frames,
      re: alts.length ? new RegExp(`\\b(?:${alts.join('|')})\\b`, 'gi') : undefined,
    };
  }
  const re = framePattern.re;
  if (!re) return text;
  return text.replace(re, (m) => {
    filler.push(m);
    return ' '.repeat(m.length);
  });
}

/**
 * The colloquial topic marker って after a word of two characters or more (AI法って, SB53って) set
 * apart, so kuromoji does not read the word's last kanji with the small っ (法っ + て). One kanji
 * before って is a verb's stem (使って, 言って) and stays.
 */
export function topicMarkerApart(text: string): string {
  return text.replace(
    /(?<=[\u3400-\u9fff\u30a1-\u30faーA-Za-z0-9][\u3400-\u9fff\u30a1-\u30faーA-Za-z0-9])って/g,
    ' って',
  );
}

/**
 * Words of periods people misspell (decmber, yetserday, quartter), five letters or more: the
 * month names the period reader knows, and its other words.
 */
const PERIOD_WORDS = [
  ...MONTHS_EN.map((m) => m.toLowerCase()).filter((m) => m.length >= 5),
  'yesterday',
  'today',
  'quarter',
  'summer',
  'winter',
  'spring',
  'autumn',
  'weeks',
  'months',
  'years',
  'recently',
  'fortnight',
];

/**
 * A misspelt word of a period (decmber 2025, yetserday) read as the word, before periods are
 * found: one edit away, two for a long word — never a word the dictionary knows as itself.
 */
export function correctPeriodWords(text: string): string {
  return text.replace(/[A-Za-z]{5,}/g, (w) => {
    const lower = w.toLowerCase();
    // (nor a word the vocabulary knows: todai is the University of Tokyo, not today)
    if (PERIOD_WORDS.includes(lower) || glossaryIndex().has(lower) || clippedForms().en[lower]) return w;
    // The dictionary is asked only about a word near a period word, not about every word.
    const near = nearest(lower, PERIOD_WORDS);
    return near.length === 1 && !lookupEnglishWord(lower) ? (near[0] as string) : w;
  });
}

const KANJI_OR_KANA = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * Clipped Japanese forms (京大, シンポ, パブコメ: `clipped.yml`) → the full words, where they stand
 * alone: not inside a longer word of the same script (東大阪 is not 東大).
 */
export function expandClippedJapanese(text: string): string {
  let out = text;
  for (const [short, full] of Object.entries(clippedForms().ja)) {
    let at = out.indexOf(short);
    while (at >= 0) {
      const before = out[at - 1] ?? '';
      const after = out[at + short.length] ?? '';
      const glued =
        (KANJI_OR_KANA.test(before) && sameScript(before, short[0] as string)) ||
        (KANJI_OR_KANA.test(after) && sameScript(after, short[short.length - 1] as string));
      if (!glued && !out.startsWith(full, at)) {
        out = out.slice(0, at) + full + out.slice(at + short.length);
        at = out.indexOf(short, at + full.length);
      } else at = out.indexOf(short, at + short.length);
    }
  }
  return out;
}

const script = (c: string) =>
  /[\u30a0-\u30ff]/.test(c) ? 'katakana' : /[\u3040-\u309f]/.test(c) ? 'hiragana' : 'kanji';
const sameScript = (a: string, b: string) => script(a) === script(b) && script(a) !== 'hiragana';

/** Hiragana as katakana (しくみ → シクミ), other characters as they are. */
export const toKatakana = (h: string): string =>
  h.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/**
 * Katakana words typed in hiragana (れっどちーみんぐ) are read as katakana when the katakana
 * form splits into known katakana words; ordinary hiragana (について, まとめて) never does.
 */
export function katakanaFromHiragana(text: string): string {
  return text.replace(/[\u3041-\u3096ー]{4,}/g, (run) => {
    // The longest head of the run that reads as katakana words; particles after it stay (…ぐの).
    for (let end = run.length; end >= 4; end--) {
      const kata = toKatakana(run.slice(0, end));
      if (decompoundKatakana(kata).length > 1) return kata + run.slice(end);
    }
    return run;
  });
}

const KATAKANA_RUN = /^[\u30a1-\u30faー]+$/;
/**
 * The long-vowel rule: オープンエーアイ, オープンエイアイ and オープンエーアイー are one spelling; so are
 * spellings with and without a small ッ (ガイドブク, ガイドブック).
 */
export const foldLongVowels = (s: string) =>
  s.replace(/[ーｰッ]/g, '').replace(/([エケセテネヘメレ])イ/g, '$1');

/** ヴァ → バ, ヴィ → ビ, ヴ → ブ…: the two ways Japanese writes a v. */
export const foldVu = (s: string): string =>
  s
    .replace(/ヴァ/g, 'バ')
    .replace(/ヴィ/g, 'ビ')
    .replace(/ヴェ/g, 'ベ')
    .replace(/ヴォ/g, 'ボ')
    .replace(/ヴ/g, 'ブ');

let transliterations: Map<string, string> | undefined;
/** Katakana transliterations of Latin names (katakana.yml), keyed by their long-vowel-folded form. */
export function transliteration(word: string): string | undefined {
  if (!transliterations) {
    transliterations = new Map();
    for (const [kana, latin] of Object.entries(katakanaLexicon().transliterations))
      transliterations.set(foldLongVowels(kana), latin);
  }
  return KATAKANA_RUN.test(word) ? transliterations.get(foldLongVowels(word)) : undefined;
}

/**
 * Transliterations that mix katakana and Latin (オープンAI): the question is split into Latin and
 * Japanese runs before the katakana ones are read, so these are replaced in the text first.
 */
export function mixedTransliterations(text: string): string {
  let out = text;
  for (const [kana, latin] of Object.entries(katakanaLexicon().transliterations)) {
    if (!/[A-Za-z]/.test(kana) || !/[\u30a0-\u30ff]/.test(kana)) continue;
    out = out.split(normalize(kana)).join(` ${latin} `);
  }
  return out;
}

/**
 * A kanji word for a person by what they do or are (会計士, 研究者, 観光客, 専門家): its field, the
 * rest of the word (会計, 研究, 観光, 専門), or undefined.
 */
export function personField(word: string): string | undefined {
  return /^([\u4e00-\u9fff]{2,})(?:士|人|者|員|師|官|客|家)$/.exec(word)?.[1];
}
