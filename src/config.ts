import { Cron } from 'croner';
import { z } from 'zod';

/**
 * Configuration from the environment. Every variable is validated at once, so a bad `.env`
 * is reported in one go: each wrong variable by name, with what it should look like.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const isCron = (v: string) => {
  try {
    new Cron(v, { paused: true });
    return true;
  } catch {
    return false;
  }
};

/**
 * The publisher's listing of monthly digests: the category page of aisi.go.jp's activity news,
 * where each month's AI政策動向マンスリー情報 is posted (data/sources.yml cites those posts, e.g.
 * …/activity/activity_information/260218).
 */
export const DEFAULT_FEED_URL = 'https://aisi.go.jp/activity/activity_information/';

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || /^xoxb-/.test(v), {
    message: 'should be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)',
  }),
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || /^xapp-/.test(v), {
    message:
      'should be an app-level token starting with xapp- with the connections:write scope (Basic Information → App-Level Tokens)',
  }),
  SLACK_SIGNING_SECRET: optionalString.refine((v) => v === undefined || /^[0-9a-f]{32}$/i.test(v), {
    message: 'should be the 32-character hex signing secret (Basic Information → App Credentials)',
  }),
  SLACK_CLIENT_ID: optionalString.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
    message: "should be the app's Client ID, digits.digits (Basic Information → App Credentials)",
  }),
  SLACK_CLIENT_SECRET: optionalString.refine((v) => v === undefined || /^[0-9a-f]{32}$/i.test(v), {
    message: 'should be the 32-character hex Client Secret (Basic Information → App Credentials)',
  }),
  SLACK_STATE_SECRET: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'should be a random string of at least 16 characters (it signs the OAuth state)',
  }),
  SLACK_REDIRECT_URI: optionalString.refine(
    (v) => v === undefined || /^https?:\/\/\S+\/slack\/oauth_redirect$/.test(v),
    {
      message: 'should be your public https://HOST/slack/oauth_redirect (as in the manifest)',
    },
  ),
  SLACK_OAUTH_AUTHORIZE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
    message: 'should be the authorize page, https://slack.com/oauth/v2/authorize by default',
  }),
  SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/\S+\/$/.test(v), {
    message:
      'should be the Web API base URL ending in /, e.g. https://slack.com/api/ (GovSlack: https://slack-gov.com/api/)',
  }),
  PORT: optionalString.refine(
    (v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536),
    {
      message: 'should be a TCP port number between 1 and 65535, e.g. 3000',
    },
  ),
  POLICY_BOT_TZ: optionalString.refine((v) => v === undefined || isTimeZone(v), {
    message: 'should be an IANA time zone such as Asia/Tokyo',
  }),
  POLICY_BOT_DATA_DIR: optionalString,
  POLICY_BOT_INDEX_DIR: optionalString,
  POLICY_BOT_STATE_PATH: optionalString,
  DIGEST_CRON: optionalString.refine((v) => v === undefined || isCron(v), {
    message: 'should be a cron expression such as "0 9 * * 1" (Mondays at 09:00)',
  }),
  DIGEST_TZ: optionalString.refine((v) => v === undefined || isTimeZone(v), {
    message: 'should be an IANA time zone such as Asia/Tokyo',
  }),
  DIGEST_POST_EMPTY: optionalString.refine((v) => v === undefined || /^(true|false|1|0|yes|no)$/i.test(v), {
    message: 'should be true or false',
  }),
  POLICY_BOT_FEED_URL: optionalString.refine(
    (v) => v === undefined || /^off$/i.test(v) || /^https?:\/\/[^\s/]+\S*$/.test(v),
    { message: "should be the http(s) address of the publisher's listing of monthly digests, or off" },
  ),
  POLICY_BOT_FEED_CRON: optionalString.refine((v) => v === undefined || isCron(v), {
    message: 'should be a cron expression such as "0 8 * * *" (daily at 08:00)',
  }),
  POLICY_BOT_ADMIN_CHANNEL: optionalString.refine((v) => v === undefined || /^[CG][A-Z0-9]{6,}$/.test(v), {
    message: 'should be a channel id such as C0123456789 (channel details → About, at the bottom)',
  }),
  POLICY_BOT_ADMIN_LANG: optionalString.refine((v) => v === undefined || v === 'en' || v === 'ja', {
    message: 'should be en or ja',
  }),
  POLICY_BOT_DOWNLOAD_TIMEOUT: optionalString.refine(
    (v) => v === undefined || (/^\d+(?:\.\d+)?$/.test(v) && Number(v) > 0),
    { message: 'should be a number of seconds, e.g. 30' },
  ),
  POLICY_BOT_DOWNLOAD_MAX_MB: optionalString.refine(
    (v) => v === undefined || (/^\d+(?:\.\d+)?$/.test(v) && Number(v) > 0),
    { message: 'should be a size in megabytes, e.g. 20' },
  ),
  POLICY_BOT_ADMINS: optionalString.refine(
    (v) =>
      v === undefined ||
      v
        .split(/[\s,]+/)
        .filter(Boolean)
        .every((u) => /^[UW][A-Z0-9]{2,}$/.test(u)),
    { message: 'should be Slack user ids separated by commas, e.g. U012ABCDEF,U034GHIJKL' },
  ),
  DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/./i.test(v), {
    // Never the value: it carries the password.
    message:
      'should be a PostgreSQL URL, postgres://USER:PASSWORD@HOST:5432/DATABASE (unset it for the embedded SQLite state)',
  }),
  DIGEST_LOCK_RETRY_MS: optionalString.refine((v) => v === undefined || /^\d{2,7}$/.test(v), {
    message: 'should be milliseconds, e.g. 5000',
  }),
  DATABASE_POOL_MAX: optionalString.refine((v) => v === undefined || /^[1-9]\d{0,2}$/.test(v), {
    message: 'should be the number of connections per process, 1–999',
  }),
  LOG_LEVEL: optionalString.refine((v) => v === undefined || /^(debug|info|warn|error)$/.test(v), {
    message: 'should be one of debug, info, warn, error',
  }),
});

