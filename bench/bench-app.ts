import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { createSlackApp } from '../src/slack/create-app.js';
import { createLogger } from '../src/util/logger.js';
import { type Db, openState } from '../src/weekly/state.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../test/support/fake-slack.js';

/** The real app under a latency bench: the Bolt HTTP receiver on loopback and the local fake Slack. */
export interface BenchApp {
  fake: FakeSlack;
  port: number;
  db: Db;
  stop(): Promise<void>;
}

/**
 * Starts the real Bolt app (HTTP receiver, ephemeral port) over `index`, its Web API pointed at a
 * local fake Slack and an in-memory SQLite state, and waits for Bolt's start-up `auth.test`. One
 * start-up for every Slack bench, so they all measure the same app.
 */
export async function startBenchApp(index: SearchIndex): Promise<BenchApp> {
  const fake = new FakeSlack();
  await fake.start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  const db = openState(':memory:');
  const slack = createSlackApp(
    config,
    { index: () => index, db, today: () => '2026-11-23', logger: createLogger('error') },
    { retryConfig: { retries: 0 } },
  );
  const server = (await slack.app.start(0)) as Server;
  const port = (server.address() as AddressInfo).port;
  await fake.waitFor(() => fake.callsTo('auth.test')[0]);
  return {
    fake,
    port,
    db,
    stop: async () => {
      await slack.app.stop();
      await fake.stop();
      db.close();
    },
  };
}
