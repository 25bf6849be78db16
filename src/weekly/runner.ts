import { todayIn } from '../query/dates.js';
import type { SearchIndex } from '../search/index-store.js';
import type { Logger } from '../util/logger.js';
import { filtersLabel, renderDigest } from './render.js';
import { storedOrder } from './sections.js';
import { applyFilters, selectDigest } from './select.js';
import { stateError } from './state.js';
import type { DigestStore, Subscription } from './store.js';
import { previousWeek } from './week.js';

/** The two Web API methods a digest run uses (a WebClient fits). */
export interface DigestClient {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      blocks: unknown[];
      metadata: { event_type: string; event_payload: Record<string, string | number> };
      unfurl_links: boolean;
      unfurl_media: boolean;
    }): Promise<{ ts?: string }>;
  };
  conversations: {
    history(args: {
      channel: string;
      oldest?: string;
      limit: number;
      include_all_metadata: boolean;
      cursor?: string;
    }): Promise<{
      messages?: {
        ts?: string;
        metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
      }[];
      has_more?: boolean;
      response_metadata?: { next_cursor?: string };
    }>;
  };
}

/** Messages per history page, and how many pages a lookup reads at most (50 000 messages). */
const HISTORY_PAGE = 200;
const HISTORY_MAX_PAGES = 250;
/** Clock skew allowed between this host and Slack when reading history from the plan's time. */
const SKEW_SECONDS = 600;

/** Errors after which posting to the channel cannot work until someone acts: the subscription is paused. */
const PAUSING = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'account_inactive',
]);

export const EVENT_TYPE = 'policy_digest';

/** Steps at which tests simulate the process dying. */
export type Step =
  | 'run-started'
  | 'plan-saved'
  | 'before-post'
  | 'after-post'
  | 'after-record'
  | 'before-finalize'
  | 'after-finalize';

/** Thrown by a test's checkpoint to simulate the process dying: never caught by the runner. */
export const CRASH = Symbol.for('policy-bot.simulated-crash');

export interface RunnerDeps {
  store: DigestStore;
  index: () => SearchIndex;
  client: DigestClient;
  clock: () => Date;
  timeZone: string;
  postEmpty: boolean;
  logger: Logger;
  /** Test hook called at each step; throwing from it simulates a crash there. */
  checkpoint?: (step: Step, where: { channel?: string; part?: number }) => void;
  maxBlocks?: number;
  /**
   * Called after each part is posted (and recorded): the app links the message's thread to the
   * digest's items, so replies there are follow-ups (`cite 2`, "what about Korea?"). A failure
   * here is logged and never stops the digest.
   */
  onPosted?: (posted: DigestPosted) => void;
}

/** A posted part of a digest: where, and the digest's items in the order they are numbered. */
export interface DigestPosted {
  channel: string;
  ts: string;
  /** Every item of the digest (all its parts), as numbered from 1. */
  itemIds: string[];
  filters: string;
  lang: 'en' | 'ja';
}

export interface RunReport {
  scheduledFor: string;
  skipped?: 'already done' | 'already running';
  week?: { from: string; to: string };
  posted: Record<string, number>;
  paused: Record<string, string>;
  failed: Record<string, string>;
}

function slackError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: string } })?.data;
  return data?.error;
}

/**
 * Posts the weekly digests. Every step is recorded in SQLite before and after it touches Slack,
 * and every message carries metadata naming its digest, so a run killed at any point and started
 * again posts each digest exactly once: a part marked pending is looked up in the channel's
 * history before it is ever posted again.
 */
export class DigestRunner {
  private running: Promise<RunReport> | undefined;

  constructor(private readonly deps: RunnerDeps) {}

