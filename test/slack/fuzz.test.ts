import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventEnvelope, interaction, send, slashCommand } from '../support/fake-slack.js';
import { HOSTILE } from '../support/hostile.js';
import { type Harness, startHarness, texts } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

/** Text that must never reach a user: internal error messages and stack traces. */
const INTERNAL = /Cannot read|TypeError|ReferenceError|SQLITE|undefined|\bat [\w.]+ \(|node_modules|\.ts:\d+/;

/** Slack's deadline for an acknowledgement: a contract, not a performance measure. */
async function withinSlackDeadline(p: Promise<Response>): Promise<Response> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('not acknowledged within 3 s')), 3000),
    ),
  ]);
}

const shown = (x: { text?: unknown; blocks?: unknown }) =>
  `${String(x.text ?? '')}\n${texts(x.blocks).join('\n')}`;

describe.each(HOSTILE.map((q, i) => [i, q] as const))('hostile question #%i', (i, q) => {
  it('/policy: acknowledged, answered, nothing internal shown', async () => {
    const res = await withinSlackDeadline(
      send(h.port, slashCommand(q, h.fake.responseUrl(`slash-${i}`)), 'form'),
    );
    expect(res.status).toBe(200);
    const r = await h.fake.waitFor(
      () => h.fake.responses.find((x) => x.id === `slash-${i}` && x.body.blocks),
      20_000,
    );
    expect(shown(r.body)).not.toMatch(INTERNAL);
    expect(shown(r.body)).not.toMatch(/Sorry|申し訳/);
  }, 30_000);

  it('mention and DM: answered in place, nothing internal shown', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    const mention = eventEnvelope({
      type: 'app_mention',
      user: 'U1',
      text: `<@UBOT> ${q}`,
      ts: `${100 + i}.1`,
      channel: 'C1',
    });
    const dm = eventEnvelope({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: q,
      ts: `${200 + i}.1`,
      channel: 'D1',
    });
    expect((await withinSlackDeadline(send(h.port, mention, 'json'))).status).toBe(200);
    expect((await withinSlackDeadline(send(h.port, dm, 'json'))).status).toBe(200);
    const posts = await h.fake.waitFor(() => {
      const p = h.fake.callsTo('chat.postMessage').slice(before);
      return p.length >= 2 ? p : undefined;
    }, 20_000);
    for (const p of posts) {
      expect(shown(p.args)).not.toMatch(INTERNAL);
      expect(shown(p.args)).not.toMatch(/Sorry|申し訳/);
    }
  }, 30_000);
});

describe.each(['cite', 'subscribe', 'digest', 'more'])('/policy %s <hostile>', (verb) => {
  it.each(HOSTILE.map((q, i) => [i, q] as const))(
    '#%i: answered, nothing internal shown',
    async (i, q) => {
      const id = `verb-${verb}-${i}`;
      const res = await withinSlackDeadline(
        send(h.port, slashCommand(`${verb} ${q}`, h.fake.responseUrl(id)), 'form'),
      );
      expect(res.status).toBe(200);
      const r = await h.fake.waitFor(
        () => h.fake.responses.find((x) => x.id === id && !String(x.body.text).includes('Searching')),
        20_000,
      );
      expect(shown(r.body)).not.toMatch(INTERNAL);
      expect(shown(r.body)).not.toMatch(/Sorry|申し訳/);
    },
    30_000,
  );
});

describe('buttons with forged values', () => {
  const click = (value: unknown, id: string) =>
    interaction({
      type: 'block_actions',
      user: { id: 'U1', username: 'u', team_id: 'T0001' },
      api_app_id: 'A123456',
      team: { id: 'T0001', domain: 'example' },
      channel: { id: 'C1', name: 'test' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
      trigger_id: '1.2',
      response_url: h.fake.responseUrl(id),
      actions: [{ type: 'button', action_id: 'show_more', block_id: 'b', value, action_ts: '1.3' }],
    });
  it.each([
    ['not json', 'garbage'],
    ['negative page', JSON.stringify({ a: 'A1', o: -5 })],
    ['huge page', JSON.stringify({ a: 'A1', o: 1e308 })],
    ['answer id not a string', JSON.stringify({ a: 5, o: 5 })],
    ['not a string', 42],
    ['missing', undefined],
  ])('%s: told the button is not valid, with an error id, nothing internal', async (name, value) => {
    const id = `forged-${name.replace(/\s/g, '-')}`;
    expect((await withinSlackDeadline(send(h.port, click(value, id), 'form'))).status).toBe(200);
    const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === id));
    expect(String(r.body.text)).toMatch(
      /^This button was not made by policy-bot or is out of date: ask the question again\. \(error id: [0-9a-f]{8}\)$/,
    );
    expect(shown(r.body)).not.toMatch(INTERNAL);
  });

  it.each(HOSTILE.map((q, i) => [i, q] as const))(
    'hostile answer id #%i in a well-formed value is told to ask again',
    async (i, q) => {
      const id = `forged-q-${i}`;
      await send(h.port, click(JSON.stringify({ a: q, o: 5 }), id), 'form');
      const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === id), 20_000);
      expect(shown(r.body)).not.toMatch(INTERNAL);
      expect(shown(r.body)).not.toMatch(/Sorry/);
      expect(String(r.body.text).length).toBeGreaterThan(0);
    },
    30_000,
  );
});

describe('the Find source shortcut on a hostile message', () => {
  it.each(HOSTILE.map((q, i) => [i, q] as const))(
    '#%i',
    async (i, q) => {
      const id = `shortcut-${i}`;
      const body = interaction({
        type: 'message_action',
        callback_id: 'find_source',
        user: { id: 'U1' },
        team: { id: 'T0001' },
        channel: { id: 'C1' },
        message: { type: 'message', text: q, ts: '1.1' },
        message_ts: '1.1',
        response_url: h.fake.responseUrl(id),
        trigger_id: '1.2',
      });
      expect((await withinSlackDeadline(send(h.port, body, 'form'))).status).toBe(200);
      const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === id), 20_000);
      expect(shown(r.body)).not.toMatch(INTERNAL);
    },
    30_000,
  );
});

describe('a long question does not stall other users', () => {
  it("another user's /policy is acknowledged within Slack's deadline while a 40 000-character mention is answered", async () => {
    const long = 'アーティフィシャルインテリジェンス'.repeat(2400).slice(0, 40_000);
    const mention = send(
      h.port,
      eventEnvelope({ type: 'app_mention', user: 'U9', text: `<@UBOT> ${long}`, ts: '999.1', channel: 'C9' }),
      'json',
    );
    const other = await withinSlackDeadline(
      send(h.port, slashCommand('what did Korea do in January', h.fake.responseUrl('other-user')), 'form'),
    );
    expect(other.status).toBe(200);
    expect((await mention).status).toBe(200);
    const answered = await h.fake.waitFor(
      () => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C9'),
      20_000,
    );
    expect(shown(answered.args)).toContain('40,000');
  }, 30_000);
});
