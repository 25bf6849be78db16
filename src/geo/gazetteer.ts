import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Region } from '../ingest/item.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ja.json'));

/**
 * A curated entry: names, short forms, adjectives and agencies people use for a jurisdiction.
 * `en` names match case-insensitively in questions unless listed in `enCased`.
 */
interface Curated {
  code: string;
  en: string[];
  /** Matched only with this exact capitalisation (codes and words that are also common English). */
  enCased?: string[];
  ja: string[];
  /** Agencies and institutions that identify the jurisdiction on their own. */
  agencies?: string[];
}

/** The jurisdictions the digests track, with everything a reader may call them. */
const CURATED: Curated[] = [
  {
    code: 'JP',
    en: ['japan', 'japanese', 'tokyo'],
    ja: ['日本', 'わが国', '我が国', '国内', '東京都'],
    agencies: [
      'J-AISI',
      'IPA',
      'METI',
      'MIC',
      'NISC',
      'NCO',
      'デジタル庁',
      '総務省',
      '経済産業省',
      '内閣府',
      '金融庁',
    ],
  },
  {
    code: 'US',
    en: ['united states', 'united states of america', 'america', 'american', 'usa', 'u.s.', 'u.s.a.'],
    enCased: ['US', 'USA'],
    ja: ['米国', 'アメリカ', 'アメリカ合衆国', '合衆国', '連邦政府', 'ホワイトハウス'],
    agencies: ['NIST', 'CAISI', 'CISA', 'OMB', 'FTC', 'DOE', 'White House', 'ホワイトハウス', 'エネルギー省'],
  },
  {
    code: 'GB',
    en: ['united kingdom', 'uk', 'u.k.', 'britain', 'great britain', 'british', 'england'],
    enCased: ['UK'],
    ja: ['英国', 'イギリス', '連合王国'],
    agencies: ['Ofcom', 'NCSC', 'DSIT', 'AI Security Institute'],
  },
  {
    code: 'EU',
    en: ['european union', 'european commission', 'eu', 'brussels'],
    enCased: ['EU'],
    ja: ['欧州連合', '欧州委員会', '欧州議会', 'EU'],
    agencies: ['ETSI', 'CEN', 'CENELEC', 'AI Office', '欧州電気通信標準化機構'],
  },
  {
    code: 'KR',
    en: ['south korea', 'korea', 'korean', 'republic of korea', 'rok', 'seoul'],
    enCased: ['ROK'],
    ja: ['韓国', '大韓民国', 'ソウル'],
    agencies: ['MSIT', 'KISA', 'KISIA', '科学技術情報通信部'],
  },
  {
    code: 'CN',
    en: ['china', 'chinese', "people's republic of china", 'prc', 'beijing'],
    enCased: ['PRC'],
    ja: ['中国', '中華人民共和国', '上海', '北京'],
    agencies: ['CAC', 'サイバースペース管理局', '国家インターネット情報弁公室'],
  },
  {
    code: 'IN',
    en: ['india', 'indian', 'new delhi', 'delhi'],
    ja: ['インド', 'ニューデリー'],
    agencies: ['MeitY', 'IndiaAI', 'OPSA', 'CeRAI'],
  },
  {
    code: 'SG',
    en: ['singapore', 'singaporean'],
    ja: ['シンガポール'],
    agencies: ['IMDA', 'MDDI', 'SG AISI'],
  },
  {
    code: 'ASEAN',
    en: ['asean', 'association of southeast asian nations'],
    ja: ['ASEAN', '東南アジア諸国連合'],
  },
  { code: 'CA', en: ['canada', 'canadian'], ja: ['カナダ'] },
  { code: 'AU', en: ['australia', 'australian'], ja: ['オーストラリア', '豪州'] },
  { code: 'FR', en: ['france', 'french', 'paris'], ja: ['フランス', 'パリ'] },
  { code: 'DE', en: ['germany', 'german'], ja: ['ドイツ'], agencies: ['BSI'] },
  { code: 'TW', en: ['taiwan', 'taiwanese'], ja: ['台湾'] },
];

/** US states and their agencies: a question about California is a question about the US. */
const US_STATES: Record<string, string[]> = {
  california: ['カリフォルニア州', 'カリフォルニア'],
  'new york': ['ニューヨーク州', 'ニューヨーク'],
  texas: ['テキサス州', 'テキサス'],
  colorado: ['コロラド州', 'コロラド'],
  illinois: ['イリノイ州', 'イリノイ'],
  utah: ['ユタ州'],
  washington: ['ワシントン州'],
  virginia: ['バージニア州'],
  connecticut: ['コネチカット州'],
  massachusetts: ['マサチューセッツ州'],
};

/** Single-kanji abbreviations used in lists and compounds (`英・米`, `(豪、加、独、蘭、英、NZ)`, `米AISI`). */
export const KANJI_ABBREVIATIONS: Record<string, string> = {
  日: 'JP',
  米: 'US',
  英: 'GB',
  中: 'CN',
  韓: 'KR',
  印: 'IN',
  独: 'DE',
  仏: 'FR',
  豪: 'AU',
  加: 'CA',
  蘭: 'NL',
  伊: 'IT',
  欧: 'EU',
};

/** Region names that widen a question to a whole section of the digest. */
export const REGION_NAMES: { region: Region; en: string[]; ja: string[] }[] = [
  { region: 'europe', en: ['europe', 'european'], ja: ['欧州', 'ヨーロッパ'] },
  { region: 'asia', en: ['asia', 'asian'], ja: ['アジア'] },
];

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
    });
  };
  for (const c of CURATED) {
    for (const n of c.enCased ?? []) add(c.code, n, 'en', true, true);
    for (const n of c.en) add(c.code, n, 'en', false, true);
    for (const n of c.ja) add(c.code, n, /[A-Za-z]/.test(n) ? 'en' : 'ja', /[A-Za-z]/.test(n), true);
    for (const n of c.agencies ?? [])
      add(c.code, n, /[A-Za-z]/.test(n) ? 'en' : 'ja', /[A-Z]/.test(n), true, true);
  }
  for (const [state, ja] of Object.entries(US_STATES)) {
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
