import { LogLevel, WebClient } from '@slack/web-api';
import type { Cron } from 'croner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDigestThread } from '../../src/conversation/digest-thread.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { openStores } from '../../src/store/open.js';
import type { StateStores } from '../../src/store/state.js';
import { createLogger } from '../../src/util/logger.js';
import { DigestRunner, EVENT_TYPE } from '../../src/weekly/runner.js';
import { startScheduler } from '../../src/weekly/scheduler.js';
import { digestClient } from '../../src/wiring.js';
import { realIndex } from '../slack/harness.js';
import { FakeSlack } from '../support/fake-slack.js';
import { PASSWORD, type PostgresServer, startPostgres } from '../support/postgres.js';
import { createDatabase } from '../support/postgres-server.js';

/**
 * "A digest interrupted by the database resumes on the next run with nothing duplicated or
 * lost", on a real PostgreSQL server of its own: the server is stopped while Slack is taking the
 * digest's second part (so the part is in the channel but the app cannot record it), the run
 * reports the fault, the server comes back, and the next run finishes the digest — every part in
 * the channel exactly once, the digest finalized, its items never sent again.
 */

const WS = 'team:T0001';
const CHANNEL = 'C-OUTAGE';
/** Monday 09:00 in Tokyo: the run that is due. The app's clock is an hour later (a catch-up). */
const DUE = new Date('2026-01-19T00:00:00Z');
const NOW = new Date('2026-01-19T01:00:00Z');
const NEXT_WEEK = new Date('2026-01-26T00:00:00Z');

let full: SearchIndex;
let server: PostgresServer;
let url: string;
let fake: FakeSlack;
let state: StateStores;
const logs: string[] = [];
const logger = createLogger('info', (l) => logs.push(l));

beforeAll(async () => {
  full = await realIndex();
  server = await startPostgres();
  url = await createDatabase(server.url, 'digest_outage');
  fake = new FakeSlack();
  await fake.start();
  // As the app opens it (DATABASE_URL): the URL and its password are registered as secrets.
  const opened = openStores({ statePath: 'unused.sqlite', databaseUrl: url, databasePoolMax: 4 }, logger);
  if (!opened.state) throw new Error(`no state: ${opened.fault}`);
  state = opened.state;
  await state.ready;
}, 120_000);
afterAll(async () => {
  await state?.close().catch(() => undefined);
  await fake?.stop();
  await server?.destroy();
});

/** The app's runner on PostgreSQL, as wiring.ts builds it: under the digest lock, threads linked. */
function runner(at: Date): DigestRunner {
  const web = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  return new DigestRunner({
    store: state.digest,
    where: state.where,
    lock: (fn) => state.withDigestLock(fn),
    lockRetryMs: 50,
    index: () => full,
    client: digestClient(web),
    clock: () => at,
    timeZone: 'Asia/Tokyo',
    postEmpty: false,
    logger,
    // Small messages, so the digest needs several parts.
    maxBlocks: 6,
    onPosted: (posted) => linkDigestThread(state, posted, '2026-01-19', at),
  });
}

/** The digest parts in the channel, as `week#part/parts`, in the order Slack received them. */
function digestParts(): string[] {
  return (fake.channels.get(CHANNEL) ?? [])
    .filter((m) => m.metadata?.event_type === EVENT_TYPE)
    .map((m) => {
      const p = m.metadata?.event_payload;
      return `${p?.week}#${p?.part}/${p?.parts}`;
    });
}

describe('PostgreSQL goes down in the middle of a digest', () => {
  it('the run reports the fault; the next run posts the rest, every part exactly once, and finalizes it', async () => {
    await state.digest.recordItems(
      full.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    await state.digest.upsertSubscription({
      workspace: WS,
      teamId: 'T0001',
      channelId: CHANNEL,
      filters: '',
      lang: 'en',
      now: '2026-01-10T00:00:00.000Z',
    });

    // Slack takes part 2 (index 1); before it answers, the database stops.
    let stopped = false;
    fake.afterPost = async (args) => {
      const meta = args.metadata as { event_payload?: { part?: unknown } } | undefined;
      if (stopped || Number(meta?.event_payload?.part) !== 1) return;
      stopped = true;
      await server.stop();
    };
    let job: Cron | undefined;
    await startScheduler({
      runner: runner(NOW),
      store: state.digest,
      cron: '0 9 * * 1',
      timeZone: 'Asia/Tokyo',
      clock: () => NOW,
      logger,
      onJob: (j) => {
        job = j;
      },
    });
    const failed = await fake.waitFor(() => logs.find((l) => l.includes('digest catch-up failed')), 60_000);
    job?.stop();
    fake.afterPost = undefined;
    expect(stopped).toBe(true);
    // The fault is logged, naming the server by host and database, never by its URL or password.
    expect(failed).toContain(`PostgreSQL 127.0.0.1:${server.port}/digest_outage cannot be reached`);
    // The pool's dropped connections are reported with an error id (no uncaught exception).
    expect(
      logs.some((l) => /ERROR \[policy-bot\] \[[0-9a-f]{8}\] PostgreSQL .* cannot be reached/.test(l)),
    ).toBe(true);
    for (const line of logs) {
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain('postgres://');
    }
    expect(digestParts().map((p) => p.split('/')[0])).toEqual(['2026-01-12#0', '2026-01-12#1']);

    // The database comes back; the same app (its pool reconnects by itself) runs the digest again.
    await server.start();
    const report = await runner(NOW).run(DUE);
    const parts = digestParts();
    const total = Number(parts[0]?.split('/')[1]);
    expect(total).toBeGreaterThan(2);
    // Part 2 was found in the channel (by its metadata), not posted again; the rest were posted.
    expect(report.posted).toEqual({ [`${WS}/${CHANNEL}`]: total - 2 });
    expect(parts).toEqual(Array.from({ length: total }, (_, i) => `2026-01-12#${i}/${total}`));
    const plan = await state.digest.plan(WS, CHANNEL, '2026-01-12');
    expect(plan?.finalized_at).not.toBeNull();
    for (let i = 0; i < total; i += 1)
      expect((await state.digest.partStatus(WS, CHANNEL, '2026-01-12', i))?.status).toBe('posted');
    expect([...(await state.digest.sent(WS, CHANNEL))].sort()).toEqual([...(plan?.item_ids ?? [])].sort());
    expect(await state.digest.runStatus(DUE.toISOString())).toBe('done');
    expect((await runner(NOW).run(DUE)).skipped).toBe('already done');
    expect(digestParts()).toHaveLength(total);

    // Next week's digest sends none of them again.
    await runner(NEXT_WEEK).run(NEXT_WEEK);
    const next = await state.digest.plan(WS, CHANNEL, '2026-01-19');
    expect(next).toBeDefined();
    expect(next?.item_ids.filter((id) => plan?.item_ids.includes(id))).toEqual([]);
    expect(digestParts().filter((p) => p.startsWith('2026-01-12'))).toHaveLength(total);
  }, 120_000);
});
