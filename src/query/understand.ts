import { analyze, normalize, type Unit } from '../analyze/analyzer.js';
import { decompoundKatakana } from '../analyze/katakana.js';
import {
  actorsLexicon,
  glossaryEntries,
  instrumentsLexicon,
  katakanaLexicon,
  questionWords,
} from '../analyze/lexicon.js';
import type { Region } from '../ingest/item.js';
import { boundKanaRuns } from '../util/sanitize.js';
import { editDistance } from './edit-distance.js';
import {
  baseForms,
  glossaryIndex,
  honorificSet,
  jaQuestionTermSet,
  questionWordSet,
  weakTermSet,
} from './glossary.js';
import { combinePeriods, findPeriods, type Period } from './period.js';
import { findPlaces } from './places.js';

/**
 * One concept of the question. It matches an item when any alternative matches, and an
 * alternative matches when all of its terms do (a compound through its whole or its parts).
 */
export interface TermGroup {
  /** The words as the asker typed them: `guidelines`, `基本計画`, `sb53`. */
  label: string;
  /** The corpus's words for an English term, from the glossary. */
  translation?: string[];
  alternatives: string[][];
  /** Whole compounds (人工知能基本計画): not required, but an item that has one ranks higher. */
  boost: string[];
  /** Generic words (AI, policy) that only narrow a search when nothing else does. */
  weak: boolean;
  /** An English word with no glossary entry: kept as written, may not be in the corpus. */
  untranslated: boolean;
  /** An agency named in the question (NIST, Ofcom): its country is already a filter, so the name only ranks. */
  agency?: boolean;
  /** An instrument type (`guideline`, `law`): items of that type match the group whatever their wording. */
  instrument?: string;
  /** An actor (actors.yml id) the words name: the items of its own digest section match the group. */
  actor?: string;
}

export type Lang = 'en' | 'ja';

