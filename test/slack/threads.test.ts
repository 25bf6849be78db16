import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/query/ask.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { send } from '../support/fake-slack.js';
import {
  clickButton,
  conversationCalls,
  exportOption,
  type Harness,
  itemIds,
  postAfter,
  postsAfter,
  realIndex,
  selectOption,
  startHarness,
  texts,
} from './harness.js';

/**
 * Issue 21 in a thread, on the real app: what is addressed to the bot is answered and chatter is
 * not (8); a month without a year survives the thread (1); `cite N` cites the item numbered N
 * however many pages were shown since (2); and the README's Slack examples in their order.
 */

const TODAY = '2026-11-23';
let h: Harness;
let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
  h = await startHarness({ clock: () => new Date('2026-11-23T03:00:00Z') });
});
afterAll(async () => {
  await h.stop();
});

let ts = 1_764_000_000;
const nextTs = () => {
  ts += 1;
  return `${ts}.000200`;
};

const mention = (channel: string, text: string, thread?: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@UBOT> ${text}`,
  ts: nextTs(),
  channel,
  ...(thread ? { thread_ts: thread } : {}),
});

const reply = (channel: string, thread: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel,
  channel_type: 'channel',
  user: 'U2',
  text,
  ts: nextTs(),
  thread_ts: thread,
  ...extra,
});

/** A thread the bot has answered in, about the EU in December (a month without a year). */
async function botThread(channel: string): Promise<string> {
  const root = nextTs();
  await postAfter(h, { ...mention(channel, 'what did the EU do in December?'), ts: root });
  return root;
}

describe('in its threads the bot answers what is addressed to it, and leaves people’s chatter alone (8)', () => {
  // Real thread chatter, both languages: none of it is for the bot.
  const chatter = [
    'sounds good, I’ll read the EU one later',
    "sounds good, I'll read the EU one later",
    '<@U0ALICE> can you look at this tomorrow?',
    '<@U0ALICE> EU?',
    '<!here> the EU item is worth a read',
    'thanks all',
    'thanks, will share with the team',
    'ok will check tomorrow',
    'great, thx',
    'thanks, nice one this week',
    'I’ll forward the Korea one to legal',
    'we should discuss this at the meeting',
    'lol',
    ':eyes:',
    '了解です、EUのやつは後で読みます',
    'ありがとうございます！助かります',
    '明日の会議で共有しますね',
    '<@U0TANAKA> 確認お願いします',
    'なるほど、あとで見ておきます',
    'お疲れさまです',
  ];
  it.each(chatter)('silent on “%s”', async (text) => {
    const root = await botThread('CCHAT');
    expect(await postsAfter(h, reply('CCHAT', root, text))).toEqual([]);
  });

  it('silent on chatter also sent to the channel', async () => {
    const root = await botThread('CCHAT');
    expect(await postsAfter(h, reply('CCHAT', root, 'thanks all', { subtype: 'thread_broadcast' }))).toEqual(
      [],
    );
  });

  it('silent where nothing of the reply matched at all, even when it is a question', async () => {
    const root = await botThread('CCHAT');
    expect(await postsAfter(h, reply('CCHAT', root, 'is anyone free at three?'))).toEqual([]);
  });

  // Questions and follow-up forms are the bot's, in both languages.
  const addressed = [
    ['what about Korea?', /South Korea/],
    ['and in January 2026?', /January 2026/],
    ['韓国は？', /韓国/],
    ['じゃあ米国は?', /米国/],
    ['more', /showing 6–|That was everything/],
    ['cite 1', /```/],
    ['Korea', /South Korea/],
    ['thanks! what about Korea?', /South Korea/],
  ] as const;
  it.each(addressed)('answers “%s”', async (text, expected) => {
    const root = await botThread('CASK');
    const post = await postAfter(h, reply('CASK', root, text));
    expect(post.args.thread_ts).toBe(root);
    expect(`${texts(post.args.blocks).join('\n')}\n${String(post.args.text)}`).toMatch(expected);
  });

  it('a mention or a DM that matches nothing still gets the honest “nothing”', async () => {
    const m = await postAfter(h, mention('CASK', 'is anyone free at three?'));
    expect(String(m.args.text)).toMatch(/0 results/);
    const dm = await postAfter(h, {
      type: 'message',
      channel: 'DNOTHING',
      channel_type: 'im',
      user: 'U5',
      text: 'blorptastic frobnication',
      ts: nextTs(),
    });
    expect(texts(dm.args.blocks).join('\n')).toMatch(/Nothing about “blorptastic”/);
  });
});

describe('a thread reply reads its thread once', () => {
  it('the state that lets the reply in (the bot is part of the thread) is the state it is answered with', async () => {
    const root = await botThread('CONCE');
    const reads = await conversationCalls(h, 'thread', async () => {
      const follow = await postAfter(h, reply('CONCE', root, 'what about Korea?'));
      expect(texts(follow.args.blocks)[0]).toContain('(from your earlier question)');
    });
    expect(reads.filter((args) => args[2] === root)).toHaveLength(1);
  });
});

