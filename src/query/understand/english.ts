import { analyze, stemKatakana, type Unit } from '../../analyze/analyzer.js';
import { englishLemmas, lookupEnglish, lookupEnglishWord } from '../../analyze/dictionary.js';
import { englishTerms } from '../../analyze/english-terms.js';
import { clippedForms, glossaryEntries, instrumentsLexicon } from '../../analyze/lexicon.js';
import { kanjiAbbreviations } from '../../geo/gazetteer.js';
import { nearest } from '../edit-distance.js';
import {
  baseForms,
  genericHeadEnSet,
  glossaryIndex,
  jaQuestionTermSet,
  questionWordSet,
  reviewedQuestionWordSet,
  weakTermSet,
} from '../glossary.js';
import { actorOfTerm, instrumentOfEnglish } from './actors.js';
import { minimalAlternatives, translation, unitAlternatives } from './alternatives.js';
import type { TermGroup, UnderstandContext } from './context.js';
import { personField } from './text.js';

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

/** The corpus terms an English word or phrase translates, through its lemmas (subsidies → subsidy). */
export function vocabularyTerms(ctx: UnderstandContext, phrase: string): string[] | undefined {
  const table = ctx.vocabulary?.english;
  if (!table) return undefined;
  const words = phrase.split(' ');
  const last = words.pop() as string;
  for (const lemma of englishLemmas(last)) {
    const hit = table.get([...words, lemma].join(' '));
    if (hit?.length) return hit;
  }
  return undefined;
}

