import { describe } from '../../errors.js';
import { buildItem, type ItemDraft } from '../build-item.js';
import type { Category, DocumentMeta, Item, ParsedDocument, Problem, Region, SkippedLine } from '../item.js';
import { regionTable } from '../regions.js';
import { nfkc, parseDatePrefix } from '../text.js';

/** One section of a monthly digest and what its heading implies about its items. */
export interface DigestSection {
  slug: string;
  pattern: RegExp;
  /** Citable label: `海外/アジア`. */
  label: string;
  category: Category;
  region?: Region;
  defaults: string[];
  fallback?: string[];
}

/** The digest sections that hold one region's items, as data/lexicon/regions.yml declares them. */
function regionSections(): DigestSection[] {
  return regionTable().flatMap((r) =>
    r.sections.map((s) => ({
      slug: s.slug,
      pattern: new RegExp(s.heading),
      label: s.label,
      category: 'overseas-policy' as const,
      region: r.code,
      defaults: s.defaults,
      ...(s.fallback ? { fallback: s.fallback } : {}),
    })),
  );
}

/** Slugs of the sections that sit under the overseas group heading. */
const OVERSEAS_SLUGS = new Set(regionTable().flatMap((r) => r.sections.map((s) => s.slug)));

/** The seven sections every monthly digest has, in the order they are printed. */
export const DIGEST_SECTIONS: DigestSection[] = [
  {
    slug: 'aisi',
    pattern: /^日本AISIの活動/,
    label: '日本AISIの活動',
    category: 'aisi-activity',
    region: 'japan',
    defaults: ['JP'],
  },
  {
    slug: 'domestic',
    pattern: /^国内AI政策動向/,
    label: '国内AI政策動向',
    category: 'domestic-policy',
    region: 'japan',
    defaults: ['JP'],
  },
  // The overseas country sections come from the region table (data/lexicon/regions.yml).
  ...regionSections(),
  {
    slug: 'domestic-reports',
    pattern: /^国内の主要なAI関連レポート/,
    label: '国内レポート',
    category: 'domestic-report',
    region: 'japan',
    defaults: ['JP'],
  },
  {
    slug: 'overseas-reports',
    pattern: /^海外の主要なAI関連レポート/,
    label: '海外レポート',
    category: 'overseas-report',
    defaults: [],
  },
];

/**
 * A heading the parser does not recognise still looks like one: `【中東】(2月1日~2月28日)`, or any
 * short line ending in the `(M月D日~M月D日)` period the digests put on every section.
 */
export function looksLikeHeading(line: string): boolean {
  const t = nfkc(line.trim());
  return /^【[^】]+】/.test(t) || (t.length <= 60 && /\(\d{1,2}月\d{1,2}日[~〜]\d{1,2}月\d{1,2}日\)/.test(t));
}

/** An item number printed as a circled digit (①–⑳, ㉑–㊿), then the rest of the title line. */
export const CIRCLED = /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])\s*(.*)$/;

/** Headings that group sections without holding items themselves. */
const GROUP_HEADINGS = [/^海外主要国のAI政策動向/];

export function classifyHeading(line: string): DigestSection | 'group' | undefined {
  const text = nfkc(line.trim());
  if (GROUP_HEADINGS.some((p) => p.test(text))) return 'group';
  return DIGEST_SECTIONS.find((s) => s.pattern.test(text));
}

export interface OpenItem {
  section: DigestSection;
  path: string[];
  ordinal: number;
  titleLine: string;
  titleLineNo: number;
  body: string[];
  urls: string[];
  lines: number[];
}

/** Shared state machine of both digest layouts: sections, items, skips and problems. */
export class DigestReader {
  readonly items: Item[] = [];
  readonly skipped: SkippedLine[] = [];
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  section: DigestSection | undefined;
  group: string | undefined;
  sectionHeading = '';
  ordinal = 0;
  current: OpenItem | undefined;
  seenSection = false;
  /** Unknown headings seen so far: each gets its own id slug (`other`, `other-2`…). */
  unknownSections = 0;

  constructor(readonly doc: DocumentMeta) {}

  problem(line: number, message: string) {
    this.problems.push({ file: this.doc.path, line, message });
  }

  skip(line: number, reason: string) {
    this.skipped.push({ line, reason });
  }

