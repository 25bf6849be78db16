import { resolve } from 'node:path';
import dotenv from 'dotenv';
import { projectRoot } from './paths.js';

/**
 * The project's `.env` (Slack credentials, translation keys) loaded into the environment, as the
 * app reads it, so the CLI's commands that act for the app (`fetch`, `digest --run-now`, `english
 * fill`) use the same settings; variables already set win. Only into `process.env`: a test's own
 * `env` is never filled from the developer's file.
 */
export function loadProjectEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env === process.env) dotenv.config({ path: resolve(projectRoot(), '.env'), quiet: true });
}
