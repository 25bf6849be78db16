import { countriesIn } from '../geo/detect.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import { facets } from './facets.js';
import type { TermGroup } from './understand.js';

/**
 * Long sections (a report's chapter, a briefing's page) name many countries and many subjects,
 * each in its own passage. A question about a place and a subject is answered by such a section
 * only when one of its passages names both: "China's AI basic act" is not answered by a page that
 * mentions China in one paragraph and Korea's basic act in another.
 */

/** Bodies longer than this (characters) are read passage by passage. */
export const LONG_BODY = 400;

interface Passage {
  text: string;
  countries: string[];
}

const cache = new WeakMap<StoredItem, { title: string[]; passages: Passage[] }>();
function passagesOf(it: StoredItem): { title: string[]; passages: Passage[] } {
  let p = cache.get(it);
  if (!p) {
    const read = (s: string) => countriesIn(s, { mode: 'document', skipVenues: true });
    const fold = (s: string) => s.normalize('NFKC').toLowerCase();
    p = {
      title: read(fold(it.title)),
      passages: it.body
        .split(/\n+/)
        .filter((l) => l.trim())
        .map((l) => ({ text: fold(l).replace(/\s+/g, ''), countries: read(l.normalize('NFKC')) })),
    };
    cache.set(it, p);
  }
  return p;
}

/** A concept's forms as they would be written in a passage (spaces dropped, NFKC, lowercase). */
function formsOf(g: TermGroup): string[] {
  return g.alternatives
    .map((alt) => alt.join('').normalize('NFKC').toLowerCase())
    .filter((f) => f.length > 0);
}

/**
 * Whether a long section names one of `countries` where it speaks of one of the `concepts` (a
 * passage holding both), or names the country in its title. Short items, and items that are about
 * the country without naming it (a digest section's own country), always pass.
 */
export function placeNearConcept(
  it: StoredItem,
  countries: readonly string[],
  concepts: readonly TermGroup[],
): boolean {
  if (it.body.length <= LONG_BODY || !countries.length || !concepts.length) return true;
  const { title, passages } = passagesOf(it);
  if (title.some((c) => countries.includes(c))) return true;
  const named = passages.filter((p) => p.countries.some((c) => countries.includes(c)));
  // (the country is the item's by its section, not by a mention)
  if (!named.length) return true;
  const forms = concepts.map(formsOf);
  return named.some((p) => forms.some((fs) => fs.some((f) => p.text.includes(f))));
}

const homes = new WeakMap<SearchIndex, string | undefined>();
/**
 * The country most items are about (Japan, for digests written in Japan): the documents speak of
 * it without naming it, so a passage is never required to name it.
 */
export function homeCountry(index: SearchIndex): string | undefined {
  if (homes.has(index)) return homes.get(index);
  let best: string | undefined;
  let most = 0;
  for (const [code, positions] of facets(index).country)
    if (positions.length > most) {
      most = positions.length;
      best = code;
    }
  homes.set(index, best);
  return best;
}
