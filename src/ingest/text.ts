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
