import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../commands/parse.js';
import { detectLang } from '../../../query/understand.js';
import { cleanQuestion, replyOffLoop, withTruncationNote } from '../../bounded.js';
import type { SlackDeps } from '../../deps.js';
import { safely, withProgress } from '../../safely.js';

/**
 * `/policy …`: acknowledged at once (before any search), answered through `respond`,
 * ephemeral unless shared. A slow answer first shows "searching…".
 */
export function policyCommand(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const q = cleanQuestion(command.text);
    const lang = detectLang(q.text);
    await safely(
      deps,
      '/policy',
      async () => {
        const parsed = parseCommand(q.text);
        const reply = await withProgress(
          () =>
            replyOffLoop(deps, parsed, {
              channelId: command.channel_id,
              userId: command.user_id,
              teamId: command.team_id,
            }),
          () =>
            respond({
              response_type: 'ephemeral',
              text:
                lang === 'ja' ? ':hourglass_flowing_sand: 検索中…' : ':hourglass_flowing_sand: Searching…',
            }),
          deps.progressAfterMs,
        ).then((r) => withTruncationNote(r, q, lang));
        await respond({
          response_type: reply.visibility ?? 'ephemeral',
          text: reply.text,
          blocks: reply.blocks,
        });
      },
      (message) => respond({ response_type: 'ephemeral', text: message }),
      lang,
    );
  };
}
