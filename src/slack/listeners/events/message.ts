import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { readMessage } from '../../../conversation/addressed.js';
import { DM_ROOT, THREAD_TTL_MS, type ThreadContext, threadContext } from '../../../conversation/answers.js';
import { firstTime } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf } from '../../replies.js';
import { requestWorkspace } from '../../workspace.js';
import { answerTurn, withoutMentions } from './conversation.js';

/** The fields of a `message` event we act on; anything else (edits, joins, bots) does not parse. */
const userMessage = z.object({
  channel: z.string(),
  channel_type: z.enum(['im', 'channel', 'group', 'mpim', 'app_home']).optional(),
  user: z.string(),
  text: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  team: z.string().optional(),
  // A thread reply also sent to the channel is still a reply; edits, joins, bots' posts are not.
  subtype: z.literal('thread_broadcast').optional(),
  bot_id: z.never().optional(),
});

/**
 * `message.im`, `message.channels`, `message.groups`. A DM is answered in the DM. In a channel,
 * only a reply in a thread the bot answered in (within the time limit) is answered, without a
 * mention; every other channel message is ignored, and a reply that mentions the bot is left to
 * the `app_mention` listener so it is answered once.
 */
export function userMessages(deps: SlackDeps) {
  return async ({
    message,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = userMessage.safeParse(message);
    if (!parsed.success) return;
    const m = parsed.data;
    const workspace = requestWorkspace(context);
    // Slack always says where a message was posted; a DM's channel id starts with D otherwise.
    const kind = m.channel_type ?? (m.channel.startsWith('D') ? 'im' : 'channel');
    const dm = kind === 'im' || kind === 'app_home';
    if (!dm && (!m.thread_ts || (context.botUserId && m.text.includes(`<@${context.botUserId}`)))) return;
    // Chatter between people (thanks, a note to a colleague, a plan for later) is not for the bot:
    // told apart from the text alone, before any thread is looked up in the database.
    const verdict = readMessage({
      surface: dm ? 'dm' : 'thread',
      text: m.text,
      ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    });
    if (verdict.say === 'nothing') {
      deps.logger.debug(`message.${kind}: not answered (${verdict.reason})`);
      return;
    }
    let conversation: string;
    // A channel thread's state, read to know the bot is part of it, is handed on (not read again).
    let thread: ThreadContext | undefined;
    if (dm) {
      conversation = m.thread_ts ?? DM_ROOT;
    } else {
      if (!m.thread_ts) return;
      const ttl = deps.threadTtlMs ?? THREAD_TTL_MS;
      thread = await threadContext(deps.state, workspace, m.channel, m.thread_ts, nowOf(deps), ttl);
      if (!thread) return;
      conversation = m.thread_ts;
    }
    if (!(await firstTime(deps, workspace, body))) return;
    await answerTurn(
      deps,
      client,
      {
        workspace,
        channel: m.channel,
        conversation,
        ...(m.thread_ts ? { replyIn: m.thread_ts } : {}),
        inThread: Boolean(m.thread_ts),
        text: withoutMentions(m.text),
        userId: m.user,
        ...(m.team ? { teamId: m.team } : {}),
        ...(thread ? { context: thread } : {}),
      },
      `message.${kind}`,
      verdict,
    );
  };
}
