import { todayIn } from '../query/dates.js';
import type { SearchIndex } from '../search/index-store.js';
import type { DigestStore, Subscription } from '../store/digest.js';
import type { Locked } from '../store/state.js';
import type { Workspace } from '../store/workspace.js';
import type { Logger } from '../util/logger.js';
import { filtersLabel, renderDigest } from './render.js';
import { storedOrder } from './sections.js';
import { applyFilters, selectDigest } from './select.js';
import { isStateFault, stateError } from './state.js';
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
  'not_installed',
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'account_inactive',
]);

export const EVENT_TYPE = 'policy_digest';

/** Thrown inside a run when {@link DigestRunner.stop} was called: the run ends, unfinished, to be resumed. */
const STOPPED = Symbol('policy-bot.digest-stopped');

const emptyReport = (scheduledFor: string): RunReport => ({
  scheduledFor,
  posted: {},
  paused: {},
  failed: {},
});

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
  /** Where the state is, for fault messages (the SQLite file, PostgreSQL's host and database). */
  where?: string;
  /**
   * The digest lock shared by every replica: the run happens only while this process holds it.
   * Absent: one process, no lock needed (runs never overlap within a process).
   */
  lock?: <T>(fn: () => Promise<T>) => Promise<Locked<T>>;
  /** How long to wait before trying the lock again while another replica runs the digest. */
  lockRetryMs?: number;
  index: () => SearchIndex;
  client: DigestClient;
  /**
   * The distributed app: the client with the bot token of a subscription's workspace (its
   * installation), or undefined when it has none (uninstalled): then its subscription is
   * paused. Absent: `client` posts everywhere (one workspace).
   */
  clientFor?: (workspace: Workspace) => Promise<DigestClient | undefined>;
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
  onPosted?: (posted: DigestPosted) => void | Promise<void>;
  /** Called after each part is posted and recorded (the metrics count digest parts). */
  onPart?: () => void;
}

/** A posted part of a digest: where, and the digest's items in the order they are numbered. */
export interface DigestPosted {
  /** The subscription's workspace: the thread is that workspace's conversation. */
  workspace: Workspace;
  channel: string;
  ts: string;
  /** Every item of the digest (all its parts), as numbered from 1. */
  itemIds: string[];
  filters: string;
  lang: 'en' | 'ja';
}

/**
 * A subscription's name in a run's report and log: its channel, after its workspace when it has
 * one (`team:T1/C1`) — a shared channel subscribed by two workspaces is two entries.
 */
function subscriptionLabel(sub: Pick<Subscription, 'workspace' | 'channel_id'>): string {
  return sub.workspace ? `${sub.workspace}/${sub.channel_id}` : sub.channel_id;
}

/** What a run did, per subscription ({@link subscriptionLabel}). */
export interface RunReport {
  scheduledFor: string;
  skipped?: 'already done' | 'already running' | 'stopped';
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
 * Posts the weekly digests. Every step is recorded in the state database before and after it
 * touches Slack, and every message carries metadata naming its digest, so a run killed at any
 * point and started again posts each digest exactly once: a part marked pending is looked up in
 * the channel's history before it is ever posted again.
 */
export class DigestRunner {
  private running: Promise<RunReport> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(private readonly deps: RunnerDeps) {}