/** What policy-bot understood of a question: the hard filters and the search terms. */
export interface Interpretation {
  question: string;
  lang: Lang;
  countries: string[];
  regions: Region[];
  /** What the asker typed for each code, for messages. */
  placeNames: Record<string, string>;
  period: Period | null;
  groups: TermGroup[];
  /** Source URLs quoted in the question: the items citing them are the answer. */
  urls: string[];
  /** Actors named (actors.yml ids): their countries are in `countries`, their names only rank. */
  actors: string[];
  /** The period words as typed ("July", "先週"), for saying how they were read. */
  periodText?: string;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The asker's language: any kana or kanji makes a question Japanese. */
export function detectLang(text: string): Lang {
  return JAPANESE.test(text) ? 'ja' : 'en';
}

function blank(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return out;
}

/**
 * A unit as query alternatives. A compound matches through all of its parts (an item with the
 * whole compound has them too, so OR-ing the whole in would only count it twice); the whole
 * compound goes to the boost list instead.
 */
function unitAlternatives(u: Unit): string[][] {
  if (u.latin) return u.alternatives.map((a) => [a]);
  return [u.parts.length > 1 ? u.parts : [u.whole]];
}

function unitBoost(u: Unit): string[] {
  return !u.latin && u.parts.length > 1 ? [u.whole] : [];
}

/** Drops alternatives implied by a smaller one (エージェント covers エージェント+型), and duplicates. */
export function minimalAlternatives(alts: string[][]): string[][] {
  // A word the analyzer drops whole (億円: a number and a counter) is no alternative at all.
  const unique = [...new Map(alts.filter((a) => a.length > 0).map((a) => [a.join('\u0000'), a])).values()];
  return unique.filter(
    (b) => !unique.some((a) => a !== b && a.length < b.length && a.every((t) => b.includes(t))),
  );
}

function translation(japanese: string[]): { alternatives: string[][]; boost: string[] } {
  const alts: string[][] = [];
  const boost: string[] = [];
  for (const ja of japanese) {
    const units = analyze(ja);
    if (units.length === 1) {
      alts.push(...unitAlternatives(units[0] as Unit));
      boost.push(...unitBoost(units[0] as Unit));
    } else if (units.length > 1) {
      alts.push(units.flatMap((u) => (u.latin ? [u.alternatives[0] ?? u.whole] : u.parts)));
      boost.push(...units.flatMap(unitBoost));
    }
  }
  return { alternatives: minimalAlternatives(alts), boost: [...new Set(boost)] };
}

/**
 * Reverse glossary: a Japanese word → the other words the corpus uses for the same thing, as
 * listed with it in one glossary entry: the English (レッドチーミング → Red Teaming) and, for the
 * entry's first Japanese word, its Japanese synonyms (ガイドライン → 指針, ガイド).
 */
let reverse: Map<string, string[]> | undefined;
function reverseGlossary(): Map<string, string[]> {
  if (reverse) return reverse;
  const map = new Map<string, string[]>();
  for (const { ja } of glossaryEntries()) {
    const latin = ja.filter((j) => /^[A-Za-z][A-Za-z .-]*$/.test(j));
    const japanese = ja.filter((j) => !/^[A-Za-z]/.test(j));
    japanese.forEach((j, i) => {
      const synonyms = i === 0 ? japanese.slice(1) : [];
      map.set(j, [...new Set([...(map.get(j) ?? []), ...latin, ...synonyms])]);
    });
  }
  reverse = map;
  return map;
}

const EN_WORD = /[A-Za-z0-9]+(?:[-.'][A-Za-z0-9]+)*/g;

/** A code as the asker typed it ("SB 53", "AI 800-2"): its letters and the numbers that follow. */
function codeAsTyped(run: string[], surface: string): string {
  const start = run.indexOf(surface);
  if (start < 0) return surface;
  let end = start + 1;
  while (end < run.length && /^\d/.test(run[end] as string)) end += 1;
  return run.slice(start, end).join(' ');
}

/** English words → term groups, glossary phrases first (up to four words), then the rest as written. */
function englishGroups(text: string): TermGroup[] {
  const original = [...text.matchAll(EN_WORD)].map((m) => m[0]);
  const words = original.map((w) => w.toLowerCase());
  const gloss = glossaryIndex();
  const groups: TermGroup[] = [];
  let leftover: string[] = [];
  // Words outside the glossary are analyzed as one run, so "sb 53" still becomes the code sb53.
  const flush = () => {
    const run = leftover;
    const units = analyze(run.join(' '));
    leftover = [];
    let absorbed = '';
    for (const u of units) {
      const code = u.alternatives[0] ?? u.whole;
      if (absorbed && /^[\d-]+$/.test(u.whole) && absorbed.includes(u.whole.replace(/-/g, ''))) continue;
      absorbed = code !== u.whole && /\d/.test(code) ? code : '';
      const actor = actorOfTerm(u.whole);
      groups.push({
        label: absorbed ? codeAsTyped(run, u.surface) : u.surface,
        alternatives: unitAlternatives(u),
        boost: [],
        weak: !absorbed && weakTermSet().has(u.whole),
        untranslated: !/^\d/.test(u.whole),
        ...(actor ? { actor } : {}),
      });
    }
  };
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let len = Math.min(4, words.length - i); len >= 1 && !matched; len--) {
      const phrase = words.slice(i, i + len).join(' ');
      if (len === 1 && questionWordSet().has(phrase) && !gloss.has(phrase)) break;
      const hit =
        [phrase, ...baseForms(phrase)].map((f) => gloss.get(f)).find(Boolean) ??
        // A typo, never a capitalised name (Treasure is not "measure").
        (len === 1 && !/^[A-Z]/.test(original[i] ?? '')
          ? gloss.get(nearestGlossaryWord(phrase) ?? '')
          : undefined);
      if (!hit) continue;
      flush();
      const instrument = [phrase, ...baseForms(phrase)].map(instrumentOfEnglish).find(Boolean);
      const actor = actorOfTerm(phrase);
      groups.push({
        label: phrase,
        translation: hit,
        ...translation(hit),
        weak: weakTermSet().has(phrase) || weakTermSet().has(words[i] ?? ''),
        untranslated: false,
        ...(instrument ? { instrument } : {}),
        ...(actor ? { actor } : {}),
      });
      matched = len;
    }
    if (matched) {
      i += matched;
      continue;
    }
    const w = words[i] as string;
    i += 1;
    if (questionWordSet().has(w)) {
      flush();
      continue;
    }
    leftover.push(original[i - 1] ?? w);
  }
  flush();
  return groups;
}

/** Parts of speech that ask or inflect rather than name something: 出した, まとめて, 作る, 詳しく. */
const NOT_A_TOPIC = new Set(['動詞', '助動詞', '形容詞', '副詞', '連体詞', '接続詞', '感動詞', 'フィラー']);

const KATAKANA_RUN = /^[\u30a1-\u30faー]+$/;
/** The long-vowel rule: オープンエーアイ, オープンエイアイ and オープンエーアイー are one spelling. */
export const foldLongVowels = (s: string) => s.replace(/[ーｰ]/g, '').replace(/([エケセテネヘメレ])イ/g, '$1');

let transliterations: Map<string, string> | undefined;
/** Katakana transliterations of Latin names (katakana.yml), keyed by their long-vowel-folded form. */
function transliteration(word: string): string | undefined {
  if (!transliterations) {
    transliterations = new Map();
    for (const [kana, latin] of Object.entries(katakanaLexicon().transliterations))
      transliterations.set(foldLongVowels(kana), latin);
  }
  return KATAKANA_RUN.test(word) ? transliterations.get(foldLongVowels(word)) : undefined;
}

/**
 * Transliterations that mix katakana and Latin (オープンAI): the question is split into Latin and
 * Japanese runs before the katakana ones are read, so these are replaced in the text first.
 */
export function mixedTransliterations(text: string): string {
  let out = text;
  for (const [kana, latin] of Object.entries(katakanaLexicon().transliterations)) {
    if (!/[A-Za-z]/.test(kana) || !/[\u30a0-\u30ff]/.test(kana)) continue;
    out = out.split(normalize(kana)).join(` ${latin} `);
  }
  return out;
}

/** A kanji word for a person by role (会計士, 監査人, 研究者, 職員, 技師, 長官): its field and the suffix. */
const PERSON_SUFFIX = /^([\u4e00-\u9fff]{2,})(?:士|人|者|員|師|官)$/;

function japaneseGroups(text: string): TermGroup[] {
  const groups: TermGroup[] = [];
  const rev = reverseGlossary();
  const asks = jaQuestionTermSet();
  const honorifics = honorificSet();
  for (const u of analyze(text)) {
    if (u.latin) continue;
    if (asks.has(u.whole) || asks.has(u.surface)) continue;
    if (u.pos && NOT_A_TOPIC.has(u.pos) && !rev.has(u.whole)) continue;
    // 平本さん → 平本: a suffix of respect is not part of the name.
    // Request words inside a compound go only from its edges (最新情報 → 最新…): 個人情報保護委員会
    // keeps its 情報, and a compound the glossary knows (情報セキュリティ) stays whole.
    const known = rev.has(u.whole);
    let lo = 0;
    let hi = u.parts.length;
    if (!known) {
      while (lo < hi && asks.has(u.parts[lo] as string)) lo += 1;
      while (hi > lo && asks.has(u.parts[hi - 1] as string)) hi -= 1;
    }
    const parts = u.parts.filter((p, i) => i >= lo && i < hi && !(i > 0 && honorifics.has(p)));
    if (!parts.length) continue;
    const unit: Unit =
      parts.length === u.parts.length ? u : { ...u, parts, whole: parts.join(''), surface: parts.join('') };
    const latin = transliteration(unit.whole) ?? transliteration(u.surface);
    if (latin) {
      groups.push(...englishGroups(latin).map((g) => ({ ...g, label: u.surface, untranslated: false })));
      continue;
    }
    const alternatives = unitAlternatives(unit);
    // 会計士, 監査人, 研究者: a person named by the field they work in is found by the field too
    // (the digests write 会計, 監査業界, 研究).
    // サンドボックス制度: a generic last part the documents may not add.
    const heads = questionWords().generic_heads;
    if (unit.parts.length > 1 && heads.includes(unit.parts[unit.parts.length - 1] as string))
      alternatives.push(unit.parts.slice(0, -1));
    const field = PERSON_SUFFIX.exec(unit.whole)?.[1];
    if (field) alternatives.push(...analyze(field).map((x) => [x.whole]));
    for (const other of rev.get(u.surface) ?? rev.get(unit.whole) ?? []) {
      const units = analyze(other);
      if (units.length === 1 && !units[0]?.latin) alternatives.push(...unitAlternatives(units[0] as Unit));
      else alternatives.push(units.map((x) => x.alternatives[0] ?? x.whole));
    }
    const instrument = instrumentOfJapanese(unit.whole);
    groups.push({
      label: unit.surface || unit.whole,
      alternatives: minimalAlternatives(alternatives),
      boost: unitBoost(unit),
      weak: weakTermSet().has(unit.whole),
      untranslated: false,
      ...(instrument ? { instrument } : {}),
    });
  }
  return groups;
}

let instrumentWords: { en: Map<string, string>; ja: Map<string, string> } | undefined;
function instrumentTables() {
  if (!instrumentWords) {
    instrumentWords = { en: new Map(), ja: new Map() };
    for (const i of instrumentsLexicon().instruments) {
      for (const w of i.en) instrumentWords.en.set(w.toLowerCase(), i.id);
      for (const w of i.asked_ja) instrumentWords.ja.set(w, i.id);
    }
  }
  return instrumentWords;
}
/** The instrument an English word asks for ("guidelines" → guideline), if it names one. */
export const instrumentOfEnglish = (phrase: string): string | undefined => instrumentTables().en.get(phrase);
/** The instrument a Japanese word names (法律 → law, ガイドライン → guideline). */
export const instrumentOfJapanese = (word: string): string | undefined => instrumentTables().ja.get(word);

let actorTerms: Map<string, string> | undefined;
/** Question words naming an actor that are not place names (AISI → jp-aisi). */
export function actorOfTerm(word: string): string | undefined {
  if (!actorTerms) {
    actorTerms = new Map();
    for (const a of actorsLexicon()) for (const t of a.terms) actorTerms.set(t.toLowerCase(), a.id);
  }
  return actorTerms.get(word.toLowerCase());
}

let glossaryWords: string[] | undefined;
/**
 * A misspelt English word (budjet, goverment, guidlines) → the glossary word one edit away, when
 * exactly one is that close. Only glossary words are candidates, so a
 * typo can only land on vocabulary the corpus is known to use.
 */
export function nearestGlossaryWord(word: string): string | undefined {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || questionWordSet().has(word)) return undefined;
  glossaryWords ??= [...glossaryIndex().keys()].filter((k) => /^[a-z]+$/.test(k) && k.length >= 5);
  const max = 1;
  const close = glossaryWords.filter((k) => editDistance(word, k, max) <= max);
  const best = Math.min(...close.map((k) => editDistance(word, k, max)));
  const at = close.filter((k) => editDistance(word, k, max) === best);
  // Forms of one concept (chatbott: chatbot, chatbots) are one answer, not an ambiguity.
  const meanings = new Set(at.map((k) => JSON.stringify(glossaryIndex().get(k))));
  return meanings.size === 1 ? at[0] : undefined;
}

