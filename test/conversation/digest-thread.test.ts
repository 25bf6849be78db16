import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { linkDigestThread } from '../../src/conversation/digest-thread.js';
import { sqliteStores } from '../../src/store/sqlite/index.js';
import { openState } from '../../src/weekly/state.js';

beforeAll(async () => {
  await loadTokenizer();
});

describe('a digest posted in parts is one answer', () => {
  it('every part’s thread leads to the same stored answer, stored once', async () => {
    const db = openState(':memory:');
    const st = sqliteStores(db);
    const now = new Date('2026-01-26T00:00:00Z');
    const digest = {
      workspace: 'team:T1',
      channel: 'C1',
      itemIds: ['a/1', 'a/2'],
      filters: 'Korea',
      lang: 'en' as const,
    };
    for (const ts of ['1.1', '1.2', '1.3']) await linkDigestThread(st, { ...digest, ts }, '2026-01-26', now);
    const since = '2026-01-01T00:00:00Z';
    const ids = await Promise.all(
      ['1.1', '1.2', '1.3'].map((ts) => st.conversation.thread('team:T1', 'C1', ts, since)),
    );
    expect(ids[0]).toMatch(/^[\w-]+$/);
    expect(new Set(ids).size).toBe(1);
    expect((db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n).toBe(1);
    // Another digest (other items) is another answer.
    await linkDigestThread(st, { ...digest, itemIds: ['b/1'], ts: '2.1' }, '2026-02-02', now);
    expect((db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n).toBe(2);
  });
});
