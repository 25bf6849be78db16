import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { buildIndexOffThread } from '../../src/search/build-off-thread.js';
import { buildIndex, INDEX_FILES, type SearchIndex, saveIndex } from '../../src/search/index-store.js';
import { DATA_DIR } from '../helpers.js';

beforeAll(async () => {
  await loadTokenizer();
});

function bytes(index: SearchIndex): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bot-offthread-'));
  saveIndex(index, dir);
  return INDEX_FILES.map((f) => readFileSync(join(dir, f)).toString('base64'));
}

describe('buildIndexOffThread', () => {
  it('builds on another thread, leaving this event loop free, with the same bytes as buildIndex', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 5);
    const result = await buildIndexOffThread(DATA_DIR);
    clearInterval(timer);
    // The build (kuromoji load, ingest, analysis) ran elsewhere: this loop kept turning.
    expect(ticks).toBeGreaterThan(5);
    expect(result.stats.items).toBeGreaterThan(100);
    expect(result.index.mini.search('sb53').length).toBeGreaterThan(0);
    expect(bytes(result.index)).toEqual(bytes(buildIndex(DATA_DIR).index));
  });

  it('rejects with the reason when the build fails', async () => {
    await expect(buildIndexOffThread(join(tmpdir(), 'no-such-data-dir'))).rejects.toThrow();
  });
});
