import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { errorId, type Logger, registerSecret } from '../util/logger.js';
import { projectRoot } from '../util/paths.js';
import { onStateFault, openState, stateError } from '../weekly/state.js';
import { pgStores } from './pg/index.js';
import { sqliteStores } from './sqlite/index.js';
import type { StateStores } from './state.js';

/**
 * Keeps a PostgreSQL URL's secrets out of every log line: the whole URL and its password are
 * redacted wherever they would appear.
 */
function registerDatabaseSecrets(url: string | undefined): void {
  if (!url) return;
  registerSecret(url);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) registerSecret(password);
  } catch {
    // not a URL: the whole string is registered
  }
}

/**
 * The app's state: PostgreSQL when `DATABASE_URL` is set (replicas share it; the schema is
 * migrated in the background, under a lock), else the embedded SQLite file (checked, backed up,
 * migrated now). A SQLite fault at start is logged once, naming the file and the fix, and
 * returned as `fault`: only what needs state is off. PostgreSQL being down at start is no fault:
 * the stores answer with an error id until it is reachable, and `/readyz` says so.
 */
export function openStores(
  config: Pick<Config, 'statePath' | 'databaseUrl' | 'databasePoolMax'>,
  logger: Logger,
  root: string = projectRoot(),
): { state?: StateStores; fault?: string } {
  const report = (e: { message: string }) => logger.error(`[${errorId()}] ${e.message}`);
  if (config.databaseUrl) {
    registerDatabaseSecrets(config.databaseUrl);
    const state = pgStores(config.databaseUrl, { report, poolMax: config.databasePoolMax });
    state.ready.then(
      () => logger.info(`state: ${state.where} (schema up to date)`),
      () => undefined, // reported by the stores
    );
    return { state };
  }
  const path = resolve(root, config.statePath);
  try {
    const db = openState(path);
    onStateFault(db, report);
    return { state: sqliteStores(db) };
  } catch (err) {
    const fault = stateError(path, err).message;
    logger.error(
      `[${errorId()}] ${fault} — digests, subscriptions and event dedupe are off until this is fixed; questions, cite and help still work`,
    );
    return { fault };
  }
}

/**
 * The state for one command-line run (`feedback`, `fetch`, `digest --run-now`): the SQLite file
 * (relative paths from `root`), or PostgreSQL migrated now — a fault is thrown as a
 * {@link StateError} naming the database, never its URL.
 */
export async function openStoresOnce(
  config: Pick<Config, 'statePath' | 'databaseUrl' | 'databasePoolMax'>,
  root: string,
): Promise<StateStores> {
  if (config.databaseUrl) {
    registerDatabaseSecrets(config.databaseUrl);
    const state = pgStores(config.databaseUrl, { once: true, poolMax: 2 });
    try {
      await state.ready;
    } catch (err) {
      await state.close().catch(() => undefined);
      throw err;
    }
    return state;
  }
  return sqliteStores(openState(resolve(root, config.statePath)));
}
