import { askedPlaceNames, type Message, say } from '../present/catalogue.js';
import type { Manifest } from '../search/index-store.js';
import type { Lang } from './understand.js';

const coverages = new WeakMap<Manifest, Message>();

/**
 * Which months the digests cover, as a message code (`coverage`, its months as arguments): told
 * with every empty answer. Computed once per manifest.
 */
export function coverageMessage(manifest: Manifest): Message {
  let m = coverages.get(manifest);
  if (!m) {
    const months = manifest.documents
      .filter((d) => d.kind === 'digest' && d.coverage)
      .map((d) => d.coverage?.from as string)
      .sort();
    m = { code: 'coverage', args: { months } };
    coverages.set(manifest, m);
  }
  return m;
}

/** "The digests cover July 2025, December 2025 and January 2026." in the asker's language. */
export function coverageSentence(manifest: Manifest, lang: Lang): string {
  const m = coverageMessage(manifest);
  return say(lang, m.code, m.args);
}

/** "Mexico", "the UK and South Korea": country codes as the asker would say them. */
export function namesOf(codes: string[], said: Record<string, string>, lang: Lang): string {
  return askedPlaceNames(lang, codes, said);
}
