import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { TEMPORARY_SUFFIX, writeFileAtomically } from '../util/atomic-write.js';
import { dependencyCacheRoot } from '../util/paths.js';
import { readWordTable, useWordTable } from './kuromoji-lattice.js';
import { speedUp } from './kuromoji-speed.js';

const require = createRequire(import.meta.url);

/**
 * kuromoji's dictionary loader with a faster way to get at the bytes. The stock
 * `kuromoji.builder().build()` gunzips the twelve `dict/*.dat.gz` files (≈100 MB uncompressed,
 * a third of it zero padding) and then copies each result. This one builds the same tokenizer from the
 * same files through kuromoji's own `DictionaryLoader` and `Tokenizer`, but
 * - gunzips each file straight into one buffer of its size, without the copy, and cuts the zero
 *   padding off the files whose readers cannot tell (see {@link DICTIONARY_FILES}), which frees
 *   ≈35 MB of the ≈100 MB; and
 * - keeps the trimmed raw files (≈65 MB) in a cache directory, so later processes only read them
 *   (on libuv's threads, all at once).
 * The cache never changes what the tokenizer returns: it holds exactly the bytes the gunzip path
 * would produce, and anything doubtful about it (missing, truncated, unreadable, written for other
 * `.gz` files or another kuromoji) sends the load back to the `.gz` files, which rewrite it.
 */

/** Where the bytes of a load came from. */
export type DictionarySource = 'cache' | 'gzip';

interface DictionaryFile {
  /** The file in kuromoji's `dict/`. */
  readonly gz: string;
  /** Bytes per element of the typed array kuromoji views it as (its length is a multiple). */
  readonly element: 1 | 2 | 4;
  /** Whether trailing zeros may be cut (keeping a margin, see {@link trimmedLength}). */
  readonly trim: boolean;
}

/**
 * The files `DictionaryLoader.load` reads. Trimmed are only those written from a `ByteBuffer`
 * whose growth slack (zeros) went to disk, and whose readers cannot tell a shorter buffer:
 * - `tid`, `unk` are read at explicit offsets with `getShort`/`getInt`, which return 0 past the
 *   end, as the padding would; `tid_pos`, `unk_pos` with `getString`, which stops at a 0 byte or
 *   at the end alike;
 * - `unk_map` by `loadTargetMap`, which reads records to the end: a zero record adds nothing;
 * - `unk_invoke` by `InvokeDefinitionMap.load`, which turns every 7 zero bytes of padding into an
 *   empty character class (≈150 000 of them): the ids ever looked up (≤ 10 in `unk_char`, bits 2
 *   and 8 in `unk_compat`) are real classes, and the kept margin still yields hundreds of empties;
 * - `unk_compat` (a `Uint32Array`) by `lookupCompatibleCategory`, where a code point past the end
 *   and a 0 entry both give no compatible class.
 * Never trimmed: `base`/`check` (the double array's length is its size), `cc` (a matrix),
 * `unk_char` (read by comparing code points with its length) and `tid_map` (18 KB to gain).
 */
export const DICTIONARY_FILES: readonly DictionaryFile[] = [
  { gz: 'base.dat.gz', element: 4, trim: false },
  { gz: 'check.dat.gz', element: 4, trim: false },
  { gz: 'tid.dat.gz', element: 1, trim: true },
  { gz: 'tid_pos.dat.gz', element: 1, trim: true },
  { gz: 'tid_map.dat.gz', element: 1, trim: false },
  { gz: 'cc.dat.gz', element: 2, trim: false },
  { gz: 'unk.dat.gz', element: 1, trim: true },
  { gz: 'unk_pos.dat.gz', element: 1, trim: true },
  { gz: 'unk_map.dat.gz', element: 1, trim: true },
  { gz: 'unk_char.dat.gz', element: 1, trim: false },
  { gz: 'unk_compat.dat.gz', element: 4, trim: true },
  { gz: 'unk_invoke.dat.gz', element: 1, trim: true },
];