  /** Runs the digest scheduled for `scheduledFor`; concurrent calls share one run (no overlaps). */
  run(scheduledFor: Date): Promise<RunReport> {
    if (this.running) {
      return this.running.then(() => ({
        scheduledFor: scheduledFor.toISOString(),
        skipped: 'already running',
        posted: {},
        paused: {},
        failed: {},
      }));
    }
    this.running = this.runOnce(scheduledFor)
      .catch((err) => {
        // A state fault in the middle of a run is reported with the file and the fix.
        const code = String((err as { code?: unknown })?.code ?? '');
        if (code.startsWith('SQLITE_') || /database connection is not open/.test(String(err?.message)))
          throw stateError(this.deps.store.db.name, err);
        throw err;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private check(step: Step, where: { channel?: string; part?: number } = {}) {
    this.deps.checkpoint?.(step, where);
  }

  private async runOnce(scheduledFor: Date): Promise<RunReport> {
    const { store, logger } = this.deps;
    const key = scheduledFor.toISOString();
    const report: RunReport = { scheduledFor: key, posted: {}, paused: {}, failed: {} };
    if (store.runStatus(key) === 'done') return { ...report, skipped: 'already done' };
    const now = () => this.deps.clock().toISOString();
    store.startRun(key, now());
    this.check('run-started');
    const index = this.deps.index();
    store.recordItems(
      index.items.map((i) => i.id),
      now(),
    );
    const week = previousWeek(scheduledFor, this.deps.timeZone);
    report.week = week;
    for (const sub of store.subscriptions()) {
      if (sub.paused_reason) continue;
      // A channel that subscribed after this run was due does not get that week's digest.
      if (sub.subscribed_at > key) continue;
      try {
        report.posted[sub.channel_id] = await this.deliver(sub, week, index);
      } catch (err) {
        if ((err as { [CRASH]?: boolean })?.[CRASH]) throw err;
        const code = slackError(err);
        if (code && PAUSING.has(code)) {
          store.pause(sub.channel_id, code, now());
          report.paused[sub.channel_id] = code;
          logger.warn(`digest: paused ${sub.channel_id}: ${code}`);
        } else {
          report.failed[sub.channel_id] = code ?? (err as Error).message;
          logger.error(`digest: ${sub.channel_id} failed (will retry next run):`, err);
        }
      }
    }
    store.finishRun(
      key,
      now(),
      JSON.stringify({ posted: report.posted, paused: report.paused, failed: report.failed }),
    );
    return report;
  }

  /** Delivers one channel's digest for a week; returns how many messages this call posted. */
  private async deliver(
    sub: Subscription,
    week: { from: string; to: string },
    index: SearchIndex,
  ): Promise<number> {
    const { store } = this.deps;
    const now = () => this.deps.clock().toISOString();
    let plan = store.plan(sub.channel_id, week.from);
    if (plan?.finalized_at) return 0;
    if (!plan) {
      const today = todayIn(this.deps.timeZone, this.deps.clock());
      const filters = applyFilters(index, sub.filters, today);
      const items = selectDigest({
        items: index.items,
        allowed: filters.allowed,
        week,
        firstSeen: store.firstSeen(),
        since: sub.last_posted_at ?? sub.subscribed_at,
        subscribedAt: sub.subscribed_at,
        sent: store.sent(sub.channel_id),
      });
      if (!items.length && !this.deps.postEmpty) {
        store.savePlan(sub.channel_id, week.from, [], [], now());
        store.finalize(sub.channel_id, week.from, [], now());
        return 0;
      }
      const parts = renderDigest(items, week, {
        lang: sub.lang,
        filtersLabel: filtersLabel(filters, sub.lang),
        places: filters,
        order: storedOrder(sub.section_order),
        ...(this.deps.maxBlocks ? { maxBlocks: this.deps.maxBlocks } : {}),
      });
      // The plan is saved before anything is posted: a restart resumes this exact content. Its
      // items are kept in the order they are numbered in the messages.
      store.savePlan(
        sub.channel_id,
        week.from,
        parts.flatMap((p) => p.itemIds ?? []),
        parts,
        now(),
      );
      this.check('plan-saved', { channel: sub.channel_id });
      plan = store.plan(sub.channel_id, week.from);
      if (!plan) throw new Error('digest plan vanished');
    }
    let posted = 0;
    for (const [i, part] of plan.parts.entries()) {
      const status = store.partStatus(sub.channel_id, week.from, i);
      if (status?.status === 'posted') continue;
      if (status?.status === 'pending') {
        // We may have died after Slack accepted the message: look for it before posting again.
        const ts = await this.findPosted(sub.channel_id, week.from, i, plan.parts.length, plan.created_at);
        if (ts) {
          store.markPosted(sub.channel_id, week.from, i, ts, now());
          this.linkThread(sub, ts, plan.item_ids);
          continue;
        }
      }
      store.markPending(sub.channel_id, week.from, i, plan.parts.length, now());
      this.check('before-post', { channel: sub.channel_id, part: i });
      const res = await this.deps.client.chat.postMessage({
        channel: sub.channel_id,
        text: part.text,
        blocks: part.blocks,
        metadata: {
          event_type: EVENT_TYPE,
          event_payload: { subscription: sub.channel_id, week: week.from, part: i, parts: plan.parts.length },
        },
        unfurl_links: false,
        unfurl_media: false,
      });
      this.check('after-post', { channel: sub.channel_id, part: i });
      store.markPosted(sub.channel_id, week.from, i, res.ts ?? '', now());
      posted += 1;
      if (res.ts) this.linkThread(sub, res.ts, plan.item_ids);
      this.check('after-record', { channel: sub.channel_id, part: i });
    }
    this.check('before-finalize', { channel: sub.channel_id });
    store.finalize(sub.channel_id, week.from, plan.item_ids, now());
    this.check('after-finalize', { channel: sub.channel_id });
    return posted;
  }

  /** Hands a posted part to {@link RunnerDeps.onPosted}; its failure only costs follow-ups in that thread. */
  private linkThread(sub: Subscription, ts: string, itemIds: string[]): void {
    try {
      this.deps.onPosted?.({ channel: sub.channel_id, ts, itemIds, filters: sub.filters, lang: sub.lang });
    } catch (err) {
      this.deps.logger.warn(`digest: ${sub.channel_id}: could not link the thread of ${ts}:`, err);
    }
  }

  /**
   * Looks for a part in the channel's history, from shortly before its plan was saved (nothing of
   * this digest can be older) through every page, matching on the metadata the part was posted
   * with — however many messages others posted since, the lookup reaches it.
   */
  private async findPosted(
    channel: string,
    week: string,
    part: number,
    parts: number,
    planCreatedAt: string,
  ): Promise<string | undefined> {
    const since = Date.parse(planCreatedAt);
    const fallback = Date.parse(`${week}T00:00:00Z`) - 86_400_000;
    const oldest = String(Math.floor((Number.isNaN(since) ? fallback : since) / 1000) - SKEW_SECONDS);
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_MAX_PAGES; page += 1) {
      const res = await this.deps.client.conversations.history({
        channel,
        oldest,
        limit: HISTORY_PAGE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      const hit = (res.messages ?? []).find((m) => {
        const p = m.metadata?.event_payload;
        return (
          m.metadata?.event_type === EVENT_TYPE &&
          p?.subscription === channel &&
          p?.week === week &&
          Number(p?.part) === part &&
          Number(p?.parts) === parts
        );
      });
      if (hit?.ts) return hit.ts;
      cursor = res.has_more ? res.response_metadata?.next_cursor : undefined;
      if (!cursor) return undefined;
    }
    this.deps.logger.warn(
      `digest: ${channel} week ${week} part ${part}: not found in ${HISTORY_MAX_PAGES * HISTORY_PAGE} messages of history; posting it`,
    );
    return undefined;
  }
}
