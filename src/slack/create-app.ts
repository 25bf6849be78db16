import { App, type Logger as BoltLogger, type CustomRoute, HTTPReceiver, type LogLevel } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import { firstCommandDelivery } from './dedupe.js';
import type { SlackDeps } from './deps.js';
import { StateInstallationStore } from './installations.js';
import { registerListeners } from './listeners/index.js';
import { subscribeGuard } from './membership.js';
import { catchAll, guardReceiver } from './receiver.js';
import { type Routes, recordingApp } from './routes.js';
import { BOT_SCOPES } from './scopes.js';

export interface SlackApp {
  app: App;
  receiver?: HTTPReceiver;
  routes: Routes;
  /** Listener runs not finished yet (answers being searched and posted after their ack). */
  inFlight(): number;
}

/**
 * The real Bolt app for the configured mode: HTTP (signed requests to `/slack/events`) or Socket
 * Mode. `SLACK_API_URL` points the Web API client elsewhere (GovSlack, a proxy, the tests' fake).
 */
export function createSlackApp(
  config: Config,
  deps: SlackDeps,
  clientOptions: WebClientOptions = {},
  o: { customRoutes?: CustomRoute[] } = {},
): SlackApp {
  const logger = deps.logger as unknown as BoltLogger;
  // The Web API client's own default (its retryPolicies.tenRetriesInAboutThirtyMinutes, which its
  // CommonJS build does not export to ES modules by name).
  const retryConfig = clientOptions.retryConfig ?? { retries: 10, factor: 1.96821, randomize: true };
  const client: WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    ...clientOptions,
    // Every failed attempt that will be tried again (a rate limit, a server error) is counted:
    // the client hands retryConfig to p-retry, which calls onFailedAttempt (not in its type).
    ...(deps.metrics
      ? {
          retryConfig: {
            ...retryConfig,
            onFailedAttempt: (e: unknown) => {
              if ((e as { retriesLeft?: number }).retriesLeft) deps.metrics?.slackRetry();
            },
          } as WebClientOptions['retryConfig'],
        }
      : {}),
  };
  const logLevel = config.logLevel as LogLevel;
  let app: App;
  let receiver: HTTPReceiver | undefined;
  // Signed requests to /slack/events, and the operations endpoints beside them.
  const http = {
    signingSecret: config.signingSecret as string,
    endpoints: '/slack/events',
    port: config.port,
    logger,
    logLevel,
    ...(o.customRoutes?.length ? { customRoutes: o.customRoutes } : {}),
  };
  if (config.mode === 'http' && config.oauth) {
    // The distributed app: any workspace installs it through /slack/install; each request is
    // authorized with its team's bot token from the state database, whichever replica gets it.
    if (!deps.state)
      throw new Error(
        'policy-bot: the distributed app (SLACK_CLIENT_ID) keeps its installations in the state database, which could not be opened (see the log above)',
      );
    const { oauth } = config;
    receiver = new HTTPReceiver({
      ...http,
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: [...BOT_SCOPES],
      ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
      installationStore: new StateInstallationStore(deps.state, deps.clock),
      installerOptions: {
        directInstall: true,
        clientOptions: { ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) },
        ...(oauth.authorizeUrl ? { authorizationUrl: oauth.authorizeUrl } : {}),
      },
    });
    app = new App({ receiver, logger, logLevel, clientOptions: client });
    deps = { ...deps, distributed: true };
  } else if (config.mode === 'http') {
    receiver = new HTTPReceiver(http);
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
      ...(deps.metrics ? { onAck: deps.metrics.ack } : {}),
    });
  // Counts listener runs until they finish (after their ack): a graceful shutdown waits for them.
  let running = 0;
  app.use(async ({ next }) => {
    running += 1;
    try {
      await next();
    } finally {
      running -= 1;
    }
  });
  app.use(catchAll(routes, deps.logger));
  app.use(subscribeGuard(deps.logger));
  registerListeners(registrar, deps);
  app.error(async (error) => {
    deps.logger.error('unhandled Bolt error:', error);
  });
  return { app, ...(receiver ? { receiver } : {}), routes, inFlight: () => running };
}
