import { describe } from '../../errors.js';
import type { DocumentMeta, ParsedDocument } from '../item.js';
import { isUrlLine, nfkc, parseDatePrefix } from '../text.js';
import { CIRCLED, DigestReader } from './digest-reader.js';
import type { Layout } from './layout.js';

/**
 * Monthly digest, PDF-text layout (July 2025): no numbering and no indentation; items are
 * separated by `-` lines, and a URL line may end with ` -`, the next item's bullet.
 */
export function parsePdfDigest(doc: DocumentMeta, text: string): ParsedDocument {
  return parseSeparatedDigest(doc, text, false);
}

/**
 * The reader both separated layouts share. With `circled`, items open on a circled number
 * (`① (2025/2/7)title`, the older digests) and the numbers are checked for gaps.
 */
export function parseSeparatedDigest(doc: DocumentMeta, text: string, circled: boolean): ParsedDocument {
  const r = new DigestReader(doc);
  const lines = text.split(/\r?\n/);
  let nonEmpty = 0;
  for (const [i, raw] of lines.entries()) {
    const lineNo = i + 1;
    const line = raw.trim();
    if (!line) continue;
    nonEmpty += 1;
    if (r.heading(line, lineNo)) continue;
    if (!r.seenSection) {
      r.preamble(line, lineNo, nonEmpty);
      continue;
    }
    if (line === '-') {
      r.close();
      r.skip(lineNo, 'item separator (-)');
      continue;
    }
    if (nfkc(line) === 'なし') {
      r.close();
      r.skip(lineNo, 'empty-section marker (なし: no items this month)');
      continue;
    }
    const numbered = circled ? CIRCLED.exec(line) : null;
    if (numbered) {
      r.open(numbered[2] ?? '', lineNo);
      const n = Number(nfkc(numbered[1] ?? ''));
      if (r.current && n !== r.current.ordinal)
        r.problem(lineNo, describe('NUMBERING_GAP', r.current.ordinal, n));
      continue;
    }
    if (!circled && parseDatePrefix(line).kind !== 'none') {
      r.open(line, lineNo);
      continue;
    }
    if (!r.current) {
      r.problem(lineNo, describe('ORPHAN_LINE', line));
      r.skip(lineNo, 'text outside any item (reported as a problem)');
      continue;
    }
    r.current.lines.push(lineNo);
    if (isUrlLine(line)) {
      r.current.urls.push(line);
      // ` -` is the next item's bullet glued to this URL: the item ends here.
      if (/\s-$/.test(line)) r.close();
    } else r.current.body.push(line);
  }
  return r.result();
}

/** PDF-text digest: `(YYYY/MM/DD)title` lines without numbers, items separated by `-` lines. */
export const digestPdfText: Layout = {
  kind: 'digest',
  summary: 'PDF text: "(YYYY/MM/DD)title" items separated by "-" lines',
  parse: parsePdfDigest,
  detect: (lines) => {
    const titles = lines.filter((l) => !CIRCLED.test(l.trim()) && parseDatePrefix(l).kind !== 'none').length;
    const separators = lines.filter((l) => l.trim() === '-' || /^https?:\S+\s-$/.test(l.trim())).length;
    return separators > 0 ? titles : 0;
  },
};
