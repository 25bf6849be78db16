import { createHash } from 'node:crypto';
import { pruneNowAndThen } from '../store/prune.js';
import type { StateStores } from '../store/state.js';
import { type Workspace, workspaceOfPayload } from '../store/workspace.js';
import type { SlackDeps } from './deps.js';

/** How long delivery keys are kept: Slack retries within minutes, Bolt accepts a timestamp for 5. */
const KEEP_MS = 86_400_000;

/**
 * Records a delivery key under the workspace it was delivered to; true the first time, false for
 * a retry Slack sent because it thought the first delivery failed — whichever replica recorded
 * it first. Two workspaces sharing a channel each get their own delivery of an event, each
 * answered once. Old keys are pruned now and
 * then. A state fault (no database, a disk error, PostgreSQL down) never silences an answer: the
 * fault is reported and the delivery is treated as new.
 */
export async function firstDelivery(
  state: StateStores | undefined,
  workspace: Workspace,
  key: string,
  now: Date = new Date(),
): Promise<boolean> {
  // Without state, deduplication is off: answering a retry twice beats not answering at all.
  if (!state) return true;
  let fresh: boolean;
  try {
    fresh = await state.dedupe.firstDelivery(workspace, key, now.toISOString());
  } catch (err) {
    state.reportFault(err);
    return true;
  }
  pruneNowAndThen(state, () => state.dedupe.prune(new Date(now.getTime() - KEEP_MS).toISOString()));
  return fresh;
}

/**
 * True the first time an Events API delivery is seen. Slack retries an event it thinks failed
 * (and sends a mention both as `app_mention` and as a `message`), so every event listener asks
 * here before answering; the ids live in the state database, so a restart — or another replica
 * getting the retry — does not answer it again.
 */
export async function firstTime(deps: SlackDeps, workspace: Workspace, body: unknown): Promise<boolean> {
  const eventId = (body as { event_id?: unknown } | undefined)?.event_id;
  if (typeof eventId !== 'string' || !eventId) return true;
  const fresh = await firstDelivery(deps.state, workspace, eventId);
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
export async function firstCommandDelivery(
  deps: Pick<SlackDeps, 'state' | 'logger'>,
  timestamp: string,
  rawBody: Buffer,
): Promise<boolean> {
  const key = `command:${createHash('sha256').update(`${timestamp}:`).update(rawBody).digest('hex')}`;
  const fresh = await firstDelivery(deps.state, commandWorkspace(rawBody), key);
  if (!fresh) deps.logger.warn(`ignoring a replayed slash command request (${key.slice(0, 20)}…)`);
  return fresh;
}

/**
 * The workspace a slash command was sent to, read from its form body the way Bolt reads it
 * (`team_id`, `enterprise_id`, `is_enterprise_install`): the dedupe check runs before Bolt.
 */
function commandWorkspace(rawBody: Buffer): Workspace {
  const form = new URLSearchParams(rawBody.toString('utf8'));
  return workspaceOfPayload({
    team_id: form.get('team_id'),
    enterprise_id: form.get('enterprise_id'),
    is_enterprise_install: form.get('is_enterprise_install'),
  });
}
