import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDigestThread } from '../../src/conversation/digest-thread.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { SqliteDigestStore as DigestStore } from '../../src/store/sqlite/digest.js';
import { createLogger } from '../../src/util/logger.js';
import { DigestRunner } from '../../src/weekly/runner.js';
import { digestCommands } from '../../src/weekly/service.js';
import { digestClient } from '../../src/wiring.js';
import { monthList } from '../support/corpus-facts.js';
import { send, slashCommand } from '../support/fake-slack.js';
import {
  clickButton,
  type Harness,
  itemIds,
  postAfter,
  postsAfter,
  realIndex,
  startHarness,
  texts,
} from './harness.js';

/**
 * Issue 21 (7) and issue 19 finding 4 on the real app: weekly digests in sections by weight, with
 * Cite on every item and their threads linked for follow-ups; honest subscribe confirmations;
 * dates every reader sees in their zone; channel-wide changes not taken from threads; and who may
 * change a channel's subscription, logged.
 */

const MONDAY_JAN_19 = new Date('2026-01-19T00:00:00Z'); // 09:00 in Tokyo
const MONDAY_JAN_26 = new Date('2026-01-26T00:00:00Z');
/** The workspace the harness's requests come from (team T0001): every row they write is keyed by it. */
const WS = 'team:T0001';
let h: Harness;
let index: SearchIndex;
let store: DigestStore;
let now = new Date('2026-01-14T03:00:00Z');

beforeAll(async () => {
  index = await realIndex();
  h = await startHarness({ clock: () => now, admins: ['UBOTADMIN'] });
  store = new DigestStore(h.db);
  h.deps.digest = digestCommands({
    store,
    index: () => index,
    clock: () => now,
    today: () => now.toISOString().slice(0, 10),
    cron: '0 9 * * 1',
    timeZone: 'Asia/Tokyo',
  });
  store.recordItems(
    index.items.map((i) => i.id),
    '2026-01-01T00:00:00.000Z',
  );
});
afterAll(async () => {
  await h.stop();
});

const response = (id: string) => h.fake.waitFor(() => h.fake.responses.find((r) => r.id === id));
async function slash(text: string, id: string, extra: Record<string, string> = {}) {
  const res = await send(h.port, slashCommand(text, h.fake.responseUrl(id), extra), 'form');
  // A refusal by the membership check is the ack itself; everything else comes by response_url.
  const ack = await res.text();
  if (ack) return JSON.parse(ack) as Record<string, unknown>;
  return (await response(id)).body;
}

