import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { writeFileAtomically } from '../util/atomic-write.js';
import { isHttpUrl } from '../util/url.js';
import { digestCoverage, ingestCorpus } from './corpus.js';
import { type DocumentMeta, formatProblem, type Item, type Problem } from './item.js';
import { detectLayout, LAYOUTS, type LayoutName } from './layouts/index.js';
import { type DigestSource, ReadError, readDigestSource } from './readers/index.js';
import { loadSourceList, SOURCES_FILE, type SourceDocument } from './sources.js';

/** The series every monthly digest belongs to: the title its entries carry, before the month. */
export const DIGEST_SERIES = 'AI政策動向マンスリー情報';

export interface AddOptions {
  dataDir: string;
  /** The file as given on the command line, or the address it was downloaded from (named in every problem). */
  file: string;
  bytes: Uint8Array;
  /** What the bytes are when their name cannot say (a download: its content type). */
  format?: 'html' | 'pdf';
  /** The bytes already read as a digest (a downloaded page, read once for its content hash too). */
  source?: DigestSource;
  /** The digest page's address; otherwise the page's canonical link, when it has one. */
  url?: string;
  replace?: boolean;
}

/** What `policy-bot add` would write, worked out without writing anything. */
export interface AddPlan {
  source: DigestSource;
  layout: LayoutName;
  entry: SourceDocument;
  /** The digest's text as it will be stored under data/. */
  text: string;
  items: Item[];
  /** The entry this one replaces (`--replace`), if any. */
  replaces?: SourceDocument;
  /** data/sources.yml after the change. */
  sourcesText: string;
  /** Read, but worth a look (an unknown section heading kept as a section of its own). */
  warnings: Problem[];
  /** The separators the items were told apart by, with how many lines each: `{ '-': 5, '・': 2 }`. */
  separators: Record<string, number>;
}

