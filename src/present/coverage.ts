import { coverageMessage } from '../query/coverage.js';
import type { Lang } from '../query/understand.js';
import type { Manifest } from '../search/index-store.js';
import { say } from './catalogue.js';

/** "The digests cover July 2025, December 2025 and January 2026." in the asker's language. */
export function coverageSentence(manifest: Manifest, lang: Lang): string {
  const m = coverageMessage(manifest);
  return say(lang, m.code, m.args);
}
