import type { Awaitable } from './awaitable.js';

/** A channel's weekly digest subscription, as stored. */
export interface Subscription {
  channel_id: string;
  team_id: string | null;
  filters: string;
  lang: 'en' | 'ja';
  created_by: string | null;
  subscribed_at: string;
  updated_at: string;
  paused_reason: string | null;
  paused_at: string | null;
  last_week: string | null;
  last_posted_at: string | null;
  /** Who changed it last (null before migration 3 or when unknown). */
  updated_by: string | null;
  /** Its digests' section order (`filters,overseas,japan,aisi`); null for the default. */
  section_order: string | null;
}

/** One logged change of a channel's subscription, or a refused attempt. */
export interface SubscriptionChange {
  channel_id: string;
  user_id: string | null;
  action: 'created' | 'updated' | 'resumed' | 'deleted' | 'refused';
  old_filters: string | null;
  new_filters: string | null;
  changed_at: string;
}

/** A digest as planned before anything of it is posted: a restart resumes exactly this content. */
export interface Plan {
  channel_id: string;
  week: string;
  item_ids: string[];
  parts: { text: string; blocks: unknown[]; itemIds?: string[] }[];
  /** When the plan was saved: nothing of this digest was posted before it. */
  created_at: string;
  finalized_at: string | null;
}

/** A digest plan as stored: its item ids and parts as JSON text. */
export interface PlanRow extends Omit<Plan, 'item_ids' | 'parts'> {
  item_ids: string;
  parts: string;
}

/** A stored plan row as a {@link Plan}, its JSON fields read. */
export function planFromRow(row: PlanRow | undefined): Plan | undefined {
  if (!row) return undefined;
  return {
    ...row,
    item_ids: JSON.parse(row.item_ids) as string[],
    parts: JSON.parse(row.parts) as Plan['parts'],
  };
}

/** First-seen time of the corpus a database starts with. */
export const BASELINE = '1970-01-01T00:00:00.000Z';

/** What a subscribe wrote. */
export type UpsertOutcome = 'created' | 'updated' | 'resumed';

/** What a subscribe writes: the channel's filters, language and section order, by whom and when. */
export interface SubscriptionUpsert {
  channelId: string;
  teamId?: string;
  userId?: string;
  filters: string;
  lang: 'en' | 'ja';
  now: string;
  sectionOrder?: string | null;
}

/** The columns a new subscription is inserted with; {@link newSubscriptionValues} gives its values in this order. */
export const NEW_SUBSCRIPTION_COLUMNS =
  'channel_id, team_id, filters, lang, created_by, subscribed_at, updated_at, updated_by, section_order';

/** A new subscription's values ({@link NEW_SUBSCRIPTION_COLUMNS}): its creator is also its last changer. */
export function newSubscriptionValues(s: SubscriptionUpsert): unknown[] {
  const by = s.userId ?? null;
  return [s.channelId, s.teamId ?? null, s.filters, s.lang, by, s.now, s.now, by, s.sectionOrder ?? null];
}

/**
 * Subscriptions (and their change log) and the weekly digest's memory: plans, parts, runs, the
 * items seen and sent. Implemented in SQLite (`sqlite/digest.ts`, one process) and PostgreSQL
 * (`pg/digest.ts`, replicas); `test/store/contract.test.ts` holds both to the same behaviour.
 */
export interface DigestStore {
  /**
   * Creates or replaces a channel's subscription and logs the change (who, when, old → new
   * filters) in the same transaction. Whether the user may do it is decided before (access.ts).
   */
  upsertSubscription(s: SubscriptionUpsert): Awaitable<UpsertOutcome>;
  subscription(channelId: string): Awaitable<Subscription | undefined>;
  /** Every subscription, oldest first. */
  subscriptions(): Awaitable<Subscription[]>;
  /** Removes a channel's subscription, logging who did it and the filters it had. */
  deleteSubscription(channelId: string, userId?: string, now?: string): Awaitable<boolean>;
  /** Logs a change, or (`refused`) an attempt by someone who may not change the subscription. */
  logChange(
    channelId: string,
    userId: string | undefined,
    action: SubscriptionChange['action'],
    oldFilters: string | null,
    newFilters: string | null,
    now: string,
  ): Awaitable<void>;
  /** A channel's logged changes, oldest first. */
  changes(channelId: string): Awaitable<SubscriptionChange[]>;
  pause(channelId: string, reason: string, now: string): Awaitable<void>;
  /** Pauses every active subscription of a team (the app was uninstalled there); returns how many. */
  pauseTeam(teamId: string, reason: string, now: string): Awaitable<number>;
  /**
   * Records ids the first time the corpus contains them; later sightings keep the first time.
   * The very first corpus a database sees is the baseline ({@link BASELINE}), not news.
   */
  recordItems(ids: string[], now: string): Awaitable<number>;
  firstSeen(): Awaitable<Map<string, string>>;
  sent(channelId: string): Awaitable<Set<string>>;
  plan(channelId: string, week: string): Awaitable<Plan | undefined>;
  /** Saves a plan unless one exists (the first plan wins, across replicas too). */
  savePlan(
    channelId: string,
    week: string,
    itemIds: string[],
    parts: Plan['parts'],
    now: string,
  ): Awaitable<void>;
  partStatus(
    channelId: string,
    week: string,
    part: number,
  ): Awaitable<{ status: 'pending' | 'posted'; ts: string | null } | undefined>;
  markPending(channelId: string, week: string, part: number, parts: number, now: string): Awaitable<void>;
  markPosted(channelId: string, week: string, part: number, ts: string, now: string): Awaitable<void>;
  /** Marks a digest delivered: its items are never sent to this channel again. Idempotent. */
  finalize(channelId: string, week: string, itemIds: string[], now: string): Awaitable<void>;
  runStatus(scheduledFor: string): Awaitable<string | undefined>;
  startRun(scheduledFor: string, now: string): Awaitable<void>;
  finishRun(scheduledFor: string, now: string, detail: string): Awaitable<void>;
}
