import type { SecretStore } from '../secrets.js';
import type { PgDatabase } from './pool.js';

/** {@link SecretStore} in PostgreSQL: the first value stored wins, for every replica. */
export class PgSecretStore implements SecretStore {
  constructor(private readonly db: PgDatabase) {}

  async secret(name: string, make: () => string, now: string): Promise<string> {
    await this.db.query(
      'INSERT INTO install_secrets (name, value, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      [name, make(), now],
    );
    const row = (
      await this.db.query<{ value: string }>('SELECT value FROM install_secrets WHERE name = $1', [name])
    ).rows[0];
    if (!row) throw new Error(`policy-bot: the secret ${name} could not be stored`);
    return row.value;
  }
}
