import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { createError } from '../errors.js';
import { IsoDate } from './item.js';

export const LAYOUTS = ['digest-numbered', 'digest-pdf-text', 'annual-report', 'briefing-markdown'] as const;

export const SourceDocument = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase words joined by -'),
  path: z.string().min(1),
  title: z.string().min(1),
  kind: z.enum(['digest', 'report', 'briefing']),
  /** Which parser reads this document; declared, never guessed from the text. */
  layout: z.string().min(1),
  publisher: z.string().optional(),
  coverage: z.object({ from: IsoDate, to: IsoDate }).optional(),
  published: IsoDate.optional(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

export const SourceList = z.object({ documents: z.array(SourceDocument).min(1) }).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const d of list.documents) {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', message: `duplicate document id ${d.id}` });
    seen.add(d.id);
  }
});

export const SOURCES_FILE = 'sources.yml';

/** Reads and validates data/sources.yml; any defect is fatal because nothing can be parsed without it. */
export function loadSources(dataDir: string): SourceDocument[] {
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
    raw = parseYaml(text);
  } catch (err) {
    throw createError('SOURCES_INVALID', file, (err as Error).message);
  }
  const parsed = SourceList.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw createError('SOURCES_INVALID', file, detail);
  }
  return parsed.data.documents;
}
