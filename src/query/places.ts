import { findMentions } from '../geo/detect.js';
import { allNames, type Name, regionNames } from '../geo/gazetteer.js';
import type { Region } from '../ingest/item.js';
import { editDistance } from './edit-distance.js';
import { glossaryIndex, questionWordSet } from './glossary.js';

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
  for (const m of misspeltPlaces(text, spans)) {
    if (!countries.includes(m.name.code)) countries.push(m.name.code);
    said[m.name.code] ??= m.name.text;
    spans.push([m.start, m.end]);
    if (m.name.agency)
      agencies.push({
        name: m.name.searchAs ?? m.name.text,
        ...(m.name.actor ? { actor: m.name.actor } : {}),
      });
  }
  for (const m of lowercaseUs(text)) {
    if (spans.some(([a, b]) => m.start < b && m.end > a)) continue;
    if (!countries.includes('US')) countries.push('US');
    said.US ??= text.slice(m.start, m.end);
    spans.push([m.start, m.end]);
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

/**
 * Analysts type the United States in lowercase: "us" is also the pronoun ("tell us"), so it is the
 * country only where the pronoun cannot be — opening the question (us news), after "the" (the us), before a hyphen
 * (us-japan), or before a word of government (us federal, us export controls, us states).
 */
const LOWERCASE_US =
  /^\s*us\b(?!\s*')|(?<=\bthe\s+)us\b(?!\s*')|\bus(?=-[a-z])|\bus(?=\s+(?:federal|state|states|government|gov|govt|congress|senate|president|administration|law|laws|bill|bills|legislation|export|exports|agency|agencies|department|companies|firms|tech)\b)/gi;
function lowercaseUs(text: string): { start: number; end: number }[] {
  return [...text.matchAll(LOWERCASE_US)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + 2 }));
}

let typoCandidates: Name[] | undefined;
/** Curated one-word names long enough that one typo cannot make another word of them. */
function candidates(): Name[] {
  typoCandidates ??= allNames().filter(
    (n) =>
      n.curated &&
      ((n.lang === 'en' && /^[a-z]{5,}$/i.test(n.text)) ||
        (n.lang === 'ja' && /^[\u30a1-\u30faー]{4,}$/.test(n.text))),
  );
  return typoCandidates;
}

/**
 * Place and actor names typed with one typo (singapor, califronia, eurpoean, シンガポル): a word
 * that is no glossary or question word and is one edit (or one swap) from exactly one curated
 * name counts as that name.
 */
export function misspeltPlaces(
  text: string,
  taken: [number, number][],
): { name: Name; start: number; end: number }[] {
  const out: { name: Name; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[A-Za-z]{5,}|[\u30a1-\u30faー]{4,}/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const word = m[0].toLowerCase();
    if (glossaryIndex().has(word) || questionWordSet().has(word)) continue;
    const close = candidates().filter((n) => {
      const name = n.text.toLowerCase();
      return name !== word && editDistance(word, name, 1) <= 1;
    });
    const codes = new Set(close.map((n) => n.code));
    if (close.length && codes.size === 1) out.push({ name: close[0] as Name, start, end });
  }
  return out;
}
