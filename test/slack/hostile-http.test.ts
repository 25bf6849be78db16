import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyBody } from '../../src/slack/receiver.js';
import { eventEnvelope, interaction, send, slashCommand } from '../support/fake-slack.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

/** Slack's own deadline: an answer later than this counts as a failure at Slack's end. */
const SLACK_DEADLINE = () => AbortSignal.timeout(3000);

async function post(body: string, type: 'json' | 'form'): Promise<{ status: number; text: string }> {
  const res = await send(h.port, body, type, {});
  return { status: res.status, text: await res.text() };
}

const routes = {
  commands: ['/policy'],
  events: ['app_mention'],
  actions: ['show_more'],
  shortcuts: ['find_source'],
  views: ['feedback_detail'],
};

describe('classifyBody', () => {
  it.each([
    [null, 'reject'],
    [[], 'reject'],
    [42, 'reject'],
    ['x', 'reject'],
    [{}, 'reject'],
    [{ type: 'nope' }, 'reject'],
    [{ type: 'url_verification' }, 'reject'],
    [{ type: 'url_verification', challenge: 'c' }, 'pass'],
    [{ type: 'event_callback' }, 'ack'],
    [{ type: 'event_callback', event: null }, 'ack'],
    [{ type: 'event_callback', event: { type: 'app_mention' } }, 'pass'],
    [{ command: '/policy', text: 'hi' }, 'pass'],
    [{ command: '/policy', text: 7 }, 'reject'],
    [{ command: '/other' }, 'ack'],
    [{ type: 'block_actions', actions: [{ action_id: 'show_more' }] }, 'pass'],
    [{ type: 'block_actions', actions: [{ action_id: 'forged' }] }, 'ack'],
    [{ type: 'block_actions', actions: 'x' }, 'reject'],
    [{ type: 'message_action', callback_id: 'find_source' }, 'pass'],
    [{ type: 'shortcut', callback_id: 'other' }, 'ack'],
    [{ type: 'view_submission', view: { callback_id: 'v' } }, 'ack'],
    [{ type: 'view_submission', view: { callback_id: 'feedback_detail' } }, 'pass'],
    [{ type: 'view_submission' }, 'reject'],
    [{ type: 'block_suggestion' }, 'ack'],
    [{ ssl_check: '1' }, 'pass'],
  ])('%j → %s', (body, kind) => {
    expect(classifyBody(body, routes).kind).toBe(kind);
  });
});

describe('signed bodies Bolt cannot handle', () => {
  it.each([
    ['null', 'json'],
    ['[]', 'json'],
    ['42', 'json'],
    ['"text"', 'json'],
    ['{}', 'json'],
    ['{"type":"nope"}', 'json'],
    ['{not json', 'json'],
    ['payload=%7Bnot%20json', 'form'],
    ['payload=null', 'form'],
    ['payload=%5B%5D', 'form'],
    ['team_id=T1&user_id=U1', 'form'],
  ] as const)('%s (%s) is answered 400 at once and the process goes on', async (body, type) => {
    const res = await send(h.port, body, type, {});
    expect(res.status).toBe(400);
  });

  it('answers payloads no listener takes with 200 at once, never by the 3 s timeout', async () => {
    const cases: [string, 'json' | 'form'][] = [
      [JSON.stringify({ type: 'event_callback', team_id: 'T0001', event_id: 'Ev1' }), 'json'],
      [slashCommand('hi', h.fake.responseUrl('other'), { command: '/other' }), 'form'],
      [
        interaction({
          type: 'block_actions',
          user: { id: 'U1' },
          team: { id: 'T0001' },
          actions: [{ type: 'button', action_id: 'forged_action', value: 'x' }],
        }),
        'form',
      ],
      [
        interaction({
          type: 'view_submission',
          user: { id: 'U1' },
          team: { id: 'T0001' },
          view: { id: 'V1' },
        }),
        'form',
      ],
      [
        interaction({
          type: 'shortcut',
          callback_id: 'unknown_shortcut',
          user: { id: 'U1' },
          team: { id: 'T0001' },
        }),
        'form',
      ],
    ];
    for (const [body, type] of cases) {
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await Promise.race([
        send(h.port, body, type, { timestamp }),
        new Promise<never>((_, reject) =>
          SLACK_DEADLINE().addEventListener('abort', () =>
            reject(new Error(`no answer within 3 s: ${body}`)),
          ),
        ),
      ]);
      expect(res.status).toBe(200);
      if (body.includes('command=%2Fother')) expect(await res.text()).toContain('does not handle /other');
    }
    expect(h.logs.join('\n')).not.toMatch(/not acknowledged within/);
    expect(h.logs.join('\n')).toContain('no listener takes it: unknown action forged_action');
  });

  it('still answers a real question after all of that', async () => {
    await post(slashCommand('what did Korea do in January', h.fake.responseUrl('after')), 'form');
    const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === 'after'));
    expect(JSON.stringify(r.body)).toContain('South Korea');
  });

  it('answers an event whose event is not an object without crashing', async () => {
    const res = await send(
      h.port,
      JSON.stringify({ type: 'event_callback', event: 'x', event_id: 'Ev2' }),
      'json',
    );
    expect(res.status).toBe(200);
    const mention = eventEnvelope({ type: 'app_mention', user: 'U1', text: 7, ts: '1.1', channel: 'C1' });
    expect((await send(h.port, mention, 'json')).status).toBe(200);
  });

  it('refuses a bad signature (401) and an oversized body (413) without crashing', async () => {
    expect((await send(h.port, 'null', 'json', { signature: 'v0=deadbeef' })).status).toBe(401);
    expect(
      (await send(h.port, '{}', 'json', { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status,
    ).toBe(401);
    const huge = JSON.stringify({
      type: 'event_callback',
      event: { type: 'app_mention', text: 'x'.repeat(5_000_000) },
    });
    expect((await send(h.port, huge, 'json')).status).toBe(413);
    expect((await send(h.port, 'null', 'json')).status).toBe(400);
  });
});