/** Trimmed lengths are whole blocks of this size, with one more block of zeros kept as margin. */
export const TRIM_BLOCK = 4096;

/** The manifest's name in the cache directory; written last, so its presence vouches for the rest. */
export const CACHE_MANIFEST = 'manifest.json';
const CACHE_FORMAT = 1;

/** The raw (decompressed, trimmed) file's name in the cache directory. */
export function rawName(gz: string): string {
  return gz.replace(/\.gz$/, '');
}

/** The installed kuromoji package's directory. */
export function kuromojiDir(): string {
  return dirname(require.resolve('kuromoji/package.json'));
}

/** The installed kuromoji's version (the cache is per version). */
export function kuromojiVersion(): string {
  return (require('kuromoji/package.json') as { version: string }).version;
}

/**
 * The raw cache directory: `kuromoji-<version>/` under `POLICY_BOT_KUROMOJI_CACHE` when set, else
 * under `node_modules/.cache/policy-bot/` (beside the kuromoji package); `undefined` (no cache)
 * when the variable is `off`.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.POLICY_BOT_KUROMOJI_CACHE?.trim();
  if (setting === 'off') return undefined;
  const root = setting ? resolve(setting) : dependencyCacheRoot();
  return join(root, `kuromoji-${kuromojiVersion()}`);
}

/**
 * The length to keep of a padded file: its last non-zero byte rounded up to a whole
 * {@link TRIM_BLOCK}, plus one block of zeros (so a trailing field that happens to be 0 is still
 * inside), never more than the file. A multiple of 4 (unless the whole file), so typed-array views fit.
 */
export function trimmedLength(bytes: Uint8Array): number {
  let end = bytes.length;
  const whole = end - (end % 4);
  while (end > whole && bytes[end - 1] === 0) end--;
  // Skip whole zero words first (the padding runs to megabytes), then the last word's zero bytes.
  if (end === whole && bytes.byteOffset % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, whole / 4);
    let w = words.length;
    while (w > 0 && words[w - 1] === 0) w--;
    end = w * 4;
  }
  while (end > 0 && bytes[end - 1] === 0) end--;
  return Math.min(bytes.length, (Math.ceil(end / TRIM_BLOCK) + 1) * TRIM_BLOCK);
}

/** An ArrayBuffer of exactly `length` bytes holding `bytes`' first `length`: the same memory when it can be. */
function exactArrayBuffer(bytes: Uint8Array, length: number): ArrayBuffer {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && buffer.byteLength === length) return buffer;
  // Uint8Array's slice copies (a Buffer's `slice` would be a view of the whole buffer).
  return Uint8Array.prototype.slice.call(bytes, 0, length).buffer;
}

interface GzStat {
  size: number;
  mtimeMs: number;
}

interface CacheManifest {
  format: number;
  kuromoji: string;
  files: Record<string, GzStat & { raw: string; rawSize: number }>;
}

function gzStats(dicPath: string): Map<string, GzStat> {
  const stats = new Map<string, GzStat>();
  for (const f of DICTIONARY_FILES) {
    const s = statSync(join(dicPath, f.gz));
    stats.set(f.gz, { size: s.size, mtimeMs: s.mtimeMs });
  }
  return stats;
}

/** A whole file in one buffer of its own (one read on libuv's threads, not 512 KiB at a time). */
async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) return bytes.subarray(0, read);
      read += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** The raw files from the cache when its manifest matches these `.gz` files; else `undefined`. */
