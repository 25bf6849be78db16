import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { readMessage } from '../../../conversation/addressed.js';
import { firstTime } from '../../dedupe.js';
import type { SlackDeps } from '../../deps.js';
import { requestWorkspace } from '../../workspace.js';
import { answerTurn, withoutMentions } from './conversation.js';

export { withoutMentions } from './conversation.js';

/**
 * `@policy-bot <question>` in a channel: answered in the thread (starting one on the mention),
 * with an :eyes: reaction while searching; a mention inside a thread the bot answered in is a
 * follow-up. Retried deliveries of the same event are answered once.
 */
export function appMention(deps: SlackDeps) {
  return async ({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || ('subtype' in event && event.subtype)) return;
    const workspace = requestWorkspace(context);
    if (!(await firstTime(deps, workspace, body))) return;
    const thread = event.thread_ts ?? event.ts;
    await client.reactions
      .add({ channel: event.channel, timestamp: event.ts, name: 'eyes' })
      .catch(() => undefined);
    await answerTurn(
      deps,
      client,
      {
        workspace,
        channel: event.channel,
        conversation: thread,
        replyIn: thread,
        inThread: Boolean(event.thread_ts && event.thread_ts !== event.ts),
        text: withoutMentions(typeof event.text === 'string' ? event.text : ''),
        ...(event.user ? { userId: event.user } : {}),
        ...(event.team ? { teamId: event.team } : {}),
      },
      'app_mention',
      readMessage({ surface: 'mention', text: typeof event.text === 'string' ? event.text : '' }),
    );
    await client.reactions
      .remove({ channel: event.channel, timestamp: event.ts, name: 'eyes' })
      .catch(() => undefined);
  };
}
