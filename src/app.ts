import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { digestText } from './digest/render.js';
import { DigestRunner } from './digest/runner.js';
import { startScheduler } from './digest/scheduler.js';
import { weekItems } from './digest/select.js';
import { openDigestState, weekFor } from './digest/service.js';
import { todayIn } from './query/dates.js';
import { openIndex, type SearchIndex } from './search/index-store.js';
import { createSlackApp } from './slack/create-app.js';
import { createOffLoop } from './slack/off-loop.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';
import { installSafetyNet } from './util/safety-net.js';

/** Thin entry: config → index → state → listeners (or the console) → start. */
async function main(): Promise<void> {
  dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
  const config = loadConfig(process.env);
  for (const s of [config.botToken, config.appToken, config.signingSecret]) registerSecret(s);
  const logger = createLogger(config.logLevel);
  installSafetyNet(process, logger);
  const dirs = {
    dataDir: config.dataDir ?? defaultDataDir(),
    indexDir: config.indexDir ?? defaultIndexDir(),
  };
  const index = await openIndex({
    ...dirs,
    log: (line) => logger.info(line),
  });
  const today = () => todayIn(config.timeZone);
  const clock = () => new Date();
  if (config.mode === 'console') {
    await runConsole({
      index: () => index,
      today,
      input: process.stdin,
      output: process.stdout,
      digestPreview: consolePreview(index, today),
    });
    return;
  }
  const { db, store, digest } = openDigestState(resolve(projectRoot(), config.statePath), {
    index: () => index,
    clock,
    today,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
    logger,
  });
  // Questions are answered on a worker thread, so a long one never delays other users' acks.
  const offLoop = createOffLoop({ ...dirs, logger });
  await offLoop.ready();
  const { app } = createSlackApp(config, {
    index: () => index,
    offLoop,
    ...(db ? { db } : {}),
    today,
    logger,
    digest,
  });
  await app.start(config.port);
  logger.info(
    `policy-bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port}, /slack/events`})`,
  );
  if (!store) return; // a state fault: no weekly digests until it is fixed (logged above)
  const runner = new DigestRunner({
    store,
    index: () => index,
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
  }).catch((err) => logger.error('digest scheduler could not start (questions are still answered):', err));
}

/** `digest [date]` in the console: the same selection as the Slack preview, as plain text, unfiltered. */
function consolePreview(index: SearchIndex, today: () => string) {
  return (date: string | undefined): string => {
    const week = weekFor(date, today());
    if (!week) return `Not a date I can read: "${date}". Try 2026-01-14.`;
    const items = weekItems(index.items, null, week);
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