/**
 * Katakana words typed in hiragana (れっどちーみんぐ) are read as katakana when the katakana
 * form splits into known katakana words; ordinary hiragana (について, まとめて) never does.
 */
export function katakanaFromHiragana(text: string): string {
  const toKata = (h: string) =>
    h.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  return text.replace(/[\u3041-\u3096ー]{4,}/g, (run) => {
    // The longest head of the run that reads as katakana words; particles after it stay (…ぐの).
    for (let end = run.length; end >= 4; end--) {
      const kata = toKata(run.slice(0, end));
      if (decompoundKatakana(kata).length > 1) return kata + run.slice(end);
    }
    return run;
  });
}

/**
 * A quantity written with thousands separators (100,000 people, $1,000,000): the digests write it
 * in 万/億 (10万人), which the analyzer does not index, so as a term it could only fail to match
 * (and, split at the comma, become codes such as train100). Codes (ISO 42001, IR 8596) have none.
 */
const GROUPED_NUMBER = /(?<![\w.-])\$?\d{1,3}(?:,\d{3})+(?![\w-])/g;

/** Latin runs inside a Japanese question (SB53, NIST, Grok) are English terms too. */
function latinRuns(text: string): string {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9 .\-']*/g) ?? []).join(' ');
}

/**
 * Reads a question in English or Japanese: countries and regions (hard filters), the period
 * (hard filter, relative to `today`), and the remaining words as term groups. Pure: the same
 * question and day always give the same interpretation.
 */