/** A refusal: every problem names the file and, when it has one, the line. */
export class AddError extends Error {
  constructor(
    readonly problems: Problem[],
    /** Set when the refusal is that the corpus already has this digest (or its month). */
    readonly duplicateOf?: SourceDocument,
  ) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Who publishes the series: what the existing digests say, else the page's site name. */
function publisherOf(existing: SourceDocument[], source: DigestSource): string | undefined {
  const counts = new Map<string, number>();
  for (const d of existing)
    if (d.kind === 'digest' && d.publisher) counts.set(d.publisher, (counts.get(d.publisher) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? source.siteName;
}

/** data/sources.yml with the entry added among the digests (newest first), or put in place of the one it replaces. */
export function withEntry(sourcesText: string, entry: SourceDocument, replaces?: string): string {
  const doc = parseDocument(sourcesText);
  const list = doc.get('documents');
  if (!isSeq(list)) throw new Error('documents: is not a list');
  const node = doc.createNode(entry);
  const idOf = (n: unknown) => (isMap(n) ? String((n as YAMLMap).get('id')) : '');
  const kindOf = (n: unknown) => (isMap(n) ? String((n as YAMLMap).get('kind')) : '');
  if (replaces) {
    const at = list.items.findIndex((n) => idOf(n) === replaces);
    list.items.splice(at, 1, node);
  } else {
    const digests = list.items.map((n, i) => [n, i] as const).filter(([n]) => kindOf(n) === 'digest');
    const before = digests.find(([n]) => idOf(n) < entry.id);
    const at = before ? before[1] : digests.length ? (digests.at(-1)?.[1] ?? 0) + 1 : list.items.length;
    list.items.splice(at, 0, node);
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * Works out everything `policy-bot add` will write, and refuses with every problem (file:line)
 * before anything is written: the layout must be recognised, every item must parse cleanly,
 * the month must be new (or `replace` given), and the whole corpus must still read without a
 * problem with the new document in it.
 */
export async function planAdd(opts: AddOptions): Promise<AddPlan> {
  const { dataDir, file } = opts;
  const name = /^https?:\/\//.test(file) ? file : basename(file);
  if (opts.url !== undefined && !isHttpUrl(opts.url))
    throw new AddError([
      { file: name, message: `the page address must be an http(s) address, not ${JSON.stringify(opts.url)}` },
    ]);
  let source: DigestSource;
  try {
    source = opts.source ?? (await readDigestSource(name, opts.bytes, opts.format));
  } catch (err) {
    if (err instanceof ReadError)
      throw new AddError([
        {
          file: err.file,
          ...(err.line ? { line: err.line } : {}),
          message: err.message.replace(/^[^:]*(?::\d+)?: /, ''),
        },
      ]);
    throw err;
  }
  // Line numbers of a page or a PDF refer to the text extracted from it.
  const where =
    source.format === 'text' ? name : `${name} (text extracted from the ${source.format.toUpperCase()})`;
  const text = source.text.replace(/\r\n?/g, '\n');
  const detected = detectLayout(text);
  if (!detected) {
    throw new AddError([
      {
        file: where,
        message: `no digest layout recognised: expected items like "  1. (2026/01/09)title", "(2025/07/05)title" between "-" lines, or "① (2025/2/7)title"`,
      },
    ]);
  }
  const list = loadSourceList(dataDir);
  if (list.problems.length)
    throw new AddError(list.problems.map((p) => ({ file: join(dataDir, SOURCES_FILE), ...p })));
  // First pass with a provisional id: the items' dates say which month this is.
  const draft: DocumentMeta = { id: 'digest-new', path: name, title: DIGEST_SERIES, kind: 'digest' };
  const first = LAYOUTS[detected.layout].parse(draft, text);
  const problems = first.problems.map((p) => ({ ...p, file: where }));
  if (problems.length) throw new AddError(problems);
  if (first.items.length === 0) throw new AddError([{ file: where, message: 'no items found' }]);
  const coverage = digestCoverage(first.items);
  if (!coverage)
    throw new AddError([{ file: where, message: 'no item carries a date, so the month is unknown' }]);
  const month = coverage.from.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const url = opts.url ?? source.canonicalUrl;
  const publisher = publisherOf(list.documents, source);
  const entry: SourceDocument = {
    id: `digest-${month}`,
    path: `digests/${month}.txt`,
    title: `${DIGEST_SERIES} ${y}年${m}月`,
    kind: 'digest',
    layout: detected.layout,
    ...(publisher ? { publisher } : {}),
    ...(url ? { url } : {}),
    // Its English comes after the add (a provider, or an import): marked until it is complete.
    english: 'pending',
  };
  const stored = text.endsWith('\n') ? text : `${text}\n`;
  const existing = list.documents.find((d) => d.id === entry.id || d.path === entry.path);
  const sameText = list.documents.find((d) => {
    const path = join(dataDir, d.path);
    return existsSync(path) && readFileSync(path, 'utf8').replace(/\r\n?/g, '\n') === stored;
  });
  const duplicate = existing ?? sameText;
  if (duplicate && !(opts.replace && duplicate === existing && (!sameText || sameText === existing))) {
    throw new AddError(
      [
        {
          file: name,
          message: `${duplicate === sameText ? 'this digest is already in the corpus' : `the corpus already has ${entry.title}`} as ${duplicate.id} (${duplicate.path}); use --replace to replace it`,
        },
      ],
      duplicate,
    );
  }
  const sourcesText = withEntry(readFileSync(join(dataDir, SOURCES_FILE), 'utf8'), entry, existing?.id);
  // Read the whole corpus with the new document staged in a copy of data/: what the index will see.
  const stage = mkdtempSync(join(tmpdir(), 'policy-bot-add-'));
  try {
    cpSync(dataDir, stage, { recursive: true });
    if (existing && existing.path !== entry.path) rmSync(join(stage, existing.path), { force: true });
    mkdirSync(dirname(join(stage, entry.path)), { recursive: true });
    writeFileSync(join(stage, entry.path), stored);
    writeFileSync(join(stage, SOURCES_FILE), sourcesText);
    const corpus = ingestCorpus(stage);
    const mine = corpus.documents.find((d) => d.doc.id === entry.id);
    const after = [
      ...corpus.problems.map((p) => (p.file === entry.path ? { ...p, file: where } : p)),
      ...(mine ? [] : [{ file: join(dataDir, SOURCES_FILE), message: `${entry.id} was not read back` }]),
    ];
    if (after.length) throw new AddError(after);
    const separators: Record<string, number> = {};
    for (const sk of first.skipped) {
      const glyph = /^item separator \((.+)\)$/.exec(sk.reason)?.[1];
      if (glyph) separators[glyph] = (separators[glyph] ?? 0) + 1;
    }
    return {
      source,
      layout: detected.layout,
      entry,
      text: stored,
      items: mine?.items ?? [],
      ...(existing ? { replaces: existing } : {}),
      sourcesText,
      warnings: corpus.warnings.filter((w) => w.file === entry.path).map((w) => ({ ...w, file: where })),
      separators,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Writes a plan: the digest file, then data/sources.yml (each atomically), then lets the caller
 * update the index. If that fails the data files are put back as they were, so a failed add
 * leaves nothing behind.
 */
export async function applyAdd(
  dataDir: string,
  plan: AddPlan,
  updateIndex: () => Promise<void>,
): Promise<void> {
  const sourcesPath = join(dataDir, SOURCES_FILE);
  const target = join(dataDir, plan.entry.path);
  const before = {
    sources: readFileSync(sourcesPath, 'utf8'),
    target: existsSync(target) ? readFileSync(target) : undefined,
    replaced:
      plan.replaces && plan.replaces.path !== plan.entry.path
        ? readFileSync(join(dataDir, plan.replaces.path))
        : undefined,
  };
  try {
    writeFileAtomically(target, plan.text);
    if (plan.replaces && plan.replaces.path !== plan.entry.path)
      rmSync(join(dataDir, plan.replaces.path), { force: true });
    writeFileAtomically(sourcesPath, plan.sourcesText);
    await updateIndex();
  } catch (err) {
    writeFileAtomically(sourcesPath, before.sources);
    if (before.target) writeFileSync(target, before.target);
    else rmSync(target, { force: true });
    if (before.replaced && plan.replaces) writeFileSync(join(dataDir, plan.replaces.path), before.replaced);
    throw err;
  }
}

/**
 * `policy-bot add` as one call (the CLI and the bench use it): plan, then write and update the
 * index through `updateIndex`. Returns the plan that was applied.
 */
export async function addDigest(
  opts: AddOptions & { dryRun?: boolean; updateIndex: () => Promise<void> },
): Promise<AddPlan> {
  const plan = await planAdd(opts);
  if (!opts.dryRun) await applyAdd(opts.dataDir, plan, opts.updateIndex);
  return plan;
}
