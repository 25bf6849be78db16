import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../ingest/item.js';
import { restoreFormula } from '../present/export.js';
import { sameTitle } from './attach.js';
import { type EnglishBy, EnglishEntry } from './entry.js';
import { addEntry, type EntriesByDocument } from './files.js';

/** One row of an import file, as written (nothing checked yet). */
export interface ImportRow {
  line: number;
  id: string;
  title?: string;
  summary?: string;
  by?: string;
  date?: string;
  ja?: string;
}

/** What an import needs to know of an item. */
export interface ImportItem {
  id: string;
  title: string;
  source: { document: string; documentTitle: string };
}

/** A checked import: the entries per document, or every problem (then nothing is written). */
export interface ImportPlan {
  /** document id → its title and the entries to set. */
  documents: EntriesByDocument;
  problems: Problem[];
  /** Rows with neither a title nor a summary (a template row nobody filled). */
  skipped: number;
  /** Entries written from a Japanese title the item no longer has: imported, listed for review. */
  olderTitles: string[];
}

/** What a row may say of an item besides its id. */
const FIELDS = ['title', 'summary', 'by', 'date', 'ja'] as const;

const text = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : String(v).trim() || undefined;

/** A CSV cell's text, without the apostrophe an export put before a formula-like start. */
const cellText = (v: unknown): string | undefined => {
  const t = text(v);
  return t === undefined ? undefined : restoreFormula(t);
};

/**
 * The rows of a CSV file (RFC 4180, UTF-8, a BOM allowed): a header naming `id`, `title`,
 * `summary` and optionally `by`, `date`, `ja`. A CSV with `title_en` and `summary_en` columns (an
 * `ask --format csv` export) is read from those, its `title` being the Japanese.
 */
export function readCsvRows(file: string, input: string): { rows: ImportRow[]; problems: Problem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(input, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as never;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { rows: [], problems: [{ file, ...(e.lines ? { line: e.lines } : {}), message: e.message }] };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], problems: [{ file, message: 'the file is empty' }] };
  const columns = head.record.map((c) => c.trim().toLowerCase());
  const english = columns.includes('title_en');
  const at = (name: string) => columns.indexOf(name);
  const col = {
    id: at('id'),
    title: at(english ? 'title_en' : 'title'),
    summary: at(english ? 'summary_en' : 'summary'),
    by: at(english ? 'english_by' : 'by'),
    date: at('date'),
    ja: at(english ? 'title' : 'ja'),
  };
  const lacking = (['id', 'title', 'summary'] as const).filter((k) => col[k] < 0);
  if (lacking.length)
    return {
      rows: [],
      problems: [
        {
          file,
          line: head.info.lines,
          message: `the header needs the columns id, title and summary (or title_en and summary_en); missing: ${lacking.join(', ')}`,
        },
      ],
    };
  const rows = body.map(({ record, info }) => {
    const get = (i: number) => (i >= 0 ? cellText(record[i]) : undefined);
    const row: ImportRow = { line: info.lines, id: get(col.id) ?? '' };
    for (const k of FIELDS) {
      const v = get(col[k]);
      if (v !== undefined) row[k] = v;
    }
    return row;
  });
  return { rows, problems: [] };
}

/**
 * The rows of a YAML file: the data file's own shape (`document`, `items: {id: {title, summary,
 * by, date, ja}}`), or just the mapping of item ids to entries.
 */
export function readYamlRows(file: string, input: string): { rows: ImportRow[]; problems: Problem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(input, { lineCounter: counter });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return {
      rows: [],
      problems: [
        { file, ...(e?.linePos ? { line: e.linePos[0].line } : {}), message: e?.message ?? 'bad YAML' },
      ],
    };
  }
  const root = doc.contents;
  const items = isMap(root) && root.has('items') ? root.get('items') : root;
  if (!isMap(items))
    return {
      rows: [],
      problems: [{ file, message: 'expected a mapping of item ids to {title, summary} (or items: of one)' }],
    };
  const rows: ImportRow[] = [];
  const problems: Problem[] = [];
  for (const pair of items.items) {
    const key = isScalar(pair.key) ? pair.key : undefined;
    const line = key?.range ? counter.linePos(key.range[0]).line : 0;
    const id = text(key?.value) ?? '';
    const value = pair.value;
    if (!isMap(value)) {
      problems.push({ file, line, message: `${id}: expected title and summary under it` });
      continue;
    }
    const row: ImportRow = { line, id };
    for (const k of FIELDS) {
      const v = text(value.get(k));
      if (v !== undefined) row[k] = v;
    }
    const unknown = value.items
      .map((p) => String(isScalar(p.key) ? p.key.value : p.key))
      .filter((k) => !(FIELDS as readonly string[]).includes(k));
    if (unknown.length) problems.push({ file, line, message: `${id}: unknown field ${unknown.join(', ')}` });
    rows.push(row);
  }
  return { rows, problems };
}

/**
 * Checks rows against the corpus and the entry schema: every id an item of the corpus, once;
 * title and summary both given (a row with neither is skipped); `by` one of person, deepl, llm
 * (default `by`, i.e. person); `date` a date (default today); `ja` the item's current title unless
 * the row says which title it was written from. All or nothing: any problem, and the plan says so.
 */
export function planImport(
  file: string,
  rows: readonly ImportRow[],
  items: ReadonlyMap<string, ImportItem>,
  o: { today: string; by?: EnglishBy },
): ImportPlan {
  const plan: ImportPlan = { documents: new Map(), problems: [], skipped: 0, olderTitles: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    const problem = (message: string) => plan.problems.push({ file, line: row.line, message });
    if (!row.title && !row.summary) {
      plan.skipped += 1;
      continue;
    }
    if (!row.id) {
      problem('no item id');
      continue;
    }
    const item = items.get(row.id);
    if (!item) {
      problem(`unknown item id "${row.id}" (no item of data/sources.yml's documents has it)`);
      continue;
    }
    const earlier = seen.get(row.id);
    if (earlier !== undefined) {
      problem(`${row.id} is already on line ${earlier}`);
      continue;
    }
    seen.set(row.id, row.line);
    const checked = EnglishEntry.safeParse({
      ja: row.ja ?? item.title,
      title: row.title ?? '',
      summary: row.summary ?? '',
      by: row.by ?? o.by ?? 'person',
      date: row.date ?? o.today,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      problem(`${row.id}: ${issue?.path.join('.')}: ${issue?.message}`);
      continue;
    }
    if (!sameTitle(checked.data.ja, item.title)) plan.olderTitles.push(row.id);
    addEntry(plan.documents, item, checked.data);
  }
  return plan;
}
