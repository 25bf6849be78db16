import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { exportAnswer } from '../../../commands/export.js';
import type { AnswerState } from '../../../commands/handle.js';
import { answerById, linkThread } from '../../../conversation/answers.js';
import { type AnswerRef, decodeCite, decodeRef } from '../../../present/answer.js';
import { say } from '../../../present/catalogue.js';
import type { ExportFormat } from '../../../present/export.js';
import { renderReplyBlocks } from '../../../present/reply.js';
import { cite } from '../../../query/cite.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf, pageForSlack } from '../../replies.js';
import { BadInputError, safely } from '../../safely.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where the clicked message is: ephemeral or not, its channel, its ts and its thread. */
const containerSchema = z.object({
  is_ephemeral: z.boolean().optional(),
  channel_id: z.string().optional(),
  message_ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

function containerOf(body: unknown) {
  const b = body as { container?: unknown; channel?: { id?: string } };
  const c = containerSchema.safeParse(b.container ?? {});
  const container = c.success ? c.data : {};
  return { ...container, channel: container.channel_id ?? b.channel?.id };
}

/** The ref a button carries; a value we did not write is an error (logged with an id). */
function refOf(action: ButtonAction, where: string): AnswerRef {
  const ref = decodeRef(typeof action.value === 'string' ? action.value : undefined);
  if (!ref || ref.o > MAX_OFFSET)
    throw new BadInputError(
      `${where}: unreadable button value ${JSON.stringify(action.value)?.slice(0, 200)}`,
      { en: say('en', 'badButton'), ja: say('ja', 'badButton') },
    );
  return ref;
}

/** No answer has this many pages: a larger offset in a button was not written by us. */
const MAX_OFFSET = 10_000;

/** The stored answer a button belongs to, or a short "ask again" when it is gone. */
async function stateOr(
  deps: SlackDeps,
  ref: AnswerRef,
  respond: Args['respond'],
): Promise<AnswerState | undefined> {
  const state = answerById(deps.db, ref.a);
  if (!state)
    await respond({ response_type: 'ephemeral', replace_original: false, text: say('en', 'answerExpired') });
  return state;
}

const tellClicker = (respond: Args['respond']) => (message: string) =>
  respond({ response_type: 'ephemeral', replace_original: false, text: message });

/**
 * "Show more". On a private (ephemeral) answer the page is replaced in place, with Previous;
 * on a message others can see, the original is left alone and the next page is posted as a
 * reply in its thread (ephemeral to the clicker if the bot cannot post there).
 */
export function showMore(deps: SlackDeps) {
  return async ({ ack, action, respond, body, client }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'show_more',
      async () => {
        const ref = refOf(action, 'show_more');
        const state = await stateOr(deps, ref, respond);
        if (!state) return;
        const where = containerOf(body);
        if (where.is_ephemeral === true) {
          const { message } = pageForSlack(deps, state, ref.o, 'ephemeral');
          await respond({ replace_original: true, text: message.text, blocks: message.blocks });
          return;
        }
        const thread = where.thread_ts ?? where.message_ts;
        const { message, answerId } = pageForSlack(deps, state, ref.o, 'public');
        try {
          if (!where.channel || !thread) throw new Error('no channel or message ts in the click');
          if (answerId) linkThread(deps.db, where.channel, thread, answerId, nowOf(deps));
          await client.chat.postMessage({
            channel: where.channel,
            thread_ts: thread,
            text: message.text,
            blocks: message.blocks,
          });
        } catch (err) {
          deps.logger.info(`show_more: could not reply in the thread (${String(err)}); answering privately`);
          const own = pageForSlack(deps, state, ref.o, 'ephemeral').message;
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: own.text,
            blocks: own.blocks,
          });
        }
      },
      tellClicker(respond),
    );
  };
}

