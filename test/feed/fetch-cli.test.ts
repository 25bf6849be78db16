import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { FeedReport } from '../../src/feed/report.js';
import { hashDataDir, rebuildIndex } from '../../src/search/index-store.js';
import { SqliteFeedStore } from '../../src/store/sqlite/feed.js';
import { openState } from '../../src/weekly/state.js';
import { FIXTURES, memoryIo, useFakeSlack } from '../helpers.js';
import { FakePublisher } from '../support/fake-publisher.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/fake-slack.js';
import { LISTING, POST, servePublisher } from '../support/publisher-site.js';

const site = new FakePublisher();
const fake = useFakeSlack();
beforeAll(async () => {
  await loadTokenizer();
  await site.start();
  servePublisher(site);
});
afterAll(() => site.stop());

function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-fetch-'));
  const dataDir = join(root, 'data');
  const indexDir = join(root, 'index');
  cpSync(join(FIXTURES, 'new-month'), dataDir, { recursive: true });
  rebuildIndex({ dataDir, indexDir });
  return { root, dataDir, indexDir, statePath: join(root, 'state.sqlite') };
}

describe('policy-bot fetch', () => {
  it('says so when watching is off', async () => {
    const io = memoryIo('', { POLICY_BOT_FEED_URL: 'off' });
    expect(await main(['fetch'], io)).toBe(2);
    expect(io.err()).toContain('watching the publisher is off (POLICY_BOT_FEED_URL=off)');
  });

  it('--dry-run --json: the report of what would be added; nothing written, remembered or posted', async () => {
    const c = checkout();
    const data = hashDataDir(c.dataDir);
    const io = memoryIo('', {
      POLICY_BOT_STATE_PATH: c.statePath,
      POLICY_BOT_DOWNLOAD_TIMEOUT: '0.5',
      POLICY_BOT_DOWNLOAD_MAX_MB: '0.25',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      POLICY_BOT_ADMIN_CHANNEL: 'C0ADMIN002',
    });
    const args = [
      'fetch',
      '--dry-run',
      '--json',
      '--feed',
      site.url(LISTING),
      '--data',
      c.dataDir,
      '--index',
      c.indexDir,
    ];
    expect(await main(args, io)).toBe(1);
    const report = FeedReport.parse(JSON.parse(io.out()));
    expect(report.dryRun).toBe(true);
    expect(report.added.map((a) => a.id)).toEqual(['digest-2026-04', 'digest-2026-05']);
    expect(report.failed.length + report.refused.length).toBe(5);
    expect(hashDataDir(c.dataDir)).toEqual(data);
    // Nothing remembered: no page and no check in the state database the command opened.
    const db = openState(c.statePath);
    try {
      const memory = new SqliteFeedStore(db);
      expect(memory.page(site.url(POST('260518')))).toBeUndefined();
      expect(memory.lastCheckAt()).toBeUndefined();
    } finally {
      db.close();
    }
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
