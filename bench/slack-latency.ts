import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { loadConfig } from '../src/config.js';
import { openIndex } from '../src/search/index-store.js';
import { createSlackApp } from '../src/slack/create-app.js';
import { createLogger } from '../src/util/logger.js';
import { defaultDataDir, defaultIndexDir } from '../src/util/paths.js';
import { openState } from '../src/weekly/state.js';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, send, slashCommand } from '../test/support/fake-slack.js';
import { QUALITY_CASES } from './questions.js';

/**
 * 200 signed `/policy` requests on loopback against the real Bolt HTTP receiver: time to the
 * HTTP 200 (the ack) and time until the answer reaches the (fake) response_url. Sequential, so
 * each number is one request's own latency. Prints one JSON line.
 */
const N = 200;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

await loadTokenizer();
const index = await openIndex({ dataDir: defaultDataDir(), indexDir: defaultIndexDir() });
const fake = new FakeSlack();
await fake.start();
const config = loadConfig({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
});
const slack = createSlackApp(
  config,
  { index: () => index, db: openState(':memory:'), today: () => '2026-11-23', logger: createLogger('error') },
  { retryConfig: { retries: 0 } },
);
const server = (await slack.app.start(0)) as Server;
const port = (server.address() as AddressInfo).port;
await fake.waitFor(() => fake.callsTo('auth.test')[0]);

const ack: number[] = [];
const answered: number[] = [];
for (let i = 0; i < N; i++) {
  const q = QUALITY_CASES[i % QUALITY_CASES.length]?.q ?? 'Korea';
  const id = `bench-${i}`;
  const t0 = process.hrtime.bigint();
  const res = await send(port, slashCommand(q, fake.responseUrl(id)), 'form');
  await res.text();
  ack.push(Number(process.hrtime.bigint() - t0) / 1e6);
  await fake.waitFor(() => fake.responses.find((r) => r.id === id), 10_000);
  answered.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (res.status !== 200) throw new Error(`request ${i} got HTTP ${res.status}`);
}
await slack.app.stop();
await fake.stop();
console.log(
  JSON.stringify({
    n: N,
    ackP50: pct(ack, 50),
    ackP99: pct(ack, 99),
    answerP50: pct(answered, 50),
    answerP99: pct(answered, 99),
  }),
);
process.exit(0);