/** "Previous": only on private answers, which page in place. */
export function previousPage(deps: SlackDeps) {
  return async ({ ack, action, respond }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'page_previous',
      async () => {
        const ref = refOf(action, 'page_previous');
        const state = await stateOr(deps, ref, respond);
        if (!state) return;
        const { message } = pageForSlack(deps, state, ref.o, 'ephemeral');
        await respond({ replace_original: true, text: message.text, blocks: message.blocks });
      },
      tellClicker(respond),
    );
  };
}

/**
 * "Share in channel" (offered on private answers only): posts the same page for everyone (so
 * its thread becomes a conversation with the bot), then removes the private copy.
 */
export function shareAnswer(deps: SlackDeps) {
  return async ({ ack, action, respond, body, client }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'share_answer',
      async () => {
        const ref = refOf(action, 'share_answer');
        const state = await stateOr(deps, ref, respond);
        if (!state) return;
        const where = containerOf(body);
        if (where.is_ephemeral === false) {
          // Sharing a message everyone already sees would post it twice and delete the original.
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: say(state.lang, 'alreadyPublic'),
          });
          return;
        }
        const { message, answerId } = pageForSlack(deps, state, ref.o, 'public', body.user.id);
        let posted: string | undefined;
        if (where.channel) {
          try {
            const r = await client.chat.postMessage({
              channel: where.channel,
              text: message.text,
              blocks: message.blocks,
            });
            posted = typeof r.ts === 'string' ? r.ts : undefined;
          } catch (err) {
            deps.logger.info(
              `share_answer: chat.postMessage failed (${String(err)}); sharing through response_url`,
            );
          }
        }
        if (posted && answerId && where.channel)
          linkThread(deps.db, where.channel, posted, answerId, nowOf(deps));
        else
          await respond({
            response_type: 'in_channel',
            replace_original: false,
            text: message.text,
            blocks: message.blocks,
          });
        await respond({ delete_original: true }).catch(() => undefined);
      },
      tellClicker(respond),
    );
  };
}

/** "Cite" on an item: its citation, to the clicker only. */
export function citeItem(deps: SlackDeps) {
  return async ({ ack, action, respond }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'cite_item',
      async () => {
        const ref = decodeCite(action.value);
        if (!ref) throw new Error(`cite_item: unreadable button value ${JSON.stringify(action.value)}`);
        const c = cite(deps.index(), ref.i, deps.today());
        const message = renderReplyBlocks(
          { kind: 'citation', citation: { ...c, lang: ref.l } },
          { visibility: 'ephemeral' },
        );
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        });
      },
      tellClicker(respond),
    );
  };
}

/**
 * "Export CSV" / "Export Markdown" on an answer: every result of it (not the page shown) as a
 * file, uploaded to the clicker in their DM with the bot (files.getUploadURLExternal, the upload,
 * files.completeUploadExternal), so an answer only they could see stays theirs. A short
 * ephemeral note says where the file went.
 */
export function exportAnswerFile(deps: SlackDeps, format: ExportFormat) {
  const name = format === 'csv' ? 'export_csv' : 'export_md';
  return async ({ ack, action, respond, body, client }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      name,
      async () => {
        const ref = refOf(action, name);
        const state = await stateOr(deps, ref, respond);
        if (!state) return;
        const file = exportAnswer(deps.index(), state, format);
        const note = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
        if (!file.total) {
          await note(say(state.lang, 'exportEmpty'));
          return;
        }
        let channel: string | undefined;
        try {
          const dm = await client.conversations.open({ users: body.user.id });
          channel = dm.channel?.id;
          if (!channel) throw new Error('conversations.open returned no channel');
          await client.filesUploadV2({
            channel_id: channel,
            file: Buffer.from(file.text, 'utf8'),
            filename: file.filename,
            title: file.title,
            initial_comment: say(state.lang, 'exportDone', { n: file.total, file: file.filename }),
          });
        } catch (err) {
          deps.logger.info(`${name}: upload failed (${String(err)})`);
          await note(say(state.lang, 'exportFailed'));
          return;
        }
        await note(say(state.lang, 'exportDone', { n: file.total, file: file.filename }));
      },
      tellClicker(respond),
    );
  };
}
