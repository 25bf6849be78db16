import { Cron } from 'croner';
import type { Logger } from '../util/logger.js';
import type { DigestRunner } from './runner.js';
import type { DigestStore } from './store.js';

export interface SchedulerDeps {
  runner: DigestRunner;
  store: DigestStore;
  cron: string;
  timeZone: string;
  clock: () => Date;
  logger: Logger;
}

/**
 * The latest scheduled time not after `now` that has no completed run: the app was down then,
 * so that digest is posted at start. Only the latest missed week, never a backlog.
 */
export function missedRun(cron: string, timeZone: string, now: Date, store: DigestStore): Date | undefined {
  const [latest] = new Cron(cron, { timezone: timeZone, paused: true }).previousRuns(1, now);
  if (!latest) return undefined;
  return store.runStatus(latest.toISOString()) === 'done' ? undefined : latest;
}

/** Starts the weekly job (croner, in the digest time zone, never overlapping) and catches up a missed run. */
export async function startScheduler(d: SchedulerDeps): Promise<Cron> {
  const missed = missedRun(d.cron, d.timeZone, d.clock(), d.store);
  if (missed) {
    d.logger.info(`digest: the run due ${missed.toISOString()} was missed; posting it now`);
    await d.runner.run(missed).catch((err) => d.logger.error('digest catch-up failed:', err));
  }
  const job = new Cron(d.cron, { timezone: d.timeZone, protect: true }, async (self: Cron) => {
    const due = self.currentRun() ?? d.clock();
    try {
      const report = await d.runner.run(due);
      d.logger.info(`digest run ${report.scheduledFor}: ${JSON.stringify(report)}`);
    } catch (err) {
      d.logger.error('digest run failed:', err);
    }
  });
  d.logger.info(`digest: next run ${job.nextRun()?.toISOString() ?? 'never'} (${d.cron}, ${d.timeZone})`);
  return job;
}
