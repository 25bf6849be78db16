import { constants, createInflate } from 'node:zlib';

/**
 * How much a digest PDF may cost before it is read. A digest is a few dozen pages of text; these
 * leave room for a long report with embedded fonts, and refuse a small file built to inflate to
 * gigabytes, to hold millions of pages, or to yield a corpus' worth of text.
 */
export const PDF_LIMITS = {
  /** The file itself. */
  fileBytes: 64 * 1024 * 1024,
  /** Pages (pdf.js reads each one's text in turn). */
  pages: 500,
  /** Every compressed stream inflated, added up (content, fonts, CMaps, forms, object streams). */
  inflatedBytes: 128 * 1024 * 1024,
  /** Characters of text extracted. */
  textChars: 2_000_000,
} as const;

export type PdfLimits = { readonly [K in keyof typeof PDF_LIMITS]: number };

/** A PDF refused before (or while) it is read, saying which limit it passed. */
export class PdfLimitError extends Error {}

/** A size as a refusal says it: `128 MB`, `12 KB`, `1000 bytes`. */
const mib = (n: number) =>
  n >= 1024 * 1024
    ? `${Math.round(n / (1024 * 1024))} MB`
    : n >= 1024
      ? `${Math.round(n / 1024)} KB`
      : `${n} bytes`;

/** The limits as a refusal says them: `the limit is 128 MB`. */
export function over(what: string, limit: string): PdfLimitError {
  return new PdfLimitError(`PDF refused: ${what} (the limit for a digest PDF is ${limit})`);
}

/** How many bytes `data` inflates to, counted without keeping them; stops once past `max`. */
function inflatedLength(data: Uint8Array, max: number): Promise<number> {
  return new Promise((resolve) => {
    // Like pdf.js, a truncated or damaged stream yields what it inflated before the damage.
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 64 * 1024 });
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > max) {
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => resolve(n));
    inflate.on('error', () => resolve(n));
    inflate.end(data);
  });
}

/** Filters that only shrink (ASCII encodings) or that pdf.js decodes only as images, never for text. */
const HARMLESS = new Set([
  'ASCIIHexDecode',
  'AHx',
  'ASCII85Decode',
  'A85',
  'DCTDecode',
  'DCT',
  'JPXDecode',
  'JBIG2Decode',
  'CCITTFaxDecode',
  'CCF',
  'Crypt',
]);
const FLATE = new Set(['FlateDecode', 'Fl']);
const RUN_LENGTH = new Set(['RunLengthDecode', 'RL']);
const LZW = new Set(['LZWDecode', 'LZW']);

/** One stream of the file: its filter chain and its bytes, found the way pdf.js finds them. */
interface RawStream {
  filters: string[];
  data: Uint8Array;
}

/**
 * Every `N G obj <integer> endobj` of the file (what an indirect stream length points to) by
 * `N G`, the first of each kept: found in one pass, not one search of the file per stream.
 */
function integerObjects(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/(?:^|\s)(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g)) {
    const key = `${m[1]} ${m[2]}`;
    if (!out.has(key)) out.set(key, Number(m[3]));
  }
  return out;
}

/**
 * The file's streams (`text`: its bytes as latin1): the dictionary before each `stream` keyword
 * gives the filters and the length (direct, or an indirect object resolved in the file); data
 * runs for that length when `endstream` follows it, else up to the next `endstream` (what pdf.js
 * does with a wrong length).
 */
function streamsOf(bytes: Uint8Array, text: string): RawStream[] {
  let integers: Map<string, number> | undefined;
  const out: RawStream[] = [];
  const keyword = /\bstream(?:\r\n|\r|\n)/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    const start = m.index + m[0].length;
    const dictFrom = Math.max(text.lastIndexOf('obj', m.index), m.index - 8192, 0);
    const dict = text.slice(dictFrom, m.index);
    const filterSpec = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1] ?? '';
    const filters = [...filterSpec.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1] as string);
    let length: number | undefined;
    const len = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dict);
    if (len?.[2] !== undefined) {
      integers ??= integerObjects(text);
      length = integers.get(`${len[1]} ${len[2]}`);
    } else if (len) length = Number(len[1]);
    let end =
      length !== undefined && /^\s*endstream/.test(text.slice(start + length, start + length + 32))
        ? start + length
        : text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    out.push({ filters, data: bytes.subarray(start, end) });
    keyword.lastIndex = Math.max(keyword.lastIndex, end);
  }
  return out;
}

/**
 * Checks a PDF's bytes before pdf.js reads them: its size, no encryption (its streams could not
 * be measured), no LZW (not measured either), and every compressed stream inflated — counted,
 * not kept — within {@link PDF_LIMITS}`.inflatedBytes` in all. Throws a {@link PdfLimitError}
 * saying which limit was passed.
 */
export async function checkPdfBytes(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<void> {
  if (bytes.byteLength > limits.fileBytes)
    throw over(`the file is ${mib(bytes.byteLength)}`, mib(limits.fileBytes));
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(text))
    throw new PdfLimitError(
      'PDF refused: it is encrypted (save or print it again as a PDF without a password)',
    );
  let total = 0;
  for (const s of streamsOf(bytes, text)) {
    const expanding = s.filters.filter((f) => !HARMLESS.has(f));
    if (!expanding.length) continue;
    if (expanding.some((f) => LZW.has(f)))
      throw new PdfLimitError(
        'PDF refused: it uses LZW compression, which policy-bot does not read (save it again as a PDF)',
      );
    const first = s.filters[0] ?? '';
    if (!FLATE.has(first) && !RUN_LENGTH.has(first))
      throw new PdfLimitError(
        `PDF refused: it has a stream compressed behind another filter (${s.filters.join(', ')}), which policy-bot does not read (save it again as a PDF)`,
      );
    const remaining = limits.inflatedBytes - total;
    // RunLength expands at most 64 times (2 bytes → 128); Flate is inflated and counted.
    let size = FLATE.has(first) ? await inflatedLength(s.data, remaining) : s.data.byteLength * 64;
    if (s.filters.slice(1).some((f) => RUN_LENGTH.has(f))) size *= 64;
    total += size;
    if (total > limits.inflatedBytes)
      throw over(
        `its compressed streams inflate to more than ${mib(limits.inflatedBytes)}`,
        mib(limits.inflatedBytes),
      );
  }
}
