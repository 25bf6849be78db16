import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type MiniSearch from 'minisearch';
import { ANALYZER_VERSION } from '../analyze/analyzer.js';
import { loadTokenizer } from '../analyze/kuromoji.js';
import { withEnglish } from '../english/attach.js';
import { loadEnglish } from '../english/files.js';
import { createError } from '../errors.js';
import { INGEST_VERSION, ingestCorpus } from '../ingest/corpus.js';
import { formatProblem, type Problem } from '../ingest/item.js';
import { loadSourceList } from '../ingest/sources.js';
import { writeFileAtomically } from '../util/atomic-write.js';
import {
  analyzeInParallel,
  DEFAULT_MIN_CHARS_FOR_WORKERS,
  defaultWorkers,
  type PoolOptions,
  startAnalysisWorkers,
} from './analysis-pool.js';
import { compactFromTerms } from './compact-build.js';
import { type CompactHeader, decodeMiniSearch, encodeMiniSearch } from './compact-index.js';
import { analyzeFieldTexts, fieldTexts } from './item-terms.js';
import { SEARCH_OPTIONS } from './options.js';
import { type StoredItem, toStored } from './stored-item.js';
import { analyzerFingerprint, type ItemTerms, itemKey, TermCache, termCacheDir } from './term-cache.js';
import { buildVocabulary, decodeVocabulary, encodeVocabulary, type Vocabulary } from './vocabulary.js';

/**
 * Version of the files in index/; a loader refuses other versions.
 * 2: MiniSearch's JSON split into terms.json and postings.bin (see compact-index.ts).
 * 3: item bodies moved from items.json to bodies.bin (UTF-16LE, see {@link encodeBodies}).
 * 4: vocabulary.json, the corpus's bilingual vocabulary (see vocabulary.ts).
 */
export const INDEX_FORMAT = 4;

export interface DocumentInfo {
  id: string;
  title: string;
  kind: 'digest' | 'report' | 'briefing';
  items: number;
  coverage?: { from: string; to: string };
  published?: string;
}

export interface Manifest {
  format: number;
  analyzerVersion: number;
  ingestVersion: number;
  minisearch: string;
  /** sha256 of every file under data/, by path relative to data/. */
  dataFiles: Record<string, string>;
  items: number;
  documents: DocumentInfo[];
}

/** The loaded search index: MiniSearch, the stored items and what the corpus covers. */
export interface SearchIndex {
  mini: MiniSearch<StoredItem>;
  items: StoredItem[];
  byId: Map<string, StoredItem>;
  manifest: Manifest;
  /** English glosses → the corpus's Japanese terms (JMdict subset), made with the index. */
  vocabulary: Vocabulary;
}

const MINISEARCH_VERSION = '7';

/** Hashes every file under data/ (sorted), so any edit, addition or removal makes the index stale. */
export function hashDataDir(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        out[relative(dataDir, path).split('\\').join('/')] = createHash('sha256')
          .update(readFileSync(path))
          .digest('hex');
    }
  };
  walk(dataDir);
  return out;
}

export interface BuildOptions {
  /**
   * Where analyzed terms are kept between builds ({@link termCacheDir} of the index directory):
   * with it, a build analyzes only items whose text (or the analyzer) changed. Without it every
   * item is analyzed. The index is byte-identical either way.
   */
  cacheDir?: string;
}

/** What a build did, for logs and the bench. */
export interface BuildStats {
  items: number;
  /** Items run through the analyzer in this build. */
  analyzed: number;
  /** Items whose terms came from the cache. */
  reused: number;
  /** Of the analyzed items, how many worker threads analyzed (the rest: the calling thread). */
  byWorkers: number;
}

interface PreparedBuild {
  corpus: ReturnType<typeof ingestCorpus>;
  items: StoredItem[];
  dataFiles: Record<string, string>;
  texts: (string | null)[][];
  keys: string[];
  terms: (ItemTerms | undefined)[];
  missing: number[];
  cache: TermCache | undefined;
}

