import { glossaryEntries, questionWords } from '../analyze/lexicon.js';
import { allNames, kanjiAbbreviations, type Name } from './gazetteer.js';

let englishWords: Set<string> | undefined;
/**
 * In a question an agency code of four letters or more (DSIT, MeitY, NIST, IMDA) is also read as
 * typed in lowercase (dsit, meity): askers in Slack rarely capitalise. Shorter codes (MIC, DOE,
 * SEC) and codes that are English words of the lexicon stay as written.
 */
function lowercaseCodeOk(name: Name): boolean {
  if (!name.actor || !/^[A-Za-z]{4,}$/.test(name.text)) return false;
  englishWords ??= new Set([
    ...questionWords().en,
    ...glossaryEntries().flatMap((e) => e.en.filter((w) => !/\s/.test(w))),
  ]);
  return !englishWords.has(name.text.toLowerCase());
}

export interface Mention {
  code: string;
  start: number;
  end: number;
  text: string;
  /** Named through an agency or a state (NIST, Ofcom, California) rather than the country itself. */
  agency?: boolean;
  /** The corpus's spelling of that agency or state. */
  searchAs?: string;
  /** The actor named (actors.yml id). */
  actor?: string;
}

// Katakana letters and the long-vowel mark; the middle dot ・ (U+30FB) separates words.
const KATAKANA = /[\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff]/;
const LATIN = /[A-Za-z]/;
const HAN = /[\u3400-\u9fff]/;

/** A place mentioned only as the venue of an event (`米国サンディエゴで開催`) is not an actor. */
const VENUE_AFTER = /^(?:・)?[\u30a0-\u30ffー]*で(?:開催|行われ|実施)/;

function boundaryOk(text: string, start: number, end: number, name: Name): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const first = name.text[0] ?? '';
  const last = name.text[name.text.length - 1] ?? '';
  if (LATIN.test(first) && LATIN.test(before)) return false;
  if (LATIN.test(last) && LATIN.test(after)) return false;
  if (/[0-9]/.test(last) && /[0-9]/.test(after)) return false;
  if (KATAKANA.test(first) && KATAKANA.test(before)) return false;
  if (KATAKANA.test(last) && KATAKANA.test(after)) return false;
  return true;
}

export interface FindOptions {
  /** Documents: English names must match their printed case. Questions: any case, except codes. */
  mode: 'document' | 'question';
  /** Drop mentions that only name the venue of an event. */
  skipVenues?: boolean;
}

/**
 * Finds jurisdictions named in a text, longest name first, without overlaps, in text order.
 *
 * @remarks Kanji abbreviations (`米`, `英`…) are only trusted in lists (`英・米`,
 * `(豪、加、独、蘭、英、NZ)`) or glued to a Latin name (`米AISI`, `日ASEAN`), where they cannot be
 * part of an ordinary word like 英語 or 参加.
 */
export function findMentions(text: string, options: FindOptions): Mention[] {
  const lower = text.toLowerCase();
  const candidates: Mention[] = [];
  for (const name of allNames()) {
    const caseSensitive = name.cased && !(options.mode === 'question' && lowercaseCodeOk(name));
    // In documents an English name is a proper noun: "India", not "india" inside a sentence.
    const properNoun = options.mode === 'document' && name.lang === 'en' && !name.cased;
    const hay = caseSensitive ? text : lower;
    const needle = caseSensitive ? name.text : name.text.toLowerCase();
    let from = 0;
    for (;;) {
      const at = hay.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + needle.length;
      if (!boundaryOk(text, at, end, name)) continue;
      if (properNoun && !/[A-Z]/.test(text[at] ?? '')) continue;
      candidates.push({
        code: name.code,
        start: at,
        end,
        text: text.slice(at, end),
        ...(name.agency ? { agency: true } : {}),
        ...(name.searchAs ? { searchAs: name.searchAs } : {}),
        ...(name.actor ? { actor: name.actor } : {}),
      });
    }
  }
  candidates.push(...abbreviationMentions(text));
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const picked: Mention[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.start < reach) continue;
    if (options.skipVenues && VENUE_AFTER.test(text.slice(c.end))) {
      reach = c.end;
      continue;
    }
    picked.push(c);
    reach = c.end;
  }
  return picked;
}

let patterns: { list: RegExp; glued: RegExp } | undefined;
function abbreviationPatterns() {
  if (!patterns) {
    const abbr = Object.keys(kanjiAbbreviations()).join('');
    const element = `(?:[${abbr}]|NZ|EU|US|UK)`;
    patterns = {
      list: new RegExp(`${element}(?:[・、,]\\s*${element})+`, 'g'),
      glued: new RegExp(`(?<=^|[^\\u3400-\\u9fff]|旧)([${abbr}])(?=[A-Za-z])`, 'g'),
    };
  }
  return patterns;
}

function abbreviationMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const { list, glued } = abbreviationPatterns();
  for (const m of text.matchAll(list)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // 12日、英国 is a date and a name, not a list: elements stand alone, never inside a word.
    if (/[\u3400-\u9fff0-9]/.test(text[start - 1] ?? '') || HAN.test(text[end] ?? '')) continue;
    let offset = start;
    for (const part of m[0].split(/([・、,]\s*)/)) {
      const code = kanjiAbbreviations()[part] ?? { NZ: 'NZ', EU: 'EU', US: 'US', UK: 'GB' }[part];
      if (code) out.push({ code, start: offset, end: offset + part.length, text: part });
      offset += part.length;
    }
  }
  for (const m of text.matchAll(glued)) {
    if (/[0-9]/.test(text[(m.index ?? 0) - 1] ?? '')) continue;
    const ch = m[1] ?? '';
    if (ch === '中') continue; // 途中AI, 運用中AI: too ambiguous.
    const code = kanjiAbbreviations()[ch];
    if (code) out.push({ code, start: m.index ?? 0, end: (m.index ?? 0) + 1, text: ch });
  }
  return out;
}

/** Distinct codes of the mentions, in order of first appearance. */
export function countriesIn(text: string, options: FindOptions): string[] {
  return [...new Set(findMentions(text, options).map((m) => m.code))];
}
