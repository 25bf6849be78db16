import type { WebClient } from '@slack/web-api';
import { answerIt, type Verdict } from '../../../conversation/addressed.js';
import {
  linkThread,
  THREAD_TTL_MS,
  type ThreadContext,
  threadContext,
} from '../../../conversation/answers.js';
import { detectLang } from '../../../query/understand.js';
import type { Workspace } from '../../../store/workspace.js';
import { withTruncationNote } from '../../bounded.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf, renderForSlack, replyFor } from '../../replies.js';
import { safely } from '../../safely.js';

/** Text of a message without mentions (`<@U…>`), as the user meant it. */
export function withoutMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Turn {
  /** The workspace the message was delivered to: the conversation is that workspace's. */
  workspace: Workspace;
  channel: string;
  /** The conversation's key: the thread's root ts, or DM_ROOT for a DM's main stream. */
  conversation: string;
  /** Where to post the reply: a thread ts, or undefined for a DM's main stream. */
  replyIn?: string;
  /** Typed inside a thread (not the message that starts one): channel-wide changes are not made from it. */
  inThread: boolean;
  text: string;
  userId?: string;
  teamId?: string;
  /**
   * The conversation's state when the caller has already read it (a channel thread reply is only
   * answered in a thread the bot is part of): not read a second time.
   */
  context?: ThreadContext;
}

/**
 * One turn of a conversation (a mention, a thread reply, a DM): the question is answered with
 * what the conversation's last answer leaves to inherit, posted where everyone in it sees it, and
 * remembered as the conversation's last answer — unless the message turns out not to be for the
 * bot (`verdict`, src/conversation/addressed.ts), when nothing is posted or remembered.
 */
export async function answerTurn(
  deps: SlackDeps,
  client: WebClient,
  turn: Turn,
  where: string,
  verdict: Verdict,
): Promise<void> {
  const lang = detectLang(turn.text);
  await safely(
    deps,
    where,
    async () => {
      const now = nowOf(deps);
      const context =
        turn.context ??
        (await threadContext(
          deps.state,
          turn.workspace,
          turn.channel,
          turn.conversation,
          now,
          deps.threadTtlMs ?? THREAD_TTL_MS,
        ));
      const previous = context?.previous;
      const { reply, q } = await replyFor(deps, client, turn.text, {
        where: {
          workspace: turn.workspace,
          channelId: turn.channel,
          inThread: turn.inThread,
          ...(turn.userId ? { userId: turn.userId } : {}),
          ...(turn.teamId ? { teamId: turn.teamId } : {}),
        },
        ...(previous ? { previous } : {}),
      });
      const decision = answerIt(verdict, reply);
      if (!decision.answer) {
        deps.logger.info(`${where}: not answered (${decision.reason})`);
        return;
      }
      const rendered = await renderForSlack(deps, turn.workspace, reply, 'public');
      const message = withTruncationNote(rendered.message, q, lang);
      // Linked before posting, so a reply sent the moment the answer appears already finds it.
      await linkThread(deps.state, turn.workspace, turn.channel, turn.conversation, rendered.answerId, now);
      await client.chat.postMessage({
        channel: turn.channel,
        ...(turn.replyIn ? { thread_ts: turn.replyIn } : {}),
        text: message.text,
        blocks: message.blocks,
      });
    },
    (m) =>
      client.chat.postMessage({
        channel: turn.channel,
        ...(turn.replyIn ? { thread_ts: turn.replyIn } : {}),
        text: m,
      }),
    lang,
  );
}