/** Ingests data/ and takes every item's terms the cache still holds; lists the others. */
function prepareBuild(dataDir: string, cacheDir: string | undefined): PreparedBuild {
  const corpus = ingestCorpus(dataDir);
  // The English of data/english/ rides along in items.json: results, citations and exports carry it.
  const items = withEnglish(corpus.items.map(toStored), loadEnglish(dataDir));
  const dataFiles = hashDataDir(dataDir);
  const fingerprint = analyzerFingerprint(
    dataFiles,
    corpus.documents.map((d) => d.doc.path),
  );
  const texts = items.map(fieldTexts);
  const keys = texts.map((t) => itemKey(fingerprint, t));
  const cache = cacheDir ? new TermCache(cacheDir) : undefined;
  const terms: (ItemTerms | undefined)[] = new Array(items.length);
  if (cache) {
    const byDocument = new Map<string, Map<string, ItemTerms>>();
    items.forEach((item, i) => {
      const doc = item.source.document;
      let entries = byDocument.get(doc);
      if (!entries) {
        entries = cache.read(doc);
        byDocument.set(doc, entries);
      }
      terms[i] = entries.get(keys[i] as string);
    });
  }
  const missing: number[] = [];
  // A plain loop: forEach would skip the holes, which are exactly the misses.
  for (let i = 0; i < items.length; i++) if (!terms[i]) missing.push(i);
  return { corpus, items, dataFiles, texts, keys, terms, missing, cache };
}

/** Fills in the analyzed terms, refreshes the cache of changed documents, builds MiniSearch. */
function finishBuild(
  prep: PreparedBuild,
  analyzed: ItemTerms[],
  byWorkers = 0,
): { index: SearchIndex; problems: Problem[]; stats: BuildStats } {
  const { corpus, items, dataFiles, keys, terms, missing, cache } = prep;
  prep.missing.forEach((at, k) => {
    terms[at] = analyzed[k];
  });
  if (cache) {
    const changed = new Set(missing.map((i) => (items[i] as StoredItem).source.document));
    const entries = new Map<string, [string, ItemTerms][]>();
    items.forEach((item, i) => {
      const doc = item.source.document;
      if (!entries.has(doc)) entries.set(doc, []);
      (entries.get(doc) as [string, ItemTerms][]).push([keys[i] as string, terms[i] as ItemTerms]);
    });
    for (const [doc, list] of entries) if (changed.has(doc)) cache.write(doc, list);
    cache.prune(entries.keys());
  }
  const { header, postings } = compactFromTerms(items, terms as ItemTerms[]);
  const mini = decodeMiniSearch<StoredItem>(header, postings, SEARCH_OPTIONS);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    ingestVersion: INGEST_VERSION,
    minisearch: MINISEARCH_VERSION,
    dataFiles,
    items: items.length,
    documents: corpus.documents.map((d) => ({
      id: d.doc.id,
      title: d.doc.title,
      kind: d.doc.kind,
      items: d.items.length,
      ...(d.coverage ? { coverage: d.coverage } : {}),
      ...(d.doc.published ? { published: d.doc.published } : {}),
    })),
  };
  return {
    index: fromParts(mini, items, manifest, vocabularyOf(terms as ItemTerms[])),
    problems: corpus.problems,
    stats: {
      items: items.length,
      analyzed: missing.length,
      reused: items.length - missing.length,
      byWorkers,
    },
  };
}

/** The bilingual vocabulary of every term of every field of every item. */
export function vocabularyOf(terms: readonly ItemTerms[]): Vocabulary {
  function* all(): Generator<string> {
    for (const item of terms) for (const field of item) if (field) yield* field;
  }
  return buildVocabulary(all());
}

/** Bytes under data/: a cheap upper bound of the text to analyze (UTF-8 bytes ≥ characters). */
function dataSize(dataDir: string): number {
  let total = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else total += st.size;
    }
  };
  if (existsSync(dataDir)) walk(dataDir);
  return total;
}

/**
 * Builds the index in memory from data/, on this thread. Requires kuromoji to be loaded.
 * With `cacheDir`, only items whose text changed are analyzed (adding a month analyzes that
 * month); the result is byte-identical to a build without a cache.
 */
export function buildIndex(
  dataDir: string,
  options: BuildOptions = {},
): { index: SearchIndex; problems: Problem[]; stats: BuildStats } {
  const prep = prepareBuild(dataDir, options.cacheDir);
  return finishBuild(
    prep,
    prep.missing.map((i) => analyzeFieldTexts(prep.texts[i] as (string | null)[])),
  );
}

