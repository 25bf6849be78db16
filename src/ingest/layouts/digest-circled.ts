import type { DocumentMeta, ParsedDocument } from '../item.js';
import { parseDatePrefix, withoutBullet } from '../text.js';
import { parseSeparatedDigest } from './digest-pdf-text.js';
import { CIRCLED } from './digest-reader.js';
import type { Layout } from './layout.js';

/**
 * Older monthly digests (early 2025): items numbered with circled digits `① (2025/2/7)title`,
 * unpadded dates, `-` separators, and section periods that span months (`1月25日~3月4日`).
 */
export function parseCircledDigest(doc: DocumentMeta, text: string): ParsedDocument {
  return parseSeparatedDigest(doc, text, true);
}

export const digestCircled: Layout = {
  kind: 'digest',
  summary: 'circled numbers "① (YYYY/M/D)title", items separated by "-" lines',
  parse: parseCircledDigest,
  detect: (lines) =>
    lines.filter((l) => {
      const m = CIRCLED.exec(withoutBullet(l) ?? l.trim());
      return m !== null && parseDatePrefix(m[2] ?? '').kind !== 'none';
    }).length,
};
