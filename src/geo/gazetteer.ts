import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { actorsLexicon, placesLexicon } from '../analyze/lexicon.js';
import type { Region } from '../ingest/item.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ja.json'));

/** Single-kanji abbreviations used in lists and compounds (`英・米`, `(豪、加、独、蘭、英、NZ)`, `米AISI`). */
export const kanjiAbbreviations = (): Record<string, string> => placesLexicon().kanji_abbreviations;

/** Region names that widen a question to a whole section of the digest. */
export const regionNames = (): { region: Region; en: string[]; ja: string[] }[] => placesLexicon().regions;

/** Regions of the countries the corpus mentions, for items from overseas-report sections. */
const EUROPE = new Set([
  'EU',
  'GB',
  'DE',
  'FR',
  'IT',
  'NL',
  'ES',
  'SE',
  'FI',
  'DK',
  'IE',
  'BE',
  'AT',
  'PL',
  'CH',
  'NO',
  'LU',
  'MT',
  'PT',
  'CZ',
  'GR',
]);
const ASIA = new Set(['CN', 'KR', 'IN', 'SG', 'ASEAN', 'TW', 'MY', 'ID', 'TH', 'VN', 'PH', 'HK', 'KP']);

/** The digest region a country belongs to; `international` for the rest of the world. */
export function regionOf(code: string): Region {
  if (code === 'JP') return 'japan';
  if (code === 'US') return 'us';
  if (EUROPE.has(code)) return 'europe';
  if (ASIA.has(code)) return 'asia';
  return 'international';
}

export interface Name {
  code: string;
  text: string;
  lang: 'en' | 'ja';
  /** Exact-case match required. */
  cased: boolean;
  /** Names from the curated list beat generic ones of the same length. */
  curated: boolean;
  /** An agency or a US state: its jurisdiction is a filter, and its name still ranks items. */
  agency?: boolean;
  /** How the corpus spells it, when the question may not (California → カリフォルニア州). */
  searchAs?: string;
  /** The actor (actors.yml id) this name belongs to. */
  actor?: string;
}

function buildNames(): Name[] {
  const names: Name[] = [];
  const seen = new Set<string>();
  const add = (
    code: string,
    text: string,
    lang: 'en' | 'ja',
    cased: boolean,
    curated: boolean,
    agency = false,
    searchAs?: string,
    actor?: string,
  ) => {
    const key = `${lang}:${cased ? text : text.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    names.push({
      code,
      text,
      lang,
      cased,
      curated,
      ...(agency ? { agency } : {}),
      ...(searchAs ? { searchAs } : {}),
      ...(actor ? { actor } : {}),
    });
  };
  const places = placesLexicon();
  for (const c of places.countries) {
    for (const n of c.en_cased) add(c.code, n, 'en', true, true);
    for (const n of c.en) add(c.code, n, 'en', false, true);
    for (const n of c.ja) add(c.code, n, /[A-Za-z]/.test(n) ? 'en' : 'ja', /[A-Za-z]/.test(n), true);
  }
  // Actors: all-capital codes (METI, CAC) only as written; longer names in any case.
  for (const a of actorsLexicon()) {
    for (const n of [...a.en, ...a.ja]) {
      const latin = /[A-Za-z]/.test(n);
      const cased = latin && (/^[A-Z0-9-]+$/.test(n) || /^[A-Z][a-z]*[A-Z]/.test(n)) && !/\s/.test(n);
      add(a.country, n, latin ? 'en' : 'ja', cased, true, true, undefined, a.id);
    }
  }
  for (const { en: state, ja } of places.us_states) {
    add('US', state, 'en', false, true, true, ja[0]);
    for (const n of ja) add('US', n, 'ja', false, true, true);
  }
  const en = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const ja = countries.getNames('ja', { select: 'all' }) as Record<string, string[]>;
  for (const [code, list] of Object.entries(en)) {
    for (const n of list) {
      // Two-letter codes as names ("US") only through the curated, case-sensitive list.
      if (n.length < 4) continue;
      add(code, n, 'en', false, false);
    }
  }
  for (const [code, list] of Object.entries(ja)) for (const n of list) add(code, n, 'ja', false, false);
  // Longest first, so インドネシア wins over インド and South Korea over Korea.
  return names.sort((a, b) => b.text.length - a.text.length || Number(b.curated) - Number(a.curated));
}

let cachedNames: Name[] | undefined;
/** Every known name of every jurisdiction, longest first. */
export function allNames(): Name[] {
  cachedNames ??= buildNames();
  return cachedNames;
}

/** A readable English name for a code (`KR` → `South Korea`), used in messages. */
export function countryName(code: string, lang: 'en' | 'ja' = 'en'): string {
  if (code === 'EU') return lang === 'ja' ? 'EU' : 'the EU';
  if (code === 'ASEAN') return 'ASEAN';
  if (lang === 'ja') {
    const curatedJa: Record<string, string> = { KR: '韓国', US: '米国', GB: '英国', CN: '中国' };
    return curatedJa[code] ?? countries.getName(code, 'ja') ?? code;
  }
  const curatedEn: Record<string, string> = { US: 'the US', GB: 'the UK', KR: 'South Korea', CN: 'China' };
  return curatedEn[code] ?? countries.getName(code, 'en') ?? code;
}

/** Regional-indicator flag emoji for a code; 🇪🇺 for the EU, 🌏 for ASEAN. */
export function flag(code: string): string {
  if (code === 'ASEAN') return '🌏';
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