async function readCache(
  cacheDir: string,
  stats: Map<string, GzStat>,
): Promise<Map<string, ArrayBuffer> | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(cacheDir, CACHE_MANIFEST), 'utf8')) as CacheManifest;
    if (manifest?.format !== CACHE_FORMAT || manifest.kuromoji !== kuromojiVersion()) return undefined;
    const entries = DICTIONARY_FILES.map((f) => {
      const entry = manifest.files?.[f.gz];
      const stat = stats.get(f.gz);
      if (!entry || !stat || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) return undefined;
      if (entry.raw !== rawName(f.gz) || !Number.isSafeInteger(entry.rawSize)) return undefined;
      if (entry.rawSize % f.element !== 0) return undefined;
      return entry;
    });
    if (entries.some((e) => e === undefined)) return undefined;
    const all = await Promise.all(entries.map((e) => readWhole(join(cacheDir, e?.raw ?? ''))));
    const buffers = new Map<string, ArrayBuffer>();
    for (const [i, f] of DICTIONARY_FILES.entries()) {
      const bytes = all[i];
      if (!bytes || bytes.length !== entries[i]?.rawSize) return undefined;
      buffers.set(f.gz, exactArrayBuffer(bytes, bytes.length));
    }
    return buffers;
  } catch {
    return undefined;
  }
}

/**
 * Writes the raw files, then the manifest. Best effort: false when anything failed (read-only or
 * full disk). Concurrent writers (processes or threads) each rename whole files, all with the
 * same bytes for the same `.gz` files, so a reader sees either a complete cache or none.
 */
function writeCache(cacheDir: string, stats: Map<string, GzStat>, raws: Map<string, Uint8Array>): boolean {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const manifest: CacheManifest = { format: CACHE_FORMAT, kuromoji: kuromojiVersion(), files: {} };
    for (const f of DICTIONARY_FILES) {
      const bytes = raws.get(f.gz);
      const stat = stats.get(f.gz);
      if (!bytes || !stat) return false;
      writeFileAtomically(join(cacheDir, rawName(f.gz)), bytes, { durable: true });
      manifest.files[f.gz] = { ...stat, raw: rawName(f.gz), rawSize: bytes.length };
    }
    writeFileAtomically(join(cacheDir, CACHE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, {
      durable: true,
    });
    removeAbandonedTemporaries(cacheDir);
    return true;
  } catch {
    return false;
  }
}

/** A writer's temporary file untouched this long was left by a process that died mid-write. */
export const ABANDONED_TMP_MS = 10 * 60 * 1000;

/** Deletes temporary files left by writers that died (best effort: others may be deleting them too). */
function removeAbandonedTemporaries(cacheDir: string): void {
  for (const name of readdirSync(cacheDir)) {
    if (!name.endsWith(TEMPORARY_SUFFIX)) continue;
    try {
      const path = join(cacheDir, name);
      if (Date.now() - statSync(path).mtimeMs > ABANDONED_TMP_MS) unlinkSync(path);
    } catch {
      // Renamed or deleted meanwhile.
    }
  }
}

/**
 * Gunzips one file into one buffer of its own: the output chunk is the size the gzip trailer
 * announces, so zlib neither collects thousands of 16 KiB chunks nor concatenates them (less
 * time, and less memory left fragmented after the load). Any other size still inflates correctly.
 */
function inflate(gz: Buffer): Buffer {
  const announced = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  const chunkSize = announced >= 64 && announced <= 1 << 30 ? announced : undefined;
  return gunzipSync(gz, chunkSize === undefined ? {} : { chunkSize });
}

/** The dictionary files' bytes, from the cache or the `.gz` files. */
export interface DictionaryBytes {
  /** By `.gz` name: exactly the bytes kuromoji's readers get. */
  buffers: Map<string, ArrayBuffer>;
  source: DictionarySource;
  /** Whether this read (re)wrote the cache. */
  cacheWritten: boolean;
}

/**
 * Reads the dictionary's bytes: the cache in `cacheDir` when it is valid for these `.gz` files,
 * else the `.gz` files (gunzipped, trimmed), then (re)writes the cache best-effort. Throws only
 * when the `.gz` files cannot be read.
 */
