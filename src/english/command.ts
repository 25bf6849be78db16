import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { loadTokenizer } from '../analyze/kuromoji.js';
import { type Corpus, ingestCorpus } from '../ingest/corpus.js';
import { formatProblem, type Item } from '../ingest/item.js';
import { csvField } from '../present/export.js';
import { rebuildIndex } from '../search/index-store.js';
import { commandUsage } from '../usage.js';
import { flagString, type ParsedArgs } from '../util/args.js';
import { type Io, println } from '../util/io.js';
import { EnglishBy, type LoadedEntry } from './entry.js';
import { loadEnglish, setEntries, updateEnglishFile } from './files.js';
import { type FillReport, fillEnglish, fillTargets } from './fill.js';
import { fixedNames } from './glossary.js';
import { type ImportItem, planImport, readCsvRows, readYamlRows } from './import.js';
import { clearPending, completedDocuments, pendingDocuments } from './pending.js';
import { translationConfig } from './providers/config.js';
import { makeTranslator } from './providers/index.js';
import { type EnglishStatus, englishStatus } from './status.js';

/** Where a command works and what day it is (the CLI resolves both). */
export interface EnglishContext {
  dataDir: string;
  indexDir: string;
  today: string;
}

/**
 * `policy-bot english …`: status, missing items, import, provider fill (`args` as the CLI parsed
 * them, the subcommand first). Returns the exit code.
 */
export async function englishCommand(args: ParsedArgs, io: Io, ctx: EnglishContext): Promise<number> {
  const [sub, ...rest] = args.positionals;
  switch (sub) {
    case undefined:
    case 'status':
    case 'missing':
      return statusCommand(args, io, ctx, sub === 'missing' || args.flags.has('missing'));
    case 'import':
      return importCommand(rest, args, io, ctx);
    case 'fill':
      return fillCommand(args, io, ctx);
    default:
      println(io.stderr, `policy-bot: english: unknown subcommand "${sub}"\n\n${commandUsage('english')}`);
      return 2;
  }
}

/**
 * The corpus and its English as a command reads them: the corpus once per command (nothing here
 * changes the documents), the English again only after the command has written some.
 */
interface Survey {
  corpus: Corpus;
  entries: Map<string, LoadedEntry>;
}

/** The same corpus with the English as data/english/ now holds it (after a write). */
const reread = (dataDir: string, s: Survey): Survey => ({ corpus: s.corpus, entries: loadEnglish(dataDir) });

/** The items of one document (or of the corpus) and where their English stands. */
function statusIn(s: Survey, document?: string): { items: Item[]; status: EnglishStatus } {
  const items = document ? s.corpus.items.filter((i) => i.source.document === document) : s.corpus.items;
  const entries = document ? new Map([...s.entries].filter(([, e]) => e.document === document)) : s.entries;
  return { items, status: englishStatus(items, entries) };
}

const documentIds = (corpus: Corpus) => corpus.documents.map((d) => d.doc.id);

function documentFlag(args: ParsedArgs, io: Io, known: string[]): string | undefined | null {
  const doc = flagString(args, 'document');
  if (doc !== undefined && !known.includes(doc)) {
    println(io.stderr, `policy-bot: --document must be one of ${known.join(', ')}, not "${doc}"`);
    return null;
  }
  return doc;
}

function statusCommand(args: ParsedArgs, io: Io, ctx: EnglishContext, missing: boolean): number {
  const corpus = ingestCorpus(ctx.dataDir);
  const known = documentIds(corpus);
  const doc = documentFlag(args, io, known);
  if (doc === null) return 2;
  const s: Survey = { corpus, entries: loadEnglish(ctx.dataDir) };
  const { status, items } = statusIn(s, doc);
  if (missing && args.flags.has('json')) {
    println(
      io.stdout,
      JSON.stringify({ missing: status.missing, stale: status.stale, orphans: status.orphans }, null, 2),
    );
    return 0;
  }
  if (missing && args.flags.has('csv')) {
    // A template: fill title and summary, then `policy-bot english import FILE`.
    const rows = [
      ['id', 'ja', 'title', 'summary'],
      ...[...status.missing, ...status.stale].map((m) => [m.id, m.title, '', '']),
    ];
    io.stdout.write(`${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`);
    return 0;
  }
  const lines = statusLines(status, items.length, missing);
  if (!missing) {
    // Then one line per document: how many of its items have English, how many by a machine.
    const pending = pendingDocuments(corpus.documents.map((d) => d.doc));
    for (const id of doc ? [doc] : known) {
      const { items: mine, status: st } = statusIn(s, id);
      lines.push(
        `  ${id}: ${st.covered}/${mine.length}${st.unreviewed ? ` (${st.unreviewed} machine-made)` : ''}${st.stale.length ? `, ${st.stale.length} to review` : ''}${pending.has(id) ? ', english: pending' : ''}`,
      );
    }
  }
  println(io.stdout, lines.join('\n'));
  return 0;
}

