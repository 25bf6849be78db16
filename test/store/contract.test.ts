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

/** Two workspaces that both installed the app; a Slack Connect channel they share has one id. */
const A = 'team:TA';
const B = 'team:TB';

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
    expect(await d.subscription(A, 'C1')).toBeUndefined();
    expect(
      await d.upsertSubscription({
        workspace: A,
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
        workspace: A,
        channelId: 'C1',
        userId: 'U2',
        filters: 'EU',
        lang: 'ja',
        now: T(2),
        sectionOrder: 'japan,overseas',
      }),
    ).toBe('updated');
    await d.pause(A, 'C1', 'not_in_channel', T(3));
    expect((await d.subscription(A, 'C1'))?.paused_reason).toBe('not_in_channel');
    expect(
      await d.upsertSubscription({
        workspace: A,
        channelId: 'C1',
        userId: 'U2',
        filters: 'EU',
        lang: 'ja',
        now: T(4),
      }),
    ).toBe('resumed');
    const s = await d.subscription(A, 'C1');
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
    await d.logChange(A, 'C1', 'U9', 'refused', 'EU', 'US', T(5));
    await d.upsertSubscription({ workspace: A, channelId: 'C0', filters: '', lang: 'en', now: T(0) });
    expect((await d.subscriptions()).map((x) => x.channel_id)).toEqual(['C0', 'C1']);
    expect(await d.deleteSubscription(A, 'C1', 'U2', T(6))).toBe(true);
    expect(await d.deleteSubscription(A, 'C1', 'U2', T(7))).toBe(false);
    const log = (await d.changes(A, 'C1')).map((c) => [
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

  it('a subscribe the row as written refuses is refused inside the write: nothing changed, the attempt logged', async () => {
    const d = state.digest;
    const base = { workspace: A, channelId: 'CREF', lang: 'en' as const };
    expect(await d.upsertSubscription({ ...base, userId: 'U1', filters: 'Korea', now: T(1) })).toBe(
      'created',
    );
    // U2's subscribe, with U1's row there by the time it writes (another replica, a moment before).
    const asked: string[] = [];
    const outcome = await d.upsertSubscription({
      ...base,
      userId: 'U2',
      filters: 'EU',
      now: T(2),
      mayReplace: (row) => {
        asked.push(row.created_by ?? '');
        return row.created_by === 'U2';
      },
    });
    expect(outcome).toBe('refused');
    expect(asked).toEqual(['U1']);
    expect((await d.subscription(A, 'CREF'))?.filters).toBe('Korea');
    expect((await d.changes(A, 'CREF')).map((c) => [c.action, c.user_id, c.new_filters])).toEqual([
      ['created', 'U1', 'Korea'],
      ['refused', 'U2', 'EU'],
    ]);
    // Its creator may: the same predicate lets the write through.
    expect(
      await d.upsertSubscription({
        ...base,
        userId: 'U1',
        filters: 'EU',
        now: T(3),
        mayReplace: (row) => row.created_by === 'U1',
      }),
    ).toBe('updated');
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
    await d.upsertSubscription({ workspace: A, channelId: 'C2', filters: '', lang: 'en', now: T(0) });
    const parts = [
      { text: 'one', blocks: [{ type: 'section' }], itemIds: ['a/1'] },
      { text: 'two', blocks: [] },
    ];
    await d.savePlan(A, 'C2', '2026-01-12', ['a/1', 'a/2'], parts, T(20));
    await d.savePlan(A, 'C2', '2026-01-12', ['x'], [], T(21));
    const plan = await d.plan(A, 'C2', '2026-01-12');
    expect(plan).toEqual({
      workspace: A,
      channel_id: 'C2',
      week: '2026-01-12',
      item_ids: ['a/1', 'a/2'],
      parts,
      created_at: T(20),
      finalized_at: null,
    });
    expect(await d.partStatus(A, 'C2', '2026-01-12', 0)).toBeUndefined();
    await d.markPending(A, 'C2', '2026-01-12', 0, 2, T(22));
    await d.markPending(A, 'C2', '2026-01-12', 0, 2, T(23));
    expect(await d.partStatus(A, 'C2', '2026-01-12', 0)).toEqual({ status: 'pending', ts: null });
    await d.markPosted(A, 'C2', '2026-01-12', 0, '1.0001', T(24));
    expect(await d.partStatus(A, 'C2', '2026-01-12', 0)).toEqual({ status: 'posted', ts: '1.0001' });
    await d.finalize(A, 'C2', '2026-01-12', ['a/1', 'a/2'], T(25));
    await d.finalize(A, 'C2', '2026-01-12', ['a/1', 'a/2'], T(26));
    expect((await d.plan(A, 'C2', '2026-01-12'))?.finalized_at).toBe(T(25));
    expect([...(await d.sent(A, 'C2'))].sort()).toEqual(['a/1', 'a/2']);
    expect(await d.subscription(A, 'C2')).toMatchObject({ last_week: '2026-01-12', last_posted_at: T(26) });
  });

  it('a channel shared by two workspaces: two independent subscriptions, each changed, logged and deleted on its own', async () => {
    const d = state.digest;
    const at = (workspace: string, filters: string, minute: number) =>
      d.upsertSubscription({ workspace, channelId: 'CSHARED', filters, lang: 'en', now: T(minute) });
    expect(await at(A, 'Korea', 100)).toBe('created');
    expect(await at(B, 'EU', 101)).toBe('created');
    expect(await at(B, 'EU US', 102)).toBe('updated');
    expect((await d.subscription(A, 'CSHARED'))?.filters).toBe('Korea');
    expect((await d.subscription(B, 'CSHARED'))?.filters).toBe('EU US');
    expect(
      (await d.subscriptions()).filter((x) => x.channel_id === 'CSHARED').map((x) => x.workspace),
    ).toEqual([A, B]);
    await d.pause(A, 'CSHARED', 'not_in_channel', T(103));
    expect((await d.subscription(B, 'CSHARED'))?.paused_reason).toBeNull();
    expect(await d.deleteSubscription(A, 'CSHARED', 'U1', T(104))).toBe(true);
    expect(await d.deleteSubscription(A, 'CSHARED', 'U1', T(105))).toBe(false);
    expect(await d.subscription(A, 'CSHARED')).toBeUndefined();
    expect((await d.subscription(B, 'CSHARED'))?.filters).toBe('EU US');
    expect((await d.changes(A, 'CSHARED')).map((c) => c.action)).toEqual(['created', 'deleted']);
    expect((await d.changes(B, 'CSHARED')).map((c) => [c.workspace, c.action])).toEqual([
      [B, 'created'],
      [B, 'updated'],
    ]);
  });

  it("a channel shared by two workspaces: each one's digest planned, posted and finalized on its own", async () => {
    const d = state.digest;
    for (const workspace of [A, B])
      await d.upsertSubscription({ workspace, channelId: 'CDIGEST', filters: '', lang: 'en', now: T(110) });
    const week = '2026-01-12';
    await d.savePlan(A, 'CDIGEST', week, ['a/1'], [{ text: 'A', blocks: [] }], T(111));
    await d.savePlan(
      B,
      'CDIGEST',
      week,
      ['b/1', 'b/2'],
      [
        { text: 'B0', blocks: [] },
        { text: 'B1', blocks: [] },
      ],
      T(112),
    );
    expect((await d.plan(A, 'CDIGEST', week))?.item_ids).toEqual(['a/1']);
    expect((await d.plan(B, 'CDIGEST', week))?.item_ids).toEqual(['b/1', 'b/2']);
    await d.markPending(A, 'CDIGEST', week, 0, 1, T(113));
    await d.markPosted(A, 'CDIGEST', week, 0, '9.0001', T(114));
    expect(await d.partStatus(B, 'CDIGEST', week, 0)).toBeUndefined();
    await d.markPending(B, 'CDIGEST', week, 0, 2, T(115));
    expect(await d.partStatus(B, 'CDIGEST', week, 0)).toEqual({ status: 'pending', ts: null });
    expect(await d.partStatus(A, 'CDIGEST', week, 0)).toEqual({ status: 'posted', ts: '9.0001' });
    await d.finalize(A, 'CDIGEST', week, ['a/1'], T(116));
    expect([...(await d.sent(A, 'CDIGEST'))]).toEqual(['a/1']);
    expect([...(await d.sent(B, 'CDIGEST'))]).toEqual([]);
    expect((await d.plan(B, 'CDIGEST', week))?.finalized_at).toBeNull();
    expect(await d.subscription(A, 'CDIGEST')).toMatchObject({ last_week: week, last_posted_at: T(116) });
    expect(await d.subscription(B, 'CDIGEST')).toMatchObject({ last_week: null, last_posted_at: null });
  });

  it("rows stored before workspaces (key '') are claimed by one workspace, never over its own", async () => {
    const d = state.digest;
    const c = state.conversation;
    const legacy = (channelId: string, filters: string) =>
      d.upsertSubscription({ workspace: '', channelId, filters, lang: 'en', now: T(120) });
    await legacy('CLEGACY1', 'Korea');
    await legacy('CLEGACY2', 'EU');
    await d.upsertSubscription({
      workspace: A,
      channelId: 'CLEGACY2',
      filters: 'own',
      lang: 'en',
      now: T(120),
    });
    await d.savePlan('', 'CLEGACY1', '2026-01-12', ['a/1'], [], T(121));
    await c.linkThread('', 'CLEGACY1', '5.5', undefined, T(121));
    expect(await d.claimUnkeyed(A)).toBe(1);
    await c.claimUnkeyed(A);
    expect((await d.subscription(A, 'CLEGACY1'))?.filters).toBe('Korea');
    expect(await d.subscription('', 'CLEGACY1')).toBeUndefined();
    expect((await d.plan(A, 'CLEGACY1', '2026-01-12'))?.item_ids).toEqual(['a/1']);
    expect((await d.changes(A, 'CLEGACY1')).map((c) => c.action)).toEqual(['created']);
    // A's own subscription of CLEGACY2 is kept; the unkeyed one stays where it was.
    expect((await d.subscription(A, 'CLEGACY2'))?.filters).toBe('own');
    expect((await d.subscription('', 'CLEGACY2'))?.filters).toBe('EU');
    expect(await c.thread(A, 'CLEGACY1', '5.5', T(0))).toBe('');
    expect(await c.thread('', 'CLEGACY1', '5.5', T(0))).toBeUndefined();
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
      workspace: A,
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
    expect(await c.answer(A, 'A1')).toEqual(row);
    expect(await c.answer(A, 'nope')).toBeUndefined();
    await c.linkThread(A, 'C3', '1.1', 'A1', T(41));
    await c.linkThread(A, 'C3', '1.1', undefined, T(42));
    expect(await c.thread(A, 'C3', '1.1', T(42))).toBe('A1');
    expect(await c.thread(A, 'C3', '1.1', T(43))).toBeUndefined();
    await c.linkThread(A, 'C3', '2.2', undefined, T(44));
    expect(await c.thread(A, 'C3', '2.2', T(0))).toBe('');
    await c.prune(T(43));
    expect(await c.thread(A, 'C3', '1.1', T(0))).toBeUndefined();
    expect(await c.answer(A, 'A1')).toBeUndefined();
    expect(await c.thread(A, 'C3', '2.2', T(0))).toBe('');
  });

  it('conversations: one thread ts in one shared channel is two threads, and an answer is found only in its own workspace', async () => {
    const c = state.conversation;
    const answer = (answer_id: string, workspace: string, question: string) => ({
      answer_id,
      workspace,
      question,
      lang: 'en',
      today: '2026-01-19',
      inherit: null,
      page_offset: 0,
      item_ids: '[]',
      total: 0,
      interpretation: '{}',
      created_at: T(130),
      suggestion_ids: null,
    });
    await c.saveAnswer(answer('AW1', A, 'Korea'));
    await c.saveAnswer(answer('BW1', B, 'EU'));
    await c.linkThread(A, 'CSHARED', '7.7', 'AW1', T(131));
    await c.linkThread(B, 'CSHARED', '7.7', 'BW1', T(132));
    expect(await c.thread(A, 'CSHARED', '7.7', T(0))).toBe('AW1');
    expect(await c.thread(B, 'CSHARED', '7.7', T(0))).toBe('BW1');
    // A thread only A's bot took part in is no thread for B.
    await c.linkThread(A, 'CSHARED', '8.8', undefined, T(133));
    expect(await c.thread(B, 'CSHARED', '8.8', T(0))).toBeUndefined();
    expect((await c.answer(A, 'AW1'))?.question).toBe('Korea');
    expect(await c.answer(B, 'AW1')).toBeUndefined();
    expect(await c.answer(A, 'BW1')).toBeUndefined();
  });

  it('feedback: numbered clicks, details only by the clicker, listed since a day', async () => {
    const f = state.feedback;
    const base = { workspace: A, answer_id: 'A1', question: 'q', interpretation: '{}', item_ids: '[]' };
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
    expect((await f.list('')).map((r) => [r.feedback_id, r.workspace])).toEqual([
      [one, A],
      [two, A],
    ]);
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

  it('dedupe: a key is new once per workspace, and forgotten after pruning', async () => {
    const d = state.dedupe;
    expect(await d.firstDelivery(A, 'Ev1', T(50))).toBe(true);
    expect(await d.firstDelivery(A, 'Ev1', T(51))).toBe(false);
    // The same event id delivered to the other workspace sharing the channel is its own first delivery.
    expect(await d.firstDelivery(B, 'Ev1', T(51))).toBe(true);
    expect(await d.firstDelivery(B, 'Ev1', T(51))).toBe(false);
    await d.prune(T(52));
    expect(await d.firstDelivery(A, 'Ev1', T(53))).toBe(true);
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
    const sub = (workspace: string, channelId: string) =>
      d.upsertSubscription({ workspace, channelId, filters: '', lang: 'en', now: T(82) });
    await sub('team:T9', 'C91');
    await sub('team:T9', 'C92');
    await sub('team:T8', 'C81');
    // A channel T9 shares with T8: only T9's subscription of it is paused.
    await sub('team:T9', 'C98');
    await sub('team:T8', 'C98');
    expect(await d.pauseWorkspace('team:T9', 'app_uninstalled', T(83))).toBe(3);
    expect((await d.subscription('team:T9', 'C91'))?.paused_reason).toBe('app_uninstalled');
    expect((await d.subscription('team:T9', 'C98'))?.paused_reason).toBe('app_uninstalled');
    expect((await d.subscription('team:T8', 'C81'))?.paused_reason).toBeNull();
    expect((await d.subscription('team:T8', 'C98'))?.paused_reason).toBeNull();
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
    expect(rows?.rows.map((r) => r.version).sort()).toEqual([1, 2, 3]);
  });

  it('the same delivery sent to many replicas at once is new for exactly one', async () => {
    const replicas = [open(), open()];
    await Promise.all(replicas.map((r) => r.ready));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => replicas[i % 2]?.dedupe.firstDelivery(A, 'EvSame', T(0))),
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
    expect(await s.dedupe.firstDelivery(A, 'EvDropped', T(0))).toBe(true);
    await expect(s.ping()).resolves.toBeUndefined();
  });

  it('unreachable at start: the stores exist at once, answer with a fault, and migrate when the server comes up', async () => {
    const server = await startPostgres();
    try {
      await server.stop();
      const s = pgStores(server.url, { retryMs: 50, report: () => {} });
      opened.push(s);
      await expect(s.ping()).rejects.toThrow(/cannot be reached|not migrated yet/);
      await expect(Promise.resolve(s.dedupe.firstDelivery(A, 'Ev0', T(0)))).rejects.toMatchObject({
        name: 'StateError',
      });
      await server.start();
      await s.ready;
      await expect(s.ping()).resolves.toBeUndefined();
      expect(await s.dedupe.firstDelivery(A, 'Ev0', T(0))).toBe(true);
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
