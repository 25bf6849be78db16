import type { Subscription } from '../store/digest.js';

/**
 * Who asks to change a channel's subscription. `admin` is true for workspace admins and owners
 * (users.info `is_admin` / `is_owner`) and for the users listed in POLICY_BOT_ADMINS; it is
 * decided where the Slack user is known (src/slack/actor.ts), never from what the user typed.
 */
export interface Actor {
  userId?: string;
  admin: boolean;
}

/**
 * Whether `actor` may replace or delete `existing`: anyone may start a subscription where there
 * is none; once there is one, only the person who set it up, workspace admins and owners, and
 * the bot's admins may change it. A subscription with no known creator (made before this rule)
 * is left to admins. Pure, so the rule is tested on its own.
 */
export function mayChange(existing: Subscription | undefined, actor: Actor | undefined): boolean {
  if (!existing) return true;
  if (actor?.admin) return true;
  return Boolean(actor?.userId && existing.created_by && existing.created_by === actor.userId);
}
