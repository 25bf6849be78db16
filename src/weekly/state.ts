import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Versioned migrations; each runs once, in order, inside a transaction. Exported so tests can
 * build a database exactly as an older release (or another branch's deployment) left it.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE seen_events (event_id TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
      CREATE TABLE subscriptions (
        channel_id TEXT PRIMARY KEY,
        team_id TEXT,
        filters TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT 'en',
        created_by TEXT,
        subscribed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        paused_reason TEXT,
        paused_at TEXT,
        last_week TEXT,
        last_posted_at TEXT
      );
      CREATE TABLE items_seen (item_id TEXT PRIMARY KEY, first_seen_at TEXT NOT NULL);
      CREATE TABLE digest_messages (
        channel_id TEXT NOT NULL,
        week TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
        ts TEXT,
        created_at TEXT NOT NULL,
        posted_at TEXT,
        PRIMARY KEY (channel_id, week, part)
      );
      CREATE TABLE sent_items (
        channel_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        week TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (channel_id, item_id)
      );
      CREATE TABLE digest_plans (
        channel_id TEXT NOT NULL,
        week TEXT NOT NULL,
        item_ids TEXT NOT NULL,
        parts TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finalized_at TEXT,
        PRIMARY KEY (channel_id, week)
      );
      CREATE TABLE runs (
        scheduled_for TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        detail TEXT
      );
    `,
  },
  {
    // Conversations (issue 12): each answer shown, the thread or DM it belongs to, and feedback.
    version: 2,
    sql: `
      CREATE TABLE answers (
        answer_id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        today TEXT NOT NULL,
        inherit TEXT,
        page_offset INTEGER NOT NULL,
        item_ids TEXT NOT NULL,
        total INTEGER NOT NULL,
        interpretation TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE threads (
        channel_id TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (channel_id, thread_ts)
      );
      CREATE TABLE feedback (
        feedback_id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id TEXT NOT NULL,
        question TEXT NOT NULL,
        interpretation TEXT NOT NULL,
        item_ids TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
        reason TEXT CHECK (reason IN ('wrong_items', 'missing_items', 'other')),
        note TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX feedback_created ON feedback (created_at);
    `,
  },
  {
    // Issue 19 finding 4 and issue 21: who changed a channel's subscription and how (every
    // change and every refused attempt, old → new filters), who set it last, a per-subscription
    // section order for its digests, and the suggestions an answer showed (so `cite N` can
    // resolve the numbers the asker saw when an answer offered only suggestions).
    version: 3,
    sql: `
      CREATE TABLE subscription_changes (
        change_id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel_id TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'resumed', 'deleted', 'refused')),
        old_filters TEXT,
        new_filters TEXT,
        changed_at TEXT NOT NULL
      );
      CREATE INDEX subscription_changes_channel ON subscription_changes (channel_id, changed_at);
      ALTER TABLE subscriptions ADD COLUMN updated_by TEXT;
      ALTER TABLE subscriptions ADD COLUMN section_order TEXT;
      ALTER TABLE answers ADD COLUMN suggestion_ids TEXT;
    `,
  },
  {
    // The publisher's listing watched for new digests (issue 22): each digest page met and what
    // became of it, so a page added or refused with the same content is not tried again; and
    // each check, so a missed one is made up at start and a listing problem is said once.
    version: 4,
    sql: `
      CREATE TABLE feed_pages (
        url TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('added', 'present', 'refused', 'failed')),
        content_hash TEXT,
        document_id TEXT,
        reason TEXT,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE feed_checks (
        check_id INTEGER PRIMARY KEY AUTOINCREMENT,
        listing TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        problem TEXT,
        report TEXT
      );
      CREATE INDEX feed_checks_started ON feed_checks (started_at);
    `,
  },
  {
    // Secrets made once per install (issue 19): the key feedback user ids are hashed with, so a
    // hash cannot be reversed by hashing every user id of a workspace with a salt in the code.
    version: 5,
    sql: `
      CREATE TABLE install_secrets (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    // Issue 23 (numbered after it, so other branches' migrations keep their numbers): the
    // distributed app's installations (OAuth), one per workspace or organisation, and the
    // subscriptions of a team found at once (uninstalling pauses them).
    version: 23,
    sql: `
      CREATE TABLE installations (
        key TEXT PRIMARY KEY,
        team_id TEXT,
        enterprise_id TEXT,
        data TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX subscriptions_team ON subscriptions (team_id);
    `,
  },
  {
    // Issue 23: rows are keyed by workspace (src/store/workspace.ts), not by Slack ids alone — a
    // Slack Connect channel shared by two installing workspaces has one channel id and one thread
    // ts. Old rows keep every value and get the key they should have (PostgreSQL's migration 3
    // does the same):
    // - a subscription: `team:` + its recorded team_id (every subscribe since issue 23 recorded
    //   it), else '' — "the single workspace";
    // - its change log, plans, parts and sent items: their channel's subscription's key, else '';
    // - threads, answers and feedback: '' (nothing in them names a team);
    // - delivery keys: prefixed with '' ('/key'), the form DedupeStore.firstDelivery stores.
    // Rows keyed '' are claimed at start by an app serving one workspace (the single-token app,
    // from its bot token's auth.test): claimUnkeyedRows in src/slack/workspace.ts.
    version: 24,
    sql: `
      CREATE TABLE subscriptions_v24 (
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        team_id TEXT,
        filters TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT 'en',
        created_by TEXT,
        subscribed_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        paused_reason TEXT,
        paused_at TEXT,
        last_week TEXT,
        last_posted_at TEXT,
        updated_by TEXT,
        section_order TEXT,
        PRIMARY KEY (workspace, channel_id)
      );
      INSERT INTO subscriptions_v24 (workspace, channel_id, team_id, filters, lang, created_by, subscribed_at,
        updated_at, paused_reason, paused_at, last_week, last_posted_at, updated_by, section_order)
        SELECT CASE WHEN team_id IS NOT NULL AND team_id <> '' THEN 'team:' || team_id ELSE '' END, channel_id,
          team_id, filters, lang, created_by, subscribed_at, updated_at, paused_reason, paused_at, last_week,
          last_posted_at, updated_by, section_order
        FROM subscriptions;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_v24 RENAME TO subscriptions;
      CREATE INDEX subscriptions_team ON subscriptions (team_id);

      ALTER TABLE subscription_changes ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
      UPDATE subscription_changes SET workspace = COALESCE(
        (SELECT s.workspace FROM subscriptions s WHERE s.channel_id = subscription_changes.channel_id), '');
      DROP INDEX subscription_changes_channel;
      CREATE INDEX subscription_changes_channel ON subscription_changes (workspace, channel_id, changed_at);

      CREATE TABLE digest_messages_v24 (
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        week TEXT NOT NULL,
        part INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
        ts TEXT,
        created_at TEXT NOT NULL,
        posted_at TEXT,
        PRIMARY KEY (workspace, channel_id, week, part)
      );
      INSERT INTO digest_messages_v24 (workspace, channel_id, week, part, parts, status, ts, created_at, posted_at)
        SELECT COALESCE((SELECT s.workspace FROM subscriptions s WHERE s.channel_id = m.channel_id), ''),
          channel_id, week, part, parts, status, ts, created_at, posted_at
        FROM digest_messages m;
      DROP TABLE digest_messages;
      ALTER TABLE digest_messages_v24 RENAME TO digest_messages;

      CREATE TABLE sent_items_v24 (
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        week TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (workspace, channel_id, item_id)
      );
      INSERT INTO sent_items_v24 (workspace, channel_id, item_id, week, sent_at)
        SELECT COALESCE((SELECT s.workspace FROM subscriptions s WHERE s.channel_id = i.channel_id), ''),
          channel_id, item_id, week, sent_at
        FROM sent_items i;
      DROP TABLE sent_items;
      ALTER TABLE sent_items_v24 RENAME TO sent_items;

      CREATE TABLE digest_plans_v24 (
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        week TEXT NOT NULL,
        item_ids TEXT NOT NULL,
        parts TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finalized_at TEXT,
        PRIMARY KEY (workspace, channel_id, week)
      );
      INSERT INTO digest_plans_v24 (workspace, channel_id, week, item_ids, parts, created_at, finalized_at)
        SELECT COALESCE((SELECT s.workspace FROM subscriptions s WHERE s.channel_id = p.channel_id), ''),
          channel_id, week, item_ids, parts, created_at, finalized_at
        FROM digest_plans p;
      DROP TABLE digest_plans;
      ALTER TABLE digest_plans_v24 RENAME TO digest_plans;

      CREATE TABLE threads_v24 (
        workspace TEXT NOT NULL DEFAULT '',
        channel_id TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workspace, channel_id, thread_ts)
      );
      INSERT INTO threads_v24 (workspace, channel_id, thread_ts, answer_id, updated_at)
        SELECT '', channel_id, thread_ts, answer_id, updated_at FROM threads;
      DROP TABLE threads;
      ALTER TABLE threads_v24 RENAME TO threads;

      ALTER TABLE answers ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
      ALTER TABLE feedback ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
      UPDATE seen_events SET event_id = '/' || event_id;
    `,
  },
];

