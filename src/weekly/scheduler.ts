import { Cron } from 'croner';
import type { DigestStore } from '../store/digest.js';
import type { Logger } from '../util/logger.js';
import type { DigestRunner } from './runner.js';

export interface SchedulerDeps {
  runner: DigestRunner;
  store: DigestStore;
  cron: string;
  timeZone: string;
  clock: () => Date;
  logger: Logger;
  /** Hands over the cron job as soon as it exists (before the catch-up), so shutdown can stop it. */
  onJob?: (job: Cron) => void;
}

/**
 * The latest scheduled time not after `now` that has no completed run: the app was down then,
 * so that digest is posted at start. Only the latest missed week, never a backlog.
 */
export async function missedRun(
  cron: string,
  timeZone: string,
  now: Date,
  store: DigestStore,
): Promise<Date | undefined> {
  const [latest] = new Cron(cron, { timezone: timeZone, paused: true }).previousRuns(1, now);
  if (!latest) return undefined;
  return (await store.runStatus(latest.toISOString())) === 'done' ? undefined : latest;
}

/** Starts the weekly job (croner, in the digest time zone, never overlapping) and catches up a missed run. */
export async function startScheduler(d: SchedulerDeps): Promise<Cron> {
  const job = new Cron(d.cron, { timezone: d.timeZone, protect: true }, async (self: Cron) => {
    const due = self.currentRun() ?? d.clock();
    try {
      const report = await d.runner.run(due);
      d.logger.info(`digest run ${report.scheduledFor}: ${JSON.stringify(report)}`);
    } catch (err) {
      d.logger.error('digest run failed:', err);
    }
  });
  d.onJob?.(job);
  const missed = await missedRun(d.cron, d.timeZone, d.clock(), d.store).catch((err) => {
    d.logger.error('digest: could not read the last run (the state database has a fault):', err);
    return undefined;
  });
  if (missed) {
    // A run missed while no process was up — or left unfinished by a replica that stopped or died
    // (then this one waits for the lock and resumes it).
    d.logger.info(
      `digest: the run due ${missed.toISOString()} was missed or left unfinished; posting it now`,
    );
    await d.runner
      .run(missed)
      .then((report) => d.logger.info(`digest run ${report.scheduledFor}: ${JSON.stringify(report)}`))
      .catch((err) => d.logger.error('digest catch-up failed:', err));
  }
  d.logger.info(`digest: next run ${job.nextRun()?.toISOString() ?? 'never'} (${d.cron}, ${d.timeZone})`);
  return job;
}
