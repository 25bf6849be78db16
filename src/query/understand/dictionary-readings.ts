import { analyze } from '../../analyze/analyzer.js';
import { englishLemmas, lookupEnglish, lookupEnglishWord, lookupJapanese } from '../../analyze/dictionary.js';
import { kanjiAbbreviations } from '../../geo/gazetteer.js';
import { glossaryIndex } from '../glossary.js';
import type { UnderstandContext } from './context.js';
import { glossaryHit, type Reading, vocabularyTerms } from './readings.js';
import { personField } from './text.js';

/**
 * English words read through the dictionary's Japanese when neither the glossary nor the
 * vocabulary has them: the Japanese as the corpus writes it, the end of a word written together,
 * and whether a dictionary phrase means its words.
 */

/**
 * The dictionary's best Japanese for an English word, as the corpus writes it when it does not
 * use the word itself: a compound whose parts it has (観光客 → 観光 + 客), the field of a person
 * word (tourist → 観光客 → 観光), or the first Japanese being one kanji the corpus has (ship → 船).
 * Only the first two Japanese words: further down a dictionary entry the senses drift.
 */
export function headwordsAsWritten(
  ctx: Pick<UnderstandContext, 'hasTerm'>,
  headwords: readonly string[],
  word?: string,
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
    // (the field's own English must be the word's: tourist → 観光 "tourism", but lifeguard → 監視員
    // is no 監視, "monitoring")
    const field = personField(h);
    if (field && has(field) && (word === undefined || sameField(word, field))) out.push(field);
  }
  return [...new Set(out)];
}

/** Whether a field word's dictionary English begins as the person word does (touris-t, touris-m). */
function sameField(word: string, field: string): boolean {
  const stem = word.toLowerCase().slice(0, 5);
  return (lookupJapanese(field)?.senses.flat() ?? []).some((g) =>
    g
      .toLowerCase()
      .split(/[\s-]+/)
      .some((w) => w.slice(0, 5) === stem),
  );
}

/**
 * A word the glossary only has as the end of one written-together word (bots → chatbot, fakes →
 * deepfake): read as that word, when exactly one glossary word ends so, after a word of its own.
 * Three letters at least, and the word before it three more.
 */
export function closedCompoundOf(word: string): Reading | undefined {
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
