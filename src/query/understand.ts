import { loadDictionaryTables, lookupEnglishWord } from '../analyze/dictionary.js';
import { tokenizerSync } from '../analyze/kuromoji.js';
import { questionWords } from '../analyze/lexicon.js';
import { genericBodySet } from './glossary.js';
import { combinePeriods, findPeriods, recentPeriod } from './period.js';
import { findPlaces } from './places.js';
import { expandClippedNames } from './understand/clipped-names.js';
import type {
  CorpusLookups,
  Interpretation,
  Lang,
  TermGroup,
  UnderstandContext,
} from './understand/context.js';
import { englishGroups } from './understand/english.js';
import { exampleGroups } from './understand/examples.js';
import { japaneseGroups } from './understand/japanese.js';
import { correctPlaceTypos } from './understand/place-typos.js';
import { agencyGroups, placeGroups } from './understand/places.js';
import { prepareText } from './understand/text.js';
import { unplacedNouns } from './understand/unplaced.js';

export { actorOfTerm, instrumentOfEnglish, instrumentOfJapanese } from './understand/actors.js';
export { minimalAlternatives } from './understand/alternatives.js';
export type { Interpretation, Lang, TermGroup } from './understand/context.js';
export { nearestGlossaryWord } from './understand/english.js';
export { foldLongVowels, katakanaFromHiragana, mixedTransliterations } from './understand/text.js';

/** A Latin name written together with 法 (not 法案, 法律, 法人): a law's name. */
const LATIN_LAW = /([A-Za-z][A-Za-z0-9]*)法(?![案律人])/g;
/**
 * The first stage of answering: a question → what it asks. Every word ends up in exactly one
 * place: a filter (places, actors, the period), a concept (`groups`: the glossary, the corpus's
 * bilingual vocabulary, clipped forms, typos, names as typed — a concept the corpus does not
 * hold is kept, so the answer can say so rather than answer something else), or filler
 * (`filler`: question words, politeness, request verbs). The steps live in `understand/`:
 * text.ts (normalizing), places and periods (filters), english.ts and japanese.ts (concepts).
 */

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
 * A quantity written with thousands separators (100,000 people, $1,000,000): the digests write it
 * in 万/億 (10万人), which the analyzer does not index, so as a term it could only fail to match
 * (and, split at the comma, become codes such as train100). Codes (ISO 42001, IR 8596) have none.
 */
const GROUPED_NUMBER = /(?<![\w.-])\$?\d{1,3}(?:,\d{3})+(?![\w-])/g;

/**
 * An amount of money typed in English ("million dollar fines", "$10m", "88 oku yen"): the digests
 * write amounts in 万/億 with a counter, which the analyzer does not index, so the amount can only
 * be filler (said as such in the answer); the words around it decide.
 */
const AMOUNT =
  /(?<![\w.-])(?:(?:\$|us\$|usd ?)\s?\d+(?:\.\d+)?(?:\s?(?:k|m|bn|mn|thousand|million|billion|trillion)\b)?|(?:\d+(?:\.\d+)?\s?)?(?:thousand|million|billion|trillion)s?(?:[\s-](?:dollars?|usd|yen|euros?|pounds?|won|yuan))?|\d+(?:\.\d+)?\s?(?:oku|cho)?\s?(?:dollars?|yen|euros?|pounds?|won|yuan)|\d+(?:\.\d+)?\s?(?:oku|cho)|\d+(?:\.\d+)?(?:k|bn))(?![\w-])/gi;

/**
 * A count with its counter (第4回, 3件, 10か国, 第3回会合): the digests write the same, but the
 * analyzer indexes no counters and no short numbers, so it is filler, said as such; the words
 * around it decide. (A counter other than 回 only before a non-kanji: 200人体制, 3人材 and 2社会
 * are words. The counters of a number a Latin run ends in are `COUNTER` below.)
 */
const COUNTED =
  /(?<![\w.])第?\s*\d+(?:\.\d+)?\s*(?:回|(?:件目?|人|社|か国|カ国|ヶ国|名|本|個|位|号|条|章|項|点)(?![\u3400-\u9fff]))/g;

/**
 * A span of time counted from now or lasting (25年前, 3年間, 10年ぶり, 2か月後): no period the
 * digests are filed under, so filler, said as such.
 */
const DURATION = /(?<![\w.])\d+\s*(?:年|か月|ヶ月|カ月|週間|日)\s*(?:前|後|間|ぶり|以上|以内|未満)/g;

/**
 * A version typed with a document's name (v1.10, version 2; the documents print 第1.10版, which
 * the analyzer does not index as a version): filler, said as such; the name decides.
 */
