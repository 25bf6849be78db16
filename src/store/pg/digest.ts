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
import type { PgDatabase } from './pool.js';

const LOG_CHANGE = `INSERT INTO subscription_changes (${CHANGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`;

/** The tables whose rows belong to a subscription, with their keys after the workspace. */
const CLAIMED: readonly { table: string; key: string[] }[] = [
  { table: 'digest_plans', key: ['channel_id', 'week'] },
  { table: 'digest_messages', key: ['channel_id', 'week', 'part'] },
  { table: 'sent_items', key: ['channel_id', 'item_id'] },
];

/** {@link DigestStore} in PostgreSQL: the same statements as SQLite's, safe for replicas. */
export class PgDigestStore implements DigestStore {
  constructor(private readonly db: PgDatabase) {}

  upsertSubscription(s: SubscriptionUpsert): Promise<UpsertOutcome> {
    return this.db.tx(async (q) => {
      const lock = 'SELECT * FROM subscriptions WHERE workspace = $1 AND channel_id = $2 FOR UPDATE';
      // The row is locked for the transaction: two replicas changing one subscription take turns.
      const existing = (await q<Subscription>(lock, [s.workspace, s.channelId])).rows[0];
      if (!existing) {
        const inserted = await q(
          `INSERT INTO subscriptions (${NEW_SUBSCRIPTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (workspace, channel_id) DO NOTHING`,
          newSubscriptionValues(s),
        );
        if (inserted.rowCount === 1) {
          await q(
            LOG_CHANGE,
            changeValues(s.workspace, s.channelId, s.userId, 'created', null, s.filters, s.now),
          );
          return 'created' as const;
        }
      }
      const before = existing ?? (await q<Subscription>(lock, [s.workspace, s.channelId])).rows[0];
      if (before && s.mayReplace && !s.mayReplace(before)) {
        await q(
          LOG_CHANGE,
          changeValues(s.workspace, s.channelId, s.userId, 'refused', before.filters, s.filters, s.now),
        );
        return 'refused' as const;
      }
      await q(
        `UPDATE subscriptions SET filters = $1, lang = $2, updated_at = $3, updated_by = $4, section_order = $5,
           paused_reason = NULL, paused_at = NULL WHERE workspace = $6 AND channel_id = $7`,
        [s.filters, s.lang, s.now, s.userId ?? null, s.sectionOrder ?? null, s.workspace, s.channelId],
      );
      const outcome = before?.paused_reason ? ('resumed' as const) : ('updated' as const);
      await q(
        LOG_CHANGE,
        changeValues(s.workspace, s.channelId, s.userId, outcome, before?.filters ?? null, s.filters, s.now),
      );
      return outcome;
    });
  }

  async subscription(workspace: Workspace, channelId: string): Promise<Subscription | undefined> {
    return (
      await this.db.query<Subscription>(
        'SELECT * FROM subscriptions WHERE workspace = $1 AND channel_id = $2',
        [workspace, channelId],
      )
    ).rows[0];
  }

  async subscriptions(): Promise<Subscription[]> {
    return (
      await this.db.query<Subscription>(
        'SELECT * FROM subscriptions ORDER BY subscribed_at, channel_id, workspace',
      )
    ).rows;
  }

  deleteSubscription(
    workspace: Workspace,
    channelId: string,
    userId?: string,
    now = new Date().toISOString(),
  ): Promise<boolean> {
    return this.db.tx(async (q) => {
      const gone = await q<{ filters: string }>(
        'DELETE FROM subscriptions WHERE workspace = $1 AND channel_id = $2 RETURNING filters',
        [workspace, channelId],
      );
      const row = gone.rows[0];
      if (!row) return false;
      await q(LOG_CHANGE, changeValues(workspace, channelId, userId, 'deleted', row.filters, null, now));
      return true;
    });
  }

  async logChange(
    workspace: Workspace,
    channelId: string,
    userId: string | undefined,
    action: SubscriptionChange['action'],
    oldFilters: string | null,
    newFilters: string | null,
    now: string,
  ): Promise<void> {
    await this.db.query(
      LOG_CHANGE,
      changeValues(workspace, channelId, userId, action, oldFilters, newFilters, now),
    );
  }

  async changes(workspace: Workspace, channelId: string): Promise<SubscriptionChange[]> {
    return (
      await this.db.query<SubscriptionChange>(
        `SELECT workspace, channel_id, user_id, action, old_filters, new_filters, changed_at
         FROM subscription_changes WHERE workspace = $1 AND channel_id = $2 ORDER BY change_id`,
        [workspace, channelId],
      )
    ).rows;
  }

  async pause(workspace: Workspace, channelId: string, reason: string, now: string): Promise<void> {
    await this.db.query(
      'UPDATE subscriptions SET paused_reason = $1, paused_at = $2 WHERE workspace = $3 AND channel_id = $4',
      [reason, now, workspace, channelId],
    );
  }

  async pauseWorkspace(workspace: Workspace, reason: string, now: string): Promise<number> {
    const r = await this.db.query(
      'UPDATE subscriptions SET paused_reason = $1, paused_at = $2 WHERE workspace = $3 AND paused_reason IS NULL',
      [reason, now, workspace],
    );
    return r.rowCount ?? 0;
  }

