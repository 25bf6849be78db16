import { closeSync, constants, lstatSync, openSync, readFileSync, type Stats, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadTokenizer } from './analyze/kuromoji.js';
import { exportAnswer } from './commands/export.js';
import { answerPage } from './commands/handle.js';
import { loadConfig } from './config.js';
import { describeGroups, groupEvents } from './events/group.js';
import { formatProblem, ingestCorpus } from './ingest/corpus.js';
import { describeAdd } from './ingest/describe-add.js';
import { loadSourceList } from './ingest/sources.js';
import { summarize } from './ingest/summary.js';
import { askJson } from './present/ask-json.js';
import { contextOf, renderCitationText } from './present/citation.js';
import { CITE_FORMATS, type CiteFormat, formatCitation } from './present/cite-formats.js';
import { EXPORT_FORMATS, type ExportFormat } from './present/export.js';
import { renderReplyText } from './present/reply.js';
import { ask, eventResult } from './query/ask.js';
import { cite } from './query/cite.js';
import { todayIn } from './query/dates.js';
import { detectLang, type Lang } from './query/understand.js';
import {
  buildIndexInParallel,
  degradation,
  openIndex,
  readManifest,
  rebuildIndex,
  type SearchIndex,
  saveIndex,
} from './search/index-store.js';
import { termCacheDir } from './search/term-cache.js';
import { asksForHelp, commandUsage, isCommand, USAGE } from './usage.js';
import { flagString, type ParsedArgs, parseArgs } from './util/args.js';
import { type Io, println, processIo } from './util/io.js';
import { createLogger, registerSecret } from './util/logger.js';
import { oneLine } from './util/one-line.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';
import { pidFilePath, readPidFile } from './util/pid-file.js';
import { loadProjectEnv } from './util/project-env.js';
import { cleanQuestion, MAX_QUESTION_CHARS, truncationNote } from './util/sanitize.js';
import { isHttpUrl } from './util/url.js';
import { digestText, filtersLabel } from './weekly/render.js';
import { applyFilters, weekItems } from './weekly/select.js';
import { weekContaining } from './weekly/week.js';

/** Entry point shared by bin/policy-bot.js and the tests; returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  // Every command answers --help, before any of its arguments is read (`add --help` is no file).
  if (command && isCommand(command) && asksForHelp(rest)) {
    println(io.stdout, commandUsage(command));
    return 0;
  }
  try {
    switch (command) {
      case 'ingest':
        return ingestCommand(rest, io);
      case 'index':
        return await indexCommand(rest, io);
      case 'ask':
        return await askCommand(rest, io);
      case 'cite':
        return await citeCommand(rest, io);
      case 'add':
        return await addCommand(rest, io);
      case 'fetch':
        return await fetchFeed(rest, io);
      case 'reload':
        return reloadCommand(rest, io);
      case 'digest':
        return await digestCommand(rest, io);
      case 'feedback':
        return await feedbackCommand(rest, io);
      case 'english':
        return await englishCli(rest, io);
      case 'help':
        println(io.stdout, rest[0] && isCommand(rest[0]) ? commandUsage(rest[0]) : USAGE);
        return 0;
      case undefined:
      case '--help':
      case '-h':
        println(io.stdout, USAGE);
        return 0;
      default:
        println(io.stderr, `policy-bot: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    println(io.stderr, err instanceof Error ? err.message : String(err));
    return 1;
  }
}

const VALUED = [
  'data',
  'index',
  'limit',
  'today',
  'tz',
  'week',
  'filters',
  'offset',
  'url',
  'pid-file',
  'since',
  'format',
  'lang',
  'out',
  'feed',
  'document',
  'by',
] as const;

function dirs(args: ParsedArgs, io: Io) {
  return {
    dataDir: resolve(io.cwd, flagString(args, 'data') ?? defaultDataDir(io.env)),
    indexDir: resolve(io.cwd, flagString(args, 'index') ?? defaultIndexDir(io.env)),
  };
}

/** `--today` pins the date; otherwise today in the configured time zone. */
export function resolveToday(args: ParsedArgs, io: Io): string {
  const pinned = flagString(args, 'today');
  if (pinned) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(pinned))) {
      throw new Error(`policy-bot: --today must be a date like 2026-01-31, not "${pinned}"`);
    }
    return pinned;
  }
  return todayIn(flagString(args, 'tz') ?? io.env.POLICY_BOT_TZ ?? 'Asia/Tokyo');
}