  /** Returns true when the line was a heading. */
  heading(line: string, lineNo: number): boolean {
    let kind = classifyHeading(line);
    let unknown = false;
    if (!kind && looksLikeHeading(line)) {
      // A section this parser does not know (a new region, say): a section of its own, region
      // `other`, named by its heading; a warning (not a refusal) so someone gives it a place in
      // data/lexicon/regions.yml.
      const label =
        nfkc(line.trim())
          .replace(/[(（].*$/, '')
          .trim() || 'その他';
      this.warnings.push({
        file: this.doc.path,
        line: lineNo,
        message: describe('UNKNOWN_HEADING', line.trim(), label),
      });
      this.unknownSections += 1;
      unknown = true;
      kind = {
        slug: this.unknownSections === 1 ? 'other' : `other-${this.unknownSections}`,
        pattern: /$^/,
        label,
        category: 'overseas-policy',
        region: 'other',
        defaults: [],
      };
    }
    if (!kind) return false;
    this.close();
    this.seenSection = true;
    if (kind === 'group') {
      this.group = line.trim();
      this.skip(lineNo, 'group heading (kept in the heading path of its sections)');
      return true;
    }
    // Only the overseas-country sections sit under the group heading: the known ones, and an
    // unknown one printed like them (【中東】).
    const countryLike = unknown && /^【/.test(nfkc(line.trim()));
    if (!OVERSEAS_SLUGS.has(kind.slug) && !countryLike) this.group = undefined;
    this.section = kind;
    this.sectionHeading = line.trim();
    this.ordinal = 0;
    this.skip(lineNo, 'section heading (kept in the heading path of its items)');
    return true;
  }

  open(titleLine: string, lineNo: number) {
    this.close();
    if (!this.section) {
      this.problem(lineNo, describe('ORPHAN_LINE', titleLine.trim()));
      this.skip(lineNo, 'item before any section heading (reported as a problem)');
      return;
    }
    this.ordinal += 1;
    this.current = {
      section: this.section,
      path: this.group ? [this.group, this.sectionHeading] : [this.sectionHeading],
      ordinal: this.ordinal,
      titleLine,
      titleLineNo: lineNo,
      body: [],
      urls: [],
      lines: [lineNo],
    };
  }

  close() {
    const open = this.current;
    if (!open) return;
    this.current = undefined;
    const prefix = parseDatePrefix(open.titleLine);
    let title = open.titleLine.trim();
    let date: { start: string; end: string } | undefined;
    if (prefix.kind === 'ok') {
      date = prefix.date;
      title = prefix.rest;
    } else if (prefix.kind === 'error') {
      this.problem(open.titleLineNo, prefix.message);
      title = prefix.rest;
    } else {
      this.problem(open.titleLineNo, `item has no (YYYY/MM/DD) date: "${title}"`);
    }
    if (!title) {
      this.problem(open.titleLineNo, describe('MISSING_TITLE'));
      for (const l of open.lines) this.skip(l, 'line of an item without a title (reported as a problem)');
      return;
    }
    const draft: ItemDraft = {
      doc: this.doc,
      idPath: `${open.section.slug}/${open.ordinal}`,
      kind: 'event',
      title,
      body: open.body,
      urls: open.urls,
      ...(date ? { date } : {}),
      category: open.section.category,
      ...(open.section.region ? { region: open.section.region } : {}),
      defaultCountries: open.section.defaults,
      ...(open.section.fallback ? { fallbackCountries: open.section.fallback } : {}),
      section: open.path,
      sectionLabel: open.section.label,
      ordinal: open.ordinal,
      lines: open.lines,
    };
    const built = buildItem(draft);
    this.problems.push(...built.problems);
    if (built.item) this.items.push(built.item);
    else for (const l of open.lines) this.skip(l, 'line of an invalid item (reported as a problem)');
  }

  preamble(line: string, lineNo: number, index: number) {
    const text = nfkc(line.trim());
    if (/^AI政策動向マンスリー情報$/.test(text)) this.skip(lineNo, 'document title');
    else if (index < 6) this.skip(lineNo, 'boilerplate intro');
    else {
      this.problem(lineNo, describe('ORPHAN_LINE', line.trim()));
      this.skip(lineNo, 'text before the first section (reported as a problem)');
    }
  }

  result(): ParsedDocument {
    this.close();
    return { items: this.items, skipped: this.skipped, problems: this.problems, warnings: this.warnings };
  }
}
