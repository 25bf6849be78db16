import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { say } from '../../../present/catalogue.js';
import { detectLang } from '../../../query/understand.js';
import type { SlackDeps } from '../../deps.js';
import { replyToText } from '../../replies.js';
import { safely, withProgress } from '../../safely.js';
import { requestWorkspace } from '../../workspace.js';

/**
 * `/policy …`: acknowledged at once (before any search), answered through `respond`,
 * ephemeral unless the reply is for the channel. A slow answer first shows "searching…".
 * The reply's language is the language of what the user typed.
 */
export function policyCommand(deps: SlackDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text = command.text ?? '';
    const lang = detectLang(text);
    await safely(
      deps,
      '/policy',
      async () => {
        const { message } = await withProgress(
          () =>
            replyToText(deps, client, text, {
              where: {
                workspace: requestWorkspace(context),
                channelId: command.channel_id,
                userId: command.user_id,
                teamId: command.team_id,
              },
              visibility: 'ephemeral',
            }),
          () => respond({ response_type: 'ephemeral', text: say(lang, 'searching') }),
          deps.progressAfterMs,
        );
        await respond({
          response_type: message.visibility ?? 'ephemeral',
          text: message.text,
          blocks: message.blocks,
        });
      },
      (m) => respond({ response_type: 'ephemeral', text: m }),
      lang,
    );
  };
}