function runner(at: Date) {
  const client = new WebClient('xoxb-test', {
    slackApiUrl: h.fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  return new DigestRunner({
    store,
    index: () => index,
    client: digestClient(client),
    clock: () => at,
    timeZone: 'Asia/Tokyo',
    postEmpty: false,
    logger: createLogger('error', () => {}),
    onPosted: (posted) => linkDigestThread(h.deps.state, posted, at.toISOString().slice(0, 10), at),
  });
}

let ts = 1_768_000_000;
const nextTs = () => {
  ts += 1;
  return `${ts}.000300`;
};

const digestsIn = (channel: string) =>
  (h.fake.channels.get(channel) ?? []).filter((m) => m.metadata?.event_type === 'policy_digest');

describe('weekly digests (7)', () => {
  it('sections by weight, Cite on every item, the items in the text, and its thread linked for follow-ups', async () => {
    await slash('subscribe', 'dig-all', { channel_id: 'CDIGALL', user_id: 'U1' });
    await runner(MONDAY_JAN_19).run(MONDAY_JAN_19);
    const [digest] = digestsIn('CDIGALL');
    expect(digest).toBeDefined();
    const blocks = digest?.blocks ?? [];
    const all = texts(blocks).join('\n');
    // Overseas policy before Japan before AISI's own activities (a US executive order above staff talks).
    const at = (heading: string) => all.indexOf(`*${heading}*`);
    expect(at('Overseas policy')).toBeGreaterThan(-1);
    expect(at('AISI activities')).toBeGreaterThan(at('Overseas policy'));
    // Japan, when that week has a Japan section, between the two.
    if (at('Japan') >= 0) {
      expect(at('Japan')).toBeGreaterThan(at('Overseas policy'));
      expect(at('Japan')).toBeLessThan(at('AISI activities'));
    }
    // Every item has the item menu (Cite), numbered across the digest.
    const ids = itemIds(blocks);
    expect(ids.length).toBeGreaterThan(2);
    expect(all).toMatch(/\|1\. /);
    // The top-level text lists the items, not only the title.
    // (An English subscription: the English title when the item has one, issue 20.)
    ids.forEach((id, n) => {
      const it = index.byId.get(id);
      expect(digest?.text).toContain(`${n + 1}. ${(it?.en?.title ?? it?.title)?.slice(0, 20)}`);
    });
    // The stored items' English reaches the digest: the English title heads each item, the
    // Japanese title beneath it, the English summary as its line.
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const id of ids) {
      const it = index.byId.get(id);
      if (!it?.en) continue;
      expect(all).toContain(`${esc(it.en.title).slice(0, 30)}`);
      expect(all).toContain(`_${esc(it.title)}_`);
      expect(all).toContain(esc(it.en.summary).slice(0, 30));
    }
    expect(ids.some((id) => index.byId.get(id)?.en)).toBe(true);
    // A reply in the digest's thread is a follow-up: `cite 2` cites the item numbered 2.
    const cited = await postAfter(h, {
      type: 'message',
      channel: 'CDIGALL',
      channel_type: 'channel',
      user: 'U7',
      text: 'cite 2',
      ts: nextTs(),
      thread_ts: digest?.ts,
    });
    expect(cited.args.thread_ts).toBe(digest?.ts);
    expect(texts(cited.args.blocks).join('\n')).toContain(ids[1]);
    // Chatter in the digest's thread is left alone.
    expect(
      await postsAfter(h, {
        type: 'message',
        channel: 'CDIGALL',
        channel_type: 'channel',
        user: 'U7',
        text: 'thanks, useful one this week',
        ts: nextTs(),
        thread_ts: digest?.ts,
      }),
    ).toHaveLength(0);
  });

  it('the subscription’s own places come first; a subscription may set its own section order', async () => {
    await slash('subscribe Korea', 'dig-kr', { channel_id: 'CDIGKR', user_id: 'U1' });
    await slash('subscribe order:aisi,japan,overseas', 'dig-order', { channel_id: 'CDIGORD', user_id: 'U1' });
    await runner(MONDAY_JAN_26).run(MONDAY_JAN_26);
    const kr = texts(digestsIn('CDIGKR')[0]?.blocks).join('\n');
    expect(kr.indexOf('*Your filters: 🇰🇷 South Korea*')).toBeGreaterThan(-1);
    expect(kr).toContain('韓国、AI基本法を施行');
    const ordered = texts(digestsIn('CDIGORD')[0]?.blocks).join('\n');
    const at = (heading: string) => ordered.indexOf(`*${heading}*`);
    // The sections that week has, in the subscription's order (AISI, Japan, overseas): at least two.
    const present = ['AISI activities', 'Japan', 'Overseas policy'].map(at).filter((i) => i >= 0);
    expect(at('AISI activities')).toBeGreaterThan(-1);
    expect(present.length).toBeGreaterThanOrEqual(2);
    expect(present).toEqual([...present].sort((a, b) => a - b));
    const subs = await slash('subscriptions', 'dig-order-subs', { channel_id: 'CDIGORD' });
    expect(texts(subs.blocks).join('\n')).toContain('Sections: AISI activities → Japan → Overseas policy');
  });

  it('subscribing when nothing new will come says so, instead of promising the next run', async () => {
    const saved = now;
    now = new Date('2026-11-23T03:00:00Z');
    try {
      const body = await slash('subscribe', 'dig-quiet', { channel_id: 'CDIGQUIET', user_id: 'U1' });
      const all = texts(body.blocks).join('\n');
      // The month of the newest dated event of the corpus (January 2026 today; a month added later moves it).
      const latest = index.items
        .filter((i) => i.kind === 'event' && i.date)
        .reduce((max, i) => ((i.date?.end ?? '') > max ? (i.date?.end ?? '') : max), '');
      const month = monthList('en', [latest.slice(0, 7)]);
      expect(all).toContain(
        `No new items since ${month}; the next digest will come when a new month is added.`,
      );
      expect(all).not.toContain('Next run');
      const subs = await slash('subscriptions', 'dig-quiet-subs', { channel_id: 'CDIGQUIET' });
      expect(texts(subs.blocks).join('\n')).toContain(`No new items since ${month}`);
    } finally {
      now = saved;
    }
  });

  it('`subscriptions` shows dates as Slack date tokens (each reader’s zone) and who set it up', async () => {
    const body = await slash('subscriptions', 'dig-subs', { channel_id: 'CDIGALL' });
    const all = texts(body.blocks).join('\n');
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(all).toMatch(
      /Set up by <@U1> on <!date\^\d+\^\{date_short_pretty\} \{time\}\|\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Tokyo\)>/,
    );
    expect(all).toMatch(/Last digest: week of 2026-01-\d\d \(<!date\^\d+\^/);
  });
});

describe('channel-wide changes are not taken from a thread (7, issue 19 finding 4)', () => {
  it('a subscribe in a thread asks for confirmation; the click subscribes the channel', async () => {
    const root = nextTs();
    await postAfter(h, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> Korea',
      ts: root,
      channel: 'CTHREAD',
    });
    const asked = await postAfter(h, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> subscribe Korea',
      ts: nextTs(),
      thread_ts: root,
      channel: 'CTHREAD',
    });
    expect(String(asked.args.text)).toContain('/policy subscribe Korea');
    expect(store.subscription(WS, 'CTHREAD')).toBeUndefined();
    const confirm = (
      asked.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
    )
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'confirm_channel_change');
    expect(confirm).toBeDefined();
    await send(
      h.port,
      clickButton(
        'confirm_channel_change',
        confirm?.value,
        h.fake.responseUrl('thread-confirm'),
        { message_ts: '9.9', channel_id: 'CTHREAD', thread_ts: root, is_ephemeral: false },
        'U1',
      ),
      'form',
    );
    const done = await response('thread-confirm');
    expect(String(done.body.text)).toContain('Subscribed');
    expect(store.subscription(WS, 'CTHREAD')).toMatchObject({ filters: 'Korea', created_by: 'U1' });
  });

  it('an unmentioned “unsubscribe” in a bot thread does not remove the channel’s subscription', async () => {
    const root = nextTs();
    await postAfter(h, { type: 'app_mention', user: 'U1', text: '<@UBOT> EU', ts: root, channel: 'CTHREAD' });
    const reply = await postAfter(h, {
      type: 'message',
      channel: 'CTHREAD',
      channel_type: 'channel',
      user: 'U1',
      text: 'unsubscribe',
      ts: nextTs(),
      thread_ts: root,
    });
    expect(String(reply.args.text)).toContain('/policy unsubscribe');
    expect(store.subscription(WS, 'CTHREAD')).toBeDefined();
  });
});

