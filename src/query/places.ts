import { lookupEnglishWord } from '../analyze/dictionary.js';
import { findMentions } from '../geo/detect.js';
import { allNames, countryName, type Name, regionNames, type SubPlace } from '../geo/gazetteer.js';
import type { Region } from '../ingest/item.js';
import { editDistance } from './edit-distance.js';
import { glossaryIndex, questionWordSet } from './glossary.js';
import { foldLongVowels, foldVu } from './understand/text.js';

export interface PlaceMatch {
  countries: string[];
  regions: Region[];
  spans: [number, number][];
  /** What the asker typed, per code, for messages ("No items about Mexico"). */
  said: Record<string, string>;
  /**
   * Agencies and actors named (NIST, Ofcom…): their country is a filter — unless a country typed
   * right before the name owns it ("Israel AI Security Institute") — and their name still ranks.
   */
  agencies: { name: string; actor?: string }[];
  /**
   * States, prefectures, cities, international bodies and areas (a place with a direction: 西日本)
   * named: their country (if any) is a filter, and the answer must name them.
   */
  places: { name: string; place: SubPlace }[];
  /**
   * Countries named only through a state, prefecture or city (California → US): said, but not a
   * filter — the place itself must be named by every answer, and an item about an event in San
   * Diego may be filed under the country that attended it.
   */
  viaPlaces: string[];
  /**
   * Countries named only to compare ("a law like Korea's", 韓国のような法律): as typed, read as
   * filler — the question is about the other place, and Korea's items are no answer to it.
   */
  compared: string[];
}

/** Words before a country that make it a comparison ("like", "similar to", "modelled on"). */
const COMPARED_BEFORE =
  /\b(?:like|unlike|similar to|modell?ed (?:on|after)|inspired by|copying)\s+(?:the\s+)?$/i;
/** …and after it in Japanese (韓国のような, 韓国みたいな, 韓国と同様の, 韓国並み). */
const COMPARED_AFTER = /^(?:のような|のように|みたいな|みたいに|と同様|と同じ|並み)/;

let phrasesByWord: { of: Map<string, string[]>; byWord: Map<string, string[]> } | undefined;
/** Glossary phrases that name places themselves ("us and uk"), asked once per phrase. */
const namesPlaces = new Map<string, boolean>();
function phraseNamesPlaces(phrase: string): boolean {
  let named = namesPlaces.get(phrase);
  if (named === undefined) {
    named = /\b(?:and|or|vs)\b|&/.test(phrase) || findMentions(phrase, { mode: 'question' }).length > 1;
    namesPlaces.set(phrase, named);
  }
  return named;
}
/**
 * Whether the place name at [start, end) is a word of a glossary phrase written around it ("the
 * Brussels effect" is a term of art, not the EU): the phrase is the concept, the place none.
 */
