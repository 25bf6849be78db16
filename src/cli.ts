import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { WebClient } from '@slack/web-api';
import dotenv from 'dotenv';
import { loadTokenizer } from './analyze/kuromoji.js';
import { loadConfig } from './config.js';
import { digestText, filtersLabel } from './digest/render.js';
import { DigestRunner } from './digest/runner.js';
import { applyFilters, weekItems } from './digest/select.js';
import { openState } from './digest/state.js';
import { DigestStore } from './digest/store.js';
import { weekContaining } from './digest/week.js';
import { formatProblem, ingestCorpus } from './ingest/corpus.js';
import { summarize } from './ingest/summary.js';
import { renderAskText } from './present/text.js';
import { ask, askJson, toResultItem } from './query/ask.js';
import { todayIn } from './query/dates.js';
import { buildIndexInParallel, openIndex, type SearchIndex, saveIndex } from './search/index-store.js';
import { termCacheDir } from './search/term-cache.js';
import { flagString, type ParsedArgs, parseArgs } from './util/args.js';
import { type Io, println, processIo } from './util/io.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';

const USAGE = `policy-bot — answers questions about AI policy from the monthly digests, the annual report and the briefing.

Usage:
  policy-bot ask "<question>" [--json] [--limit N] [--today YYYY-MM-DD]
                                   answer a question (English or Japanese)
  policy-bot ask - [--limit N]     one question per stdin line, one JSON line each
  policy-bot digest --week YYYY-MM-DD [--filters "…"] [--json]
                                   the digest of the Monday–Sunday week containing that date
  policy-bot digest --run-now      run the scheduled weekly job once (needs Slack credentials)
  policy-bot index                 build index/ from data/ (deterministic)
  policy-bot ingest [--strict] [--json]
                                   parse data/ into items and report problems
  policy-bot help                  this text

Options: --data DIR, --index DIR (default: the project's data/ and index/), --tz ZONE (default
Asia/Tokyo, or POLICY_BOT_TZ) decides what "today" and "last week" mean.`;

/** Entry point shared by bin/policy-bot.js and the tests; returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ingest':
        return ingestCommand(rest, io);
      case 'index':
        return await indexCommand(rest, io);
      case 'ask':
        return await askCommand(rest, io);
      case 'digest':
        return await digestCommand(rest, io);
      case undefined:
      case 'help':
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

const VALUED = ['data', 'index', 'limit', 'today', 'tz', 'week', 'filters', 'offset'] as const;

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
    for await (const line of lines)
      println(io.stdout, JSON.stringify(askJson(ask(index, line, { today, limit }))));
    return 0;
  }
  const result = ask(index, question, { today, limit });
  if (args.flags.has('json')) println(io.stdout, JSON.stringify(askJson(result), null, 2));
  else println(io.stdout, renderAskText(result));
  return 0;
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
          items: items.map((i) => toResultItem(i)),
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
  dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
  const config = loadConfig(io.env);
  if (config.mode === 'console') {
    println(
      io.stderr,
      'policy-bot: digest --run-now posts to Slack: set SLACK_BOT_TOKEN (and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)',
    );
    return 2;
  }
  registerSecret(config.botToken);
  const logger = createLogger(config.logLevel);
  const index = await openForCli(args, io);
  const store = new DigestStore(openState(resolve(projectRoot(), config.statePath)));
  const client = new WebClient(
    config.botToken,
    config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {},
  );
  const runner = new DigestRunner({
    store,
    index: () => index,
    client: client as never,
    clock: () => new Date(),
    timeZone: config.digestTimeZone,
    postEmpty: config.digestPostEmpty,
    logger,
  });
  const report = await runner.run(new Date());
  println(io.stdout, JSON.stringify(report, null, 2));
  return Object.keys(report.failed).length ? 1 : 0;
}

function ingestCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, VALUED);
  const { dataDir } = dirs(args, io);
  const corpus = ingestCorpus(dataDir);
  if (args.flags.has('json')) {
    println(io.stdout, JSON.stringify(corpus.items, null, 2));
    for (const p of corpus.problems) println(io.stderr, `problem: ${formatProblem(p)}`);
  } else println(io.stdout, summarize(corpus));
  return args.flags.has('strict') && corpus.problems.length > 0 ? 1 : 0;
}