/**
 * {@link buildIndex} with the analysis spread over worker threads (both cores here): what a
 * full build of a large corpus needs. Small jobs stay on this thread, where kuromoji is already
 * loaded. Same output bytes as {@link buildIndex}. Requires kuromoji to be loaded.
 */
export async function buildIndexInParallel(
  dataDir: string,
  options: BuildOptions & PoolOptions = {},
): Promise<{ index: SearchIndex; problems: Problem[]; stats: BuildStats }> {
  // A full build of a large corpus: start the workers now, so they load their dictionaries
  // while this thread ingests (measured: ingest takes ≈0.6–1 s at 10 000 items, a worker's start ≈0.3–0.5 s).
  const full =
    !options.cacheDir || !existsSync(options.cacheDir) || readdirSync(options.cacheDir).length === 0;
  const early =
    full && dataSize(dataDir) >= (options.minCharsForWorkers ?? DEFAULT_MIN_CHARS_FOR_WORKERS)
      ? startAnalysisWorkers(options.workers ?? defaultWorkers())
      : [];
  let prep: PreparedBuild;
  try {
    prep = prepareBuild(dataDir, options.cacheDir);
  } catch (err) {
    for (const w of early) void w.terminate();
    throw err;
  }
  const { terms, byWorkers } = await analyzeInParallel(
    prep.missing.map((i) => prep.texts[i] as (string | null)[]),
    { ...options, prestarted: early },
  );
  return finishBuild(prep, terms, byWorkers);
}

/** Assembles a {@link SearchIndex} (with its id lookup) from a MiniSearch, the items and the manifest. */
export function fromParts(
  mini: MiniSearch<StoredItem>,
  items: StoredItem[],
  manifest: Manifest,
  vocabulary: Vocabulary,
): SearchIndex {
  return { mini, items, byId: new Map(items.map((i) => [i.id, i])), manifest, vocabulary };
}

const FILES = {
  manifest: 'manifest.json',
  items: 'items.json',
  bodies: 'bodies.bin',
  terms: 'terms.json',
  postings: 'postings.bin',
  vocabulary: 'vocabulary.json',
} as const;

/** Every file of index/, the manifest first (tests compare them byte for byte). */
export const INDEX_FILES: readonly string[] = [
  FILES.manifest,
  FILES.items,
  FILES.bodies,
  FILES.terms,
  FILES.postings,
  FILES.vocabulary,
];

/**
 * The items' bodies as one buffer: their count and each one's length in UTF-16 code units
 * (little-endian int32s), then every body in UTF-16LE, in item order.
 *
 * @remarks Half of items.json was bodies, and reading it meant decoding 15 MB of UTF-8 into a
 * two-byte string and parsing it (≈0.1 s at 10 000 items). UTF-16LE is the string's own form, so
 * the bodies come back with one copy, then each is a slice of it.
 */
export function encodeBodies(items: readonly StoredItem[]): Buffer {
  const head = Buffer.alloc(4 * (items.length + 1));
  head.writeInt32LE(items.length, 0);
  items.forEach((item, i) => {
    head.writeInt32LE(item.body.length, 4 * (i + 1));
  });
  return Buffer.concat([head, Buffer.from(items.map((i) => i.body).join(''), 'utf16le')]);
}

/** The bodies {@link encodeBodies} wrote, for `count` items; throws on any mismatch. */
export function decodeBodies(buffer: Buffer, count: number): string[] {
  if (buffer.length < 4) throw new Error('too short');
  const n = buffer.readInt32LE(0);
  if (n !== count) throw new Error(`holds ${n} bodies, the manifest says ${count} items`);
  const start = 4 * (n + 1);
  if (buffer.length < start || (buffer.length - start) % 2 !== 0) throw new Error('truncated');
  const all = buffer.toString('utf16le', start);
  const bodies: string[] = new Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const length = buffer.readInt32LE(4 * (i + 1));
    if (length < 0 || at + length > all.length) throw new Error(`body ${i} runs past the end`);
    bodies[i] = all.slice(at, at + length);
    at += length;
  }
  if (at !== all.length) throw new Error(`${all.length - at} characters left over`);
  return bodies;
}

/**
 * Writes index/ deterministically: same data, same bytes (no timestamps, stable key order).
 * Files are written beside their targets and renamed, so a crash never leaves half an index.
 */
