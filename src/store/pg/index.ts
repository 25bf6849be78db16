import { StateError } from '../../weekly/state.js';
import type { Locked, StateStores } from '../state.js';
import { PgConversationStore } from './conversation.js';
import { PgDedupeStore } from './dedupe.js';
import { PgDigestStore } from './digest.js';
import { PgFeedStore } from './feed.js';
import { PgFeedbackStore } from './feedback.js';
import { PgInstallationRows } from './installations.js';
import { describeUrl, PgDatabase, type PoolState, pgError } from './pool.js';
import { LOCKS, migratePg } from './schema.js';
import { PgSecretStore } from './secrets.js';

/** The PostgreSQL stores, with the pool's state (for `/metrics`) and the first migration's outcome. */
export interface PgStores extends StateStores {
  readonly kind: 'postgres';
  readonly db: PgDatabase;
  poolState(): PoolState;
}

export interface PgOptions {
  /** Run-time faults (a dropped connection, a failed statement), for the log. */
  report?: (err: StateError) => void;
  /** Connections per process (default 10). */
  poolMax?: number;
  /** First wait before trying the migration again while the server is unreachable (doubles, at most 15 s). */
  retryMs?: number;
  now?: () => Date;
  /** A command-line run: no retrying; `ready` rejects with the first fault. */
  once?: boolean;
}

/**
 * Every store in the PostgreSQL database at `url` (`DATABASE_URL`). Returns at once: the schema
 * is migrated in the background (under an advisory lock, once across replicas), retried while
 * the server cannot be reached, so the app starts and answers questions with the database down;
 * until then state features answer with an error id and `ping` (readiness) says why.
 */
export function pgStores(url: string, o: PgOptions = {}): PgStores {
  const where = describeUrl(url);
  const report = o.report ?? ((e: StateError) => process.stderr.write(`policy-bot: ${e.message}\n`));
  const db = new PgDatabase(url, where, { ...(o.poolMax ? { max: o.poolMax } : {}), onIdleError: report });
  let migrated = false;
  let closed = false;
  let lastProblem = 'the schema is not migrated yet';
  const ready = (async () => {
    let wait = o.retryMs ?? 500;
    for (;;) {
      try {
        await migratePg(db, o.now);
        migrated = true;
        return;
      } catch (err) {
        const e = pgError(where, err);
        lastProblem = e.message;
        // Given up: a command-line run, a closed store, or a fault no retry mends (rights, a
        // broken schema: reported here). `ready` rejects; state features answer with an error id.
        if (o.once || closed) throw e;
        if (e.kind !== 'unreachable') {
          report(e);
          throw e;
        }
        await new Promise((r) => setTimeout(r, wait).unref());
        wait = Math.min(wait * 2, 15_000);
      }
    }
  })();
  // Those who wait for it see the rejection; nobody else has to (it was reported, or is theirs).
  ready.catch(() => undefined);
  return {
    kind: 'postgres',
    where,
    db,
    ready,
    digest: new PgDigestStore(db),
    conversation: new PgConversationStore(db),
    feedback: new PgFeedbackStore(db),
    dedupe: new PgDedupeStore(db),
    feed: new PgFeedStore(db),
    secrets: new PgSecretStore(db),
    installations: new PgInstallationRows(db),
    reportFault: (err) => report(pgError(where, err)),
    ping: async () => {
      if (!migrated) throw new StateError(where, 'unreachable', lastProblem);
      await db.query('SELECT 1');
    },
    withDigestLock: <T>(fn: () => Promise<T>) => digestLock(db, fn),
    poolState: () => db.state(),
    close: async () => {
      closed = true;
      await db.close();
    },
  };
}

/**
 * Runs `fn` holding PostgreSQL's session advisory lock for the digest on one dedicated
 * connection. If this process dies, the server ends its session and the lock with it, so another
 * replica takes the run over; if the connection breaks, it is discarded (never pooled while
 * it might still hold the lock).
 */
function digestLock<T>(db: PgDatabase, fn: () => Promise<T>): Promise<Locked<T>> {
  return db.session(async ({ client, discard }) => {
    const got = await client
      .query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [LOCKS.digest])
      .catch((err) => {
        discard();
        throw pgError(db.where, err);
      });
    if (!got.rows[0]?.got) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.digest]).catch(discard);
    }
  });
}
