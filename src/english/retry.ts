import type { ProviderFailure } from './providers/translator.js';

/** How often and how patiently a provider call is tried. */
export interface RetryPolicy {
  /** Tries in all (1: no retry). */
  attempts: number;
  /** The first pause; each next one doubles, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** Waits (tests pass a recorder; the default is a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Told before each pause: what failed, which try it was, how long the pause is. */
  onRetry?: (failure: ProviderFailure, attempt: number, waitMs: number) => void;
}

export type Attempted<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; failure: ProviderFailure; attempts: number };

const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `op` until it succeeds, a failure is not retryable (quota, refused key) or the tries are
 * used up; pauses between tries with exponential backoff, or as long as the server asked
 * (Retry-After), never longer than `maxMs`. Never throws: the outcome says what happened, so one
 * provider outage cannot take anything else down with it.
 */
export async function withRetry<T>(
  op: () => Promise<T>,
  classify: (err: unknown) => ProviderFailure,
  policy: RetryPolicy,
): Promise<Attempted<T>> {
  const sleep = policy.sleep ?? timer;
  const attempts = Math.max(1, policy.attempts);
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await op(), attempts: attempt };
    } catch (err) {
      const failure = classify(err);
      if (!failure.retryable || attempt >= attempts) return { ok: false, failure, attempts: attempt };
      const backoff = policy.baseMs * 2 ** (attempt - 1);
      const wait = Math.min(policy.maxMs, failure.retryAfterMs ?? backoff);
      policy.onRetry?.(failure, attempt, wait);
      await sleep(wait);
    }
  }
}
