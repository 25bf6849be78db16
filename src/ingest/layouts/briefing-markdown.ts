import { buildItem } from '../build-item.js';
import type { DocumentMeta, Item, ParsedDocument, Problem, SkippedLine } from '../item.js';

/** Strips Markdown and the HTML the slide converter left, keeping the words. */
export function plainText(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<li[^>]*>/gi, '・')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/\\([$*_#|[\]()])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => plainText(c));
}

/**
 * Renders a Markdown/HTML table as readable lines, one per row:
 * `設立: 日本 AI Safety Institute 2024年2月 / 英国 AI Security Institute 2023年11月 / …`.
 */
export function tableToText(rows: string[]): string[] {
  const data = rows.filter((r) => !/^\|?\s*:?-{2,}/.test(r.trim()));
  const [header, ...body] = data.map(cells);
  if (!header) return [];
  const cols = header.slice(1);
  const out: string[] = [];
  if (!body.length) return [header.filter(Boolean).join(' / ')];
  for (const row of body) {
    const label = row[0] ?? '';
    const values = row.slice(1).map((v, i) => (cols[i] ? `${cols[i]} ${v}` : v).trim());
    out.push(`${label ? `${label}: ` : ''}${values.filter(Boolean).join(' / ')}`);
  }
  return out;
}

/**
 * Briefing deck (Markdown converted from slides): one item per `#` or `##` heading that has
 * text of its own; deeper headings, bullets and tables stay inside as readable text.
 */
export function parseBriefing(doc: DocumentMeta, text: string): ParsedDocument {
  const lines = text.split(/\r?\n/);
  const items: Item[] = [];
  const skipped: SkippedLine[] = [];
  const problems: Problem[] = [];
  let top: string | undefined;
  let headingOrdinal = 0;
  let open:
    | { title: string; path: string[]; ordinal: number; body: string[]; lines: number[]; table: string[] }
    | undefined;

  const flushTable = () => {
    if (open?.table.length) {
      open.body.push(...tableToText(open.table));
      open.table = [];
    }
  };
  const close = () => {
    flushTable();
    const o = open;
    open = undefined;
    if (!o) return;
    if (!o.body.length) {
      skipped.push({
        line: o.lines[0] as number,
        reason: 'heading without text of its own (kept in the heading path)',
      });
      return;
    }
    const built = buildItem({
      doc,
      idPath: String(o.ordinal),
      kind: 'section',
      title: o.title,
      body: o.body,
      urls: [],
      category: 'briefing-section',
      region: 'japan',
      defaultCountries: ['JP'],
      section: o.path,
      sectionLabel: o.path.join(' › '),
      ordinal: o.ordinal,
      lines: o.lines,
    });
    problems.push(...built.problems);
    if (built.item) items.push(built.item);
  };

  for (const [i, raw] of lines.entries()) {
    const lineNo = i + 1;
    const t = raw.trim();
    if (!t) continue;
    const h = /^(#{1,2})\s+(.*)$/.exec(t);
    if (h) {
      close();
      headingOrdinal += 1;
      const title = plainText(h[2] ?? '');
      if ((h[1] ?? '').length === 1) top = title;
      open = {
        title,
        path: (h[1] ?? '').length === 1 || !top ? [title] : [top, title],
        ordinal: headingOrdinal,
        body: [],
        lines: [lineNo],
        table: [],
      };
      continue;
    }
    if (!open) {
      problems.push({ file: doc.path, line: lineNo, message: `text before the first heading: "${t}"` });
      skipped.push({ line: lineNo, reason: 'text before the first heading (reported as a problem)' });
      continue;
    }
    open.lines.push(lineNo);
    if (t.startsWith('|')) {
      open.table.push(t);
      continue;
    }
    flushTable();
    const line = plainText(
      t
        .replace(/^#{3,}\s+/, '')
        .replace(/^-\s+(?=[●◆✓①-⑳■□])/, '')
        .replace(/^-\s+/, '・'),
    );
    if (line) open.body.push(line);
  }
  close();
  return { items, skipped, problems };
}
