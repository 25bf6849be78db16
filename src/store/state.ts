import type { ConversationStore } from './conversation.js';
import type { DedupeStore } from './dedupe.js';
import type { DigestStore } from './digest.js';
import type { FeedMemory } from './feed.js';
import type { FeedbackStore } from './feedback.js';
import type { InstallationRows } from './installations.js';
import type { SecretStore } from './secrets.js';

/** The outcome of trying to run under the digest lock. */
export type Locked<T> = { ran: true; value: T } | { ran: false };

/**
 * Every store of the app's shared state, from one database: the embedded SQLite file (one
 * process) or PostgreSQL (`DATABASE_URL`, any number of replicas). Listeners, the digest and the
 * feed see only these interfaces, never which database is behind them.
 */
export interface StateStores {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the state is, safe to log: the SQLite file, or PostgreSQL's host and database (never credentials). */
  readonly where: string;
  readonly digest: DigestStore;
  readonly conversation: ConversationStore;
  readonly feedback: FeedbackStore;
  readonly dedupe: DedupeStore;
  readonly feed: FeedMemory;
  readonly secrets: SecretStore;
  readonly installations: InstallationRows;
  /**
   * Resolves once the schema is migrated: at once for SQLite (migrated when opened); PostgreSQL
   * migrates in the background, retried while the server cannot be reached, and rejects when it
   * gives up. Work that needs the tables at start waits for it, never holding the start up.
   */
  readonly ready: Promise<void>;
  /** Reports a fault met at run time (a disk error, a dropped connection) to the app's log. */
  reportFault(err: unknown): void;
  /** Throws (a StateError) when the database cannot be used right now: what `/readyz` asks. */
  ping(): Promise<void>;
  /**
   * Runs `fn` while this process holds the digest lock, or not at all when another process holds
   * it. With PostgreSQL it is a session advisory lock: a replica that dies loses it with its
   * connection, so another one can take over the run.
   */
  withDigestLock<T>(fn: () => Promise<T>): Promise<Locked<T>>;
  close(): Promise<void>;
}
