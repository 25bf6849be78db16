import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthList } from '../support/corpus-facts.js';
import { buttonClick, eventEnvelope, interaction, send, sign, slashCommand } from '../support/fake-slack.js';
import { type Harness, itemIds, mrkdwnObjects, startHarness, texts } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const response = (id: string) => h.fake.waitFor(() => h.fake.responses.find((r) => r.id === id));

describe('/policy', () => {
  it('acknowledges at once and answers through response_url, ephemeral, with the items and their sources', async () => {
    const res = await send(
      h.port,
      slashCommand('what did Korea do in January', h.fake.responseUrl('korea')),
      'form',
    );
    expect(res.status).toBe(200);
    const { body } = await response('korea');
    expect(body.response_type).toBe('ephemeral');
    const all = texts(body.blocks).join('\n');
    expect(all).toContain('South Korea');
    expect(all).toContain('January 2026');
    // The numbered title linked to exactly its first source, its pages labelled by publisher, the
    // date as people write it.
    // An English asker reads the item's English title (data/english/), the Japanese beneath it,
    // and whether the English is machine-made.
    const en = h.deps.index().byId.get('digest-2026-01/asia/2')?.en;
    const headline = en?.title ?? '韓国、AI基本法を施行';
    expect(all).toContain(`*<https://www.korea.kr/news/policyNewsView.do?newsId=148958380|1. ${headline}>*`);
    if (en) expect(all).toContain('\n_韓国、AI基本法を施行_\n');
    if (en && en.by !== 'person') expect(all).toContain('_machine translation_');
    expect(all).toContain('<https://www.korea.kr/news/policyNewsView.do?newsId=148958380|Korea.kr>');
    expect(all).toContain(
      '<https://www.korea.kr/briefing/pressReleaseView.do?newsId=156740669|Korea.kr (2)>',
    );
    expect(all).toContain('Jan 22, 2026');
    // The internal id is behind the item menu (Cite), not in the text.
    expect(all).not.toContain('digest-2026-01/asia/2');
    expect(itemIds(body.blocks)).toEqual(['digest-2026-01/asia/2']);
    expect(String(body.text)).toContain(`1. ${headline} (Jan 22, 2026)`);
    const actions = (body.blocks as { type: string; elements?: { action_id: string }[] }[]).find(
      (b) => b.type === 'actions',
    );
    expect(actions?.elements?.map((e) => e.action_id)).toEqual(['share_answer', 'answer_menu']);
  });

  it('escapes the echoed question and document text, so nothing can ping or forge a link', async () => {
    await send(
      h.port,
      slashCommand('<!channel> Grok & X <@U999> <https://evil.example|click>', h.fake.responseUrl('esc')),
      'form',
    );
    const { body } = await response('esc');
    for (const t of texts(body.blocks)) {
      expect(t).not.toMatch(/<!channel>|<@U999>|<https:\/\/evil/);
    }
    expect(String(body.text)).not.toMatch(/<!channel>|<@U999>/);
    // Sharing echoes the question itself for everyone: escaped, so it pings no one.
    const share = (body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'share_answer');
    expect(share).toBeDefined();
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(h.port, buttonClick('share_answer', share?.value, h.fake.responseUrl('esc-share')), 'form');
    const shared = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    const echoed = texts(shared.args.blocks).join('\n');
    // Slack's own markup is read back to text first (mentions dropped, links to their URL), then escaped.
    expect(echoed).toContain('“Grok &amp; X');
    expect(echoed).not.toContain('terms: Grok, https');
    expect(echoed).not.toMatch(/<!channel>|<@U999>|<https:\/\/evil/);
  });

  it('echoes @here, @channel and #channel typed as text in verbatim mrkdwn, so they stay text', async () => {
    const question = 'AISI @here @channel #general';
    await send(h.port, slashCommand(question, h.fake.responseUrl('verbatim')), 'form');
    const { body } = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.id === 'verbatim' && r.body.blocks),
    );
    for (const o of mrkdwnObjects(body.blocks)) expect(o).toMatchObject({ verbatim: true });
    // Shared in the channel, the question is shown for everyone as typed: still text, never a ping.
    const share = (body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'share_answer');
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      buttonClick('share_answer', share?.value, h.fake.responseUrl('verbatim-share')),
      'form',
    );
    const shared = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    const objects = mrkdwnObjects(shared.args.blocks);
    expect(objects.some((o) => o.text.includes(`“${question}”`))).toBe(true);
    for (const o of objects) expect(o).toMatchObject({ verbatim: true });
  });

  it('shows at most five items and a Show more button that pages through the rest', async () => {
    await send(h.port, slashCommand('US', h.fake.responseUrl('us')), 'form');
    const { body } = await response('us');
    const blocks = body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    expect(itemIds(blocks)).toHaveLength(5);
    const more = blocks.find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === 'show_more');
    expect(more).toBeDefined();
    await send(h.port, buttonClick('show_more', more?.value, h.fake.responseUrl('us-page2')), 'form');
    const page2 = await response('us-page2');
    expect(page2.body.replace_original).toBe(true);
    expect(texts(page2.body.blocks).join('\n')).toMatch(/showing 6–10 of \d+/);
  });

  it('Share in channel posts the answer for everyone and removes the private copy', async () => {
    await send(h.port, slashCommand('SB53', h.fake.responseUrl('sb')), 'form');
    const { body } = await response('sb');
    const share = (body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id === 'share_answer');
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(h.port, buttonClick('share_answer', share?.value, h.fake.responseUrl('sb-share')), 'form');
    const details = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[1]);
    const posted = h.fake.callsTo('chat.postMessage').slice(before)[0] as typeof details;
    expect(posted.args.channel).toBe('C2147483705');
    expect(posted.args.thread_ts).toBeUndefined();
    const all = texts(posted.args.blocks).join('\n');
    expect(all).toContain('Shared by <@U2147483697>');
    expect(all).toContain('https://legiscan.com/CA/text/SB53/2025');
    // Compact in the channel: one line per item, no item menus or buttons; the details, with
    // where each item is in the corpus, in its thread.
    expect(itemIds(posted.args.blocks)).toEqual([]);
    expect((posted.args.blocks as unknown[]).length).toBeLessThanOrEqual(4);
    expect(details.args.channel).toBe('C2147483705');
    const root = h.fake.channels.get('C2147483705')?.find((m) => m.text === posted.args.text)?.ts;
    expect(details.args.thread_ts).toBe(root);
    expect(texts(details.args.blocks).join('\n')).toContain(
      'AI政策動向マンスリー情報 2026年1月 · 海外/米国 #1',
    );
    expect(itemIds(details.args.blocks).length).toBeGreaterThan(0);
    // Already public: no second Share button on the shared copy.
    expect(JSON.stringify([posted.args.blocks, details.args.blocks])).not.toContain('share_answer');
    const removed = await response('sb-share');
    expect(removed.body.delete_original).toBe(true);
  });

  it('cite gives one item with every URL and where it is in the corpus, ready to paste', async () => {
    await send(h.port, slashCommand('cite digest-2026-01/asia/2', h.fake.responseUrl('cite')), 'form');
    const { body } = await response('cite');
    const all = texts(body.blocks).join('\n');
    expect(all).toContain('AI政策動向マンスリー情報 2026年1月 · 海外/アジア #2');
    for (const id of ['148958380', '156740669', '156740908']) expect(all).toContain(id);
    expect(all).toContain('```');
  });

  it('cite by URL prefers the digest event and names the report that cites it too', async () => {
    await send(
      h.port,
      slashCommand(
        'cite https://aisi.go.jp/activity/activity_security/260109/',
        h.fake.responseUrl('cite-url'),
      ),
      'form',
    );
    const all = texts((await response('cite-url')).body.blocks).join('\n');
    expect(all).toContain('日本AISIの活動 #2');
    expect(all).toContain('AI セーフティ年次レポート 2025');
  });

  it('help is bilingual and says what the corpus covers', async () => {
    await send(h.port, slashCommand('help', h.fake.responseUrl('help')), 'form');
    const all = texts((await response('help')).body.blocks).join('\n');
    expect(all).toContain('cite');
    expect(all).toContain('日本語でも質問できます');
    expect(all).toContain(`The digests cover ${monthList('en')}.`);
  });

  it('speaks the asker’s language around the Japanese items', async () => {
    await send(h.port, slashCommand('韓国は1月に何をした?', h.fake.responseUrl('ja')), 'form');
    const all = texts((await response('ja')).body.blocks).join('\n');
    expect(all).toContain('解釈');
    expect(all).toContain('1件');
    expect(all).not.toContain('Understood');
    await send(h.port, slashCommand('Mexico', h.fake.responseUrl('empty')), 'form');
    const empty = texts((await response('empty')).body.blocks).join('\n');
    expect(empty).toContain(`No items about Mexico. The digests cover ${monthList('en')}.`);
    expect(empty).toContain('Try:');
  });
});

