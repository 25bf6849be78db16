import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ask } from '../../src/query/ask.js';
import { todayIn } from '../../src/query/dates.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { SqliteDigestStore as DigestStore } from '../../src/store/sqlite/digest.js';
import { digestCommands } from '../../src/weekly/service.js';
import { type Db, openState } from '../../src/weekly/state.js';
import { memoryIo } from '../helpers.js';
import { interaction, send, slashCommand } from '../support/fake-slack.js';
import {
  clickButton,
  conversationCalls,
  type Harness,
  itemIds,
  postAfter,
  postsAfter,
  realIndex,
  startHarness,
  texts,
} from './harness.js';

const TODAY = '2026-11-23';
let h: Harness;
let db: Db;
let statePath: string;
let index: SearchIndex;
let now = new Date('2026-11-23T03:00:00Z');

beforeAll(async () => {
  index = await realIndex();
  statePath = join(mkdtempSync(join(tmpdir(), 'policy-bot-conv-')), 'state.sqlite');
  db = openState(statePath);
  h = await startHarness({
    db,
    clock: () => now,
    dayOf: (at) => todayIn('Asia/Tokyo', at),
    threadTtlMs: 60 * 60 * 1000,
  });
  h.deps.digest = digestCommands({
    store: new DigestStore(db),
    index: () => index,
    clock: () => now,
    today: () => TODAY,
    cron: '0 9 * * 1',
    timeZone: 'Asia/Tokyo',
  });
});
afterAll(async () => {
  await h.stop();
  db.close();
});

type Blocks = { type: string; elements?: Record<string, unknown>[]; accessory?: { value?: string } }[];
let tsCounter = 1_763_000_000;
const nextTs = () => {
  tsCounter += 1;
  return `${tsCounter}.000100`;
};

/** Sends an event and checks that the bot, once done with it, posted nothing. */
async function silentAfter(event: Record<string, unknown>) {
  expect(await postsAfter(h, event)).toHaveLength(0);
}

const threadReply = (channel: string, thread: string, text: string) => ({
  type: 'message',
  channel,
  channel_type: 'channel',
  user: 'U2',
  text,
  ts: nextTs(),
  thread_ts: thread,
});

const citeIds = itemIds;

/** A click by U3, who did not ask (a colleague in the channel). */
const clickAs3 = (
  actionId: string,
  value: string | undefined,
  responseUrl: string,
  container: Record<string, unknown>,
) => clickButton(actionId, value, responseUrl, container, 'U3');

