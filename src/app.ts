import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { openIndex } from './search/index-store.js';
import { createSlackApp } from './slack/create-app.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';
import { startScheduler } from './weekly/scheduler.js';
import { calendar, digestPreviewText, openWeekly } from './wiring.js';

/** Thin entry: config → wiring (index, calendar, weekly state) → Slack listeners or the console → start. */
async function main(): Promise<void> {
  dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
  const config = loadConfig(process.env);
  for (const s of [config.botToken, config.appToken, config.signingSecret]) registerSecret(s);
  const logger = createLogger(config.logLevel);
  const opened = await openIndex({
    dataDir: config.dataDir ?? defaultDataDir(),
    indexDir: config.indexDir ?? defaultIndexDir(),
    log: (line) => logger.info(line),
  });
  const index = () => opened;
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
    return;
  }
  const weekly = openWeekly(config, index, cal);
  const { app } = createSlackApp(config, { index, db: weekly.db, ...cal, logger, digest: weekly.digest });
  await app.start(config.port);
  logger.info(
    `policy-bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port}, /slack/events`})`,
  );
  await startScheduler({
    runner: weekly.runner(app.client, logger),
    store: weekly.store,
    cron: config.digestCron,
    timeZone: config.digestTimeZone,
    clock: cal.clock,
    logger,
  });
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
