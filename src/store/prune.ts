import type { Awaitable } from './awaitable.js';
import type { StateStores } from './state.js';

/**
 * Now and then (one call in a hundred), forgets old rows — beside the step that called it, not
 * inside it: it is not awaited, and its failure is reported on its own, so a prune that fails
 * can neither undo that step's result (a retry taken for new, an answer left without its id)
 * nor hold up the request it came with.
 */
export function pruneNowAndThen(state: StateStores, prune: () => Awaitable<void>, chance = 0.01): void {
  if (Math.random() >= chance) return;
  Promise.resolve()
    .then(prune)
    .catch((err: unknown) => state.reportFault(err));
}