export function saveIndex(index: SearchIndex, indexDir: string): void {
  mkdirSync(indexDir, { recursive: true });
  const write = (name: string, data: string | Buffer) => writeFileAtomically(join(indexDir, name), data);
  const { header, postings } = encodeMiniSearch(index.mini);
  const withoutBodies = index.items.map(({ body: _body, ...rest }) => rest);
  write(FILES.items, `${JSON.stringify(withoutBodies, null, 1)}\n`);
  write(FILES.bodies, encodeBodies(index.items));
  write(FILES.postings, postings);
  write(FILES.terms, JSON.stringify(header));
  write(FILES.vocabulary, encodeVocabulary(index.vocabulary));
  // The manifest last: it is what declares the others complete.
  write(FILES.manifest, `${JSON.stringify(index.manifest, null, 2)}\n`);
}

export function readManifest(indexDir: string): Manifest | undefined {
  const path = join(indexDir, FILES.manifest);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Loads index/ with the shared options. Requires kuromoji to be loaded (queries analyze text).
 * Postings are decoded per term on first use, which keeps the load fast and the heap small.
 */
export function loadIndex(indexDir: string): SearchIndex {
  const { manifest, items, header, postings, path, vocabulary } = readIndexFiles(indexDir);
  const mini = named(path, () => decodeMiniSearch<StoredItem>(header, postings, SEARCH_OPTIONS));
  return fromParts(mini, items, manifest, vocabulary);
}

/**
 * {@link loadIndex} for a running app: the compact format decodes postings per term on first
 * use, so the load itself is short; it yields to the event loop once before it.
 */
export async function loadIndexAsync(indexDir: string): Promise<SearchIndex> {
  await new Promise((r) => setImmediate(r));
  return loadIndex(indexDir);
}

/** Runs `f`; a failure is reported as the named index file being corrupt. */
function named<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw createError('INDEX_FILE_CORRUPT', path, (err as Error).message);
  }
}

/** Reads and checks index/'s files; each is named when it is damaged (truncated, edited). */
function readIndexFiles(indexDir: string) {
  const manifest = readManifest(indexDir);
  if (!manifest) throw createError('INDEX_MISSING', indexDir);
  if (manifest.format !== INDEX_FORMAT)
    throw createError('INDEX_INCOMPATIBLE', `format ${manifest.format}, expected ${INDEX_FORMAT}`);
  const itemsPath = join(indexDir, FILES.items);
  const items = named(itemsPath, () => {
    const parsed = JSON.parse(readFileSync(itemsPath, 'utf8')) as StoredItem[];
    if (!Array.isArray(parsed) || parsed.length !== manifest.items)
      throw new Error(`expected ${manifest.items} items as the manifest says`);
    return parsed;
  });
  const bodiesPath = join(indexDir, FILES.bodies);
  const bodies = named(bodiesPath, () => decodeBodies(readFileSync(bodiesPath), manifest.items));
  items.forEach((item, i) => {
    item.body = bodies[i] as string;
  });
  const termsPath = join(indexDir, FILES.terms);
  const header = named(termsPath, () => JSON.parse(readFileSync(termsPath, 'utf8')) as CompactHeader);
  const path = join(indexDir, FILES.postings);
  const postings = named(path, () => readFileSync(path));
  const vocabularyPath = join(indexDir, FILES.vocabulary);
  const vocabulary = named(vocabularyPath, () => decodeVocabulary(readFileSync(vocabularyPath, 'utf8')));
  return { manifest, items, header, postings, path, vocabulary };
}

/** Why an index on disk does not match data/ and this analyzer, or undefined when it does. */
export function staleness(manifest: Manifest | undefined, dataDir: string): string | undefined {
  if (!manifest) return 'no index yet';
  if (manifest.format !== INDEX_FORMAT) return `index format ${manifest.format} (expected ${INDEX_FORMAT})`;
  if (manifest.ingestVersion !== INGEST_VERSION)
    return `ingest version ${manifest.ingestVersion} (expected ${INGEST_VERSION})`;
  if (manifest.analyzerVersion !== ANALYZER_VERSION)
    return `analyzer version ${manifest.analyzerVersion} (expected ${ANALYZER_VERSION})`;
  const now = hashDataDir(dataDir);
  const changed = [
    ...Object.keys(now).filter((f) => manifest.dataFiles[f] !== now[f]),
    ...Object.keys(manifest.dataFiles).filter((f) => !(f in now)),
  ];
  return changed.length ? `data changed: ${[...new Set(changed)].sort().join(', ')}` : undefined;
}

