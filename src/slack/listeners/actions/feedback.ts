import type {
  AllMiddlewareArgs,
  BlockAction,
  FeedbackButtonsAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { z } from 'zod';
import { answerById } from '../../../conversation/answers.js';
import { addFeedbackDetail, REASONS, recordFeedback } from '../../../conversation/feedback.js';
import { say } from '../../../present/catalogue.js';
import type { Lang } from '../../../query/understand.js';
import type { StateStores } from '../../../store/state.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf } from '../../replies.js';
import { safely } from '../../safely.js';
import { requestWorkspace } from '../../workspace.js';

type Args = SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>> & AllMiddlewareArgs;

const clickValue = z.object({ a: z.string().min(1).max(64), v: z.enum(['up', 'down']) });
const modalMetadata = z.object({ f: z.number().int().positive(), l: z.enum(['en', 'ja']) });

/** The 👎 form: what was wrong (wrong items / missing items / other) and an optional note. */
export function feedbackModal(feedbackId: number, lang: Lang) {
  const plain = (text: string) => ({ type: 'plain_text' as const, text });
  return {
    type: 'modal' as const,
    callback_id: 'feedback_detail',
    private_metadata: JSON.stringify({ f: feedbackId, l: lang }),
    title: plain(say(lang, 'feedbackTitle').slice(0, 24)),
    submit: plain(say(lang, 'send')),
    close: plain(say(lang, 'skip')),
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        optional: true,
        label: plain(say(lang, 'feedbackReason')),
        element: {
          type: 'radio_buttons',
          action_id: 'reason',
          options: REASONS.map((r) => ({ text: plain(say(lang, r)), value: r })),
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: plain(say(lang, 'feedbackNote')),
        element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 1000 },
      },
    ],
  };
}

/**
 * 👍/👎 under an answer: stored with the answer's question, interpretation and item ids (the
 * user hashed), acknowledged to the clicker only; a 👎 also opens the "what was wrong?" form.
 */
export function answerFeedback(deps: SlackDeps) {
  return async ({ ack, action, respond, body, client, context }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'answer_feedback',
      async () => {
        const value = clickValue.parse(JSON.parse(action.value));
        const state = stateFor(deps, 'feedback');
        const workspace = requestWorkspace(context);
        const answer = await answerById(state, workspace, value.a);
        const lang = answer?.lang ?? 'en';
        const id = await recordFeedback(state, {
          workspace,
          answerId: value.a,
          answer,
          userId: body.user.id,
          ...(body.team?.id ? { teamId: body.team.id } : {}),
          verdict: value.v,
          now: nowOf(deps),
        });
        if (id === undefined) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: say(lang, 'answerExpired'),
          });
          return;
        }
        if (value.v === 'down' && body.trigger_id) {
          await client.views
            .open({ trigger_id: body.trigger_id, view: feedbackModal(id, lang) })
            .catch((err) => deps.logger.info(`answer_feedback: could not open the form (${String(err)})`));
        }
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: say(lang, value.v === 'up' ? 'thanksUp' : 'thanksDown'),
        });
      },
      (m) => respond({ response_type: 'ephemeral', replace_original: false, text: m }),
    );
  };
}

const submission = z.object({
  reason: z
    .object({ reason: z.object({ selected_option: z.object({ value: z.enum(REASONS) }).nullish() }) })
    .optional(),
  note: z.object({ note: z.object({ value: z.string().nullish() }) }).optional(),
});

/** The 👎 form sent: its reason and note are added to the clicker's own feedback row. */
export function feedbackDetail(deps: SlackDeps) {
  return async ({
    ack,
    view,
    body,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const meta = modalMetadata.parse(JSON.parse(view.private_metadata));
      const values = submission.parse(view.state.values);
      await addFeedbackDetail(stateFor(deps, 'feedback'), {
        feedbackId: meta.f,
        userId: body.user.id,
        ...(body.team?.id ? { teamId: body.team.id } : {}),
        reason: values.reason?.reason.selected_option?.value ?? null,
        note: values.note?.note.value?.trim() || null,
      });
    } catch (err) {
      deps.logger.error('feedback_detail failed:', err);
    }
  };
}

/**
 * The state database for a feature that cannot work without it (feedback): after a state fault
 * the click fails with an error id for the user, and the log says why; answering is unaffected.
 */
function stateFor(deps: SlackDeps, feature: string): StateStores {
  if (!deps.state)
    throw new Error(`${feature} needs the state database, which has a fault (see the start-up log)`);
  return deps.state;
}
