import { tokenizerSync } from '../analyze/kuromoji.js';
import { glossaryEntries, questionWords } from '../analyze/lexicon.js';
import { allNames, kanjiAbbreviations, type Name, type SubPlace } from './gazetteer.js';

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
  /** A state, prefecture, city or international body the answer must name. */
  place?: SubPlace;
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
  if (KATAKANA.test(last) && KATAKANA.test(after)) return endsWord(text, start, end);
  return true;
}

/**
 * Whether kuromoji reads a katakana name as a word of its own before more katakana
 * (オランダ|デジタルインフラ庁: the Netherlands), not as the start of a longer word (インドネシア is
 * no India). Without kuromoji loaded, never: the name must then end where the katakana does.
 */
function endsWord(text: string, start: number, end: number): boolean {
  try {
    let at = 0;
    for (const t of tokenizerSync().tokenize(text.slice(start, Math.min(text.length, end + 16)))) {
      at += t.surface_form.length;
      if (at >= end - start) return at === end - start && t.pos === '名詞' && t.pos_detail_1 === '固有名詞';
    }
  } catch {
    // (not loaded)
  }
  return false;
}

/**
 * The words kuromoji reads in a question, as [start, end) character offsets, or undefined when
 * kuromoji is not loaded or the text is longer than {@link CUT_TEXT_LIMIT} (a pasted page, not a
 * question: its names are read as before).
 */
function wordSpans(text: string): [number, number][] | undefined {
  if (text.length > CUT_TEXT_LIMIT) return undefined;
  try {
    return tokenizerSync()
      .tokenize(text)
      .map((t): [number, number] => [t.word_position - 1, t.word_position - 1 + t.surface_form.length]);
  } catch {
    return undefined;
  }
}
const CUT_TEXT_LIMIT = 1000;

/**
 * Whether a word of the question straddles an end of [start, end): begins inside the name and
 * ends after it, or begins before it and ends inside. 大分岐 is 大 + 分岐, and 分岐 straddles 大分's
 * end: no 大分 there. A word that holds the whole name (日本人, 北海道庁) or lies inside it does not.
 */
function straddled(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([a, b]) => (a > start && a < end && b > end) || (a < start && b > start && b < end));
}

export interface FindOptions {
  /** Documents: English names must match their printed case. Questions: any case, except codes. */
  mode: 'document' | 'question';
  /** Drop mentions that only name the venue of an event. */
  skipVenues?: boolean;
}

/** One name as a scan looks for it, in the case it is compared in. */
interface Needle {
  name: Name;
  needle: string;
  caseSensitive: boolean;
  properNoun: boolean;
  /** The name's place in {@link allNames}: among candidates at one place and length, the earlier wins. */
  order: number;
}

/**
 * Needles by their first two UTF-16 code units: an array indexed by the first (no one-character
 * string is made per position), then a map by the second. Two levels, because one is not enough
 * for Latin text: 30 names start with "a", and every "AI" of the corpus would try them all.
 */
type Buckets = (Map<number, Needle[]> | undefined)[];

/** The names of one mode in {@link Buckets}, exact-case needles and lowercased ones apart. */
interface ScanTable {
  names: readonly Name[];
  cased: Buckets;
  folded: Buckets;
}

/** Under the first code unit, by the second; a one-character needle under -1. */
function put(buckets: Buckets, entry: Needle): void {
  const first = entry.needle.charCodeAt(0);
  const second = entry.needle.length > 1 ? entry.needle.charCodeAt(1) : -1;
  let next = buckets[first];
  if (!next) {
    next = new Map();
    buckets[first] = next;
  }
  const list = next.get(second);
  if (list) list.push(entry);
  else next.set(second, [entry]);
}

const tables = new Map<FindOptions['mode'], ScanTable>();

/**
 * The names to look for in one mode, bucketed by first character. Built once per gazetteer: a
 * text is then read once, each position checking only the names that start with its character,
 * instead of once per name (811 names: that was most of ingesting 10 000 items).
 */
function scanTable(mode: FindOptions['mode']): ScanTable {
  const names = allNames();
  const cached = tables.get(mode);
  if (cached && cached.names === names) return cached;
  const table: ScanTable = { names, cased: new Array(0x10000), folded: new Array(0x10000) };
  names.forEach((name, order) => {
    if (mode === 'document' && name.questionOnly) return;
    const caseSensitive = name.cased && !(mode === 'question' && lowercaseCodeOk(name));
    // In documents an English name is a proper noun: "India", not "india" inside a sentence.
    const properNoun = mode === 'document' && name.lang === 'en' && !name.cased;
    const needle = caseSensitive ? name.text : name.text.toLowerCase();
    if (!needle) return;
    put(caseSensitive ? table.cased : table.folded, { name, needle, caseSensitive, properNoun, order });
  });
  tables.set(mode, table);
  return table;
}

