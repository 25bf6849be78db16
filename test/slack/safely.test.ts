import { describe, expect, it } from 'vitest';
import { withProgress } from '../../src/slack/safely.js';

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
