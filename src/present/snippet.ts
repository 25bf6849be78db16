/**
 * Snippets as one readable line: cut where a reader expects a cut (a sentence end, a comma, a
 * space), never inside a word, a number or a bracketed aside such as "(2025年3月)". The search
 * core cuts bodies by length; this is where a cut becomes readable.
 */

const ELLIPSIS = '…';
/** Characters after which a text may be cut: sentence and clause ends, closing brackets, spaces. */
const AFTER = /[。．！？!?、，,;；:：)）」』】\]\s]/u;
const OPEN = /[(（「『【[]/u;
const CLOSE = /[)）」』】\]]/u;

/** Positions just after a boundary, where a cut leaves whole words and whole brackets. */
function cutPoints(text: string): number[] {
  const points: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (OPEN.test(ch)) depth += 1;
    else if (CLOSE.test(ch)) depth = Math.max(0, depth - 1);
    // A Latin or digit run is one word: "2025." in "2025.3" is not a sentence end.
    const next = text[i + 1] ?? '';
    const inNumber = /[.,]/.test(ch) && /\d/.test(text[i - 1] ?? '') && /\d/.test(next);
    if (depth === 0 && AFTER.test(ch) && !inNumber) points.push(i + 1);
  }
  return points;
}

/**
 * One line of at most `max` characters from a snippet: a leading fragment left by an earlier cut
 * (`…5年3月) この資料は…`) is dropped up to its first boundary, and a long tail is cut at the
 * last boundary before `max`, each marked with an ellipsis. A text with no boundary at all (one
 * long word) is cut at `max`.
 */
export function oneLine(snippet: string, max = 110): string {
  let text = snippet.replace(/\s+/g, ' ').trim();
  if (!text) return '';
  let head = '';
  if (text.startsWith(ELLIPSIS)) {
    const rest = text.slice(ELLIPSIS.length);
    const first = cutPoints(rest).find((p) => p <= 40);
    text = (first !== undefined ? rest.slice(first) : rest).trimStart();
    head = ELLIPSIS;
  }
  let tail = '';
  if (text.endsWith(ELLIPSIS)) {
    text = text.slice(0, -ELLIPSIS.length).trimEnd();
    // What follows the last boundary was cut by length: drop it.
    const last = cutPoints(text).at(-1);
    if (last !== undefined && last > text.length / 3) text = text.slice(0, last).trimEnd();
    tail = ELLIPSIS;
  }
  const room = max - head.length - 1;
  if (text.length > room) {
    const fit = cutPoints(text).filter((p) => p <= room);
    const at = fit.at(-1);
    text = (at !== undefined && at > room / 3 ? text.slice(0, at) : text.slice(0, room)).trimEnd();
    tail = ELLIPSIS;
  }
  // A cut after a comma or a 、 reads better without it.
  if (tail) text = text.replace(/[、，,;；:：]$/u, '');
  return `${head}${text}${tail}`;
}
