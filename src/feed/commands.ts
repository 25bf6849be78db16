import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { loadTokenizer } from '../analyze/kuromoji.js';
import { loadConfig } from '../config.js';
import { applyAdd } from '../ingest/add.js';
import { describeAdd } from '../ingest/describe-add.js';
import { formatProblem } from '../ingest/item.js';
import { todayIn } from '../query/dates.js';
import { rebuildIndex } from '../search/index-store.js';
import { flagString, type ParsedArgs } from '../util/args.js';
import { type Io, println } from '../util/io.js';
import { projectRoot } from '../util/paths.js';
import { loadProjectEnv } from '../util/project-env.js';
import { checkFeed } from './check.js';
import { type Downloader, planFromUrl } from './digest-page.js';
import { type DownloadLimits, download, webAddress } from './download.js';
import { feedMessage } from './message.js';
import { describeReport } from './report.js';

/**
 * The app's configuration for these commands: from the command's environment and, run for real,
 * the project's `.env` as the app reads it — so `fetch` watches the listing, remembers in the
 * state database and posts to the admin channel the app uses (variables already set win).
 */
function appConfig(io: Io) {
  loadProjectEnv(io.env);
  return loadConfig(io.env);
}

/** Downloads with the configured limits (Node's fetch). */
export function webDownloader(limits: DownloadLimits): Downloader {
  return (url, accept, host) => download(url, { accept, host, limits });
}

/**
 * Fills a month's English after the feed added it, as `policy-bot add` does: through the
 * provider `env` configures (DeepL, an OpenAI-compatible endpoint), the document's `english:
 * pending` mark taken off when it is complete. Never throws; what it did goes to `log`.
 */
export function englishFiller(
  env: NodeJS.ProcessEnv,
  dirs: { dataDir: string; indexDir: string },
  timeZone: string,
  log: (line: string) => void,
): (documentId: string) => Promise<void> {
  return async (documentId) => {
    const { fillDocuments } = await import('../english/command.js');
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const l of String(chunk).split('\n')) if (l.trim()) log(l);
        done();
      },
    });
    // stdout too goes to the log: the app's child keeps its stdout for the report.
    const io: Io = { stdout: sink, stderr: sink, stdin: process.stdin, env, cwd: process.cwd() };
    const outcome = await fillDocuments(io, { ...dirs, today: todayIn(timeZone) }, documentId);
    for (const l of outcome.lines) log(`policy-bot: feed: ${l}`);
  };
}

/** Rebuilds index/ in this process (the CLI's way; the app's child process does the same). */
export function indexUpdater(dataDir: string, indexDir: string, log: (line: string) => void) {
  return async () => {
    await loadTokenizer();
    rebuildIndex({ dataDir, indexDir, log });
  };
}

/**
 * `add URL`: the digest page (or its PDF) downloaded within the configured limits, then the
 * same all-or-nothing add as for a file, the URL recorded in data/sources.yml. A download that
 * fails names the URL and the reason; nothing is written.
 */
