import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import {
  buildIndex,
  buildIndexInParallel,
  INDEX_FILES,
  type SearchIndex,
  saveIndex,
} from '../../src/search/index-store.js';
import { DATA_DIR } from '../helpers.js';

beforeAll(async () => {
  await loadTokenizer();
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'policy-bot-build-'));

function bytes(index: SearchIndex): string[] {
  const dir = tempDir();
  saveIndex(index, dir);
  return INDEX_FILES.map((f) => readFileSync(join(dir, f)).toString('base64'));
}

describe('incremental and parallel builds', () => {
  it('reuse cached terms for unchanged items and analyze only a changed document, with the same bytes as a plain build', () => {
    const data = tempDir();
    cpSync(DATA_DIR, data, { recursive: true });
    const cacheDir = join(tempDir(), 'cache');

    const first = buildIndex(data, { cacheDir });
    expect(first.stats.analyzed).toBe(first.stats.items);
    expect(readdirSync(cacheDir).length).toBe(first.index.manifest.documents.length);

    const again = buildIndex(data, { cacheDir });
    expect(again.stats).toEqual({
      items: first.stats.items,
      analyzed: 0,
      reused: first.stats.items,
      byWorkers: 0,
    });
    expect(bytes(again.index)).toEqual(bytes(first.index));

    // One digest gains an item: only that item's text is new.
    const file = join(data, 'digests/2026-01.txt');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/(\(2026\/01\/\d\d\))/, '$1量子計算機の規制 ');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const incremental = buildIndex(data, { cacheDir });
    expect(incremental.stats.analyzed).toBe(1);
    expect(bytes(incremental.index)).toEqual(bytes(buildIndex(data).index));
    expect(incremental.index.mini.search('量子').length).toBeGreaterThan(0);
  });

  it('analyzes everything again when a vocabulary file the analyzer may read changes', () => {
    const data = tempDir();
    cpSync(DATA_DIR, data, { recursive: true });
    const cacheDir = join(tempDir(), 'cache');
    const first = buildIndex(data, { cacheDir });
    expect(buildIndex(data, { cacheDir }).stats.analyzed).toBe(0);
    mkdirSync(join(data, 'lexicon'), { recursive: true });
    writeFileSync(join(data, 'lexicon', 'extra.yml'), 'words: [量子]\n');
    expect(buildIndex(data, { cacheDir }).stats.analyzed).toBe(first.stats.items);
  });

  it('gives byte-identical files whether the analysis ran on worker threads or on this one', async () => {
    const parallel = await buildIndexInParallel(DATA_DIR, {
      workers: 1,
      minCharsForWorkers: 0,
      batchSize: 8,
      useMainThread: false,
    });
    expect(parallel.stats.analyzed).toBe(parallel.stats.items);
    expect(parallel.stats.byWorkers).toBe(parallel.stats.items); // really on the worker
    expect(bytes(parallel.index)).toEqual(bytes(buildIndex(DATA_DIR).index));
  });

  it('ignores a corrupt cache file and rewrites it', () => {
    const cacheDir = join(tempDir(), 'cache');
    const first = buildIndex(DATA_DIR, { cacheDir });
    const name = readdirSync(cacheDir)[0] as string;
    writeFileSync(join(cacheDir, name), '{ not json');
    const again = buildIndex(DATA_DIR, { cacheDir });
    expect(again.stats.analyzed).toBeGreaterThan(0);
    expect(again.stats.analyzed).toBeLessThan(first.stats.items);
    expect(bytes(again.index)).toEqual(bytes(first.index));
    expect(buildIndex(DATA_DIR, { cacheDir }).stats.analyzed).toBe(0);
  });
});
