import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missedCheck } from '../../src/feed/watch.js';
import { SqliteFeedStore as FeedStore } from '../../src/store/sqlite/feed.js';
import { openState } from '../../src/weekly/state.js';

describe('the feed’s memory in the state database (migration 4)', () => {
  it('is created by migration 4, applied by number whatever other numbers exist', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'policy-bot-feedstate-')), 'state.sqlite');
    const db = openState(file);
    const versions = (
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
    ).map((r) => r.version);
    expect(versions).toContain(4);
    // (A deployment that had 4 before 3 existed is covered in test/weekly/state.test.ts.)
    // A database from before the feed: migration 4 alone is pending, applied with a backup first.
    db.exec('DROP TABLE feed_pages; DROP TABLE feed_checks; DELETE FROM schema_migrations WHERE version = 4');
    db.close();
    const again = openState(file);
    expect(existsSync(`${file}.pre-v4.bak`)).toBe(true);
    expect(() => new FeedStore(again).page('https://x/')).not.toThrow();
    again.close();
  });

  it('remembers each page’s outcome and each check', () => {
    const store = new FeedStore(openState(':memory:'));
    expect(store.page('https://aisi.go.jp/a/')).toBeUndefined();
    store.remember(
      { url: 'https://aisi.go.jp/a/', status: 'refused', contentHash: 'h1', reason: 'bad date' },
      '2026-05-01T00:00:00Z',
    );
    store.remember(
      { url: 'https://aisi.go.jp/a/', status: 'added', documentId: 'digest-2026-04', contentHash: 'h2' },
      '2026-05-02T00:00:00Z',
    );
    expect(store.page('https://aisi.go.jp/a/')).toEqual({
      url: 'https://aisi.go.jp/a/',
      status: 'added',
      documentId: 'digest-2026-04',
      contentHash: 'h2',
    });
    expect(store.lastCheckAt()).toBeUndefined();
    const id = store.startCheck('https://aisi.go.jp/list/', '2026-05-03T00:00:00Z');
    store.finishCheck(id, '2026-05-03T00:00:01Z', 'layout changed', {});
    expect(store.lastProblem('https://aisi.go.jp/list/')).toBe('layout changed');
    expect(store.lastProblem('https://elsewhere/')).toBeUndefined();
    expect(store.lastCheckAt()).toBe('2026-05-03T00:00:01Z');
  });
});

describe('the check missed while the app was down', () => {
  const now = new Date('2026-05-20T03:00:00Z'); // 12:00 in Tokyo
  it('is the latest scheduled time not followed by a check', () => {
    expect(missedCheck('0 8 * * *', 'Asia/Tokyo', now, undefined)?.toISOString()).toBe(
      '2026-05-19T23:00:00.000Z',
    );
    expect(missedCheck('0 8 * * *', 'Asia/Tokyo', now, '2026-05-19T22:59:00.000Z')?.toISOString()).toBe(
      '2026-05-19T23:00:00.000Z',
    );
    expect(missedCheck('0 8 * * *', 'Asia/Tokyo', now, '2026-05-20T01:00:00.000Z')).toBeUndefined();
  });
});
