import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console.js';
import { openState } from './digest/state.js';
import { todayIn } from './query/dates.js';
import { openIndex } from './search/index-store.js';
import { createSlackApp } from './slack/create-app.js';
import { createLogger, registerSecret } from './util/logger.js';
import { defaultDataDir, defaultIndexDir, projectRoot } from './util/paths.js';

/** Thin entry: config → index → state → listeners (or the console) → start. */
async function main(): Promise<void> {
  dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
  const config = loadConfig(process.env);
  for (const s of [config.botToken, config.appToken, config.signingSecret]) registerSecret(s);
  const logger = createLogger(config.logLevel);
  const index = await openIndex({
    dataDir: config.dataDir ?? defaultDataDir(),
    indexDir: config.indexDir ?? defaultIndexDir(),
    log: (line) => logger.info(line),
  });
  const today = () => todayIn(config.timeZone);
  if (config.mode === 'console') {
    await runConsole({ index: () => index, today, input: process.stdin, output: process.stdout });
    return;
  }
  const db = openState(resolve(projectRoot(), config.statePath));
  const { app } = createSlackApp(config, { index: () => index, db, today, logger });
  await app.start(config.port);
  logger.info(
    `policy-bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${config.port}, /slack/events`})`,
  );
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
