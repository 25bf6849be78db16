import { describe } from '../../errors.js';
import type { DocumentMeta, ParsedDocument } from '../item.js';
import { isLoneBullet, isUrlLine, nfkc, withoutBullet } from '../text.js';
import { DigestReader } from './digest-reader.js';
import type { Layout } from './layout.js';

/** `・ 1. (2026/01/09)title` → `  1. (2026/01/09)title`: a bullet a PDF printer put before an item's number. */
function unbulletItem(raw: string): string {
  const rest = withoutBullet(raw);
  return rest !== undefined && ITEM.test(nfkc(rest)) ? `  ${rest}` : raw;
}

/**
 * Monthly digest, numbered layout (January 2026, December 2025): unindented headings,
 * `  N. (date)title`, then indented body and URL lines. A bullet glyph alone on a line (`・`,
 * `•`, `●`…) separates items; one in front of an item's number is dropped.
 */
export function parseNumberedDigest(doc: DocumentMeta, text: string): ParsedDocument {
  const r = new DigestReader(doc);
  const lines = text.split(/\r?\n/);
  let nonEmpty = 0;
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    if (!line.trim()) continue;
    nonEmpty += 1;
    if (isLoneBullet(line)) {
      r.close();
      r.skip(lineNo, `item separator (${line.trim()})`);
      continue;
    }
    const raw = unbulletItem(line);
    const indented = /^\s/.test(raw);
    if (!indented) {
      if (r.heading(raw, lineNo)) continue;
      if (!r.seenSection) {
        r.preamble(raw, lineNo, nonEmpty);
        continue;
      }
      if (nfkc(raw.trim()) === 'なし') {
        r.close();
        r.skip(lineNo, 'empty-section marker (なし: no items this month)');
        continue;
      }
      // An item or its text printed without the usual indentation is still read as such.
      if (!/^\d+\.\s*[(（]/.test(nfkc(raw.trim())) && !r.current) {
        r.problem(lineNo, describe('ORPHAN_LINE', raw.trim()));
        r.skip(lineNo, 'text outside any item (reported as a problem)');
        continue;
      }
    }
    // Items sit at two spaces, their text at four; "1.2版を公開" in a body is not item 1.
    const numbered = /^ {0,3}(\d+)\.\s*(.*)$/.exec(nfkc(raw));
    if (numbered) {
      const n = Number(numbered[1]);
      r.open(numbered[2] ?? '', lineNo);
      if (r.current && n !== r.current.ordinal)
        r.problem(lineNo, describe('NUMBERING_GAP', r.current.ordinal, n));
      continue;
    }
    if (!r.current) {
      r.problem(lineNo, describe('ORPHAN_LINE', raw.trim()));
      r.skip(lineNo, 'indented text outside any item (reported as a problem)');
      continue;
    }
    r.current.lines.push(lineNo);
    if (isUrlLine(raw)) r.current.urls.push(raw.trim());
    else r.current.body.push(raw.trim());
  }
  return r.result();
}

const ITEM = /^ {0,3}\d+\.\s*[(（]\s*\d{4}/;

/** Numbered digest: items `  N. (YYYY/MM/DD)title`, text indented below. */
export const digestNumbered: Layout = {
  kind: 'digest',
  summary: 'numbered items "  N. (YYYY/MM/DD)title" with indented text',
  parse: parseNumberedDigest,
  detect: (lines) => lines.filter((l) => ITEM.test(nfkc(unbulletItem(l)))).length,
};
