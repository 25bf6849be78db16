import type { Db } from '../../weekly/state.js';
import { type DedupeStore, deliveryKey } from '../dedupe.js';
import type { Workspace } from '../workspace.js';

/** {@link DedupeStore} in the embedded SQLite state database (`seen_events`). */
export class SqliteDedupeStore implements DedupeStore {
  constructor(private readonly db: Db) {}

  firstDelivery(workspace: Workspace, key: string, now: string): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)')
        .run(deliveryKey(workspace, key), now).changes === 1
    );
  }

  prune(cutoff: string): void {
    this.db.prepare('DELETE FROM seen_events WHERE seen_at < ?').run(cutoff);
  }
}
