import type { Awaitable } from './awaitable.js';

/**
 * Deliveries seen: Events API event ids and the keys of signed slash command requests. One
 * unique insert decides, so two replicas receiving the same retry answer it once between them.
 */
export interface DedupeStore {
  /** True the first time `key` is recorded; false when any process recorded it before. */
  firstDelivery(key: string, now: string): Awaitable<boolean>;
  /** Forgets keys recorded before `cutoff` (Slack retries within minutes). */
  prune(cutoff: string): Awaitable<void>;
}
