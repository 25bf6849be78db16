import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { StateStores } from '../store/state.js';
import { checkFeed, FeedReport } from './check.js';

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
  const self = fileURLToPath(import.meta.url);
  // The same file runs as the child: .js from dist/, .ts under tsx (execArgv carries the loader).
  const child = spawn(process.execPath, [...process.execArgv, self, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let last = '';
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => {
    out += c;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const l of lines)
      if (l.trim()) {
        last = l;
        log(l);
      }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (buffered.trim()) last = buffered.trim();
  if (code !== 0) throw new Error(last.replace(/^policy-bot: /, '') || `the feed check exited with ${code}`);
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

/** The child: one check with the app's memory (or none, on a state fault), the report on stdout. */
async function childMain(raw: string): Promise<number> {
  const args = ChildArgs.parse(JSON.parse(raw));
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const { openStoresOnce } = await import('../store/open.js');
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  childMain(process.argv[2] ?? '').then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`policy-bot: feed check failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}