/** `1 item`, `2 items`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The status as lines: counts, then (when asked, or when short) the items themselves. */
function statusLines(status: EnglishStatus, total: number, list: boolean): string[] {
  const lines = [
    `${status.covered} of ${total} items have English (${status.unreviewed} machine-made, not yet reviewed); ${status.missing.length} without; ${status.stale.length} to review (the source's title changed); ${status.orphans.length} entries name no item.`,
  ];
  if (!list) {
    if (status.missing.length || status.stale.length || status.orphans.length)
      lines.push('`policy-bot english --missing` lists them.');
    return lines;
  }
  if (status.missing.length) {
    lines.push('', 'Without English:');
    for (const m of status.missing) lines.push(`  ${m.id}  ${m.title}`);
  }
  if (status.stale.length) {
    lines.push(
      '',
      'To review (the English was written from another title; check it, then set ja: to the new title):',
    );
    for (const s of status.stale)
      lines.push(`  ${s.id}  now: ${s.title}`, `  ${' '.repeat(s.id.length)}  was: ${s.ja} (by ${s.by})`);
  }
  if (status.orphans.length) {
    lines.push('', 'Entries naming no item (remove them or move them to the right id):');
    for (const o of status.orphans) lines.push(`  ${o.id}  in data/english/${o.document}.yml`);
  }
  if (status.missing.length)
    lines.push(
      '',
      'Fill them with `policy-bot english import FILE` (CSV or YAML; `--missing --csv` prints a template) or `policy-bot english fill` (a configured provider).',
    );
  return lines;
}

/** After English was written: index/ rebuilt so answers carry it (its failure said, never thrown). */
async function refreshIndex(io: Io, ctx: EnglishContext): Promise<boolean> {
  try {
    await loadTokenizer();
    rebuildIndex({ dataDir: ctx.dataDir, indexDir: ctx.indexDir, log: (l) => println(io.stderr, l) });
    return true;
  } catch (err) {
    println(
      io.stderr,
      `policy-bot: index/ not updated (${(err as Error).message}); run \`policy-bot index\``,
    );
    return false;
  }
}

