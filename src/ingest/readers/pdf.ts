import { looksLikeHeading } from '../layouts/digest-reader.js';
import { isLoneBullet, nfkc, parseDatePrefix, withoutBullet } from '../text.js';
import { checkPdfBytes, over, PDF_LIMITS, type PdfLimitError, type PdfLimits } from './pdf-limits.js';

/** One printed line of a PDF page: its text and where it sits. */
export interface PdfTextLine {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size: number;
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

/** Groups pdf.js text items into lines, top to bottom, items left to right. */
export function linesOfPage(items: readonly PdfTextItem[]): PdfTextLine[] {
  const lines: PdfTextLine[] = [];
  const sorted = items
    .filter((i) => i.str.length > 0)
    .map((i) => ({
      ...i,
      x: i.transform[4] ?? 0,
      y: i.transform[5] ?? 0,
      size: Math.abs(i.transform[3] ?? 10),
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  for (const it of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - it.y) < Math.max(last.size, it.size) / 2) {
      // Same baseline: a gap wider than a third of the font size is a space.
      last.text += it.x - last.x1 > it.size / 3 ? ` ${it.str}` : it.str;
      last.x1 = Math.max(last.x1, it.x + it.width);
    } else lines.push({ text: it.str, x0: it.x, x1: it.x + it.width, y: it.y, size: it.size });
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}(?:\s*\/\s*\d{1,4})?|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/i;

/** The shape of a line with its numbers blanked, so `- 2 -` and `- 3 -` count as the same footer. */
const shape = (s: string) => nfkc(s).replace(/\d+/g, '#');

/**
 * Drops running headers, footers and page numbers: a line at the top or bottom two of its page
 * that is a page number, or whose shape repeats at the edge of at least half of the pages.
 */
export function dropPageFurniture(pages: PdfTextLine[][]): PdfTextLine[][] {
  const edge = (page: PdfTextLine[]) => [...page.slice(0, 2), ...page.slice(-2)];
  const counts = new Map<string, number>();
  for (const page of pages)
    for (const s of new Set(edge(page).map((l) => shape(l.text)))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const repeated = (s: string) => pages.length >= 2 && (counts.get(s) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((page) => {
    const edges = new Set(edge(page));
    return page.filter((l) => !(edges.has(l) && (PAGE_NUMBER.test(l.text) || repeated(shape(l.text)))));
  });
}

/**
 * Round and square bullets: a line opening with one starts an entry (they are never punctuation
 * a wrapped sentence could continue with; ・ is, as in 講演・パネル, so it counts only alone or
 * before an item's title).
 */
const ROUND_BULLET =
  /^[\u2022\u2023\u2043\u2219\u25cf\u25e6\u25aa\u25ab\u25a0\u25a1\u25c6\u25c7\u25b6\u25ba\uf06c\uf0a7\uf0b7\uf0d8\uf0fc]/;

/** A line that starts something of its own: an item, a separator, a URL, a numbered entry, a heading. */
function startsBlock(text: string): boolean {
  const t = nfkc(text);
  const rest = withoutBullet(t);
  return (
    isLoneBullet(t) ||
    ROUND_BULLET.test(t) ||
    (rest !== undefined && startsBlock(rest)) ||
    // A dash before text (a dash alone, ● and ■ are bullets above).
    /^(?:-\s|【)/.test(t) ||
    /^https?:\/\//.test(t) ||
    /^\d+\.\s*\(\d{4}\//.test(t) ||
    // A circled number starts an item only before a date; in a body it enumerates (①…②…).
    /^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]\s*[(（]\s*\d{4}/.test(text.trim()) ||
    parseDatePrefix(t).kind !== 'none' ||
    /^AI政策動向マンスリー情報$/.test(t) ||
    looksLikeHeading(t)
  );
}

const LATIN_END = /[A-Za-z0-9,.;:]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/**
 * Rejoins lines the PDF wrapped: a line that reaches the text's right margin continues on the
 * next one, unless that one starts a block. A URL continues with no space (URLs have none);
 * Japanese with none; Latin words with one. Page breaks are crossed the same way.
 */
export function rejoinWrapped(pages: PdfTextLine[][]): string[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const widths = all.map((l) => l.x1).sort((a, b) => a - b);
  const margin = widths[Math.floor(widths.length * 0.95)] ?? widths.at(-1) ?? 0;
  const out: string[] = [];
  let prevLine: PdfTextLine | undefined;
  let inUrl = false;
  // A line was wrapped when it reaches the margin, or (Latin text) when the next line's first
  // word would not have fitted after it: how word wrapping decides.
  const wrapped = (prev: PdfTextLine, next: PdfTextLine) => {
    // A sentence that ends at the margin ends its line: splitting a body in two costs nothing,
    // gluing a title or a heading to the next line would.
    if (/[。．！？]$/.test(prev.text)) return false;
    // Japanese is justified: a wrapped line ends at the margin, within a fraction of a character.
    if (prev.x1 >= margin - prev.size * 0.6) return true;
    // Latin words are not split: the line breaks before a word that would not have fitted.
    const word = /^[A-Za-z][A-Za-z0-9.,;:'’-]*/.exec(next.text)?.[0];
    if (!word) return false;
    const charWidth = (next.x1 - next.x0) / Math.max(next.text.length, 1);
    return prev.x1 + charWidth * (word.length + 1) > margin;
  };
  for (const line of all) {
    const wrapping = prevLine !== undefined && wrapped(prevLine, line);
    prevLine = line;
    // A URL cut at the margin goes on with the next line whatever it starts with (`-diffusion…`).
    const urlGoesOn =
      inUrl &&
      /^[\x21-\x7e]+(?: -)?$/.test(line.text) &&
      !isLoneBullet(line.text) &&
      !/^https?:\/\//.test(line.text);
    if (wrapping && out.length && (urlGoesOn || !startsBlock(line.text))) {
      const prev = out.pop() ?? '';
      const glue = inUrl || !(LATIN_END.test(prev) && LATIN_START.test(line.text)) ? '' : ' ';
      out.push(prev + glue + line.text);
    } else {
      out.push(line.text);
      inUrl = /^https?:\/\/\S*$/.test(nfkc(line.text));
    }
    if (inUrl && /\s/.test(line.text)) inUrl = false;
  }
  return out;
}

/**
 * Extracts a digest PDF's text with pdf.js (legacy build, for Node 20): lines in reading order,
 * page headers, footers and numbers dropped, wrapped lines and broken URLs rejoined. A PDF past
 * {@link PDF_LIMITS} (file size, inflated streams, pages, text) is refused with a
 * {@link PdfLimitError} before it costs more than the limit.
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<string> {
  await checkPdfBytes(bytes, limits);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  });
  const doc = await task.promise;
  try {
    if (doc.numPages > limits.pages) throw over(`it has ${doc.numPages} pages`, `${limits.pages} pages`);
    const pages: PdfTextLine[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((i) => ('str' in i ? [i] : []));
      for (const i of items) chars += i.str.length;
      if (chars > limits.textChars)
        throw over(
          `its text runs past ${limits.textChars.toLocaleString('en')} characters by page ${n}`,
          `${limits.textChars.toLocaleString('en')} characters`,
        );
      pages.push(linesOfPage(items));
    }
    return `${rejoinWrapped(dropPageFurniture(pages)).join('\n')}\n`;
  } finally {
    await task.destroy();
  }
}
