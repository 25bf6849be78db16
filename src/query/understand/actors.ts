import { actorsLexicon, instrumentsLexicon } from '../../analyze/lexicon.js';

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
