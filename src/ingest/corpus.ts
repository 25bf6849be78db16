import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../errors.js';
import { formatProblem, type Item, type ParsedDocument, type Problem } from './item.js';
import { LAYOUT_NAMES, LAYOUTS } from './layouts/index.js';
import { loadSourceList, SOURCES_FILE, type SourceDocument } from './sources.js';

/** Bump when a parser or the item model changes what items come out of the same data. */
export const INGEST_VERSION = 3;

export interface DocumentResult extends ParsedDocument {
  doc: SourceDocument;
  /** For digests: the month its items are dated in, read from the items (headers carry no year). */
  coverage?: { from: string; to: string };
  lineCount: number;
}

export interface Corpus {
  documents: DocumentResult[];
  items: Item[];
  problems: Problem[];
  /** Read but worth a look (an unknown section heading kept as its own section): never a refusal. */
  warnings: Problem[];
}

/** Parses one document's text with the parser its layout declares. */
export function parseDocument(doc: SourceDocument, text: string): ParsedDocument {
  const layout = LAYOUTS[doc.layout];
  if (!layout) {
    return {
      items: [],
      skipped: [],
      problems: [{ file: doc.path, message: describe('UNKNOWN_LAYOUT', doc.layout, LAYOUT_NAMES) }],
    };
  }
  return layout.parse(doc, text);
}

/**
 * The month a digest covers: the month most of its events start in. The section headers only
 * say `1月1日~1月31日`, so the year has to come from the items' own dates.
 */
export function digestCoverage(items: Item[]): { from: string; to: string } | undefined {
  const counts = new Map<string, number>();
  for (const it of items)
    if (it.date) counts.set(it.date.start.slice(0, 7), (counts.get(it.date.start.slice(0, 7)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best) return undefined;
  const [y, m] = best[0].split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${best[0]}-01`, to: `${best[0]}-${String(last).padStart(2, '0')}` };
}

/**
 * Reads every document listed in data/sources.yml. A bad document never stops the others:
 * its problems are collected (file and line named) and the remaining items are kept.
 */
export function ingestCorpus(dataDir: string): Corpus {
  const list = loadSourceList(dataDir);
  const sources = list.documents;
  const documents: DocumentResult[] = [];
  const problems: Problem[] = list.problems.map((p) => ({ file: join(dataDir, SOURCES_FILE), ...p }));
  const warnings: Problem[] = [];
  for (const doc of sources) {
    let text: string;
    try {
      text = readFileSync(join(dataDir, doc.path), 'utf8');
    } catch (err) {
      problems.push({
        file: doc.path,
        message: describe('DOCUMENT_UNREADABLE', doc.path, (err as Error).message),
      });
      continue;
    }
    if (text.includes('\uFFFD')) {
      const line = text.split(/\r?\n/).findIndex((l) => l.includes('\uFFFD')) + 1;
      problems.push({
        file: doc.path,
        line,
        message: 'the file is not valid UTF-8 (replacement characters found)',
      });
    }
    const parsed = parseDocument(doc, text);
    const coverage = doc.kind === 'digest' ? (doc.coverage ?? digestCoverage(parsed.items)) : undefined;
    documents.push({
      ...parsed,
      doc,
      lineCount: text.split(/\r?\n/).length,
      ...(coverage ? { coverage } : {}),
    });
    problems.push(...parsed.problems);
    warnings.push(...(parsed.warnings ?? []));
  }
  const items = documents.flatMap((d) => d.items);
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.id))
      problems.push({ file: it.source.file, line: it.source.line, message: describe('DUPLICATE_ID', it.id) });
    seen.add(it.id);
  }
  return { documents, items, problems, warnings };
}

export { formatProblem };
