import { type Actor, actorsLexicon, instrumentsLexicon } from '../analyze/lexicon.js';

/** One fixed name: how the documents write it, and the English every translation must use. */
export interface GlossaryTerm {
  ja: string;
  en: string;
}

/** Japanese script (kana, kanji, full-width forms): a term DeepL or a model would translate. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/**
 * How a translation names an actor: its first English name that is a name rather than a code
 * (Ministry of Economy Trade and Industry, not METI), else its first.
 */
function actorEnglish(actor: Actor): string {
  return actor.en.find((n) => /[a-z]/.test(n) && n.includes(' ')) ?? (actor.en[0] as string);
}

/** Words a proper name may have in lower case. */
const SMALL = new Set(['of', 'and', 'for', 'the', 'on', 'in', '&']);

/**
 * A proper name (Tokyo Metropolitan Government, Ofcom), not a description (Japanese government,
 * US state laws): those a translator words better in context than a glossary can.
 */
const isProperName = (name: string): boolean =>
  name.split(/\s+/).every((w) => SMALL.has(w) || /^[A-Z0-9]/.test(w));

/**
 * The fixed names translations must keep, derived from the lexicon (read-only): every named
 * actor's Japanese names (and the Japanese words naming it in questions, such as
 * AIセーフティ・インスティテュート) → its English name; each instrument type's first Japanese
 * word an asker types → its English word, unless that word also belongs to another type (調査 is
 * a survey as often as an investigation). One English per Japanese term, the first found; terms
 * without Japanese script are left out (a translator keeps Latin names as they are).
 */
export function fixedNames(): GlossaryTerm[] {
  const out = new Map<string, string>();
  const add = (ja: string, en: string) => {
    const term = ja.trim();
    if (term && JAPANESE.test(term) && !/[\t\r\n]/.test(term) && !out.has(term)) out.set(term, en.trim());
  };
  for (const actor of actorsLexicon()) {
    const en = actorEnglish(actor);
    if (isProperName(en)) for (const ja of [...actor.ja, ...actor.terms]) add(ja, en);
  }
  const { instruments } = instrumentsLexicon();
  const owners = new Map<string, number>();
  for (const i of instruments)
    for (const w of new Set([...i.ja, ...i.asked_ja])) owners.set(w, (owners.get(w) ?? 0) + 1);
  for (const i of instruments) {
    const ja = i.asked_ja[0];
    const en = i.en[0];
    if (ja && en && owners.get(ja) === 1) add(ja, en);
  }
  return [...out].map(([ja, en]) => ({ ja, en }));
}

/** The terms of the glossary an item's text uses (what a prompt for that item needs to list). */
export function termsIn(text: string, glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  return glossary.filter((t) => text.includes(t.ja));
}