describe('a follow-up keeps a month given without a year, and says so (1)', () => {
  it('“what about Korea?” after “what did the EU do in December?” is Korea in December 2025', async () => {
    const root = await botThread('CPERIOD');
    const follow = await postAfter(h, reply('CPERIOD', root, 'what about Korea?'));
    const echo = texts(follow.args.blocks)[0] ?? '';
    expect(echo).toContain('🇰🇷 South Korea · December 2025 (from your earlier question)');
    // The same items as the whole question asked at once.
    const whole = ask(index, 'Korea December 2025', { today: TODAY, limit: 5 });
    expect(whole.total).toBeGreaterThan(0);
    expect(itemIds(follow.args.blocks)).toEqual(whole.results.map((r) => r.id));
    // And it keeps it for the next follow-up too.
    const us = await postAfter(h, reply('CPERIOD', root, 'and the US?'));
    expect(texts(us.args.blocks)[0]).toContain('December 2025 (from your earlier question)');
  });
});

describe('cite N cites the item numbered N, on whichever page it was shown (2)', () => {
  it('`cite 1` after `more` is item 1, not the first item of the second page', async () => {
    const root = nextTs();
    const first = await postAfter(h, { ...mention('CCITE', 'US'), ts: root });
    const page1 = itemIds(first.args.blocks);
    expect(page1).toHaveLength(5);
    const more = await postAfter(h, reply('CCITE', root, 'more'));
    const page2 = itemIds(more.args.blocks);
    expect(page2.length).toBeGreaterThan(0);
    expect(texts(more.args.blocks)[0]).toMatch(/showing 6–/);
    // Items are numbered across pages: the second page starts at 6.
    expect(texts(more.args.blocks).join('\n')).toMatch(/\|6\. /);
    const cite1 = await postAfter(h, reply('CCITE', root, 'cite 1'));
    const cited1 = texts(cite1.args.blocks).join('\n');
    expect(cited1).toContain(page1[0]);
    expect(cited1).not.toContain(page2[0]);
    const cite6 = await postAfter(h, reply('CCITE', root, 'cite 6'));
    expect(texts(cite6.args.blocks).join('\n')).toContain(page2[0]);
    const none = await postAfter(h, reply('CCITE', root, 'cite 99'));
    expect(String(none.args.text)).toMatch(/no item 99.*numbered 1–\d+/);
  });

  it('an answer that only offers suggestions numbers them, and `cite 2` cites the second suggestion', async () => {
    const q = 'red teaming penguins submarines';
    const expected = ask(index, q, { today: TODAY, limit: 5 });
    expect(expected.results).toEqual([]);
    expect(expected.suggestions?.length).toBeGreaterThan(1);
    const root = nextTs();
    const first = await postAfter(h, { ...mention('CSUGG', q), ts: root });
    expect(itemIds(first.args.blocks)).toEqual(expected.suggestions?.map((s) => s.id));
    const cite2 = await postAfter(h, reply('CSUGG', root, 'cite 2'));
    expect(texts(cite2.args.blocks).join('\n')).toContain(expected.suggestions?.[1]?.id);
  });
});

describe('the README’s Slack examples, in order', () => {
  it('mention, follow-up, `more`, `cite 2`, Share, Export give what the README says', async () => {
    const channel = 'CREADME';
    const root = nextTs();
    // @policy-bot <question>: answered in the thread.
    const first = await postAfter(h, { ...mention(channel, 'what did the US do in December?'), ts: root });
    expect(first.args.thread_ts).toBe(root);
    expect(texts(first.args.blocks)[0]).toContain('🇺🇸 US · December 2025');
    // A follow-up without a mention inherits, and says so.
    const follow = await postAfter(h, reply(channel, root, 'what about Korea?'));
    expect(texts(follow.args.blocks)[0]).toContain(
      'Understood: 🇰🇷 South Korea · December 2025 (from your earlier question)',
    );
    // `more` pages (or says it has shown everything); `cite 2` cites item 2 as numbered.
    const us = await postAfter(h, reply(channel, root, 'US'));
    const shown = itemIds(us.args.blocks);
    const more = await postAfter(h, reply(channel, root, 'more'));
    expect(`${String(more.args.text)}`).toMatch(/showing 6–|That was everything/);
    const cite2 = await postAfter(h, reply(channel, root, 'cite 2'));
    expect(texts(cite2.args.blocks).join('\n')).toContain(shown[1]);
    expect(texts(cite2.args.blocks).join('\n')).toMatch(/Ready to paste:\n```AISI, "/);
    // Share: from a private answer, a compact message in the channel with the details in its thread.
    await send(
      h.port,
      new URLSearchParams({
        token: 'x',
        team_id: 'T0001',
        channel_id: channel,
        user_id: 'U1',
        command: '/policy',
        text: 'SB53',
        response_url: h.fake.responseUrl('readme-ask'),
        trigger_id: '1.2.3',
        api_app_id: 'A123456',
      }).toString(),
      'form',
    );
    const own = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'readme-ask'));
    const share = (own.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'share_answer');
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      clickButton(
        'share_answer',
        share?.value,
        h.fake.responseUrl('readme-share'),
        { message_ts: '5.5', channel_id: channel, is_ephemeral: true },
        'U1',
      ),
      'form',
    );
    const details = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[1]);
    const summary = h.fake.callsTo('chat.postMessage').slice(before)[0];
    expect(texts(summary?.args.blocks).join('\n')).toContain('Shared by <@U1>');
    expect(details.args.thread_ts).toBeDefined();
    // Export: every result as a file in the clicker's DM.
    const option = exportOption(details.args.blocks, 'csv');
    expect(option).toBeDefined();
    await send(
      h.port,
      selectOption('answer_menu', option, h.fake.responseUrl('readme-export'), {
        channel_id: channel,
        message_ts: '6.6',
        is_ephemeral: false,
      }),
      'form',
    );
    const note = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'readme-export'));
    expect(String(note.body.text)).toMatch(/Exported \d+ results? as .+\.csv/);
  });
});
