import { describe, expect, it } from 'vitest';
import type { ProviderFailure } from '../../src/english/providers/translator.js';
import { firstSentence, retryAfterMs } from '../../src/english/providers/translator.js';
import { withRetry } from '../../src/english/retry.js';

const failing = (...failures: ProviderFailure[]) => {
  let n = 0;
  return {
    op: async () => {
      const f = failures[n++];
      if (f) throw f;
      return 'done';
    },
    calls: () => n,
  };
};
const classify = (err: unknown) => err as ProviderFailure;
const rate = (retryAfterMs?: number): ProviderFailure => ({
  kind: 'rate-limit',
  retryable: true,
  message: '429',
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});

describe('retrying a provider call', () => {
  it('backs off exponentially, or as long as the server asked, capped', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const f = failing(rate(), rate(), rate(90_000), { kind: 'server', retryable: true, message: '503' });
    const r = await withRetry(f.op, classify, { attempts: 5, baseMs: 100, maxMs: 60_000, sleep });
    expect(r).toEqual({ ok: true, value: 'done', attempts: 5 });
    expect(waits).toEqual([100, 200, 60_000, 800]);
  });

  it('stops at once on a failure retrying cannot fix, and after the last try', async () => {
    const quota = failing({ kind: 'quota', retryable: false, message: '456' });
    expect(await withRetry(quota.op, classify, { attempts: 5, baseMs: 0, maxMs: 0 })).toMatchObject({
      ok: false,
      attempts: 1,
      failure: { kind: 'quota' },
    });
    expect(quota.calls()).toBe(1);
    const always = failing(rate(0), rate(0), rate(0));
    expect(await withRetry(always.op, classify, { attempts: 2, baseMs: 0, maxMs: 0 })).toMatchObject({
      ok: false,
      attempts: 2,
    });
    expect(always.calls()).toBe(2);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 09 Dec 2026 00:00:10 GMT', Date.parse('2026-12-09T00:00:00Z'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('the sentence a summary is translated from', () => {
  it('is the first, not cut inside brackets', () => {
    expect(firstSentence('総務省は「指針。第2版」を公表した。詳細は別紙。')).toBe(
      '総務省は「指針。第2版」を公表した。',
    );
    expect(firstSentence('改行を\n  またぐ文。次。')).toBe('改行をまたぐ文。');
    expect(firstSentence('句点なし')).toBe('句点なし');
  });
});