describe('events', () => {
  it('answers a mention in its thread, with :eyes: while searching, once under retries', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    const body = eventEnvelope(
      {
        type: 'app_mention',
        user: 'U061F7AUR',
        text: '<@UBOT> source for SB53',
        ts: '1515449522.000016',
        channel: 'C123ABC456',
        event_ts: '1515449522000016',
      },
      'Ev-mention-1',
    );
    expect((await send(h.port, body, 'json')).status).toBe(200);
    expect((await send(h.port, body, 'json', { retryNum: 1 })).status).toBe(200);
    expect((await send(h.port, body, 'json', { retryNum: 2 })).status).toBe(200);
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    expect(post.args.channel).toBe('C123ABC456');
    expect(post.args.thread_ts).toBe('1515449522.000016');
    expect(texts(post.args.blocks).join('\n')).toContain('https://legiscan.com/CA/text/SB53/2025');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('chat.postMessage').slice(before)).toHaveLength(1);
    expect(h.fake.callsTo('reactions.add').at(-1)?.args).toMatchObject({
      name: 'eyes',
      timestamp: '1515449522.000016',
    });
    expect(h.fake.callsTo('reactions.remove').at(-1)?.args).toMatchObject({ name: 'eyes' });
  });

  it('replies in the thread a mention was made in', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      eventEnvelope({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> Grok',
        ts: '1515449600.000100',
        thread_ts: '1515449500.000001',
        channel: 'C1',
      }),
      'json',
    );
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    expect(post.args.thread_ts).toBe('1515449500.000001');
  });

  it('answers a DM in the DM and ignores bots, edits and joins', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    const im = (extra: Record<string, unknown>) =>
      eventEnvelope({
        type: 'message',
        channel: 'D024BE91L',
        channel_type: 'im',
        user: 'U2147483697',
        ts: `${Date.now() / 1000}`,
        ...extra,
      });
    await send(h.port, im({ text: 'bot talk', bot_id: 'B999' }), 'json');
    await send(h.port, im({ subtype: 'message_changed', message: { text: 'edited' } }), 'json');
    await send(h.port, im({ subtype: 'channel_join', text: 'joined' }), 'json');
    await send(h.port, im({ text: 'レッドチーミング' }), 'json');
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    expect(post.args.channel).toBe('D024BE91L');
    expect(post.args.thread_ts).toBeUndefined();
    expect(texts(post.args.blocks).join('\n')).toContain('解釈');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.callsTo('chat.postMessage').slice(before)).toHaveLength(1);
  });

  it('publishes the App Home tab with the corpus, examples and latest items', async () => {
    await send(
      h.port,
      eventEnvelope({
        type: 'app_home_opened',
        user: 'U061F7AUR',
        channel: 'D0LAN2Q65',
        tab: 'home',
        event_ts: '1515449522000016',
      }),
      'json',
    );
    const call = await h.fake.waitFor(() => h.fake.callsTo('views.publish')[0]);
    expect(call.args.user_id).toBe('U061F7AUR');
    const all = texts((call.args.view as { blocks: unknown }).blocks).join('\n');
    expect(all).toContain('AI政策動向マンスリー情報 2026年1月');
    expect(all).toContain('/policy');
    expect(all).toContain('Latest items');
  });
});

