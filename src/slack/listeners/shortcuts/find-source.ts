import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { cleanQuestion, replyOffLoop } from '../../bounded.js';
import type { SlackDeps } from '../../deps.js';
import { safely } from '../../safely.js';

/** Message shortcut "Find source": cites the item the message is about, privately to the user. */
export function findSource(deps: SlackDeps) {
  return async ({
    ack,
    shortcut,
    respond,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await safely(
      deps,
      'find_source',
      async () => {
        const reply = await replyOffLoop(
          deps,
          { kind: 'cite', arg: cleanQuestion(shortcut.message?.text).text },
          { channelId: shortcut.channel?.id ?? '' },
        );
        await respond({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
      },
      (message) => respond({ response_type: 'ephemeral', text: message }),
    );
  };
}
