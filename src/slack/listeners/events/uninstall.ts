import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceOfPayload } from '../../../store/workspace.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf } from '../../replies.js';

type Body = { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean };

/**
 * The app was uninstalled from a workspace, or its bot token revoked: the installation (and so
 * its token) is removed from the state database, and that workspace's subscriptions are paused with
 * the reason — a reinstall and `/policy subscribe` resume them. Distributed app (OAuth) only.
 */
export function appRemoved(deps: SlackDeps, reason: 'app_uninstalled' | 'tokens_revoked') {
  return async ({
    body,
    event,
  }: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs): Promise<void> => {
    const b = body as Body;
    // tokens_revoked also comes for user tokens, which the app never keeps: only the bot's matter.
    if (reason === 'tokens_revoked' && !(event as { tokens?: { bot?: string[] } }).tokens?.bot?.length)
      return;
    const state = deps.state;
    if (!state || !b.team_id) {
      deps.logger.error(
        `${reason}: cannot remove the installation (${state ? 'no team id' : 'no state database'})`,
      );
      return;
    }
    // The installation's key, the one every row of the workspace is stored under.
    const key = workspaceOfPayload(b);
    const removed = await state.installations.delete(key);
    // Only this workspace's subscriptions: another workspace's of the same shared channel go on.
    const paused = await state.digest.pauseWorkspace(key, reason, nowOf(deps).toISOString());
    deps.logger.info(
      `${reason}: ${key}: installation ${removed ? 'removed' : 'already gone'}, ${paused} subscription(s) paused`,
    );
  };
}