/**
 * Finds jurisdictions named in a text, longest name first, without overlaps, in text order.
 *
 * @remarks Kanji abbreviations (`米`, `英`…) are only trusted in lists (`英・米`,
 * `(豪、加、独、蘭、英、NZ)`) or glued to a Latin name (`米AISI`, `日ASEAN`), where they cannot be
 * part of an ordinary word like 英語 or 参加.
 */
export function findMentions(text: string, options: FindOptions): Mention[] {
  const table = scanTable(options.mode);
  const lower = text.toLowerCase();
  const candidates: (Mention & { order: number })[] = [];
  let spans: [number, number][] | null | undefined;
  const found = (hay: string, at: number, n: Needle) => {
    if (!hay.startsWith(n.needle, at)) return;
    const end = at + n.needle.length;
    if (!boundaryOk(text, at, end, n.name)) return;
    // 中国語, 韓国語: a language, not the country (in a question; the documents' tags are as they were).
    if (options.mode === 'question' && text[end] === '語' && n.name.lang === 'ja') return;
    if (n.properNoun && !/[A-Z]/.test(text[at] ?? '')) return;
    // (in a question, a two-kanji name glued to more kanji must not be cut across by kuromoji's
    // words; a longer name, 東京都 in 東京都内, is a name wherever it stands)
    if (
      options.mode === 'question' &&
      end - at <= 2 &&
      // (西日本: a direction before a name is read with it, as an area, in places.ts)
      ((HAN.test(text[at] ?? '') && HAN.test(text[at - 1] ?? '') && !/[東西南北]/.test(text[at - 1] ?? '')) ||
        (HAN.test(text[end - 1] ?? '') && HAN.test(text[end] ?? '')))
    ) {
      if (spans === undefined) spans = wordSpans(text) ?? null;
      if (spans && straddled(spans, at, end)) return;
    }
    const { name } = n;
    candidates.push({
      code: name.code,
      start: at,
      end,
      text: text.slice(at, end),
      ...(name.agency ? { agency: true } : {}),
      ...(name.searchAs ? { searchAs: name.searchAs } : {}),
      ...(name.actor ? { actor: name.actor } : {}),
      ...(name.place && (options.mode === 'question' || !name.placeQuestionOnly)
        ? { place: name.place }
        : {}),
      order: n.order,
    });
  };
  const scan = (hay: string, buckets: Buckets) => {
    for (let at = 0; at < hay.length; at++) {
      const next = buckets[hay.charCodeAt(at)];
      if (!next) continue;
      const one = next.get(-1);
      if (one) for (const n of one) found(hay, at, n);
      const two = at + 1 < hay.length ? next.get(hay.charCodeAt(at + 1)) : undefined;
      if (two) for (const n of two) found(hay, at, n);
    }
  };
  scan(text, table.cased);
  scan(lower, table.folded);
  const after = table.names.length;
  abbreviationMentions(text, options.mode === 'question').forEach((m, k) => {
    candidates.push({ ...m, order: after + k });
  });
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.order - b.order);
  const picked: Mention[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.start < reach) continue;
    reach = c.end;
    if (options.skipVenues && VENUE_AFTER.test(text.slice(c.end))) continue;
    const { order: _order, ...mention } = c;
    picked.push(mention);
  }
  return picked;
}

let patterns: { list: RegExp; glued: RegExp; alone: RegExp } | undefined;
function abbreviationPatterns() {
  if (!patterns) {
    const abbr = Object.keys(kanjiAbbreviations()).join('');
    const element = `(?:[${abbr}]|NZ|EU|US|UK)`;
    patterns = {
      list: new RegExp(`${element}(?:[・、,]\\s*${element})+`, 'g'),
      glued: new RegExp(`(?<=^|[^\\u3400-\\u9fff]|旧)([${abbr}])(?=[A-Za-z])`, 'g'),
      // 英 12月, 韓 7月なんかある？, 米の大統領令: typed alone in a question, a country
      alone: new RegExp(
        `(?<=^|[\\s、。,，:：!！?？「『(（])([${abbr}])(?=$|[\\s、。,，!！?？のはでもにへ])`,
        'g',
      ),
    };
  }
  return patterns;
}

function abbreviationMentions(text: string, question: boolean): Mention[] {
  const out: Mention[] = [];
  const { list, glued, alone } = abbreviationPatterns();
  if (question)
    for (const m of text.matchAll(alone)) {
      const ch = m[1] ?? '';
      // (中 and 日 alone are as often "inside" and "day": 中 only before a space or the end)
      if (ch === '日' || (ch === '中' && !/^(?:$|\s)/.test(text.slice((m.index ?? 0) + 1)))) continue;
      const code = kanjiAbbreviations()[ch];
      if (code) out.push({ code, start: m.index ?? 0, end: (m.index ?? 0) + 1, text: ch });
    }
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