export async function addUrlCommand(
  url: string,
  args: ParsedArgs,
  io: Io,
  dirs: { dataDir: string; indexDir: string },
  afterAdd: (documentId: string) => Promise<void> = async () => {},
): Promise<number> {
  const address = webAddress(url);
  if (typeof address === 'string') {
    println(io.stderr, `policy-bot: ${url}: ${address}\npolicy-bot: nothing was written`);
    return 2;
  }
  if (flagString(args, 'url') !== undefined) {
    println(io.stderr, 'policy-bot: add URL records that URL; --url is for a saved file');
    return 2;
  }
  const config = appConfig(io);
  const dryRun = args.flags.has('dry-run');
  const outcome = await planFromUrl({
    dataDir: dirs.dataDir,
    url,
    download: webDownloader(config.download),
    replace: args.flags.has('replace'),
  });
  switch (outcome.kind) {
    case 'unreachable':
      println(io.stderr, `policy-bot: ${outcome.url}: ${outcome.reason}\npolicy-bot: nothing was written`);
      return 1;
    case 'unchanged':
    case 'duplicate':
    case 'refused': {
      const problems = outcome.kind === 'unchanged' ? [] : outcome.problems;
      for (const p of problems) println(io.stderr, `problem: ${formatProblem(p)}`);
      println(io.stderr, 'policy-bot: nothing was written');
      return 1;
    }
    case 'planned': {
      if (outcome.from === 'pdf') {
        for (const p of outcome.pageProblems) println(io.stdout, `page not read: ${formatProblem(p)}`);
        println(io.stdout, `read the PDF the page links instead: ${outcome.pdfUrl}`);
      }
      if (!dryRun) {
        await applyAdd(
          dirs.dataDir,
          outcome.plan,
          indexUpdater(dirs.dataDir, dirs.indexDir, (l) => println(io.stderr, l)),
        );
      }
      println(io.stdout, describeAdd(outcome.plan, dryRun));
      // Its English, as for a file (the CLI passes the same step).
      if (!dryRun) await afterAdd(outcome.plan.entry.id);
      return 0;
    }
  }
}

/**
 * `fetch [--dry-run] [--feed URL] [--json]`: one check of the publisher's listing, as the running
 * app makes on its schedule. With Slack credentials and POLICY_BOT_ADMIN_CHANNEL the admin
 * channel gets the same message. Exit 1 when something could not be added or the listing could
 * not be used.
 */
export async function fetchCommand(args: ParsedArgs, io: Io, dirs: { dataDir: string; indexDir: string }) {
  const config = appConfig(io);
  const listing = flagString(args, 'feed') ?? config.feedUrl;
  if (!listing) {
    println(
      io.stderr,
      'policy-bot: watching the publisher is off (POLICY_BOT_FEED_URL=off); pass --feed URL to check a listing once',
    );
    return 2;
  }
  const address = webAddress(listing);
  if (typeof address === 'string') {
    println(io.stderr, `policy-bot: --feed ${listing}: ${address}`);
    return 2;
  }
  const dryRun = args.flags.has('dry-run');
  const { openStoresOnce } = await import('../store/open.js');
  let state: Awaited<ReturnType<typeof openStoresOnce>> | undefined;
  try {
    state = await openStoresOnce(config, resolve(io.cwd, projectRoot()));
  } catch (err) {
    println(
      io.stderr,
      `policy-bot: ${(err as Error).message} — checking without memory: pages refused before are tried again`,
    );
  }
  try {
    const report = await checkFeed({
      listingUrl: listing,
      dataDir: dirs.dataDir,
      download: webDownloader(config.download),
      ...(state ? { memory: state.feed } : {}),
      updateIndex: indexUpdater(dirs.dataDir, dirs.indexDir, (l) => println(io.stderr, l)),
      fillEnglish: englishFiller(io.env, dirs, config.digestTimeZone, (l) => println(io.stderr, l)),
      now: () => new Date(),
      dryRun,
      log: (l) => println(io.stderr, l),
    });
    println(io.stdout, args.flags.has('json') ? JSON.stringify(report, null, 2) : describeReport(report));
    const text = feedMessage(report, config.adminLang);
    if (text && config.adminChannel && config.botToken) {
      const { WebClient } = await import('@slack/web-api');
      const client = new WebClient(
        config.botToken,
        config.slackApiUrl ? { slackApiUrl: config.slackApiUrl, retryConfig: { retries: 2 } } : {},
      );
      try {
        await client.chat.postMessage({ channel: config.adminChannel, text, unfurl_links: false });
        println(io.stderr, `policy-bot: told the admin channel ${config.adminChannel}`);
      } catch (err) {
        println(io.stderr, `policy-bot: could not post to the admin channel: ${(err as Error).message}`);
      }
    }
    return report.problem || report.refused.length || report.failed.length ? 1 : 0;
  } finally {
    await state?.close();
  }
}
