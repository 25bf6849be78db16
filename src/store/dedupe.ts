import type { Awaitable } from './awaitable.js';
import type { Workspace } from './workspace.js';

/**
 * Deliveries seen: Events API event ids and the keys of signed slash command requests, each
 * under the workspace it was delivered to. One unique insert decides, so two replicas receiving
 * the same retry answer it once between them.
 */
export interface DedupeStore {
  /**
   * True the first time `key` is recorded for `workspace`; false when any process recorded it
   * before for that workspace. Stored as `workspace/key` (a workspace key has no `/`).
   */
  firstDelivery(workspace: Workspace, key: string, now: string): Awaitable<boolean>;
  /** Forgets keys recorded before `cutoff` (Slack retries within minutes). */
  prune(cutoff: string): Awaitable<void>;
}

/** The stored form of a delivery key: the workspace, `/`, the key (see {@link DedupeStore.firstDelivery}). */
export function deliveryKey(workspace: Workspace, key: string): string {
  return `${workspace}/${key}`;
}
