import { pgStores } from '../../src/store/pg/index.js';
import { sqliteStores } from '../../src/store/sqlite/index.js';
import type { StateStores } from '../../src/store/state.js';
import { openState } from '../../src/weekly/state.js';
import { freshDatabase } from './postgres.js';

/**
 * Both databases the app's state can live in, for `describe.each`: an in-memory SQLite file, and
 * a new database on the test run's PostgreSQL server (dropped again by `close`).
 */
export const STATE_BACKENDS: {
  name: string;
  open: () => Promise<{ state: StateStores; close(): Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    open: async () => {
      const state = sqliteStores(openState(':memory:'));
      return { state, close: () => state.close() };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await freshDatabase();
      const state = pgStores(db.url, { once: true });
      await state.ready;
      return {
        state,
        close: async () => {
          await state.close();
          await db.drop();
        },
      };
    },
  },
];
