import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import {
  linkThread,
  pruneConversations,
  rememberAnswer,
  threadContext,
} from '../../src/conversation/answers.js';
import {
  addFeedbackDetail,
  hashUser,
  listFeedback,
  recordFeedback,
} from '../../src/conversation/feedback.js';
import { sqliteStores } from '../../src/store/sqlite/index.js';
import { openState } from '../../src/weekly/state.js';
import { memoryIo } from '../helpers.js';

/** The workspace the answers, clicks and threads of these tests belong to. */
const WS = 'team:T1';

const filters = { countries: ['KR'], regions: [], placeNames: {}, period: null, groups: [] };
/** An answer page about Korea with one item, as the conversation stores it. */
const koreaAnswer = {
  question: 'Korea',
  lang: 'en' as const,
  today: '2026-01-20',
  inherit: null,
  offset: 0,
  itemIds: ['a/1'],
  total: 1,
  filters,
};

describe('policy-bot feedback', () => {
  it('lists feedback since a date, readable or as JSON, without user ids', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policy-bot-fb-')), 'state.sqlite');
    const db = openState(path);
    const st = sqliteStores(db);
    const state = {
      question: 'what did Korea do',
      lang: 'en' as const,
      today: '2026-01-20',
      inherit: null,
      offset: 0,
      itemIds: ['a/1', 'a/2'],
      total: 2,
      filters,
    };
    const id = await rememberAnswer(st, WS, state, new Date('2026-01-20T00:00:00Z'));
    if (!id) throw new Error('the answer was not stored');
    await recordFeedback(st, {
      workspace: WS,
      answerId: id,
      userId: 'U1',
      verdict: 'up',
      now: new Date('2026-01-20T01:00:00Z'),
    });
    const down = await recordFeedback(st, {
      workspace: WS,
      answerId: id,
      userId: 'U2',
      verdict: 'down',
      now: new Date('2026-02-02T01:00:00Z'),
    });
    expect(down).toBeDefined();
    // Only the clicker can add a reason to their own feedback.
    expect(
      await addFeedbackDetail(st, { feedbackId: down as number, userId: 'U1', reason: 'other', note: 'x' }),
    ).toBe(false);
    expect(
      await addFeedbackDetail(st, {
        feedbackId: down as number,
        userId: 'U2',
        reason: 'wrong_items',
        note: 'a/2 is off topic',
      }),
    ).toBe(true);
    expect(
      await recordFeedback(st, {
        workspace: WS,
        answerId: 'unknown',
        userId: 'U1',
        verdict: 'up',
        now: new Date(),
      }),
    ).toBeUndefined();
    // Another workspace (a shared channel's other side) cannot give feedback on this answer.
    expect(
      await recordFeedback(st, {
        workspace: 'team:T2',
        answerId: id,
        userId: 'U1',
        verdict: 'up',
        now: new Date(),
      }),
    ).toBeUndefined();
    expect((await listFeedback(st)).map((f) => f.user)).toEqual([
      await hashUser(st, 'U1'),
      await hashUser(st, 'U2'),
    ]);
    db.close();

    const env = { POLICY_BOT_STATE_PATH: path };
    const text = memoryIo('', env);
    expect(await main(['feedback'], text)).toBe(0);
    expect(text.out()).toContain('2 feedback: 1 👍, 1 👎');
    expect(text.out()).toContain('“what did Korea do”  — wrong_items “a/2 is off topic”');
    expect(text.out()).toContain('items: a/1, a/2');
    expect(text.out()).not.toMatch(/\bU[12]\b/);
    const since = memoryIo('', env);
    expect(await main(['feedback', '--since', '2026-02-01', '--json'], since)).toBe(0);
    const rows = JSON.parse(since.out()) as { verdict: string; interpretation: unknown }[];
    expect(rows.map((r) => r.verdict)).toEqual(['down']);
    expect(rows[0]?.interpretation).toEqual({ countries: ['KR'], regions: [], period: null, terms: [] });
    const bad = memoryIo('', env);
    expect(await main(['feedback', '--since', 'yesterday'], bad)).toBe(2);
    expect(bad.err()).toContain('--since must be a date');
  });
});