const VERSION = /(?<![\w.-])(?:v|ver\.?|version)\s?\d+(?:\.\d+)*(?![\w-])/gi;

/**
 * Latin runs inside a Japanese question (SB53, NIST, Grok) are English terms too. Runs are kept
 * apart (a Japanese word between "AI" and "10" does not make the code "AI 10"), and a number
 * written against a Japanese counter or unit (10万人, 1.1版) is no term.
 */
const COUNTER = /[万億千百人件年月日版回円個社国名倍歳時分秒位項代大点頁章条目割%％]/;
function latinRuns(text: string): string[] {
  const runs: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9 .\-']*/g)) {
    const run = m[0].trim();
    const after = text[(m.index ?? 0) + m[0].length] ?? '';
    if (/^[\d.\s-]+$/.test(run) && COUNTER.test(after)) continue;
    runs.push(run);
  }
  return runs;
}

/** "latest", "newest", "most recent", 最新, 直近: the newest items answering the rest. */
const LATEST = /\b(?:latest|newest|most recent)\b|最新|直近/i;
/** "What is X doing", 何をしている: a request for its news after all. */
const DOING = /\b(?:doing|done|up\s+to|working\s+on)\b|している|してる|した(?:の|か)/i;
/** What / who / when / why questions about something, not a request for a list of its news. */
const ABOUT_ITSELF =
  /^\s*(?:what\s+(?:is|are|was|does)|what's|who|when\s+(?:was|did|is)|why|how\s+(?:many|much|big|is|does))\b|とは|って(?:何|なに|誰|だれ|いつ|どこ)|いつ|誰|だれ|なぜ|どうして|何人|いくら/i;

/**
 * How long understanding one question may take before it answers with what it has read (and
 * says so): bounded kana runs keep any question well under it; this is the guarantee that no
 * input, however it defeats an analyzer step, holds the event loop for the others.
 */
export const UNDERSTAND_BUDGET_MS = 800;

export interface UnderstandOptions extends CorpusLookups {
  /** The clock (milliseconds), for the time budget. */
  now?: () => number;
  budgetMs?: number;
}

/**
 * Reads a question in English or Japanese: countries and regions (hard filters), the period
 * (hard filter, relative to `today`), the concepts, and the filler. Deterministic: the same
 * question, day and vocabulary give the same interpretation (unless the time budget runs out).
 */
export function understand(question: string, today: string, options: UnderstandOptions = {}): Interpretation {
  const { now: clock, budgetMs, ...lookups } = options;
  const now = clock ?? (() => performance.now());
  // The dictionary's tables are read once per process (≈0.2 s): before the clock starts, so a
  // cold start does not spend the first question's budget.
  if (lookups.vocabulary) loadDictionaryTables();
  const deadline = now() + (budgetMs ?? UNDERSTAND_BUDGET_MS);
  let expired = false;
  const ctx: UnderstandContext = {
    ...lookups,
    filler: [],
    expired: () => {
      if (!expired && now() > deadline) expired = true;
      return expired;
    },
  };
  const prepared = prepareText(question);
  const { urls, filler } = prepared;
  let text = prepared.text;
  ctx.filler.push(...filler);
  const lang = detectLang(text);
  ctx.inJapanese = lang === 'ja';
  // Places before periods: 秋田県 is a prefecture, not an autumn.
  // "not the state stuff", "except Korea", 州以外: what the asker leaves out is neither a filter
  // nor a subject of the answer; it is said as filler.
  const negated = [...text.matchAll(NEGATED_EN), ...text.matchAll(NEGATED_JA)];
  for (const m of negated) ctx.filler.push(m[0].trim());
  text = blank(
    text,
    negated.map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]),
  );
  // (a name clipped as people type it: エネ省, 千葉工大)
  const clipped = lang === 'ja' ? expandClippedNames(text, ctx) : { text, read: [] };
  text = clipped.text;
  // (a place's name typed one letter off is that place: inda → India)
  const placeTypos = correctPlaceTypos(text, ctx.hasTerm);
  text = placeTypos.text;
  const places = findPlaces(text);
  // (a country named to compare — "a law like Korea's" — is said as filler, never a filter)
  ctx.filler.push(...places.compared);
  // "EU-level", "state level": the scope of a place named, not a subject.
  const scopes = places.spans.flatMap(([, end]) => {
    const m = /^[-\s]level\b/i.exec(text.slice(end));
    return m ? [[end, end + m[0].length] as [number, number]] : [];
  });
  for (const [a, b] of scopes) ctx.filler.push(text.slice(a, b).replace(/^[-\s]/, ''));
  const afterPlaces = blank(text, [...places.spans, ...scopes]);
  const periods = findPeriods(afterPlaces, today);
  const afterPeriods = blank(
    afterPlaces,
    periods.map((p) => [p.start, p.end]),
  );
  const amounts = [
    ...afterPeriods.matchAll(AMOUNT),
    ...afterPeriods.matchAll(COUNTED),
    ...afterPeriods.matchAll(VERSION),
    ...afterPeriods.matchAll(DURATION),
  ];
  for (const m of amounts) ctx.filler.push(m[0].trim());
  const rest = blank(
    afterPeriods,
    amounts.map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]),
  );
  const conceptGroups = (text: string, asLang: Lang) => {
    // AI法, RAISE法: a Latin name written together with 法 is that law's name, read as the English
    // question "AI Act" is (not "AI" and, apart, any law).
    const t = asLang === 'en' ? text : text.replace(LATIN_LAW, '$1 Act');
    return [
      ...(asLang === 'en'
        ? englishGroups(t, ctx)
        : latinRuns(t)
            .flatMap((run) => englishGroups(run, ctx))
            .map(latinName)),
      ...japaneseGroups(t.replace(/[A-Za-z0-9][A-Za-z0-9 .\-']*/g, ' '), ctx),
    ];
  };
  const examples = exampleGroups(rest.replace(GROUPED_NUMBER, ' '), ctx, (item, itemLang) =>
    conceptGroups(item, itemLang === 'en' && lang === 'en' ? 'en' : 'ja'),
  );
  const groups = [
    ...conceptGroups(examples.rest, lang),
    ...examples.groups,
    ...agencyGroups(places, ctx.hasTerm),
    ...placeGroups(places),
  ];
  const interp: Interpretation = {
    question,
    lang,
    countries: places.countries,
    regions: places.regions,
    placeNames: places.said,
    ...(places.viaPlaces.length ? { viaPlaces: places.viaPlaces } : {}),
    urls,
    actors: [...new Set(places.agencies.flatMap((a) => (a.actor ? [a.actor] : [])))],
    period: combinePeriods(periods),
    ...(periods.length
      ? { periodText: periods.map((p) => text.slice(p.start, p.end).trim()).join(' ') }
      : {}),
    groups: dedupeGroups(groups).map(personNamed),
    filler: [...new Set(ctx.filler)],
    ...(LATEST.test(text) ? { latest: true } : {}),
    ...(ABOUT_ITSELF.test(text) && !DOING.test(text) ? { aboutItself: true } : {}),
    ...aspectsAsked(text),
    ...(placeTypos.read.length || clipped.read.length
      ? { placeReadAs: Object.fromEntries([...clipped.read, ...placeTypos.read]) }
      : {}),
  };
  if (interp.rank?.length) {
    // "how many people work at aisi these days", AISIの最近の体制: what a question asks of its
    // subject (an aspect) is asked of it now; "these days" is no window of news, and is filler.
    if (
      interp.periodText !== undefined &&
      questionWords().present_time.includes(interp.periodText.toLowerCase())
    ) {
      interp.filler = [...interp.filler, interp.periodText];
      interp.period = null;
      delete interp.periodText;
    }
    // "aisi budget in january": the concept that asks the aspect (budget: 予算) is what an answer
    // must hold — January's other AISI items are no answer about its budget.
    const asked = new Set(interp.rank);
    interp.groups = interp.groups.map((g) =>
      !g.weak && g.alternatives.some((alt) => alt.length === 1 && asked.has(alt[0] as string))
        ? { ...g, aspect: true }
        : g,
    );
  }
  // "IMDA — the Singapore regulator": a word for a kind of body beside a body named by its own
  // name describes it, and only ranks (IMDA's items need not say 当局).
  if (interp.groups.some((g) => g.agency || g.body)) {
    const kinds = genericBodySet();
    interp.groups = interp.groups.map((g) =>
      !g.weak && !g.agency && !g.body && !g.place && kinds.has(g.label.toLowerCase())
        ? { ...g, weak: true }
        : g,
    );
  }
  // "latest news", 最新情報: with nothing else asked, the latest is what is recent (the latest
  // covered month when the corpus ends earlier); with a subject, the newest of its items (decide.ts).
  if (
    interp.latest &&
    !interp.period &&
    !interp.countries.length &&
    !interp.regions.length &&
    !interp.actors.length &&
    interp.groups.every((g) => g.weak)
  )
    interp.period = recentPeriod(today);
  // "what has the UK AISI done lately", EUのAI法の最近の動き: vague recency asked of a subject —
  // when the last 30 days hold none of it, its newest items answer (search.ts).
  if (
    interp.period?.vague &&
    (interp.countries.length ||
      interp.regions.length ||
      interp.actors.length ||
      interp.groups.some((g) => !g.weak))
  )
    interp.recent = true;
  if (expired) interp.cutShort = { analyzedChars: readUpTo(text, interp), length: question.length };
  // The last guard: a noun nothing above placed is a concept as typed, never dropped. (For a
  // question as long as a question gets: re-reading a page of pasted text costs more than the
  // readers above, which bound it.)
  else if (text.length <= GUARDED_LENGTH)
    for (const w of unplacedNouns(text, interp))
      interp.groups.push({
        label: w,
        alternatives: [[w]],
        boost: [],
        weak: false,
        untranslated: false,
        source: 'typed',
      });
  return interp;
}

/** The longest question the last guard re-reads (characters): longer is pasted text, not a question. */
const GUARDED_LENGTH = 300;

/** How far into the question the concepts read reach (for "only the first N characters were read"). */
function readUpTo(text: string, interp: Interpretation): number {
  let reach = 0;
  for (const w of [...interp.groups.map((g) => g.label), ...interp.filler]) {
    const at = text.toLowerCase().indexOf(w.toLowerCase());
    if (at >= 0) reach = Math.max(reach, at + w.length);
  }
  return reach;
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

/**
 * A capitalized word a Japanese question types in Latin letters that no vocabulary translates
 * (Grok, Kanana): a name, which every answer must match, as a place — "Grokが性的な画像を生成した
 * 問題" is not answered by another sexual-image item that never names Grok. (Not a code in
 * capitals: ICT白書 is the 情報通信白書, which never prints ICT.)
 */
function latinName(g: TermGroup): TermGroup {
  return g.source === 'typed' &&
    !g.weak &&
    !g.agency &&
    /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(g.label) &&
    // (an English word capitalized is no name: Provenance, Watermarking)
    lookupEnglishWord(g.label.toLowerCase()) === undefined
    ? { ...g, name: true }
    : g;
}

/**
 * Words an asker excludes: "not the state stuff", "except Korea" (a place is read before this and
 * stays a filter), "other than guidelines". One to three words after the marker, up to a comma or
 * a preposition; they become filler, said as such.
 */
const NEGATED_EN =
  /\b(?:but\s+)?(?:not|except(?:\s+for)?|excluding|other\s+than|apart\s+from|aside\s+from)\s+(?:the\s+|any\s+|a\s+)?(?:(?!in\b|on\b|from\b|for\b|about\b|of\b)[a-z][\w-]*)(?:\s+(?!in\b|on\b|from\b|for\b|about\b|of\b)[a-z][\w-]*){0,2}/gi;
/** 州以外, 規制を除く, 法律ではなく: the word before the marker is left out. */
const NEGATED_JA = /[\u3400-\u9fff\u30a1-\u30faー]+(?:以外|を除く|を除いて|ではなく|じゃなくて|抜きで)/g;

/**
 * A concept that is a person's surname (北村, 平本副所長, "kitamura" read as 北村: kuromoji's
 * 人名/姓 of two characters or more) is a name every answer must carry: "Kitamura's talks in
 * December" is not answered by other people's talks.
 */
function personNamed(g: TermGroup): TermGroup {
  if (g.name || g.place || g.agency || g.weak) return g;
  const first = g.alternatives[0];
  const surname =
    (first ?? []).some(isSurname) || g.alternatives.some((a) => a.length === 1 && isSurname(a[0] as string));
  return surname ? { ...g, name: true } : g;
}

function isSurname(term: string): boolean {
  if (term.length < 2 || !/^[\u3400-\u9fff]+$/.test(term)) return false;
  const tokens = tokenizerSync().tokenize(term);
  return tokens.length === 1 && tokens[0]?.pos_detail_2 === '人名' && tokens[0]?.pos_detail_3 === '姓';
}

let aspectPatterns: { source: unknown; list: { asked: RegExp[]; rank: string[] }[] } | undefined;
/** The words that rank what a question asks of its subject (`aspects`, question-words.yml). */
function aspectsAsked(text: string): { rank?: string[] } {
  const aspects = questionWords().aspects;
  if (aspectPatterns?.source !== aspects)
    aspectPatterns = {
      source: aspects,
      list: aspects.map((a) => ({ asked: a.asked.map((p) => new RegExp(p, 'i')), rank: a.rank })),
    };
  const rank = aspectPatterns.list.filter((a) => a.asked.some((re) => re.test(text))).flatMap((a) => a.rank);
  return rank.length ? { rank: [...new Set(rank)] } : {};
}