async function importCommand(rest: string[], args: ParsedArgs, io: Io, ctx: EnglishContext): Promise<number> {
  const file = rest[0];
  if (!file || rest.length > 1) {
    println(
      io.stderr,
      'policy-bot: english import needs one file, e.g. policy-bot english import english.csv',
    );
    return 2;
  }
  const byFlag = flagString(args, 'by');
  const by = byFlag === undefined ? undefined : EnglishBy.safeParse(byFlag);
  if (by && !by.success) {
    println(io.stderr, `policy-bot: --by must be person, deepl or llm, not "${byFlag}"`);
    return 2;
  }
  const path = resolve(io.cwd, file);
  let input: string;
  try {
    input = readFileSync(path, 'utf8');
  } catch (err) {
    println(
      io.stderr,
      `policy-bot: ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
    return 1;
  }
  const ext = extname(file).toLowerCase();
  if (!['.csv', '.yml', '.yaml'].includes(ext)) {
    println(io.stderr, `policy-bot: ${file}: expected a .csv, .yml or .yaml file`);
    return 2;
  }
  const read = ext === '.csv' ? readCsvRows(file, input) : readYamlRows(file, input);
  const corpus = ingestCorpus(ctx.dataDir);
  const items = new Map<string, ImportItem>(corpus.items.map((i) => [i.id, i]));
  const plan = planImport(file, read.rows, items, {
    today: ctx.today,
    ...(by?.success ? { by: by.data } : {}),
  });
  const problems = [...read.problems, ...plan.problems];
  if (problems.length) {
    for (const p of problems) println(io.stderr, `problem: ${formatProblem(p)}`);
    println(io.stderr, 'policy-bot: nothing was imported');
    return 1;
  }
  const existing = loadEnglish(ctx.dataDir);
  setEntries(ctx.dataDir, plan.documents, documentOrder(corpus.items));
  const ids = [...plan.documents.values()].flatMap(({ set }) => Object.keys(set));
  const imported = ids.length;
  const replaced = ids.filter((id) => existing.has(id)).length;
  const lines = [
    `imported English for ${count(imported, 'item')} (${replaced} replaced) into ${[...plan.documents.keys()].map((d) => `data/english/${d}.yml`).join(', ') || 'no file'}${plan.skipped ? `; ${plan.skipped} rows without English skipped` : ''}.`,
  ];
  if (plan.olderTitles.length)
    lines.push(
      `${plan.olderTitles.length} were written from an older Japanese title and are listed for review: ${plan.olderTitles.join(', ')}`,
    );
  const settled = imported
    ? settlePending(ctx.dataDir, { corpus, entries: loadEnglish(ctx.dataDir) })
    : { cleared: [], lines: [] };
  lines.push(...settled.lines);
  if (imported && (await refreshIndex(io, ctx))) lines.push('index/ updated. Commit data/ and index/.');
  println(io.stdout, lines.join('\n'));
  return 0;
}

/** Every document's item ids in document order (entries are written in that order). */
function documentOrder(items: readonly Item[]): Map<string, string[]> {
  const order = new Map<string, string[]>();
  for (const i of items) {
    const list = order.get(i.source.document) ?? [];
    list.push(i.id);
    order.set(i.source.document, list);
  }
  return order;
}

/**
 * Takes the `english: pending` mark (data/sources.yml) off every marked document whose items now
 * all have English written from their current titles (`s`: the English as it now is), and says
 * what changed and what stays marked (within `document` when given).
 */
function settlePending(
  dataDir: string,
  s: Survey,
  document?: string,
): { cleared: string[]; lines: string[] } {
  const pending = pendingDocuments(s.corpus.documents.map((d) => d.doc));
  const cleared = clearPending(dataDir, completedDocuments(statusIn(s).status, pending));
  const still = [...pending].filter((id) => !cleared.includes(id) && (!document || id === document));
  const lines = [
    ...cleared.map(
      (id) => `English complete for ${id}: its english: pending mark is taken off data/sources.yml.`,
    ),
    ...still.map(
      (id) =>
        `data/sources.yml marks ${id} english: pending until every item has English (the English corpus test excuses it meanwhile).`,
    ),
  ];
  return { cleared, lines };
}

async function fillCommand(args: ParsedArgs, io: Io, ctx: EnglishContext): Promise<number> {
  const corpus = ingestCorpus(ctx.dataDir);
  const doc = documentFlag(args, io, documentIds(corpus));
  if (doc === null) return 2;
  const outcome = await fillDocuments(io, ctx, doc, corpus);
  println(io.stdout, outcome.lines.join('\n'));
  return outcome.ok ? 0 : 1;
}

/**
 * Translates what lacks English (in one document, or all) through the configured provider and
 * updates index/; never throws. `ok` is false when something is still missing afterwards.
 * `corpus`: the corpus when the caller has already read it.
 */
export async function fillDocuments(
  io: Io,
  ctx: EnglishContext,
  document?: string,
  corpus?: Corpus,
): Promise<{ ok: boolean; lines: string[]; report?: FillReport }> {
  try {
    return await fill(io, ctx, document, corpus);
  } catch (err) {
    // A file that cannot be written, say: the month (for `add`) is in all the same.
    return {
      ok: false,
      lines: [`English: not filled (${(err as Error).message}); \`policy-bot english fill\` tries again.`],
    };
  }
}

async function fill(
  io: Io,
  ctx: EnglishContext,
  document: string | undefined,
  corpus: Corpus | undefined,
): Promise<{ ok: boolean; lines: string[]; report?: FillReport }> {
  const where = document ?? 'the corpus';
  let s: Survey;
  try {
    s = { corpus: corpus ?? ingestCorpus(ctx.dataDir), entries: loadEnglish(ctx.dataDir) };
    // Entries of items that moved (a replaced month) go with them first: then only what is
    // really new is translated.
    if (rekey(ctx.dataDir, s, document)) s = reread(ctx.dataDir, s);
  } catch (err) {
    return { ok: false, lines: [`English: not filled: ${(err as Error).message}`] };
  }
  const { items, status } = statusIn(s, document);
  const targets = fillTargets(items, status);
  const review = status.stale.filter((x) => x.by === 'person').length;
  const reviewNote = review
    ? ` ${review} entries written by a person are to review (\`policy-bot english --missing\`).`
    : '';
  if (!targets.length) {
    const settled = settlePending(ctx.dataDir, s, document);
    const lines = [`English: every item of ${where} has English.${reviewNote}`, ...settled.lines];
    if (settled.cleared.length && (await refreshIndex(io, ctx)))
      lines.push('index/ updated. Commit data/ and index/.');
    return { ok: true, lines };
  }
  let translator: Awaited<ReturnType<typeof makeTranslator>>;
  let config: ReturnType<typeof translationConfig>;
  try {
    config = translationConfig(io.env);
    translator = await makeTranslator(config);
  } catch (err) {
    return {
      ok: false,
      lines: [
        `English: ${count(targets.length, 'item')} of ${where} ${targets.length === 1 ? 'has' : 'have'} no English; ${(err as Error).message}`,
        ...settlePending(ctx.dataDir, s, document).lines,
      ],
    };
  }
  if (!translator)
    return {
      ok: false,
      lines: [
        `English: ${count(targets.length, 'item')} of ${where} ${targets.length === 1 ? 'has' : 'have'} no English (${config.choice.provider === 'none' ? config.choice.reason : ''}).`,
        '`policy-bot english --missing` lists them; `policy-bot english import FILE` fills them; with a provider configured (.env.example), `policy-bot english fill` translates them.',
        ...settlePending(ctx.dataDir, s, document).lines,
      ],
    };
  const order = documentOrder(s.corpus.items);
  const report = await fillEnglish({
    dataDir: ctx.dataDir,
    items: targets,
    order,
    translator,
    glossary: fixedNames(),
    retry: config.retry,
    today: ctx.today,
    log: (l) => println(io.stderr, l),
  });
  const settled = settlePending(ctx.dataDir, report.filled ? reread(ctx.dataDir, s) : s, document);
  const lines = [describeFill(report, where), ...settled.lines];
  if ((report.filled || settled.cleared.length) && (await refreshIndex(io, ctx)))
    lines.push('index/ updated. Commit data/ and index/.');
  if (reviewNote) lines.push(reviewNote.trim());
  return { ok: report.filled === targets.length, lines, report };
}

