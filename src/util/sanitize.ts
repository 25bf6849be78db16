/**
 * The one cleaning step every question goes through where it enters (Slack, console, CLI),
 * before any analysis: text the analyzer cannot take, and more text than one question needs, are
 * dealt with here so that no later stage has to defend itself.
 */

/** How many characters of a question are analyzed; the rest is ignored and the answer says so. */
export const MAX_QUESTION_CHARS = 1000;

/**
 * Longest run of kana of one script analyzed as one word. IPADIC knows no word near this long,
 * and the compound splitter's work grows much faster than the run (1 000 katakana in one run took
 * ~31 s; hiragana is read as katakana a prefix at a time, which costs as much): longer runs are cut
 * into pieces of this size, which costs nothing for real words.
 */
export const MAX_KATAKANA_RUN = 24;

/** C0/C1 control characters except tab, newline and carriage return (which become spaces). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BREAKS = /[\t\n\r\u2028\u2029]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Zero-width and bidi controls: invisible, and only ever useful to disguise text. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const KATAKANA_RUN = new RegExp(`[\\u30a1-\\u30faー]{${MAX_KATAKANA_RUN + 1},}`, 'g');
const HIRAGANA_RUN = new RegExp(`[\\u3041-\\u3096ー]{${MAX_KATAKANA_RUN + 1},}`, 'g');
const PIECE = new RegExp(`.{1,${MAX_KATAKANA_RUN}}`, 'gu');

/**
 * Cuts every run of katakana, and every run of hiragana, longer than {@link MAX_KATAKANA_RUN}
 * into pieces of that size separated by spaces. Expects NFKC text: half-width (ｱ), squared (㌀),
 * circled (㋐) and enclosed (🈁) kana are only kana after NFKC, and a run must be measured in
 * the form the analyzer will see. Pure; idempotent. Every path into the analyzer calls it:
 * {@link cleanQuestion} for typed questions, `understand` for stored subscription filters.
 */
export function boundKanaRuns(text: string): string {
  const cut = (run: string) => (run.match(PIECE) ?? [run]).join(' ');
  return text.replace(KATAKANA_RUN, cut).replace(HIRAGANA_RUN, cut);
}

export interface CleanQuestion {
  /** The text to analyze: cleaned and at most {@link MAX_QUESTION_CHARS} characters. */
  text: string;
  /** How many characters the question had after cleaning (more than `text` when it was cut). */
  length: number;
  /** True when only the first {@link MAX_QUESTION_CHARS} characters are analyzed. */
  truncated: boolean;
}

/**
 * Makes any value safe to analyze as a question: non-strings become '', control characters and
 * invisible marks are dropped (line breaks become spaces), lone surrogates become U+FFFD, the
 * text is NFKC-normalized (as the analyzer would: so that ｱ, ㌀ and ㋐ are kana before runs are
 * bounded), cut to {@link MAX_QUESTION_CHARS} characters without splitting a surrogate pair, and
 * its kana runs bounded ({@link boundKanaRuns}). Pure; idempotent.
 */
export function cleanQuestion(raw: unknown, max = MAX_QUESTION_CHARS): CleanQuestion {
  const s = typeof raw === 'string' ? raw : '';
  const cleaned = s
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(BREAKS, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .normalize('NFKC');
  const chars = Array.from(cleaned);
  const truncated = chars.length > max;
  const kept = truncated ? chars.slice(0, max).join('') : cleaned;
  const text = boundKanaRuns(kept);
  return { text, length: chars.length, truncated };
}

/** The line an answer carries when its question was cut, in the question's language. */
export function truncationNote(q: CleanQuestion, lang: 'en' | 'ja'): string | undefined {
  if (!q.truncated) return undefined;
  return lang === 'ja'
    ? `:scissors: 質問が長すぎるため、最初の${MAX_QUESTION_CHARS.toLocaleString('en')}文字(全${q.length.toLocaleString('en')}文字)だけで検索しました。`
    : `:scissors: Your question was long, so only its first ${MAX_QUESTION_CHARS.toLocaleString('en')} of ${q.length.toLocaleString('en')} characters were searched.`;
}
