import type { Block } from '../present/blocks.js';
import type { Lang } from '../query/understand.js';
import type { Actor } from '../weekly/access.js';

/** A reply the weekly-digest feature renders itself (Block Kit and its text fallback). */
export interface RenderedReply {
  text: string;
  blocks: Block[] | unknown[];
  visibility?: 'in_channel' | 'ephemeral';
}

/**
 * Subscription and digest operations a command may call (implemented by the weekly digest
 * feature). `lang` is the asker's language, read from what they typed; `workspace` is where the
 * command was sent (`src/store/workspace.ts`): a subscription is a workspace's, so two workspaces
 * sharing a channel each have their own. Asynchronous: the subscriptions may live in PostgreSQL.
 */
export interface DigestCommands {
  subscribe(input: {
    workspace: string;
    channelId: string;
    teamId?: string;
    userId?: string;
    filters: string;
    lang?: Lang;
    /** Who asks; only the subscriber and admins may replace an existing subscription. */
    actor?: Actor;
  }): Promise<RenderedReply>;
  /** Removes the channel's subscription; only the subscriber and admins may. */
  unsubscribe(input: {
    workspace: string;
    channelId: string;
    lang: Lang;
    actor?: Actor;
  }): Promise<RenderedReply>;
  subscriptions(workspace: string, channelId: string, lang: Lang): Promise<RenderedReply>;
  preview(input: { workspace: string; channelId: string; date?: string; lang: Lang }): Promise<RenderedReply>;
}