describe('threads are conversations', () => {
  const channel = 'CCONV1';
  const root = nextTs();
  let firstAnswer: { ts: string; blocks: unknown };

  it('a reply in the bot’s thread, without a mention, is answered there and inherits the period', async () => {
    const first = await postAfter(h, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> what did the US do in December 2025',
      ts: root,
      channel,
    });
    expect(first.args.thread_ts).toBe(root);
    firstAnswer = { ts: String(h.fake.channels.get(channel)?.at(-1)?.ts), blocks: first.args.blocks };
    const follow = await postAfter(h, threadReply(channel, root, 'what about Korea?'));
    expect(follow.args.channel).toBe(channel);
    expect(follow.args.thread_ts).toBe(root);
    const echo = texts(follow.args.blocks)[0] ?? '';
    expect(echo).toContain('🇰🇷 South Korea · December 2025 (from your earlier question)');
    // The same items as asking the whole question at once.
    const whole = ask(index, 'Korea December 2025', { today: TODAY, limit: 5 });
    expect(whole.total).toBeGreaterThan(0);
    expect(citeIds(follow.args.blocks)).toEqual(whole.results.map((r) => r.id));
  });

  it('"and in January?" keeps the country; "more" pages; "cite 2" cites the second item shown', async () => {
    const jan = await postAfter(h, threadReply(channel, root, 'and in January 2026?'));
    const echo = texts(jan.args.blocks)[0] ?? '';
    expect(echo).toContain('🇰🇷 South Korea (from your earlier question) · January 2026');
    const shown = citeIds(jan.args.blocks);
    expect(shown.length).toBeGreaterThan(0);
    const cite = await postAfter(h, threadReply(channel, root, `cite ${Math.min(2, shown.length)}`));
    expect(texts(cite.args.blocks).join('\n')).toContain(shown[Math.min(2, shown.length) - 1]);
    const us = await postAfter(h, threadReply(channel, root, 'US'));
    const total = ask(index, 'US January 2026', { today: TODAY }).total;
    // More than a page (a question chosen for it): "more" pages on.
    expect(total).toBeGreaterThan(5);
    const more = await postAfter(h, threadReply(channel, root, 'more'));
    expect(texts(more.args.blocks)[0]).toMatch(/showing 6–\d+ of \d+/);
    expect(citeIds(more.args.blocks)).not.toEqual(citeIds(us.args.blocks));
  });

  it('ignores channel messages outside the bot’s threads, and replies that mention it (app_mention answers those)', async () => {
    await silentAfter({
      type: 'message',
      channel,
      channel_type: 'channel',
      user: 'U2',
      text: 'Korea',
      ts: nextTs(),
    });
    await silentAfter(threadReply(channel, nextTs(), 'Korea'));
    await silentAfter(threadReply(channel, root, '<@UBOT> Korea'));
    await silentAfter({ ...threadReply(channel, root, 'Korea'), bot_id: 'B999' });
    await silentAfter(threadReply(channel, root, 'thanks!'));
  });

  it('a thread the bot answered with a citation is a conversation too', async () => {
    const start = nextTs();
    const cited = await postAfter(h, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> cite SB53',
      ts: start,
      channel,
    });
    expect(cited.args.thread_ts).toBe(start);
    const follow = await postAfter(h, threadReply(channel, start, 'Korea'));
    expect(follow.args.thread_ts).toBe(start);
    expect(texts(follow.args.blocks)[0]).toContain('🇰🇷 South Korea');
  });

  it('forgets a thread after the time limit', async () => {
    const saved = now;
    now = new Date(saved.getTime() + 2 * 60 * 60 * 1000);
    try {
      await silentAfter(threadReply(channel, root, 'what about Japan?'));
    } finally {
      now = saved;
    }
  });

  it('Show more on a public answer leaves it unchanged and posts the next page in its thread', async () => {
    const more = (firstAnswer.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'show_more');
    expect(more, 'the US question has more than one page').toBeDefined();
    expect(JSON.stringify(firstAnswer.blocks)).not.toContain('share_answer');
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      clickAs3('show_more', more?.value as string, h.fake.responseUrl('pub-more'), {
        channel_id: channel,
        message_ts: firstAnswer.ts,
        thread_ts: root,
        is_ephemeral: false,
      }),
      'form',
    );
    const page = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    expect(page.args.thread_ts).toBe(root);
    expect(texts(page.args.blocks)[0]).toMatch(/showing 6–\d+ of \d+/);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses.filter((r) => r.id === 'pub-more')).toHaveLength(0);
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('Show more where the bot cannot post in the thread shows the same page, stored once, to the clicker', async () => {
    const more = (firstAnswer.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'show_more');
    const stored = () => (db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n;
    const before = stored();
    h.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await send(
      h.port,
      clickAs3('show_more', more?.value as string, h.fake.responseUrl('pub-more-private'), {
        channel_id: channel,
        message_ts: firstAnswer.ts,
        thread_ts: root,
        is_ephemeral: false,
      }),
      'form',
    );
    const own = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'pub-more-private'));
    expect(own.body.response_type).toBe('ephemeral');
    expect(texts(own.body.blocks)[0]).toMatch(/showing 6–\d+ of \d+/);
    // Privately, the page pages in place (Previous), under the one answer stored for it.
    const previous = (own.body.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'page_previous');
    expect(previous).toBeDefined();
    expect(stored()).toBe(before + 1);
  });

  it('Share on a message everyone already sees neither posts it again nor deletes it', async () => {
    await send(h.port, slashCommand('SB53', h.fake.responseUrl('sh')), 'form');
    const own = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'sh'));
    const share = (own.body.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'share_answer');
    const before = h.fake.callsTo('chat.postMessage').length;
    const container = { channel_id: channel, message_ts: firstAnswer.ts, is_ephemeral: false };
    await send(
      h.port,
      clickAs3('share_answer', share?.value as string, h.fake.responseUrl('sh-pub'), container),
      'form',
    );
    const told = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'sh-pub'));
    expect(told.body.response_type).toBe('ephemeral');
    expect(told.body.delete_original).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.callsTo('chat.postMessage').slice(before)).toHaveLength(0);
    expect(h.fake.responses.filter((r) => r.id === 'sh-pub')).toHaveLength(1);
  });

  it('a private answer pages in place with Previous', async () => {
    await send(h.port, slashCommand('US', h.fake.responseUrl('priv')), 'form');
    const first = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'priv'));
    const next = (first.body.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'show_more');
    const container = { channel_id: 'C2147483705', message_ts: '1.1', is_ephemeral: true };
    await send(
      h.port,
      clickAs3('show_more', next?.value as string, h.fake.responseUrl('priv-2'), container),
      'form',
    );
    const page2 = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'priv-2'));
    expect(page2.body.replace_original).toBe(true);
    const prev = (page2.body.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'page_previous');
    await send(
      h.port,
      clickAs3('page_previous', prev?.value as string, h.fake.responseUrl('priv-1'), container),
      'form',
    );
    const back = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'priv-1'));
    expect(citeIds(back.body.blocks)).toEqual(citeIds(first.body.blocks));
  });
});