describe('feedback: what anyone types is printed safely, and who typed it stays unknown', () => {
  it('a note with terminal escapes and line breaks is printed on one line without them', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policy-bot-fb-')), 'state.sqlite');
    const db = openState(path);
    const st = sqliteStores(db);
    const id = (await rememberAnswer(st, WS, koreaAnswer, new Date('2026-01-20T00:00:00Z'))) as string;
    const fb = (await recordFeedback(st, {
      workspace: WS,
      answerId: id,
      userId: 'U1',
      verdict: 'down',
      now: new Date(),
    })) as number;
    const note = 'fine\u001b[2J\u001b[31mred\u0007\n2026-01-01  👍  “forged line”\r\u009b0m';
    expect(await addFeedbackDetail(st, { feedbackId: fb, userId: 'U1', reason: 'other', note })).toBe(true);
    db.close();
    const io = memoryIo('', { POLICY_BOT_STATE_PATH: path });
    expect(await main(['feedback'], io)).toBe(0);
    const lines = io.out().split('\n').filter(Boolean);
    expect(lines).toHaveLength(3); // the count, the feedback, its items
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(io.out()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(lines[1]).toContain('— other “fine[2J[31mred 2026-01-01  👍  “forged line” 0m”');
    // --json keeps the note as stored (JSON escapes it).
    const json = memoryIo('', { POLICY_BOT_STATE_PATH: path });
    expect(await main(['feedback', '--json'], json)).toBe(0);
    expect((JSON.parse(json.out()) as { note: string }[])[0]?.note).toBe(note);
  });

  it('users are hashed with a secret made once per install: two installs never share a hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-fb-'));
    const userHash = async (path: string) => {
      const db = openState(path);
      const st = sqliteStores(db);
      const id = (await rememberAnswer(st, WS, koreaAnswer, new Date())) as string;
      await recordFeedback(st, {
        workspace: WS,
        answerId: id,
        userId: 'U1',
        teamId: 'T1',
        verdict: 'up',
        now: new Date(),
      });
      const users = (await listFeedback(st)).map((f) => f.user);
      db.close();
      return users;
    };
    const a = await userHash(join(dir, 'a.sqlite'));
    const b = await userHash(join(dir, 'b.sqlite'));
    expect(a[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(b[0]).not.toBe(a[0]);
    // The same install keeps its secret across restarts: one person stays one hash.
    const again = await userHash(join(dir, 'a.sqlite'));
    expect(again).toEqual([a[0], a[0]]);
    const db = openState(join(dir, 'a.sqlite'));
    const secret = db.prepare('SELECT value FROM install_secrets').all() as { value: string }[];
    expect(secret).toHaveLength(1);
    expect(secret[0]?.value).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });
});

describe('conversation state', () => {
  it('threads expire after their time limit, and old answers are pruned', async () => {
    const db = openState(':memory:');
    const st = sqliteStores(db);
    const t0 = new Date('2026-01-20T00:00:00Z');
    const id = await rememberAnswer(st, WS, koreaAnswer, t0);
    await linkThread(st, WS, 'C1', '1.1', id, t0);
    await linkThread(st, WS, 'C1', '2.2', undefined, t0);
    const hour = 3_600_000;
    expect(
      (await threadContext(st, WS, 'C1', '1.1', new Date(t0.getTime() + hour), 2 * hour))?.previous?.question,
    ).toBe('Korea');
    expect(await threadContext(st, WS, 'C1', '2.2', new Date(t0.getTime() + hour), 2 * hour)).toEqual({});
    expect(
      await threadContext(st, WS, 'C1', '1.1', new Date(t0.getTime() + 3 * hour), 2 * hour),
    ).toBeUndefined();
    await pruneConversations(st, new Date(t0.getTime() + 30 * 24 * hour));
    expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    db.close();
  });
});
