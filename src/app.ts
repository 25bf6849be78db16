import { resolve } from 'node:path';
import type { Cron } from 'croner';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { opsRoutes, readiness } from './ops/health.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { warmUp, warmUpGently } from './query/ask.js';
import { IndexHolder, type ReloadOutcome } from './search/holder.js';
import { openIndex, type SearchIndex } from './search/index-store.js';
import { rebuildInChildProcess } from './search/rebuild-process.js';
import { watchDataDir } from './search/watch-data.js';
import { createSlackApp } from './slack/create-app.js';
import { claimUnkeyedRows } from './slack/workspace.js';
import type { PgStores } from './store/pg/index.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';
import { pidFilePath, tryWritePidFile } from './util/pid-file.js';
import { loadProjectEnv } from './util/project-env.js';
import { installSafetyNet } from './util/safety-net.js';
import { startScheduler } from './weekly/scheduler.js';
import { calendar, digestPreviewText, installationClients, openWeekly } from './wiring.js';

/** Thin entry: config → wiring (live index, calendar, weekly state) → Slack listeners or the console → start. */
async function main(): Promise<void> {
  loadProjectEnv();
  const config = loadConfig(process.env);
  for (const s of [
    config.botToken,
    config.appToken,
    config.signingSecret,
    config.oauth?.clientSecret,
    config.oauth?.stateSecret,
  ])
    registerSecret(s);
  const logger = createLogger(config.logLevel);
  installSafetyNet(process, logger);
  const dataDir = config.dataDir ?? defaultDataDir();
  const indexDir = config.indexDir ?? defaultIndexDir();
  const log = (line: string) => logger.info(line);
  // New items are recorded as first seen on every swap, so the next weekly digest carries them once.
  let recordSeen = (_: SearchIndex) => {};
  // Warmed before it serves: the first question after a start or a reload pays no table building.
  const holder = new IndexHolder(warmUp(await openIndex({ dataDir, indexDir, log })), {
    load: async () => warmUpGently(await rebuildInChildProcess({ dataDir, indexDir, log })),
    log,
    onSwap: (next) => recordSeen(next),
  });
  const index = () => holder.current();
  let metrics: Metrics | undefined;
  // Each replica reloads its own index (its own data/); every outcome is counted.
  const reload = async (reason: string): Promise<ReloadOutcome> => {
    const outcome = await holder.reload(reason);
    metrics?.reload(outcome.swapped ? 'swapped' : 'failed');
    return outcome;
  };
  const stopLiveReload = startLiveReload(reload, dataDir, config.statePath, log, (line) => logger.warn(line));
  const cal = calendar(config.timeZone);
  if (config.mode === 'console') {
    await runConsole({
      index,
      today: cal.today,
      input: process.stdin,
      output: process.stdout,
      digestPreview: digestPreviewText(index, cal.today),
      historyFile: resolve(projectRoot(), 'state', 'console-history'),
    });
    stopLiveReload();
    return;
  }
  const weekly = openWeekly(config, index, cal, logger);
  const state = weekly.state;
  metrics = createMetrics(state?.kind === 'postgres' ? { pool: () => (state as PgStores).poolState() } : {});
  recordSeen = (next) => {
    // New items recorded as first seen; a database fault here is reported, never a failed reload.
    Promise.resolve(
      state?.digest.recordItems(
        next.items.map((i) => i.id),
        cal.clock().toISOString(),
      ),
    ).catch((err) => state?.reportFault(err));
  };
  let stopping = false;
  const ready = () =>
    readiness({
      indexReady: () => Boolean(holder.current()),
      ...(state ? { state } : {}),
      ...(weekly.fault ? { stateFault: weekly.fault } : {}),
      stopping: () => stopping,
    });
  const slack = createSlackApp(
    config,
    {
      index,
      ...(state ? { state } : {}),
      ...cal,
      logger,
      digest: weekly.digest,
      admins: config.admins,
      metrics,
    },
    {},
    { customRoutes: opsRoutes({ ready, metrics }) },
  );
  const { app } = slack;
  await app.start(config.port);
  logger.info(
    `policy-bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port}: /slack/events, /healthz, /readyz, /metrics`}; state: ${state?.where ?? 'none'})`,
  );
  // Watching the publisher's listing for new months (POLICY_BOT_FEED_URL; `off` turns it off).
  let stopFeed = () => {};
  if (config.feedUrl) {
    const { startFeedWatch } = await import('./feed/watch.js');
    stopFeed = startFeedWatch(
      { ...config, feedUrl: config.feedUrl },
      {
        dataDir,
        indexDir,
        ...(state ? { state } : {}),
        client: app.client,
        reload,
        logger,
        clock: cal.clock,
      },
    ).stop;
  } else logger.info('feed: watching the publisher is off (POLICY_BOT_FEED_URL=off)');
  const m = metrics;
  // The distributed app posts each team's digest with that team's bot token.
  const clientFor = installationClients(config, state);
  const runner = weekly.runner(app.client, logger, {
    onPart: () => m.digestPart(),
    ...(clientFor ? { clientFor } : {}),
  });
  let job: Cron | undefined;
  // Graceful shutdown (SIGTERM from the orchestrator, SIGINT from a terminal): /readyz turns 503,
  // no new request is taken, answers in flight are finished, the digest stops between parts and
  // releases its lock (another replica resumes it), then the database is closed.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down (finishing ${slack.inFlight()} answers in flight)`);
    job?.stop();
    stopFeed();
    stopLiveReload();
    await Promise.all([
      app.stop().catch((err) => logger.warn('stopping the receiver:', err)),
      runner?.stop(),
    ]);
    const until = Date.now() + 20_000;
    while (slack.inFlight() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await state?.close().catch(() => undefined);
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  if (!runner || !state) return; // a state fault: no weekly digests until it is fixed (logged)
  // The missed run is looked up once the schema is there (PostgreSQL migrates in the background,
  // and may be down at start: the digest then starts when it is back).
  await state.ready.catch(() => undefined);
  // The single-token app's one workspace takes over the rows stored before rows had one, before
  // any digest runs (so a digest never sees them move half-way).
  if (!config.oauth) await claimUnkeyedRows(state, () => app.client.auth.test(), logger);
  if (stopping) return;
  await startScheduler({
    runner,
    store: state.digest,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
    clock: cal.clock,
    logger,
    onJob: (j) => {
      job = j;
    },
  });
}

/**
 * Live reload: data/ watched (debounced), SIGHUP, and a pid file `policy-bot reload` signals.
 * Each trigger asks the holder to reload; a failed reload keeps the last good index. A pid file
 * that cannot be written is a warning: the watcher and SIGHUP still work.
 */
function startLiveReload(
  reload: (reason: string) => Promise<ReloadOutcome>,
  dataDir: string,
  statePath: string,
  log: (line: string) => void,
  warn: (line: string) => void,
): () => void {
  const stopWatching = watchDataDir(
    dataDir,
    (files) => void reload(`data/ changed: ${files.join(', ') || 'unknown files'}`),
    { log },
  );
  const onHup = () => void reload('SIGHUP');
  process.on('SIGHUP', onHup);
  const pid = tryWritePidFile(pidFilePath(statePath, projectRoot()));
  const removePid = 'remove' in pid ? pid.remove : () => {};
  if ('warning' in pid) warn(pid.warning);
  process.on('exit', removePid);
  return () => {
    stopWatching();
    process.off('SIGHUP', onHup);
    removePid();
  };
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
  } else {
    process.stderr.write(
      `policy-bot: failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
  }
  process.exit(1);
});
