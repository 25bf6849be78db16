import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { SqliteDigestStore as DigestStore } from '../src/store/sqlite/digest.js';
import { openState } from '../src/weekly/state.js';
import { memoryIo, useFakeSlack } from './helpers.js';
import { BOT_TOKEN, SIGNING_SECRET } from './support/fake-slack.js';
import { freshDatabase } from './support/postgres.js';

describe('policy-bot digest', () => {
  it('--week prints the Monday–Sunday digest as JSON, with ask-shaped items', async () => {
    const io = memoryIo();
    expect(await main(['digest', '--week', '2026-01-21', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out()) as {
      week: { from: string; to: string };
      items: { id: string; urls: string[]; source: { section: string } }[];
    };
    expect(out.week).toEqual({ from: '2026-01-19', to: '2026-01-25' });
    expect(out.items.map((i) => i.id)).toContain('digest-2026-01/asia/2');
    expect(out.items.every((i) => i.urls.length > 0 && i.source.section)).toBe(true);
  });

  it('--filters narrows with the same understanding as questions', async () => {
    const io = memoryIo();
    expect(await main(['digest', '--week', '2026-01-21', '--filters', '韓国', '--json'], io)).toBe(0);
    const out = JSON.parse(io.out()) as { items: { countries: string[] }[] };
    expect(out.items.length).toBeGreaterThan(0);
    expect(out.items.every((i) => i.countries.includes('KR'))).toBe(true);
  });

  it('prints readable text by default and explains a bad --week', async () => {
    const io = memoryIo();
    expect(await main(['digest', '--week', '2026-01-21'], io)).toBe(0);
    expect(io.out()).toContain('AI policy digest · 2026-01-19 – 2026-01-25');
    const bad = memoryIo();
    expect(await main(['digest', '--week', 'monday'], bad)).toBe(2);
    expect(bad.err()).toContain('digest needs --week YYYY-MM-DD');
  });
});

describe('policy-bot digest --run-now', () => {
  const fake = useFakeSlack();

  it('runs the weekly job once against Slack with the app state, and never treats the first corpus as news', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'policy-bot-runnow-')), 'state.sqlite');
    const db = openState(state);
    new DigestStore(db).upsertSubscription({
      workspace: '',
      channelId: 'C-RUN',
      filters: '',
      lang: 'en',
      now: '2026-01-01T00:00:00.000Z',
    });
    db.close();
    const io = memoryIo('', {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      POLICY_BOT_STATE_PATH: state,
      LOG_LEVEL: 'error',
    });
    expect(await main(['digest', '--run-now'], io)).toBe(0);
    const report = JSON.parse(io.out()) as { posted: Record<string, number>; week: { from: string } };
    expect(report.posted).toEqual({ 'C-RUN': 0 });
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('on a PostgreSQL database never migrated, migrates it before the run (no table missing)', async () => {
    const db = await freshDatabase();
    try {
      const io = memoryIo('', {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        DATABASE_URL: db.url,
        LOG_LEVEL: 'error',
      });
      expect(await main(['digest', '--run-now'], io), io.err()).toBe(0);
      expect(io.err()).not.toMatch(/does not exist|could not read/);
      expect(JSON.parse(io.out())).toHaveProperty('posted');
    } finally {
      await db.drop();
    }
  });

  it('refuses without Slack credentials', async () => {
    const io = memoryIo('', {});
    expect(await main(['digest', '--run-now'], io)).toBe(2);
    expect(io.err()).toContain('set SLACK_BOT_TOKEN');
  });
});
