import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../commands/parse.js';
import { firstDelivery } from '../../../digest/state.js';
import { detectLang } from '../../../query/understand.js';
import { cleanQuestion, replyOffLoop, withTruncationNote } from '../../bounded.js';
import type { SlackDeps } from '../../deps.js';
import { safely } from '../../safely.js';

/** Text of a mention without the bot's own `<@U…>`. */
export function withoutMentions(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `@policy-bot <question>` in a channel: answered in the thread (starting one on the mention),
 * with an :eyes: reaction while searching. Retried deliveries of the same event are answered once.
 */
export function appMention(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !firstDelivery(deps.db, eventId)) {
      deps.logger.info(`ignoring retried event ${eventId} (retry ${context.retryNum ?? '?'})`);
      return;
    }
    if (event.bot_id || ('subtype' in event && event.subtype)) return;
    const q = cleanQuestion(withoutMentions(typeof event.text === 'string' ? event.text : ''));
    const question = q.text;
    const thread = event.thread_ts ?? event.ts;
    const lang = detectLang(question);
    await safely(
      deps,
      'app_mention',
      async () => {
        await client.reactions
          .add({ channel: event.channel, timestamp: event.ts, name: 'eyes' })
          .catch(() => undefined);
        const reply = withTruncationNote(
          await replyOffLoop(deps, parseCommand(question), {
            channelId: event.channel,
            ...(event.user ? { userId: event.user } : {}),
          }),
          q,
          lang,
        );
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts: thread,
          text: reply.text,
          blocks: reply.blocks,
        });
        await client.reactions
          .remove({ channel: event.channel, timestamp: event.ts, name: 'eyes' })
          .catch(() => undefined);
      },
      (message) => client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: message }),
      lang,
    );
  };
}
