import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createError } from '../errors.js';
import { oneLine } from '../util/one-line.js';
import { HttpUrl } from '../util/url.js';
import { parseYamlCached } from '../util/yaml-cache.js';
import { IsoDate } from './item.js';
import { LayoutName } from './layouts/index.js';

export const SourceDocument = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase words joined by -'),
  path: z.string().min(1),
  /** Printed in listings and citations: kept to one line of printable text. */
  title: z.string().transform(oneLine).pipe(z.string().min(1)),
  kind: z.enum(['digest', 'report', 'briefing']),
  /** Which parser reads this document; declared, never guessed from the text. */
  layout: LayoutName,
  publisher: z.string().optional(),
  /** The page the document is published on (aisi.go.jp), so a citation can name it. */
  url: HttpUrl.optional(),
  coverage: z.object({ from: IsoDate, to: IsoDate }).optional(),
  published: IsoDate.optional(),
  /**
   * `pending`: the document's English (data/english/) is not complete yet. `policy-bot add` sets
   * it on a new month, and `english fill` / `english import` remove it once every item has English
   * written from its current title; meanwhile the English corpus test excuses the document, so a
   * month added without a translation provider keeps `npm test` green.
   */
  english: z.literal('pending').optional(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

export const SourceList = z.object({ documents: z.array(z.unknown()).min(1) });

export const SOURCES_FILE = 'sources.yml';

export interface SourceProblem {
  line?: number;
  message: string;
}

/** The line of the n-th `- ` entry under `documents:`, so a bad entry is named where it is. */
function entryLine(text: string, n: number): number | undefined {
  const lines = text.split(/\r?\n/);
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*-\s/.test(lines[i] ?? '')) {
      seen += 1;
      if (seen === n) return i + 1;
    }
  }
  return undefined;
}

/**
 * Reads data/sources.yml. An unreadable or unparsable file is fatal (nothing can be read without
 * it); a single bad entry (unknown kind, missing path…) is a problem naming its line, and the
 * other documents are still read.
 */
export function loadSourceList(dataDir: string): { documents: SourceDocument[]; problems: SourceProblem[] } {
  const file = join(dataDir, SOURCES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw createError('SOURCES_UNREADABLE', file, (err as Error).message);
  }
  let raw: unknown;
  try {
    // Dates stay strings: YAML 1.2 core schema has no timestamp type.
    raw = parseYamlCached(text);
  } catch (err) {
    throw createError('SOURCES_INVALID', file, (err as Error).message);
  }
  const parsed = SourceList.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw createError('SOURCES_INVALID', file, detail);
  }
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [];
  const ids = new Set<string>();
  parsed.data.documents.forEach((entry, n) => {
    const line = entryLine(text, n);
    const doc = SourceDocument.safeParse(entry);
    if (!doc.success) {
      const got = (path: PropertyKey[]) => {
        const v = path.reduce<unknown>(
          (o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined),
          entry,
        );
        return v === undefined ? '' : ` (got ${JSON.stringify(v)})`;
      };
      const detail = doc.error.issues
        .map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}${got(i.path)}`)
        .join('; ');
      // The entry by its place and, when it has one, its id: `document 3 (id digest-2026-01): url: …`.
      const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
      const name = typeof id === 'string' && id ? ` (id ${oneLine(id).slice(0, 80)})` : '';
      problems.push({ ...(line ? { line } : {}), message: `document ${n + 1}${name}: ${detail}` });
      return;
    }
    if (ids.has(doc.data.id)) {
      problems.push({ ...(line ? { line } : {}), message: `duplicate document id ${doc.data.id}` });
      return;
    }
    ids.add(doc.data.id);
    documents.push(doc.data);
  });
  return { documents, problems };
}
