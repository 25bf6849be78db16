import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { z } from 'zod';
import type { StateStores } from '../store/state.js';
import { type Workspace, workspaceKey } from '../store/workspace.js';

/** What is read back before Bolt gets it: an installation with a bot token, never a guess. */
const stored = z.looseObject({
  bot: z.looseObject({ token: z.string().min(1) }).optional(),
  team: z.looseObject({ id: z.string() }).optional(),
  enterprise: z.looseObject({ id: z.string() }).optional(),
});

/**
 * Bolt's InstallationStore over the state database (SQLite or PostgreSQL): every workspace that
 * installs the distributed app through `/slack/install` is stored here, and every replica finds
 * the right bot token for each request's team.
 */
export class StateInstallationStore implements InstallationStore {
  constructor(
    private readonly state: StateStores,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    i: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const key = workspaceKey({
      isEnterpriseInstall: Boolean(i.isEnterpriseInstall),
      enterpriseId: i.enterprise?.id,
      teamId: i.team?.id,
    });
    await this.state.installations.save(
      { key, teamId: i.team?.id ?? null, enterpriseId: i.enterprise?.id ?? null, data: JSON.stringify(i) },
      this.clock().toISOString(),
    );
  }

  async fetchInstallation(q: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = workspaceKey(q);
    const installation = await this.read(key);
    if (!installation)
      throw new Error(`policy-bot: no installation for ${key} (not installed, or uninstalled)`);
    return installation;
  }

  /** The installation stored under `key`, or undefined when there is none (an unreadable one throws). */
  private async read(key: string): Promise<Installation<'v1' | 'v2', boolean> | undefined> {
    const data = await this.state.installations.get(key);
    if (!data) return undefined;
    const parsed = stored.safeParse(JSON.parse(data));
    if (!parsed.success) throw new Error(`policy-bot: the installation for ${key} is unreadable`);
    return parsed.data as unknown as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(q: InstallationQuery<boolean>): Promise<void> {
    await this.state.installations.delete(workspaceKey(q));
  }

  /** The bot token of a workspace's installation, or undefined when it has none (uninstalled). */
  async botToken(workspace: Workspace): Promise<string | undefined> {
    return workspace ? (await this.read(workspace))?.bot?.token : undefined;
  }
}
