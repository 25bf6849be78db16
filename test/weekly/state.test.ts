import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { firstDelivery } from '../../src/slack/dedupe.js';
import { SqliteDigestStore as DigestStore } from '../../src/store/sqlite/digest.js';
import { sqliteStores } from '../../src/store/sqlite/index.js';
import { MIGRATIONS, onStateFault, openState, StateError, stateError } from '../../src/weekly/state.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-bot-state-'));
  file = join(dir, 'policy-bot.sqlite');
});

function refusal(path: string): StateError {
  try {
    openState(path).close();
  } catch (err) {
    expect(err).toBeInstanceOf(StateError);
    return err as StateError;
  }
  throw new Error('openState accepted a broken file');
}

describe('openState refuses a broken state file, naming the file and the fix in one line', () => {
  it('a file that is not a database', () => {
    writeFileSync(file, 'this is not sqlite, just text that someone put here\n'.repeat(200));
    const e = refusal(file);
    expect(e.message).toBe(
      `state database ${file} is not a SQLite database (corrupt?): move it away to start fresh; subscriptions will be lost`,
    );
    expect(e.message).not.toContain('\n');
    // The file is left as it was: nothing is lost by refusing it.
    expect(readFileSync(file, 'utf8')).toContain('this is not sqlite');
  });

  it('a database with damaged pages (quick_check)', () => {
    const db = openState(file);
    const store = new DigestStore(db);
    store.recordItems(
      Array.from({ length: 3000 }, (_, i) => `item-${i}-${'x'.repeat(40)}`),
      '2026-01-01T00:00:00Z',
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = openSync(file, 'r+');
    // Scribble over a few pages in the middle of the file, as a failing disk would.
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    closeSync(fd);
    const e = refusal(file);
    expect(e.kind).toBe('damaged');
    expect(e.message).toMatch(
      new RegExp(`^state database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has damaged pages \\(`),
    );
    expect(e.message).toContain('restore a backup');
    expect(e.message).not.toContain('\n');
  });

  it('a half-applied schema: never migrated over ("table … already exists")', () => {
    const raw = new Database(file);
    raw.exec(
      "CREATE TABLE subscriptions (channel_id TEXT PRIMARY KEY); INSERT INTO subscriptions VALUES ('C1')",
    );
    raw.close();
    const e = refusal(file);
    expect(e.kind).toBe('half-migrated');
    expect(e.message).toBe(
      `state database ${file} has a half-applied schema (table subscriptions exists but migration 1 is not recorded): restore a backup (${file}.pre-v*.bak) or move it away to start fresh; subscriptions will be lost`,
    );
    const again = new Database(file);
    expect(again.prepare('SELECT channel_id FROM subscriptions').all()).toEqual([{ channel_id: 'C1' }]);
    again.close();
  });

  it('read-only and disk errors name the user and the disk', () => {
    const ro = stateError(
      file,
      Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }),
    );
    expect(ro.message).toMatch(
      /^state database .* is read-only for user \S+: make the file and its folder writable/,
    );
    const io = stateError(file, Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }));
    expect(io.message).toContain(
      'cannot be read or written (SQLITE_IOERR_WRITE: disk I/O error): check the disk',
    );
  });
});

describe('migrations', () => {
  it('keep a copy of an existing database before migrating it', () => {
    const raw = new Database(file);
    raw.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('kept')");
    raw.close();
    openState(file).close();
    const backup = `${file}.pre-v1.bak`;
    expect(existsSync(backup)).toBe(true);
    const b = new Database(backup, { readonly: true });
    expect(b.prepare('SELECT t FROM notes').all()).toEqual([{ t: 'kept' }]);
    b.close();
  });

  it('make no backup of a brand-new database, and open a migrated one again without one', () => {
    openState(file).close();
    openState(file).close();
    expect(existsSync(`${file}.pre-v1.bak`)).toBe(false);
  });
});

describe('file modes', () => {
  /** Runs `f` under the common umask 022, where files are made world-readable unless asked otherwise. */
  function withUmask022<T>(f: () => T): T {
    const before = process.umask(0o022);
    try {
      return f();
    } finally {
      process.umask(before);
    }
  }
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('the state database, its -wal and -shm files and its backups are read/write for the owner only', () => {
    withUmask022(() => {
      const db = openState(file);
      db.prepare("INSERT INTO seen_events (event_id, seen_at) VALUES ('Ev', 'now')").run();
      expect(existsSync(`${file}-wal`)).toBe(true);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, 0o600]);
      db.close();
      // An existing world-readable database (made before this version) is tightened, and so is its backup.
      const old = join(dir, 'old.sqlite');
      const raw = new Database(old);
      raw.exec('CREATE TABLE notes (t TEXT)');
      raw.close();
      chmodSync(old, 0o644);
      openState(old).close();
      expect(mode(old)).toBe(0o600);
      expect(mode(`${old}.pre-v1.bak`)).toBe(0o600);
    });
  });

  /** A database built as a release with only `versions` applied left it (no later column or table). */
  function databaseAt(path: string, versions: number[]): void {
    const raw = new Database(path);
    raw.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    for (const m of MIGRATIONS.filter((m) => versions.includes(m.version))) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, 'then');
    }
    raw.close();
  }
  const schemaOf = (db: Database.Database) =>
    db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .all();
  const versionsOf = (db: Database.Database) =>
    (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
      (r) => r.version,
    );

  it('migrations run by version, with gaps: a database at version 2 takes the next ones listed', () => {
    const fresh = openState(join(dir, 'fresh.sqlite'));
    const all = versionsOf(fresh);
    expect(all.length).toBeGreaterThan(2);
    databaseAt(file, [1, 2]);
    const again = openState(file);
    expect(versionsOf(again)).toEqual(all);
    // Every table and column a new database has, with the same definitions (columns added by ALTER included).
    expect(schemaOf(again)).toEqual(schemaOf(fresh));
    for (const v of all.filter((v) => v > 2)) expect(existsSync(`${file}.pre-v${v}.bak`)).toBe(true);
    again.close();
    fresh.close();
  });

  it('a missing middle version (a deployment that had 4 and 5 but not 3) is applied, and the schema ends whole', () => {
    const fresh = openState(join(dir, 'fresh.sqlite'));
    const all = versionsOf(fresh);
    expect(all).toEqual(expect.arrayContaining([3, 4, 5]));
    databaseAt(
      file,
      all.filter((v) => v !== 3),
    );
    const again = openState(file);
    expect(versionsOf(again)).toEqual(all);
    expect(schemaOf(again)).toEqual(schemaOf(fresh));
    expect(existsSync(`${file}.pre-v3.bak`)).toBe(true);
    again.close();
    fresh.close();
  });
});

describe('firstDelivery', () => {
  it('answers (treats as new) and reports when the database fails at run time', async () => {
    const db = openState(file);
    const st = sqliteStores(db);
    const faults: string[] = [];
    onStateFault(db, (e) => faults.push(e.message));
    expect(await firstDelivery(st, 'Ev1')).toBe(true);
    expect(await firstDelivery(st, 'Ev1')).toBe(false);
    db.close();
    expect(await firstDelivery(st, 'Ev2')).toBe(true);
    expect(faults[0]).toContain(`state database ${file}`);
    expect(await firstDelivery(undefined, 'Ev3')).toBe(true);
  });
});
