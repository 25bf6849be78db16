import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffLoop, type OffLoop } from '../../src/slack/off-loop.js';
import { createLogger } from '../../src/util/logger.js';
import { defaultDataDir, defaultIndexDir } from '../../src/util/paths.js';
import { eventEnvelope, interaction, send, slashCommand } from '../support/fake-slack.js';
import { type Harness, startHarness, texts } from './harness.js';

let h: Harness;
let offLoop: OffLoop;
const logs: string[] = [];
beforeAll(async () => {
  offLoop = createOffLoop({
    dataDir: defaultDataDir(),
    indexDir: defaultIndexDir(),
    logger: createLogger('info', (l) => logs.push(l)),
    timeoutMs: 15_000,
  });
  h = await startHarness({ offLoop });
}, 30_000);
afterAll(async () => {
  await offLoop.close();
  await h.stop();
});

describe('questions answered on the answering thread', () => {
  it('/policy gets the same answer as in place, computed by the worker', async () => {
    const before = offLoop.answered();
    await send(h.port, slashCommand('what did Korea do in January', h.fake.responseUrl('w1')), 'form');
    const r = await h.fake.waitFor(
      () => h.fake.responses.find((x) => x.id === 'w1' && x.body.blocks),
      20_000,
    );
    const all = texts(r.body.blocks).join('\n');
    expect(all).toContain('South Korea');
    expect(all).toContain(
      '<https://www.korea.kr/news/policyNewsView.do?newsId=148958380|韓国、AI基本法を施行>',
    );
    expect(offLoop.answered()).toBe(before + 1);
  }, 30_000);

  it('a 40 000-character mention is answered (with the note) by the worker', async () => {
    const before = offLoop.answered();
    const long = '2026年1月の韓国'.repeat(4000).slice(0, 40_000);
    await send(
      h.port,
      eventEnvelope({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${long}`, ts: '5.1', channel: 'C-W' }),
      'json',
    );
    const post = await h.fake.waitFor(
      () => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C-W'),
      20_000,
    );
    expect(texts(post.args.blocks).join('\n')).toContain('最初の1,000文字(全40,000文字)');
    expect(offLoop.answered()).toBe(before + 1);
  }, 30_000);

  it('buttons (Share) and the Find source shortcut are answered by the worker too', async () => {
    const before = offLoop.answered();
    const value = JSON.stringify({ q: 'what did Korea do in January', o: 0, t: '2026-11-23' });
    await send(
      h.port,
      interaction({
        type: 'block_actions',
        user: { id: 'U2147483697', username: 'steve', team_id: 'T0001' },
        api_app_id: 'A123456',
        team: { id: 'T0001', domain: 'example' },
        channel: { id: 'C2147483705', name: 'test' },
        container: { type: 'message', message_ts: '1.1', channel_id: 'C2147483705', is_ephemeral: true },
        trigger_id: '1.2',
        response_url: h.fake.responseUrl('w-share'),
        actions: [{ type: 'button', action_id: 'share_answer', block_id: 'b', value, action_ts: '1.3' }],
      }),
      'form',
    );
    const shared = await h.fake.waitFor(
      () => h.fake.responses.find((x) => x.id === 'w-share' && x.body.blocks),
      20_000,
    );
    expect(shared.body.response_type).toBe('in_channel');
    expect(texts(shared.body.blocks).join('\n')).toContain('South Korea');
    await send(
      h.port,
      interaction({
        type: 'message_action',
        callback_id: 'find_source',
        user: { id: 'U1' },
        team: { id: 'T0001' },
        channel: { id: 'C1' },
        message: { type: 'message', text: 'SB53', ts: '1.1' },
        message_ts: '1.1',
        response_url: h.fake.responseUrl('w-cite'),
        trigger_id: '1.2',
      }),
      'form',
    );
    const cited = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === 'w-cite'), 20_000);
    expect(JSON.stringify(cited.body.blocks)).toContain('https://legiscan.com/CA/text/SB53/2025');
    expect(offLoop.answered()).toBe(before + 2);
  }, 30_000);

  it('digest commands stay on the main thread (they need the state)', async () => {
    const before = offLoop.answered();
    await send(h.port, slashCommand('subscriptions', h.fake.responseUrl('w-sub')), 'form');
    await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === 'w-sub'), 10_000);
    expect(offLoop.answered()).toBe(before);
  });
});

describe('when the answering thread is not there', () => {
  it('a thread that cannot start (no index, no data): questions are answered in place', async () => {
    const broken = createOffLoop({
      dataDir: '/nonexistent/data',
      indexDir: '/nonexistent/index',
      logger: createLogger('error', () => undefined),
    });
    await broken.ready();
    const b = await startHarness({ offLoop: broken });
    try {
      await send(
        b.port,
        slashCommand('what did Korea do in January', b.fake.responseUrl('fallback')),
        'form',
      );
      const r = await b.fake.waitFor(
        () => b.fake.responses.find((x) => x.id === 'fallback' && x.body.blocks),
        20_000,
      );
      expect(texts(r.body.blocks).join('\n')).toContain('South Korea');
      expect(broken.answered()).toBe(0);
    } finally {
      await broken.close();
      await b.stop();
    }
  }, 30_000);

  it('a thread that takes too long: refused with an error id, and replaced', async () => {
    const slow = createOffLoop({
      dataDir: defaultDataDir(),
      indexDir: defaultIndexDir(),
      logger: createLogger('error', () => undefined),
      timeoutMs: 1,
    });
    const b = await startHarness({ offLoop: slow });
    try {
      await send(b.port, slashCommand('Korea', b.fake.responseUrl('slow')), 'form');
      const r = await b.fake.waitFor(() => b.fake.responses.find((x) => x.id === 'slow'), 20_000);
      expect(String(r.body.text)).toMatch(
        /^Sorry, something went wrong while answering \(error id: [0-9a-f]{8}\)/,
      );
    } finally {
      await slow.close();
      await b.stop();
    }
  }, 30_000);
});
