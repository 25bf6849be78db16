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
  /**
   * A place below or beside a country — a US state, a Japanese prefecture, a city, an
   * international body — that a question's answer must name (`forms`: every way to write it).
   */
  place?: SubPlace;
  /** Read in questions only: in documents the name is ambiguous (ロシア語 is a language). */
  questionOnly?: boolean;
  /** An actor's name that is also a place read in questions only: a place in questions, the actor in documents. */
  placeQuestionOnly?: boolean;
}

/** A place a question names that is not (only) a country: see {@link Name.place}. */
export interface SubPlace {
  /** (`area`: a part of a place by direction, 西日本 or east Asia, read in questions only.) */
  kind: 'state' | 'prefecture' | 'city' | 'body' | 'area';
  /** A stable id (the English name or the body's id). */
  id: string;
  /** Every spelling: the corpus's Japanese first, then the English names. */
  forms: string[];
}

function buildNames(): Name[] {
  const names: Name[] = [];
  const byKey = new Map<string, Name>();
  const add = (
    code: string,
    text: string,
    lang: 'en' | 'ja',
    cased: boolean,
    curated: boolean,
    agency = false,
    searchAs?: string,
    actor?: string,
    extra: { place?: SubPlace; questionOnly?: boolean } = {},
  ) => {
    const key = `${lang}:${cased ? text : text.toLowerCase()}`;
    const earlier = byKey.get(key);
    if (earlier) {
      // An actor that is also a place (東京都: the Tokyo government and the prefecture) is named
      // as the place in a question: answers must name it.
      if (extra.place && !earlier.place && earlier.code === code) {
        earlier.place = extra.place;
        if (extra.questionOnly) earlier.placeQuestionOnly = true;
      }
      return;
    }
    const name: Name = {
      code,
      text,
      lang,
      cased,
      curated,
      ...(agency ? { agency } : {}),
      ...(searchAs ? { searchAs } : {}),
      ...(actor ? { actor } : {}),
      ...extra,
    };
    byKey.set(key, name);
    names.push(name);
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
      // (as typed in Slack: "federal govt", "UK gov")
      if (/\bgovernment\b/i.test(n))
        for (const short of ['govt', 'gov'])
          add(a.country, n.replace(/\bgovernment\b/i, short), 'en', false, true, true, undefined, a.id, {
            questionOnly: true,
          });
    }
    // People, in questions only (the documents' tags stay their own), in any case: in questions
    // to a policy bot "trump ai order" names the president far more often than the verb does.
    for (const n of a.people.flat())
      add(a.country, n, /[A-Za-z]/.test(n) ? 'en' : 'ja', false, true, true, undefined, a.id, {
        questionOnly: true,
      });
  }
  for (const { en: state, ja, abbr } of places.us_states) {
    const place: SubPlace = { kind: 'state', id: state, forms: [...ja, state] };
    add('US', state, 'en', false, true, true, ja[0], undefined, { place });
    // Postal codes as typed in Slack: NY and ny alike (none of them is an English word of a question).
    for (const n of abbr)
      add('US', n, 'en', false, true, true, ja[0], undefined, { place, questionOnly: true });
    for (const n of ja) add('US', n, 'ja', false, true, true, undefined, undefined, { place });
  }
  for (const p of places.jp_prefectures) {
    const place: SubPlace = {
      kind: 'prefecture',
      id: p.en[0] ?? (p.ja[0] as string),
      // An item about a city in it is about the prefecture (the Beppu talk answers "Oita").
      forms: [...p.ja, ...p.en, ...p.cities],
    };
    for (const n of p.en)
      add('JP', n, 'en', false, true, true, undefined, undefined, { place, questionOnly: true });
    for (const n of p.ja)
      add('JP', n, 'ja', false, true, true, undefined, undefined, { place, questionOnly: true });
  }
  for (const c of places.cities) {
    const place: SubPlace = { kind: 'city', id: c.en[0] ?? (c.ja[0] as string), forms: [...c.ja, ...c.en] };
    for (const n of c.en)
      add(c.code, n, 'en', false, true, true, undefined, undefined, { place, questionOnly: true });
    for (const n of c.ja)
      add(c.code, n, 'ja', false, true, true, undefined, undefined, { place, questionOnly: true });
  }
  for (const b of places.bodies) {
    const place: SubPlace = { kind: 'body', id: b.id, forms: [...b.ja, ...b.en_cased, ...b.en] };
    for (const n of b.en_cased)
      add('', n, 'en', true, true, false, undefined, undefined, { place, questionOnly: true });
    for (const n of b.en)
      add('', n, 'en', false, true, false, undefined, undefined, { place, questionOnly: true });
    for (const n of b.ja) {
      const latin = /[A-Za-z]/.test(n);
      add('', n, latin ? 'en' : 'ja', latin, true, false, undefined, undefined, {
        place,
        questionOnly: true,
      });
    }
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
  // Short forms after the ISO names, so a name both give keeps the ISO entry (read in documents too).
  for (const c of places.short_forms) {
    for (const n of c.en_cased)
      add(c.code, n, 'en', true, true, false, undefined, undefined, { questionOnly: true });
    for (const n of c.en)
      add(c.code, n, 'en', false, true, false, undefined, undefined, { questionOnly: true });
    for (const n of c.ja) {
      const latin = /[A-Za-z]/.test(n);
      add(c.code, n, latin ? 'en' : 'ja', latin, true, false, undefined, undefined, { questionOnly: true });
    }
  }
  // Longest first, so インドネシア wins over インド and South Korea over Korea.
  return names.sort((a, b) => b.text.length - a.text.length || Number(b.curated) - Number(a.curated));
}

let cachedNames: Name[] | undefined;
/** Every known name of every jurisdiction, longest first. */
export function allNames(): Name[] {
  cachedNames ??= buildNames();
  return cachedNames;
}

let namesByCode: Map<string, string[]> | undefined;
/** Every name of one jurisdiction (`KR` → 韓国, Korea, ROK…), from {@link allNames}, indexed once. */
export function namesOf(code: string): string[] {
  if (!namesByCode) {
    namesByCode = new Map();
    for (const n of allNames()) namesByCode.set(n.code, [...(namesByCode.get(n.code) ?? []), n.text]);
  }
  return namesByCode.get(code) ?? [];
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
