/**
 * The workspace a stored row belongs to: `team:T…`, or `enterprise:E…` for an organisation-wide
 * install — the same key an installation is stored under, so a workspace's installation, its
 * subscriptions, threads, answers, feedback and delivery keys all share one key.
 *
 * @remarks Slack ids alone do not separate workspaces: a Slack Connect channel shared by two
 * workspaces that both installed the app has one channel id (and its messages one ts), so every
 * row that names a channel is keyed by the workspace too.
 */
export type Workspace = string;

/**
 * The key of rows with no known workspace: rows stored before they were keyed (migration 24 of
 * the SQLite state, 3 of PostgreSQL's) and requests that name no team (the local console).
 * The single-token app claims them at start for its bot token's team (`claimUnkeyedRows` in
 * src/slack/workspace.ts), so they are found again under the key its requests carry.
 */
export const UNKEYED: Workspace = '';

/** The ids Slack gives for where a request comes from (Bolt's context, an event body, an installation). */
export interface WorkspaceIds {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/**
 * The one function that turns Slack's ids into a workspace key: an organisation-wide install by
 * enterprise, any other by team. Used for installations (Bolt's InstallationStore) and for every
 * row keyed by workspace, so the two can never disagree. Throws when there is neither id.
 */
export function workspaceKey(q: WorkspaceIds): Workspace {
  if (q.isEnterpriseInstall && q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  if (q.teamId) return `team:${q.teamId}`;
  if (q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  throw new Error('policy-bot: an installation needs a team or an enterprise id');
}

/** {@link workspaceKey}, or {@link UNKEYED} when a request names no team or enterprise (the console). */
export function workspaceOf(q: WorkspaceIds | undefined): Workspace {
  return q && (q.teamId || q.enterpriseId) ? workspaceKey(q) : UNKEYED;
}

/**
 * {@link workspaceOf} for ids as Slack's payloads spell them (an event envelope, a slash
 * command's form, `auth.test`): `team_id`, `enterprise_id`, `is_enterprise_install`.
 */
export function workspaceOfPayload(p: {
  team_id?: string | null | undefined;
  enterprise_id?: string | null | undefined;
  is_enterprise_install?: boolean | string | null | undefined;
}): Workspace {
  return workspaceOf({
    isEnterpriseInstall: p.is_enterprise_install === true || p.is_enterprise_install === 'true',
    enterpriseId: p.enterprise_id || undefined,
    teamId: p.team_id || undefined,
  });
}
