import {
  BASELINE,
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
import type { PgDatabase } from './pool.js';

const LOG_CHANGE = `INSERT INTO subscription_changes (channel_id, user_id, action, old_filters, new_filters, changed_at)
  VALUES ($1, $2, $3, $4, $5, $6)`;

/** {@link DigestStore} in PostgreSQL: the same statements as SQLite's, safe for replicas. */
export class PgDigestStore implements DigestStore {
  constructor(private readonly db: PgDatabase) {}

  upsertSubscription(s: SubscriptionUpsert): Promise<UpsertOutcome> {
    return this.db.tx(async (q) => {
      // The row is locked for the transaction: two replicas changing one channel take turns.
      const existing = (
        await q<Subscription>('SELECT * FROM subscriptions WHERE channel_id = $1 FOR UPDATE', [s.channelId])
      ).rows[0];
      if (!existing) {
        const inserted = await q(
          `INSERT INTO subscriptions (${NEW_SUBSCRIPTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (channel_id) DO NOTHING`,
          newSubscriptionValues(s),
        );
        if (inserted.rowCount === 1) {
          await q(LOG_CHANGE, [s.channelId, s.userId ?? null, 'created', null, s.filters, s.now]);
          return 'created' as const;
        }
      }
      const before =
        existing ??
        (await q<Subscription>('SELECT * FROM subscriptions WHERE channel_id = $1 FOR UPDATE', [s.channelId]))
          .rows[0];
      await q(
        `UPDATE subscriptions SET filters = $1, lang = $2, updated_at = $3, updated_by = $4, section_order = $5,
           paused_reason = NULL, paused_at = NULL WHERE channel_id = $6`,
        [s.filters, s.lang, s.now, s.userId ?? null, s.sectionOrder ?? null, s.channelId],
      );
      const outcome = before?.paused_reason ? ('resumed' as const) : ('updated' as const);
      await q(LOG_CHANGE, [
        s.channelId,
        s.userId ?? null,
        outcome,
        before?.filters ?? null,
        s.filters,
        s.now,
      ]);
      return outcome;
    });
  }

  async subscription(channelId: string): Promise<Subscription | undefined> {
    return (
      await this.db.query<Subscription>('SELECT * FROM subscriptions WHERE channel_id = $1', [channelId])
    ).rows[0];
  }

  async subscriptions(): Promise<Subscription[]> {
    return (
      await this.db.query<Subscription>('SELECT * FROM subscriptions ORDER BY subscribed_at, channel_id')
    ).rows;
  }

  deleteSubscription(channelId: string, userId?: string, now = new Date().toISOString()): Promise<boolean> {
    return this.db.tx(async (q) => {
      const gone = await q<{ filters: string }>(
        'DELETE FROM subscriptions WHERE channel_id = $1 RETURNING filters',
        [channelId],
      );
      const row = gone.rows[0];
      if (!row) return false;
      await q(LOG_CHANGE, [channelId, userId ?? null, 'deleted', row.filters, null, now]);
      return true;
    });
  }

  async logChange(
    channelId: string,
    userId: string | undefined,
    action: SubscriptionChange['action'],
    oldFilters: string | null,
    newFilters: string | null,
    now: string,
  ): Promise<void> {
    await this.db.query(LOG_CHANGE, [channelId, userId ?? null, action, oldFilters, newFilters, now]);
  }

  async changes(channelId: string): Promise<SubscriptionChange[]> {
    return (
      await this.db.query<SubscriptionChange>(
        `SELECT channel_id, user_id, action, old_filters, new_filters, changed_at
         FROM subscription_changes WHERE channel_id = $1 ORDER BY change_id`,
        [channelId],
      )
    ).rows;
  }

  async pause(channelId: string, reason: string, now: string): Promise<void> {
    await this.db.query('UPDATE subscriptions SET paused_reason = $1, paused_at = $2 WHERE channel_id = $3', [
      reason,
      now,
      channelId,
    ]);
  }

  async pauseTeam(teamId: string, reason: string, now: string): Promise<number> {
    const r = await this.db.query(
      'UPDATE subscriptions SET paused_reason = $1, paused_at = $2 WHERE team_id = $3 AND paused_reason IS NULL',
      [reason, now, teamId],
    );
    return r.rowCount ?? 0;
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

  async sent(channelId: string): Promise<Set<string>> {
    const rows = (
      await this.db.query<{ item_id: string }>('SELECT item_id FROM sent_items WHERE channel_id = $1', [
        channelId,
      ])
    ).rows;
    return new Set(rows.map((r) => r.item_id));
  }

  async plan(channelId: string, week: string): Promise<Plan | undefined> {
    return planFromRow(
      (
        await this.db.query<PlanRow>('SELECT * FROM digest_plans WHERE channel_id = $1 AND week = $2', [
          channelId,
          week,
        ])
      ).rows[0],
    );
  }

  async savePlan(
    channelId: string,
    week: string,
    itemIds: string[],
    parts: Plan['parts'],
    now: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO digest_plans (channel_id, week, item_ids, parts, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (channel_id, week) DO NOTHING`,
      [channelId, week, JSON.stringify(itemIds), JSON.stringify(parts), now],
    );
  }

  async partStatus(
    channelId: string,
    week: string,
    part: number,
  ): Promise<{ status: 'pending' | 'posted'; ts: string | null } | undefined> {
    return (
      await this.db.query<{ status: 'pending' | 'posted'; ts: string | null }>(
        'SELECT status, ts FROM digest_messages WHERE channel_id = $1 AND week = $2 AND part = $3',
        [channelId, week, part],
      )
    ).rows[0];
  }

  async markPending(
    channelId: string,
    week: string,
    part: number,
    parts: number,
    now: string,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO digest_messages (channel_id, week, part, parts, status, created_at) VALUES ($1, $2, $3, $4, 'pending', $5)
       ON CONFLICT (channel_id, week, part) DO NOTHING`,
      [channelId, week, part, parts, now],
    );
  }

  async markPosted(channelId: string, week: string, part: number, ts: string, now: string): Promise<void> {
    await this.db.query(
      `UPDATE digest_messages SET status = 'posted', ts = $1, posted_at = $2 WHERE channel_id = $3 AND week = $4 AND part = $5`,
      [ts, now, channelId, week, part],
    );
  }

  finalize(channelId: string, week: string, itemIds: string[], now: string): Promise<void> {
    return this.db.tx(async (q) => {
      await q(
        `INSERT INTO sent_items (channel_id, item_id, week, sent_at) SELECT $1, id, $3, $4 FROM unnest($2::text[]) AS id
         ON CONFLICT (channel_id, item_id) DO NOTHING`,
        [channelId, itemIds, week, now],
      );
      await q(
        'UPDATE digest_plans SET finalized_at = COALESCE(finalized_at, $1) WHERE channel_id = $2 AND week = $3',
        [now, channelId, week],
      );
      await q('UPDATE subscriptions SET last_week = $1, last_posted_at = $2 WHERE channel_id = $3', [
        week,
        now,
        channelId,
      ]);
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
