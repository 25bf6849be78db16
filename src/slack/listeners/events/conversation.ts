import type { WebClient } from '@slack/web-api';
import { linkThread, THREAD_TTL_MS, threadContext } from '../../../conversation/answers.js';
import { detectLang } from '../../../query/understand.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf, replyToText } from '../../replies.js';
import { safely } from '../../safely.js';

/** Text of a message without mentions (`<@U…>`), as the user meant it. */
export function withoutMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Turn {
  channel: string;
  /** The conversation's key: the thread's root ts, or DM_ROOT for a DM's main stream. */
  conversation: string;
  /** Where to post the reply: a thread ts, or undefined for a DM's main stream. */
  replyIn?: string;
  text: string;
  userId?: string;
  teamId?: string;
}

/**
 * One turn of a conversation (a mention, a thread reply, a DM): the question is answered with
 * what the conversation's last answer leaves to inherit, posted where everyone in it sees it, and
 * remembered as the conversation's last answer.
 */
export async function answerTurn(
  deps: SlackDeps,
  client: WebClient,
  turn: Turn,
  where: string,
): Promise<void> {
  const lang = detectLang(turn.text);
  await safely(
    deps,
    where,
    async () => {
      const now = nowOf(deps);
      const previous = threadContext(
        deps.db,
        turn.channel,
        turn.conversation,
        now,
        deps.threadTtlMs ?? THREAD_TTL_MS,
      )?.previous;
      const { message, answerId } = replyToText(deps, turn.text, {
        where: {
          channelId: turn.channel,
          ...(turn.userId ? { userId: turn.userId } : {}),
          ...(turn.teamId ? { teamId: turn.teamId } : {}),
        },
        ...(previous ? { previous } : {}),
        visibility: 'public',
      });
      // Linked before posting, so a reply sent the moment the answer appears already finds it.
      linkThread(deps.db, turn.channel, turn.conversation, answerId, now);
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