async function openForCli(args: ParsedArgs, io: Io): Promise<SearchIndex> {
  return openIndex({ ...dirs(args, io), log: (line) => println(io.stderr, line) });
}

async function indexCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  const { dataDir, indexDir } = dirs(args, io);
  await loadTokenizer();
  const { index, problems } = await buildIndexInParallel(dataDir, { cacheDir: termCacheDir(indexDir) });
  for (const p of problems) println(io.stderr, `problem: ${formatProblem(p)}`);
  // Never a worse index over a good one, unless asked (--force: a document emptied on purpose).
  const listed = Object.fromEntries(loadSourceList(dataDir).documents.map((d) => [d.id, d.path]));
  const worse = degradation(readManifest(indexDir), index.manifest, listed, problems);
  if (worse && !args.flags.has('force')) {
    println(
      io.stderr,
      `policy-bot: index/ not written: ${worse}. Fix the file, or pass --force to write it anyway.`,
    );
    return 1;
  }
  saveIndex(index, indexDir);
  println(
    io.stdout,
    `indexed ${index.items.length} items from ${index.manifest.documents.length} documents into ${indexDir}`,
  );
  return args.flags.has('strict') && problems.length ? 1 : 0;
}

async function askCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  const question = args.positionals.join(' ').trim();
  if (!question) {
    println(
      io.stderr,
      'policy-bot: ask needs a question, e.g. policy-bot ask "what did Korea do in January"',
    );
    return 2;
  }
  const limitText = flagString(args, 'limit') ?? '10';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`policy-bot: --limit must be a positive whole number, not "${limitText}"`);
  const today = resolveToday(args, io);
  const index = await openForCli(args, io);
  if (question === '-') {
    // One process, one question per line, one JSON line per question, in order.
    const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    // Every input line gets its output line, blank ones included, so callers can zip them.
    let failed = 0;
    for await (const line of lines) {
      const answered = answerLine(index, line, { today, limit });
      if ('error' in answered) failed += 1;
      println(io.stdout, JSON.stringify(answered));
    }
    // Every line has its answer or its error object in place; the batch itself succeeded.
    if (failed)
      println(io.stderr, `policy-bot: ${failed} question(s) could not be answered (see their "error")`);
    return 0;
  }
  const q = cleanQuestion(question);
  const note = truncationNote(q, detectLang(q.text));
  if (note) println(io.stderr, note.replace(/^:scissors: /, ''));
  const format = flagString(args, 'format');
  if (format !== undefined) {
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
      println(io.stderr, `policy-bot: --format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
      return 2;
    }
    // Every result, not a page: --limit does not apply.
    const file = exportAnswer(index, { question: q.text, today, inherit: null }, format as ExportFormat);
    const out = flagString(args, 'out');
    if (out) {
      writeOutFile(resolve(io.cwd, out), out, file.text);
      println(io.stderr, `policy-bot: wrote ${file.total} results to ${out}`);
    } else io.stdout.write(file.text);
    return 0;
  }
  if (args.flags.has('json')) {
    const answered = answerLine(index, question, { today, limit });
    println(io.stdout, JSON.stringify(answered, null, 2));
    return 0;
  }
  const reply = answerPage(index, { question: q.text, today, inherit: null }, 0, { pageSize: limit });
  println(io.stdout, renderReplyText(reply));
  return 0;
}

/**
 * Writes `ask --out FILE`, never through a symbolic link: a link planted where the export is
 * expected (a shared folder, a predictable name) would otherwise have the export overwrite the
 * file it points to. Checked before opening, and refused by the open itself (O_NOFOLLOW) so the
 * link cannot be swapped in between.
 */
function writeOutFile(path: string, given: string, text: string): void {
  const refuse = () =>
    new Error(
      `policy-bot: --out ${given} is a symbolic link; not writing through it (remove the link or choose another file)`,
    );
  let stat: Stats | undefined;
  try {
    stat = lstatSync(path);
  } catch {
    // A new file.
  }
  if (stat?.isSymbolicLink()) throw refuse();
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0),
      0o644,
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw refuse();
    throw new Error(`policy-bot: --out ${given}: cannot write it (${code ?? (err as Error).message})`);
  }
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * One `ask -` line → one JSON object, never a thrown error: a batch caller zips input and output
 * lines, so a question that cannot be answered becomes `{query, error: {code, message}}` in its
 * place instead of ending the batch.
 */
export function answerLine(
  index: SearchIndex,
  line: string,
  o: { today: string; limit: number },
): Record<string, unknown> {
  const q = cleanQuestion(line);
  try {
    const json = askJson(ask(index, q.text, o)) as unknown as Record<string, unknown>;
    return q.truncated
      ? { ...json, truncated: { analyzedChars: MAX_QUESTION_CHARS, length: q.length } }
      : json;
  } catch (err) {
    return {
      query: line,
      error: {
        code: 'UNANSWERABLE',
        message: `policy-bot: this question could not be answered (${err instanceof Error ? err.message : String(err)})`,
      },
    };
  }
}

async function digestCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  if (args.flags.has('run-now')) return runNow(args, io);
  const weekArg = flagString(args, 'week');
  if (!weekArg || !/^\d{4}-\d{2}-\d{2}$/.test(weekArg) || Number.isNaN(Date.parse(weekArg))) {
    println(
      io.stderr,
      'policy-bot: digest needs --week YYYY-MM-DD (any day of the week), e.g. --week 2026-01-19',
    );
    return 2;
  }
  const index = await openForCli(args, io);
  const week = weekContaining(weekArg);
  const filters = flagString(args, 'filters') ?? '';
  const f = applyFilters(index, filters, resolveToday(args, io));
  const items = weekItems(index.items, f.allowed, week);
  if (args.flags.has('json')) {
    println(
      io.stdout,
      JSON.stringify(
        {
          week,
          filters: { text: filters, countries: f.countries, regions: f.regions, terms: f.terms },
          items: items.map((i) => eventResult(index, i)),
        },
        null,
        2,
      ),
    );
  } else println(io.stdout, digestText(items, week, f.lang, filtersLabel(f, f.lang)));
  return 0;
}

/** `digest --run-now`: the weekly job, once, against Slack, with the app's own state. */
async function runNow(args: ParsedArgs, io: Io): Promise<number> {
  loadProjectEnv(io.env);
  const config = loadConfig(io.env);
  if (config.mode === 'console') {
    println(
      io.stderr,
      "policy-bot: digest --run-now posts to Slack: set SLACK_BOT_TOKEN (and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET), or the distributed app's SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET",
    );
    return 2;
  }
  registerSecret(config.botToken);
  const logger = createLogger(config.logLevel);
  const index = await openForCli(args, io);
  // Slack's client, SQLite and the scheduler are loaded only by the commands that use them: an
  // `ask` does not pay for them before its answer.
  const { calendar, installationClients, openWeekly } = await import('./wiring.js');
  const { WebClient } = await import('@slack/web-api');
  // Opened the command-line way: PostgreSQL migrated before the run, a fault thrown and named.
  const { openStoresOnce } = await import('./store/open.js');
  const state = await openStoresOnce(config, resolve(io.cwd, projectRoot()));
  const weekly = openWeekly(config, () => index, calendar(config.timeZone), logger, { state });
  const client = new WebClient(
    config.botToken,
    config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {},
  );
  // The distributed app: each team's digest with its own installation's token.
  const clientFor = installationClients(config, weekly.state);
  const runner = weekly.runner(client, logger, clientFor ? { clientFor } : {});
  if (!runner) {
    println(io.stderr, weekly.fault ?? 'policy-bot: the state database is unavailable; no digest was posted');
    return 1;
  }
  try {
    const report = await runner.run(new Date());
    println(io.stdout, JSON.stringify(report, null, 2));
    return Object.keys(report.failed).length ? 1 : 0;
  } finally {
    await weekly.state?.close();
  }
}

/**
 * `feedback [--since DATE] [--json]`: what people said about answers, so the team can turn bad
 * answers into test questions. Reads the app's state database (POLICY_BOT_STATE_PATH).
 */
async function feedbackCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  const since = flagString(args, 'since');
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))) {
    println(io.stderr, `policy-bot: --since must be a date like 2026-01-31, not "${since}"`);
    return 2;
  }
  const config = loadConfig(io.env);
  const { openStoresOnce } = await import('./store/open.js');
  const { listFeedback } = await import('./conversation/feedback.js');
  const state = await openStoresOnce(config, resolve(io.cwd, projectRoot()));
  try {
    const rows = await listFeedback(state, since ? { since } : {});
    if (args.flags.has('json')) {
      println(io.stdout, JSON.stringify(rows, null, 2));
      return 0;
    }
    if (!rows.length) {
      println(io.stdout, `No feedback${since ? ` since ${since}` : ''}.`);
      return 0;
    }
    const up = rows.filter((r) => r.verdict === 'up').length;
    println(
      io.stdout,
      `${rows.length} feedback${since ? ` since ${since}` : ''}: ${up} 👍, ${rows.length - up} 👎`,
    );
    for (const r of rows) {
      // Notes and questions are typed by anyone in the workspace: one line each, no terminal escapes.
      const note = r.note ? oneLine(r.note) : '';
      const why = [r.reason, note ? `“${note}”` : ''].filter(Boolean).join(' ');
      println(
        io.stdout,
        `${r.at}  ${r.verdict === 'up' ? '👍' : '👎'}  “${oneLine(r.question)}”${why ? `  — ${why}` : ''}`,
      );
      println(io.stdout, `    items: ${r.itemIds.join(', ') || '(none)'}`);
    }
    return 0;
  } finally {
    await state.close();
  }
}

/**
 * `cite <id|URL|words>`: the event the input names (any member id or URL cites the event) as the
 * full citation, or with --format as one line (text), a Markdown link (md) or CSL-JSON.
 */
async function citeCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  const input = args.positionals.join(' ').trim();
  const format = flagString(args, 'format');
  if (format !== undefined && !CITE_FORMATS.includes(format as CiteFormat)) {
    println(io.stderr, `policy-bot: --format must be one of ${CITE_FORMATS.join(', ')}, not "${format}"`);
    return 2;
  }
  const langFlag = flagString(args, 'lang');
  if (langFlag !== undefined && langFlag !== 'en' && langFlag !== 'ja') {
    println(io.stderr, `policy-bot: --lang must be en or ja, not "${langFlag}"`);
    return 2;
  }
  if (!input) {
    println(io.stderr, 'policy-bot: cite needs an item id, a URL or a few words, e.g. policy-bot cite SB53');
    return 2;
  }
  const index = await openForCli(args, io);
  const c = cite(index, input, resolveToday(args, io));
  const lang = (langFlag as Lang | undefined) ?? c.lang;
  if (!c.item) {
    println(io.stderr, renderCitationText({ ...c, lang }, lang));
    return 1;
  }
  println(
    io.stdout,
    format
      ? formatCitation(c.item, format as CiteFormat, lang, contextOf(c))
      : renderCitationText({ ...c, lang }, lang),
  );
  return 0;
}

function ingestCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, VALUED);
  const { dataDir } = dirs(args, io);
  const corpus = ingestCorpus(dataDir);
  if (args.flags.has('json')) {
    println(io.stdout, JSON.stringify(corpus.items, null, 2));
    for (const p of corpus.problems) println(io.stderr, `problem: ${formatProblem(p)}`);
    for (const w of corpus.warnings) println(io.stderr, `warning: ${formatProblem(w)}`);
  } else {
    println(io.stdout, summarize(corpus));
    // The events reported in several documents, and the rule that grouped each.
    println(io.stdout, ['', ...describeGroups(groupEvents(corpus.items), corpus.items)].join('\n'));
  }
  return args.flags.has('strict') && corpus.problems.length > 0 ? 1 : 0;
}

/** `add FILE`: one digest into data/ and index/, or nothing at all (every problem named file:line). */
async function addCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) {
    println(
      io.stderr,
      'policy-bot: add needs one file or address, e.g. policy-bot add ~/Downloads/260218.html --url https://aisi.go.jp/…, or policy-bot add https://aisi.go.jp/activity/activity_information/260218',
    );
    return 2;
  }
  const { dataDir, indexDir } = dirs(args, io);
  // An address: downloaded (the page, its PDF as a fallback), then the same add.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
    const { addUrlCommand } = await import('./feed/commands.js');
    return addUrlCommand(file, args, io, { dataDir, indexDir }, (id) =>
      addedMonthEnglish(io, args, { dataDir, indexDir }, id),
    );
  }
  const path = resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    println(
      io.stderr,
      `policy-bot: ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
    return 1;
  }
  const url = flagString(args, 'url');
  if (url !== undefined && !isHttpUrl(url)) {
    println(io.stderr, `policy-bot: --url must be the digest page's address (https://…), not "${url}"`);
    return 2;
  }
  const dryRun = args.flags.has('dry-run');
  await loadTokenizer();
  // The HTML and PDF readers (cheerio, pdfjs-dist) load only when a month is added.
  const { AddError, addDigest } = await import('./ingest/add.js');
  try {
    const plan = await addDigest({
      dataDir,
      file: path,
      bytes,
      ...(url ? { url } : {}),
      replace: args.flags.has('replace'),
      dryRun,
      updateIndex: async () => {
        rebuildIndex({ dataDir, indexDir, log: (l) => println(io.stderr, l) });
      },
    });
    for (const w of plan.source.warnings ?? []) println(io.stderr, `warning: ${basename(path)}: ${w}`);
    println(io.stdout, describeAdd(plan, dryRun));
    if (!dryRun) await addedMonthEnglish(io, args, { dataDir, indexDir }, plan.entry.id);
    return 0;
  } catch (err) {
    if (err instanceof AddError) {
      for (const p of err.problems) println(io.stderr, `problem: ${formatProblem(p)}`);
      println(io.stderr, 'policy-bot: nothing was written');
      return 1;
    }
    throw err;
  }
}

