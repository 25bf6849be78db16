import { createHash } from 'node:crypto';
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

/**
 * True the first time a signed slash command request is seen; false when the same request is
 * delivered again (a replayed capture, within the 5 minutes Bolt accepts its timestamp).
 *
 * @remarks The key is the SHA-256 of the timestamp header and the raw body: exactly what the
 * signature covers (`v0:timestamp:body`). A replay cannot change a byte of either without breaking
 * the signature, so every replay has this key, and two real invocations never share it (Slack
 * gives each its own `trigger_id` and timestamp). Keying on `trigger_id` alone would work for
 * Slack's own payloads too, but would depend on a field being present and well-formed; the hash
 * does not. Stored beside the event ids (pruned after a day, well past the 5-minute window).
 */
export function firstCommandDelivery(
  deps: Pick<SlackDeps, 'db' | 'logger'>,
  timestamp: string,
  rawBody: Buffer,
): boolean {
  const key = `command:${createHash('sha256').update(`${timestamp}:`).update(rawBody).digest('hex')}`;
  const fresh = firstDelivery(deps.db, key);
  if (!fresh) deps.logger.warn(`ignoring a replayed slash command request (${key.slice(0, 20)}…)`);
  return fresh;
}
