import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION } from '../analyze/analyzer.js';
import { loadTokenizer } from '../analyze/kuromoji.js';
import { createError } from '../errors.js';
import { INGEST_VERSION, ingestCorpus } from '../ingest/corpus.js';
import { formatProblem, type Problem } from '../ingest/item.js';
import { loadSourceList } from '../ingest/sources.js';
import { SEARCH_OPTIONS } from './options.js';
import { type StoredItem, toStored } from './stored-item.js';

/** Version of the files in index/; a loader refuses other versions. */
export const INDEX_FORMAT = 1;

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

/** Builds the index in memory from data/. Requires kuromoji to be loaded. */
export function buildIndex(dataDir: string): { index: SearchIndex; problems: Problem[] } {
  const corpus = ingestCorpus(dataDir);
  const items = corpus.items.map(toStored);
  const mini = new MiniSearch<StoredItem>(SEARCH_OPTIONS);
  mini.addAll(items);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    ingestVersion: INGEST_VERSION,
    minisearch: MINISEARCH_VERSION,
    dataFiles: hashDataDir(dataDir),
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
  return { index: fromParts(mini, items, manifest), problems: corpus.problems };
}

function fromParts(mini: MiniSearch<StoredItem>, items: StoredItem[], manifest: Manifest): SearchIndex {
  return { mini, items, byId: new Map(items.map((i) => [i.id, i])), manifest };
}

const FILES = { manifest: 'manifest.json', items: 'items.json', minisearch: 'minisearch.json' } as const;

/**
 * Writes index/ deterministically: same data, same bytes (no timestamps, stable key order).
 * Files are written beside their targets and renamed, so a crash never leaves half an index.
 */
export function saveIndex(index: SearchIndex, indexDir: string): void {
  mkdirSync(indexDir, { recursive: true });
  const write = (name: string, text: string) => {
    const tmp = join(indexDir, `${name}.tmp-${process.pid}`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(indexDir, name));
  };
  write(FILES.items, `${JSON.stringify(index.items, null, 1)}\n`);
  write(FILES.minisearch, JSON.stringify(index.mini));
  // The manifest last: it is what declares the other two complete.
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

/** Loads index/ with the shared options. Requires kuromoji to be loaded (queries analyze text). */
export function loadIndex(indexDir: string): SearchIndex {
  const { manifest, items, minisearchText, path } = readIndexFiles(indexDir);
  const mini = named(path, () => MiniSearch.loadJSON<StoredItem>(minisearchText, SEARCH_OPTIONS));
  return fromParts(mini, items, manifest);
}

/**
 * {@link loadIndex} for a running app: MiniSearch's async loader yields to the event loop while
 * it rebuilds the index, so a live reload does not hold up acks.
 */
export async function loadIndexAsync(indexDir: string): Promise<SearchIndex> {
  const { manifest, items, minisearchText, path } = readIndexFiles(indexDir);
  let mini: MiniSearch<StoredItem>;
  try {
    mini = await MiniSearch.loadJSONAsync<StoredItem>(minisearchText, SEARCH_OPTIONS);
  } catch (err) {
    throw createError('INDEX_FILE_CORRUPT', path, (err as Error).message);
  }
  return fromParts(mini, items, manifest);
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
  const path = join(indexDir, FILES.minisearch);
  const minisearchText = named(path, () => readFileSync(path, 'utf8'));
  return { manifest, items, minisearchText, path };
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
  const { index, problems } = buildIndex(dataDir);
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
  await loadTokenizer();
  const manifest = readManifest(indexDir);
  let why: string | undefined;
  try {
    why = staleness(manifest, dataDir);
  } catch (err) {
    // data/ cannot even be hashed (a file without read permission): serve what we have.
    if (!manifest) throw err;
    log(`policy-bot: cannot read data/ (${(err as Error).message}); serving the last good index`);
    return loadIndexOrExplain(indexDir, err as Error);
  }
  if (!why) {
    try {
      return loadIndex(indexDir);
    } catch (err) {
      why = (err as Error).message;
    }
  }
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
