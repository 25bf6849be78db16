import { WebClient } from '@slack/web-api';
import type { DigestCommands } from './commands/digest-commands.js';
import type { Config } from './config.js';
import { linkDigestThread } from './conversation/digest-thread.js';
import { say } from './present/catalogue.js';
import { todayIn } from './query/dates.js';
import type { Lang } from './query/understand.js';
import type { SearchIndex } from './search/index-store.js';
import { StateInstallationStore } from './slack/installations.js';
import { openStores } from './store/open.js';
import type { StateStores } from './store/state.js';
import type { Logger } from './util/logger.js';
import { digestText } from './weekly/render.js';
import { type DigestClient, DigestRunner } from './weekly/runner.js';
import { weekItems } from './weekly/select.js';
import { digestState, weekFor } from './weekly/service.js';

/** The clock and calendar every surface shares: "today" and "the day of" in the configured zone. */
export interface Calendar {
  clock: () => Date;
  today: () => string;
  dayOf: (at: Date) => string;
}

/** One calendar for every listener and command, so "today" never differs between them. */
export function calendar(timeZone: string, clock: () => Date = () => new Date()): Calendar {
  return { clock, today: () => todayIn(timeZone, clock()), dayOf: (at) => todayIn(timeZone, at) };
}

/** The weekly digest's state and commands, built once for the app and the CLI alike. */
export interface Weekly {
  /** Absent after a state fault at start: then digests, subscriptions, threads and dedupe are off, answers are not. */
  state?: StateStores;
  digest: DigestCommands;
  /** The state fault, in one line naming the file and the fix, when the database could not be opened. */
  fault?: string;
  /** The weekly job, posting through `client`; `undefined` while the state database has a fault. */
  runner(
    client: WebClient,
    logger: Logger,
    o?: { onPart?: () => void; clientFor?: (workspace: string) => Promise<DigestClient | undefined> },
  ): DigestRunner | undefined;
}

/**
 * Opens the state (SQLite or PostgreSQL, see {@link openStores}; a command-line run passes the
 * state it opened with openStoresOnce), records the items seen, and builds the digest commands
 * and the runner — which, on PostgreSQL, runs under the replicas'
 * digest lock.
 */
export function openWeekly(
  config: Config,
  index: () => SearchIndex,
  cal: Calendar,
  logger: Logger,
  opened: { state?: StateStores; fault?: string } = openStores(config, logger),
): Weekly {
  const { state, fault } = opened;
  const digest = digestState(state, {
    index,
    clock: cal.clock,
    today: cal.today,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
    postEmpty: config.digestPostEmpty,
    logger,
    ...(fault ? { fault } : {}),
  });
  return {
    ...(state ? { state } : {}),
    ...(fault ? { fault } : {}),
    digest,
    runner: (client, logger, o = {}) =>
      state &&
      new DigestRunner({
        store: state.digest,
        where: state.where,
        ...(state.kind === 'postgres' ? { lock: (fn) => state.withDigestLock(fn) } : {}),
        ...(config.digestLockRetryMs ? { lockRetryMs: config.digestLockRetryMs } : {}),
        index,
        client: digestClient(client),
        clock: cal.clock,
        timeZone: config.digestTimeZone,
        postEmpty: config.digestPostEmpty,
        logger,
        ...(o.onPart ? { onPart: o.onPart } : {}),
        ...(o.clientFor ? { clientFor: o.clientFor } : {}),
        // Replies in a digest's thread are follow-ups on its items.
        onPosted: (posted) => linkDigestThread(state, posted, cal.today(), cal.clock()),
      }),
  };
}

/**
 * The distributed app's digest clients: each workspace's from its installation's bot token (a
 * workspace without one gets none, and its subscription is paused). Undefined for the single-token app.
 */
export function installationClients(
  config: Config,
  state: StateStores | undefined,
): ((workspace: string) => Promise<DigestClient | undefined>) | undefined {
  if (!config.oauth || !state) return undefined;
  const installations = new StateInstallationStore(state);
  return async (workspace) => {
    const token = await installations.botToken(workspace);
    return token
      ? digestClient(new WebClient(token, config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}))
      : undefined;
  };
}

/** The two Web API calls the digest runner makes, adapted from a real client without casts at call sites. */
export function digestClient(web: WebClient): DigestClient {
  return {
    chat: {
      postMessage: async (args) => {
        const res = await web.chat.postMessage(args as Parameters<WebClient['chat']['postMessage']>[0]);
        return typeof res.ts === 'string' ? { ts: res.ts } : {};
      },
    },
    conversations: {
      history: (args) =>
        web.conversations.history(args) as ReturnType<DigestClient['conversations']['history']>,
    },
  };
}

/** `digest [date]` without a channel (the console): the week's items, unfiltered, as plain text. */
export function digestPreviewText(index: () => SearchIndex, today: () => string) {
  return (date: string | undefined, lang: Lang): string => {
    const week = weekFor(date, today());
    if (!week) return say(lang, 'notADate', { date: date ?? '' });
    return digestText(weekItems(index().items, null, week), week, lang);
  };
}