/**
 * After `add` (a file or an address): the month is in, its English follows through the
 * configured provider; a provider failure never undoes the add, and the document keeps its
 * `english: pending` mark (data/sources.yml) until its English is complete, which is said.
 */
async function addedMonthEnglish(
  io: Io,
  args: ParsedArgs,
  where: { dataDir: string; indexDir: string },
  documentId: string,
): Promise<void> {
  loadProjectEnv(io.env);
  const { fillDocuments } = await import('./english/command.js');
  const english = await fillDocuments(io, { ...where, today: resolveToday(args, io) }, documentId);
  println(io.stdout, english.lines.join('\n'));
}

/** `english …`: the corpus's English (status, missing, import, provider fill); see src/english/. */
async function englishCli(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  const { dataDir, indexDir } = dirs(args, io);
  loadProjectEnv(io.env);
  const { englishCommand } = await import('./english/command.js');
  return englishCommand(args, io, { dataDir, indexDir, today: resolveToday(args, io) });
}

/** `fetch`: one check of the publisher's listing (src/feed/), loaded only for this command. */
async function fetchFeed(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUED);
  if (args.positionals.length) {
    println(
      io.stderr,
      `policy-bot: fetch takes no arguments (the listing is --feed URL or POLICY_BOT_FEED_URL)`,
    );
    return 2;
  }
  const { fetchCommand } = await import('./feed/commands.js');
  return fetchCommand(args, io, dirs(args, io));
}

/** `reload`: signals the running app (SIGHUP) to re-read data/ and swap in the new index. */
function reloadCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, VALUED);
  const pidFile = resolve(
    io.cwd,
    flagString(args, 'pid-file') ??
      pidFilePath(io.env.POLICY_BOT_STATE_PATH ?? 'state/policy-bot.sqlite', projectRoot()),
  );
  const found = readPidFile(pidFile);
  if ('error' in found) {
    println(io.stderr, `policy-bot: ${found.error}`);
    return 1;
  }
  try {
    process.kill(found.pid, 'SIGHUP');
  } catch (err) {
    println(
      io.stderr,
      `policy-bot: cannot signal process ${found.pid} from ${pidFile} (${(err as NodeJS.ErrnoException).code}): is the app still running?`,
    );
    return 1;
  }
  println(
    io.stdout,
    `asked the app (pid ${found.pid}) to reload data/; its log says when the new index is live`,
  );
  return 0;
}
