import pg from 'pg';
import { StateError } from '../../weekly/state.js';

/**
 * Where a PostgreSQL URL points, safe to log and show: `host:port/database`, never the user,
 * password or query parameters. Every message about the database names it by this.
 */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
    return `PostgreSQL ${u.hostname || 'localhost'}:${u.port || '5432'}/${db}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid URL)';
  }
}

/** Error codes of a connection that failed or dropped (node's and PostgreSQL's class 08 and 57P). */
const CONNECTION =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE|EAI_AGAIN|08\w{3}|57P0[1-3])$/;

/** Whether an error means the database could not be reached (as opposed to a refused statement). */
function isConnectionError(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  if (CONNECTION.test(code)) return true;
  const message = String((err as Error)?.message ?? '');
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection/i.test(
    message,
  );
}

/** A URL-free account of a driver error: its code and message, user and password removed just in case. */
function account(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  const message = String((err as Error)?.message ?? err).replace(/\/\/[^@/\s]*@/g, '//…@');
  return code ? `${code}: ${message}` : message;
}

/**
 * What a PostgreSQL driver error means for the app, as a {@link StateError}: unreachable (the
 * pool reconnects by itself; state features answer with an error id meanwhile) or a statement
 * that failed. The message names the server by host and database, never by its URL.
 */
export function pgError(where: string, err: unknown): StateError {
  if (err instanceof StateError) return err;
  if (isConnectionError(err))
    return new StateError(
      where,
      'unreachable',
      `${where} cannot be reached (${account(err)}): digests, subscriptions, threads and feedback wait for it; questions are still answered`,
    );
  return new StateError(where, 'other', `${where}: a statement failed (${account(err)})`);
}

/** The pool's size and how it is used, for `/metrics`. */
export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * The connection pool and the one way the stores run SQL: every driver error becomes a
 * {@link StateError} naming the server without credentials. Connections that drop are replaced
 * by the pool on the next query, so a restarted server is used again without a restart.
 */
export class PgDatabase {
  private readonly pool: pg.Pool;

  constructor(
    url: string,
    readonly where: string,
    o: { max?: number; onIdleError?: (err: StateError) => void } = {},
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: o.max ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // A statement never holds a request for ever: the app answers with an error id instead.
      query_timeout: 15_000,
    });
    // An idle connection the server dropped (a restart): reported, never an uncaught exception.
    this.pool.on('error', (err) => o.onIdleError?.(pgError(where, err)));
  }

  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (err) {
      throw pgError(this.where, err);
    }
  }

  /**
   * Runs `fn` on a connection of its own. One that failed (its `error` event, or `fn` calling
   * `discard`) is destroyed instead of returned to the pool: it may still be mid-transaction or
   * hold a lock.
   */
  async session<T>(
    fn: (s: { client: pg.PoolClient; broken: () => boolean; discard: () => void }) => Promise<T>,
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw pgError(this.where, err);
    }
    let broken = false;
    const discard = () => {
      broken = true;
    };
    client.on('error', discard);
    try {
      return await fn({ client, broken: () => broken, discard });
    } finally {
      client.off('error', discard);
      client.release(broken);
    }
  }

  /** Runs `fn` in one transaction on one connection; rolled back when it throws. */
  tx<T>(
    fn: (
      q: <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<pg.QueryResult<R>>,
    ) => Promise<T>,
  ): Promise<T> {
    return this.session(async ({ client, broken, discard }) => {
      const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
        try {
          return await client.query<R>(sql, params);
        } catch (err) {
          if (isConnectionError(err)) discard();
          throw pgError(this.where, err);
        }
      };
      try {
        await q('BEGIN');
        const value = await fn(q);
        await q('COMMIT');
        return value;
      } catch (err) {
        // A connection that failed mid-transaction is discarded, not rolled back and pooled.
        if (!broken()) await client.query('ROLLBACK').catch(() => undefined);
        throw pgError(this.where, err);
      }
    });
  }

  state(): PoolState {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