/** A glossary hit for a phrase or one of its base forms. */
function glossaryHit(phrase: string): string[] | undefined {
  const gloss = glossaryIndex();
  return [phrase, ...baseForms(phrase)].map((f) => gloss.get(f)).find(Boolean);
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

/** What a word resolves to when it is read as another: its corpus forms and how. */
interface Reading {
  word: string;
  forms: string[];
  source: 'glossary' | 'vocabulary';
}

function readWord(ctx: UnderstandContext, word: string): Reading | undefined {
  const hit = glossaryHit(word);
  if (hit) return { word, forms: hit, source: 'glossary' };
  const vocab = vocabularyTerms(ctx, word);
  if (vocab) return { word, forms: vocab, source: 'vocabulary' };
  return undefined;
}

/**
 * A misspelt English word (budjet, goverment, guidlines) → the word one edit away, when exactly
 * one meaning is that close. Never a word the dictionary knows as itself ("lunch" is not
 * "launch"), nor a name or code the corpus prints (Ofcom), nor a capitalised word.
 */
export function correctTypo(ctx: UnderstandContext, word: string): Reading | undefined {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || questionWordSet().has(word)) return undefined;
  if (ctx.hasTerm?.(word)) return undefined;
  if (lookupEnglishWord(word)) return undefined;
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
    weak: weakTermSet().has(reading.word) || weakTermSet().has(label.toLowerCase()),
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
      const swapped = ctx.hasTerm?.(lower) ? undefined : swappedName(ctx, lower);
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
    for (let len = Math.min(4, words.length - i); len >= 1 && !matched; len--) {
      const phrase = words.slice(i, i + len).join(' ');
      if (
        len === 1 &&
        questionWordSet().has(phrase) &&
        !glossaryIndex().has(phrase) &&
        (!/^\d/.test(words[i + 1] ?? '') || reviewedFunctionWord(phrase))
      )
        break;
      const hit = glossaryHit(phrase);
      if (!hit) continue;
      flush();
      // A glossary phrase whose Japanese is only stop words (previous → これまで) asks nothing.
      const translated = translation(hit);
      if (!translated.alternatives.length) ctx.filler.push(original.slice(i, i + len).join(' '));
      else
        groups.push(conceptGroup(phrase, { word: phrase, forms: hit, source: 'glossary' }, {}, translated));
      matched = len;
    }
    // A gloss of two or three words in the corpus's vocabulary: "autonomous driving" → 自動運転.
    for (let len = Math.min(3, words.length - i); len >= 2 && !matched; len--) {
      const phrase = words.slice(i, i + len).join(' ');
      if (words.slice(i, i + len).some((w) => questionWordSet().has(w))) continue;
      const vocab = vocabularyTerms(ctx, phrase);
      if (!vocab) continue;
      flush();
      groups.push(conceptGroup(phrase, { word: phrase, forms: vocab, source: 'vocabulary' }));
      matched = len;
    }
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
      if (entry.headwords.slice(0, 2).some((h) => isCompositional(ctx, h, ws))) continue;
      flush();
      const english = englishFieldAlternative(phrase);
      groups.push({
        label: original.slice(i, i + len).join(' '),
        alternatives: minimalAlternatives([
          ...entry.headwords.slice(0, 2).map((h) => analyze(h).map((u) => u.whole)),
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

/** Words that end a law's name (act, directive…: `law_name_ends` in instruments.yml). */
let lawEnds: Set<string> | undefined;
const lawNameEnds = (): Set<string> => {
  lawEnds ??= new Set(instrumentsLexicon().law_name_ends);
  return lawEnds;
};

/** Whether the glossary knows a word as a law's name (dsa: "digital services act"). */
function glossaryNamesLaw(word: string): boolean {
  return glossaryEntries().some(
    (e) => e.en.includes(word) && e.en.some((f) => lawNameEnds().has(f.split(' ').pop() ?? '')),
  );
}

/**
 * The words typed right before a word that ends a law's name (CHIPS Act, RAISE act, AI Liability
 * Directive, robot law), question words aside: typed next to each other, not joined by filler.
 */
function lawNameWords(original: readonly string[]): Set<string> {
  const out = new Set<string>();
  original.forEach((w, k) => {
    const lower = w.toLowerCase();
    if (lawNameEnds().has((original[k + 1] ?? '').toLowerCase()) && !questionWordSet().has(lower))
      out.add(lower);
  });
  return out;
}

/**
 * The name before "Act" or "Directive" (CHIPS Act, RAISE Act, AI Liability Directive, a robot
 * law) and that word are what the question is about: marked so that every answer matches both
 * (a liability item under another law, a robot item about no law, answer neither). Only words
 * typed next to each other; a weak word (AI Act) is no name.
 */
function markLawNames(groups: TermGroup[], names: ReadonlySet<string>): TermGroup[] {
  const named = new Set<number>();
  groups.forEach((g, i) => {
    const next = groups[i + 1];
    const last = g.label.toLowerCase().split(' ').pop() ?? '';
    if (!next || !lawNameEnds().has(next.label.toLowerCase()) || g.weak || !names.has(last)) return;
    named.add(i);
    named.add(i + 1);
  });
  return groups.map((g, i) => (named.has(i) ? { ...g, lawName: true } : g));
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
    weak: !isCode && weakTermSet().has(word),
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
  const vocab = vocabularyTerms(ctx, word);
  // "moves", "status": a word whose Japanese is only a question's filler (動き, 状況) is filler too;
  // one with a meaning besides (chief: 主要, but also 所長) is a concept.
  if (vocab?.every((t) => jaQuestionTermSet().has(t))) {
    ctx.filler.push(label);
    return [];
  }
  if (vocab) return [conceptGroup(label, { word, forms: vocab, source: 'vocabulary' })];
  // The other direction: the dictionary's best Japanese for the word, where the corpus uses it
  // (a gloss the corpus term lists late: lawmaker → 議員).
  const entry = lookupEnglishWord(word);
  const best = entry?.headwords.filter((h) => h.length >= 2 && ctx.hasTerm?.(h)) ?? [];
  if (best.length) return [conceptGroup(label, { word, forms: best, source: 'vocabulary' })];
  const near = entry && !ctx.hasTerm?.(word) ? headwordsAsWritten(ctx, entry.headwords) : [];
  if (near.length) return [conceptGroup(label, { word, forms: near, source: 'vocabulary' })];
  // A name the documents write in katakana (trump → トランプ): the dictionary's loanword for it.
  const loan = entry?.katakana;
  const kana = loan ? stemKatakana(loan) : undefined;
  if (kana && ctx.hasTerm?.(kana) && !ctx.hasTerm(word))
    return [asTyped({ alternatives: minimalAlternatives([...unitAlternatives(u), [kana]]), readAs: loan })];
  // A capitalised word is a name, not a typo (Treasure is not "measure").
  const name = /^[A-Z]/.test(u.surface);
  const typo = name ? undefined : correctTypo(ctx, word);
  if (!typo && !name && !ctx.hasTerm?.(word) && isMisspeltFiller(word)) {
    ctx.filler.push(label);
    return [];
  }
  if (typo) return [{ ...conceptGroup(label, typo), readAs: typo.word, source: 'typo' }];
  const whole = ctx.hasTerm?.(word) ? undefined : closedCompoundOf(word);
  if (whole) return [{ ...conceptGroup(label, whole), readAs: whole.word }];
  const swapped = name ? swappedName(ctx, word) : undefined;
  if (swapped)
    return [
      asTyped({
        alternatives: minimalAlternatives([[swapped]]),
        readAs: inCaseOf(label, swapped),
        source: 'typo',
      }),
    ];
  // ai-ready, cross-border: a hyphenated word no vocabulary has is read as its words.
  if (word.includes('-') && depth === 0 && !ctx.hasTerm?.(word)) {
    const parts = englishGroups(word.replace(/-/g, ' '), ctx, depth + 1);
    if (parts.length) return parts;
  }
  return [asTyped()];
}

/**
 * A name typed with two neighbouring letters swapped (ESTI for ETSI, Rasie for RAISE): the one
 * Latin word of the corpus it becomes. Only a swap, and only for a word the corpus and the
 * dictionary do not know: a capitalised word one letter away from a name is as often another name.
 */
function swappedName(ctx: UnderstandContext, word: string): string | undefined {
  if (word.length < 4 || !/^[a-z]+$/.test(word) || ctx.hasTerm?.(word) || lookupEnglishWord(word))
    return undefined;
  const found = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const swap = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (ctx.hasTerm?.(swap)) found.add(swap);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The dictionary's best Japanese for an English word, as the corpus writes it when it does not
 * use the word itself: a compound whose parts it has (観光客 → 観光 + 客), the field of a person
 * word (tourist → 観光客 → 観光), or the first Japanese being one kanji the corpus has (ship → 船).
 * Only the first two Japanese words: further down a dictionary entry the senses drift.
 */
export function headwordsAsWritten(
  ctx: Pick<UnderstandContext, 'hasTerm'>,
  headwords: readonly string[],
): string[] {
  const has = ctx.hasTerm;
  if (!has) return [];
  const out: string[] = [];
  const first = headwords[0];
  // (not a kanji that abbreviates a country: rice → 米 is no US item)
  if (first && /^[\u4e00-\u9fff]$/.test(first) && has(first) && !(first in kanjiAbbreviations()))
    out.push(first);
  for (const h of headwords.slice(0, 2)) {
    const units = analyze(h);
    const unit = units.length === 1 ? units[0] : undefined;
    if (unit && !unit.latin && unit.parts.length > 1 && unit.parts.every((p) => has(p))) out.push(h);
    const field = personField(h);
    if (field && has(field)) out.push(field);
  }
  return [...new Set(out)];
}

/**
 * A word the glossary only has as the end of one written-together word (bots → chatbot, fakes →
 * deepfake): read as that word, when exactly one glossary word ends so, after a word of its own.
 * Three letters at least, and the word before it three more.
 */
function closedCompoundOf(word: string): Reading | undefined {
  // The word's own loanword must be inside the compound's Japanese (ボット in チャットボット): the
  // letters alone join unrelated words (date in mandate, sport in transport).
  const kana = lookupEnglishWord(word)?.katakana;
  if (!kana || kana.length < 2) return undefined;
  const lemmas = englishLemmas(word).filter((l) => l.length >= 3);
  const found = new Map<string, string[]>();
  for (const [key, forms] of glossaryIndex())
    if (
      /^[a-z]+$/.test(key) &&
      lemmas.some(
        (l) =>
          key.length >= l.length + 3 &&
          key.endsWith(l) &&
          // a word before it (chat-bot, deep-fake), not letters of another word (tran-sport)
          lookupEnglish(key.slice(0, -l.length)) !== undefined,
      ) &&
      forms.some((f) => f.includes(kana))
    )
      found.set(JSON.stringify(forms), [key, ...forms]);
  if (found.size !== 1) return undefined;
  const [key, ...forms] = [...found.values()][0] as string[];
  return { word: key as string, forms, source: 'glossary' };
}

/**
 * Whether the dictionary's Japanese for a phrase is made of the Japanese of its words (宇宙機関:
 * space → 宇宙, agency → 機関), not one word of its own (創薬 is neither 薬 nor 発見 as written).
 */
export function isCompositional(
  ctx: UnderstandContext,
  headword: string | undefined,
  words: readonly string[],
): boolean {
  if (!headword) return false;
  const parts = analyze(headword).flatMap((u) => u.parts);
  if (parts.length < 2) return false;
  const japaneseOf = (w: string) => [
    ...(glossaryHit(w) ?? []),
    ...(vocabularyTerms(ctx, w) ?? []),
    ...(lookupEnglishWord(w)?.headwords ?? []),
  ];
  return words.every((w) => japaneseOf(w).some((h) => parts.includes(h)));
}

/**
 * A name the corpus prints as one word typed as two (deep mind → DeepMind, open ai → OpenAI): the
 * two words joined, in place, when the joined word is a corpus term and no dictionary word, and
 * the glossary has no phrase of the two.
 */
function joinSplitNames(tokens: string[], ctx: UnderstandContext): void {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k] as string;
    const b = tokens[k + 1] as string;
    if (!/^[A-Za-z]+$/.test(a) || !/^[A-Za-z]+$/.test(b)) continue;
    const joined = `${a}${b}`;
    const lower = joined.toLowerCase();
    if (lower.length < 5 || !ctx.hasTerm?.(lower) || lookupEnglishWord(lower)) continue;
    if (glossaryIndex().has(`${a} ${b}`.toLowerCase())) continue;
    tokens.splice(k, 2, joined);
  }
}

/** A word in the case it was typed in (ESTI → ETSI, Rasie → Raise), for saying how it was read. */
function inCaseOf(typed: string, word: string): string {
  if (/^[A-Z0-9]+$/.test(typed)) return word.toUpperCase();
  if (/^[A-Z]/.test(typed)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