export function understand(question: string, today: string): Interpretation {
  // A URL in a question names a source: it is looked up as such, not searched as words.
  const urls = question.match(/https?:\/\/[^\s<>|]+/g) ?? [];
  // Normalized first (half-width and squared kana become kana), then kana runs bounded, then
  // hiragana read as katakana: in any other order one long run reaches the splitter whole.
  const text = mixedTransliterations(
    katakanaFromHiragana(boundKanaRuns(normalize(question).replace(/https?:\/\/\S+/g, ' '))),
  );
  const lang = detectLang(text);
  const periods = findPeriods(text, today);
  const afterPeriods = blank(
    text,
    periods.map((p) => [p.start, p.end]),
  );
  const places = findPlaces(afterPeriods);
  const rest = blank(afterPeriods, places.spans);
  const agencyGroups: TermGroup[] = places.agencies.map(({ name, actor }) => {
    const entry = actor ? actorsLexicon().find((a) => a.id === actor) : undefined;
    const names = entry ? [name, ...entry.ja, ...entry.en] : [name];
    const alternatives = names
      .map((n) => analyze(n).map((u) => (u.latin ? (u.alternatives[0] ?? u.whole) : u.whole)))
      .filter((a) => a.length > 0 && a.length <= 3);
    return {
      label: name,
      alternatives: minimalAlternatives(alternatives),
      boost: [],
      weak: false,
      untranslated: false,
      agency: true,
      ...(actor ? { actor } : {}),
    };
  });
  const groups = [
    ...englishGroups(latinRuns(rest.replace(GROUPED_NUMBER, ' '))),
    ...japaneseGroups(rest.replace(/[A-Za-z0-9][A-Za-z0-9 .\-']*/g, ' ')),
    ...agencyGroups.filter((g) => g.alternatives.length),
  ];
  return {
    question,
    lang,
    countries: places.countries,
    regions: places.regions,
    placeNames: places.said,
    urls,
    actors: [...new Set(places.agencies.flatMap((a) => (a.actor ? [a.actor] : [])))],
    period: combinePeriods(periods),
    ...(periods.length
      ? { periodText: periods.map((p) => text.slice(p.start, p.end).trim()).join(' ') }
      : {}),
    groups: dedupeGroups(groups),
  };
}

function dedupeGroups(groups: TermGroup[]): TermGroup[] {
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = JSON.stringify(g.alternatives);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
