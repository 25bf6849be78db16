import type { Context } from '@slack/bolt';
import type { StateStores } from '../store/state.js';
import { UNKEYED, type Workspace, workspaceOf, workspaceOfPayload } from '../store/workspace.js';
import type { Logger } from '../util/logger.js';

/**
 * The workspace a request was delivered to, from Bolt's context: the installation that
 * authorized it (OAuth) or the request's own team (single token) — for an event in a Slack
 * Connect channel, the receiving workspace (`authorizations[0]`), not the sender's. Every row the
 * request reads or writes is keyed by it (src/store/workspace.ts).
 */
export function requestWorkspace(
  context: Pick<Context, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>,
): Workspace {
  return workspaceOf({
    isEnterpriseInstall: context.isEnterpriseInstall,
    enterpriseId: context.enterpriseId,
    teamId: context.teamId,
  });
}

/**
 * The single-token app serves one workspace: at start it claims the rows stored before rows were
 * keyed by workspace (`''`, see migration 24 in src/weekly/state.ts), so its threads, answers and
 * unkeyed subscriptions are found under its own key — the key its requests carry. The workspace
 * comes from the bot token's `auth.test`; if Slack cannot be asked now, the claim waits for the
 * next start (those rows are only older threads and answers, and subscriptions without a team).
 * The distributed app cannot know whose they are and leaves them.
 */
export async function claimUnkeyedRows(
  state: StateStores,
  authTest: () => Promise<{ team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }>,
  logger: Pick<Logger, 'info' | 'warn'>,
): Promise<Workspace | undefined> {
  let workspace: Workspace;
  try {
    const me = await authTest();
    workspace = workspaceOfPayload(me);
  } catch (err) {
    logger.warn(
      `could not ask Slack which workspace this bot token is for (${String(err)}); older rows are claimed at the next start`,
    );
    return undefined;
  }
  if (workspace === UNKEYED) return undefined;
  try {
    await state.ready;
    const subscriptions = await state.digest.claimUnkeyed(workspace);
    await state.conversation.claimUnkeyed(workspace);
    if (subscriptions)
      logger.info(`${subscriptions} subscription(s) from before workspace keys now belong to ${workspace}`);
  } catch (err) {
    state.reportFault(err);
    return undefined;
  }
  return workspace;
}
