import type { Command } from '../commands/parse.js';
import { answerModel, renderAnswerBlocks } from '../present/answer.js';
import type { Block } from '../present/blocks.js';
import { renderCitationBlocks } from '../present/citation.js';
import { renderHelpBlocks } from '../present/help.js';
import { ask } from '../query/ask.js';
import { cite, unslack } from '../query/cite.js';
import { detectLang } from '../query/understand.js';
import type { SlackDeps } from './deps.js';

export interface Reply {
  text: string;
  blocks: Block[];
  visibility?: 'in_channel' | 'ephemeral';
}

/** An answer page for a question, as Block Kit. */
export function answerReply(
  deps: SlackDeps,
  question: string,
  offset = 0,
  today = deps.today(),
  sharedBy?: string,
): Reply {
  const result = ask(deps.index(), question, { today, limit: 5, offset });
  return renderAnswerBlocks(answerModel(result, today, offset, sharedBy));
}

export function citeReply(deps: SlackDeps, arg: string): Reply {
  return renderCitationBlocks(cite(deps.index(), arg, deps.today()));
}

export function helpReply(deps: SlackDeps): Reply {
  return renderHelpBlocks(deps.index().manifest);
}

/**
 * The reply to a command typed in a place with no channel subscription (a DM, a mention): the
 * digest subcommands are answered where they make sense and explained where they do not.
 */
export function replyTo(
  deps: SlackDeps,
  command: Command,
  where: { channelId: string; userId?: string; teamId?: string },
): Reply {
  switch (command.kind) {
    case 'help':
      return helpReply(deps);
    case 'cite':
      return citeReply(deps, command.arg);
    case 'ask':
      return answerReply(deps, unslack(command.question));
    case 'more': {
      // Paging is the Show more button's job in Slack; "more" alone is not a question.
      const text =
        'Use the “Show more” button under an answer to see its next page. / 回答の下の「さらに表示」ボタンで続きを表示できます。';
      return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
    }
    default: {
      const digest = deps.digest;
      const lang = detectLang(JSON.stringify(command));
      if (!digest) {
        const text =
          lang === 'ja'
            ? 'ダイジェスト機能は有効になっていません。'
            : 'Digests are not enabled in this deployment.';
        return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
      }
      const r =
        command.kind === 'subscribe'
          ? digest.subscribe({
              channelId: where.channelId,
              filters: command.filters,
              ...(where.userId ? { userId: where.userId } : {}),
              ...(where.teamId ? { teamId: where.teamId } : {}),
            })
          : command.kind === 'unsubscribe'
            ? digest.unsubscribe(where.channelId, lang)
            : command.kind === 'subscriptions'
              ? digest.subscriptions(where.channelId, lang)
              : digest.preview({
                  channelId: where.channelId,
                  ...(command.date ? { date: command.date } : {}),
                  lang,
                });
      return r as Reply;
    }
  }
}
