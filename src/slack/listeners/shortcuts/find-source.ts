import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { findSource as findSourceOf } from '../../../commands/find-source.js';
import { renderReplyBlocks } from '../../../present/reply.js';
import { cleanQuestion } from '../../../util/sanitize.js';
import type { SlackDeps } from '../../deps.js';
import { safely } from '../../safely.js';

/**
 * The day a message was posted, in the configured zone: "last week" in a message means the week
 * before it was written, not the week before today.
 */
export function dayOfMessage(deps: SlackDeps, ts: string | undefined): string {
  const seconds = Number(ts);
  if (!ts || !Number.isFinite(seconds) || seconds <= 0 || !deps.dayOf) return deps.today();
  return deps.dayOf(new Date(seconds * 1000));
}

/**
 * Message shortcut "Find source": cites the item the message is about, privately to the user,
 * or says plainly that the message names no item the corpus has (src/commands/find-source.ts).
 */
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
        const day = dayOfMessage(deps, shortcut.message?.ts ?? shortcut.message_ts);
        const reply = findSourceOf(deps.index(), cleanQuestion(shortcut.message?.text).text, day);
        const message = renderReplyBlocks(reply, { visibility: 'ephemeral' });
        await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      },
      (message) => respond({ response_type: 'ephemeral', text: message }),
    );
  };
}