function inGlossaryPhrase(text: string, start: number, end: number): boolean {
  const glossary = glossaryIndex();
  if (phrasesByWord?.of !== glossary) {
    const byWord = new Map<string, string[]>();
    for (const key of glossary.keys())
      if (/^[a-z][a-z' -]* [a-z' -]+$/.test(key))
        for (const w of key.split(' ')) byWord.set(w, [...(byWord.get(w) ?? []), key]);
    phrasesByWord = { of: glossary, byWord };
    namesPlaces.clear();
  }
  const name = text.slice(start, end).toLowerCase();
  if (!/^[a-z]/.test(name)) return false;
  const lower = text.toLowerCase();
  for (const phrase of phrasesByWord.byWord.get(name.split(' ')[0] ?? '') ?? []) {
    const inPhrase = phrase.indexOf(name);
    if (inPhrase < 0 || phrase === name) continue;
    // (a phrase of places, "us and uk", names them all: it is no term of art)
    if (phraseNamesPlaces(phrase)) continue;
    const from = start - inPhrase;
    if (
      lower.startsWith(phrase, from) &&
      !/[a-z]/.test(lower[from - 1] ?? '') &&
      !/[a-z]/.test(lower[from + phrase.length] ?? '')
    )
      return true;
  }
  return false;
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
  const places: { name: string; place: SubPlace }[] = [];
  const mentions = findMentions(text, { mode: 'question' });
  const direct = new Set<string>();
  const viaAgency = new Set<string>();
  const placeCountries = new Set<string>();
  const agencySpans: { code: string; start: number }[] = [];
  const spanCodes = new Map<number, string>();
  const directSpans: { code: string; end: number }[] = [];
  const take = (code: string, typed: string, start: number, end: number, name: Partial<Name>) => {
    spans.push([start, end]);
    if (code) spanCodes.set(start, code);
    if (name.place) {
      if (!places.some((p) => p.place.id === name.place?.id)) places.push({ name: typed, place: name.place });
      if (code) placeCountries.add(code);
      // A body is no country; a state or a city is in one.
      if (!code) return;
    } else if (name.agency) {
      viaAgency.add(code);
      agencySpans.push({ code, start });
    } else {
      direct.add(code);
      directSpans.push({ code, end });
    }
    if (!countries.includes(code)) countries.push(code);
    said[code] ??= typed;
    if (name.agency && !name.place)
      agencies.push({ name: name.searchAs ?? typed, ...(name.actor ? { actor: name.actor } : {}) });
  };
  const compared: string[] = [];
  for (const m of mentions) {
    if (inGlossaryPhrase(text, m.start, m.end)) continue;
    if (
      !m.place &&
      !m.agency &&
      (COMPARED_BEFORE.test(text.slice(0, m.start)) || COMPARED_AFTER.test(text.slice(m.end)))
    ) {
      spans.push([m.start, m.end]);
      compared.push(m.text);
      continue;
    }
    // シンガポール政府, インド当局: a country's government is the country (read with its name)
    const own = !m.place && !m.agency ? /^(?:政府|当局)/.exec(text.slice(m.end)) : null;
    take(m.code, own ? m.text + own[0] : m.text, m.start, m.end + (own ? own[0].length : 0), m);
  }
  // (a country said as typed, so the words read hold what the asker wrote — シンガーポール; a state,
  // a concept every answer must name, by its name: "No items about New York")
  for (const m of misspeltPlaces(text, spans))
    take(m.name.code, m.name.place ? m.name.text : text.slice(m.start, m.end), m.start, m.end, m.name);
  for (const m of lowercaseUs(text)) {
    if (spans.some(([a, b]) => m.start < b && m.end > a)) continue;
    if (!countries.includes('US')) countries.push('US');
    direct.add('US');
    said.US ??= text.slice(m.start, m.end);
    spans.push([m.start, m.end]);
  }
  const lower = text.toLowerCase();
  // A region typed with one typo (eurpoean, asain): one edit from exactly one region name.
  for (const m of lower.matchAll(/[a-z]{5,}/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (spans.some(([a, b]) => start < b && end > a)) continue;
    if (glossaryIndex().has(m[0]) || questionWordSet().has(m[0])) continue;
    const hits = regionNames().filter((r) =>
      r.en.some((name) => name.length >= 5 && name !== m[0] && editDistance(m[0], name, 1) <= 1),
    );
    if (hits.length !== 1) continue;
    const r = hits[0] as (typeof hits)[number];
    spans.push([start, end]);
    if (!regions.includes(r.region)) regions.push(r.region);
    if (r.region === 'europe' && !countries.includes('EU')) {
      countries.push('EU');
      said.EU ??= m[0];
    }
  }
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
  // 西日本, 東アジア, western Japan: a part of the place, which an answer must name as typed.
  for (let k = 0; k < spans.length; k++) {
    const [start, end] = spans[k] as [number, number];
    const before = DIRECTION_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    if (!before || spans.some(([a, b]) => a < start && b > start - before[0].length)) continue;
    const from = start - before[0].length;
    const name = text.slice(from, end).trim();
    // (a name that begins with a direction — South Africa, 南アフリカ, North Korean — was read whole)
    if (startsAName(text.slice(from), end - start)) continue;
    const code = spanCodes.get(start);
    if (!places.some((p) => p.name === name))
      places.push({
        name,
        place: {
          kind: 'area',
          id: name.toLowerCase(),
          forms: [name, ...areaInOtherLanguage(before[0], code)],
        },
      });
    spans[k] = [from, end];
  }
  // A country named outright decides over an agency's own ("Israel AI Security Institute" is not
  // the UK's institute): the agency's country is then no filter, its name still ranks.
  // Only a country that opens the agency's name ("Israel('s) AI Security Institute"): "Japan and
  // NIST" asks about both.
  const ownedBy = (a: { code: string; start: number }) =>
    directSpans.some((d) => d.code !== a.code && /^(?:['’]s)?\s*$/.test(text.slice(d.end, a.start)));
  const kept = countries.filter(
    (c) =>
      !(
        viaAgency.has(c) &&
        !direct.has(c) &&
        !placeCountries.has(c) &&
        agencySpans.filter((a) => a.code === c).every(ownedBy)
      ),
  );
  const viaPlaces = kept.filter(
    (c) => !direct.has(c) && !viaAgency.has(c) && c !== 'EU' && places.length > 0,
  );
  return { countries: kept, regions, spans, said, agencies, places, viaPlaces, compared };
}

/** Directions in both languages. */
const DIRECTIONS: [string, string[]][] = [
  ['東', ['east', 'eastern']],
  ['西', ['west', 'western']],
  ['南', ['south', 'southern']],
  ['北', ['north', 'northern']],
];

/**
 * A part of a country by direction in the other language (西日本 ↔ western Japan), so an item that
 * prints it the other way names it too.
 */
function areaInOtherLanguage(direction: string, code: string | undefined): string[] {
  if (!code) return [];
  const d = direction.trim().toLowerCase();
  const row = DIRECTIONS.find(([ja, en]) => ja === d || en.includes(d));
  if (!row) return [];
  const [ja, en] = row;
  return d === ja ? en.map((e) => `${e} ${countryName(code, 'en')}`) : [`${ja}${countryName(code, 'ja')}`];
}

/** Whether a gazetteer name longer than `than` characters opens the text (South Korean: south korea). */
function startsAName(text: string, than: number): boolean {
  const lower = text.toLowerCase();
  return allNames().some((n) => n.text.length > than && lower.startsWith(n.text.toLowerCase()));
}

/** A direction before a place's name (西日本, 東アジア, western Japan, east asia). */
const DIRECTION_BEFORE =
  /(?:(?<![\u3400-\u9fff])[東西南北]|\b(?:east|west|north|south|eastern|western|northern|southern)\s+)$/i;

/**
 * Analysts type the United States in lowercase: "us" is also the pronoun ("tell us"), so it is the
 * country only where the pronoun cannot be — opening the question (us news), after "the" (the us),
 * before a hyphen (us-japan), after a word that qualifies a noun (any us, recent us, which us), or
 * before a word of government or policy (us federal, us export controls, us ai rules) unless a verb
 * or preposition that takes the pronoun comes first (tell us, give us ai news, for us).
 */
const LOWERCASE_US =
  /^\s*us\b(?!\s*')|(?<=\bthe\s+)us\b(?!\s*')|\bus(?=-[a-z])|(?<=\b(?:any|recent|latest|new|major|key|other|current|upcoming|which|what|big|top|main|some)\s+)us(?=\s+[a-z])|\bus(?=\s+(?:federal|state|states|government|gov|govt|congress|senate|president|administration|law|laws|bill|bills|legislation|export|exports|agency|agencies|department|companies|firms|tech|ai|policy|policies|rules|regulation|regulations|regulators|guidance|executive|lawmakers|officials|standards|strategy)\b)/gi;
/** Words before "us" that make it the pronoun: tell us, give us, for us. */
const PRONOUN_BEFORE =
  /\b(?:tell|give|show|send|help|let|for|to|with|about|from|brief|update|remind|get|keep|email|ping|brings?|told|gave|showed|sent|helped|let's|join|ask)\s+$/i;
function lowercaseUs(text: string): { start: number; end: number }[] {
  return [...text.matchAll(LOWERCASE_US)]
    .filter((m) => !PRONOUN_BEFORE.test(text.slice(0, m.index ?? 0)))
    .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + 2 }));
}

/** A typo candidate with the forms it is compared in, worked out once. */
interface Candidate {
  name: Name;
  /** Lowercase, spaces out: newyork, シンガポール. */
  plain: string;
  /** {@link plain} with long-vowel marks and ヴ folded for katakana (シンガポル). */
  folded: string;
  /** Its two words, for a two-word name (new, york). */
  pair?: [string, string];
  /**
   * A country's katakana name from the ISO package, not curated: met only with long-vowel marks
   * or ヴ typed otherwise (ニュジーランド), never one edit away — the package's names are many.
   */
  foldOnly?: boolean;
}

let typoCandidates: Candidate[] | undefined;
/** Curated one-word names long enough that one typo cannot make another word of them. */
function candidates(): Candidate[] {
  const kana = (n: Name) => n.lang === 'ja' && /^[\u30a1-\u30faー]{4,}$/.test(n.text);
  typoCandidates ??= allNames()
    .filter(
      (n) =>
        (n.curated &&
          // Prefectures, cities and bodies are many and short: one edit turns too many words into them.
          (!n.place || n.place.kind === 'state') &&
          // (a name of two words counts without its space: newyork, hongkong)
          ((n.lang === 'en' && /^[a-z]{5,}$/i.test(n.text.replace(/ /g, ''))) || kana(n))) ||
        (!n.curated && !n.place && !n.agency && kana(n)),
    )
    .map((name) => {
      const lower = name.text.toLowerCase();
      const parts = lower.split(' ');
      const plain = lower.replace(/ /g, '');
      return {
        name,
        plain,
        folded: name.lang === 'ja' ? foldLongVowels(foldVu(plain)) : plain,
        ...(parts.length === 2 ? { pair: parts as [string, string] } : {}),
        ...(name.curated ? {} : { foldOnly: true }),
      };
    });
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
  // Two-word names first: "south kroea" is South Korea, not "south" and Korea.
  const out = misspeltTwoWordPlaces(text, taken);
  const busy = [...taken, ...out.map((o): [number, number] => [o.start, o.end])];
  for (const m of text.matchAll(/[A-Za-z]{5,}|[\u30a1-\u30faー]{4,}/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (busy.some(([a, b]) => start < b && end > a)) continue;
    const word = m[0].toLowerCase();
    if (glossaryIndex().has(word) || questionWordSet().has(word)) continue;
    // Katakana compared without long-vowel marks or ヴ (シンーガポル, ヴァンクバー): one edit then.
    const kana = /^[\u30a1-\u30faー]+$/.test(word);
    const typed = kana ? foldLongVowels(foldVu(word)) : word;
    // (A two-word name typed without its space, newyork, is that name; one typed exactly is
    // found before.)
    const close = candidates().filter((c) =>
      c.plain === word ? c.pair !== undefined : editDistance(typed, c.folded, 1) <= (c.foldOnly ? 0 : 1),
    );
    const codes = new Set(close.map((c) => c.name.code));
    if (close[0] && codes.size === 1) out.push({ name: close[0].name, start, end });
  }
  return out;
}

/**
 * A two-word name with a typo in one word (new yrok, hong kogn, south kroea): the two words
 * together are one edit from exactly one curated two-word name, and the misspelt word is no
 * word of its own (the dictionary's, the glossary's or a question word): "new work" is not New
 * York.
 */
function misspeltTwoWordPlaces(
  text: string,
  taken: [number, number][],
): { name: Name; start: number; end: number }[] {
  const out: { name: Name; start: number; end: number }[] = [];
  const words = [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const isWord = (w: string) =>
    glossaryIndex().has(w) || questionWordSet().has(w) || Boolean(lookupEnglishWord(w));
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as (typeof words)[number];
    const b = words[i + 1] as (typeof words)[number];
    if (text.slice(a.end, b.start) !== ' ' || taken.some(([x, y]) => a.start < y && b.end > x)) continue;
    if (a.word.length + b.word.length < 7) continue;
    const close = candidates().filter(({ pair }) => {
      if (!pair) return false;
      const [p, q] = pair;
      // One word exact, the other one edit from its part and no word of its own.
      if (p === a.word && q !== b.word) return !isWord(b.word) && editDistance(b.word, q, 1) <= 1;
      if (q === b.word && p !== a.word) return !isWord(a.word) && editDistance(a.word, p, 1) <= 1;
      return false;
    });
    const codes = new Set(close.map((c) => c.name.code));
    if (close[0] && codes.size === 1) {
      out.push({ name: close[0].name, start: a.start, end: b.end });
      i += 1;
    }
  }
  return out;
}
