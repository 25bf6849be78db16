import { describe } from '../errors.js';
import type { DateRange } from './item.js';

/** NFKC folds full-width letters, digits and brackets (（ＡＩ） → (AI)) so patterns see one alphabet. */
export function nfkc(s: string): string {
  return s.normalize('NFKC');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds an ISO date and checks that it exists; returns an error message instead of throwing. */
export function isoDate(year: number, month: number, day: number): string | { error: string } {
  if (month < 1 || month > 12) return { error: `month ${month} is not 1–12` };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return { error: `day ${day} does not exist in ${year}-${pad(month)}` };
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Date prefix of a digest item title: `(2026/01/14~28)`, `(2025/12/04、05)`, `(2026/01/30~02/02)`. */
const DATE_PREFIX =
  /^\((\d{4})\/(\d{1,2})\/(\d{1,2})((?:\s*[~〜\-–]\s*(?:(?:\d{4}\/)?\d{1,2}\/)?\d{1,2})|(?:\s*[、,]\s*\d{1,2})+)?\)\s*/;

export type DatePrefix =
  | { kind: 'none' }
  | { kind: 'ok'; date: DateRange; rest: string; raw: string }
  | { kind: 'error'; message: string; rest: string; raw: string };

/**
 * Reads the `(YYYY/MM/DD…)` prefix of a digest title. Ranges are kept: `~28` ends on the 28th of
 * the same month, `、05` lists further days (the range spans first to last).
 */
export function parseDatePrefix(line: string): DatePrefix {
  const text = nfkc(line.trim());
  const m = DATE_PREFIX.exec(text);
  if (!m) return { kind: 'none' };
  const raw = m[0].trim();
  const rest = text.slice(m[0].length).trim();
  const year = Number(m[1]);
  const month = Number(m[2]);
  const start = isoDate(year, month, Number(m[3]));
  if (typeof start !== 'string') {
    return { kind: 'error', raw, rest, message: describe('INVALID_DATE', raw, start.error) };
  }
  let end: string | { error: string } = start;
  const tail = m[4]?.trim();
  if (tail) {
    if (/^[、,]/.test(tail)) {
      const days = tail
        .split(/[、,]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number);
      end = isoDate(year, month, Math.max(...days));
    } else {
      const parts = tail
        .replace(/^[~〜\-–]\s*/, '')
        .split('/')
        .map(Number);
      const [y, mo, d] =
        parts.length === 3
          ? (parts as [number, number, number])
          : parts.length === 2
            ? [year, parts[0] as number, parts[1] as number]
            : [year, month, parts[0] as number];
      end = isoDate(y, mo, d);
    }
    if (typeof end !== 'string') {
      return { kind: 'error', raw, rest, message: describe('INVALID_DATE', raw, end.error) };
    }
    if (end < start) {
      return {
        kind: 'error',
        raw,
        rest,
        message: describe('INVALID_DATE', raw, 'the range ends before it starts'),
      };
    }
  }
  return { kind: 'ok', date: { start, end }, rest, raw };
}

/** True when the whole (trimmed) line is a URL, possibly with a glued note or a trailing ` -`. */
export function isUrlLine(line: string): boolean {
  return /^<?https?:\/\/\S/.test(line.trim());
}

/** Characters that end a URL when they follow it directly in these documents. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

export interface CleanUrl {
  url: string;
  /** A note glued to the URL in the document, such as `動画` or `英文版`. */
  note?: string;
}

/**
 * Cleans one URL as printed in a document: cuts at a glued Japanese note
 * (`…watch?v=dpS1S0UEvjU(動画)`), drops the PDF bullet ` -`, angle brackets, and a closing `)`
 * that has no opening partner inside the URL. Everything else is kept byte for byte.
 */
export function cleanUrl(raw: string): CleanUrl {
  let s = raw.trim();
  s = s.replace(/\s+-$/, '');
  if (s.startsWith('<')) s = s.slice(1);
  s = s.replace(/>$/, '');
  let note: string | undefined;
  // A note glued in parentheses: "(動画)" / "（英文版）".
  const glued = /[(（]([^()（）]*)[)）]$/.exec(s);
  if (glued && JAPANESE.test(glued[1] ?? '')) {
    note = glued[1];
    s = s.slice(0, glued.index);
  }
  // Any other Japanese text glued to the end.
  const ja = s.search(JAPANESE);
  if (ja > 0) {
    note = note ?? s.slice(ja);
    s = s.slice(0, ja);
  }
  s = s.replace(/\s.*$/, '');
  while (/[)>.,、。]$/.test(s)) {
    if (s.endsWith(')') && (s.match(/\(/g)?.length ?? 0) >= (s.match(/\)/g)?.length ?? 0)) break;
    s = s.slice(0, -1);
  }
  return note ? { url: s, note } : { url: s };
}

/** Keeps the first occurrence of each URL, in document order. */
export function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Joins spaced-out capitals (`A I S I` → `AISI`, `A I` → `AI`, `AIS I` → `AISI`) left by the
 * slide-to-text conversion, so search and country detection see the word.
 */
export function joinSpacedLetters(s: string): string {
  let out = s.replace(/(?<![A-Za-z])[A-Za-z](?: [A-Za-z])+(?![A-Za-z])/g, (m) => m.replace(/ /g, ''));
  out = out.replace(/(?<![A-Za-z])([A-Z]{2,}) ([A-Z])(?![A-Za-z])/g, '$1$2');
  return out;
}

/**
 * List bullets as PDF printers and word processors render them: the katakana middle dot (and its
 * half-width form), round and square bullets, dashes, and the Symbol/Wingdings private-use code
 * points a PDF carries when its font has no Unicode mapping for the bullet.
 */
const BULLET_GLYPHS =
  '\\-\\*\u30fb\uff65\u00b7\u2022\u2023\u2043\u2219\u25cf\u25cb\u25e6\u25aa\u25ab\u25a0\u25a1\u25c6\u25c7\u25b6\u25ba\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2027\uf06c\uf0a7\uf0b7\uf0d8\uf0fc';

/** One bullet glyph alone (after trimming): a separator between items, never text. */
const LONE_BULLET = new RegExp(`^[${BULLET_GLYPHS}]$`);
/** A bullet glyph opening a line, and the rest of the line after it. */
const LEADING_BULLET = new RegExp(`^[${BULLET_GLYPHS}]\\s*(\\S.*)$`);

/** True when the (trimmed) line is a bullet glyph and nothing else: `・`, `•`, `●`, `◦`, `‐`, `-`. */
export function isLoneBullet(line: string): boolean {
  return LONE_BULLET.test(line.trim());
}

/**
 * The line without a leading bullet glyph, or undefined when it has none. Callers strip it only
 * from an item's title line (`• (2026/05/12)…`), where it separates items: a bullet before body
 * text (`・…` enumerations inside an item) is the document's own text.
 */
export function withoutBullet(line: string): string | undefined {
  const m = LEADING_BULLET.exec(line.trim());
  return m ? m[1] : undefined;
}

/** A URL line ending in a glued bullet (`https://… -`, `https://… •`): the next item's separator. */
export const TRAILING_BULLET = new RegExp(`\\s[${BULLET_GLYPHS}]$`);
