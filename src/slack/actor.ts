import { z } from 'zod';
import type { Logger } from '../util/logger.js';
import type { Actor } from '../weekly/access.js';

/** The Web API method the check uses (a WebClient fits). */
export interface UsersClient {
  users: { info(args: { user: string }): Promise<unknown> };
}

const userInfo = z.object({
  user: z.looseObject({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
  }),
});

/**
 * Who is asking to change a channel's subscription, as Slack knows them: a workspace admin or
 * owner (`users.info`), or one of the bot's own admins (POLICY_BOT_ADMINS). Asked only when a
 * change is requested; when Slack cannot say, the user is treated as not an admin (the
 * subscriber can still change their own subscription) and the log says why.
 */
export async function actorOf(
  client: UsersClient,
  userId: string | undefined,
  botAdmins: readonly string[],
  logger: Logger,
): Promise<Actor> {
  if (!userId) return { admin: false };
  if (botAdmins.includes(userId)) return { userId, admin: true };
  try {
    const u = userInfo.parse(await client.users.info({ user: userId })).user;
    return { userId, admin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner) };
  } catch (err) {
    logger.warn(
      `users.info for ${userId} failed (${String((err as Error)?.message ?? err)}); not treated as an admin`,
    );
    return { userId, admin: false };
  }
}