export interface OpenOptions {
  dataDir: string;
  indexDir: string;
  log?: (line: string) => void;
}

/** A rebuild refused because it would serve less than the index it replaces. */
export class DegradedRebuildError extends Error {}

/**
 * Why a freshly built index must not replace `previous`: a document still listed in
 * data/sources.yml (`listed`: id → path) that had items and now has none — unreadable, garbled,
 * or parsed to nothing. A document removed from sources.yml is a removal, not a loss.
 */
export function degradation(
  previous: Manifest | undefined,
  built: Manifest,
  listed: Record<string, string>,
  problems: Problem[],
): string | undefined {
  if (!previous) return undefined;
  const now = new Map(built.documents.map((d) => [d.id, d.items]));
  const lost = previous.documents.filter((d) => d.items > 0 && d.id in listed && !(now.get(d.id) ?? 0));
  if (!lost.length) return undefined;
  return lost
    .map((d) => {
      const p = problems.find((x) => x.file === listed[d.id]);
      return `${d.id} would lose its ${d.items} items${p ? ` (${formatProblem(p)})` : ''}`;
    })
    .join('; ');
}

/**
 * Builds the index from data/ and saves it, unless the build is worse than the index on disk:
 * then nothing is written and {@link DegradedRebuildError} says which document and why.
 */
export function rebuildIndex({ dataDir, indexDir, log = () => {} }: OpenOptions): SearchIndex {
  const previous = readManifest(indexDir);
  const { index, problems } = buildIndex(dataDir, { cacheDir: termCacheDir(indexDir) });
  for (const p of problems) log(`policy-bot: problem: ${formatProblem(p)}`);
  const listed = Object.fromEntries(loadSourceList(dataDir).documents.map((d) => [d.id, d.path]));
  const worse = degradation(previous, index.manifest, listed, problems);
  if (worse) throw new DegradedRebuildError(`not saved, the rebuilt index would be degraded: ${worse}`);
  saveIndex(index, indexDir);
  return index;
}

/**
 * What the app and the CLI call at start: loads index/ when its manifest matches data/, and
 * otherwise rebuilds it (saying why). Faults never cost a good index: unreadable data, a broken
 * sources.yml or a rebuild that would lose a document's items keep serving the index on disk
 * (naming the file and the reason); a corrupt index file is rebuilt from data/, and if that is
 * impossible too the error names the index file.
 */
export async function openIndex({ dataDir, indexDir, log = () => {} }: OpenOptions): Promise<SearchIndex> {
  // The dictionary's files (cached raw, or gunzipped on the first run) are read on libuv's threads
  // while this one reads index/.
  const tokenizer = loadTokenizer();
  tokenizer.catch(() => {}); // awaited below; this only keeps a failure during the read handled
  const manifest = readManifest(indexDir);
  let why: string | undefined;
  try {
    why = staleness(manifest, dataDir);
  } catch (err) {
    // data/ cannot even be hashed (a file without read permission): serve what we have.
    if (!manifest) throw err;
    log(`policy-bot: cannot read data/ (${(err as Error).message}); serving the last good index`);
    await tokenizer;
    return loadIndexOrExplain(indexDir, err as Error);
  }
  if (!why) {
    try {
      const index = loadIndex(indexDir);
      await tokenizer;
      return index;
    } catch (err) {
      why = (err as Error).message;
    }
  }
  await tokenizer;
  log(`policy-bot: rebuilding the index in ${indexDir} (${why})`);
  try {
    const index = rebuildIndex({ dataDir, indexDir, log });
    log(
      `policy-bot: index rebuilt: ${index.items.length} items from ${index.manifest.documents.length} documents`,
    );
    return index;
  } catch (err) {
    if (!manifest) throw err;
    log(`policy-bot: rebuild failed (${(err as Error).message}); serving the last good index`);
    return loadIndexOrExplain(indexDir, err as Error);
  }
}

function loadIndexOrExplain(indexDir: string, cause: Error): SearchIndex {
  try {
    return loadIndex(indexDir);
  } catch (err) {
    throw createError('INDEX_UNUSABLE', (err as Error).message, cause.message);
  }
}
