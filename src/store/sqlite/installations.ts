import type { Db } from '../../weekly/state.js';
import type { InstallationRecord, InstallationRows } from '../installations.js';

/** {@link InstallationRows} in the embedded SQLite state database (mode 0600). */
export class SqliteInstallationRows implements InstallationRows {
  constructor(private readonly db: Db) {}

  save(r: InstallationRecord, now: string): void {
    this.db
      .prepare(
        `INSERT INTO installations (key, team_id, enterprise_id, data, installed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
           data = excluded.data, updated_at = excluded.updated_at`,
      )
      .run(r.key, r.teamId, r.enterpriseId, r.data, now, now);
  }

  get(key: string): string | undefined {
    return (
      this.db.prepare('SELECT data FROM installations WHERE key = ?').get(key) as { data: string } | undefined
    )?.data;
  }

  delete(key: string): boolean {
    return this.db.prepare('DELETE FROM installations WHERE key = ?').run(key).changes === 1;
  }
}
