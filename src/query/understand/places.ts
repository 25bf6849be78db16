import { analyze } from '../../analyze/analyzer.js';
import { lookupEnglishWord } from '../../analyze/dictionary.js';
import { actorsById, requiredActorKinds } from '../../analyze/lexicon.js';
import { weakTermSet } from '../glossary.js';
import type { PlaceMatch } from '../places.js';
import { minimalAlternatives } from './alternatives.js';
import type { TermGroup } from './context.js';

/**
 * A name as alternatives: each of its spellings analyzed — a Japanese spelling only when it is
 * one word or compound (主要20か国 would otherwise be 主要 and 国, found in any item) unless `pieces`
 * (a body's own name: 科学・ICT省), a Latin one in at most three words.
 */
function nameAlternatives(names: string[], pieces = false): string[][] {
  return minimalAlternatives(
    names
      .map((n) => {
        const units = analyze(n);
        if (
          /[\u3040-\u30ff\u3400-\u9fff]/.test(n) &&
          (units.length !== 1 || units[0]?.surface !== n.normalize('NFKC')) &&
          // (in pieces only when each says something: 米AISI is any US item on AISI, AIオフィス any office)
          (!pieces ||
            (units[0]?.whole.length ?? 0) < 2 ||
            units.some((u) => weakTermSet().has(u.whole.toLowerCase())))
        )
          return [];
        return units.map((u) => (u.latin ? (u.alternatives[0] ?? u.whole) : u.whole));
      })
      .filter((a) => a.length > 0 && a.length <= 3),
  );
}

/**
 * Agencies named (NIST, Ofcom, 経産省): their country is a filter (see places.ts for when it is
 * not), their names only rank (an item by the agency need not print its name), so they are
 * groups of weight 0 in the ranking.
 */
export function agencyGroups(places: PlaceMatch, hasTerm?: (term: string) => boolean): TermGroup[] {
  return places.agencies
    .map(({ name, actor }): TermGroup => {
      const entry = actor ? actorsById().get(actor) : undefined;
      // A person who heads the actor (高市, Trump): a concept where the documents print the name,
      // the actor's name (ranking only) where they do not.
      const person = entry?.people.find((p) => p.some((n) => n.toLowerCase() === name.toLowerCase()));
      if (person && hasTerm) {
        const alternatives = nameAlternatives(person).filter((a) => a.every(hasTerm));
        if (alternatives.length)
          return {
            label: name,
            alternatives,
            boost: [],
            weak: false,
            untranslated: false,
            name: true,
            source: 'typed',
          };
      }
      // (and the short names a question may use that no other body has: AISI, not "institute")
      const terms = (entry?.terms ?? []).filter(
        (t) => /^[A-Za-z][A-Za-z-]{2,}$/.test(t) && !lookupEnglishWord(t),
      );
      const names = entry ? [name, ...entry.ja, ...entry.en, ...terms] : [name];
      // An English name of several words matches each word anywhere in an item's English (the
      // NCO's "Cabinet Secretariat … Office" is no Cabinet Office): where the body has a Japanese
      // name, which its items print, that name decides; one-word names (Ofcom, NIST) stay.
      // (a body's Japanese name in pieces too: the digests print 科学・ICT省)
      const all = nameAlternatives(names, entry !== undefined && entry.kind !== 'government');
      const latin = (a: string[]) => a.every((t) => /^[ -~]+$/.test(t));
      const alternatives = all.some((a) => !latin(a)) ? all.filter((a) => a.length === 1 || !latin(a)) : all;
      // (a body of its own, not a government in general, is required where the corpus names it)
      const body = entry !== undefined && requiredActorKinds().includes(entry.kind);
      return {
        label: name,
        alternatives,
        ...(body ? { body: true } : {}),
        boost: [],
        weak: false,
        untranslated: false,
        agency: true,
        source: 'agency',
        ...(actor ? { actor } : {}),
      };
    })
    .filter((g) => g.alternatives.length);
}

/**
 * States, prefectures, cities, international bodies and areas named: concepts the answer must
 * name, by any of their spellings (Oregon: オレゴン州, オレゴン, oregon; 西日本, western japan).
 * Their country is a filter too.
 */
export function placeGroups(places: PlaceMatch): TermGroup[] {
  return places.places
    .map(
      ({ name, place }): TermGroup => ({
        label: name,
        alternatives: nameAlternatives(place.forms),
        boost: [],
        weak: false,
        untranslated: false,
        place: place.kind,
        source: 'place',
      }),
    )
    .filter((g) => g.alternatives.length);
}