  /**
   * Graceful shutdown: no new part is posted (the one in flight is finished and recorded), a
   * wait for another replica's lock ends, and the run is left unfinished for another replica (or
   * the next start) to resume. Resolves when the run in progress, if any, has stopped.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running?.catch(() => undefined);
  }

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
    this.running = this.runLocked(scheduledFor)
      .catch((err) => {
        // A state fault in the middle of a run is reported with the database and the fix.
        if (isStateFault(err)) throw stateError(this.deps.where ?? 'state', err);
        throw err;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /**
   * Runs under the replicas' digest lock: while another replica holds it, waits and tries again,
   * until the run is done (by whoever held it) or this one gets the lock — after the holder
   * finished, stopped, or died (its connection, and so its lock, gone): then the run resumes
   * where the holder left it, each part looked up before it is posted again.
   */
  private async runLocked(scheduledFor: Date): Promise<RunReport> {
    const { lock, store, logger } = this.deps;
    if (!lock) return this.runOnce(scheduledFor);
    const key = scheduledFor.toISOString();
    let said = false;
    for (;;) {
      if (this.stopping) return { ...emptyReport(key), skipped: 'stopped' };
      if ((await store.runStatus(key)) === 'done') return { ...emptyReport(key), skipped: 'already done' };
      const r = await lock(() => this.runOnce(scheduledFor));
      if (r.ran) return r.value;
      if (!said)
        logger.info(`digest ${key}: another replica is running it; waiting to resume it if it stops`);
      said = true;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.deps.lockRetryMs ?? 5000);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private check(step: Step, where: { channel?: string; part?: number } = {}) {
    this.deps.checkpoint?.(step, where);
  }

  private async runOnce(scheduledFor: Date): Promise<RunReport> {
    const { store, logger } = this.deps;
    const key = scheduledFor.toISOString();
    const report: RunReport = emptyReport(key);
    if ((await store.runStatus(key)) === 'done') return { ...report, skipped: 'already done' };
    const now = () => this.deps.clock().toISOString();
    await store.startRun(key, now());
    this.check('run-started');
    const index = this.deps.index();
    await store.recordItems(
      index.items.map((i) => i.id),
      now(),
    );
    const week = previousWeek(scheduledFor, this.deps.timeZone);
    report.week = week;
    // Read once per run, when the first plan is made (this run's index is recorded above).
    let seen: Promise<Map<string, string>> | undefined;
    const firstSeen = () => {
      seen ??= Promise.resolve(store.firstSeen());
      return seen;
    };
    // Each workspace's client, looked up once per run (its installation row, a Web API client).
    const clients = new Map<Workspace, Promise<DigestClient | undefined>>();
    const clientOf = (ws: Workspace): Promise<DigestClient | undefined> => {
      const { clientFor } = this.deps;
      if (!clientFor) return Promise.resolve(this.deps.client);
      let c = clients.get(ws);
      if (!c) {
        c = clientFor(ws);
        clients.set(ws, c);
      }
      return c;
    };
    for (const sub of await store.subscriptions()) {
      if (this.stopping) return { ...report, skipped: 'stopped' };
      if (sub.paused_reason) continue;
      // A channel that subscribed after this run was due does not get that week's digest.
      if (sub.subscribed_at > key) continue;
      const label = subscriptionLabel(sub);
      try {
        report.posted[label] = await this.deliver(sub, week, index, firstSeen, clientOf);
      } catch (err) {
        if ((err as { [CRASH]?: boolean })?.[CRASH]) throw err;
        if (err === STOPPED) return { ...report, skipped: 'stopped' };
        // The database failed mid-run: stop here; the next run (or replica) resumes from the plan.
        if (isStateFault(err)) throw err;
        const code = slackError(err);
        if (code && PAUSING.has(code)) {
          await store.pause(sub.workspace, sub.channel_id, code, now());
          report.paused[label] = code;
          logger.warn(`digest: paused ${label}: ${code}`);
        } else {
          report.failed[label] = code ?? (err as Error).message;
          logger.error(`digest: ${label} failed (will retry next run):`, err);
        }
      }
    }
    await store.finishRun(
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
    firstSeen: () => Promise<Map<string, string>>,
    clientOf: (workspace: Workspace) => Promise<DigestClient | undefined>,
  ): Promise<number> {
    const { store } = this.deps;
    const now = () => this.deps.clock().toISOString();
    // Each subscription is posted with its own workspace's bot token.
    const ws = sub.workspace;
    const client = await clientOf(ws);
    if (!client)
      throw Object.assign(new Error(`workspace ${ws || '(none)'} has no installation`), {
        data: { error: 'not_installed' },
      });
    let plan = await store.plan(ws, sub.channel_id, week.from);
    if (plan?.finalized_at) return 0;
    if (!plan) {
      const today = todayIn(this.deps.timeZone, this.deps.clock());
      const filters = applyFilters(index, sub.filters, today);
      const items = selectDigest({
        items: index.items,
        allowed: filters.allowed,
        week,
        firstSeen: await firstSeen(),
        since: sub.last_posted_at ?? sub.subscribed_at,
        subscribedAt: sub.subscribed_at,
        sent: await store.sent(ws, sub.channel_id),
      });
      if (!items.length && !this.deps.postEmpty) {
        await store.savePlan(ws, sub.channel_id, week.from, [], [], now());
        await store.finalize(ws, sub.channel_id, week.from, [], now());
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
      await store.savePlan(
        ws,
        sub.channel_id,
        week.from,
        parts.flatMap((p) => p.itemIds ?? []),
        parts,
        now(),
      );
      this.check('plan-saved', { channel: sub.channel_id });
      plan = await store.plan(ws, sub.channel_id, week.from);
      if (!plan) throw new Error('digest plan vanished');
    }
    let posted = 0;
    for (const [i, part] of plan.parts.entries()) {
      if (this.stopping) throw STOPPED;
      const status = await store.partStatus(ws, sub.channel_id, week.from, i);
      if (status?.status === 'posted') continue;
      if (status?.status === 'pending') {
        // We may have died after Slack accepted the message: look for it before posting again.
        const ts = await this.findPosted(
          client,
          ws,
          sub.channel_id,
          week.from,
          i,
          plan.parts.length,
          plan.created_at,
        );
        if (ts) {
          await store.markPosted(ws, sub.channel_id, week.from, i, ts, now());
          await this.linkThread(sub, ts, plan.item_ids);
          continue;
        }
      }
      await store.markPending(ws, sub.channel_id, week.from, i, plan.parts.length, now());
      this.check('before-post', { channel: sub.channel_id, part: i });
      const res = await client.chat.postMessage({
        channel: sub.channel_id,
        text: part.text,
        blocks: part.blocks,
        metadata: {
          event_type: EVENT_TYPE,
          event_payload: {
            subscription: sub.channel_id,
            // Named only when there is one: a single-workspace digest's metadata is as before.
            ...(ws ? { workspace: ws } : {}),
            week: week.from,
            part: i,
            parts: plan.parts.length,
          },
        },
        unfurl_links: false,
        unfurl_media: false,
      });
      this.check('after-post', { channel: sub.channel_id, part: i });
      await store.markPosted(ws, sub.channel_id, week.from, i, res.ts ?? '', now());
      posted += 1;
      this.deps.onPart?.();
      if (res.ts) await this.linkThread(sub, res.ts, plan.item_ids);
      this.check('after-record', { channel: sub.channel_id, part: i });
    }
    this.check('before-finalize', { channel: sub.channel_id });
    await store.finalize(ws, sub.channel_id, week.from, plan.item_ids, now());
    this.check('after-finalize', { channel: sub.channel_id });
    return posted;
  }

  /** Hands a posted part to {@link RunnerDeps.onPosted}; its failure only costs follow-ups in that thread. */
  private async linkThread(sub: Subscription, ts: string, itemIds: string[]): Promise<void> {
    try {
      await this.deps.onPosted?.({
        workspace: sub.workspace,
        channel: sub.channel_id,
        ts,
        itemIds,
        filters: sub.filters,
        lang: sub.lang,
      });
    } catch (err) {
      this.deps.logger.warn(`digest: ${sub.channel_id}: could not link the thread of ${ts}:`, err);
    }
  }

  /**
   * Looks for a part in the channel's history, from shortly before its plan was saved (nothing of
   * this digest can be older) through every page, matching on the metadata the part was posted
   * with — however many messages others posted since, the lookup reaches it. The workspace is
   * part of the match: in a channel shared by two subscribing workspaces, the other's digest
   * part is not this one's. A part posted before the metadata named its workspace (no
   * `workspace` field) matches any: then a channel had one subscription.
   */
  private async findPosted(
    client: DigestClient,
    workspace: Workspace,
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
      const res = await client.conversations.history({
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
          (p?.workspace === undefined || p.workspace === workspace) &&
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
