import { type DedupeStore, deliveryKey } from '../dedupe.js';
import type { Workspace } from '../workspace.js';
import type { PgDatabase } from './pool.js';

/** {@link DedupeStore} in PostgreSQL: one unique insert, so a retry is answered once across replicas. */
export class PgDedupeStore implements DedupeStore {
  constructor(private readonly db: PgDatabase) {}

  async firstDelivery(workspace: Workspace, key: string, now: string): Promise<boolean> {
    const r = await this.db.query(
      'INSERT INTO seen_events (event_id, seen_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
      [deliveryKey(workspace, key), now],
    );
    return r.rowCount === 1;
  }

  async prune(cutoff: string): Promise<void> {
    await this.db.query('DELETE FROM seen_events WHERE seen_at < $1', [cutoff]);
  }
}
