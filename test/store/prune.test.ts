import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberAnswer } from '../../src/conversation/answers.js';
import { firstDelivery } from '../../src/slack/dedupe.js';
import { sqliteStores } from '../../src/store/sqlite/index.js';
import { openState } from '../../src/weekly/state.js';

afterEach(() => vi.restoreAllMocks());

/** Real SQLite stores whose pruning fails, and every prune taken (Math.random says "now"). */
function storesWithFailingPrune() {
  const st = sqliteStores(openState(':memory:'));
  const faults: unknown[] = [];
  vi.spyOn(st, 'reportFault').mockImplementation((err) => faults.push(err));
  vi.spyOn(Math, 'random').mockReturnValue(0);
  vi.spyOn(st.dedupe, 'prune').mockImplementation(() => {
    throw new Error('disk I/O error');
  });
  vi.spyOn(st.conversation, 'prune').mockImplementation(() => {
    throw new Error('disk I/O error');
  });
  return { st, faults };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a prune that fails undoes nothing of the step beside it', () => {
  it('a retried delivery is still a retry (answered once), and the fault is reported', async () => {
    const { st, faults } = storesWithFailingPrune();
    expect(await firstDelivery(st, 'team:T1', 'Ev1')).toBe(true);
    expect(await firstDelivery(st, 'team:T1', 'Ev1')).toBe(false);
    await flush();
    expect(faults.length).toBeGreaterThan(0);
  });

  it('an answer is still given its id', async () => {
    const { st, faults } = storesWithFailingPrune();
    const answer = {
      question: 'Korea',
      lang: 'en' as const,
      today: '2026-01-20',
      inherit: null,
      offset: 0,
      itemIds: ['a/1'],
      total: 1,
      filters: { countries: ['KR'], regions: [], placeNames: {}, period: null, groups: [] },
    };
    const id = await rememberAnswer(st, 'team:T1', answer, new Date('2026-01-20T00:00:00Z'));
    expect(id).toMatch(/^[\w-]+$/);
    await flush();
    expect(faults.length).toBeGreaterThan(0);
  });
});