describe('a shared answer starts a conversation', () => {
  it('a reply in the thread of an answer shared with Share in channel is answered there, inheriting', async () => {
    await send(
      h.port,
      slashCommand('what did the US do in December 2025', h.fake.responseUrl('to-share'), {
        channel_id: 'CSHARE',
      }),
      'form',
    );
    const own = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'to-share'));
    const share = (own.body.blocks as Blocks)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'share_answer');
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      clickAs3('share_answer', share?.value as string, h.fake.responseUrl('shared'), {
        channel_id: 'CSHARE',
        message_ts: '3.3',
        is_ephemeral: true,
      }),
      'form',
    );
    // A compact message in the channel, the full answer in its thread.
    const details = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[1]);
    const summary = h.fake.callsTo('chat.postMessage').slice(before)[0];
    expect(summary?.args.thread_ts).toBeUndefined();
    const sharedTs = String(h.fake.channels.get('CSHARE')?.find((m) => !m.thread_ts)?.ts);
    expect(details.args.thread_ts).toBe(sharedTs);
    expect(itemIds(details.args.blocks).length).toBeGreaterThan(0);
    const follow = await postAfter(h, threadReply('CSHARE', sharedTs, 'what about Korea?'));
    expect(follow.args.thread_ts).toBe(sharedTs);
    expect(texts(follow.args.blocks)[0]).toContain('December 2025 (from your earlier question)');
  });
});

describe('DMs', () => {
  it('a DM follow-up inherits like a thread reply', async () => {
    const dm = (text: string) => ({
      type: 'message',
      channel: 'DCONV',
      channel_type: 'im',
      user: 'U5',
      text,
      ts: nextTs(),
    });
    await postAfter(h, dm('what did the US do in December 2025'));
    const follow = await postAfter(h, dm('what about Korea?'));
    expect(follow.args.thread_ts).toBeUndefined();
    expect(texts(follow.args.blocks)[0]).toContain('December 2025 (from your earlier question)');
  });
});

