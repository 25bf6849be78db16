import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/query/dates.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { SqliteDigestStore as DigestStore } from '../../src/store/sqlite/digest.js';
import { createLogger } from '../../src/util/logger.js';
import { CRASH, DigestRunner, EVENT_TYPE, type Step } from '../../src/weekly/runner.js';
import { missedRun, startScheduler } from '../../src/weekly/scheduler.js';
import { digestCommands } from '../../src/weekly/service.js';
import { openState } from '../../src/weekly/state.js';
import { previousWeek, weekContaining } from '../../src/weekly/week.js';
import { realIndex } from '../slack/harness.js';
import { FakeSlack } from '../support/fake-slack.js';

let full: SearchIndex;
beforeAll(async () => {
  full = await realIndex();
});

/** The corpus without some documents, as it was before a late digest arrived. */
function without(index: SearchIndex, documentId: string): SearchIndex {
  const items = index.items.filter((i) => i.source.document !== documentId);
  return { ...index, items, byId: new Map(items.map((i) => [i.id, i])) };
}

const MONDAY_JAN_19 = new Date('2026-01-19T00:00:00Z'); // Monday 09:00 in Tokyo = Sunday 24:00 UTC
const MONDAY_JAN_26 = new Date('2026-01-26T00:00:00Z');

let fake: FakeSlack;
let dbPath: string;
let logs: string[];
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  dbPath = join(mkdtempSync(join(tmpdir(), 'policy-bot-state-')), 'state.sqlite');
  logs = [];
});
afterEach(async () => {
  await fake.stop();
});

interface World {
  store: DigestStore;
  runner: (o?: {
    postEmpty?: boolean;
    index?: SearchIndex;
    at?: Date;
    crash?: (s: Step, w: { channel?: string; part?: number }) => void;
    maxBlocks?: number;
  }) => DigestRunner;
  close: () => void;
}

/** A process: the state database opened from its file, a Web API client pointed at the fake. */
function boot(): World {
  const db = openState(dbPath);
  const store = new DigestStore(db);
  const client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
    logLevel: LogLevel.ERROR,
  });
  return {
    store,
    runner: (o = {}) =>
      new DigestRunner({
        store,
        where: dbPath,
        index: () => o.index ?? full,
        client: client as never,
        clock: () => o.at ?? MONDAY_JAN_19,
        timeZone: 'Asia/Tokyo',
        postEmpty: o.postEmpty ?? false,
        logger: createLogger('info', (l) => logs.push(l)),
        ...(o.crash ? { checkpoint: o.crash } : {}),
        ...(o.maxBlocks ? { maxBlocks: o.maxBlocks } : {}),
      }),
    close: () => db.close(),
  };
}

function subscribe(store: DigestStore, channelId: string, filters: string, at = '2026-01-10T00:00:00.000Z') {
  store.upsertSubscription({
    workspace: '',
    channelId,
    filters,
    lang: /[ぁ-ん一-龯ァ-ン]/.test(filters) ? 'ja' : 'en',
    now: at,
  });
}

/** Digest messages per (week, part) in a channel, read from what the fake Slack received. */
function digestParts(channel: string): string[] {
  return (fake.channels.get(channel) ?? [])
    .filter((m) => m.metadata?.event_type === EVENT_TYPE)
    .map(
      (m) =>
        `${m.metadata?.event_payload.week}#${m.metadata?.event_payload.part}/${m.metadata?.event_payload.parts}`,
    );
}

function postedText(channel: string): string {
  return JSON.stringify((fake.channels.get(channel) ?? []).map((m) => m.blocks));
}

