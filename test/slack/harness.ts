import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { loadConfig } from '../../src/config.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import type { ConversationStore } from '../../src/store/conversation.js';
import { sqliteStores } from '../../src/store/sqlite/index.js';
import type { StateStores } from '../../src/store/state.js';
import { createLogger, registerSecret } from '../../src/util/logger.js';
import { type Db, openState } from '../../src/weekly/state.js';
import { DATA_DIR } from '../helpers.js';
import {
  BOT_TOKEN,
  eventEnvelope,
  FakeSlack,
  interaction,
  SIGNING_SECRET,
  send,
} from '../support/fake-slack.js';

let sharedIndex: SearchIndex | undefined;
export async function realIndex(): Promise<SearchIndex> {
  await loadTokenizer();
  sharedIndex ??= buildIndex(DATA_DIR).index;
  return sharedIndex;
}

export interface Harness {
  fake: FakeSlack;
  slack: SlackApp;
  port: number;
  db: Db;
  logs: string[];
  deps: SlackDeps;
  stop(): Promise<void>;
}

/**
 * The real Bolt app with its real HTTP receiver on an ephemeral port, its Web API client pointed
 * at a local fake Slack, and a real (in-memory) SQLite state.
 */
export async function startHarness(overrides: Partial<SlackDeps> & { db?: Db } = {}): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const index = await realIndex();
  const logs: string[] = [];
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '3000',
  });
  registerSecret(config.botToken);
  registerSecret(config.signingSecret);
  const { db: given, ...rest } = overrides;
  const db = given ?? openState(':memory:');
  const deps: SlackDeps = {
    index: () => index,
    state: sqliteStores(db),
    today: () => '2026-11-23',
    logger: createLogger('info', (l) => logs.push(l)),
    ...rest,
  };
  const slack = createSlackApp(config, deps, { retryConfig: { retries: 0 } });
  const server = (await slack.app.start(0)) as Server;
  const port = (server.address() as AddressInfo).port;
  // Bolt verifies the token with auth.test as it is constructed; let that finish before tests run.
  await fake.waitFor(() => fake.callsTo('auth.test')[0]);
  await new Promise((r) => setTimeout(r, 50));
  return {
    fake,
    slack,
    port,
    db,
    logs,
    deps,
    stop: async () => {
      await slack.app.stop();
      await fake.stop();
      if (db.open) db.close();
    },
  };
}

/** Sends an Events API event and waits for the bot's next chat.postMessage. */
export async function postAfter(h: Harness, event: Record<string, unknown>) {
  const before = h.fake.callsTo('chat.postMessage').length;
  expect((await send(h.port, eventEnvelope(event), 'json')).status).toBe(200);
  return h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before)[0]);
}

/**
 * Sends an Events API event and returns what the bot posted for it once every listener run has
 * finished (none when it stays silent). Waiting for the runs, not only a pause, keeps a slow
 * answer from arriving after the check and a silence test from passing wrongly.
 */
export async function postsAfter(h: Harness, event: Record<string, unknown>) {
  const before = h.fake.callsTo('chat.postMessage').length;
  expect((await send(h.port, eventEnvelope(event), 'json')).status).toBe(200);
  await new Promise((r) => setTimeout(r, 250));
  await h.fake.waitFor(() => (h.slack.inFlight() === 0 ? true : undefined), 30_000);
  return h.fake.callsTo('chat.postMessage').slice(before);
}

/**
 * The calls listeners make to one method of the conversation store while `run` runs (its
 * arguments, in order): how a test sees that state is read once per request, not twice.
 */
export async function conversationCalls(
  h: Harness,
  method: keyof ConversationStore,
  run: () => Promise<unknown>,
): Promise<unknown[][]> {
  const state = h.deps.state as StateStores;
  const calls: unknown[][] = [];
  const conversation = new Proxy(state.conversation, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === method) calls.push(args);
        return value.apply(target, args);
      };
    },
  });
  h.deps.state = { ...state, conversation };
  try {
    await run();
  } finally {
    h.deps.state = state;
  }
  return calls;
}

/** Every mrkdwn/plain text string inside a Block Kit payload. */
export function texts(blocks: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(blocks);
  return out;
}

/** Every mrkdwn text object in a Block Kit payload. */
export function mrkdwnObjects(blocks: unknown): { text: string; verbatim?: boolean }[] {
  const out: { text: string; verbatim?: boolean }[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string')
        out.push(o as { text: string; verbatim?: boolean });
      for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
    }
  };
  walk(blocks);
  return out;
}

type AnyBlock = {
  type: string;
  accessory?: { action_id?: string; options?: { value?: string; url?: string }[] };
  elements?: { action_id?: string; value?: string; options?: { value?: string }[] }[];
};

/** The item ids behind the item menus (Cite) of a message, in the order shown. */
export function itemIds(blocks: unknown): string[] {
  return ((blocks ?? []) as AnyBlock[])
    .map((b) => b.accessory)
    .filter((a) => a?.action_id === 'item_menu')
    .map((a) => (JSON.parse(a?.options?.[0]?.value ?? '{}') as { i: string }).i);
}

/** The value of a button (by action id) in a message's actions blocks. */
export function buttonValue(blocks: unknown, actionId: string): string | undefined {
  return ((blocks ?? []) as AnyBlock[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)
    ?.value;
}

/** The answer menu's option for an export (`csv` or `md`). */
export function exportOption(blocks: unknown, x: 'csv' | 'md'): string | undefined {
  return ((blocks ?? []) as AnyBlock[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === 'answer_menu')
    ?.options?.map((o) => o.value)
    .find((v) => v && (JSON.parse(v) as { x?: string }).x === x);
}

/** Where a click happens unless a test says otherwise: a private answer to the slash command's user. */
const PRIVATE_ANSWER = { message_ts: '1700000000.000100', channel_id: 'C2147483705', is_ephemeral: true };

/** A block_actions payload as Slack sends it: one action, by `user`, on a message in `container`. */
function blockAction(
  action: Record<string, unknown>,
  responseUrl: string,
  container: Record<string, unknown>,
  user: string,
): string {
  return interaction({
    type: 'block_actions',
    user: { id: user, username: 'steve', team_id: 'T0001' },
    api_app_id: 'A123456',
    team: { id: 'T0001', domain: 'example' },
    channel: { id: String(container.channel_id), name: 'test' },
    container: { type: 'message', ...container },
    trigger_id: '123.456',
    response_url: responseUrl,
    actions: [{ block_id: 'b', action_ts: '1700000001.0', ...action }],
  });
}

/** A click on a button the bot rendered (👍/👎 are Slack's feedback buttons), as Slack sends it. */
export function clickButton(
  actionId: string,
  value: string | undefined,
  responseUrl: string,
  container: Record<string, unknown> = PRIVATE_ANSWER,
  user = 'U2147483697',
): string {
  const type = actionId === 'answer_feedback' ? 'feedback_buttons' : 'button';
  return blockAction({ type, action_id: actionId, value }, responseUrl, container, user);
}

/** An overflow menu choice (block_actions with a selected option), as Slack sends it. */
export function selectOption(
  actionId: string,
  value: string | undefined,
  responseUrl: string,
  container: Record<string, unknown> = PRIVATE_ANSWER,
  user = 'U2147483697',
): string {
  return blockAction(
    {
      type: 'overflow',
      action_id: actionId,
      selected_option: { text: { type: 'plain_text', text: 'x' }, value },
    },
    responseUrl,
    container,
    user,
  );
}
