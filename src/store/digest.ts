import type { Awaitable } from './awaitable.js';
import type { Workspace } from './workspace.js';

/** A channel's weekly digest subscription in one workspace, as stored. */
export interface Subscription {
  /** The workspace that subscribed (see {@link Workspace}): with the channel id, the key. */
  workspace: Workspace;
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
  workspace: Workspace;
  channel_id: string;
  user_id: string | null;
  action: 'created' | 'updated' | 'resumed' | 'deleted' | 'refused';
  old_filters: string | null;
  new_filters: string | null;
  changed_at: string;
}

/** A digest as planned before anything of it is posted: a restart resumes exactly this content. */
export interface Plan {
  workspace: Workspace;
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
export type UpsertOutcome = 'created' | 'updated' | 'resumed' | 'refused';

/** What a subscribe writes: the channel's filters, language and section order, by whom and when. */
export interface SubscriptionUpsert {
  workspace: Workspace;
  channelId: string;
  teamId?: string;
  userId?: string;
  filters: string;
  lang: 'en' | 'ja';
  now: string;
  sectionOrder?: string | null;
  /**
   * Whether this user may replace the channel's subscription, asked of the row as it is inside
   * the write (locked, with PostgreSQL): one another user created a moment before, on another
   * replica, is refused (and the attempt logged) rather than overwritten.
   */
  mayReplace?: (existing: Subscription) => boolean;
}

/** The columns a logged change is inserted with; {@link changeValues} gives its values in this order. */
export const CHANGE_COLUMNS = 'workspace, channel_id, user_id, action, old_filters, new_filters, changed_at';

/** A logged change's values, in the order of {@link CHANGE_COLUMNS}. */
export function changeValues(
  workspace: Workspace,
  channelId: string,
  userId: string | undefined,
  action: SubscriptionChange['action'],
  oldFilters: string | null,
  newFilters: string | null,
  now: string,
): unknown[] {
  return [workspace, channelId, userId ?? null, action, oldFilters, newFilters, now];
}

/** The columns a new subscription is inserted with; {@link newSubscriptionValues} gives its values in this order. */
export const NEW_SUBSCRIPTION_COLUMNS =
  'workspace, channel_id, team_id, filters, lang, created_by, subscribed_at, updated_at, updated_by, section_order';

/** A new subscription's values ({@link NEW_SUBSCRIPTION_COLUMNS}): its creator is also its last changer. */
export function newSubscriptionValues(s: SubscriptionUpsert): unknown[] {
  const by = s.userId ?? null;
  return [
    s.workspace,
    s.channelId,
    s.teamId ?? null,
    s.filters,
    s.lang,
    by,
    s.now,
    s.now,
    by,
    s.sectionOrder ?? null,
  ];
}

/**
 * Subscriptions (and their change log) and the weekly digest's memory: plans, parts, runs, the
 * items seen and sent. Everything about a subscription is keyed by workspace and channel.
 * Implemented in SQLite (`sqlite/digest.ts`, one process) and PostgreSQL (`pg/digest.ts`,
 * replicas); `test/store/contract.test.ts` holds both to the same behaviour.
 */
export interface DigestStore {
  /**
   * Creates or replaces a channel's subscription in a workspace and logs the change (who, when,
   * old → new filters) in the same transaction. Whether the user may replace an existing one is
   * asked of that row inside the transaction (`mayReplace`, access.ts's rule): `refused` when not.
   */
  upsertSubscription(s: SubscriptionUpsert): Awaitable<UpsertOutcome>;
  subscription(workspace: Workspace, channelId: string): Awaitable<Subscription | undefined>;
  /** Every subscription of every workspace, oldest first. */
  subscriptions(): Awaitable<Subscription[]>;
  /** Removes a workspace's subscription of a channel, logging who did it and the filters it had. */
  deleteSubscription(
    workspace: Workspace,
    channelId: string,
    userId?: string,
    now?: string,
  ): Awaitable<boolean>;
  /** Logs a change, or (`refused`) an attempt by someone who may not change the subscription. */
  logChange(
    workspace: Workspace,
    channelId: string,
    userId: string | undefined,
    action: SubscriptionChange['action'],
    oldFilters: string | null,
    newFilters: string | null,
    now: string,
  ): Awaitable<void>;
  /** A workspace's logged changes of a channel's subscription, oldest first. */
  changes(workspace: Workspace, channelId: string): Awaitable<SubscriptionChange[]>;
  pause(workspace: Workspace, channelId: string, reason: string, now: string): Awaitable<void>;
  /**
   * Pauses every active subscription of a workspace (the app was uninstalled there, or its bot
   * token revoked); returns how many. Other workspaces' subscriptions of the same (shared)
   * channels are untouched.
   */
  pauseWorkspace(workspace: Workspace, reason: string, now: string): Awaitable<number>;
  /**
   * Gives the rows stored without a workspace (`''`, `UNKEYED`: subscriptions, their change log,
   * plans, parts and sent items from before they were keyed) to `workspace`, unless it already
   * has a row with the same key; returns how many subscriptions moved. A single-workspace app
   * calls it at start with its own workspace.
   */
  claimUnkeyed(workspace: Workspace): Awaitable<number>;
  /**
   * Records ids the first time the corpus contains them; later sightings keep the first time.
   * The very first corpus a database sees is the baseline ({@link BASELINE}), not news.
   */
  recordItems(ids: string[], now: string): Awaitable<number>;
  firstSeen(): Awaitable<Map<string, string>>;
  sent(workspace: Workspace, channelId: string): Awaitable<Set<string>>;
  plan(workspace: Workspace, channelId: string, week: string): Awaitable<Plan | undefined>;
  /** Saves a plan unless one exists (the first plan wins, across replicas too). */
  savePlan(
    workspace: Workspace,
    channelId: string,
    week: string,
    itemIds: string[],
    parts: Plan['parts'],
    now: string,
  ): Awaitable<void>;
  partStatus(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
  ): Awaitable<{ status: 'pending' | 'posted'; ts: string | null } | undefined>;
  markPending(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
    parts: number,
    now: string,
  ): Awaitable<void>;
  markPosted(
    workspace: Workspace,
    channelId: string,
    week: string,
    part: number,
    ts: string,
    now: string,
  ): Awaitable<void>;
  /** Marks a digest delivered: its items are never sent to this subscription again. Idempotent. */
  finalize(
    workspace: Workspace,
    channelId: string,
    week: string,
    itemIds: string[],
    now: string,
  ): Awaitable<void>;
  runStatus(scheduledFor: string): Awaitable<string | undefined>;
  startRun(scheduledFor: string, now: string): Awaitable<void>;
  finishRun(scheduledFor: string, now: string, detail: string): Awaitable<void>;
}
