import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, eventEnvelope, SIGNING_SECRET, send, slashCommand } from '../support/fake-slack.js';
import { type Harness, startHarness, texts } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    index: () => {
      throw new Error(`index exploded while holding ${BOT_TOKEN}`);
    },
  });
});
afterAll(async () => {
  await h.stop();
});

describe('a failing listener', () => {
  it('gives the user one short, friendly message with an error id; the log has the detail with the same id and no token', async () => {
    await send(h.port, slashCommand('Korea', h.fake.responseUrl('boom')), 'form');
    const { body } = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'boom'));
    const id = /error id: ([0-9a-f]{8})/.exec(String(body.text))?.[1];
    expect(id).toBeDefined();
    expect(String(body.text)).not.toMatch(/exploded|at |Error/);
    const log = h.logs.find((l) => l.includes(`[${id}]`));
    expect(log).toContain('index exploded');
    expect(h.logs.join('\n')).not.toContain(BOT_TOKEN);
    expect(h.logs.join('\n')).not.toContain(SIGNING_SECRET);
  });

  it('answers a failing mention in its thread with the friendly message', async () => {
    await send(
      h.port,
      eventEnvelope({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> Korea',
        ts: '1600000000.000001',
        channel: 'C9',
      }),
      'json',
    );
    const post = await h.fake.waitFor(() =>
      h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C9'),
    );
    expect(String(post.args.text)).toMatch(
      /Sorry, something went wrong while answering \(error id: [0-9a-f]{8}\)/,
    );
    expect(post.args.thread_ts).toBe('1600000000.000001');
    expect(texts(post.args.blocks)).toEqual([]);
  });
});
