import { z } from 'zod';
import { describe } from '../../errors.js';
import { parseAnnualReport } from './annual-report.js';
import { parseBriefing } from './briefing-markdown.js';
import { digestCircled } from './digest-circled.js';
import { digestNumbered } from './digest-numbered.js';
import { digestPdfText } from './digest-pdf-text.js';
import type { Layout } from './layout.js';

/**
 * Every layout policy-bot reads, by the name `data/sources.yml` declares. A new layout is one
 * file in this folder plus one line here.
 */
export const LAYOUTS = {
  'digest-numbered': digestNumbered,
  'digest-pdf-text': digestPdfText,
  'digest-circled': digestCircled,
  'annual-report': {
    kind: 'report',
    summary: 'annual report: headings from its table of contents',
    parse: parseAnnualReport,
  },
  'briefing-markdown': {
    kind: 'briefing',
    summary: 'briefing deck: Markdown headings, bullets and HTML tables',
    parse: parseBriefing,
  },
} as const satisfies Record<string, Layout>;

export type LayoutName = keyof typeof LAYOUTS;
export const LAYOUT_NAMES = Object.keys(LAYOUTS) as [LayoutName, ...LayoutName[]];
/** `layout` in data/sources.yml: one of the registry's keys, with the known ones listed when it is not. */
export const LayoutName = z.enum(LAYOUT_NAMES, {
  error: (issue) => describe('UNKNOWN_LAYOUT', String(issue.input), LAYOUT_NAMES),
});

export interface Detection {
  layout: LayoutName;
  /** Lines that looked like this layout's items. */
  evidence: number;
}

/**
 * Which layout a text is in, from the layouts that have a detector: the one whose items match
 * the most lines. Undefined when none matches (the caller names the file and says so).
 */
export function detectLayout(text: string): Detection | undefined {
  const lines = text.split(/\r?\n/);
  let best: Detection | undefined;
  for (const name of LAYOUT_NAMES) {
    const detect = (LAYOUTS[name] as Layout).detect;
    const evidence = detect ? detect(lines) : 0;
    if (evidence > 0 && (!best || evidence > best.evidence)) best = { layout: name, evidence };
  }
  return best;
}

export type { Layout, Parser } from './layout.js';
