import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type AnswerRef, decodeRef } from '../../../present/answer.js';
import { cleanQuestion, isSaneRef, pageOffLoop } from '../../bounded.js';
import type { SlackDeps } from '../../deps.js';
import { BadInputError, safely } from '../../safely.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The question, page and day a button carries; a value we did not write is an error. */
function refOf(action: ButtonAction, where: string): AnswerRef {
  const ref = decodeRef(typeof action.value === 'string' ? action.value : undefined);
  if (!ref || !isSaneRef(ref))
    throw new BadInputError(
      `${where}: unreadable button value ${JSON.stringify(action.value)?.slice(0, 200)}`,
      {
        en: 'This button was not made by policy-bot or is out of date: ask the question again.',
        ja: 'このボタンは無効です。もう一度質問してください。',
      },
    );
  return { ...ref, q: cleanQuestion(ref.q).text };
}

/** "Show more": replaces the page with the next one, for the same question and the same day. */
export function showMore(deps: SlackDeps) {
  return async ({ ack, action, respond }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'show_more',
      async () => {
        const ref = refOf(action, 'show_more');
        const reply = await pageOffLoop(deps, ref);
        await respond({ replace_original: true, text: reply.text, blocks: reply.blocks });
      },
      (message) => respond({ response_type: 'ephemeral', replace_original: false, text: message }),
    );
  };
}

/** "Share in channel": posts the same answer for everyone, then removes the private copy. */
export function shareAnswer(deps: SlackDeps) {
  return async ({ ack, action, respond, body }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'share_answer',
      async () => {
        const ref = refOf(action, 'share_answer');
        const reply = await pageOffLoop(deps, ref, body.user.id);
        await respond({
          response_type: 'in_channel',
          replace_original: false,
          text: reply.text,
          blocks: reply.blocks,
        });
        await respond({ delete_original: true }).catch(() => undefined);
      },
      (message) => respond({ response_type: 'ephemeral', replace_original: false, text: message }),
    );
  };
}
