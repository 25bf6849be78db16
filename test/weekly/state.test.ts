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
import { claimUnkeyedRows } from '../../src/slack/workspace.js';
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
    // Such a deployment predates migration 24 (which rebuilds the tables 3 added columns to).
    databaseAt(
      file,
      all.filter((v) => v !== 3 && v < 24),
    );
    const again = openState(file);
    expect(versionsOf(again)).toEqual(all);
    expect(schemaOf(again)).toEqual(schemaOf(fresh));
    expect(existsSync(`${file}.pre-v3.bak`)).toBe(true);
    again.close();
    fresh.close();
  });
});

describe('migration 24: rows keyed by workspace', () => {
  it('a state file of the previous schema keeps every row, each found under the key it should have', async () => {
    // The file exactly as the release before migration 24 left it, with rows of every kind.
    const raw = new Database(file);
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version < 24)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, 'then');
    }
    const at = '2026-01-10T00:00:00.000Z';
    const insert = (sql: string, ...values: unknown[]) => raw.prepare(sql).run(...values);
    const sub = `INSERT INTO subscriptions (channel_id, team_id, filters, lang, created_by, subscribed_at, updated_at,
      last_week, updated_by, section_order) VALUES (?, ?, ?, 'en', 'U1', ?, ?, ?, 'U1', ?)`;
    insert(sub, 'CTEAM', 'T1', 'Korea', at, at, '2026-01-05', 'japan,overseas');
    insert(sub, 'CNOTEAM', null, 'EU', at, at, null, null);
    const change = `INSERT INTO subscription_changes (channel_id, user_id, action, old_filters, new_filters, changed_at)
      VALUES (?, 'U1', ?, ?, ?, ?)`;
    insert(change, 'CTEAM', 'created', null, 'Korea', at);
    insert(change, 'CNOTEAM', 'created', null, 'EU', at);
    insert(change, 'CGONE', 'deleted', 'US', null, at);
    insert(
      "INSERT INTO digest_plans (channel_id, week, item_ids, parts, created_at) VALUES ('CTEAM', '2026-01-05', '[\"a/1\"]', '[]', ?)",
      at,
    );
    insert(
      "INSERT INTO digest_messages (channel_id, week, part, parts, status, ts, created_at) VALUES ('CTEAM', '2026-01-05', 0, 1, 'posted', '1.01', ?)",
      at,
    );
    insert(
      "INSERT INTO sent_items (channel_id, item_id, week, sent_at) VALUES ('CTEAM', 'a/1', '2026-01-05', ?)",
      at,
    );
    insert(
      "INSERT INTO sent_items (channel_id, item_id, week, sent_at) VALUES ('CNOTEAM', 'b/1', '2026-01-05', ?)",
      at,
    );
    insert(
      `INSERT INTO answers (answer_id, question, lang, today, inherit, page_offset, item_ids, total, interpretation,
        created_at, suggestion_ids) VALUES ('ANS1', 'Korea', 'en', '2026-01-10', NULL, 0, '[]', 0, '{}', ?, NULL)`,
      at,
    );
    insert(
      "INSERT INTO threads (channel_id, thread_ts, answer_id, updated_at) VALUES ('CTEAM', '1.01', 'ANS1', ?)",
      at,
    );
    insert(
      `INSERT INTO feedback (answer_id, question, interpretation, item_ids, user_hash, verdict, created_at)
        VALUES ('ANS1', 'Korea', '{}', '[]', 'h1', 'up', ?)`,
      at,
    );
    insert("INSERT INTO seen_events (event_id, seen_at) VALUES ('Ev1', ?)", at);
    const counts = (db: Database.Database) =>
      Object.fromEntries(
        [
          'subscriptions',
          'subscription_changes',
          'digest_plans',
          'digest_messages',
          'sent_items',
          'answers',
          'threads',
          'feedback',
          'seen_events',
        ].map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
      );
    const before = counts(raw);
    raw.close();

    const db = openState(file);
    expect(counts(db)).toEqual(before);
    const st = sqliteStores(db);
    const d = st.digest;
    // A subscription that recorded its team is that team's; one that did not is the single workspace's ('').
    expect(await d.subscription('team:T1', 'CTEAM')).toMatchObject({
      filters: 'Korea',
      team_id: 'T1',
      last_week: '2026-01-05',
      section_order: 'japan,overseas',
    });
    expect(await d.subscription('', 'CTEAM')).toBeUndefined();
    expect((await d.subscription('', 'CNOTEAM'))?.filters).toBe('EU');
    // Its digest's memory follows it: the plan, the part posted, the items sent.
    expect((await d.plan('team:T1', 'CTEAM', '2026-01-05'))?.item_ids).toEqual(['a/1']);
    expect(await d.partStatus('team:T1', 'CTEAM', '2026-01-05', 0)).toEqual({ status: 'posted', ts: '1.01' });
    expect([...(await d.sent('team:T1', 'CTEAM'))]).toEqual(['a/1']);
    expect([...(await d.sent('', 'CNOTEAM'))]).toEqual(['b/1']);
    expect((await d.changes('team:T1', 'CTEAM')).map((c) => c.action)).toEqual(['created']);
    expect((await d.changes('', 'CNOTEAM')).map((c) => c.action)).toEqual(['created']);
    expect((await d.changes('', 'CGONE')).map((c) => c.action)).toEqual(['deleted']);
    // Threads, answers and feedback named no team: the single workspace's.
    expect(await st.conversation.thread('', 'CTEAM', '1.01', '')).toBe('ANS1');
    expect((await st.conversation.answer('', 'ANS1'))?.question).toBe('Korea');
    expect((await st.feedback.list('')).map((f) => [f.answer_id, f.workspace])).toEqual([['ANS1', '']]);
    // A delivery seen before the upgrade is still seen (under the single workspace).
    expect(await st.dedupe.firstDelivery('', 'Ev1', at)).toBe(false);

    // The single-token app claims the single workspace's rows for its own team at start — not
    // while Slack cannot say which team its token is for.
    const said: string[] = [];
    const log = { info: (m: string) => said.push(m), warn: (m: string) => said.push(m) };
    const unreachable = async () => {
      throw new Error('fetch failed');
    };
    expect(await claimUnkeyedRows(st, unreachable, log)).toBeUndefined();
    expect((await d.subscription('', 'CNOTEAM'))?.filters).toBe('EU');
    expect(await claimUnkeyedRows(st, async () => ({ team_id: 'T1' }), log)).toBe('team:T1');
    expect(said.at(-1)).toBe('1 subscription(s) from before workspace keys now belong to team:T1');
    expect(await d.subscription('', 'CNOTEAM')).toBeUndefined();
    expect((await d.subscription('team:T1', 'CNOTEAM'))?.filters).toBe('EU');
    expect([...(await d.sent('team:T1', 'CNOTEAM'))]).toEqual(['b/1']);
    expect(await st.conversation.thread('team:T1', 'CTEAM', '1.01', '')).toBe('ANS1');
    expect((await st.conversation.answer('team:T1', 'ANS1'))?.question).toBe('Korea');
    expect(counts(db)).toEqual(before);
    db.close();
  });
});

describe('firstDelivery', () => {
  it('answers (treats as new) and reports when the database fails at run time', async () => {
    const db = openState(file);
    const st = sqliteStores(db);
    const faults: string[] = [];
    onStateFault(db, (e) => faults.push(e.message));
    expect(await firstDelivery(st, 'team:T1', 'Ev1')).toBe(true);
    expect(await firstDelivery(st, 'team:T1', 'Ev1')).toBe(false);
    db.close();
    expect(await firstDelivery(st, 'team:T1', 'Ev2')).toBe(true);
    expect(faults[0]).toContain(`state database ${file}`);
    expect(await firstDelivery(undefined, 'team:T1', 'Ev3')).toBe(true);
  });
});
