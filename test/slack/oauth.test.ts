import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import { StateInstallationStore } from '../../src/slack/installations.js';
import type { StateStores } from '../../src/store/state.js';
import { createLogger } from '../../src/util/logger.js';
import { digestCommands } from '../../src/weekly/service.js';
import {
  eventEnvelope,
  FakeSlack,
  type FakeWorkspace,
  SIGNING_SECRET,
  send,
  slashCommand,
} from '../support/fake-slack.js';
import { STATE_BACKENDS } from '../support/state-backends.js';
import { realIndex } from './harness.js';

/**
 * The distributed app: two fake workspaces install it through Bolt's real OAuth flow
 * (/slack/install → Slack's authorize page → /slack/oauth_redirect, oauth.v2.access answered by
 * the local fake), each is answered with its own bot token, and an uninstall removes a
 * workspace's token and pauses its subscriptions. On SQLite and on PostgreSQL.
 */

const WORKSPACES: FakeWorkspace[] = [
  {
    teamId: 'T0RED',
    teamName: 'Red',
    botToken: 'xoxb-red-0000-token',
    botUserId: 'UBOTRED',
    code: 'code-red',
  },
  {
    teamId: 'T0BLUE',
    teamName: 'Blue',
    botToken: 'xoxb-blue-0000-token',
    botUserId: 'UBOTBLUE',
    code: 'code-blue',
  },
];

