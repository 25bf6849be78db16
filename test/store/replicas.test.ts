import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgStores, pgStores } from '../../src/store/pg/index.js';
import { EVENT_TYPE } from '../../src/weekly/runner.js';
import { clickButton } from '../slack/harness.js';
import { type AppProcess, spawnApp } from '../support/app-process.js';
import { eventEnvelope, FakeSlack, send, slashCommand } from '../support/fake-slack.js';
import { freshDatabase } from '../support/postgres.js';

/**
 * Two real app processes (HTTP mode, `src/app.ts`) on one real PostgreSQL database, as replicas
 * behind a load balancer: a Slack retry delivered to the other replica is answered once, a thread
 * started on one is continued on the other, and when the replica posting the weekly digest is
 * killed (kill -9) in the middle of a post, the other takes the digest over and every part ends
 * up posted exactly once.
 */

const fake = new FakeSlack();
let url: string;
let drop: () => Promise<void>;
let seed: PgStores;
const apps: AppProcess[] = [];
const DIGEST_CHANNELS = ['CDIGEST1', 'CDIGEST2', 'CDIGEST3'];

beforeAll(async () => {
  await fake.start();
  ({ url, drop } = await freshDatabase());
  seed = pgStores(url, { once: true });
  await seed.ready;
  // Subscribed long before the run that is due, so that run delivers to each of them.
  for (const [i, channel] of DIGEST_CHANNELS.entries())
    await seed.digest.upsertSubscription({
      workspace: '',
      channelId: channel,
      filters: '',
      lang: 'en',
      now: `2025-12-0${i + 1}T00:00:00.000Z`,
    });
});
afterAll(async () => {
  for (const a of apps) a.child.kill('SIGKILL');
  await seed.close();
  await fake.stop();
  await drop();
});

function replica(name: string): Promise<AppProcess> {
  const dir = mkdtempSync(join(tmpdir(), `policy-bot-${name}-`));
  return spawnApp(fake, {
    DATABASE_URL: url,
    // Its own pid file: each replica is its own process on its own machine.
    POLICY_BOT_STATE_PATH: join(dir, 'state.sqlite'),
    // The week with nothing new is still posted: one digest message per channel.
    DIGEST_POST_EMPTY: 'true',
    DIGEST_LOCK_RETRY_MS: '100',
  }).then((a) => {
    apps.push(a);
    return a;
  });
}

/** Waits until the replica logs `line`; on a timeout the error carries the replica's log. */
const logged = (a: AppProcess, line: string, ms = 30_000) =>
  fake
    .waitFor(() => (a.logs().includes(line) ? true : undefined), ms)
    .catch(() => {
      throw new Error(`no "${line}" in the replica's log:\n${a.logs().slice(-3000)}`);
    });

const running = (a: AppProcess) => logged(a, 'policy-bot is running', 60_000);

const digestMessages = (channel: string) =>
  (fake.channels.get(channel) ?? []).filter((m) => m.metadata?.event_type === EVENT_TYPE);

const postsIn = (channel: string) =>
  fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

let ts = 1_765_000_000;
const nextTs = () => {
  ts += 1;
  return `${ts}.000300`;
};

