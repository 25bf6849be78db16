import type { Message } from '../present/catalogue.js';
import type { Manifest } from '../search/index-store.js';

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
