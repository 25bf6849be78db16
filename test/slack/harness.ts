import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { loadConfig } from '../../src/config.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { createLogger, registerSecret } from '../../src/util/logger.js';
import { type Db, openState } from '../../src/weekly/state.js';
import { DATA_DIR } from '../helpers.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../support/fake-slack.js';

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
export async function startHarness(overrides: Partial<SlackDeps> = {}): Promise<Harness> {
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
  const db = openState(':memory:');
  const deps: SlackDeps = {
    index: () => index,
    db,
    today: () => '2026-11-23',
    logger: createLogger('info', (l) => logs.push(l)),
    ...overrides,
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
      db.close();
    },
  };
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
