import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { z } from 'zod';
import { exportAnswer } from '../../../commands/export.js';
import type { AnswerState } from '../../../commands/handle.js';
import { answerById, linkThread } from '../../../conversation/answers.js';
import { type AnswerRef, decodeMenu, decodeRef, renderShareSummary } from '../../../present/answer.js';
import { say } from '../../../present/catalogue.js';
import type { ExportFormat } from '../../../present/export.js';
import { decodeCite } from '../../../present/item-section.js';
import { decodeChannelChange, renderReplyBlocks } from '../../../present/reply.js';
import { cite } from '../../../query/cite.js';
import type { Workspace } from '../../../store/workspace.js';
import { actorOf } from '../../actor.js';
import type { SlackDeps } from '../../deps.js';
import { nowOf, pageForSlack } from '../../replies.js';
import { BadInputError, safely } from '../../safely.js';
import { requestWorkspace } from '../../workspace.js';

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

/**
 * The stored answer a button belongs to, or a short "ask again" when it is gone — or was shown
 * in another workspace (a button in a shared channel opens only the clicker's workspace's).
 */
async function stateOr(
  deps: SlackDeps,
  workspace: Workspace,
  ref: AnswerRef,
  respond: Args['respond'],
): Promise<AnswerState | undefined> {
  const state = await answerById(deps.state, workspace, ref.a);
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
  return async ({ ack, action, respond, body, client, context }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'show_more',
      async () => {
        const ref = refOf(action, 'show_more');
        const ws = requestWorkspace(context);
        const state = await stateOr(deps, ws, ref, respond);
        if (!state) return;
        const where = containerOf(body);
        if (where.is_ephemeral === true) {
          const { message } = await pageForSlack(deps, ws, state, ref.o, 'ephemeral');
          await respond({ replace_original: true, text: message.text, blocks: message.blocks });
          return;
        }
        const thread = where.thread_ts ?? where.message_ts;
        const { message, answerId, page } = await pageForSlack(deps, ws, state, ref.o, 'public');
        try {
          if (!where.channel || !thread) throw new Error('no channel or message ts in the click');
          if (answerId) await linkThread(deps.state, ws, where.channel, thread, answerId, nowOf(deps));
          await client.chat.postMessage({
            channel: where.channel,
            thread_ts: thread,
            text: message.text,
            blocks: message.blocks,
          });
        } catch (err) {
          deps.logger.info(`show_more: could not reply in the thread (${String(err)}); answering privately`);
          // The same page, already searched and stored, shown to the clicker only.
          const own = renderReplyBlocks(page, { visibility: 'ephemeral', ...(answerId ? { answerId } : {}) });
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
  return async ({ ack, action, respond, context }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'page_previous',
      async () => {
        const ref = refOf(action, 'page_previous');
        const ws = requestWorkspace(context);
        const state = await stateOr(deps, ws, ref, respond);
        if (!state) return;
        const { message } = await pageForSlack(deps, ws, state, ref.o, 'ephemeral');
        await respond({ replace_original: true, text: message.text, blocks: message.blocks });
      },
      tellClicker(respond),
    );
  };
}

/**
 * "Share in channel" (offered on private answers only): posts a compact message for everyone —
 * who shared it, the question, one line per item — and the full page (every source, the item
 * menus, paging and feedback) in its thread, which becomes a conversation with the bot; then
 * removes the private copy.
 */
export function shareAnswer(deps: SlackDeps) {
  return async ({ ack, action, respond, body, client, context }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'share_answer',
      async () => {
        const ref = refOf(action, 'share_answer');
        const ws = requestWorkspace(context);
        const state = await stateOr(deps, ws, ref, respond);
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
        const { page, ...details } = await pageForSlack(deps, ws, state, ref.o, 'public', {
          sharedBy: body.user.id,
          detail: true,
        });
        const summary = renderShareSummary(page.answer);
        let posted: string | undefined;
        if (where.channel) {
          try {
            const r = await client.chat.postMessage({
              channel: where.channel,
              text: summary.text,
              blocks: summary.blocks,
            });
            posted = typeof r.ts === 'string' ? r.ts : undefined;
            if (posted) {
              // The thread is the conversation: linked before the details appear in it.
              if (details.answerId)
                await linkThread(deps.state, ws, where.channel, posted, details.answerId, nowOf(deps));
              await client.chat.postMessage({
                channel: where.channel,
                thread_ts: posted,
                text: details.message.text,
                blocks: details.message.blocks,
              });
            }
          } catch (err) {
            deps.logger.info(
              `share_answer: chat.postMessage failed (${String(err)}); sharing through response_url`,
            );
          }
        }
        if (!posted)
          await respond({
            response_type: 'in_channel',
            replace_original: false,
            text: details.message.text,
            blocks: details.message.blocks,
          });
        await respond({ delete_original: true }).catch(() => undefined);
      },
      tellClicker(respond),
    );
  };
}

/** A citation of an item, to the clicker only, in the language the button or option names. */
async function citeTo(
  deps: SlackDeps,
  respond: Args['respond'],
  id: string,
  lang: 'en' | 'ja',
): Promise<void> {
  const c = cite(deps.index(), id, deps.today());
  const message = renderReplyBlocks(
    { kind: 'citation', citation: { ...c, lang } },
    { visibility: 'ephemeral' },
  );
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
  });
}