describe('feedback', () => {
  it('👍/👎 are stored with the question and items shown, acknowledged privately, and listed by `policy-bot feedback --json`', async () => {
    const answer = await postAfter(h, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> SB53',
      ts: nextTs(),
      channel: 'CFEED',
    });
    const fb = (answer.args.blocks as Blocks).find((b) => b.type === 'context_actions')?.elements?.[0] as {
      action_id: string;
      positive_button: { value: string };
      negative_button: { value: string };
    };
    expect(fb.action_id).toBe('answer_feedback');
    const container = { channel_id: 'CFEED', message_ts: '2.2', is_ephemeral: false };
    const reads = await conversationCalls(h, 'answer', async () => {
      await send(
        h.port,
        clickAs3('answer_feedback', fb.positive_button.value, h.fake.responseUrl('up'), container),
        'form',
      );
      await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'up'));
    });
    // The clicked answer is read once: for the reply's language and for the row stored.
    expect(reads).toHaveLength(1);
    const up = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'up'));
    expect(up.body.response_type).toBe('ephemeral');
    expect(up.body.replace_original).toBe(false);
    const opened = h.fake.callsTo('views.open').length;
    await send(
      h.port,
      clickAs3('answer_feedback', fb.negative_button.value, h.fake.responseUrl('down'), container),
      'form',
    );
    await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'down'));
    const modal = await h.fake.waitFor(() => h.fake.callsTo('views.open')[opened]);
    const view = modal.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('feedback_detail');
    await send(
      h.port,
      interaction({
        type: 'view_submission',
        team: { id: 'T0001', domain: 'example' },
        user: { id: 'U3', username: 'carol', team_id: 'T0001' },
        api_app_id: 'A123456',
        trigger_id: '1.2.3',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'feedback_detail',
          private_metadata: view.private_metadata,
          state: {
            values: {
              reason: { reason: { type: 'radio_buttons', selected_option: { value: 'missing_items' } } },
              note: { note: { type: 'plain_text_input', value: 'the AB 2013 item is missing' } },
            },
          },
        },
      }),
      'form',
    );
    await new Promise((r) => setTimeout(r, 200));
    const io = memoryIo('', { POLICY_BOT_STATE_PATH: statePath });
    expect(await main(['feedback', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out()) as {
      verdict: string;
      question: string;
      itemIds: string[];
      reason: string | null;
      note: string | null;
      user: string;
    }[];
    const mine = out.filter((f) => f.question === 'SB53');
    expect(mine.map((f) => f.verdict)).toEqual(['up', 'down']);
    expect(mine[0]?.itemIds).toEqual(citeIds(answer.args.blocks));
    expect(mine[1]).toMatchObject({ reason: 'missing_items', note: 'the AB 2013 item is missing' });
    expect(mine[0]?.user).not.toContain('U3');
    expect(JSON.stringify(mine[0])).toContain('"terms":["SB53"]');
    const later = memoryIo('', { POLICY_BOT_STATE_PATH: statePath });
    expect(await main(['feedback', '--since', '2999-01-01', '--json'], later)).toBe(0);
    expect(JSON.parse(later.out())).toEqual([]);
  });
});

describe('language and dates', () => {
  it('Japanese subcommands get Japanese replies', async () => {
    await send(
      h.port,
      slashCommand('購読状況', h.fake.responseUrl('ja-subs'), { channel_id: 'CJA' }),
      'form',
    );
    const subs = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'ja-subs'));
    expect(String(subs.body.text)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(String(subs.body.text)).not.toMatch(/This channel/);
    await send(
      h.port,
      slashCommand('購読解除', h.fake.responseUrl('ja-unsub'), { channel_id: 'CJA' }),
      'form',
    );
    const unsub = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'ja-unsub'));
    expect(String(unsub.body.text)).toContain('購読していません');
    await send(
      h.port,
      slashCommand('ダイジェスト 2026-01-19', h.fake.responseUrl('ja-digest'), { channel_id: 'CJA' }),
      'form',
    );
    const digest = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'ja-digest'));
    expect(String(digest.body.text)).toContain('AI政策ダイジェスト');
  });

  it('Find source reads "last week" relative to when the message was posted', async () => {
    const posted = Date.parse('2025-12-17T01:00:00Z') / 1000;
    const expected = ask(index, 'Korea last week', { today: '2025-12-17', limit: 1 }).results[0];
    expect(expected).toBeDefined();
    // Read relative to today, the same words would point elsewhere: the test can tell the two apart.
    expect(ask(index, 'Korea last week', { today: TODAY, limit: 1 }).results[0]?.id).not.toBe(expected?.id);
    await send(
      h.port,
      interaction({
        type: 'message_action',
        callback_id: 'find_source',
        trigger_id: '1.2.3',
        response_url: h.fake.responseUrl('fs-week'),
        team: { id: 'T0001', domain: 'example' },
        channel: { id: 'C123', name: 'general' },
        user: { id: 'U123', name: 'alice' },
        message_ts: `${posted}.000100`,
        message: {
          type: 'message',
          user: 'U999',
          ts: `${posted}.000100`,
          text: 'What did Korea do last week?',
        },
      }),
      'form',
    );
    const { body } = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'fs-week'));
    expect(texts(body.blocks).join('\n')).toContain(expected?.id);
  });
});
