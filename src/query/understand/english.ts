import { analyze, stemKatakana, type Unit } from '../../analyze/analyzer.js';
import {
  englishLemmas,
  isEnglishWord,
  isLatinHeadword,
  lookupEnglish,
  lookupEnglishWord,
  lookupJapaneseTerm,
  relatedForms,
} from '../../analyze/dictionary.js';
import { englishTerms, minimalStem } from '../../analyze/english-terms.js';
import { clippedForms } from '../../analyze/lexicon.js';
import { editDistance, nearest } from '../edit-distance.js';
import {
  baseForms,
  genericHeadEnSet,
  glossaryIndex,
  hyphenSuffixSet,
  jaQuestionTermSet,
  questionWordSet,
  reviewedQuestionWordSet,
  verbTakerSet,
  weakTermSet,
} from '../glossary.js';
import { actorOfTerm, instrumentOfEnglish } from './actors.js';
import { minimalAlternatives, translation, unitAlternatives } from './alternatives.js';
import type { TermGroup, UnderstandContext } from './context.js';
import { closedCompoundOf, headwordsAsWritten, isCompositional } from './dictionary-readings.js';
import { inCaseOf, joinSplitNames, swappedName } from './latin-names.js';
import { glossaryNamesLaw, lawNameEnds, lawNameWords, markLawNames } from './law-names.js';
import {
  corpusHeadwords,
  glossaryHit,
  type Reading,
  readWord,
  standsAlone,
  vocabularyTerms,
} from './readings.js';

/**
 * English words → concepts. Each word is filler (question and function words, a data list), part
 * of a glossary phrase (reviewed translations, up to four words), part of a gloss of the corpus's
 * bilingual vocabulary (JMdict, for words no one wrote an entry for), a clipped form of one of
 * those (exec, univ), a typo of one (budjet), a name or code the corpus prints in Latin (SB53,
 * Grok) — or a concept the corpus does not hold, kept as such: a word is never dropped because
 * it is unknown.
 */