export type Db = Database.Database;

/** A fault of the state database, with a one-line message naming the file and the fix. */
export class StateError extends Error {
  constructor(
    readonly file: string,
    readonly kind:
      | 'not-a-database'
      | 'read-only'
      | 'cannot-open'
      | 'damaged'
      | 'half-migrated'
      | 'disk'
      | 'unreachable'
      | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'StateError';
  }
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

const FRESH = 'move it away to start fresh; subscriptions will be lost';

/**
 * Turns whatever SQLite or the file system threw into a {@link StateError} whose message says, in
 * one line, which file is at fault and what the operator can do — instead of "file is not a
 * database" with no file name. Errors already explained pass through.
 */
export function stateError(file: string, err: unknown): StateError {
  if (err instanceof StateError) return err;
  const code = String((err as { code?: unknown })?.code ?? '');
  const message = err instanceof Error ? err.message : String(err);
  const db = `state database ${file}`;
  if (code === 'SQLITE_NOTADB')
    return new StateError(file, 'not-a-database', `${db} is not a SQLite database (corrupt?): ${FRESH}`);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new StateError(
      file,
      'read-only',
      `${db} is read-only for user ${currentUser()}: make the file and its folder writable by that user, or set POLICY_BOT_STATE_PATH to a writable place`,
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new StateError(
      file,
      'cannot-open',
      `${db} cannot be opened by user ${currentUser()}: check that its folder exists and is readable and writable, or set POLICY_BOT_STATE_PATH`,
    );
  if (code.startsWith('SQLITE_CORRUPT'))
    return new StateError(
      file,
      'damaged',
      `${db} has damaged pages (${message}): restore a backup (${file}.pre-v*.bak) or ${FRESH}`,
    );
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL')
    return new StateError(
      file,
      'disk',
      `${db} cannot be read or written (${code}: ${message}): check the disk (space, health, mount) it is on`,
    );
  return new StateError(file, 'other', `${db} cannot be used (${message}): ${FRESH} if it persists`);
}

/**
 * Table names a migration creates outright (`CREATE TABLE x`, not `… IF NOT EXISTS x`), so a
 * half-applied schema is noticed before the migration fails on it half-way.
 */
function tablesCreatedBy(sql: string): string[] {
  return [...sql.matchAll(/CREATE\s+TABLE\s+(?!IF\s+NOT\s+EXISTS)["`]?(\w+)/gi)].map((m) => m[1] as string);
}

/**
 * Opens (creating if needed) the state database, checks it and applies pending migrations. WAL
 * mode keeps readers and the digest writer from blocking each other and survives a crash
 * mid-write. A file that is not a database, is read-only, has damaged pages (`PRAGMA
 * quick_check`) or a half-applied schema is refused with a {@link StateError} that names the file
 * and the fix; nothing is migrated over it. Before each migration of an existing database a
 * consistent copy is kept beside it (`<file>.pre-v<N>.bak`).
 */
export function openState(path: string, now: () => Date = () => new Date()): Db {
  let db: Db | undefined;
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
      ownerOnly(path);
    }
    db = new Database(path);
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check') as { quick_check: string }[];
    const problems = check.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw new StateError(
        path,
        'damaged',
        `state database ${path} has damaged pages (quick_check: ${problems.slice(0, 3).join('; ')}): restore a backup (${path}.pre-v*.bak) or ${FRESH}`,
      );
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, path, now);
    return db;
  } catch (err) {
    db?.close();
    throw stateError(path, err);
  }
}

/** Read and write for the owner only: the state holds subscriptions, questions, feedback and secrets. */
const OWNER_ONLY = 0o600;

/**
 * Creates the state file with mode 0600 when it does not exist yet, and takes group and other
 * access away from an existing one and its `-wal` / `-shm` files. SQLite gives the `-wal` and
 * `-shm` files it creates the database file's mode, so they are 0600 too. A file this user does
 * not own keeps its mode (opening it then says what is wrong).
 */
function ownerOnly(path: string): void {
  try {
    closeSync(openSync(path, 'wx', OWNER_ONLY));
  } catch {
    // It exists already, or cannot be made: opening it says why.
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
    } catch {
      // not ours to change
    }
  }
}

function migrate(db: Db, path: string, now: () => Date): void {
  const tables = () =>
    new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
  const existing = tables();
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  // By number, whatever order branches listed them in; a missing number (another branch's) is no gap to fill.
  const pending = MIGRATIONS.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
  for (const m of pending) {
    const clash = tablesCreatedBy(m.sql).find((t) => existing.has(t));
    if (clash)
      throw new StateError(
        path,
        'half-migrated',
        `state database ${path} has a half-applied schema (table ${clash} exists but migration ${m.version} is not recorded): restore a backup (${path}.pre-v*.bak) or ${FRESH}`,
      );
  }
  const hasData = [...existing].some((t) => !t.startsWith('sqlite_'));
  for (const m of pending) {
    if (hasData && path !== ':memory:' && existsSync(path)) {
      const backup = `${path}.pre-v${m.version}.bak`;
      if (!existsSync(backup)) {
        db.prepare('VACUUM INTO ?').run(backup);
        chmodSync(backup, OWNER_ONLY);
      }
    }
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        m.version,
        now().toISOString(),
      );
    })();
  }
}

/** Who hears about state faults met at run time (set by the app; stderr otherwise). */
const faultReporters = new WeakMap<Db, (err: StateError) => void>();

/** Routes run-time faults of `db` (a disk I/O error in the middle of the day) to `report`. */
export function onStateFault(db: Db, report: (err: StateError) => void): void {
  faultReporters.set(db, report);
}

/** Reports a state fault met at run time through the reporter set by {@link onStateFault}. */
export function reportFault(db: Db, err: unknown): void {
  const e = stateError(db.name, err);
  const report = faultReporters.get(db);
  if (report) report(e);
  else process.stderr.write(`policy-bot: ${e.message}\n`);
}

/**
 * Whether an error is a fault of the state database — SQLite's, a closed handle, or one already
 * explained as a {@link StateError} (PostgreSQL unreachable, a dropped connection) — rather than
 * a bug: such a fault is answered with an error id, and only what needs state is off.
 */
export function isStateFault(err: unknown): boolean {
  if (err instanceof StateError) return true;
  const code = String((err as { code?: unknown })?.code ?? '');
  return (
    code.startsWith('SQLITE_') || /database connection is not open/.test(String((err as Error)?.message))
  );
}
