import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { updateEnglishFile } from '../../src/english/files.js';
import { buildIndex, readManifest, saveIndex, staleness } from '../../src/search/index-store.js';
import { termCacheDir } from '../../src/search/term-cache.js';
import { FIXTURES } from '../helpers.js';

beforeAll(async () => {
  await loadTokenizer();
});

describe('English in the index', () => {
  it('editing English makes the index stale, and a rebuild re-analyzes at most the items it changed', () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-bot-english-index-'));
    const dataDir = join(root, 'data');
    const indexDir = join(root, 'index');
    cpSync(join(FIXTURES, 'new-month'), dataDir, { recursive: true });
    const cacheDir = termCacheDir(indexDir);
    const first = buildIndex(dataDir, { cacheDir });
    saveIndex(first.index, indexDir);
    expect(first.index.items.every((i) => i.en === undefined)).toBe(true);
    const item = first.index.items[0];
    if (!item) throw new Error('the fixture has items');
    updateEnglishFile(
      dataDir,
      { id: item.source.document, title: item.source.documentTitle },
      {
        set: {
          [item.id]: {
            ja: item.title,
            title: 'English title',
            summary: 'One sentence.',
            by: 'person',
            date: '2026-12-07',
          },
        },
      },
    );
    expect(staleness(readManifest(indexDir), dataDir)).toBe(
      `data changed: english/${item.source.document}.yml`,
    );
    const second = buildIndex(dataDir, { cacheDir });
    expect(second.index.byId.get(item.id)?.en).toEqual({
      title: 'English title',
      summary: 'One sentence.',
      by: 'person',
      date: '2026-12-07',
    });
    // The English is the item's own text, not vocabulary: the other items keep their cached terms.
    expect(second.stats.analyzed).toBeLessThanOrEqual(1);
    expect(second.stats.reused).toBeGreaterThanOrEqual(first.index.items.length - 1);
  });
});
