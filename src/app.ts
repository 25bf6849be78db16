import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { warmUp, warmUpGently } from './query/ask.js';
import { IndexHolder } from './search/holder.js';
import { openIndex, type SearchIndex } from './search/index-store.js';
import { rebuildInChildProcess } from './search/rebuild-process.js';
import { watchDataDir } from './search/watch-data.js';
import { createSlackApp } from './slack/create-app.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';
import { pidFilePath, tryWritePidFile } from './util/pid-file.js';
import { installSafetyNet } from './util/safety-net.js';
import { startScheduler } from './weekly/scheduler.js';
import { calendar, digestPreviewText, openWeekly } from './wiring.js';

/** Thin entry: config → wiring (live index, calendar, weekly state) → Slack listeners or the console → start. */
async function main(): Promise<void> {
  dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
  const config = loadConfig(process.env);
  for (const s of [config.botToken, config.appToken, config.signingSecret]) registerSecret(s);
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
  const stopLiveReload = startLiveReload(holder, dataDir, config.statePath, log, (line) => logger.warn(line));
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
  const weekly = await openWeekly(config, index, cal, logger);
  const state = weekly.state;
  recordSeen = (next) => {
    // New items recorded as first seen; a database fault here is reported, never a failed reload.
    Promise.resolve(
      state?.digest.recordItems(
        next.items.map((i) => i.id),
        cal.clock().toISOString(),
      ),
    ).catch((err) => state?.reportFault(err));
  };
  const { app } = createSlackApp(config, {
    index,
    ...(state ? { state } : {}),
    ...cal,
    logger,
    digest: weekly.digest,
    admins: config.admins,
  });
  await app.start(config.port);
  logger.info(
    `policy-bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port}, /slack/events`}; state: ${state?.where ?? 'none'})`,
  );
  // Watching the publisher's listing for new months (POLICY_BOT_FEED_URL; `off` turns it off).
  if (config.feedUrl) {
    const { startFeedWatch } = await import('./feed/watch.js');
    startFeedWatch(
      { ...config, feedUrl: config.feedUrl },
      {
        dataDir,
        indexDir,
        ...(state ? { state } : {}),
        client: app.client,
        reload: (reason) => holder.reload(reason),
        logger,
        clock: cal.clock,
      },
    );
  } else logger.info('feed: watching the publisher is off (POLICY_BOT_FEED_URL=off)');
  const runner = weekly.runner(app.client, logger);
  if (!runner || !state) return; // a state fault: no weekly digests until it is fixed (logged)
  await startScheduler({
    runner,
    store: state.digest,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
    clock: cal.clock,
    logger,
  });
}

/**
 * Live reload: data/ watched (debounced), SIGHUP, and a pid file `policy-bot reload` signals.
 * Each trigger asks the holder to reload; a failed reload keeps the last good index. A pid file
 * that cannot be written is a warning: the watcher and SIGHUP still work.
 */
function startLiveReload(
  holder: IndexHolder,
  dataDir: string,
  statePath: string,
  log: (line: string) => void,
  warn: (line: string) => void,
): () => void {
  const stopWatching = watchDataDir(
    dataDir,
    (files) => void holder.reload(`data/ changed: ${files.join(', ') || 'unknown files'}`),
    { log },
  );
  const onHup = () => void holder.reload('SIGHUP');
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
