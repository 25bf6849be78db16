import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clearPending,
  completedDocuments,
  englishGaps,
  pendingDocuments,
} from '../../src/english/pending.js';
import type { EnglishStatus } from '../../src/english/status.js';
import { loadSourceList } from '../../src/ingest/sources.js';
import { FIXTURES } from '../helpers.js';

/** What a new month without English looks like to the status, beside a complete document. */
const status: Pick<EnglishStatus, 'missing' | 'stale'> = {
  missing: [
    { id: 'digest-2026-03/aisi/1', document: 'digest-2026-03', title: '新しい項目' },
    { id: 'digest-2026-03/aisi/2', document: 'digest-2026-03', title: 'もう一つ' },
  ],
  stale: [],
};

describe('english: pending (data/sources.yml)', () => {
  it('a pending document without English leaves no gap; the same document not pending does', () => {
    expect(englishGaps(status, new Set(['digest-2026-03']))).toEqual({ missing: [], stale: [] });
    expect(englishGaps(status, new Set()).missing.map((m) => m.id)).toEqual([
      'digest-2026-03/aisi/1',
      'digest-2026-03/aisi/2',
    ]);
    // Being pending excuses only that document.
    expect(englishGaps(status, new Set(['digest-2026-02'])).missing).toHaveLength(2);
    // English written from a title the source has since changed is a gap too.
    const stale = {
      missing: [],
      stale: [
        {
          id: 'digest-2026-02/us/1',
          document: 'digest-2026-02',
          title: 'new',
          ja: 'old',
          by: 'person' as const,
        },
      ],
    };
    expect(englishGaps(stale, new Set()).stale).toHaveLength(1);
    expect(englishGaps(stale, new Set(['digest-2026-02'])).stale).toEqual([]);
  });

  it('a marked document is complete when none of its items lacks English or is to review', () => {
    expect(completedDocuments(status, new Set(['digest-2026-03', 'digest-2026-02']))).toEqual([
      'digest-2026-02',
    ]);
    expect(completedDocuments({ missing: [], stale: [] }, new Set(['digest-2026-03']))).toEqual([
      'digest-2026-03',
    ]);
  });

  it('the mark is read from sources.yml and taken off in place, comments and other fields kept', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'policy-bot-pending-')), 'data');
    cpSync(join(FIXTURES, 'new-month'), dataDir, { recursive: true });
    const path = join(dataDir, 'sources.yml');
    const text = `# The documents (a comment kept through every edit)\n${readFileSync(path, 'utf8')}`;
    writeFileSync(path, text);
    expect(pendingDocuments(loadSourceList(dataDir).documents)).toEqual(new Set());
    const [first] = loadSourceList(dataDir).documents;
    const id = first?.id as string;
    // Marked as add leaves a new month.
    const marked = text.replace(`id: ${id}\n`, `id: ${id}\n    english: pending\n`);
    expect(marked).not.toBe(text);
    writeFileSync(path, marked);
    expect(pendingDocuments(loadSourceList(dataDir).documents)).toEqual(new Set([id]));
    expect(clearPending(dataDir, ['someone-else'])).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(marked);
    expect(clearPending(dataDir, [id])).toEqual([id]);
    expect(pendingDocuments(loadSourceList(dataDir).documents)).toEqual(new Set());
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
