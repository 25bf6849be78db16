import { parentPort } from 'node:worker_threads';
import { eventEnvelope, FakeSlack, send, slashCommand } from '../test/support/fake-slack.js';
import { QUALITY_CASES } from './questions.js';
import type { FromWorker, LoadJob, LoadResult, ToWorker } from './slack-load.js';

/**
 * The load worker of bench/slack-load.ts: hosts the fake Slack, sends the signed requests and
 * times them on this thread's event loop. An answer's time is when the fake receives it (the
 * response_url post, or the chat.postMessage of a thread reply), not when a poll notices it.
 */
const port = parentPort;
if (!port) throw new Error('slack-load-worker runs in a worker thread');
const post = (m: FromWorker) => port.postMessage(m);
const now = () => Number(process.hrtime.bigint()) / 1e6;

const fake = new FakeSlack();
/** Checks run each time the fake records something: each settles with the time it first held. */
const watchers = new Set<() => boolean>();
const recheck = () => {
  for (const w of watchers) if (w()) watchers.delete(w);
};
const respondedIds = new Set<string>();
let posts = 0;
const pushResponse = fake.responses.push.bind(fake.responses);
fake.responses.push = (...rs) => {
  for (const r of rs) respondedIds.add(r.id);
  const len = pushResponse(...rs);
  recheck();
  return len;
};
const pushCall = fake.calls.push.bind(fake.calls);
fake.calls.push = (...cs) => {
  for (const c of cs) if (c.method === 'chat.postMessage') posts += 1;
  const len = pushCall(...cs);
  recheck();
  return len;
};

/** Resolves with the time (ms) at which `holds` first became true, or fails after `ms`. */
function when(holds: () => boolean, ms: number, what: string): Promise<number> {
  if (holds()) return Promise.resolve(now());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watchers.delete(check);
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const check = () => {
      if (!holds()) return false;
      clearTimeout(timer);
      resolve(now());
      return true;
    };
    watchers.add(check);
  });
}

async function slash(appPort: number, q: string, id: string, answerMs: number, out: LoadResult) {
  const t0 = now();
  const answered = when(() => respondedIds.has(id), answerMs, `the answer to ${id}`);
  const res = await send(appPort, slashCommand(q, fake.responseUrl(id)), 'form');
  await res.text();
  out.ack.push(now() - t0);
  if (res.status !== 200) {
    answered.catch(() => {});
    throw new Error(`request ${id} got HTTP ${res.status}`);
  }
  out.answered.push((await answered) - t0);
}

// Mixed concurrent load: every tenth question is a long pasted text (the slow analysis case).
const LONG = `${'生成AIの安全性評価とリスク管理に関する各国の取り組みについて、'.repeat(60)}教えてください`;
const FOLLOW_UPS = ['what about Korea?', 'and in January?', 'more', 'cite 2', 'EU', '韓国は?', 'guidelines'];

async function run(job: LoadJob): Promise<LoadResult> {
  const out: LoadResult = { ack: [], answered: [] };
  switch (job.kind) {
    case 'slash-sequential':
      for (let i = 0; i < job.n; i++) {
        const q = QUALITY_CASES[i % QUALITY_CASES.length]?.q ?? 'Korea';
        await slash(job.port, q, `bench-${i}`, 10_000, out);
      }
      return out;
    case 'slash-bursts':
      for (let b = 0; b < job.bursts; b++) {
        await Promise.all(
          Array.from({ length: job.burst }, (_, k) => {
            const i = b * job.burst + k;
            const q = i % 10 === 9 ? LONG : (QUALITY_CASES[(i * 7) % QUALITY_CASES.length]?.q ?? 'Korea');
            return slash(job.port, q, `burst-${i}`, 30_000, out);
          }),
        );
      }
      return out;
    case 'thread': {
      const base = Math.floor(Date.now() / 1000);
      const channel = 'CBENCH';
      for (let i = 0; i < job.n; i++) {
        const root = `${base + i}.000100`;
        const beforeMention = posts;
        const started = when(() => posts > beforeMention, 10_000, `the answer to mention ${i}`);
        await send(
          job.port,
          eventEnvelope({
            type: 'app_mention',
            user: 'U1',
            text: '<@UBOT> US in December 2025',
            ts: root,
            channel,
          }),
          'json',
        );
        await started;
        const beforeReply = posts;
        const t0 = now();
        const answered = when(() => posts > beforeReply, 10_000, `the answer to follow-up ${i}`);
        const res = await send(
          job.port,
          eventEnvelope({
            type: 'message',
            channel,
            channel_type: 'channel',
            user: 'U2',
            text: FOLLOW_UPS[i % FOLLOW_UPS.length],
            ts: `${base + i}.000200`,
            thread_ts: root,
          }),
          'json',
        );
        await res.text();
        out.ack.push(now() - t0);
        if (res.status !== 200) {
          answered.catch(() => {});
          throw new Error(`follow-up ${i} got HTTP ${res.status}`);
        }
        out.answered.push((await answered) - t0);
      }
      return out;
    }
  }
}

port.on('message', (m: ToWorker) => {
  run(m.job).then(
    (result) => post({ type: 'done', id: m.id, result }),
    (e: unknown) => post({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) }),
  );
});
await fake.start();
// If the app never calls auth.test, the rejection ends the worker and the main thread hears it.
void when(() => fake.callsTo('auth.test').length > 0, 60_000, "the app's auth.test").then(() =>
  post({ type: 'auth' }),
);
post({ type: 'ready', apiUrl: fake.apiUrl });