export async function readDictionary(
  dicPath: string,
  cacheDir: string | undefined,
): Promise<DictionaryBytes> {
  const stats = cacheDir === undefined ? undefined : gzStats(dicPath);
  if (cacheDir !== undefined && stats) {
    const cached = await readCache(cacheDir, stats);
    if (cached) return { buffers: cached, source: 'cache', cacheWritten: false };
  }
  const gz = await Promise.all(DICTIONARY_FILES.map((f) => readWhole(join(dicPath, f.gz))));
  const raws = new Map<string, Uint8Array>();
  const buffers = new Map<string, ArrayBuffer>();
  for (const [i, f] of DICTIONARY_FILES.entries()) {
    const inflated = inflate(gz[i] as Buffer);
    gz[i] = Buffer.alloc(0);
    const buffer = exactArrayBuffer(inflated, f.trim ? trimmedLength(inflated) : inflated.length);
    buffers.set(f.gz, buffer);
    raws.set(f.gz, new Uint8Array(buffer));
  }
  const cacheWritten = cacheDir !== undefined && stats !== undefined && writeCache(cacheDir, stats, raws);
  return { buffers, source: 'gzip', cacheWritten };
}

// kuromoji's own loader and tokenizer (CommonJS, untyped): what `kuromoji.builder().build()` uses.
interface KuromojiLoader {
  loadArrayBuffer: (file: string, callback: (err: Error | null, buffer?: ArrayBuffer) => void) => void;
  load(callback: (err: Error | null | undefined, dic: unknown) => void): void;
}
type LoaderClass = new (dicPath: string) => KuromojiLoader;
type TokenizerClass = new (dic: unknown) => Tokenizer<IpadicFeatures>;

/**
 * A tokenizer built from the bytes, as `TokenizerBuilder.build` builds it, by kuromoji's loader,
 * then made fast: the word table as typed arrays (kuromoji-lattice.ts) and the linear hot paths
 * (kuromoji-speed.ts). Same tokens as kuromoji's own.
 */
export function buildTokenizer(dicPath: string, bytes: DictionaryBytes): Promise<Tokenizer<IpadicFeatures>> {
  const NodeDictionaryLoader = require('kuromoji/src/loader/NodeDictionaryLoader') as LoaderClass;
  const KuromojiTokenizer = require('kuromoji/src/Tokenizer') as TokenizerClass;
  // The word table as typed arrays (kuromoji-lattice.ts); kuromoji then gets an empty one to load.
  const tidMap = bytes.buffers.get('tid_map.dat.gz');
  const table = tidMap ? readWordTable(new Uint8Array(tidMap)) : undefined;
  return new Promise((resolvePromise, reject) => {
    const loader = new NodeDictionaryLoader(dicPath);
    // `load` calls it unbound, with join(dicPath, name).
    loader.loadArrayBuffer = (file, callback) => {
      const name = basename(file);
      const buffer = table && name === 'tid_map.dat.gz' ? new ArrayBuffer(4) : bytes.buffers.get(name);
      if (buffer) callback(null, buffer);
      else callback(new Error(`no bytes for ${file}`));
    };
    try {
      loader.load((err, dic) => {
        if (err) {
          reject(err);
          return;
        }
        const tokenizer = new KuromojiTokenizer(dic);
        if (table)
          useWordTable((tokenizer as unknown as { viterbi_builder: unknown }).viterbi_builder, table);
        speedUp(tokenizer);
        resolvePromise(tokenizer);
      });
    } catch (err) {
      reject(err);
    }
  });
}

/** A tokenizer and where its dictionary came from. */
export interface DictionaryLoad {
  tokenizer: Tokenizer<IpadicFeatures>;
  source: DictionarySource;
  cacheWritten: boolean;
}

/**
 * Loads kuromoji's tokenizer from `dicPath` (its `dict/`) through the raw cache in `cacheDir`
 * (none when `undefined`). Same tokens as `kuromoji.builder({ dicPath }).build()`.
 */
export async function loadDictionary(dicPath: string, cacheDir: string | undefined): Promise<DictionaryLoad> {
  const bytes = await readDictionary(dicPath, cacheDir);
  const tokenizer = await buildTokenizer(dicPath, bytes);
  return { tokenizer, source: bytes.source, cacheWritten: bytes.cacheWritten };
}
