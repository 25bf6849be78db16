import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import {
  buildIndex,
  decodeBodies,
  encodeBodies,
  INDEX_FILES,
  loadIndex,
  openIndex,
  readManifest,
  saveIndex,
  staleness,
} from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { DATA_DIR, memoryIo } from '../helpers.js';

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

describe('data and index faults', () => {
  async function fresh() {
    const data = tempDir();
    cpSync(DATA_DIR, data, { recursive: true });
    const dir = tempDir();
    const good = await openIndex({ dataDir: data, indexDir: dir });
    return { data, dir, good };
  }
  const files = (dir: string) => INDEX_FILES.map((f) => readFileSync(join(dir, f), 'utf8'));

  it('a garbled data file does not replace a good index: the document would lose its items', async () => {
    const { data, dir, good } = await fresh();
    const saved = files(dir);
    const digest = good.manifest.documents.find((d) => d.kind === 'digest');
    const path = listedPath(data, digest?.id ?? '');
    writeFileSync(join(data, path), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]));
    const log: string[] = [];
    const kept = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(kept.items.length).toBe(good.items.length);
    expect(log.join('\n')).toContain(`${digest?.id} would lose its ${digest?.items} items`);
    expect(log.join('\n')).toContain(path);
    expect(log.join('\n')).toContain('serving the last good index');
    expect(files(dir)).toEqual(saved);
  });

  it('policy-bot index refuses to write a degraded index over a good one, unless --force', async () => {
    const { data, dir, good } = await fresh();
    const saved = files(dir);
    const doc = good.manifest.documents[0];
    const path = listedPath(data, doc?.id ?? '');
    writeFileSync(join(data, path), '');
    const io = memoryIo();
    expect(await main(['index', '--data', data, '--index', dir], io)).toBe(1);
    expect(io.err()).toContain(`index/ not written: ${doc?.id} would lose its ${doc?.items} items`);
    expect(files(dir)).toEqual(saved);
    expect(await main(['index', '--data', data, '--index', dir, '--force'], memoryIo())).toBe(0);
    expect(readManifest(dir)?.items).toBe(good.items.length - (doc?.items ?? 0));
  });

  it('an unreadable data file keeps the last good index and names the file', async () => {
    // A directory where the file should be (EISDIR): unreadable even for root, unlike chmod 000.
    const { data, dir, good } = await fresh();
    const path = listedPath(data, good.manifest.documents[0]?.id ?? '');
    rmSync(join(data, path));
    mkdirSync(join(data, path));
    const log: string[] = [];
    const kept = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(kept.items.length).toBe(good.items.length);
    expect(log.join('\n')).toContain(path);
    expect(log.join('\n')).toContain('serving the last good index');
  });

  it('a data/ that cannot even be listed and hashed keeps the last good index, naming the file', async () => {
    const { data, dir, good } = await fresh();
    // A dangling link stands in for a file without read permission (root reads those anyway).
    symlinkSync(join(data, 'nowhere.txt'), join(data, 'digests', 'broken.txt'));
    const log: string[] = [];
    const kept = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(kept.items.length).toBe(good.items.length);
    expect(log.join('\n')).toMatch(/cannot read data\/ \(.*broken\.txt.*\); serving the last good index/);
  });

  it('a truncated index file is rebuilt from data/, or named when data/ cannot rebuild it', async () => {
    const { data, dir, good } = await fresh();
    const items = join(dir, 'items.json');
    writeFileSync(items, readFileSync(items, 'utf8').slice(0, 1000));
    const log: string[] = [];
    const rebuilt = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(rebuilt.items.length).toBe(good.items.length);
    expect(log[0]).toContain(`index file ${items} is corrupt`);
    expect(() => JSON.parse(readFileSync(items, 'utf8'))).not.toThrow();

    writeFileSync(items, '[');
    writeFileSync(join(data, 'sources.yml'), 'documents: [ broken');
    await expect(openIndex({ dataDir: data, indexDir: dir })).rejects.toThrow(items);
  });
});

describe('bodies.bin', () => {
  const withBodies = (bodies: string[]) => bodies.map((body) => ({ body }) as StoredItem);

  it('gives back every body exactly, in order: empty ones, surrogate pairs, NULs, newlines', () => {
    const bodies = ['', 'AI基本法を施行。\n第2条', '😀🇯🇵𠮷', 'a\u0000b', '', 'x'.repeat(70_000)];
    expect(decodeBodies(encodeBodies(withBodies(bodies)), bodies.length)).toEqual(bodies);
    const real = buildIndex(DATA_DIR).index.items;
    expect(decodeBodies(encodeBodies(real), real.length)).toEqual(real.map((i) => i.body));
  });

  it('refuses a file whose count, lengths or size do not add up', () => {
    const buffer = encodeBodies(withBodies(['一つ', '二つ']));
    expect(() => decodeBodies(buffer, 3)).toThrow(/2 bodies, the manifest says 3/);
    expect(() => decodeBodies(buffer.subarray(0, buffer.length - 2), 2)).toThrow(/runs past the end/);
    expect(() => decodeBodies(buffer.subarray(0, buffer.length - 1), 2)).toThrow(/truncated/);
    expect(() => decodeBodies(Buffer.concat([buffer, Buffer.from('ab', 'utf16le')]), 2)).toThrow(/left over/);
    expect(() => decodeBodies(Buffer.alloc(2), 0)).toThrow(/too short/);
  });

  it('a damaged bodies.bin is named and rebuilt from data/', async () => {
    const data = tempDir();
    cpSync(DATA_DIR, data, { recursive: true });
    const dir = tempDir();
    const good = await openIndex({ dataDir: data, indexDir: dir });
    const file = join(dir, 'bodies.bin');
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    const log: string[] = [];
    const rebuilt = await openIndex({ dataDir: data, indexDir: dir, log: (l) => log.push(l) });
    expect(rebuilt.items.map((i) => i.body)).toEqual(good.items.map((i) => i.body));
    expect(log[0]).toContain(`index file ${file} is corrupt`);
  });
});

function listedPath(dataDir: string, id: string): string {
  const text = readFileSync(join(dataDir, 'sources.yml'), 'utf8');
  const m = new RegExp(`id: ${id}\\n\\s+path: (\\S+)`).exec(text);
  if (!m?.[1]) throw new Error(`no path for ${id}`);
  return m[1];
}
