import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDigestStore as DigestStore } from '../../src/store/sqlite/digest.js';
import { digestCommands, faultTolerant } from '../../src/weekly/service.js';
import { onStateFault } from '../../src/weekly/state.js';
import { eventEnvelope, send, slashCommand } from '../support/fake-slack.js';
import { type Harness, realIndex, startHarness, texts } from './harness.js';

let h: Harness;
beforeAll(async () => {
  const index = await realIndex();
  h = await startHarness();
  onStateFault(h.db, (e) => h.deps.logger.error(e.message));
  h.deps.digest = faultTolerant(
    digestCommands({
      store: new DigestStore(h.db),
      index: () => index,
      clock: () => new Date('2026-01-14T03:00:00Z'),
      today: () => '2026-01-14',
      cron: '0 9 * * 1',
      timeZone: 'Asia/Tokyo',
    }),
    h.deps.logger,
    'state/policy-bot.sqlite',
  );
  // The database starts failing in the middle of the day (as a disk I/O error would).
  h.db.close();
});
afterAll(async () => {
  await h.stop().catch(() => undefined);
});

describe('the state database fails at run time', () => {
  it('mentions are still answered', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      eventEnvelope({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> what did Korea do in January',
        ts: '1.2',
        channel: 'C1',
      }),
      'json',
    );
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    expect(texts(post.args.blocks).join('\n')).toContain('South Korea');
    expect(h.logs.join('\n')).toContain('state database');
  });

  it('DMs are still answered', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    await send(
      h.port,
      eventEnvelope({
        type: 'message',
        channel_type: 'im',
        user: 'U1',
        text: 'Grok',
        ts: '2.1',
        channel: 'D1',
      }),
      'json',
    );
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
    expect(post.args.channel).toBe('D1');
    expect(texts(post.args.blocks).join('\n').length).toBeGreaterThan(50);
  });

  it('subscribe says digests are unavailable, with an error id and no internal text', async () => {
    await send(h.port, slashCommand('subscribe Korea', h.fake.responseUrl('sub')), 'form');
    const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === 'sub'));
    const text = String(r.body.text);
    expect(text).toMatch(/Digests and subscriptions are unavailable right now .*error id: [0-9a-f]+/);
    expect(text).not.toMatch(/not open|SQLITE|TypeError/);
    const id = text.match(/error id: ([0-9a-f]+)/)?.[1];
    expect(h.logs.find((l) => l.includes(`[${id}]`))).toContain('state database state/policy-bot.sqlite');
  });

  it('help and cite still work', async () => {
    await send(h.port, slashCommand('help', h.fake.responseUrl('help')), 'form');
    const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === 'help'));
    expect(JSON.stringify(r.body)).not.toMatch(/Sorry|unavailable/);
  });
});
