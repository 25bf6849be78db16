import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.js';
import { warmUp } from '../src/query/ask.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { createSlackApp } from '../src/slack/create-app.js';
import { sqliteStores } from '../src/store/sqlite/index.js';
import { createLogger } from '../src/util/logger.js';
import { type Db, openState } from '../src/weekly/state.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../test/support/fake-slack.js';

/** The real app under a latency bench: the Bolt HTTP receiver on loopback. */
export interface BenchServer {
  port: number;
  db: Db;
  /** ms from each request reaching the server to its response being sent, in completion order. */
  serverAcks: number[];
  stop(): Promise<void>;
}

/** The real app under a latency bench, with the local fake Slack in the same process. */
export interface BenchApp extends BenchServer {
  fake: FakeSlack;
}

/**
 * Starts the real Bolt app (HTTP receiver, ephemeral port) over `index`, warmed as the app warms
 * it before serving (src/app.ts), its Web API pointed at
 * `apiUrl` (a fake Slack hosted elsewhere, e.g. in the load worker of bench/slack-load.ts) and an
 * in-memory SQLite state. Does not wait for Bolt's start-up `auth.test`: whoever hosts the fake
 * sees it arrive.
 */
export async function startBenchServer(index: SearchIndex, apiUrl: string): Promise<BenchServer> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
  });
  warmUp(index);
  const db = openState(':memory:');
  const slack = createSlackApp(
    config,
    { index: () => index, state: sqliteStores(db), today: () => '2026-11-23', logger: createLogger('error') },
    { retryConfig: { retries: 0 } },
  );
  const server = (await slack.app.start(0)) as Server;
  const port = (server.address() as AddressInfo).port;
  // The app's own view of each ack: from the request reaching the server to its response sent.
  const serverAcks: number[] = [];
  server.prependListener('request', (_req, res) => {
    const t0 = performance.now();
    res.once('finish', () => serverAcks.push(performance.now() - t0));
  });
  return {
    port,
    db,
    serverAcks,
    stop: async () => {
      await slack.app.stop();
      db.close();
    },
  };
}

/**
 * Starts the real Bolt app over `index` with a local fake Slack in this process, and waits for
 * Bolt's start-up `auth.test`. For benches whose load may share the app's event loop (the
 * latency benches host the fake and the load in a worker instead: bench/slack-load.ts).
 */
export async function startBenchApp(index: SearchIndex): Promise<BenchApp> {
  const fake = new FakeSlack();
  await fake.start();
  const app = await startBenchServer(index, fake.apiUrl);
  await fake.waitFor(() => fake.callsTo('auth.test')[0]);
  return {
    ...app,
    fake,
    stop: async () => {
      await app.stop();
      await fake.stop();
    },
  };
}
