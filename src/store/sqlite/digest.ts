import type { Db } from '../../weekly/state.js';
import {
  BASELINE,
  CHANGE_COLUMNS,
  changeValues,
  type DigestStore,
  NEW_SUBSCRIPTION_COLUMNS,
  newSubscriptionValues,
  type Plan,
  type PlanRow,
  planFromRow,
  type Subscription,
  type SubscriptionChange,
  type SubscriptionUpsert,
  type UpsertOutcome,
} from '../digest.js';
import { UNKEYED, type Workspace } from '../workspace.js';

/** {@link DigestStore} in the embedded SQLite state database: every SQL statement of the digest, in one place. */
export class SqliteDigestStore implements DigestStore {
  constructor(private readonly db: Db) {}

  /**
   * Creates or replaces a channel's subscription in a workspace and logs the change (who, when,
   * old → new filters) in the same transaction. Whether the user may replace an existing one is
   * asked of that row inside the transaction (`mayReplace`, access.ts's rule): `refused` when not.
   */
  upsertSubscription(s: SubscriptionUpsert): UpsertOutcome {
    return this.db.transaction(() => {
      const existing = this.subscription(s.workspace, s.channelId);
      if (!existing) {
        this.db
          .prepare(
            `INSERT INTO subscriptions (${NEW_SUBSCRIPTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...newSubscriptionValues(s));
        this.logChange(s.workspace, s.channelId, s.userId, 'created', null, s.filters, s.now);
        return 'created' as const;
      }
      if (s.mayReplace && !s.mayReplace(existing)) {
        this.logChange(s.workspace, s.channelId, s.userId, 'refused', existing.filters, s.filters, s.now);
        return 'refused' as const;
      }
      this.db
        .prepare(
          `UPDATE subscriptions SET filters = ?, lang = ?, updated_at = ?, updated_by = ?, section_order = ?, paused_reason = NULL, paused_at = NULL
           WHERE workspace = ? AND channel_id = ?`,
        )
        .run(s.filters, s.lang, s.now, s.userId ?? null, s.sectionOrder ?? null, s.workspace, s.channelId);
      const outcome = existing.paused_reason ? ('resumed' as const) : ('updated' as const);
      this.logChange(s.workspace, s.channelId, s.userId, outcome, existing.filters, s.filters, s.now);
      return outcome;
    })();
  }

  subscription(workspace: Workspace, channelId: string): Subscription | undefined {
    return this.db
      .prepare('SELECT * FROM subscriptions WHERE workspace = ? AND channel_id = ?')
      .get(workspace, channelId) as Subscription | undefined;
  }

  subscriptions(): Subscription[] {
    return this.db
      .prepare('SELECT * FROM subscriptions ORDER BY subscribed_at, channel_id, workspace')
      .all() as Subscription[];
  }

  /** Removes a workspace's subscription of a channel, logging who did it and the filters it had. */
  deleteSubscription(
    workspace: Workspace,
    channelId: string,
    userId?: string,
    now = new Date().toISOString(),
  ): boolean {
    return this.db.transaction(() => {
      const existing = this.subscription(workspace, channelId);
      if (!existing) return false;
      this.db
        .prepare('DELETE FROM subscriptions WHERE workspace = ? AND channel_id = ?')
        .run(workspace, channelId);
      this.logChange(workspace, channelId, userId, 'deleted', existing.filters, null, now);
      return true;
    })();
  }

  /** Logs a change, or (`refused`) an attempt by someone who may not change the subscription. */
  logChange(
    workspace: Workspace,
    channelId: string,
    userId: string | undefined,
    action: SubscriptionChange['action'],
    oldFilters: string | null,
    newFilters: string | null,
    now: string,
  ): void {
    this.db
      .prepare(`INSERT INTO subscription_changes (${CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(...changeValues(workspace, channelId, userId, action, oldFilters, newFilters, now));
  }

  /** A workspace's logged changes of a channel's subscription, oldest first. */
  changes(workspace: Workspace, channelId: string): SubscriptionChange[] {
    return this.db
      .prepare(
        `SELECT workspace, channel_id, user_id, action, old_filters, new_filters, changed_at
         FROM subscription_changes WHERE workspace = ? AND channel_id = ? ORDER BY change_id`,
      )
      .all(workspace, channelId) as SubscriptionChange[];
  }

  pause(workspace: Workspace, channelId: string, reason: string, now: string): void {
    this.db
      .prepare(
        'UPDATE subscriptions SET paused_reason = ?, paused_at = ? WHERE workspace = ? AND channel_id = ?',
      )
      .run(reason, now, workspace, channelId);
  }

  pauseWorkspace(workspace: Workspace, reason: string, now: string): number {
    return this.db
      .prepare(
        'UPDATE subscriptions SET paused_reason = ?, paused_at = ? WHERE workspace = ? AND paused_reason IS NULL',
      )
      .run(reason, now, workspace).changes;
  }

  /** Rows keyed '' move to `workspace`; one whose key `workspace` already has stays (OR IGNORE). */
  claimUnkeyed(workspace: Workspace): number {
    if (workspace === UNKEYED) return 0;
    return this.db.transaction(() => {
      const moved = this.db
        .prepare(`UPDATE OR IGNORE subscriptions SET workspace = ? WHERE workspace = ''`)
        .run(workspace).changes;
      for (const table of ['subscription_changes', 'digest_plans', 'digest_messages', 'sent_items'])
        this.db.prepare(`UPDATE OR IGNORE ${table} SET workspace = ? WHERE workspace = ''`).run(workspace);
      return moved;
    })();
  }

  /**
   * Records ids the first time the corpus contains them; later sightings keep the first time.
   * The very first corpus a database sees is the baseline, not news: it is recorded as seen
   * since the epoch, so no subscriber ever receives it as "newly arrived".
   */
  recordItems(ids: string[], now: string): number {
    const empty = !(this.db.prepare('SELECT 1 FROM items_seen LIMIT 1').get() as unknown);
    const when = empty ? BASELINE : now;
    const insert = this.db.prepare('INSERT OR IGNORE INTO items_seen (item_id, first_seen_at) VALUES (?, ?)');
    let added = 0;
    this.db.transaction(() => {
      for (const id of ids) added += insert.run(id, when).changes;
    })();
    return added;
  }

  firstSeen(): Map<string, string> {
    const rows = this.db.prepare('SELECT item_id, first_seen_at FROM items_seen').all() as {
      item_id: string;
      first_seen_at: string;
    }[];
    return new Map(rows.map((r) => [r.item_id, r.first_seen_at]));
  }

  sent(workspace: Workspace, channelId: string): Set<string> {
    const rows = this.db
      .prepare('SELECT item_id FROM sent_items WHERE workspace = ? AND channel_id = ?')
      .all(workspace, channelId) as { item_id: string }[];
    return new Set(rows.map((r) => r.item_id));
  }

  plan(workspace: Workspace, channelId: string, week: string): Plan | undefined {
    return planFromRow(
      this.db
        .prepare('SELECT * FROM digest_plans WHERE workspace = ? AND channel_id = ? AND week = ?')
        .get(workspace, channelId, week) as PlanRow | undefined,
    );
  }

  savePlan(
    workspace: Workspace,
    channelId: string,
    week: string,
    itemIds: string[],
    parts: Plan['parts'],
    now: string,
  ): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO digest_plans (workspace, channel_id, week, item_ids, parts, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(workspace, channelId, week, JSON.stringify(itemIds), JSON.stringify(parts), now);
  }

  partStatus(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
  ): { status: 'pending' | 'posted'; ts: string | null } | undefined {
    return this.db
      .prepare(
        'SELECT status, ts FROM digest_messages WHERE workspace = ? AND channel_id = ? AND week = ? AND part = ?',
      )
      .get(workspace, channelId, week, part) as
      | { status: 'pending' | 'posted'; ts: string | null }
      | undefined;
  }

  markPending(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
    parts: number,
    now: string,
  ): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO digest_messages (workspace, channel_id, week, part, parts, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      )
      .run(workspace, channelId, week, part, parts, now);
  }

  markPosted(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
    ts: string,
    now: string,
  ): void {
    this.db
      .prepare(
        `UPDATE digest_messages SET status = 'posted', ts = ?, posted_at = ?
         WHERE workspace = ? AND channel_id = ? AND week = ? AND part = ?`,
      )
      .run(ts, now, workspace, channelId, week, part);
  }

  /** Marks a digest delivered: its items are never sent to this subscription again. Idempotent. */
  finalize(workspace: Workspace, channelId: string, week: string, itemIds: string[], now: string): void {
    this.db.transaction(() => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO sent_items (workspace, channel_id, item_id, week, sent_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const id of itemIds) insert.run(workspace, channelId, id, week, now);
      this.db
        .prepare(
          'UPDATE digest_plans SET finalized_at = COALESCE(finalized_at, ?) WHERE workspace = ? AND channel_id = ? AND week = ?',
        )
        .run(now, workspace, channelId, week);
      this.db
        .prepare(
          'UPDATE subscriptions SET last_week = ?, last_posted_at = ? WHERE workspace = ? AND channel_id = ?',
        )
        .run(week, now, workspace, channelId);
    })();
  }

  runStatus(scheduledFor: string): string | undefined {
    return (
      this.db.prepare('SELECT status FROM runs WHERE scheduled_for = ?').get(scheduledFor) as
        | { status: string }
        | undefined
    )?.status;
  }

  startRun(scheduledFor: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO runs (scheduled_for, started_at, status) VALUES (?, ?, 'running') ON CONFLICT(scheduled_for) DO UPDATE SET started_at = excluded.started_at, status = 'running'`,
      )
      .run(scheduledFor, now);
  }

  finishRun(scheduledFor: string, now: string, detail: string): void {
    this.db
      .prepare(`UPDATE runs SET finished_at = ?, status = 'done', detail = ? WHERE scheduled_for = ?`)
      .run(now, detail, scheduledFor);
  }
}