describe('weekly digests', () => {
  it('posts the previous Monday–Sunday in Tokyo time, per channel filters, grouped by region', async () => {
    const w = boot();
    w.store.recordItems(
      full.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    subscribe(w.store, 'C-ALL', '');
    subscribe(w.store, 'C-KR', 'Korea');
    subscribe(w.store, 'C-EU', 'EU');
    const report = await w.runner().run(MONDAY_JAN_19);
    expect(report.week).toEqual({ from: '2026-01-12', to: '2026-01-18' });
    expect(digestParts('C-ALL')).toEqual(['2026-01-12#0/1']);
    const all = postedText('C-ALL');
    expect(all).toContain('2026-01-12 – 2026-01-18');
    expect(all).toContain(
      'https://www.ofcom.org.uk/online-safety/illegal-and-harmful-content/ofcom-launches-investigation-into-x-over-grok-sexualised-imagery',
    );
    expect(all).not.toContain('韓国、AI基本法を施行'); // dated the 22nd
    // Sections by weight: overseas policy, then Japan, then AISI's own activities.
    const at = (heading: string) => all.indexOf(`*${heading}*`);
    expect(at('Overseas policy')).toBeGreaterThan(-1);
    for (const [a, b] of [
      ['Overseas policy', 'Japan'],
      ['Japan', 'AISI activities'],
      ['Overseas policy', 'AISI activities'],
    ] as const)
      if (at(a) >= 0 && at(b) >= 0) expect(at(a)).toBeLessThan(at(b));
    // Korea had nothing that week: an empty week posts nothing by default.
    expect(digestParts('C-KR')).toEqual([]);
    expect(postedText('C-EU')).toContain('ETSI');
    expect(postedText('C-EU')).not.toContain('Ofcom');
    w.close();
  });

  it('reads the items seen once per run, however many channels it plans for', async () => {
    const w = boot();
    for (const [i, filters] of ['', 'Korea', 'EU', 'US'].entries()) subscribe(w.store, `C-${i}`, filters);
    const reads = vi.spyOn(w.store, 'firstSeen');
    await w.runner({ postEmpty: true }).run(MONDAY_JAN_19);
    expect(digestParts('C-3')).toEqual(['2026-01-12#0/1']);
    expect(reads).toHaveBeenCalledTimes(1);
    w.close();
  });

  it('never sends an item twice to a channel, even when its date range spans two weeks', async () => {
    const w = boot();
    w.store.recordItems(
      full.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    subscribe(w.store, 'C-ALL', '');
    subscribe(w.store, 'C-KR', '韓国');
    await w.runner().run(MONDAY_JAN_19);
    expect((await w.runner({ at: MONDAY_JAN_19 }).run(MONDAY_JAN_19)).skipped).toBe('already done');
    await w.runner({ at: MONDAY_JAN_26 }).run(MONDAY_JAN_26);
    expect(digestParts('C-ALL')).toEqual(['2026-01-12#0/1', '2026-01-19#0/1']);
    const weeks = (fake.channels.get('C-ALL') ?? []).map((m) => JSON.stringify(m.blocks));
    // The 01/14–28 video series overlaps both weeks: it is in the first digest only.
    expect(weeks[0]).toContain('2011272163924512904');
    expect(weeks[1]).not.toContain('2011272163924512904');
    expect(digestParts('C-KR')).toEqual(['2026-01-19#0/1']);
    expect(postedText('C-KR')).toContain('韓国、AI基本法を施行');
    expect(postedText('C-KR')).toContain('AI政策ダイジェスト');
    w.close();
  });

  it('delivers a monthly digest that arrives late once, and does not flood a new subscriber with it', async () => {
    const w = boot();
    const before = without(full, 'digest-2025-12');
    w.store.recordItems(
      before.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    subscribe(w.store, 'C-KR', 'Korea');
    await w.runner({ index: before, at: MONDAY_JAN_19 }).run(MONDAY_JAN_19);
    expect(digestParts('C-KR')).toEqual([]);
    // The December digest lands in data/ on Jan 21; the next run sees its items for the first time.
    w.store.recordItems(
      full.items.map((i) => i.id),
      '2026-01-21T03:00:00.000Z',
    );
    subscribe(w.store, 'C-NEW', 'Korea', '2026-01-22T00:00:00.000Z');
    await w.runner({ at: MONDAY_JAN_26 }).run(MONDAY_JAN_26);
    const kr = postedText('C-KR');
    expect(kr).toContain('AIセキュリティガイド'); // December Korea item, late
    expect(kr).toContain('韓国、AI基本法を施行'); // dated in the week
    expect(postedText('C-NEW')).not.toContain('AIセキュリティガイド');
    expect(postedText('C-NEW')).toContain('韓国、AI基本法を施行');
    await w.runner({ at: new Date('2026-02-02T00:00:00Z') }).run(new Date('2026-02-02T00:00:00Z'));
    expect(digestParts('C-KR')).toEqual(['2026-01-19#0/1']);
    w.close();
  });
});

describe('empty weeks', () => {
  it('post nothing by default, and one "nothing new" line when configured to', async () => {
    const w = boot();
    w.store.recordItems(
      full.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    subscribe(w.store, 'C-QUIET', 'Korea');
    subscribe(w.store, 'C-TELL', 'Korea');
    await w.runner().run(MONDAY_JAN_19);
    expect(digestParts('C-QUIET')).toEqual([]);
    w.store.deleteSubscription('', 'C-QUIET');
    await w
      .runner({ postEmpty: true, at: new Date('2026-01-19T01:00:00Z') })
      .run(new Date('2026-01-19T01:00:00Z'));
    // The same week was already settled for C-TELL by the first run: still nothing twice.
    expect(digestParts('C-TELL')).toEqual([]);
    // A week after everything the corpus dates (derived, so a month added later keeps it empty):
    // the run on the Monday after it reports on it.
    const latest = full.items.reduce((max, i) => ((i.date?.end ?? '') > max ? (i.date?.end ?? '') : max), '');
    const empty = weekContaining(addDays(latest, 7));
    const later = new Date(`${addDays(empty.from, 7)}T00:00:00Z`);
    await w.runner({ postEmpty: true, at: later }).run(later);
    expect(digestParts('C-TELL')).toEqual([`${empty.from}#0/1`]);
    expect(postedText('C-TELL')).toContain('nothing new this week');
    w.close();
  });
});

describe('never duplicated, never lost: a crash at any step, then a restart', () => {
  const steps: Step[] = [
    'run-started',
    'plan-saved',
    'before-post',
    'after-post',
    'after-record',
    'before-finalize',
    'after-finalize',
  ];
  const crashAt =
    (step: Step, part = 0) =>
    (s: Step, where: { part?: number }) => {
      if (s === step && (where.part === undefined || where.part === part))
        throw Object.assign(new Error(`simulated crash at ${step}`), { [CRASH]: true });
    };

  for (const step of steps) {
    for (const part of step.includes('post') || step === 'after-record' ? [0, 1] : [0]) {
      it(`crash at ${step}${step.includes('post') || step === 'after-record' ? ` of part ${part}` : ''}`, async () => {
        const first = boot();
        first.store.recordItems(
          full.items.map((i) => i.id),
          '2026-01-01T00:00:00.000Z',
        );
        subscribe(first.store, 'C-A', '');
        subscribe(first.store, 'C-B', '');
        // Small messages, so each digest needs several parts.
        await expect(
          first.runner({ crash: crashAt(step, part), maxBlocks: 6 }).run(MONDAY_JAN_19),
        ).rejects.toThrow('simulated crash');
        first.close();
        // A new process: the same database file, the same Slack.
        const second = boot();
        await second.runner({ maxBlocks: 6 }).run(MONDAY_JAN_19);
        const third = boot();
        expect((await third.runner({ maxBlocks: 6 }).run(MONDAY_JAN_19)).skipped).toBe('already done');
        for (const channel of ['C-A', 'C-B']) {
          const parts = digestParts(channel);
          const total = Number(parts[0]?.split('/')[1]);
          expect(total).toBeGreaterThan(1);
          expect([...parts].sort()).toEqual(
            Array.from({ length: total }, (_, i) => `2026-01-12#${i}/${total}`).sort(),
          );
        }
        second.close();
        third.close();
      });
    }
  }
});

describe('a busy channel between a crash and the restart', () => {
  it.each([
    ['after-post', 0],
    ['after-post', 2],
    ['before-post', 1],
  ] as const)(
    'crash at %s of part %i, then 1 200 messages: every part still posted exactly once',
    async (step, part) => {
      const first = boot();
      first.store.recordItems(
        full.items.map((i) => i.id),
        '2026-01-01T00:00:00.000Z',
      );
      subscribe(first.store, 'C-BUSY', '');
      await expect(
        first
          .runner({
            maxBlocks: 6,
            crash: (s, w) => {
              if (s === step && w.part === part)
                throw Object.assign(new Error(`simulated crash at ${s}`), { [CRASH]: true });
            },
          })
          .run(MONDAY_JAN_19),
      ).rejects.toThrow('simulated crash');
      first.close();
      fake.flood('C-BUSY', 1200);
      const second = boot();
      await second.runner({ maxBlocks: 6 }).run(MONDAY_JAN_19);
      second.close();
      const parts = digestParts('C-BUSY');
      const total = Number(parts[0]?.split('/')[1]);
      expect(total).toBeGreaterThan(part);
      expect([...parts].sort()).toEqual(
        Array.from({ length: total }, (_, i) => `2026-01-12#${i}/${total}`).sort(),
      );
      // The lookup had to page: more than one history call, the later ones with a cursor.
      const pages = fake.callsTo('conversations.history');
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.some((c) => typeof c.args.cursor === 'string')).toBe(true);
    },
  );
});

describe('a state fault during a run', () => {
  it('is reported with the state file and the fix', async () => {
    const w = boot();
    const runner = w.runner();
    w.close();
    await expect(runner.run(MONDAY_JAN_19)).rejects.toThrow(
      new RegExp(`^state database ${dbPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be used`),
    );
  });
});

describe('the distributed app: each team posted with its own token', () => {
  it("posts a team's digest with its installation's client; a team without one is paused", async () => {
    const db = openState(dbPath);
    const store = new DigestStore(db);
    store.recordItems(
      full.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    for (const [channelId, teamId] of [
      ['C-RED', 'TRED'],
      ['C-BLUE', 'TBLUE'],
      ['C-GONE', 'TGONE'],
    ] as const)
      store.upsertSubscription({
        workspace: `team:${teamId}`,
        channelId,
        teamId,
        filters: '',
        lang: 'en',
        now: '2026-01-10T00:00:00.000Z',
      });
    const tokens: Record<string, string> = { 'team:TRED': 'xoxb-red-token', 'team:TBLUE': 'xoxb-blue-token' };
    const runner = new DigestRunner({
      store,
      index: () => full,
      client: new WebClient('xoxb-never-used', { slackApiUrl: fake.apiUrl }) as never,
      clientFor: async (workspace) => {
        const token = tokens[workspace];
        return token
          ? (new WebClient(token, { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR }) as never)
          : undefined;
      },
      clock: () => MONDAY_JAN_19,
      timeZone: 'Asia/Tokyo',
      postEmpty: false,
      logger: createLogger('info', (l) => logs.push(l)),
    });
    const report = await runner.run(MONDAY_JAN_19);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.filter((c) => c.args.channel === 'C-RED').map((c) => c.token)).toEqual(['xoxb-red-token']);
    expect(posts.filter((c) => c.args.channel === 'C-BLUE').map((c) => c.token)).toEqual(['xoxb-blue-token']);
    expect(posts.some((c) => c.token === 'xoxb-never-used')).toBe(false);
    expect(report.paused).toEqual({ 'team:TGONE/C-GONE': 'not_installed' });
    expect(store.subscription('team:TGONE', 'C-GONE')?.paused_reason).toBe('not_installed');
    db.close();
  });
});

describe('schedule', () => {
  it('runs at Monday 09:00 JST, which is Sunday 24:00 UTC, and reports on the week before in Japan', async () => {
    expect(previousWeek(MONDAY_JAN_19, 'Asia/Tokyo')).toEqual({ from: '2026-01-12', to: '2026-01-18' });
    // The same instant is still Sunday in Los Angeles: its previous week is a week earlier.
    expect(previousWeek(MONDAY_JAN_19, 'America/Los_Angeles')).toEqual({
      from: '2026-01-05',
      to: '2026-01-11',
    });
    const w = boot();
    expect(
      (await missedRun('0 9 * * 1', 'Asia/Tokyo', new Date('2026-01-18T23:59:00Z'), w.store))?.toISOString(),
    ).toBe('2026-01-12T00:00:00.000Z');
    expect(
      (await missedRun('0 9 * * 1', 'Asia/Tokyo', new Date('2026-01-19T00:00:01Z'), w.store))?.toISOString(),
    ).toBe('2026-01-19T00:00:00.000Z');
    w.close();
  });

  it('posts the missed digest once at start, only the latest missed week', async () => {
    const w = boot();
    w.store.recordItems(
      full.items.map((i) => i.id),
      '2025-12-01T00:00:00.000Z',
    );
    subscribe(w.store, 'C-ALL', '', '2026-01-01T00:00:00.000Z');
    const wednesday = new Date('2026-01-28T02:00:00Z'); // down on Jan 19 and Jan 26
    const start = async () => {
      const job = await startScheduler({
        runner: w.runner({ at: wednesday }),
        store: w.store,
        cron: '0 9 * * 1',
        timeZone: 'Asia/Tokyo',
        clock: () => wednesday,
        logger: createLogger('info', (l) => logs.push(l)),
      });
      job.stop();
    };
    await start();
    await start(); // a second restart posts nothing more
    expect(digestParts('C-ALL')).toEqual(['2026-01-19#0/1']);
    w.close();
  });
});

describe('Slack errors are per subscription', () => {
  it('pauses channels the bot cannot post to, retries rate limits, and keeps going for the others', async () => {
    const w = boot();
    w.store.recordItems(
      full.items.map((i) => i.id),
      '2026-01-01T00:00:00.000Z',
    );
    for (const c of ['C1-OUT', 'C2-GONE', 'C3-ARCHIVED', 'C4-LIMITED', 'C5-OK']) subscribe(w.store, c, '');
    // Subscriptions are visited in order; queue one failure for each of the first four.
    fake.failNext(
      'chat.postMessage',
      { error: 'not_in_channel' },
      { error: 'channel_not_found' },
      { error: 'is_archived' },
      { status: 429, retryAfter: 1 },
    );
    const report = await w.runner().run(MONDAY_JAN_19);
    expect(report.paused).toEqual({
      'C1-OUT': 'not_in_channel',
      'C2-GONE': 'channel_not_found',
      'C3-ARCHIVED': 'is_archived',
    });
    expect(digestParts('C4-LIMITED')).toEqual(['2026-01-12#0/1']);
    expect(digestParts('C5-OK')).toEqual(['2026-01-12#0/1']);
    const service = digestCommands({
      store: w.store,
      index: () => full,
      clock: () => MONDAY_JAN_19,
      today: () => '2026-01-19',
      cron: '0 9 * * 1',
      timeZone: 'Asia/Tokyo',
    });
    expect((await service.subscriptions('', 'C1-OUT', 'en')).text).toContain('Paused: `not_in_channel`');
    // Subscribing again resumes; the next run delivers that channel's week.
    expect(
      (
        await service.subscribe({
          workspace: '',
          channelId: 'C1-OUT',
          filters: '',
          actor: { userId: 'U1', admin: true },
        })
      ).text,
    ).toContain('Subscription resumed');
    await w.runner({ at: MONDAY_JAN_26 }).run(MONDAY_JAN_26);
    expect(digestParts('C1-OUT')).toEqual(['2026-01-19#0/1']);
    w.close();
  }, 20_000);
});
