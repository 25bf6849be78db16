import type { Awaitable } from './awaitable.js';

/** One workspace's (or organisation's) installation as stored: Bolt's object as JSON, keyed. */
export interface InstallationRecord {
  /** `team:T…`, or `enterprise:E…` for an organisation-wide install. */
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  /** Bolt's Installation, JSON (it holds the bot token: the database is as secret as a token). */
  data: string;
}

/**
 * Installations of the distributed app (OAuth): one row per workspace or organisation that
 * installed it, in the same database as the rest of the state, so every replica can act for
 * every workspace. Bolt's InstallationStore is built on it (`src/slack/installations.ts`).
 */
export interface InstallationRows {
  save(r: InstallationRecord, now: string): Awaitable<void>;
  get(key: string): Awaitable<string | undefined>;
  /** Removes the row; true when there was one. */
  delete(key: string): Awaitable<boolean>;
}
