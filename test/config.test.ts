import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_FEED_URL, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('no Slack credentials means the local console, with defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'console',
      port: 3000,
      timeZone: 'Asia/Tokyo',
      digestCron: '0 9 * * 1',
      digestTimeZone: 'Asia/Tokyo',
    });
  });

  it('picks Socket Mode or HTTP from the credentials present', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).mode).toBe('socket');
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a'.repeat(32), PORT: '8080' }),
    ).toMatchObject({ mode: 'http', port: 8080 });
  });

  it('the distributed app (OAuth) and PostgreSQL: read from their variables, refused when incomplete, the URL never echoed', () => {
    const oauth = {
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'b'.repeat(32),
      SLACK_STATE_SECRET: 'a-state-secret-long-enough',
      SLACK_SIGNING_SECRET: 'a'.repeat(32),
    };
    expect(loadConfig(oauth)).toMatchObject({
      mode: 'http',
      oauth: { clientId: '123.456', stateSecret: 'a-state-secret-long-enough' },
    });
    expect(loadConfig(oauth).botToken).toBeUndefined();
    expect(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: '' })).toThrow(/also needs SLACK_STATE_SECRET/);
    expect(() => loadConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/unset SLACK_BOT_TOKEN/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:pw@db:5432/x' })).toMatchObject({
      databaseUrl: 'postgres://u:pw@db:5432/x',
      databasePoolMax: 10,
    });
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    try {
      loadConfig({ DATABASE_URL: 'mysql://u:secretpw@db/x' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).message).toContain('DATABASE_URL: should be a PostgreSQL URL');
      expect((err as ConfigError).message).not.toContain('secretpw');
    }
  });

  it('reports every bad variable at once, by name, with what it should look like', () => {
    try {
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxp-user',
        PORT: 'eighty',
        DIGEST_CRON: 'every monday',
        DIGEST_TZ: 'Mars/Olympus',
        SLACK_API_URL: 'slack.com',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as ConfigError).message;
      expect((err as ConfigError).problems).toHaveLength(5);
      expect(msg).toContain('SLACK_BOT_TOKEN: should be a bot token starting with xoxb-');
      expect(msg).toContain('PORT: should be a TCP port number');
      expect(msg).toContain('DIGEST_CRON: should be a cron expression');
      expect(msg).toContain('DIGEST_TZ: should be an IANA time zone');
      expect(msg).toContain('SLACK_API_URL: should be the Web API base URL ending in /');
    }
  });

  it('explains incomplete credentials instead of guessing a mode', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      /Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN/,
    );
  });
});

describe('configuration of the publisher watch', () => {
  it('watches the default listing daily at 08:00 unless told otherwise; off turns it off', () => {
    const c = loadConfig({});
    expect(c.feedUrl).toBe(DEFAULT_FEED_URL);
    expect(c.feedCron).toBe('0 8 * * *');
    expect(c.adminChannel).toBeUndefined();
    expect(c.download).toEqual({ timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024 });
    expect(loadConfig({ POLICY_BOT_FEED_URL: 'off' }).feedUrl).toBeUndefined();
    expect(
      loadConfig({
        POLICY_BOT_FEED_URL: 'https://example.org/digests/',
        POLICY_BOT_FEED_CRON: '30 7 * * 1-5',
        POLICY_BOT_ADMIN_CHANNEL: 'C0123456789',
        POLICY_BOT_DOWNLOAD_TIMEOUT: '2.5',
      }),
    ).toMatchObject({
      feedUrl: 'https://example.org/digests/',
      feedCron: '30 7 * * 1-5',
      adminChannel: 'C0123456789',
      download: { timeoutMs: 2500 },
    });
  });

  it('names each bad feed variable', () => {
    expect(() =>
      loadConfig({
        POLICY_BOT_FEED_URL: 'ftp://x',
        POLICY_BOT_FEED_CRON: 'daily',
        POLICY_BOT_ADMIN_CHANNEL: '#admins',
        POLICY_BOT_DOWNLOAD_MAX_MB: '-1',
      }),
    ).toThrow(
      /POLICY_BOT_FEED_URL: should be the http\(s\) address[\s\S]*POLICY_BOT_FEED_CRON: should be a cron expression[\s\S]*POLICY_BOT_ADMIN_CHANNEL: should be a channel id[\s\S]*POLICY_BOT_DOWNLOAD_MAX_MB: should be a size/,
    );
  });
});
