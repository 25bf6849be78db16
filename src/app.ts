import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { digestText } from './digest/render.js';
import { DigestRunner } from './digest/runner.js';
import { startScheduler } from './digest/scheduler.js';
import { weekItems } from './digest/select.js';
import { digestCommands, weekFor } from './digest/service.js';
import { openState } from './digest/state.js';
import { DigestStore } from './digest/store.js';
import { todayIn } from './query/dates.js';
import { IndexHolder } from './search/holder.js';
import { openIndex, type SearchIndex } from './search/index-store.js';
import { rebuildInChildProcess } from './search/rebuild-process.js';
import { watchDataDir } from './search/watch-data.js';
import { createSlackApp } from './slack/create-app.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';
import { pidFilePath, writePidFile } from './util/pid-file.js';

/** Thin entry: config → index → state → listeners (or the console) → start. */
async function main(): Promise<void> {
  dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
  const config = loadConfig(process.env);
  for (const s of [config.botToken, config.appToken, config.signingSecret]) registerSecret(s);
  const logger = createLogger(config.logLevel);
  const dataDir = config.dataDir ?? defaultDataDir();
  const indexDir = config.indexDir ?? defaultIndexDir();
  const log = (line: string) => logger.info(line);
  const today = () => todayIn(config.timeZone);
  const clock = () => new Date();
  // New items are recorded as first seen on every swap, so the next weekly digest carries them once.
  let recordSeen = (_: SearchIndex) => {};
  const holder = new IndexHolder(await openIndex({ dataDir, indexDir, log }), {
    load: () => rebuildInChildProcess({ dataDir, indexDir, log }),
    log,
    onSwap: (next) => recordSeen(next),
  });
  const index = () => holder.current();
  const stopLiveReload = startLiveReload(holder, dataDir, config.statePath, log);
  if (config.mode === 'console') {
    await runConsole({
      index,
      today,
      input: process.stdin,
      output: process.stdout,
      digestPreview: consolePreview(index, today),
    });
    stopLiveReload();
    return;
  }
  const db = openState(resolve(projectRoot(), config.statePath));
  const store = new DigestStore(db);
  recordSeen = (next) =>
    store.recordItems(
      next.items.map((i) => i.id),
      clock().toISOString(),
    );
  recordSeen(holder.current());
  const digest = digestCommands({
    store,
    index,
    clock,
    today,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
  });
  const { app } = createSlackApp(config, { index, db, today, logger, digest });
  await app.start(config.port);
  logger.info(
    `policy-bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port}, /slack/events`})`,
  );
  const runner = new DigestRunner({
    store,
    index,
    client: app.client as never,
    clock,
    timeZone: config.digestTimeZone,
    postEmpty: config.digestPostEmpty,
    logger,
  });
  await startScheduler({
    runner,
    store,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
    clock,
    logger,
  });
}

/**
 * Live reload: data/ watched (debounced), SIGHUP, and a pid file `policy-bot reload` signals.
 * Each trigger asks the holder to reload; a failed reload keeps the last good index.
 */
function startLiveReload(
  holder: IndexHolder,
  dataDir: string,
  statePath: string,
  log: (line: string) => void,
): () => void {
  const stopWatching = watchDataDir(
    dataDir,
    (files) => void holder.reload(`data/ changed: ${files.join(', ') || 'unknown files'}`),
    { log },
  );
  const onHup = () => void holder.reload('SIGHUP');
  process.on('SIGHUP', onHup);
  const removePid = writePidFile(pidFilePath(statePath, projectRoot()));
  process.on('exit', removePid);
  return () => {
    stopWatching();
    process.off('SIGHUP', onHup);
    removePid();
  };
}

/** `digest [date]` in the console: the same selection as the Slack preview, as plain text, unfiltered. */
function consolePreview(index: () => SearchIndex, today: () => string) {
  return (date: string | undefined): string => {
    const week = weekFor(date, today());
    if (!week) return `Not a date I can read: "${date}". Try 2026-01-14.`;
    const items = weekItems(index().items, null, week);
    return digestText(items, week, 'en');
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
