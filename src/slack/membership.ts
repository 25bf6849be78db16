import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import { parseCommand } from '../commands/parse.js';
import { detectLang } from '../query/understand.js';
import type { Logger } from '../util/logger.js';
import { cleanQuestion } from '../util/sanitize.js';

/** The two Web API methods the check uses (a WebClient fits). */
export interface MembershipClient {
  conversations: {
    info(args: { channel: string }): Promise<unknown>;
    join(args: { channel: string }): Promise<unknown>;
  };
}

export type CanPost =
  | { ok: true; joined: boolean }
  | { ok: false; reason: 'invite' | 'archived' | 'unknown'; detail: string };

const infoReply = z.object({
  channel: z.looseObject({
    is_member: z.boolean().optional(),
    is_private: z.boolean().optional(),
    is_archived: z.boolean().optional(),
    is_im: z.boolean().optional(),
  }),
});

const slackCode = (err: unknown): string =>
  String((err as { data?: { error?: unknown } })?.data?.error ?? (err as Error)?.message ?? err);

/**
 * Whether the bot can post weekly digests in a channel, joining it when it is public and the bot
 * is not in it yet. A subscription the bot cannot deliver would only be paused at the first run,
 * unseen, so the check happens before the subscription is confirmed.
 */
export async function ensureCanPost(client: MembershipClient, channel: string): Promise<CanPost> {
  let info: z.infer<typeof infoReply>['channel'];
  try {
    info = infoReply.parse(await client.conversations.info({ channel })).channel;
  } catch (err) {
    const code = slackCode(err);
    // A private channel the bot was not invited to is invisible to it.
    if (code === 'channel_not_found') return { ok: false, reason: 'invite', detail: code };
    return { ok: false, reason: 'unknown', detail: code };
  }
  if (info.is_archived) return { ok: false, reason: 'archived', detail: 'is_archived' };
  if (info.is_im || info.is_member) return { ok: true, joined: false };
  if (info.is_private) return { ok: false, reason: 'invite', detail: 'private channel, not a member' };
  try {
    await client.conversations.join({ channel });
    return { ok: true, joined: true };
  } catch (err) {
    return { ok: false, reason: 'invite', detail: slackCode(err) };
  }
}

/** The user-facing line for a channel the bot cannot post in. */
export function cannotPostText(r: Exclude<CanPost, { ok: true }>, lang: 'en' | 'ja'): string {
  if (r.reason === 'archived')
    return lang === 'ja'
      ? 'このチャンネルはアーカイブされているため、ダイジェストを投稿できません。'
      : 'This channel is archived, so no digest can be posted here.';
  if (r.reason === 'invite')
    return lang === 'ja'
      ? 'このチャンネルにはまだ投稿できません。`/invite @policy-bot` でボットを招待してから、もう一度 `/policy subscribe` を実行してください。'
      : "I can't post in this channel yet: invite me with `/invite @policy-bot`, then run `/policy subscribe` again.";
  return lang === 'ja'
    ? 'このチャンネルに投稿できるか確認できませんでした。しばらくしてからもう一度お試しください。'
    : 'I could not check that I can post in this channel. Please try `/policy subscribe` again in a moment.';
}

const subscribeCommand = z.looseObject({
  command: z.string(),
  text: z.string().optional(),
  channel_id: z.string(),
});

/**
 * Global middleware for `/policy subscribe`: before the command goes on, the bot makes sure it
 * can post in the channel (joining a public one); otherwise the command is acknowledged with the
 * reason (invite the bot first) and no subscription is made. The check is bounded by `withinMs`
 * so the 3 s acknowledgement deadline always holds; past it the subscription goes ahead as before.
 */
export function subscribeGuard(logger: Logger, withinMs = 1500): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = subscribeCommand.safeParse(args.body);
    if (!body.success) return args.next();
    const q = cleanQuestion(body.data.text);
    if (parseCommand(q.text).kind !== 'subscribe') return args.next();
    const client = (args as unknown as { client: MembershipClient }).client;
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), withinMs).unref());
    const result = await Promise.race([ensureCanPost(client, body.data.channel_id), timeout]);
    if (result === 'timeout') {
      logger.warn(
        `subscribe in ${body.data.channel_id}: membership check took over ${withinMs} ms; going ahead`,
      );
      return args.next();
    }
    if (result.ok) {
      if (result.joined) logger.info(`joined ${body.data.channel_id} to post its digests`);
      return args.next();
    }
    logger.info(`subscribe in ${body.data.channel_id} refused: ${result.detail}`);
    const ack = (args as { ack?: (r: unknown) => Promise<void> }).ack;
    await ack?.({ response_type: 'ephemeral', text: cannotPostText(result, detectLang(q.text)) });
  };
}
