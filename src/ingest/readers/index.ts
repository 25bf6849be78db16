import { extname } from 'node:path';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { PdfLimitError } from './pdf-limits.js';

/** A digest as published (page, PDF or text), turned into the text the layouts read. */
export interface DigestSource {
  format: 'html' | 'pdf' | 'text';
  text: string;
  canonicalUrl?: string;
  siteName?: string;
  /** What the file said that was not taken, each a sentence (`add` prints them). */
  warnings?: string[];
}

/** A file that cannot be read as a digest, with the line when there is one. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** Decodes UTF-8 strictly: an invalid byte is named by its line, never replaced silently. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = loose.slice(0, Math.max(at, 0)).split('\n').length;
    throw new ReadError(file, line, 'not valid UTF-8 (save the page or text as UTF-8)');
  }
}

/**
 * Reads a digest file by what it is: `%PDF-` → PDF, an HTML document (by extension, its
 * `<html`/`<!doctype html` start, or `format` — a download's content type) → the page's
 * article, anything else → UTF-8 text.
 */
export async function readDigestSource(
  file: string,
  bytes: Uint8Array,
  format?: 'html' | 'pdf',
): Promise<DigestSource> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) {
    try {
      return { format: 'pdf', text: await readPdf(bytes) };
    } catch (err) {
      if (err instanceof PdfLimitError) throw new ReadError(file, undefined, err.message);
      throw new ReadError(file, undefined, `cannot read the PDF: ${(err as Error).message}`);
    }
  }
  const ext = /^https?:\/\//.test(file) ? '' : extname(file).toLowerCase();
  if (ext === '.pdf' || format === 'pdf')
    throw new ReadError(file, 1, 'not a PDF (it does not start with %PDF-)');
  const text = decodeUtf8(file, bytes);
  if (format === 'html' || ext === '.html' || ext === '.htm' || /^\s*(?:<!doctype html|<html)/i.test(text)) {
    return { format: 'html', ...readHtml(text) };
  }
  return { format: 'text', text };
}
