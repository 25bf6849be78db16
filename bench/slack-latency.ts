import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { openIndex } from '../src/search/index-store.js';
import { defaultDataDir, defaultIndexDir } from '../src/util/paths.js';
import { send, slashCommand } from '../test/support/fake-slack.js';
import { startBenchApp } from './bench-app.js';
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
const app = await startBenchApp(index);
const { fake, port } = app;

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
await app.stop();
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
