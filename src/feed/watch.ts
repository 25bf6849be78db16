import { resolve } from 'node:path';
import type { WebClient } from '@slack/web-api';
import { Cron } from 'croner';
import type { Config } from '../config.js';
import { say as sayIn } from '../present/catalogue.js';
import { escapeMrkdwn } from '../present/mrkdwn.js';
import type { Lang } from '../query/understand.js';
import type { ReloadOutcome } from '../search/holder.js';
import type { FeedMemory } from '../store/feed.js';
import type { StateStores } from '../store/state.js';
import type { Logger } from '../util/logger.js';
import { projectRoot } from '../util/paths.js';
import { checkInChildProcess } from './check-process.js';
import { feedMessage } from './message.js';
import { describeReport, type FeedReport } from './report.js';

export interface FeedWatchDeps {
  listingUrl: string;
  /** When to check (cron), in `timeZone` (the digest's). */
  cron: string;
  timeZone: string;
  /** One check (in a child process, in the app). */
  check: () => Promise<FeedReport>;
  /** Swaps in the index with what the check added (the live-reload holder). */
  reload: (reason: string) => Promise<ReloadOutcome>;
  /** Posts to the admin channel; absent when none is configured. */
  post?: (text: string) => Promise<void>;
  lang: Lang;
  /** When the last check finished (catch-up at start); absent on a state fault. */
  memory?: Pick<FeedMemory, 'lastCheckAt'>;
  clock: () => Date;
  logger: Logger;
}

export interface FeedWatch {
  job: Cron;
  /** One check now, unless one is running (then that one's outcome). */
  runNow(): Promise<FeedReport | undefined>;
  stop(): void;
}

/**
 * The latest scheduled check not after `now`, when no check finished since: the app was down,
 * so it checks at start. Only the latest, never a backlog (one check sees the whole listing).
 */
export function missedCheck(cron: string, timeZone: string, now: Date, lastCheckAt: string | undefined) {
  const [latest] = new Cron(cron, { timezone: timeZone, paused: true }).previousRuns(1, now);
  if (!latest) return undefined;
  return lastCheckAt && lastCheckAt >= latest.toISOString() ? undefined : latest;
}

/**
 * Watches the publisher's listing from the running app: a croner job (never overlapping) and a
 * catch-up at start. After a check that added a month the index is reloaded (requests in flight
 * finish on the old one), then the admin channel gets one message; a check that fails is logged
 * and posted, and changes nothing.
 */
export function watchPublisher(d: FeedWatchDeps): FeedWatch {
  let running: Promise<FeedReport | undefined> | undefined;
  const once = async (why: string): Promise<FeedReport | undefined> => {
    d.logger.info(`feed: checking ${d.listingUrl} (${why})`);
    let report: FeedReport;
    try {
      report = await d.check();
    } catch (err) {
      const reason = (err as Error).message;
      d.logger.error(`feed: the check failed: ${reason}`);
      await say(sayIn(d.lang, 'feedListingProblem', { reason: escapeMrkdwn(`the check failed: ${reason}`) }));
      return undefined;
    }
    d.logger.info(`feed: ${describeReport(report).split('\n').join(' · ')}`);
    if (report.added.length) {
      const outcome = await d.reload(`feed added ${report.added.map((a) => a.id).join(', ')}`);
      if (!outcome.swapped) d.logger.error(`feed: the new index is not served yet: ${outcome.error}`);
    }
    const text = feedMessage(report, d.lang);
    if (text) await say(text);
    return report;
  };
  const say = async (text: string) => {
    if (!d.post) return;
    try {
      await d.post(text);
    } catch (err) {
      d.logger.error(`feed: could not post to the admin channel: ${(err as Error).message}`);
    }
  };
  const runNow = (why = 'asked') => {
    running ??= once(why).finally(() => {
      running = undefined;
    });
    return running;
  };
  const job = new Cron(d.cron, { timezone: d.timeZone, protect: true }, async () => {
    await runNow('scheduled');
  });
  d.logger.info(
    `feed: watching ${d.listingUrl}; next check ${job.nextRun()?.toISOString() ?? 'never'} (${d.cron}, ${d.timeZone})`,
  );
  void (async () => {
    const last = await Promise.resolve(d.memory?.lastCheckAt()).catch(() => undefined);
    const missed = missedCheck(d.cron, d.timeZone, d.clock(), last);
    if (missed) await runNow(`the check due ${missed.toISOString()} was missed`);
  })();
  return { job, runNow: () => runNow(), stop: () => job.stop() };
}

/**
 * The running app's watch of `config.feedUrl`: checks in a child process against the app's own
 * data/, index/ and state database, reloads `reload`'s index after an add, and posts to
 * `config.adminChannel` through the app's Web API client.
 */
export function startFeedWatch(
  config: Config & { feedUrl: string },
  o: {
    dataDir: string;
    indexDir: string;
    state?: StateStores;
    client: WebClient;
    reload: (reason: string) => Promise<ReloadOutcome>;
    logger: Logger;
    clock: () => Date;
  },
): FeedWatch {
  const statePath = resolve(projectRoot(), config.statePath);
  const channel = config.adminChannel;
  return watchPublisher({
    listingUrl: config.feedUrl,
    cron: config.feedCron,
    timeZone: config.digestTimeZone,
    check: () =>
      checkInChildProcess(
        {
          listingUrl: config.feedUrl,
          dataDir: o.dataDir,
          indexDir: o.indexDir,
          statePath,
          limits: config.download,
          timeZone: config.digestTimeZone,
        },
        (l) => o.logger.info(l),
      ),
    reload: o.reload,
    ...(channel
      ? {
          post: async (text: string) => {
            await o.client.chat.postMessage({ channel, text, unfurl_links: false, unfurl_media: false });
          },
        }
      : {}),
    lang: config.adminLang,
    ...(o.state ? { memory: o.state.feed } : {}),
    clock: o.clock,
    logger: o.logger,
  });
}
