import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { SOURCES_FILE, type SourceDocument } from '../ingest/sources.js';
import { writeFileAtomically } from '../util/atomic-write.js';
import type { EnglishStatus } from './status.js';

/**
 * The `english: pending` mark of data/sources.yml: a document whose English is still being
 * filled. It reconciles two rules of the project — every item has English (issue 20), and adding
 * next month's digest keeps `npm test` green — by letting the English corpus test excuse a
 * marked document until its English is complete.
 */

/** The ids of the documents marked `english: pending`. */
export function pendingDocuments(documents: readonly Pick<SourceDocument, 'id' | 'english'>[]): Set<string> {
  return new Set(documents.filter((d) => d.english === 'pending').map((d) => d.id));
}

/**
 * What still lacks English outside the marked documents: items without English and entries
 * written from another title. Empty is what the corpus test requires; a marked document's gaps
 * are left to `english fill` / `english import`.
 */
export function englishGaps(
  status: Pick<EnglishStatus, 'missing' | 'stale'>,
  pending: ReadonlySet<string>,
): Pick<EnglishStatus, 'missing' | 'stale'> {
  return {
    missing: status.missing.filter((m) => !pending.has(m.document)),
    stale: status.stale.filter((s) => !pending.has(s.document)),
  };
}

/** Marked documents whose every item now has English written from its current title. */
export function completedDocuments(
  status: Pick<EnglishStatus, 'missing' | 'stale'>,
  pending: ReadonlySet<string>,
): string[] {
  const open = new Set([...status.missing, ...status.stale].map((x) => x.document));
  return [...pending].filter((id) => !open.has(id));
}

/**
 * data/sources.yml with the mark taken off `ids` (comments, order and every other field kept),
 * written atomically. Returns the ids it was taken off; nothing is written when there are none.
 */
export function clearPending(dataDir: string, ids: readonly string[]): string[] {
  if (!ids.length) return [];
  const path = join(dataDir, SOURCES_FILE);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const list = doc.get('documents');
  if (!isSeq(list)) return [];
  const cleared: string[] = [];
  for (const node of list.items) {
    if (!isMap(node)) continue;
    const map = node as YAMLMap;
    const id = String(map.get('id'));
    if (ids.includes(id) && map.get('english') === 'pending') {
      map.delete('english');
      cleared.push(id);
    }
  }
  if (cleared.length) writeFileAtomically(path, doc.toString({ lineWidth: 0 }));
  return cleared;
}
