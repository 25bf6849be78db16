import { type Db, reportFault, stateError } from '../../weekly/state.js';
import type { StateStores } from '../state.js';
import { SqliteConversationStore } from './conversation.js';
import { SqliteDedupeStore } from './dedupe.js';
import { SqliteDigestStore } from './digest.js';
import { SqliteFeedStore } from './feed.js';
import { SqliteFeedbackStore } from './feedback.js';
import { SqliteInstallationRows } from './installations.js';
import { SqliteSecretStore } from './secrets.js';

/**
 * Every store over one open SQLite state database (see `openState`). One process uses it, so the
 * digest lock is always free: the runner's own guard keeps runs from overlapping.
 */
export function sqliteStores(db: Db): StateStores {
  return {
    kind: 'sqlite',
    where: db.name,
    digest: new SqliteDigestStore(db),
    conversation: new SqliteConversationStore(db),
    feedback: new SqliteFeedbackStore(db),
    dedupe: new SqliteDedupeStore(db),
    feed: new SqliteFeedStore(db),
    secrets: new SqliteSecretStore(db),
    installations: new SqliteInstallationRows(db),
    ready: Promise.resolve(),
    reportFault: (err) => reportFault(db, err),
    ping: async () => {
      try {
        db.prepare('SELECT 1').get();
      } catch (err) {
        throw stateError(db.name, err);
      }
    },
    withDigestLock: async (fn) => ({ ran: true, value: await fn() }),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
