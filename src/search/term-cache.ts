import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZER_VERSION } from '../analyze/analyzer.js';
import { writeFileAtomically } from '../util/atomic-write.js';

/** Analyzed terms of one item, per indexed field (`null`: the field is absent). */
export type ItemTerms = (string[] | null)[];

/** Bump when the cache files' layout changes; other versions are ignored (and overwritten). */
const CACHE_FORMAT = 1;

const require = createRequire(import.meta.url);

/** The analyzer's own code: src/analyze/*, the text helpers it uses and the index options. */
function analyzerSources(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = extname(fileURLToPath(import.meta.url));
  const analyze = join(here, '..', 'analyze');
  const files = existsSync(analyze)
    ? readdirSync(analyze)
        .filter((f) => f.endsWith(ext))
        .sort()
        .map((f) => join(analyze, f))
    : [];
  return [...files, join(here, '..', 'ingest', `text${ext}`), join(here, `options${ext}`)];
}

let sourcesHash: string | undefined;

/**
 * Everything besides an item's own text that decides its terms: the analyzer version, the
 * analyzer's source files (so a change nobody versioned still misses the cache rather than
 * serving old terms), the kuromoji release, and every data file that is not a document
 * (vocabularies such as data/lexicon/*.yml feed the analyzer). Any change there invalidates
 * every cached entry. The English of data/english/ is an item's own text, not vocabulary: what of
 * it is indexed is in the item's key, so a month's new English re-analyzes that month only.
 */
export function analyzerFingerprint(
  dataFiles: Record<string, string>,
  documentPaths: Iterable<string>,
): string {
  const documents = new Set(documentPaths);
  const kuromoji = (require('kuromoji/package.json') as { version: string }).version;
  if (sourcesHash === undefined) {
    const h = createHash('sha256');
    for (const file of analyzerSources()) {
      h.update(`${basename(file)}\n`);
      if (existsSync(file)) h.update(readFileSync(file));
    }
    sourcesHash = h.digest('hex');
  }
  const hash = createHash('sha256').update(
    `analyzer ${ANALYZER_VERSION}\nsources ${sourcesHash}\nkuromoji ${kuromoji}\n`,
  );
  for (const path of Object.keys(dataFiles).sort()) {
    if (documents.has(path) || path === 'sources.yml' || path.startsWith('english/')) continue;
    hash.update(`${path} ${dataFiles[path]}\n`);
  }
  return hash.digest('hex');
}

/** The cache key of one item: its field texts under one analyzer fingerprint. */
export function itemKey(fingerprint: string, texts: (string | null)[]): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const t of texts) hash.update(t === null ? '\u0001' : `\u0000${t}`);
  return hash.digest('base64url').slice(0, 32);
}

interface CacheFile {
  format: number;
  entries: [string, ItemTerms][];
}

/**
 * Analyzed terms kept per source document, one file each, so adding a month analyzes only that
 * month. Entries are keyed by {@link itemKey} (content hash + analyzer fingerprint), so a stale
 * entry is never used, only missed. The cache is an accelerator: a missing, corrupt or
 * unwritable cache costs time, never correctness.
 */
export class TermCache {
  constructor(readonly dir: string) {}

  private file(documentId: string): string {
    return join(this.dir, `${documentId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }

  /** The cached entries of one document (empty when none or unreadable). */
  read(documentId: string): Map<string, ItemTerms> {
    const path = this.file(documentId);
    if (!existsSync(path)) return new Map();
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      return data.format === CACHE_FORMAT ? new Map(data.entries) : new Map();
    } catch {
      return new Map();
    }
  }

  /** Replaces one document's entries (in item order, so the same data writes the same bytes). */
  write(documentId: string, entries: [string, ItemTerms][]): void {
    try {
      writeFileAtomically(
        this.file(documentId),
        JSON.stringify({ format: CACHE_FORMAT, entries } satisfies CacheFile),
      );
    } catch {
      // A read-only checkout still builds; it just analyzes again next time.
    }
  }

  /** Drops the files of documents no longer in the corpus. */
  prune(keep: Iterable<string>): void {
    if (!existsSync(this.dir)) return;
    const wanted = new Set([...keep].map((id) => this.file(id)));
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (!wanted.has(path))
        try {
          rmSync(path, { force: true });
        } catch {
          // best effort
        }
    }
  }
}

/** Where an index directory keeps its term cache: beside the index files, not committed. */
export function termCacheDir(indexDir: string): string {
  return join(indexDir, '.term-cache');
}
