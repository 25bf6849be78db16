import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgStores, pgStores } from '../../src/store/pg/index.js';
import { LOCKS } from '../../src/store/pg/schema.js';
import type { StateStores } from '../../src/store/state.js';
import { freshDatabase, startPostgres } from '../support/postgres.js';
import { STATE_BACKENDS } from '../support/state-backends.js';

/**
 * The one contract every state store keeps, run against both implementations: the embedded
 * SQLite file and a real PostgreSQL server. Anything the app relies on is here, so a feature
 * behaves the same whichever database is behind it.
 */

const T = (minute: number) => new Date(Date.UTC(2026, 0, 19, 0, minute)).toISOString();

describe.each(STATE_BACKENDS)('state stores: $name', ({ open }) => {
  let state: StateStores;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ state, close } = await open());
  });
  afterAll(async () => {
    await close();
  });

  it('subscriptions: created, updated, paused, resumed and deleted, every change logged in order', async () => {
    const d = state.digest;
    expect(await d.subscription('C1')).toBeUndefined();
    expect(
      await d.upsertSubscription({
        channelId: 'C1',
        teamId: 'T1',
        userId: 'U1',
        filters: 'Korea',
        lang: 'en',
        now: T(1),
      }),
    ).toBe('created');
    expect(
      await d.upsertSubscription({
        channelId: 'C1',
        userId: 'U2',
        filters: 'EU',
        lang: 'ja',
        now: T(2),
        sectionOrder: 'japan,overseas',
      }),
    ).toBe('updated');
    await d.pause('C1', 'not_in_channel', T(3));
    expect((await d.subscription('C1'))?.paused_reason).toBe('not_in_channel');
    expect(
      await d.upsertSubscription({ channelId: 'C1', userId: 'U2', filters: 'EU', lang: 'ja', now: T(4) }),
    ).toBe('resumed');
    const s = await d.subscription('C1');
    expect(s).toMatchObject({
      channel_id: 'C1',
      team_id: 'T1',
      filters: 'EU',
      lang: 'ja',
      created_by: 'U1',
      updated_by: 'U2',
      subscribed_at: T(1),
      updated_at: T(4),
      paused_reason: null,
      section_order: null,
    });
    await d.logChange('C1', 'U9', 'refused', 'EU', 'US', T(5));
    await d.upsertSubscription({ channelId: 'C0', filters: '', lang: 'en', now: T(0) });
    expect((await d.subscriptions()).map((x) => x.channel_id)).toEqual(['C0', 'C1']);
    expect(await d.deleteSubscription('C1', 'U2', T(6))).toBe(true);
    expect(await d.deleteSubscription('C1', 'U2', T(7))).toBe(false);
    const log = (await d.changes('C1')).map((c) => [
      c.action,
      c.user_id,
      c.old_filters,
      c.new_filters,
      c.changed_at,
    ]);
    expect(log).toEqual([
      ['created', 'U1', null, 'Korea', T(1)],
      ['updated', 'U2', 'Korea', 'EU', T(2)],
      ['resumed', 'U2', 'EU', 'EU', T(4)],
      ['refused', 'U9', 'EU', 'US', T(5)],
      ['deleted', 'U2', 'EU', null, T(6)],
    ]);
  });

  it('items seen: the first corpus is the baseline, later items keep their first sighting', async () => {
    const d = state.digest;
    expect(await d.recordItems(['a/1', 'a/2'], T(10))).toBe(2);
    expect(await d.recordItems(['a/2', 'a/3'], T(11))).toBe(1);
    expect(await d.recordItems(['a/3'], T(12))).toBe(0);
    const seen = await d.firstSeen();
    expect(seen.get('a/1')).toBe('1970-01-01T00:00:00.000Z');
    expect(seen.get('a/3')).toBe(T(11));
  });

  it('a digest: the first plan wins, parts go pending then posted, finalizing is idempotent', async () => {
    const d = state.digest;
    await d.upsertSubscription({ channelId: 'C2', filters: '', lang: 'en', now: T(0) });
    const parts = [
      { text: 'one', blocks: [{ type: 'section' }], itemIds: ['a/1'] },
      { text: 'two', blocks: [] },
    ];
    await d.savePlan('C2', '2026-01-12', ['a/1', 'a/2'], parts, T(20));
    await d.savePlan('C2', '2026-01-12', ['x'], [], T(21));
    const plan = await d.plan('C2', '2026-01-12');
    expect(plan).toEqual({
      channel_id: 'C2',
      week: '2026-01-12',
      item_ids: ['a/1', 'a/2'],
      parts,
      created_at: T(20),
      finalized_at: null,
    });
    expect(await d.partStatus('C2', '2026-01-12', 0)).toBeUndefined();
    await d.markPending('C2', '2026-01-12', 0, 2, T(22));
    await d.markPending('C2', '2026-01-12', 0, 2, T(23));
    expect(await d.partStatus('C2', '2026-01-12', 0)).toEqual({ status: 'pending', ts: null });
    await d.markPosted('C2', '2026-01-12', 0, '1.0001', T(24));
    expect(await d.partStatus('C2', '2026-01-12', 0)).toEqual({ status: 'posted', ts: '1.0001' });
    await d.finalize('C2', '2026-01-12', ['a/1', 'a/2'], T(25));
    await d.finalize('C2', '2026-01-12', ['a/1', 'a/2'], T(26));
    expect((await d.plan('C2', '2026-01-12'))?.finalized_at).toBe(T(25));
    expect([...(await d.sent('C2'))].sort()).toEqual(['a/1', 'a/2']);
    expect(await d.subscription('C2')).toMatchObject({ last_week: '2026-01-12', last_posted_at: T(26) });
  });

  it('runs: started, restarted and done', async () => {
    const d = state.digest;
    expect(await d.runStatus(T(30))).toBeUndefined();
    await d.startRun(T(30), T(30));
    await d.startRun(T(30), T(31));
    expect(await d.runStatus(T(30))).toBe('running');
    await d.finishRun(T(30), T(32), '{}');
    expect(await d.runStatus(T(30))).toBe('done');
  });

  it('conversations: answers by id, threads with their last answer, pruned by age', async () => {
    const c = state.conversation;
    const row = {
      answer_id: 'A1',
      question: 'Korea',
      lang: 'en',
      today: '2026-01-19',
      inherit: null,
      page_offset: 0,
      item_ids: '["a/1"]',
      total: 1,
      interpretation: '{}',
      created_at: T(40),
      suggestion_ids: '["a/9"]',
    };
    await c.saveAnswer(row);
    expect(await c.answer('A1')).toEqual(row);
    expect(await c.answer('nope')).toBeUndefined();
    await c.linkThread('C3', '1.1', 'A1', T(41));
    await c.linkThread('C3', '1.1', undefined, T(42));
    expect(await c.thread('C3', '1.1', T(42))).toBe('A1');
    expect(await c.thread('C3', '1.1', T(43))).toBeUndefined();
    await c.linkThread('C3', '2.2', undefined, T(44));
    expect(await c.thread('C3', '2.2', T(0))).toBe('');
    await c.prune(T(43));
    expect(await c.thread('C3', '1.1', T(0))).toBeUndefined();
    expect(await c.answer('A1')).toBeUndefined();
    expect(await c.thread('C3', '2.2', T(0))).toBe('');
  });

  it('feedback: numbered clicks, details only by the clicker, listed since a day', async () => {
    const f = state.feedback;
    const base = { answer_id: 'A1', question: 'q', interpretation: '{}', item_ids: '[]' };
    const one = await f.add({
      ...base,
      user_hash: 'h1',
      verdict: 'up',
      created_at: '2026-01-10T00:00:00.000Z',
    });
    const two = await f.add({
      ...base,
      user_hash: 'h2',
      verdict: 'down',
      created_at: '2026-01-20T00:00:00.000Z',
    });
    expect(typeof one).toBe('number');
    expect(two).toBeGreaterThan(one);
    expect(await f.addDetail(two, 'h1', 'other', 'x')).toBe(false);
    expect(await f.addDetail(two, 'h2', 'wrong_items', 'off topic')).toBe(true);
    expect((await f.list('')).map((r) => r.feedback_id)).toEqual([one, two]);
    const since = await f.list('2026-01-15');
    expect(since).toEqual([
      {
        ...base,
        feedback_id: two,
        user_hash: 'h2',
        verdict: 'down',
        reason: 'wrong_items',
        note: 'off topic',
        created_at: '2026-01-20T00:00:00.000Z',
      },
    ]);
  });

  it('dedupe: a key is new once, and forgotten after pruning', async () => {
    const d = state.dedupe;
    expect(await d.firstDelivery('Ev1', T(50))).toBe(true);
    expect(await d.firstDelivery('Ev1', T(51))).toBe(false);
    await d.prune(T(52));
    expect(await d.firstDelivery('Ev1', T(53))).toBe(true);
  });

  it('secrets: made once; every later caller gets the first', async () => {
    const a = await state.secrets.secret('k', () => 'first', T(60));
    const b = await state.secrets.secret('k', () => 'second', T(61));
    expect([a, b]).toEqual(['first', 'first']);
  });

  it("the feed's memory: pages by address, the last problem and check", async () => {
    const m = state.feed;
    expect(await m.page('https://x/1')).toBeUndefined();
    await m.remember({ url: 'https://x/1', status: 'refused', contentHash: 'h', reason: 'bad' }, T(70));
    await m.remember({ url: 'https://x/1', status: 'added', documentId: 'digest-2026-02' }, T(71));
    expect(await m.page('https://x/1')).toEqual({
      url: 'https://x/1',
      status: 'added',
      documentId: 'digest-2026-02',
    });
    expect(await m.lastCheckAt()).toBeUndefined();
    const first = await m.startCheck('https://x/', T(72));
    await m.finishCheck(first, T(73), 'no digest', { n: 1 });
    const second = await m.startCheck('https://x/', T(74));
    expect(second).toBeGreaterThan(first);
    expect(await m.lastProblem('https://x/')).toBe('no digest');
    await m.finishCheck(second, T(75), undefined, {});
    expect(await m.lastProblem('https://x/')).toBeUndefined();
    expect(await m.lastCheckAt()).toBe(T(75));
  });

  it("installations: saved by key, replaced on reinstall, deleted once; a team's subscriptions paused together", async () => {
    const i = state.installations;
    expect(await i.get('team:T9')).toBeUndefined();
    await i.save({ key: 'team:T9', teamId: 'T9', enterpriseId: null, data: '{"v":1}' }, T(80));
    await i.save({ key: 'team:T9', teamId: 'T9', enterpriseId: null, data: '{"v":2}' }, T(81));
    expect(await i.get('team:T9')).toBe('{"v":2}');
    expect(await i.delete('team:T9')).toBe(true);
    expect(await i.delete('team:T9')).toBe(false);
    const d = state.digest;
    await d.upsertSubscription({ channelId: 'C91', teamId: 'T9', filters: '', lang: 'en', now: T(82) });
    await d.upsertSubscription({ channelId: 'C92', teamId: 'T9', filters: '', lang: 'en', now: T(82) });
    await d.upsertSubscription({ channelId: 'C81', teamId: 'T8', filters: '', lang: 'en', now: T(82) });
    expect(await d.pauseTeam('T9', 'app_uninstalled', T(83))).toBe(2);
    expect((await d.subscription('C91'))?.paused_reason).toBe('app_uninstalled');
    expect((await d.subscription('C81'))?.paused_reason).toBeNull();
  });

  it('ping: reachable', async () => {
    await expect(state.ping()).resolves.toBeUndefined();
  });
});