describe('replicas on one PostgreSQL database', () => {
  let a: AppProcess;
  let b: AppProcess;

  it('A takes the due digest and is stuck posting its second part; B starts and waits for the lock', async () => {
    let hung = false;
    fake.hangPosts = (args) => {
      const meta = args.metadata as
        | { event_type?: string; event_payload?: { subscription?: string } }
        | undefined;
      if (hung || meta?.event_type !== EVENT_TYPE || meta.event_payload?.subscription !== 'CDIGEST2')
        return false;
      hung = true;
      return true;
    };
    a = await replica('a');
    await running(a);
    // Slack has A's second part; A never heard back.
    await fake.waitFor(() => (digestMessages('CDIGEST2').length ? true : undefined), 60_000);
    expect(digestMessages('CDIGEST1')).toHaveLength(1);
    b = await replica('b');
    await running(b);
    await fake.waitFor(() => (b.logs().includes('another replica is running it') ? true : undefined), 30_000);
    expect(digestMessages('CDIGEST3')).toHaveLength(0);
  }, 120_000);

  it('a retry delivered to the other replica is answered once', async () => {
    const root = nextTs();
    const event = {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> what did the EU do in December?',
      ts: root,
      channel: 'CTHREAD1',
    };
    const envelope = eventEnvelope(event, 'EvRetryAcross1');
    expect((await send(a.port, envelope, 'json')).status).toBe(200);
    await fake.waitFor(() => postsIn('CTHREAD1')[0], 30_000);
    // Slack thought A failed and retries on B.
    expect((await send(b.port, envelope, 'json', { retryNum: 1 })).status).toBe(200);
    await fake.waitFor(
      () => (b.logs().includes('ignoring retried event EvRetryAcross1') ? true : undefined),
      30_000,
    );
    // Both at once, each to another replica: one of them answers.
    const twice = eventEnvelope({ ...event, ts: nextTs(), channel: 'CTHREAD2' }, 'EvRetryAcross2');
    await Promise.all([send(a.port, twice, 'json'), send(b.port, twice, 'json', { retryNum: 1 })]);
    await fake.waitFor(() => postsIn('CTHREAD2')[0], 30_000);
    await fake.waitFor(
      () => (`${a.logs()}${b.logs()}`.includes('ignoring retried event EvRetryAcross2') ? true : undefined),
      30_000,
    );
    expect(postsIn('CTHREAD1')).toHaveLength(1);
    expect(postsIn('CTHREAD2')).toHaveLength(1);
    expect(postsIn('CTHREAD1')[0]?.args.thread_ts).toBe(root);
  }, 60_000);

  it('a thread started on one replica is continued on the other', async () => {
    const root = String(postsIn('CTHREAD1')[0]?.args.thread_ts);
    const followUp = {
      type: 'message',
      channel: 'CTHREAD1',
      channel_type: 'channel',
      user: 'U2',
      text: 'what about Korea?',
      ts: nextTs(),
      thread_ts: root,
    };
    expect((await send(b.port, eventEnvelope(followUp), 'json')).status).toBe(200);
    const answer = await fake.waitFor(() => postsIn('CTHREAD1')[1], 30_000);
    expect(answer.args.thread_ts).toBe(root);
    // B knew the thread's earlier question (the EU in December) from the shared database.
    expect(JSON.stringify(answer.args.blocks)).toContain(
      'South Korea · December 2025 (from your earlier question)',
    );
  }, 60_000);

  it('an answer asked on one replica pages on the other (Show more)', async () => {
    expect((await send(a.port, slashCommand('US', fake.responseUrl('rep-us')), 'form')).status).toBe(200);
    const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === 'rep-us'), 30_000);
    const more = (body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((x) => x.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'show_more');
    expect(more?.value).toBeDefined();
    const click = clickButton('show_more', more?.value, fake.responseUrl('rep-us-2'));
    expect((await send(b.port, click, 'form')).status).toBe(200);
    const page2 = await fake.waitFor(() => fake.responses.find((r) => r.id === 'rep-us-2'), 30_000);
    // B found the answer A stored: the second page, not "this answer has expired".
    expect(JSON.stringify(page2.body.blocks)).toMatch(/showing 6–10 of \d+/);
  }, 60_000);

  it('kill -9 of the replica posting the digest: the other resumes it, every part posted exactly once', async () => {
    a.child.kill('SIGKILL');
    // A's session ends with it, and its lock: B takes the run over and finishes it.
    await logged(b, 'digest run ', 60_000);
    for (const channel of DIGEST_CHANNELS) expect(digestMessages(channel), channel).toHaveLength(1);
    const parts = await seed.db.query<{ channel_id: string; status: string; ts: string }>(
      'SELECT channel_id, status, ts FROM digest_messages ORDER BY channel_id',
    );
    expect(parts.rows.map((r) => [r.channel_id, r.status])).toEqual(
      DIGEST_CHANNELS.map((c) => [c, 'posted']),
    );
    // The part A was stuck on was found in the channel's history, not posted again.
    expect(parts.rows[1]?.ts).toBe(digestMessages('CDIGEST2')[0]?.ts);
    expect(b.logs()).not.toMatch(/postgres:\/\/[^\s]*@/);
    const runs = await seed.db.query<{ status: string }>('SELECT status FROM runs');
    expect(runs.rows.map((r) => r.status)).toEqual(['done']);
  }, 90_000);
});
