import type { AskResultItem } from '../query/ask.js';
import type { Lang } from '../query/understand.js';
import { mdText, mdUrl } from './cite-formats.js';
import { itemHeading } from './english.js';
import { CATEGORY_LABEL, countryList, formatDate } from './labels.js';

/**
 * An answer taken out whole: every result (not a page) as CSV or Markdown. CSV is RFC 4180
 * (CRLF between records, fields quoted when they hold a comma, a quote or a line break, quotes
 * doubled) in UTF-8 with a byte-order mark, so spreadsheet programs read the Japanese correctly.
 * No cell can run as a formula: see {@link neutraliseFormula}.
 */
export type ExportFormat = 'csv' | 'md';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'md'];

/** What an export needs: the question, the asker's language and every result. */
export interface ExportInput {
  question: string;
  lang: Lang;
  items: AskResultItem[];
}

/** The CSV columns, in order (stable names: other tools read them). */
export const CSV_COLUMNS = [
  'rank',
  'id',
  'date_start',
  'date_end',
  'title',
  'english',
  'countries',
  'category',
  'snippet',
  'urls',
  'sources',
  // The item's English (data/english/), empty when none; english_by: person, deepl or llm.
  'title_en',
  'summary_en',
  'english_by',
] as const;

const BOM = '\uFEFF';

/**
 * What a spreadsheet reads as the start of a formula: `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP's list), and the full-width `＝＋－＠` a Japanese input setting may read the same way.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * A cell a spreadsheet shows as text, never runs: one starting like a formula gets a leading
 * apostrophe (OWASP's CSV injection advice), so a document titled `=HYPERLINK("http://…")` is
 * shown as written instead of becoming a live link or command in the reader's spreadsheet.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A cell as it was before {@link neutraliseFormula}: what `english import` reads back from an
 * exported CSV (the apostrophe is the export's, not the text's).
 */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One RFC 4180 field: quoted when it must be, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Where an event is reported: one line per source (document · section (date)). */
function sourceLines(it: AskResultItem, lang: Lang): string[] {
  const all = it.sources.length
    ? it.sources
    : [{ document: it.source.document, section: it.source.section, date: it.date }];
  return all.map((s) => `${s.document} · ${s.section} (${formatDate(s.date ?? undefined, lang)})`);
}

/** The rows of a CSV export as values, header first (what a CSV parser gives back), every cell neutralised. */
export function csvRows(input: ExportInput): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  input.items.forEach((it, n) => {
    rows.push(
      [
        String(n + 1),
        it.id,
        it.date?.start ?? '',
        it.date?.end ?? '',
        it.title,
        it.english ?? '',
        it.countries.join(' '),
        CATEGORY_LABEL[it.category]?.[input.lang] ?? it.category,
        it.snippet,
        it.urls.join('\n'),
        sourceLines(it, input.lang).join('\n'),
        it.title_en ?? '',
        it.summary_en ?? '',
        it.english_by ?? '',
      ].map(neutraliseFormula),
    );
  });
  return rows;
}

/** Every result as CSV text, BOM first, CRLF-terminated records. */
export function exportCsv(input: ExportInput): string {
  return `${BOM}${csvRows(input)
    .map((r) => r.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}

/** Every result as a Markdown list: title linked to its first URL, then date, places, sources. */
export function exportMarkdown(input: ExportInput): string {
  const ja = input.lang === 'ja';
  const out = [
    `# ${mdText(input.question)}`,
    '',
    ja ? `${input.items.length}件` : `${input.items.length} result${input.items.length === 1 ? '' : 's'}`,
    '',
  ];
  input.items.forEach((it, n) => {
    const url = it.urls[0];
    // English readers: the English title linked, the Japanese beneath, the summary (or a gloss).
    const head = itemHeading(it, input.lang);
    const title = url ? `[${mdText(head.headline)}](${mdUrl(url)})` : mdText(head.headline);
    const meta = [
      formatDate(it.date, input.lang),
      countryList(it.countries, input.lang),
      CATEGORY_LABEL[it.category]?.[input.lang] ?? it.category,
      ...head.notes,
    ]
      .filter(Boolean)
      .join(' · ');
    out.push(`${n + 1}. **${title}** — ${mdText(meta)}`);
    for (const line of [head.original, head.gloss]) if (line) out.push(`   ${mdText(line)}`);
    if (head.text) out.push(`   ${mdText(head.text)}`);
    for (const u of it.urls.slice(1)) out.push(`   - <${u.replace(/>/g, '%3E')}>`);
    for (const s of sourceLines(it, input.lang)) out.push(`   - ${ja ? '出典' : 'Source'}: ${mdText(s)}`);
  });
  return `${out.join('\n')}\n`;
}

/** The file for an export: its name (from the question and the day) and its text. */
export function exportFile(
  input: ExportInput,
  format: ExportFormat,
  today: string,
): { filename: string; title: string; text: string } {
  const slug =
    input.question
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'answer';
  const filename = `policy-bot-${today}-${slug}.${format}`;
  return {
    filename,
    title: input.question.slice(0, 200),
    text: format === 'csv' ? exportCsv(input) : exportMarkdown(input),
  };
}
