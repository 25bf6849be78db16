import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../commands/parse.js';
import { firstDelivery } from '../../../digest/state.js';
import { detectLang } from '../../../query/understand.js';
import { cleanQuestion, replyOffLoop, withTruncationNote } from '../../bounded.js';
import type { SlackDeps } from '../../deps.js';
import { safely } from '../../safely.js';
import { withoutMentions } from './mention.js';

/**
 * A DM to the bot: answered in the DM. Edits, joins, the bot's own and other bots' messages are
 * ignored (their `subtype` or `bot_id` gives them away); retries are answered once.
 */
export function directMessage(deps: SlackDeps) {
  return async ({
    message,
    body,
    client,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== 'im') return;
    if (message.subtype !== undefined) return;
    if ('bot_id' in message && message.bot_id) return;
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !firstDelivery(deps.db, eventId)) return;
    const raw = 'text' in message ? message.text : undefined;
    const q = cleanQuestion(withoutMentions(typeof raw === 'string' ? raw : ''));
    const text = q.text;
    const lang = detectLang(text);
    await safely(
      deps,
      'message.im',
      async () => {
        const reply = withTruncationNote(
          await replyOffLoop(deps, parseCommand(text), {
            channelId: message.channel,
            ...('user' in message && message.user ? { userId: message.user } : {}),
          }),
          q,
          lang,
        );
        await client.chat.postMessage({ channel: message.channel, text: reply.text, blocks: reply.blocks });
      },
      (m) => client.chat.postMessage({ channel: message.channel, text: m }),
      lang,
    );
  };
}
