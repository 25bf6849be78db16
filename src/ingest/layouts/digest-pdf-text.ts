import { describe } from '../../errors.js';
import type { DocumentMeta, ParsedDocument } from '../item.js';
import { isLoneBullet, isUrlLine, nfkc, parseDatePrefix, TRAILING_BULLET, withoutBullet } from '../text.js';
import { CIRCLED, DigestReader } from './digest-reader.js';
import type { Layout } from './layout.js';

/**
 * Monthly digest, PDF-text layout (July 2025): no numbering and no indentation; items are
 * separated by `-` lines, and a URL line may end with ` -`, the next item's bullet.
 */
export function parsePdfDigest(doc: DocumentMeta, text: string): ParsedDocument {
  return parseSeparatedDigest(doc, text, false);
}

/** An item's title line in a separated layout: `(date)title`, or `① (date)title` with `circled`. */
function isTitleLine(line: string, circled: boolean): boolean {
  if (circled) {
    const m = CIRCLED.exec(line);
    return m !== null && parseDatePrefix(m[2] ?? '').kind !== 'none';
  }
  return parseDatePrefix(line).kind !== 'none';
}

/**
 * The reader both separated layouts share. With `circled`, items open on a circled number
 * (`① (2025/2/7)title`, the older digests) and the numbers are checked for gaps. Items are
 * separated by `-` lines as the text prints them, or by any bullet glyph a PDF printer left
 * (`・`, `•`, `●`, `◦`, `‐`…) alone on its line or in front of an item's title.
 */
export function parseSeparatedDigest(doc: DocumentMeta, text: string, circled: boolean): ParsedDocument {
  const r = new DigestReader(doc);
  const lines = text.split(/\r?\n/);
  let nonEmpty = 0;
  for (const [i, raw] of lines.entries()) {
    const lineNo = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    nonEmpty += 1;
    if (isLoneBullet(trimmed)) {
      r.close();
      r.skip(lineNo, `item separator (${trimmed})`);
      continue;
    }
    if (r.heading(trimmed, lineNo)) continue;
    if (!r.seenSection) {
      r.preamble(trimmed, lineNo, nonEmpty);
      continue;
    }
    // A bullet in front of a title separates the items like a bullet line would.
    const unbulleted = withoutBullet(trimmed);
    const line = unbulleted !== undefined && isTitleLine(unbulleted, circled) ? unbulleted : trimmed;
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
      // ` -` (or another bullet) is the next item's bullet glued to this URL: the item ends here.
      if (TRAILING_BULLET.test(line)) r.close();
    } else r.current.body.push(line);
  }
  return r.result();
}

/** PDF-text digest: `(YYYY/MM/DD)title` lines without numbers, items separated by `-` lines. */
export const digestPdfText: Layout = {
  kind: 'digest',
  summary: 'PDF text: "(YYYY/MM/DD)title" items separated by "-" lines or bullets (・ • ● …)',
  parse: parsePdfDigest,
  detect: (lines) => {
    let titles = 0;
    let separators = 0;
    for (const l of lines) {
      const t = l.trim();
      const unbulleted = withoutBullet(t);
      if (isLoneBullet(t) || (/^https?:\S+$/.test(t.replace(TRAILING_BULLET, '')) && TRAILING_BULLET.test(t)))
        separators += 1;
      else if (unbulleted !== undefined && isTitleLine(unbulleted, false) && !CIRCLED.test(unbulleted)) {
        titles += 1;
        separators += 1;
      } else if (!CIRCLED.test(t) && isTitleLine(t, false)) titles += 1;
    }
    return separators > 0 ? titles : 0;
  },
};