describe.each(STATE_BACKENDS)('the distributed app (OAuth), installations in $name', ({ open }) => {
  const fake = new FakeSlack();
  let state: StateStores;
  let close: () => Promise<void>;
  let slack: SlackApp;
  let port: number;
  const logs: string[] = [];

  beforeAll(async () => {
    await fake.start();
    fake.workspaces.push(...WORKSPACES);
    ({ state, close } = await open());
    const index = await realIndex();
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '1234567890.0987654321',
      SLACK_CLIENT_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_STATE_SECRET: 'a-state-secret-for-the-tests',
      SLACK_API_URL: fake.apiUrl,
      SLACK_OAUTH_AUTHORIZE_URL: `http://127.0.0.1:${fake.port}/oauth/v2/authorize`,
    });
    expect(config.mode).toBe('http');
    const clock = () => new Date('2026-11-23T03:00:00Z');
    slack = createSlackApp(
      config,
      {
        index: () => index,
        state,
        today: () => '2026-11-23',
        clock,
        logger: createLogger('info', (l) => logs.push(l)),
        digest: digestCommands({
          store: state.digest,
          index: () => index,
          clock,
          today: () => '2026-11-23',
          cron: '0 9 * * 1',
          timeZone: 'Asia/Tokyo',
        }),
      },
      { retryConfig: { retries: 0 } },
    );
    const server = (await slack.app.start(0)) as Server;
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await slack.app.stop();
    await fake.stop();
    await close();
  });

  /** A person clicks "Add to Slack" (/slack/install), approves on Slack's page, and is sent back. */
  async function install(w: FakeWorkspace): Promise<Response> {
    const start = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(String(start.headers.get('location')));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      `http://127.0.0.1:${fake.port}/oauth/v2/authorize`,
    );
    expect(authorize.searchParams.get('client_id')).toBe('1234567890.0987654321');
    expect(authorize.searchParams.get('scope')?.split(',')).toContain('chat:write');
    const stateParam = String(authorize.searchParams.get('state'));
    const cookie = String(start.headers.get('set-cookie')).split(';')[0] ?? '';
    return fetch(
      `http://127.0.0.1:${port}/slack/oauth_redirect?code=${w.code}&state=${encodeURIComponent(stateParam)}`,
      { headers: { cookie }, redirect: 'manual' },
    );
  }

  it('installs two workspaces through the real flow; their bot tokens are stored in the state database', async () => {
    for (const w of WORKSPACES) expect((await install(w)).status).toBe(200);
    const store = new StateInstallationStore(state);
    expect(await store.botToken('team:T0RED')).toBe('xoxb-red-0000-token');
    expect(await store.botToken('team:T0BLUE')).toBe('xoxb-blue-0000-token');
    // The code went to oauth.v2.access with the app's credentials.
    expect(fake.callsTo('oauth.v2.access').map((c) => c.args.code)).toEqual(['code-red', 'code-blue']);
  });

  it('a Slack Connect channel both installed: each workspace subscribes it with its own filters and sees only its own', async () => {
    /** `/policy …` typed in the shared channel (one channel id) by a person of `team`, as Slack signs it. */
    const policy = async (team: string, text: string, id: string): Promise<string> => {
      const body = slashCommand(text, fake.responseUrl(id), {
        team_id: team,
        channel_id: 'C0SHARED',
        user_id: `U${team}`,
      });
      expect((await send(port, body, 'form')).status).toBe(200);
      const reply = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
      return String(reply.body.text);
    };
    expect(await policy('T0RED', 'subscribe Korea', 'shared-red-sub')).toContain('Subscribed');
    // Blue's person did not set Red's subscription up, and is no admin: on one shared key this was refused.
    expect(await policy('T0BLUE', 'subscribe EU', 'shared-blue-sub')).toContain('Subscribed');
    const red = await policy('T0RED', 'subscriptions', 'shared-red-list');
    const blue = await policy('T0BLUE', 'subscriptions', 'shared-blue-list');
    expect(red).toContain('(“Korea”)');
    expect(red).not.toContain('(“EU”)');
    expect(blue).toContain('(“EU”)');
    expect(blue).not.toContain('(“Korea”)');
    // Each workspace's subscription is its own row, and goes away on its own.
    expect(await policy('T0BLUE', 'unsubscribe', 'shared-blue-unsub')).toContain('Unsubscribed');
    expect(await state.digest.subscription('team:T0BLUE', 'C0SHARED')).toBeUndefined();
    expect(await state.digest.subscription('team:T0RED', 'C0SHARED')).toMatchObject({
      filters: 'Korea',
      team_id: 'T0RED',
      created_by: 'UT0RED',
    });
    expect(await policy('T0RED', 'subscriptions', 'shared-red-again')).toContain('(“Korea”)');
  });

  it('a redirect without the state Slack was sent (a forged or replayed link) installs nothing', async () => {
    const forged = await fetch(`http://127.0.0.1:${port}/slack/oauth_redirect?code=code-red&state=forged`, {
      redirect: 'manual',
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(2);
  });

  it('answers each workspace with its own bot token', async () => {
    for (const [i, w] of WORKSPACES.entries()) {
      const channel = `C0${w.teamName.toUpperCase()}`;
      const event = {
        type: 'app_mention',
        user: 'U1',
        text: `<@${w.botUserId}> SB53`,
        ts: `1765100000.00010${i}`,
        channel,
      };
      expect((await send(port, eventEnvelope(event, `EvOauth${i}`, w), 'json')).status).toBe(200);
      const post = await fake.waitFor(() =>
        fake.callsTo('chat.postMessage').find((c) => c.args.channel === channel),
      );
      expect(post.token).toBe(w.botToken);
      expect(JSON.stringify(post.args.blocks)).toContain('legiscan.com');
    }
  });

  it("app_uninstalled removes that workspace's token and pauses its subscriptions; the other is untouched", async () => {
    const subscribe = slashCommand('subscribe Korea', fake.responseUrl('oauth-sub'), {
      team_id: 'T0BLUE',
      channel_id: 'C0BLUE',
    });
    expect((await send(port, subscribe, 'form')).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === 'oauth-sub'));
    expect(await state.digest.subscription('team:T0BLUE', 'C0BLUE')).toMatchObject({
      team_id: 'T0BLUE',
      paused_reason: null,
    });
    const bye = eventEnvelope({ type: 'app_uninstalled' }, 'EvOauthBye', {
      teamId: 'T0BLUE',
      botUserId: 'UBOTBLUE',
    });
    expect((await send(port, bye, 'json')).status).toBe(200);
    await fake.waitFor(() =>
      logs.some((l) => l.includes('app_uninstalled: team:T0BLUE')) ? true : undefined,
    );
    const store = new StateInstallationStore(state);
    expect(await store.botToken('team:T0BLUE')).toBeUndefined();
    expect(await store.botToken('team:T0RED')).toBe('xoxb-red-0000-token');
    expect((await state.digest.subscription('team:T0BLUE', 'C0BLUE'))?.paused_reason).toBe('app_uninstalled');
  });
});
