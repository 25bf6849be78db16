import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../util/paths.js';
import { parseYamlCached } from '../util/yaml-cache.js';
import { CountryCode, REGIONS, type Region } from './item.js';

const RegionSection = z.object({
  /** Id segment of the section's items (`digest-2026-01/asia/2`). */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Regular expression the section's heading line matches (after NFKC). */
  heading: z.string().refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
  label: z.string().min(1),
  /** Jurisdictions every item of the section is about before its text is read. */
  defaults: z.array(CountryCode),
  /** Used when neither the defaults nor the text name anyone. */
  fallback: z.array(CountryCode).optional(),
});

const RegionRow = z.object({
  code: z.enum(REGIONS),
  order: z.number().int().positive(),
  label: z.object({ en: z.string().min(1), ja: z.string().min(1) }),
  members: z.array(CountryCode),
  names: z.object({ en: z.array(z.string().min(1)), ja: z.array(z.string().min(1)) }),
  sections: z.array(RegionSection),
});
export type RegionRow = z.infer<typeof RegionRow>;

/** Regions the table must declare; `other` (unknown digest sections) is built in when it does not. */
const DECLARED = REGIONS.filter((r) => r !== 'other');

const RegionTable = z
  .object({ regions: z.array(RegionRow) })
  .refine(
    (t) => {
      const codes = t.regions.map((r) => r.code);
      return new Set(codes).size === codes.length && DECLARED.every((c) => codes.includes(c));
    },
    { message: `every region exactly once: ${DECLARED.join(', ')} (and optionally other)` },
  )
  .refine(
    (t) => {
      const all = t.regions.flatMap((r) => r.members);
      return new Set(all).size === all.length;
    },
    { message: 'a country belongs to one region only' },
  );

/** Where the table lives: data/lexicon/regions.yml (hashed into the index manifest with the rest of data/). */
export const REGIONS_FILE = join('lexicon', 'regions.yml');

/**
 * Reads and checks the region table. A broken table is fatal with the file and the path of the
 * bad field: every answer depends on it.
 */
export function loadRegionTable(dataDir = join(projectRoot(), 'data')): RegionRow[] {
  const file = join(dataDir, REGIONS_FILE);
  const parsed = RegionTable.safeParse(parseYamlCached(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`policy-bot: ${file}: ${detail}`);
  }
  const rows = [...parsed.data.regions].sort((a, b) => a.order - b.order);
  if (!rows.some((r) => r.code === 'other')) rows.push(otherRegion(rows));
  return rows;
}

/**
 * The region of digest sections no heading pattern claims, listed after every declared region:
 * their items are kept (and findable by country and words) until the table gives them a place.
 */
function otherRegion(rows: RegionRow[]): RegionRow {
  return {
    code: 'other',
    order: Math.max(0, ...rows.map((r) => r.order)) + 1,
    label: { en: 'Other', ja: 'その他' },
    members: [],
    names: { en: [], ja: [] },
    sections: [],
  };
}

let table: RegionRow[] | undefined;
/** The project's region table, read once. */
export function regionTable(): RegionRow[] {
  table ??= loadRegionTable();
  return table;
}

/** The region a country's items are filed under; `international` for the rest of the world. */
export function regionOfCountry(code: string): Region {
  return regionTable().find((r) => r.members.includes(code))?.code ?? 'international';
}