  /** Rows keyed '' move to `workspace`, except one whose key `workspace` already has. */
  async claimUnkeyed(workspace: Workspace): Promise<number> {
    if (workspace === UNKEYED) return 0;
    return this.db.tx(async (q) => {
      const moved = await q(
        `UPDATE subscriptions s SET workspace = $1 WHERE s.workspace = ''
           AND NOT EXISTS (SELECT 1 FROM subscriptions t WHERE t.workspace = $1 AND t.channel_id = s.channel_id)`,
        [workspace],
      );
      await q(`UPDATE subscription_changes SET workspace = $1 WHERE workspace = ''`, [workspace]);
      for (const { table, key } of CLAIMED)
        await q(
          `UPDATE ${table} s SET workspace = $1 WHERE s.workspace = ''
             AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.workspace = $1 AND ${key.map((k) => `t.${k} = s.${k}`).join(' AND ')})`,
          [workspace],
        );
      return moved.rowCount ?? 0;
    });
  }

  recordItems(ids: string[], now: string): Promise<number> {
    return this.db.tx(async (q) => {
      const empty = (await q('SELECT 1 FROM items_seen LIMIT 1')).rowCount === 0;
      const r = await q(
        `INSERT INTO items_seen (item_id, first_seen_at) SELECT id, $2 FROM unnest($1::text[]) AS id
         ON CONFLICT (item_id) DO NOTHING`,
        [ids, empty ? BASELINE : now],
      );
      return r.rowCount ?? 0;
    });
  }

  async firstSeen(): Promise<Map<string, string>> {
    const rows = (
      await this.db.query<{ item_id: string; first_seen_at: string }>(
        'SELECT item_id, first_seen_at FROM items_seen',
      )
    ).rows;
    return new Map(rows.map((r) => [r.item_id, r.first_seen_at]));
  }

  async sent(workspace: Workspace, channelId: string): Promise<Set<string>> {
    const rows = (
      await this.db.query<{ item_id: string }>(
        'SELECT item_id FROM sent_items WHERE workspace = $1 AND channel_id = $2',
        [workspace, channelId],
      )
    ).rows;
    return new Set(rows.map((r) => r.item_id));
  }

  async plan(workspace: Workspace, channelId: string, week: string): Promise<Plan | undefined> {
    return planFromRow(
      (
        await this.db.query<PlanRow>(
          'SELECT * FROM digest_plans WHERE workspace = $1 AND channel_id = $2 AND week = $3',
          [workspace, channelId, week],
        )
      ).rows[0],
    );
  }

  async savePlan(
    workspace: Workspace,
    channelId: string,
    week: string,
    itemIds: string[],
    parts: Plan['parts'],
    now: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO digest_plans (workspace, channel_id, week, item_ids, parts, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace, channel_id, week) DO NOTHING`,
      [workspace, channelId, week, JSON.stringify(itemIds), JSON.stringify(parts), now],
    );
  }

  async partStatus(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
  ): Promise<{ status: 'pending' | 'posted'; ts: string | null } | undefined> {
    return (
      await this.db.query<{ status: 'pending' | 'posted'; ts: string | null }>(
        'SELECT status, ts FROM digest_messages WHERE workspace = $1 AND channel_id = $2 AND week = $3 AND part = $4',
        [workspace, channelId, week, part],
      )
    ).rows[0];
  }

  async markPending(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
    parts: number,
    now: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO digest_messages (workspace, channel_id, week, part, parts, status, created_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6)
       ON CONFLICT (workspace, channel_id, week, part) DO NOTHING`,
      [workspace, channelId, week, part, parts, now],
    );
  }

  async markPosted(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
    ts: string,
    now: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE digest_messages SET status = 'posted', ts = $1, posted_at = $2
       WHERE workspace = $3 AND channel_id = $4 AND week = $5 AND part = $6`,
      [ts, now, workspace, channelId, week, part],
    );
  }

  finalize(
    workspace: Workspace,
    channelId: string,
    week: string,
    itemIds: string[],
    now: string,
  ): Promise<void> {
    return this.db.tx(async (q) => {
      await q(
        `INSERT INTO sent_items (workspace, channel_id, item_id, week, sent_at)
         SELECT $1, $2, id, $4, $5 FROM unnest($3::text[]) AS id
         ON CONFLICT (workspace, channel_id, item_id) DO NOTHING`,
        [workspace, channelId, itemIds, week, now],
      );
      await q(
        'UPDATE digest_plans SET finalized_at = COALESCE(finalized_at, $1) WHERE workspace = $2 AND channel_id = $3 AND week = $4',
        [now, workspace, channelId, week],
      );
      await q(
        'UPDATE subscriptions SET last_week = $1, last_posted_at = $2 WHERE workspace = $3 AND channel_id = $4',
        [week, now, workspace, channelId],
      );
    });
  }

  async runStatus(scheduledFor: string): Promise<string | undefined> {
    return (
      await this.db.query<{ status: string }>('SELECT status FROM runs WHERE scheduled_for = $1', [
        scheduledFor,
      ])
    ).rows[0]?.status;
  }

  async startRun(scheduledFor: string, now: string): Promise<void> {
    await this.db.query(
      `INSERT INTO runs (scheduled_for, started_at, status) VALUES ($1, $2, 'running')
       ON CONFLICT (scheduled_for) DO UPDATE SET started_at = excluded.started_at, status = 'running'`,
      [scheduledFor, now],
    );
  }

  async finishRun(scheduledFor: string, now: string, detail: string): Promise<void> {
    await this.db.query(
      `UPDATE runs SET finished_at = $1, status = 'done', detail = $2 WHERE scheduled_for = $3`,
      [now, detail, scheduledFor],
    );
  }
}
