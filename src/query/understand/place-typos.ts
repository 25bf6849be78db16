import { lookupEnglishWord } from '../../analyze/dictionary.js';
import { allNames } from '../../geo/gazetteer.js';
import { editDistance } from '../edit-distance.js';

let names: { set: Set<string>; list: string[] } | undefined;
/** The one-word English names of countries and places (five letters or more), lowercase. */
function placeWords(): { set: Set<string>; list: string[] } {
  if (!names) {
    const set = new Set<string>();
    for (const n of allNames())
      if (n.lang === 'en' && !n.agency && !n.actor && /^[A-Za-z]{5,}$/.test(n.text))
        set.add(n.text.toLowerCase());
    names = { set, list: [...set] };
  }
  return names;
}

/**
 * A place's name typed one letter off (inda, germny, califonia): the name, where the word is no
 * English word, no term of the corpus and one edit from exactly one place — before places are
 * read, so the question is about that place ("reserve bank of inda" asks about India). Returns
 * the text with such words replaced, and what each was read as.
 */
export function correctPlaceTypos(
  text: string,
  hasTerm: ((term: string) => boolean) | undefined,
): { text: string; read: [string, string][] } {
  const read: [string, string][] = [];
  const out = text.replace(/\b[A-Za-z]{4,}\b/g, (word) => {
    const lower = word.toLowerCase();
    const places = placeWords();
    if (places.set.has(lower) || lookupEnglishWord(lower) || hasTerm?.(lower)) return word;
    const near = places.list.filter(
      (p) => Math.abs(p.length - lower.length) <= 1 && editDistance(lower, p, 1) === 1,
    );
    if (near.length !== 1) return word;
    read.push([word, near[0] as string]);
    return near[0] as string;
  });
  return { text: out, read };
}
