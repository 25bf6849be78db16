import type { Db } from '../../weekly/state.js';
import type { SecretStore } from '../secrets.js';

/** {@link SecretStore} in the embedded SQLite state database (`install_secrets`, mode 0600). */
export class SqliteSecretStore implements SecretStore {
  constructor(private readonly db: Db) {}

  secret(name: string, make: () => string, now: string): string {
    this.db
      .prepare('INSERT OR IGNORE INTO install_secrets (name, value, created_at) VALUES (?, ?, ?)')
      .run(name, make(), now);
    const row = this.db.prepare('SELECT value FROM install_secrets WHERE name = ?').get(name) as
      | { value: string }
      | undefined;
    if (!row) throw new Error(`policy-bot: the secret ${name} could not be stored`);
    return row.value;
  }
}