const EN_WORD = /[A-Za-z0-9]+(?:[-.'][A-Za-z0-9]+)*/g;

/** A code as the asker typed it ("SB 53", "AI 800-2"): its letters and the numbers that follow. */
function codeAsTyped(run: string[], surface: string): string {
  const start = run.indexOf(surface);
  if (start < 0) return surface;
  let end = start + 1;
  while (end < run.length && /^\d/.test(run[end] as string)) end += 1;
  return run.slice(start, end).join(' ');
}

/** A word of the reviewed question-word list (of, with, has…): never the letters of a code. */
const reviewedFunctionWord = (w: string): boolean => reviewedQuestionWordSet().has(w);

/** A generic word, also in the plural the list does not spell (announcements, updates). */
function isWeakWord(word: string): boolean {
  const weak = weakTermSet();
  return weak.has(word) || weak.has(minimalStem(word));
}

let fiveLetter: { words: string[]; of: Map<string, string[]> } | undefined;
/** The glossary's words of five letters, listed once per glossary: the targets of a four-letter typo. */
function fiveLetterGlossaryWords(): string[] {
  const glossary = glossaryIndex();
  if (fiveLetter?.of !== glossary)
    fiveLetter = { words: [...glossary.keys()].filter((k) => /^[a-z]{5}$/.test(k)), of: glossary };
  return fiveLetter.words;
}

let typoTargets: { words: string[]; of: object | undefined } | undefined;
/** Words a typo may be corrected to: single glossary words and vocabulary glosses, five letters or more. */
function correctionTargets(ctx: UnderstandContext): string[] {
  if (typoTargets && typoTargets.of === ctx.vocabulary) return typoTargets.words;
  const words = new Set<string>();
  for (const k of glossaryIndex().keys()) if (/^[a-z]{5,}$/.test(k)) words.add(k);
  for (const k of ctx.vocabulary?.english.keys() ?? []) if (/^[a-z]{5,}$/.test(k)) words.add(k);
  typoTargets = { words: [...words], of: ctx.vocabulary };
  return typoTargets.words;
}

let fillerTargets: string[] | undefined;
/**
 * A misspelt filler word (anythhing, hapened, upadtes) is filler: the question words of five
 * letters or more one edit from it — never a word the dictionary knows as itself.
 */
export function isMisspeltFiller(word: string): boolean {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || lookupEnglishWord(word)) return false;
  fillerTargets ??= [...questionWordSet()].filter((w) => /^[a-z]{5,}$/.test(w) && !glossaryIndex().has(w));
  return nearest(word, fillerTargets).length > 0;
}

/**
 * A misspelt English word (budjet, goverment, guidlines) → the word one edit away, when exactly
 * one meaning is that close. Never a word the dictionary knows as itself ("lunch" is not
 * "launch"), nor a name or code the corpus prints (Ofcom), nor a capitalised word.
 */
export function correctTypo(ctx: UnderstandContext, word: string): Reading | undefined {
  if (word.length < 4 || !/^[a-z]+$/.test(word) || questionWordSet().has(word)) return undefined;
  if (ctx.hasTerm?.(word)) return undefined;
  // (a word the dictionary or WordNet knows as itself: "restrict" is no typo of "district")
  if (isEnglishWord(word)) return undefined;
  // A four-letter word: only a letter left out of one glossary word (draf → draft); other edits of
  // so short a word reach too many words.
  if (word.length === 4) {
    const hits = fiveLetterGlossaryWords().filter((k) => editDistance(word, k, 1) === 1);
    return hits.length === 1 ? readWord(ctx, hits[0] as string) : undefined;
  }
  // One edit, two for a long word (regualtoin); towards the lexicon's words, else a Latin word the
  // corpus prints (antropic → anthropic).
  let readings = nearest(word, correctionTargets(ctx)).flatMap((k) => readWord(ctx, k) ?? []);
  if (!readings.length && ctx.latinTerms)
    readings = nearest(word, ctx.latinTerms()).map((k) => ({
      word: k,
      forms: [k],
      source: 'vocabulary' as const,
    }));
  // Forms of one concept (chatbott: chatbot, chatbots) are one answer, not an ambiguity; between
  // a reviewed glossary word and dictionary ones (globl: global, globe), the glossary's.
  const meaning = (rs: Reading[]) =>
    new Set(rs.map((r) => JSON.stringify(r.forms))).size === 1 ? rs[0] : undefined;
  return meaning(readings) ?? meaning(readings.filter((r) => r.source === 'glossary'));
}

/** The glossary word a misspelling stands for (kept for callers that only have the glossary). */
export function nearestGlossaryWord(word: string): string | undefined {
  const r = correctTypo({ filler: [], expired: () => false }, word);
  return r?.source === 'glossary' ? r.word : undefined;
}

/**
 * An English word or phrase as the English fields index it (stop words out, plurals folded:
 * "codes of practice" → code, practice), or undefined when nothing is left.
 */
export function englishFieldAlternative(phrase: string): string[] | undefined {
  // The same analysis the English fields were indexed with: a term it cannot give is in no item.
  const terms = englishTerms(phrase);
  return terms.length ? terms : undefined;
}

/** `translated`: the forms' {@link translation}, when the caller has it already. */
function conceptGroup(
  label: string,
  reading: Reading,
  extra: Partial<TermGroup> = {},
  translated?: ReturnType<typeof translation>,
): TermGroup {
  const instrument = [reading.word, ...baseForms(reading.word)].map(instrumentOfEnglish).find(Boolean);
  const actor = actorOfTerm(reading.word);
  const t = translated ?? translation(reading.forms);
  const english = englishFieldAlternative(reading.word);
  return {
    label,
    translation: reading.forms,
    ...t,
    // A word the corpus prints in Latin too (security, Grok) matches as typed as well, and the
    // English titles and summaries match it as English.
    alternatives: minimalAlternatives([
      ...t.alternatives,
      ...(reading.source === 'vocabulary' ? [[reading.word.toLowerCase()]] : []),
      ...(english ? [english] : []),
    ]),
    weak: isWeakWord(reading.word) || isWeakWord(label.toLowerCase()),
    untranslated: false,
    source: reading.source,
    ...(instrument ? { instrument } : {}),
    ...(actor ? { actor } : {}),
    ...extra,
  };
}

/** English words → term groups (see the module comment). Filler goes to `ctx.filler`. */
export function englishGroups(text: string, ctx: UnderstandContext, depth = 0): TermGroup[] {
  // Clipped forms read as the full words before phrases are looked up: "exec order" is the
  // glossary's "executive order" (a code's letters stay: "eo 14179").
  const clipped = clippedForms().en;
  const tokens = [...text.matchAll(EN_WORD)].map((m) => m[0]);
  const original = tokens.flatMap((w, k) => {
    const full = clipped[w.toLowerCase()];
    if (!full || depth > 0 || /^\d/.test(tokens[k + 1] ?? '') || glossaryIndex().has(w.toLowerCase()))
      return [w];
    return full.split(' ');
  });
  joinSplitNames(original, ctx);
  const words = original.map((w) => w.toLowerCase());
  if (depth === 0) ctx.verbUses = verbUsesOf(words);
  const groups: TermGroup[] = [];
  let leftover: string[] = [];
  // Words outside the glossary are analyzed as one run, so "sb 53" still becomes the code sb53.
  const flush = () => {
    const run = leftover;
    leftover = [];
    if (!run.length) return;
    const units = analyze(run.join(' '));
    let absorbed = '';
    for (const u of units) {
      if (ctx.expired()) return;
      const code = u.alternatives[0] ?? u.whole;
      if (absorbed && /^[\d-]+$/.test(u.whole) && absorbed.includes(u.whole.replace(/-/g, ''))) continue;
      absorbed = code !== u.whole && /\d/.test(code) ? code : '';
      groups.push(
        ...wordGroups(ctx, u, absorbed ? codeAsTyped(run, u.surface) : u.surface, Boolean(absorbed), depth),
      );
    }
  };
  for (let i = 0; i < words.length; ) {
    if (ctx.expired()) break;
    // A word in capitals before "Act" is the law's own name, as printed (the CHIPS Act is not
    // about chips in general): no translation of the ordinary word. (An acronym the glossary
    // knows as a law's — DSA, the Digital Services Act — is read through the glossary.)
    const word = original[i] as string;
    const lower = words[i] as string;
    if (
      /^[A-Z][A-Z0-9]{2,}$/.test(word) &&
      lawNameEnds().has(words[i + 1] ?? '') &&
      !questionWordSet().has(lower) &&
      !glossaryNamesLaw(lower)
    ) {
      flush();
      // (a name misspelt — letters swapped, one left out: RAIS Act — read as a name in capitals is)
      const swapped = ctx.hasTerm?.(lower) ? undefined : swappedName(ctx, lower, true);
      const english = englishFieldAlternative(swapped ?? lower);
      groups.push({
        label: word,
        alternatives: minimalAlternatives([[swapped ?? lower], ...(english ? [english] : [])]),
        boost: [],
        weak: false,
        untranslated: true,
        source: swapped ? 'typo' : 'typed',
        ...(swapped ? { readAs: inCaseOf(word, swapped) } : {}),
      });
      i += 1;
      continue;
    }
    let matched = 0;
    /** The glossary phrase of `len` words at i, read (a concept, or filler); whether there was one. */
    const glossaryPhraseAt = (len: number): boolean => {
      const phrase = words.slice(i, i + len).join(' ');
      const hit = glossaryHit(phrase);
      if (!hit) return false;
      flush();
      // A glossary phrase whose Japanese is only stop words (previous → これまで) asks nothing.
      const translated = translation(hit);
      if (!translated.alternatives.length) ctx.filler.push(original.slice(i, i + len).join(' '));
      else
        groups.push(conceptGroup(phrase, { word: phrase, forms: hit, source: 'glossary' }, {}, translated));
      matched = len;
      return true;
    };
    // Longest first: a glossary phrase, then a gloss of two or three words in the corpus's
    // vocabulary ("sign language" → 手話, not the glossary's "sign" → 署名), then one glossary word.
    for (let len = Math.min(4, words.length - i); len >= 2 && !matched; len--) glossaryPhraseAt(len);
    // A gloss of two or three words in the corpus's vocabulary: "autonomous driving" → 自動運転.
    for (let len = Math.min(3, words.length - i); len >= 2 && !matched; len--) {
      const phrase = words.slice(i, i + len).join(' ');
      if (words.slice(i, i + len).some((w) => questionWordSet().has(w))) continue;
      const vocab = vocabularyTerms(ctx, phrase) ?? phraseBySynonym(ctx, words.slice(i, i + len));
      if (!vocab) continue;
      flush();
      groups.push(conceptGroup(phrase, { word: phrase, forms: vocab, source: 'vocabulary' }));
      matched = len;
    }
    // Words whose loanwords the corpus writes together as one katakana word (sports betting →
    // スポーツベッティング, as a month printed only in Japanese says it).
    for (let len = Math.min(3, words.length - i); len >= 2 && !matched && depth === 0; len--) {
      const ws = words.slice(i, i + len);
      if (ws.some((w) => questionWordSet().has(w) || !/^[a-z]{3,}$/.test(w))) continue;
      const joined = katakanaPhrase(ctx, ws);
      if (!joined) continue;
      flush();
      groups.push({
        label: original.slice(i, i + len).join(' '),
        alternatives: minimalAlternatives([analyze(joined).flatMap((x) => x.parts), [joined]]),
        boost: [],
        weak: false,
        untranslated: false,
        source: 'vocabulary',
        readAs: joined,
      });
      matched = len;
    }
    // (a question word is no glossary word unless the glossary has it, or it is a code's letters)
    const w0 = words[i] as string;
    const questionWord =
      questionWordSet().has(w0) &&
      !glossaryIndex().has(w0) &&
      (!/^\d/.test(words[i + 1] ?? '') || reviewedFunctionWord(w0));
    if (!matched && !questionWord) glossaryPhraseAt(1);
    // A phrase the dictionary knows as one thing ("real estate" 不動産, "drug discovery" 創薬) that
    // the corpus does not use is one concept, not its words: "drug" and "discovery" found apart
    // are not an answer about drug discovery.
    for (let len = Math.min(3, words.length - i); len >= 2 && !matched && depth === 0; len--) {
      const ws = words.slice(i, i + len);
      if (ws.some((w) => questionWordSet().has(w) || !/^[a-z][a-z-]*$/.test(w))) continue;
      const phrase = ws.join(' ');
      const entry = lookupEnglishWord(phrase);
      if (!entry || entry.gloss.split(' ').length !== len) continue;
      // A phrase the dictionary writes as a compound of words (space agency: 宇宙 + 機関) means its
      // words: they are read one by one. Only an opaque word (drug discovery: 創薬, real estate:
      // 不動産) makes it one concept.
      // (not an abbreviation in Latin letters: ＯＴ, occupational therapist, is the corpus's OT,
      // operational technology)
      const heads = entry.headwords.filter((h) => !isLatinHeadword(h)).slice(0, 2);
      if (heads.some((h) => isCompositional(ctx, h, ws))) continue;
      flush();
      const english = englishFieldAlternative(phrase);
      groups.push({
        label: original.slice(i, i + len).join(' '),
        alternatives: minimalAlternatives([
          ...heads.map((h) => analyze(h).map((u) => u.whole)),
          ...(english ? [english] : []),
        ]),
        boost: [],
        weak: false,
        untranslated: true,
        source: 'typed',
      });
      matched = len;
    }
    if (matched) {
      i += matched;
      continue;
    }
    const w = words[i] as string;
    i += 1;
    // "year's", "institute's": the possessive of a filler word is filler. A short word before a
    // number is a code, never filler (sb 53, eo 14179).
    // (Not a reviewed function word: "of 200", "with 113" are no codes.)
    const code = /^[a-z]{1,5}$/.test(w) && /^\d/.test(words[i] ?? '') && !reviewedFunctionWord(w);
    if (!code && (questionWordSet().has(w) || questionWordSet().has(w.replace(/['’]s$/, '')))) {
      flush();
      ctx.filler.push(original[i - 1] ?? w);
      continue;
    }
    leftover.push(original[i - 1] ?? w);
  }
  flush();
  return markLawNames(markGenericHeads(groups), lawNameWords(original));
}

/**
 * A generic head after a subject (companion apps) only ranks: the subject decides whether an
 * item answers. A head with no subject before it is left as it is.
 */
function markGenericHeads(groups: TermGroup[]): TermGroup[] {
  const heads = genericHeadEnSet();
  return groups.map((g, i) =>
    i > 0 &&
    !g.weak &&
    heads.has(g.label.toLowerCase()) &&
    groups.slice(0, i).some((p) => !p.weak && !p.place)
      ? { ...g, weak: true }
      : g,
  );
}

/** One analyzed word (or code) outside the glossary's phrases → its concept. */
function wordGroups(
  ctx: UnderstandContext,
  u: Unit,
  label: string,
  isCode: boolean,
  depth: number,
): TermGroup[] {
  const word = u.whole;
  const actor = actorOfTerm(word);
  const english = isCode ? undefined : englishFieldAlternative(word);
  const asTyped = (extra: Partial<TermGroup> = {}): TermGroup => ({
    label,
    alternatives: minimalAlternatives([...unitAlternatives(u), ...(english ? [english] : [])]),
    boost: [],
    weak: !isCode && isWeakWord(word),
    untranslated: !/^\d/.test(word),
    source: 'typed',
    ...(actor ? { actor } : {}),
    ...extra,
  });
  if (isCode || !/^[a-z][a-z'-]*$/.test(word)) return [asTyped()];
  // exec → executive, univ → university, genai → generative ai: read as the full words.
  const full = clippedForms().en[word];
  if (full && depth === 0) {
    const expanded = englishGroups(full, ctx, depth + 1);
    if (expanded.length)
      return expanded.map((g) => ({
        ...g,
        label: expanded.length === 1 ? label : g.label,
        readAs: full,
        source: 'clipped' as const,
      }));
  }
  // A word typed in capitals that the corpus prints is that name (RAISE of the RAISE Act, not
  // "raise": 調達, 募集).
  if (/^[A-Z]{3,}$/.test(u.surface) && ctx.hasTerm?.(word)) return [asTyped()];
  const linked = vocabularyTerms(ctx, word);
  // A link only through a term's later sense that the word's own Japanese does not confirm
  // (forecast: フォーカス "focus; forecast", 計算 "calculation; forecast") is no reading: "ai
  // forecasting" was answered with items on computing resources.
  const vocab = linked && !onlyLaterSenses(word, linked) ? linked : undefined;
  // "moves", "status": a word whose Japanese is only a question's filler (動き, 状況) is filler too;
  // one with a meaning besides (chief: 主要, but also 所長) is a concept.
  if (vocab?.every((t) => jaQuestionTermSet().has(t))) {
    ctx.filler.push(label);
    return [];
  }
  if (vocab) return [conceptGroup(label, { word, forms: vocab, source: 'vocabulary' })];
  // The other direction: the dictionary's best Japanese for the word, where the corpus uses it
  // (a gloss the corpus term lists late: lawmaker → 議員).
  // (through the first of its lemmas whose Japanese the corpus uses: "forecasting" is glossed
  // 計画評価, "forecast" 予報, 予想)
  const entry = lookupEnglishWord(word);
  let best: string[] = [];
  for (const lemma of englishLemmas(word)) {
    best = corpusHeadwords(ctx, lemma);
    if (best.length) break;
  }
  if (best.length) return [conceptGroup(label, { word, forms: best, source: 'vocabulary' })];
  const near = entry && !ctx.hasTerm?.(word) ? headwordsAsWritten(ctx, entry.headwords, word) : [];
  if (near.length) return [conceptGroup(label, { word, forms: near, source: 'vocabulary' })];
  // "finally", "politically", "publicly": a word WordNet derives from its own stem + -ly says how,
  // not what — with no corpus reading of its own it is filler, said as such ("did the law finally
  // take effect" asks about the law).
  if (isLyModifier(ctx, word)) {
    ctx.filler.push(label);
    return [];
  }
  // A name the documents write in katakana (trump → トランプ): the dictionary's loanword for it.
  const loan = entry?.katakana;
  const kana = loan ? stemKatakana(loan) : undefined;
  if (kana && ctx.hasTerm?.(kana) && !ctx.hasTerm(word) && standsAlone(ctx, kana))
    return [asTyped({ alternatives: minimalAlternatives([...unitAlternatives(u), [kana]]), readAs: loan })];
  // A capitalised word is a name, not a typo (Treasure is not "measure").
  const name = /^[A-Z]/.test(u.surface);
  // A verb the corpus has no reading of, used as a verb (after its noun, after "allowed to"): said
  // as filler — the noun is the subject. Before a related word is looked for: "keeps bringing it
  // up" is no delivery.
  if (!name && ctx.verbUses?.has(word) && !ctx.hasTerm?.(word) && isEnglishWord(word)) {
    ctx.filler.push(label);
    return [];
  }
  // Another word for the same thing, the one the corpus's dictionary glosses use (car →
  // automobile: 自動車; farms → farming → agriculture: 農業).
  // (only for a word the corpus is known not to hold: "raise" of the RAISE Act stays itself)
  const related = name || !ctx.hasTerm || ctx.hasTerm(word) ? undefined : relatedReading(ctx, word);
  if (related) {
    const g = conceptGroup(label, related);
    // (the word as typed still matches the English titles and summaries)
    const typed = minimalAlternatives([...g.alternatives, ...(english ? [english] : [])]);
    // (required of an answer: a word read so far from itself is what the question is about —
    // "farming robots" is not answered by robot items without farming)
    return [{ ...g, alternatives: typed, readAs: related.word, related: true }];
  }
  const typo = name ? undefined : correctTypo(ctx, word);
  if (!typo && !name && !ctx.inJapanese && !ctx.hasTerm?.(word) && isMisspeltFiller(word)) {
    ctx.filler.push(label);
    return [];
  }
  if (typo) return [{ ...conceptGroup(label, typo), readAs: typo.word, source: 'typo' }];
  const whole = ctx.hasTerm?.(word) ? undefined : closedCompoundOf(word);
  if (whole) return [{ ...conceptGroup(label, whole), readAs: whole.word }];
  const swapped = swappedName(ctx, word, name);
  if (swapped)
    return [
      asTyped({
        alternatives: minimalAlternatives([[swapped]]),
        readAs: inCaseOf(label, swapped),
        source: 'typo',
      }),
    ];
  // ai-ready, cross-border: a hyphenated word no vocabulary has is read as its words — not one
  // whose first part is a letter (e-commerce is not commerce, x-ray not a ray).
  if (word.includes('-') && depth === 0 && !ctx.hasTerm?.(word) && !/^[a-z]-/.test(word)) {
    // amazon-style, cloud-based: the suffix says how, the first part is the subject
    const suffix = /^(.+)-([a-z]+)$/.exec(word);
    if (suffix && hyphenSuffixSet().has(suffix[2] as string)) {
      ctx.filler.push(suffix[2] as string);
      return englishGroups(suffix[1] as string, ctx, depth + 1);
    }
    // multi-turn → マルチターン: the loanwords of its parts, written together as the corpus does.
    const joined = joinedLoanwords(word.split('-'));
    if (joined && ctx.katakanaAlone?.(joined))
      return [
        asTyped({
          alternatives: minimalAlternatives([
            analyze(joined).flatMap((x) => x.parts),
            ...unitAlternatives(u),
          ]),
          readAs: joined,
        }),
      ];
    const parts = englishGroups(word.replace(/-/g, ' '), ctx, depth + 1);
    if (parts.length) return parts;
  }
  return [asTyped()];
}

/**
 * The words of a question used as verbs, not subjects: an -ing word right after the noun it tells
 * of ("songwriters losing money", "trucks queuing" — unlike "ai in mining", "ai mining rules"),
 * the verb of a relative clause ("ai that chats like a human") and a passive ("books are being
 * scraped").
 */
function verbUsesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  words.forEach((w, k) => {
    const before = words[k - 1];
    // (an -ing word with its object: "plugging ai into", "tracking the trucks")
    if (/^[a-z]{3,}ing$/.test(w) && OBJECT_STARTS.has(words[k + 1] ?? '')) out.add(w);
    if (before === undefined || !/^(?:[a-z]{3,}|to|be)$/.test(before)) return;
    // (not a plural after "which" or an agent noun: "decide which renters", "that lawyers use")
    if (
      /^(?:that|which|who)$/.test(before) &&
      (/^[a-z]{3,}(?:ed|ing)$/.test(w) ||
        (before !== 'which' && /^[a-z]{3,}s$/.test(w) && !/(?:ers|ors|ists|ians|ees)$/.test(w)))
    )
      out.add(w);
    // (a passive: "books are being scraped", "voices get cloned", "shouldn't be treated")
    else if (
      /^(?:be|being|been|is|are|was|were|get|gets|got|getting)$/.test(before) &&
      /^[a-z]{3,}ed$/.test(w)
    )
      out.add(w);
    // (after a word that takes a verb: "allowed to air", "using ai to tag", "need replacing")
    else if (before === 'to' && verbAfterTo(words, k)) out.add(w);
    else if (verbTakerSet().has(before) && /^[a-z]{3,}ing$/.test(w)) out.add(w);
    else if (
      /^[a-z]{3,}ing$/.test(w) &&
      before !== 'ai' &&
      !questionWordSet().has(before) &&
      !before.endsWith('ing')
    )
      out.add(w);
  });
  return out;
}

/** Words an -ing word's object begins with: the -ing word is a verb ("plugging ai into"). */
const OBJECT_STARTS = new Set([
  'ai',
  'the',
  'a',
  'an',
  'their',
  'its',
  'his',
  'her',
  'our',
  'your',
  'my',
  'them',
  'it',
  'this',
  'these',
  'those',
]);

/**
 * Whether the word after "to" at k is a verb: "to" follows a word that takes one (allowed to, need
 * to), or closes "use … to" within three words, or "ai to" (ai to tag museum collections) —
 * unlike "access to data", "threats to elections".
 */
function verbAfterTo(words: readonly string[], k: number): boolean {
  const taker = words[k - 2];
  if (taker === undefined) return false;
  if (taker === 'ai' || verbTakerSet().has(taker)) return true;
  return words.slice(Math.max(0, k - 5), k - 2).some((w) => /^(?:use|uses|used|using)$/.test(w));
}

/**
 * The katakana word of the corpus a few English words typed apart stand for: their loanwords
 * joined (sports betting → スポーツベッティング), or — where a word has no loanword in the
 * dictionary (betting) — the one corpus katakana word that sounds like them, holding the
 * loanwords the others have ("security research" sounds like セキュリティリスク, but research is
 * リサーチ). A loanword drops the plural's s (sports → スポーツ).
 */
function katakanaPhrase(ctx: UnderstandContext, ws: readonly string[]): string | undefined {
  const byLoans = joinedLoanwords(ws);
  if (byLoans && ctx.katakanaAlone?.(byLoans) && ctx.hasTerm?.(byLoans)) return byLoans;
  const loans = ws.map((w) => lookupEnglishWord(w)?.katakana);
  const singular = ws.map((w) => (/[^s]s$/.test(w) && w.length >= 4 ? w.slice(0, -1) : w)).join('');
  const bySound = [
    ...new Set([...(ctx.katakanaSounding?.(ws.join('')) ?? []), ...(ctx.katakanaSounding?.(singular) ?? [])]),
  ].filter((run) => loans.every((l) => !l || run.includes(stemKatakana(l))));
  return bySound.length === 1 ? stemKatakana(bySound[0] as string) : undefined;
}

/** Words' dictionary loanwords written together, as the index stems them (multi-turn → マルチターン), if each has one. */
function joinedLoanwords(words: readonly string[]): string | undefined {
  const loans = words.map((w) => lookupEnglishWord(w)?.katakana);
  return loans.every(Boolean) ? stemKatakana(loans.join('')) : undefined;
}

/**
 * A gloss of the vocabulary said with another word for its last one (aerial photos → "aerial
 * photograph": 空中写真): WordNet's first two synonyms of that word, one word each.
 */
function phraseBySynonym(ctx: UnderstandContext, words: readonly string[]): string[] | undefined {
  const last = words.at(-1) as string;
  for (const v of relatedForms(last).synonyms.slice(0, 2)) {
    if (!/^[a-z]{3,}$/.test(v)) continue;
    const hit = vocabularyTerms(ctx, [...words.slice(0, -1), v].join(' '));
    if (hit) return hit;
  }
  return undefined;
}

/** An -ly word whose WordNet derived form is the word without -ly (finally → final), absent from the corpus. */
function isLyModifier(ctx: UnderstandContext, word: string): boolean {
  if (!/^[a-z]{4,}ly$/.test(word) || ctx.hasTerm?.(word) !== false) return false;
  const r = relatedForms(word);
  return r.lemma === word && r.derived.includes(word.slice(0, -2));
}

/**
 * Whether every corpus term the vocabulary links a word to has the word only in a later sense,
 * and none of them is among the word's own Japanese (its lemmas' dictionary headwords): a second
 * meaning of the term, not what the word means.
 */
function onlyLaterSenses(word: string, terms: readonly string[]): boolean {
  const lemmas = new Set(englishLemmas(word));
  const inFirstSense = (t: string) => {
    // (or names it with one word before: 枝肉 "dressed carcass" is a carcass)
    return (lookupJapaneseTerm(t)?.senses[0] ?? []).some((g) => {
      const words = g.toLowerCase().split(' ');
      return lemmas.has(words.join(' ')) || (words.length === 2 && lemmas.has(words[1] as string));
    });
  };
  if (terms.some(inFirstSense)) return false;
  const own = ownJapanese(word);
  return !terms.some((t) => own.includes(t));
}

/** A word's own Japanese: the first dictionary headwords of each of its lemmas. */
function ownJapanese(word: string): string[] {
  return [...new Set(englishLemmas(word).flatMap((l) => lookupEnglish(l)?.headwords.slice(0, 6) ?? []))];
}

/** Kanji that make words more than they mean (的, 性, 者…): sharing one says nothing. */
const AFFIX_KANJI = new Set([...'的性化者人物事用上中下大小一不無非所品員家式型等全再新']);

/**
 * Whether two Japanese words share a stem: one holds the other, they share two meaning-bearing
 * kanji or begin with the same one, or they begin with the same three kana.
 */
function shareStem(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  // One kanji in common only when both begin with it (農場 ~ 農業): 魔導士 and 主導, 映画館 and
  // 動画 share a kanji and nothing of their meaning (wizards were read as "leading").
  const shared = [...new Set(a)].filter(
    (c) => /[\u3400-\u9fff]/.test(c) && !AFFIX_KANJI.has(c) && b.includes(c),
  );
  if (shared.length >= 2 || (shared.length === 1 && a[0] === shared[0] && b[0] === shared[0])) return true;
  const kana = (w: string) => (/^[\u30a0-\u30ff]{3}/.test(w) ? w.slice(0, 3) : undefined);
  return kana(a) !== undefined && kana(a) === kana(b);
}

/**
 * The corpus's reading of a word WordNet relates to `word` (a synonym or a derived form in their
 * main senses), one step away before two (the second a synonym): what an everyday word is called where the dictionary
 * glosses the corpus's terms with another. The dictionary must agree: one of the word's own
 * Japanese headwords shares a stem with the reading (farm: 農場, farming → 農業; car: 車,
 * automobile → 自動車), so a synonym of another sense (fashion → manner: 方法) is never taken.
 */
function relatedReading(ctx: UnderstandContext, word: string): Reading | undefined {
  // (every lemma's: "forecasting" is glossed 計画評価, "forecast" 予報, 予想 — which agree with 予測)
  const own = ownJapanese(word);
  if (!own.length) return undefined;
  const agrees = (r: Reading) => r.forms.some((f) => own.some((h) => shareStem(h, f)));
  const read = (w: string) => {
    if (questionWordSet().has(w) || isWeakWord(w)) return undefined;
    const r = readWord(ctx, w);
    return r && agrees(r) ? r : undefined;
  };
  const first = closeForms(word);
  for (const w of first) {
    const r = read(w);
    if (r) return r;
  }
  // (a second step only to a synonym: scholar → scholarship is no longer about students)
  for (const w of first)
    for (const v of relatedForms(w).synonyms) {
      if (v === word) continue;
      const r = read(v);
      if (r) return r;
    }
  // WordNet's first synonym, where a corpus term says exactly it first (upkeep → maintenance:
  // 保守, whose first gloss is "maintenance"): the word's own Japanese (営繕) shares nothing with
  // the corpus's, but the term means the synonym itself, not a later sense of it.
  const main = relatedForms(word).synonyms[0];
  if (main && /^[a-z]{4,}$/.test(main) && !questionWordSet().has(main) && !isWeakWord(main)) {
    const exact = (vocabularyTerms(ctx, main) ?? []).filter(
      (t) => lookupJapaneseTerm(t)?.senses[0]?.[0]?.toLowerCase() === main,
    );
    if (exact.length) return { word: main, forms: exact, source: 'vocabulary' };
  }
  return undefined;
}

/**
 * A word's synonyms, and the forms derived from it that only add an ending naming the act, the
 * state or the tool (farm → farming, deaf → deafness, browse → browser, caption → captioning):
 * WordNet also derives student → study, teacher → teach and scholar → scholarship, which are not
 * what was asked about.
 */
function closeForms(word: string): string[] {
  const { lemma, synonyms, derived } = relatedForms(word);
  const stem = lemma.replace(/e$/, '');
  const extends_ = (d: string) =>
    stem.length >= 3 && d.startsWith(stem) && /^(?:e?r|ing|ness|ion|ation|ment)$/.test(d.slice(stem.length));
  return [...synonyms, ...derived.filter(extends_)];
}
