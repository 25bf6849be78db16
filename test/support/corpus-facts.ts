import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readManifest } from '../../src/search/index-store.js';

/**
 * What today's corpus is, read from data/sources.yml and the committed index manifest rather
 * than written into tests, so adding next month's digest keeps every test green.
 */
const ROOT = join(import.meta.dirname, '..', '..');

/** Document ids in the order data/sources.yml lists them. */
export function listedDocumentIds(dataDir = join(ROOT, 'data')): string[] {
  const raw = parseYaml(readFileSync(join(dataDir, 'sources.yml'), 'utf8')) as {
    documents: { id: string }[];
  };
  return raw.documents.map((d) => d.id);
}

/** The months the digests cover (`2025-07`), oldest first, from the index manifest. */
export function digestMonths(indexDir = join(ROOT, 'index')): string[] {
  const manifest = readManifest(indexDir);
  if (!manifest) throw new Error(`no index manifest in ${indexDir}`);
  return manifest.documents
    .filter((d) => d.kind === 'digest' && d.coverage)
    .map((d) => (d.coverage?.from ?? '').slice(0, 7))
    .sort();
}

/** "July 2025, December 2025 and January 2026" / "2025年7月・2025年12月・2026年1月". */
export function monthList(lang: 'en' | 'ja', months = digestMonths()): string {
  const names = months.map((m) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return lang === 'ja'
      ? `${y}年${mo}月`
      : new Date(Date.UTC(y, mo - 1, 1)).toLocaleString('en-US', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        });
  });
  if (lang === 'ja') return names.join('・');
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** A month no digest covers and no item can be dated in: a year after the newest digest. */
export function uncoveredMonth(months = digestMonths()): { en: string; iso: string } {
  const [y, m] = (months.at(-1) ?? '2026-01').split('-').map(Number) as [number, number];
  const iso = `${y + 1}-${String(m).padStart(2, '0')}`;
  return { iso, en: monthList('en', [iso]) };
}
