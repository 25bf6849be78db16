import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import {
  buildIndex,
  INDEX_FILES,
  loadIndex,
  openIndex,
  readManifest,
  saveIndex,
  staleness,
} from '../../src/search/index-store.js';
import { DATA_DIR } from '../helpers.js';

const PROJECT_INDEX = join(import.meta.dirname, '..', '..', 'index');

beforeAll(async () => {
  await loadTokenizer();
});

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'policy-bot-index-'));
}

describe('index/', () => {
  it('builds byte-identical files from the same data', () => {
    const a = tempDir();
    const b = tempDir();
    saveIndex(buildIndex(DATA_DIR).index, a);
    saveIndex(buildIndex(DATA_DIR).index, b);
    for (const f of INDEX_FILES) {
      expect(readFileSync(join(a, f))).toEqual(readFileSync(join(b, f)));
    }
  });

  it('the committed index is exactly what this code builds from data/ (run `policy-bot index` after changing either)', () => {
    expect(staleness(readManifest(PROJECT_INDEX), DATA_DIR)).toBeUndefined();
    const fresh = tempDir();
    saveIndex(buildIndex(DATA_DIR).index, fresh);
    for (const f of INDEX_FILES) {
      expect(readFileSync(join(fresh, f)).equals(readFileSync(join(PROJECT_INDEX, f))), f).toBe(true);
    }
  });

  it('loads with the shared options and answers like the freshly built one', () => {
    const dir = tempDir();
    const built = buildIndex(DATA_DIR).index;
    saveIndex(built, dir);
    const loaded = loadIndex(dir);
    expect(loaded.items.length).toBe(built.items.length);
    expect(loaded.mini.search('sb53').map((r) => r.id)).toEqual(built.mini.search('sb53').map((r) => r.id));
  });

  it('rebuilds when data changes, saying why, and keeps the last good index when a rebuild fails', async () => {
    const data = tempDir();
    cpSync(DATA_DIR, data, { recursive: true });
    const dir = tempDir();
    const log: string[] = [];
    const first = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(log[0]).toContain('(no index yet)');
    expect(first.items.length).toBeGreaterThan(100);

    log.length = 0;
    await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(log).toEqual([]); // up to date: loaded, not rebuilt

    writeFileSync(
      join(data, 'digests/2026-01.txt'),
      `${readFileSync(join(data, 'digests/2026-01.txt'), 'utf8')}\n`,
    );
    await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(log[0]).toContain('data changed: digests/2026-01.txt');

    log.length = 0;
    writeFileSync(join(data, 'sources.yml'), 'documents: [ this is not valid');
    const kept = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(log.join('\n')).toMatch(/rebuild failed [\s\S]*serving the last good index/);
    expect(kept.items.length).toBe(first.items.length);
  });
});