describe('PostgreSQL only: what replicas need', () => {
  let url: string;
  let drop: () => Promise<void>;
  const opened: PgStores[] = [];
  const open = () => {
    const s = pgStores(url, { once: true });
    opened.push(s);
    return s;
  };
  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
  });
  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => undefined);
    await drop();
  });

  it('replicas starting together migrate the schema once, under the lock', async () => {
    const replicas = [open(), open(), open()];
    await Promise.all(replicas.map((r) => r.ready));
    const rows = await replicas[0]?.db.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows?.rows.map((r) => r.version).sort()).toEqual([1, 2]);
  });

  it('the same delivery sent to many replicas at once is new for exactly one', async () => {
    const replicas = [open(), open()];
    await Promise.all(replicas.map((r) => r.ready));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => replicas[i % 2]?.dedupe.firstDelivery('EvSame', T(0))),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('the digest lock: one holder at a time; free again when the holder ends, or dies with its connection', async () => {
    const [a, b] = [open(), open()];
    await Promise.all([a.ready, b.ready]);
    let release = () => {};
    let holds = () => {};
    const holding = new Promise<void>((r) => {
      holds = r;
    });
    const held = a.withDigestLock(
      () =>
        new Promise<string>((resolve) => {
          holds();
          release = () => resolve('a ran');
        }),
    );
    await holding;
    expect(await b.withDigestLock(async () => 'b ran')).toEqual({ ran: false });
    release();
    expect(await held).toEqual({ ran: true, value: 'a ran' });
    expect(await b.withDigestLock(async () => 'b ran')).toEqual({ ran: true, value: 'b ran' });

    // A holder whose connection dies (a replica killed) loses the lock with it.
    const c = open();
    await c.ready;
    const dying = c.withDigestLock(async () => {
      await c.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`,
        [LOCKS.digest],
      );
      await new Promise((r) => setTimeout(r, 200));
      return 'c ran';
    });
    await dying.catch(() => undefined);
    expect(await b.withDigestLock(async () => 'b again')).toEqual({ ran: true, value: 'b again' });
  });

  it('a connection dropped mid-transaction: rolled back, reported as unreachable, and the next query reconnects', async () => {
    const s = open();
    await s.ready;
    const err = await s.db
      .tx(async (q) => {
        await q("INSERT INTO seen_events (event_id, seen_at) VALUES ('EvDropped', 'x')");
        await q('SELECT pg_terminate_backend(pg_backend_pid())');
      })
      .catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'StateError', kind: 'unreachable' });
    // Nothing of the transaction was kept, and the pool serves the next statement on a new connection.
    expect(await s.dedupe.firstDelivery('EvDropped', T(0))).toBe(true);
    await expect(s.ping()).resolves.toBeUndefined();
  });

  it('unreachable at start: the stores exist at once, answer with a fault, and migrate when the server comes up', async () => {
    const server = await startPostgres();
    try {
      await server.stop();
      const s = pgStores(server.url, { retryMs: 50, report: () => {} });
      opened.push(s);
      await expect(s.ping()).rejects.toThrow(/cannot be reached|not migrated yet/);
      await expect(Promise.resolve(s.dedupe.firstDelivery('Ev0', T(0)))).rejects.toMatchObject({
        name: 'StateError',
      });
      await server.start();
      await s.ready;
      await expect(s.ping()).resolves.toBeUndefined();
      expect(await s.dedupe.firstDelivery('Ev0', T(0))).toBe(true);
    } finally {
      await server.destroy();
    }
  }, 60_000);

  it('unreachable: a StateError naming the server without its password, and ping says so', async () => {
    const wrong = url.replace(/:(\d+)\//, ':1/');
    const s = pgStores(wrong, { once: true });
    await expect(s.ready).rejects.toThrow(/PostgreSQL 127\.0\.0\.1:1\/t_\w+ cannot be reached/);
    await expect(s.ping()).rejects.toThrow(/cannot be reached/);
    const err = await Promise.resolve(s.digest.subscriptions()).catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain('policy-bot-test-pw');
    expect(err).toMatchObject({ name: 'StateError', kind: 'unreachable' });
    await s.close();
  });
});
