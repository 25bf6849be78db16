import { firstDelivery } from '../weekly/state.js';
import type { SlackDeps } from './deps.js';

/**
 * True the first time an Events API delivery is seen. Slack retries an event it thinks failed
 * (and sends a mention both as `app_mention` and as a `message`), so every event listener asks
 * here before answering; the ids live in the state database, so a restart does not forget them.
 */
export function firstTime(deps: SlackDeps, body: unknown): boolean {
  const eventId = (body as { event_id?: unknown } | undefined)?.event_id;
  if (typeof eventId !== 'string' || !eventId) return true;
  const fresh = firstDelivery(deps.db, eventId);
  if (!fresh) deps.logger.info(`ignoring retried event ${eventId}`);
  return fresh;
}
