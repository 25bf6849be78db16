import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolState } from '../store/pg/pool.js';

/**
 * What the app counts for `/metrics` (Prometheus text format, prom-client). One registry per app,
 * never prom-client's global one, so tests and a second app in one process never share counts.
 */
export interface Metrics {
  readonly registry: Registry;
  /** A question answered (results) or abstained (nothing matched; suggestions at most). */
  question(outcome: 'answered' | 'abstained', seconds: number): void;
  /** A request to /slack/events acknowledged: from its arrival to its response sent. */
  ack(kind: string, seconds: number): void;
  /** A Slack Web API call that failed, by where it was made (a listener, the digest) and Slack's error code. */
  slackError(where: string, error: string): void;
  slackRetry(): void;
  digestPart(): void;
  reload(outcome: 'swapped' | 'failed'): void;
}

/** Buckets from 5 ms to 10 s: acks must stay far under Slack's 3 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's metrics. `pool` (PostgreSQL only) is read at each scrape: connections open, idle and
 * waiting clients.
 */
export function createMetrics(o: { pool?: () => PoolState } = {}): Metrics {
  const registry = new Registry();
  const questions = new Counter({
    name: 'policy_bot_questions_total',
    help: 'Questions answered from the index, by outcome (answered: results; abstained: none matched)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: 'policy_bot_answer_seconds',
    help: 'Time from a question to its reply model (search and decision)',
    buckets: BUCKETS,
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'policy_bot_ack_seconds',
    help: 'Time from a Slack request arriving to its acknowledgement sent, by payload kind',
    labelNames: ['kind'],
    buckets: BUCKETS,
    registers: [registry],
  });
  const slackErrors = new Counter({
    name: 'policy_bot_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by where they were made (listener or digest) and error code',
    labelNames: ['where', 'error'],
    registers: [registry],
  });
  const slackRetries = new Counter({
    name: 'policy_bot_slack_api_retries_total',
    help: 'Slack Web API attempts that failed and were retried (rate limits, server errors)',
    registers: [registry],
  });
  const digestParts = new Counter({
    name: 'policy_bot_digest_parts_posted_total',
    help: 'Weekly digest messages posted',
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'policy_bot_index_reloads_total',
    help: 'Live reloads of the index, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  if (o.pool) {
    const read = o.pool;
    new Gauge({
      name: 'policy_bot_db_pool_connections',
      help: 'PostgreSQL pool: connections by state (total, idle) and clients waiting for one',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const p = read();
        this.set({ state: 'total' }, p.total);
        this.set({ state: 'idle' }, p.idle);
        this.set({ state: 'waiting' }, p.waiting);
      },
    });
  }
  return {
    registry,
    question: (outcome, seconds) => {
      questions.inc({ outcome });
      answerSeconds.observe(seconds);
    },
    ack: (kind, seconds) => ackSeconds.observe({ kind }, seconds),
    slackError: (where, error) => slackErrors.inc({ where, error }),
    slackRetry: () => slackRetries.inc(),
    digestPart: () => digestParts.inc(),
    reload: (outcome) => reloads.inc({ outcome }),
  };
}