/**
 * Entries whose item moved (a replaced month with an item added before them): an entry naming
 * no item of its document, or written from another title, whose `ja` is exactly the title of an
 * item without English, is moved to that item. A person's work is kept rather than redone.
 * Returns how many entries moved.
 */
function rekey(dataDir: string, s: Survey, document: string | undefined): number {
  const { items, status } = statusIn(s, document);
  const moved = new Set<string>();
  const byTitle = new Map<string, Item>();
  const needs = new Set([...status.missing.map((m) => m.id), ...status.stale.map((x) => x.id)]);
  for (const item of items) if (needs.has(item.id) && !byTitle.has(item.title)) byTitle.set(item.title, item);
  const loose = [...status.orphans.map((o) => o.id), ...status.stale.map((x) => x.id)];
  const changes = new Map<string, { title: string; set: Record<string, LoadedEntry>; remove: string[] }>();
  for (const id of loose) {
    const entry = s.entries.get(id);
    const target = entry && byTitle.get(entry.ja);
    if (!entry || !target || target.id === id || moved.has(target.id)) continue;
    moved.add(target.id);
    const doc = target.source.document;
    const c = changes.get(doc) ?? { title: target.source.documentTitle, set: {}, remove: [] };
    c.set[target.id] = entry;
    changes.set(doc, c);
    // Off the id it no longer describes (that item, if it exists, is then translated anew).
    const from = changes.get(entry.document) ?? { title: target.source.documentTitle, set: {}, remove: [] };
    from.remove.push(id);
    changes.set(entry.document, from);
  }
  const order = documentOrder(s.corpus.items);
  for (const [doc, c] of changes) {
    const set = Object.fromEntries(
      Object.entries(c.set).map(([id, { document: _d, ...entry }]) => [id, entry]),
    );
    const remove = c.remove.filter((id) => !(id in set));
    updateEnglishFile(dataDir, { id: doc, title: c.title }, { set, remove }, order.get(doc) ?? []);
  }
  return moved.size;
}

/** One paragraph on a fill: what was filled, by whom, for review; what stopped it and what is left. */
function describeFill(r: FillReport, where: string): string {
  const files = r.documents.map((d) => `data/english/${d}.yml`).join(', ');
  const parts = [
    `English: ${r.filled} of ${r.asked} items of ${where} translated by ${r.provider}${files ? ` into ${files}` : ''}, marked by: ${r.by} for review (read each against its item, correct it, then set by: person).`,
  ];
  if (r.glossaryNote) parts.push(`Note: ${r.glossaryNote}.`);
  if (r.unusable.length)
    parts.push(`Unusable translations (left without English): ${r.unusable.join(', ')}.`);
  if (r.stopped)
    parts.push(
      `Stopped: ${r.stopped.kind} after ${r.stopped.attempts} ${r.stopped.attempts === 1 ? 'try' : 'tries'} (${r.stopped.message}).`,
    );
  const left = r.asked - r.filled;
  if (left)
    parts.push(
      `${count(left, 'item')} still ${left === 1 ? 'has' : 'have'} no English: \`policy-bot english --missing\` lists them, \`policy-bot english fill\` tries again.`,
    );
  return parts.join(' ');
}
