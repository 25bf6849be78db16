import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/util/paths.js';
import { BOT_TOKEN, type FakeSlack, SIGNING_SECRET, sign } from './fake-slack.js';

// The repository, whether this runs from test/support (tsx) or dist/test/support (the bench).
const ROOT = projectRoot();

/** A port nobody listens on right now (the OS picks it), for an app started in another process. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real entry point running in its own process, with everything it printed so far. */
export interface AppProcess {
  child: ChildProcess;
  port: number;
  /** stdout and stderr as one text, plus a line when the process exits. */
  logs(): string;
}

/**
 * Starts `src/app.ts` in HTTP mode, as `npm start` would, against the local fake Slack: only the
 * environment given here (no developer's `.env` values leak in beyond what dotenv reads). `built`
 * runs the compiled `dist/src/app.js` instead (the bench measures what is deployed).
 */
export async function spawnApp(
  fake: FakeSlack,
  env: Record<string, string>,
  o: { built?: boolean } = {},
): Promise<AppProcess> {
  const port = await freePort();
  const entry = o.built ? [join(ROOT, 'dist/src/app.js')] : ['--import', 'tsx', join(ROOT, 'src/app.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      // Tests never reach the internet: the publisher's listing is watched only when a test says where.
      POLICY_BOT_FEED_URL: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout?.on('data', (c) => {
    logs += String(c);
  });
  child.stderr?.on('data', (c) => {
    logs += String(c);
  });
  child.on('exit', (code, signal) => {
    logs += `\n[app exited: ${code ?? signal}]\n`;
  });
  return { child, port, logs: () => logs };
}

/**
 * A signed slash command posted to a spawned app on a fresh connection: a kept-alive socket that
 * the server closes after 5 idle seconds (while the app reloads, or `add` runs) would otherwise
 * fail the request for the client's reasons, not the app's. Resolves with the HTTP status.
 */
export function postFresh(port: number, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(body, timestamp),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