describe('who may change a channel’s subscription (issue 19 finding 4)', () => {
  it('the subscriber, workspace admins and POLICY_BOT_ADMINS may; others are told who can; every change is logged', async () => {
    h.fake.users.set('UADMIN', { is_admin: true });
    const channel = { channel_id: 'COWNED' };
    const created = await slash('subscribe Korea', 'own-1', { ...channel, user_id: 'U1' });
    expect(String(created.text)).toContain('Subscribed');
    // Someone else: refused, told who can, nothing changed.
    const replaced = await slash('subscribe EU', 'own-2', { ...channel, user_id: 'U2' });
    expect(replaced.response_type).toBe('ephemeral');
    expect(String(replaced.text)).toContain('Only <@U1> (who set up this channel');
    const removed = await slash('unsubscribe', 'own-3', { ...channel, user_id: 'U2' });
    expect(String(removed.text)).toContain('Only <@U1>');
    expect(store.subscription(WS, 'COWNED')).toMatchObject({ filters: 'Korea', created_by: 'U1' });
    // A workspace admin (users.info) may replace it.
    const byAdmin = await slash('subscribe Korea EU', 'own-4', { ...channel, user_id: 'UADMIN' });
    expect(String(byAdmin.text)).toContain('Subscription updated');
    expect(h.fake.callsTo('users.info').some((c) => c.args.user === 'UADMIN')).toBe(true);
    // `subscriptions` shows who set it up and who changed it.
    const subs = await slash('subscriptions', 'own-5', { ...channel, user_id: 'U2' });
    expect(texts(subs.blocks).join('\n')).toMatch(
      /Set up by <@U1> on <!date.*last changed by <@UADMIN> on <!date/,
    );
    // The subscriber themself may change it; a bot admin (POLICY_BOT_ADMINS) may remove it.
    expect(String((await slash('subscribe Korea', 'own-6', { ...channel, user_id: 'U1' })).text)).toContain(
      'Subscription updated',
    );
    expect(
      String((await slash('unsubscribe', 'own-7', { ...channel, user_id: 'UBOTADMIN' })).text),
    ).toContain('Unsubscribed');
    expect(store.subscription(WS, 'COWNED')).toBeUndefined();
    // Who, when, old → new: every change and every refused attempt.
    expect(
      store.changes(WS, 'COWNED').map((c) => [c.user_id, c.action, c.old_filters, c.new_filters]),
    ).toEqual([
      ['U1', 'created', null, 'Korea'],
      ['U2', 'refused', 'Korea', 'EU'],
      ['U2', 'refused', 'Korea', null],
      ['UADMIN', 'updated', 'Korea', 'Korea EU'],
      ['U1', 'updated', 'Korea EU', 'Korea'],
      ['UBOTADMIN', 'deleted', 'Korea', null],
    ]);
    for (const c of store.changes(WS, 'COWNED')) expect(c.changed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