/** "Cite" on an item (the button of answers posted before the item menu): its citation, to the clicker only. */
export function citeItem(deps: SlackDeps) {
  return async ({ ack, action, respond }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'cite_item',
      async () => {
        const ref = decodeCite(action.value);
        if (!ref) throw new Error(`cite_item: unreadable button value ${JSON.stringify(action.value)}`);
        await citeTo(deps, respond, ref.i, ref.l);
      },
      tellClicker(respond),
    );
  };
}

type MenuArgs = SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs;

/**
 * The item menu beside every item (answers, suggestions, digests): Cite, Cite in the other
 * language — a citation to the clicker only — or Open the source, which Slack opens itself (the
 * click is only acknowledged).
 */
export function itemMenuAction(deps: SlackDeps) {
  return async ({ ack, action, respond }: MenuArgs): Promise<void> => {
    await ack();
    await safely(
      deps,
      'item_menu',
      async () => {
        const ref = decodeCite(action.selected_option?.value);
        if (!ref)
          throw new BadInputError(
            `item_menu: unreadable option ${JSON.stringify(action.selected_option)?.slice(0, 200)}`,
            {
              en: say('en', 'badButton'),
              ja: say('ja', 'badButton'),
            },
          );
        if (ref.open) return;
        await citeTo(deps, respond, ref.i, ref.l);
      },
      tellClicker(respond as Args['respond']),
    );
  };
}

/** The answer's overflow menu: Export CSV or Export Markdown (every result, uploaded to the clicker). */
export function answerMenuAction(deps: SlackDeps) {
  return async ({ ack, action, respond, body, client, context }: MenuArgs): Promise<void> => {
    await ack();
    await safely(
      deps,
      'answer_menu',
      async () => {
        const ref = decodeMenu(action.selected_option?.value);
        if (!ref || ref.o > MAX_OFFSET)
          throw new BadInputError(
            `answer_menu: unreadable option ${JSON.stringify(action.selected_option)?.slice(0, 200)}`,
            {
              en: say('en', 'badButton'),
              ja: say('ja', 'badButton'),
            },
          );
        await exportTo(
          deps,
          ref,
          ref.x,
          respond as Args['respond'],
          body.user.id,
          client,
          requestWorkspace(context),
        );
      },
      tellClicker(respond as Args['respond']),
    );
  };
}

/**
 * "Subscribe this channel" / "Unsubscribe this channel" under a reply that would not change the
 * channel from a thread: the click is the confirmation, checked like `/policy subscribe` (only
 * the subscriber and admins may replace or remove a subscription), in the channel the button was
 * posted in. The result replaces the question.
 */
export function confirmChannelChange(deps: SlackDeps) {
  return async ({ ack, action, respond, body, client, context }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      'confirm_channel_change',
      async () => {
        const ref = decodeChannelChange(action.value);
        const where = containerOf(body);
        if (!ref || (where.channel && where.channel !== ref.c))
          throw new BadInputError(
            `confirm_channel_change: unreadable or foreign value ${JSON.stringify(action.value)?.slice(0, 200)}`,
            {
              en: say('en', 'badButton'),
              ja: say('ja', 'badButton'),
            },
          );
        if (!deps.digest) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: say(ref.l, 'digestsDisabled'),
          });
          return;
        }
        const actor = await actorOf(client, body.user.id, deps.admins ?? [], deps.logger);
        const team = body.team?.id;
        const workspace = requestWorkspace(context);
        const result =
          ref.k === 'subscribe'
            ? await deps.digest.subscribe({
                workspace,
                channelId: ref.c,
                filters: ref.f,
                lang: ref.l,
                userId: body.user.id,
                actor,
                ...(team ? { teamId: team } : {}),
              })
            : await deps.digest.unsubscribe({ workspace, channelId: ref.c, lang: ref.l, actor });
        if (result.visibility === 'in_channel')
          await respond({ replace_original: true, text: result.text, blocks: result.blocks as never });
        else
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: result.text,
            blocks: result.blocks as never,
          });
      },
      tellClicker(respond),
    );
  };
}

/** Every result of a stored answer as a file, uploaded to `user` in their DM with the bot. */
async function exportTo(
  deps: SlackDeps,
  ref: AnswerRef,
  format: ExportFormat,
  respond: Args['respond'],
  user: string,
  client: Args['client'],
  workspace: Workspace,
): Promise<void> {
  const name = format === 'csv' ? 'export_csv' : 'export_md';
  const state = await stateOr(deps, workspace, ref, respond);
  if (!state) return;
  const file = exportAnswer(deps.index(), state, format);
  const note = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
  if (!file.total) {
    await note(say(state.lang, 'exportEmpty'));
    return;
  }
  let channel: string | undefined;
  try {
    const dm = await client.conversations.open({ users: user });
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
}

/**
 * "Export CSV" / "Export Markdown" (the buttons of answers posted before the answer menu): every
 * result of the answer (not the page shown) as a file, uploaded to the clicker in their DM with
 * the bot (files.getUploadURLExternal, the upload, files.completeUploadExternal), so an answer
 * only they could see stays theirs. A short ephemeral note says where the file went.
 */
export function exportAnswerFile(deps: SlackDeps, format: ExportFormat) {
  const name = format === 'csv' ? 'export_csv' : 'export_md';
  return async ({ ack, action, respond, body, client, context }: Args): Promise<void> => {
    await ack();
    await safely(
      deps,
      name,
      async () => {
        const ref = refOf(action, name);
        await exportTo(deps, ref, format, respond, body.user.id, client, requestWorkspace(context));
      },
      tellClicker(respond),
    );
  };
}
