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
 * Signed `/policy` requests on loopback against the real Bolt HTTP receiver: time to the HTTP 200
 * (the ack) and time until the answer reaches the (fake) response_url. First 200 sequential
 * requests (each number is one request's own latency), then bursts of 50 concurrent mixed
 * questions (English, Japanese, and long pasted texts) as a busy workspace sends them.
 * `slack-latency [DATA_DIR INDEX_DIR]` runs on another corpus. Prints one JSON line.
 */
const N = 200;
const BURST = 50;
const BURSTS = 4;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;

await loadTokenizer();
const [dataArg, indexArg] = process.argv.slice(2);
const index = await openIndex({
  dataDir: dataArg ?? defaultDataDir(),
  indexDir: indexArg ?? defaultIndexDir(),
});
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
// Mixed concurrent load: every tenth question is a long pasted text (the slow analysis case).
const LONG = `${'生成AIの安全性評価とリスク管理に関する各国の取り組みについて、'.repeat(60)}教えてください`;
const burstAck: number[] = [];
const burstAnswered: number[] = [];
for (let b = 0; b < BURSTS; b++) {
  await Promise.all(
    Array.from({ length: BURST }, async (_, k) => {
      const i = b * BURST + k;
      const q = i % 10 === 9 ? LONG : (QUALITY_CASES[(i * 7) % QUALITY_CASES.length]?.q ?? 'Korea');
      const id = `burst-${i}`;
      const t0 = process.hrtime.bigint();
      const res = await send(port, slashCommand(q, fake.responseUrl(id)), 'form');
      await res.text();
      burstAck.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.status !== 200) throw new Error(`burst request ${i} got HTTP ${res.status}`);
      await fake.waitFor(() => fake.responses.find((r) => r.id === id), 30_000);
      burstAnswered.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }),
  );
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
    items: index.items.length,
    burst: BURST,
    burstN: burstAck.length,
    burstAckP50: pct(burstAck, 50),
    burstAckP99: pct(burstAck, 99),
    burstAckMax: Math.max(...burstAck),
    burstAnswerP50: pct(burstAnswered, 50),
    burstAnswerP99: pct(burstAnswered, 99),
  }),
);
process.exit(0);
