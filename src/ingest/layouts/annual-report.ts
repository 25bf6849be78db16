import { describe } from '../../errors.js';
import { buildItem } from '../build-item.js';
import type { DocumentMeta, Item, ParsedDocument, Problem, SkippedLine } from '../item.js';
import { cleanUrl, nfkc } from '../text.js';

interface TocEntry {
  number: string;
  text: string;
  level: 1 | 2 | 3;
  line: number;
}

interface Heading {
  level: 1 | 2 | 3 | 4;
  /** Id segment: `1`, `1.2`, `1` (for `1)`), `5` (for ⑤), `ii` (for II.). */
  key: string;
  /** As printed: `1.2 主要なイベントとアクション`. */
  printed: string;
  title: string;
  lines: number[];
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const LEVEL4 = new RegExp(`^(?:-\\s*)?([${CIRCLED}])\\s*(\\S.*)$`);
const ROMAN = /^(I|II|III|IV|V|VI)\.\s+(\S.*)$/;
const TOC_LINE = /^(\d+(?:\.\d+)?\)?)\s+(.*?)(?:\s*\.{2,})?\s*(?:\t\s*\d+|\.{2,}\s*\d*)\s*$/;

const squash = (s: string) => nfkc(s).replace(/\s+/g, '').replace(/\.+$/, '');

function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let overlap = 0;
  for (const [g, n] of ga) overlap += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? (a === b ? 1 : 0) : (2 * overlap) / total;
}

function tocLevel(number: string): 1 | 2 | 3 {
  if (number.endsWith(')')) return 3;
  return number.includes('.') ? 2 : 1;
}

