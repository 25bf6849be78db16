import { findMentions } from '../geo/detect.js';
import { regionNames } from '../geo/gazetteer.js';
import type { Region } from '../ingest/item.js';

export interface PlaceMatch {
  countries: string[];
  regions: Region[];
  spans: [number, number][];
  /** What the asker typed, per code, for messages ("No items about Mexico"). */
  said: Record<string, string>;
  /** Agencies and actors named (NIST, Ofcom…): their country is a filter, their name still ranks. */
  agencies: { name: string; actor?: string }[];
}

/**
 * Countries and regions named in a question. "Europe"/欧州 asks about the EU and the whole
 * Europe section (the UK included); "Asia"/アジア about the Asia section.
 */
export function findPlaces(text: string): PlaceMatch {
  const countries: string[] = [];
  const regions: Region[] = [];
  const spans: [number, number][] = [];
  const said: Record<string, string> = {};
  const agencies: { name: string; actor?: string }[] = [];
  const mentions = findMentions(text, { mode: 'question' });
  for (const m of mentions) {
    if (!countries.includes(m.code)) countries.push(m.code);
    said[m.code] ??= m.text;
    spans.push([m.start, m.end]);
    if (m.agency) agencies.push({ name: m.searchAs ?? m.text, ...(m.actor ? { actor: m.actor } : {}) });
  }
  const lower = text.toLowerCase();
  for (const r of regionNames()) {
    for (const name of [...r.en, ...r.ja]) {
      const re = /[a-z]/.test(name)
        ? new RegExp(`(?<![a-z])${name}(?![a-z])`, 'g')
        : new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
      for (const m of lower.matchAll(re)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (spans.some(([a, b]) => start < b && end > a)) continue;
        spans.push([start, end]);
        if (!regions.includes(r.region)) regions.push(r.region);
        if (r.region === 'europe' && !countries.includes('EU')) {
          countries.push('EU');
          said.EU ??= text.slice(start, end);
        }
      }
    }
  }
  return { countries, regions, spans, said, agencies };
}