export type Mode = 'socket' | 'http' | 'console';

/** The distributed app's OAuth settings: installs through /slack/install, tokens in the state database. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  redirectUri?: string;
  /** Slack's authorize page (GovSlack, or the tests' fake). */
  authorizeUrl?: string;
}

export interface Config {
  mode: Mode;
  /** Set for the distributed app (HTTP mode without SLACK_BOT_TOKEN): one deployment, many workspaces. */
  oauth?: OAuthConfig;
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  slackApiUrl?: string;
  port: number;
  timeZone: string;
  dataDir?: string;
  indexDir?: string;
  statePath: string;
  /** PostgreSQL for the shared state (replicas); undefined: the embedded SQLite file at `statePath`. */
  databaseUrl?: string;
  /** Connections per process to PostgreSQL. */
  databasePoolMax: number;
  /** How often a replica waiting for the digest lock tries it again (ms; default 5000). */
  digestLockRetryMs?: number;
  digestCron: string;
  digestTimeZone: string;
  digestPostEmpty: boolean;
  /** The listing watched for new digests; undefined when watching is off. */
  feedUrl?: string;
  /** When the running app checks the listing (cron, in the digest time zone). */
  feedCron: string;
  /** Where the app says what the feed added or why it could not (a channel id). */
  adminChannel?: string;
  adminLang: 'en' | 'ja';
  /** Limits of every download (the feed and `add URL`). */
  download: { timeoutMs: number; maxBytes: number };
  /** Users who may change any channel's subscription, besides workspace admins and owners. */
  admins: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`policy-bot: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment into a typed {@link Config}. The mode follows the credentials present:
 * bot + app token → Socket Mode; bot token + signing secret → HTTP; none → the local console.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.success ? parsed.data : undefined;
  let mode: Mode = 'console';
  if (e) {
    const { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret } = e;
    const oauth = e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET;
    if (oauth && (bot || app)) {
      problems.push(
        'SLACK_CLIENT_ID/SLACK_CLIENT_SECRET: the distributed app (OAuth) gets its tokens from each installation; unset SLACK_BOT_TOKEN and SLACK_APP_TOKEN, or unset the client credentials for one workspace',
      );
    } else if (oauth) {
      const missing = [
        !e.SLACK_CLIENT_ID && 'SLACK_CLIENT_ID',
        !e.SLACK_CLIENT_SECRET && 'SLACK_CLIENT_SECRET',
        !e.SLACK_STATE_SECRET && 'SLACK_STATE_SECRET',
        !secret && 'SLACK_SIGNING_SECRET',
      ].filter(Boolean);
      if (missing.length)
        problems.push(`SLACK_*: the distributed app (OAuth, HTTP mode) also needs ${missing.join(', ')}`);
      else mode = 'http';
    } else if (bot && app) mode = 'socket';
    else if (bot && secret) mode = 'http';
    else if (bot || app || secret) {
      problems.push(
        `SLACK_*: incomplete Slack credentials (${[
          bot && 'SLACK_BOT_TOKEN',
          app && 'SLACK_APP_TOKEN',
          secret && 'SLACK_SIGNING_SECRET',
        ]
          .filter(Boolean)
          .join(
            ', ',
          )} set): Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; unset all three for the local console`,
      );
    }
  }
  if (problems.length || !e) throw new ConfigError(problems);
  return {
    mode,
    ...(e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? {
          oauth: {
            clientId: e.SLACK_CLIENT_ID,
            clientSecret: e.SLACK_CLIENT_SECRET,
            stateSecret: e.SLACK_STATE_SECRET,
            ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
            ...(e.SLACK_OAUTH_AUTHORIZE_URL ? { authorizeUrl: e.SLACK_OAUTH_AUTHORIZE_URL } : {}),
          },
        }
      : {}),
    ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_API_URL ? { slackApiUrl: e.SLACK_API_URL } : {}),
    port: e.PORT ? Number(e.PORT) : 3000,
    timeZone: e.POLICY_BOT_TZ ?? 'Asia/Tokyo',
    ...(e.POLICY_BOT_DATA_DIR ? { dataDir: e.POLICY_BOT_DATA_DIR } : {}),
    ...(e.POLICY_BOT_INDEX_DIR ? { indexDir: e.POLICY_BOT_INDEX_DIR } : {}),
    statePath: e.POLICY_BOT_STATE_PATH ?? 'state/policy-bot.sqlite',
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    databasePoolMax: Number(e.DATABASE_POOL_MAX ?? 10),
    ...(e.DIGEST_LOCK_RETRY_MS ? { digestLockRetryMs: Number(e.DIGEST_LOCK_RETRY_MS) } : {}),
    digestCron: e.DIGEST_CRON ?? '0 9 * * 1',
    digestTimeZone: e.DIGEST_TZ ?? 'Asia/Tokyo',
    digestPostEmpty: /^(true|1|yes)$/i.test(e.DIGEST_POST_EMPTY ?? ''),
    ...(/^off$/i.test(e.POLICY_BOT_FEED_URL ?? '')
      ? {}
      : { feedUrl: e.POLICY_BOT_FEED_URL ?? DEFAULT_FEED_URL }),
    feedCron: e.POLICY_BOT_FEED_CRON ?? '0 8 * * *',
    ...(e.POLICY_BOT_ADMIN_CHANNEL ? { adminChannel: e.POLICY_BOT_ADMIN_CHANNEL } : {}),
    adminLang: e.POLICY_BOT_ADMIN_LANG === 'ja' ? 'ja' : 'en',
    download: {
      timeoutMs: Number(e.POLICY_BOT_DOWNLOAD_TIMEOUT ?? 30) * 1000,
      maxBytes: Math.round(Number(e.POLICY_BOT_DOWNLOAD_MAX_MB ?? 20) * 1024 * 1024),
    },
    admins: (e.POLICY_BOT_ADMINS ?? '').split(/[\s,]+/).filter(Boolean),
    logLevel: (e.LOG_LEVEL as Config['logLevel']) ?? 'info',
  };
}