/** A markdown link whose target is `#`: the PDF converter's rendering of a hyperlink. */
const MD_LINK = /^\[([^\]]+)\]\(#\)$/;

/**
 * Annual report (PDF text). The table of contents declares the numbered headings (`1`, `1.2`,
 * `1)`); they are found in the body in that order, tolerating the converter's spacing and typos
 * (目次 `AISI の体制` vs body `AISII の体制`). Circled numbers (`⑤`) and roman numerals (`II.`)
 * open fourth-level sections. Each heading with text of its own becomes one item.
 */
export function parseAnnualReport(doc: DocumentMeta, text: string): ParsedDocument {
  const lines = text.split(/\r?\n/);
  const skipped: SkippedLine[] = [];
  const problems: Problem[] = [];
  const items: Item[] = [];
  const problem = (line: number, message: string) => problems.push({ file: doc.path, line, message });

  // 1. Title block and table of contents.
  const tocStart = lines.findIndex((l) => nfkc(l.trim()) === '目次');
  const toc: TocEntry[] = [];
  let bodyStart = 0;
  if (tocStart < 0) {
    problem(1, 'no table of contents (目次) found: cannot tell headings from text');
  } else {
    for (let i = 0; i < tocStart; i++)
      if (lines[i]?.trim()) skipped.push({ line: i + 1, reason: 'document title block' });
    skipped.push({ line: tocStart + 1, reason: 'table of contents' });
    let i = tocStart + 1;
    for (; i < lines.length; i++) {
      const raw = lines[i] ?? '';
      if (!raw.trim()) {
        // The table ends at the first blank line after its entries.
        if (toc.length) break;
        continue;
      }
      const m = TOC_LINE.exec(raw.trim());
      if (!m) break;
      const number = m[1] ?? '';
      toc.push({ number, text: (m[2] ?? '').trim(), level: tocLevel(number), line: i + 1 });
      skipped.push({ line: i + 1, reason: 'table of contents' });
    }
    bodyStart = i;
  }

  // 2. Paragraphs of the body: runs of non-empty lines.
  interface Para {
    lines: { no: number; text: string }[];
  }
  const paras: Para[] = [];
  let cur: Para | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (!t) {
      cur = undefined;
      continue;
    }
    if (!cur) {
      cur = { lines: [] };
      paras.push(cur);
    }
    cur.lines.push({ no: i + 1, text: t });
  }

  // 3. Walk paragraphs, opening sections at headings.
  let nextToc = 0;
  const path: (Heading | undefined)[] = [undefined, undefined, undefined, undefined];
  let open:
    | {
        heading: Heading;
        path: Heading[];
        body: string[];
        urls: string[];
        lines: number[];
        lastWasUrl: boolean;
      }
    | undefined;
  const ordinals = new Map<string, number>();

  const close = () => {
    if (!open) return;
    const o = open;
    open = undefined;
    if (!o.body.length && !o.urls.length) {
      for (const l of o.heading.lines)
        skipped.push({
          line: l,
          reason: 'heading without text of its own (kept in the heading path of its subsections)',
        });
      return;
    }
    const parentKey = o.path
      .slice(0, -1)
      .map((h) => h.key)
      .join('/');
    const ordinal = (ordinals.get(parentKey) ?? 0) + 1;
    ordinals.set(parentKey, ordinal);
    const built = buildItem({
      doc,
      // 1.2 already says it is in chapter 1: ids read 1.2/1/5, not 1/1.2/1/5.
      idPath: o.path
        .filter((h, i, all) => !(h.level === 1 && all[i + 1]?.level === 2))
        .map((h) => h.key)
        .join('/'),
      kind: 'section',
      title: o.heading.title,
      body: o.body,
      urls: o.urls,
      category: 'report-section',
      region: 'japan',
      defaultCountries: ['JP'],
      section: o.path.map((h) => h.printed),
      // Cited from the 1.x level down, as people cite it (1.2 … › 1) … › ⑤ …); chapter 1 is implied.
      sectionLabel: o.path
        .filter((h, i, all) => !(h.level === 1 && all[i + 1]?.level === 2))
        .map((h) => h.printed)
        .join(' › '),
      ordinal,
      lines: [...o.heading.lines, ...o.lines],
    });
    problems.push(...built.problems);
    if (built.item) items.push(built.item);
  };

  const start = (heading: Heading) => {
    close();
    path[heading.level - 1] = heading;
    for (let l = heading.level; l < 4; l++) path[l] = undefined;
    open = {
      heading,
      path: path.filter((h): h is Heading => h !== undefined),
      body: [],
      urls: [],
      lines: [],
      lastWasUrl: false,
    };
  };

  const matchToc = (first: string): TocEntry | undefined => {
    const entry = toc[nextToc];
    if (!entry) return undefined;
    const t = nfkc(first);
    if (!t.startsWith(`${entry.number} `) && !t.startsWith(entry.number)) return undefined;
    const rest = t.slice(entry.number.length).trim();
    if (!rest) return undefined;
    const a = squash(rest);
    const b = squash(entry.text);
    return a === b || bigramDice(a, b) >= 0.6 ? entry : undefined;
  };

  for (let p = 0; p < paras.length; p++) {
    const para = paras[p] as Para;
    const first = para.lines[0] as { no: number; text: string };
    const entry = matchToc(first.text);
    if (entry) {
      nextToc += 1;
      const printed = nfkc(first.text).replace(/\s+/g, ' ');
      const key = entry.level === 3 ? entry.number.replace(')', '') : entry.number;
      start({
        level: entry.level,
        key,
        printed,
        title: printed.slice(entry.number.length).trim(),
        lines: [first.no],
      });
      addContent(para.lines.slice(1));
      continue;
    }
    const circled = LEVEL4.exec(first.text);
    const roman = circled ? undefined : ROMAN.exec(first.text);
    if ((circled || roman) && path[2] && first.text.length <= 120) {
      const marker = circled ? (circled[1] as string) : (roman?.[1] as string);
      const key = circled ? String(CIRCLED.indexOf(marker) + 1) : marker.toLowerCase();
      let title = ((circled ? circled[2] : roman?.[2]) ?? '').trim();
      const headLines = [first.no];
      let rest = para.lines.slice(1);
      // A heading wrapped onto a parenthesised second line: "…チャレンジ" / "(活動の全体像の可視化)".
      while (rest[0] && /^[(（]/.test(rest[0].text) && rest[0].text.length < 60) {
        title = `${title} ${rest[0].text}`;
        headLines.push(rest[0].no);
        rest = rest.slice(1);
      }
      start({ level: 4, key, printed: `${marker}${roman ? '.' : ''} ${title}`, title, lines: headLines });
      addContent(rest);
      continue;
    }
    if (!open) {
      problem(first.no, describe('ORPHAN_LINE', first.text));
      for (const l of para.lines)
        skipped.push({ line: l.no, reason: 'text before the first heading (reported as a problem)' });
      continue;
    }
    addContent(para.lines, true);
  }
  close();
  for (const entry of toc.slice(nextToc)) {
    problem(entry.line, describe('TOC_HEADING_NOT_FOUND', `${entry.number} ${entry.text}`));
  }
  return { items, skipped, problems };

  function addContent(plines: { no: number; text: string }[], newParagraph = false) {
    const o = open;
    if (!o) return;
    let startsParagraph = newParagraph;
    for (const { no, text: t } of plines) {
      o.lines.push(no);
      const link = MD_LINK.exec(t);
      if (/^<?https?:\/\//.test(t)) {
        o.urls.push(cleanUrl(t).url);
        o.lastWasUrl = true;
      } else if (link && /^https?:\/\//.test(link[1] ?? '')) {
        o.urls.push(cleanUrl(link[1] ?? '').url);
        o.lastWasUrl = true;
      } else if (link && o.lastWasUrl && o.urls.length) {
        // The second half of a URL the converter broke across lines.
        o.urls[o.urls.length - 1] = cleanUrl(`${o.urls[o.urls.length - 1]}${link[1]}`).url;
        o.lastWasUrl = true;
      } else {
        const textLine = t.replace(/^-\s+(?=[・①-⑳])/, '');
        const prev = o.body[o.body.length - 1];
        // A sentence the PDF broke across a page: join it back to the previous paragraph.
        if (
          startsParagraph &&
          prev &&
          prev.length >= 30 &&
          !/[。．.!?！？)）」』:：]$/.test(prev) &&
          !/^[・■(（]/.test(textLine)
        ) {
          o.body[o.body.length - 1] = prev + textLine;
        } else o.body.push(textLine);
        o.lastWasUrl = false;
      }
      startsParagraph = false;
    }
  }
}
