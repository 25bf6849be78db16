import { App, type Logger as BoltLogger, HTTPReceiver, type LogLevel } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import { firstCommandDelivery } from './dedupe.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { subscribeGuard } from './membership.js';
import { catchAll, guardReceiver } from './receiver.js';
import { type Routes, recordingApp } from './routes.js';

export interface SlackApp {
  app: App;
  receiver?: HTTPReceiver;
  routes: Routes;
}

/**
 * The real Bolt app for the configured mode: HTTP (signed requests to `/slack/events`) or Socket
 * Mode. `SLACK_API_URL` points the Web API client elsewhere (GovSlack, a proxy, the tests' fake).
 */
export function createSlackApp(
  config: Config,
  deps: SlackDeps,
  clientOptions: WebClientOptions = {},
): SlackApp {
  const logger = deps.logger as unknown as BoltLogger;
  const client: WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    ...clientOptions,
  };
  const logLevel = config.logLevel as LogLevel;
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'http') {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret as string,
      endpoints: '/slack/events',
      port: config.port,
      logger,
      logLevel,
    });
    app = new App({ token: config.botToken, receiver, logger, logLevel, clientOptions: client });
  } else if (config.mode === 'socket') {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      logger,
      logLevel,
      clientOptions: client,
    });
  } else {
    throw new Error('policy-bot: createSlackApp needs Slack credentials; without them run the local console');
  }
  const { registrar, routes } = recordingApp(app);
  if (receiver)
    guardReceiver(receiver, {
      signingSecret: config.signingSecret as string,
      routes,
      logger: deps.logger,
      firstCommand: (timestamp, rawBody) => firstCommandDelivery(deps, timestamp, rawBody),
    });
  app.use(catchAll(routes, deps.logger));
  app.use(subscribeGuard(deps.logger));
  registerListeners(registrar, deps);
  app.error(async (error) => {
    deps.logger.error('unhandled Bolt error:', error);
  });
  return { app, ...(receiver ? { receiver } : {}), routes };
}
