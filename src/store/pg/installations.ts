import type { InstallationRecord, InstallationRows } from '../installations.js';
import type { PgDatabase } from './pool.js';

/** {@link InstallationRows} in PostgreSQL: every replica acts for every installed workspace. */
export class PgInstallationRows implements InstallationRows {
  constructor(private readonly db: PgDatabase) {}

  async save(r: InstallationRecord, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO installations (key, team_id, enterprise_id, data, installed_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
         data = excluded.data, updated_at = excluded.updated_at`,
      [r.key, r.teamId, r.enterpriseId, r.data, now],
    );
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.db.query<{ data: string }>('SELECT data FROM installations WHERE key = $1', [key]))
      .rows[0]?.data;
  }

  async delete(key: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM installations WHERE key = $1', [key])).rowCount === 1;
  }
}
