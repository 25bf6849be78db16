import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** Versioned migrations; each runs once, in order, inside a transaction. */
const MIGRATIONS: { version: number; sql: string }[] = [
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
];

export type Db = Database.Database;

/**
 * Opens (creating if needed) the state database and applies pending migrations. WAL mode keeps
 * readers and the digest writer from blocking each other and survives a crash mid-write.
 */
export function openState(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        m.version,
        new Date().toISOString(),
      );
    })();
  }
  return db;
}

/**
 * Records an event id; true the first time, false for a retry Slack sent because it thought the
 * first delivery failed. Old ids are pruned, since Slack retries within minutes.
 */
export function firstDelivery(db: Db, eventId: string, now: Date = new Date()): boolean {
  const fresh = db
    .prepare('INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)')
    .run(eventId, now.toISOString());
  if (Math.random() < 0.01) {
    db.prepare('DELETE FROM seen_events WHERE seen_at < ?').run(
      new Date(now.getTime() - 86_400_000).toISOString(),
    );
  }
  return fresh.changes === 1;
}
