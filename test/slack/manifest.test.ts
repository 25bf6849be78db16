import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { answerModel, renderAnswerBlocks } from '../../src/present/answer.js';
import { ask } from '../../src/query/ask.js';
import { createSlackApp } from '../../src/slack/create-app.js';
import { BOT_SCOPES } from '../../src/slack/scopes.js';
import { createLogger } from '../../src/util/logger.js';
import { type Harness, realIndex, startHarness } from './harness.js';

interface Manifest {
  features: {
    slash_commands: { command: string }[];
    shortcuts: { callback_id: string; type: string }[];
    app_home: { home_tab_enabled: boolean };
  };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
  oauth_config: { scopes: { bot: string[] } };
}

const manifest = parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'manifest.yml'), 'utf8'),
) as Manifest;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

/** message.im, message.channels… are all the `message` event to Bolt. */
const asRegistered = (event: string) => (event.startsWith('message.') ? 'message' : event);

describe('Socket Mode', () => {
  it('builds the same app with the same listeners from SLACK_BOT_TOKEN + SLACK_APP_TOKEN (not connected here)', async () => {
    // Bolt verifies the token as it is built: point it at the fake, never at slack.com.
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-socket-test',
      SLACK_APP_TOKEN: 'xapp-1-socket-test',
      SLACK_API_URL: h.fake.apiUrl,
    });
    expect(config.mode).toBe('socket');
    const socket = createSlackApp(
      config,
      { ...h.deps, logger: createLogger('error', () => {}) },
      { retryConfig: { retries: 0 } },
    );
    expect(socket.receiver).toBeUndefined();
    expect(socket.routes).toEqual(h.slack.routes);
    // Its token check went to the fake (the harness app made the first auth.test).
    await h.fake.waitFor(() => (h.fake.callsTo('auth.test').length >= 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 100));
  });
});

describe('manifest.yml and the registered listeners agree', () => {
  it('every slash command in the manifest has a listener, and every command listener is in the manifest', () => {
    expect([...h.slack.routes.commands].sort()).toEqual(
      manifest.features.slash_commands.map((c) => c.command).sort(),
    );
  });

  it('every event subscribed has a listener, and every event listener is subscribed', () => {
    const subscribed = [
      ...new Set(manifest.settings.event_subscriptions.bot_events.map(asRegistered)),
    ].sort();
    expect([...new Set(h.slack.routes.events)].sort()).toEqual(subscribed);
  });

  it('every shortcut has a listener, and every shortcut listener is in the manifest', () => {
    expect([...h.slack.routes.shortcuts].sort()).toEqual(
      manifest.features.shortcuts.map((s) => s.callback_id).sort(),
    );
  });

  it('interactivity is on, and every button the bot renders has an action listener', async () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const index = await realIndex();
    const { blocks } = renderAnswerBlocks(
      answerModel(ask(index, 'US', { today: '2026-11-23', limit: 5 }), { offset: 5 }),
      { answerId: 'A1', visibility: 'ephemeral' },
    );
    const used = blocks
      .flatMap((b) => [
        ...((b.elements as { action_id?: string }[] | undefined) ?? []),
        ...(b.accessory ? [b.accessory as { action_id?: string }] : []),
      ])
      .map((e) => e.action_id)
      .filter(Boolean);
    // Previous, Show more, Share, the item menu (Cite), the answer menu (Export) and the feedback
    // buttons all have listeners.
    expect(new Set(used)).toEqual(
      new Set(['page_previous', 'show_more', 'share_answer', 'item_menu', 'answer_menu', 'answer_feedback']),
    );
    for (const id of used) expect(h.slack.routes.actions).toContain(id);
    // Buttons of messages posted before (Cite, Export) and the thread subscription's confirmation too.
    for (const id of ['cite_item', 'export_csv', 'export_md', 'confirm_channel_change'])
      expect(h.slack.routes.actions).toContain(id);
    // The 👎 form's submission has its listener too.
    expect(h.slack.routes.views).toEqual(['feedback_detail']);
  });

  it('subscribes to thread replies in public and private channels, and to DMs', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['message.channels', 'message.groups', 'message.im']),
    );
  });

  it('asks for the scopes the listeners need and no others', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'channels:join',
        'channels:read',
        'chat:write',
        'commands',
        'groups:history',
        'groups:read',
        'files:write',
        'im:history',
        'im:read',
        'im:write',
        'mpim:read',
        'reactions:write',
        'users:read',
      ].sort(),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    // The distributed app asks each installing workspace for the same scopes.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });
});

describe('manifest.distribution.yml and the distributed app (OAuth) agree', () => {
  const distribution = parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'manifest.distribution.yml'), 'utf8'),
  ) as Manifest & {
    oauth_config: { redirect_urls: string[] };
    settings: { event_subscriptions: { request_url: string }; interactivity: { request_url: string } };
  };

  it('is the single-workspace manifest over HTTP, with the OAuth redirect and the uninstall events', () => {
    const oauthApp = createSlackApp(
      loadConfig({
        SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: '0123456789abcdef0123456789abcdef',
        SLACK_STATE_SECRET: 'a-state-secret-for-the-tests',
        SLACK_API_URL: h.fake.apiUrl,
      }),
      { ...h.deps, logger: createLogger('error', () => {}) },
    );
    const subscribed = [
      ...new Set(distribution.settings.event_subscriptions.bot_events.map(asRegistered)),
    ].sort();
    expect([...new Set(oauthApp.routes.events)].sort()).toEqual(subscribed);
    expect(subscribed).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
    expect(oauthApp.routes.commands).toEqual(h.slack.routes.commands);
    expect([...distribution.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(distribution.settings.socket_mode_enabled).toBe(false);
    expect(distribution.oauth_config.redirect_urls[0]).toMatch(/^https:\/\/\S+\/slack\/oauth_redirect$/);
    expect(distribution.settings.event_subscriptions.request_url).toMatch(/\/slack\/events$/);
    expect(distribution.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(distribution.features.slash_commands).toEqual(
      manifest.features.slash_commands.map((c) => ({ ...c, url: expect.stringMatching(/\/slack\/events$/) })),
    );
  });
});
