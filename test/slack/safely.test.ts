import { describe, expect, it } from 'vitest';
import { nextTurn, withProgress } from '../../src/slack/safely.js';

describe('withProgress', () => {
  it('shows the "searching…" hint once when an answer is slow, and never when it is quick', async () => {
    let hints = 0;
    const hint = async () => {
      hints += 1;
    };
    const slow = await withProgress(
      () => new Promise<string>((r) => setTimeout(() => r('slow'), 60)),
      hint,
      10,
    );
    expect(slow).toBe('slow');
    expect(hints).toBe(1);
    const quick = await withProgress(() => 'quick', hint, 10);
    await new Promise((r) => setTimeout(r, 30));
    expect(quick).toBe('quick');
    expect(hints).toBe(1);
  });

  it('a failing hint never fails the answer', async () => {
    const result = await withProgress(
      () => new Promise<number>((r) => setTimeout(() => r(42), 30)),
      () => Promise.reject(new Error('response_url expired')),
      5,
    );
    expect(result).toBe(42);
  });
});

describe('nextTurn', () => {
  it('gives waiting answers one event-loop iteration each, in arrival order', async () => {
    const log: string[] = [];
    const answers = Array.from({ length: 5 }, async (_, i) => {
      await nextTurn();
      log.push(`turn ${i}`);
      // Work that the I/O of the same iteration would see: it runs before the next answer's turn.
      setImmediate(() => log.push(`after ${i}`));
    });
    await Promise.all(answers);
    await new Promise((r) => setImmediate(r));
    expect(log.filter((l) => l.startsWith('turn'))).toEqual([
      'turn 0',
      'turn 1',
      'turn 2',
      'turn 3',
      'turn 4',
    ]);
    // One setImmediate each would have run all five turns in one check phase before any "after".
    expect(log.indexOf('after 0')).toBeLessThan(log.indexOf('turn 2'));
    expect(log.indexOf('after 2')).toBeLessThan(log.indexOf('turn 4'));
  });
});