describe('the message shortcut', () => {
  it('Find source cites the item a message is about, ephemerally', async () => {
    await send(
      h.port,
      interaction({
        type: 'message_action',
        callback_id: 'find_source',
        trigger_id: '13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536',
        response_url: h.fake.responseUrl('shortcut'),
        team: { id: 'T0001', domain: 'example' },
        channel: { id: 'C123', name: 'general' },
        user: { id: 'U123', name: 'alice' },
        message_ts: '1547766736.000100',
        message: {
          type: 'message',
          user: 'U999',
          ts: '1547766736.000100',
          text: 'Did you see that Ofcom opened an investigation into Grok?',
        },
      }),
      'form',
    );
    const { body } = await response('shortcut');
    expect(body.response_type).toBe('ephemeral');
    expect(texts(body.blocks).join('\n')).toContain(
      'https://www.ofcom.org.uk/online-safety/illegal-and-harmful-content/ofcom-launches-investigation-into-x-over-grok-sexualised-imagery',
    );
  });
});

describe('request verification', () => {
  it('answers Slack’s url_verification challenge (HTTP mode setup)', async () => {
    const body = JSON.stringify({
      token: 'x',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    const res = await send(h.port, body, 'json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
  });

  it('answers a replayed slash command once: the same signed request again is acknowledged, not answered', async () => {
    const body = slashCommand('Korea', h.fake.responseUrl('replayed'));
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await send(h.port, body, 'form', { timestamp })).status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'replayed' && r.body.blocks));
    // The captured request, byte for byte, twice more within the 5-minute window.
    for (let n = 0; n < 2; n++) expect((await send(h.port, body, 'form', { timestamp })).status).toBe(200);
    expect(h.logs.filter((l) => l.includes('ignoring a replayed slash command request'))).toHaveLength(2);
    // The same command typed again is a new request (a new timestamp): answered.
    expect((await send(h.port, body, 'form', { timestamp: timestamp + 1 })).status).toBe(200);
    // Answers only (a slow one may first show "searching…").
    const answers = () => h.fake.responses.filter((r) => r.id === 'replayed' && r.body.blocks);
    await h.fake.waitFor(() => answers()[1]);
    expect(answers()).toHaveLength(2);
  });

  it('rejects a bad signature with 401', async () => {
    const body = slashCommand('Korea', h.fake.responseUrl('forged'));
    const res = await send(h.port, body, 'form', { secret: '00000000000000000000000000000000' });
    expect(res.status).toBe(401);
  });

  it('rejects a stale timestamp with 401, even when the signature matches it', async () => {
    const body = slashCommand('Korea', h.fake.responseUrl('stale'));
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await send(h.port, body, 'form', { timestamp: old, signature: sign(body, old) });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.responses.find((r) => r.id === 'stale' || r.id === 'forged')).toBeUndefined();
  });
});
