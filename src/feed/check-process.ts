import { z } from 'zod';
import type { StateStores } from '../store/state.js';
import { runInChildProcess, runWhenStarted } from '../util/child-process.js';
import { FeedReport } from './report.js';

/** What the child needs: where the listing, data/, index/ and the state database are, and the download limits. */
const ChildArgs = z.object({
  listingUrl: z.string().url(),
  dataDir: z.string().min(1),
  indexDir: z.string().min(1),
  statePath: z.string().min(1),
  limits: z.object({ timeoutMs: z.number().positive(), maxBytes: z.number().int().positive() }),
  /** Where "today" is, for the date of English a provider writes. */
  timeZone: z.string().min(1).default('Asia/Tokyo'),
});
export type FeedCheckArgs = z.input<typeof ChildArgs>;

/**
 * One check of the listing in a child process, as the running app makes it: reading PDFs,
 * staging the corpus and rebuilding the index are seconds of synchronous work that would
 * otherwise hold up acks. The child writes data/ and index/ and remembers what it met in the
 * state database; its report comes back as one JSON line, checked here. Rejects with the child's
 * last words when it fails.
 */
export async function checkInChildProcess(
  args: FeedCheckArgs,
  log: (line: string) => void = () => {},
): Promise<FeedReport> {
  // The same file runs as the child.
  const out = await runInChildProcess(import.meta.url, [JSON.stringify(args)], {
    name: 'the feed check',
    log,
  });
  const line = out.trim().split('\n').pop() ?? '';
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error(`the feed check printed no report (${line.slice(0, 200) || 'nothing'})`);
  }
  const parsed = FeedReport.safeParse(json);
  if (!parsed.success)
    throw new Error(`the feed check's report is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * The child: one check with the app's memory (or none, on a state fault), the report on stdout.
 * The check and what it reads with are loaded here only, never by the app.
 */
async function childMain([raw = '']: string[]): Promise<number> {
  const args = ChildArgs.parse(JSON.parse(raw));
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const { openStoresOnce } = await import('../store/open.js');
  const { checkFeed } = await import('./check.js');
  const { englishFiller, indexUpdater, webDownloader } = await import('./commands.js');
  let state: StateStores | undefined;
  try {
    // The app's own state: its SQLite file, or PostgreSQL through the DATABASE_URL it inherited
    // (never passed on the command line, where `ps` would show it).
    state = await openStoresOnce(
      {
        statePath: args.statePath,
        ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
        databasePoolMax: 2,
      },
      '/',
    );
  } catch (err) {
    log(`policy-bot: feed: ${(err as Error).message} — checking without memory`);
  }
  try {
    const report = await checkFeed({
      listingUrl: args.listingUrl,
      dataDir: args.dataDir,
      download: webDownloader(args.limits),
      ...(state ? { memory: state.feed } : {}),
      updateIndex: indexUpdater(args.dataDir, args.indexDir, log),
      // A new month's English through the app's provider (its environment, inherited).
      fillEnglish: englishFiller(process.env, args, args.timeZone, log),
      now: () => new Date(),
      log,
    });
    // Written before exiting: a pipe may be asynchronous (macOS), and exit would cut the report.
    await new Promise<void>((resolve) =>
      process.stdout.write(`${JSON.stringify(report)}\n`, () => resolve()),
    );
    return 0;
  } finally {
    await state?.close();
  }
}

runWhenStarted(import.meta.url, childMain, 'policy-bot: feed check failed: ');
