import { type AnswerState, answerPage, handleCommand, type Reply } from '../commands/handle.js';
import { parseCommand } from '../commands/parse.js';
import { rememberAnswer } from '../conversation/answers.js';
import type { AnswerView } from '../present/answer.js';
import { renderReplyBlocks, type SlackMessage } from '../present/reply.js';
import { detectLang, type Lang } from '../query/understand.js';
import type { Workspace } from '../store/workspace.js';
import { type CleanQuestion, cleanQuestion } from '../util/sanitize.js';
import type { Actor } from '../weekly/access.js';
import { actorOf, type UsersClient } from './actor.js';
import { withTruncationNote } from './bounded.js';
import type { SlackDeps } from './deps.js';

export type { SlackMessage } from '../present/reply.js';

/** The clock listeners use (tests may pin it). */
export const nowOf = (deps: SlackDeps): Date => (deps.clock ? deps.clock() : new Date());

/**
 * Renders a reply for Slack; an answer page is stored first so its buttons and its thread's
 * follow-ups can find it (the id goes into the buttons, never the question itself).
 */
export async function renderForSlack(
  deps: SlackDeps,
  workspace: Workspace,
  reply: Reply,
  visibility: AnswerView['visibility'],
  o: { detail?: boolean } = {},
): Promise<{ message: SlackMessage; answerId?: string }> {
  if (reply.kind !== 'answer') return { message: renderReplyBlocks(reply, { visibility }) };
  const answerId = await rememberAnswer(deps.state, workspace, reply.state, nowOf(deps));
  return {
    message: renderReplyBlocks(reply, {
      visibility,
      ...(answerId ? { answerId } : {}),
      ...(o.detail ? { detail: true } : {}),
    }),
    ...(answerId ? { answerId } : {}),
  };
}

/** Where a message was typed, and by whom. */
export interface Where {
  /** The workspace it was delivered to (`requestWorkspace` in workspace.ts): what it reads and writes is that workspace's. */
  workspace: Workspace;
  channelId: string;
  userId?: string;
  teamId?: string;
  /** A thread reply or a mention inside a thread: channel-wide changes are not made from it. */
  inThread?: boolean;
}

/**
 * The one command path from Slack, before anything is rendered or stored: the user's text
 * (cleaned and bounded; its language decides the reply's), the conversation's last answer, and
 * where it was typed → a reply model. A subscription change first asks Slack who the user is
 * (admins may change any channel's subscription).
 */
export async function replyFor(
  deps: SlackDeps,
  client: UsersClient,
  text: string,
  o: { where: Where; previous?: AnswerState },
): Promise<{ reply: Reply; q: CleanQuestion; lang: Lang }> {
  // The one edge every typed question passes: cleaned and bounded before any analysis.
  const q = cleanQuestion(text);
  const lang = detectLang(q.text);
  const command = parseCommand(q.text);
  // Only a change that will be made asks (a thread only offers a button; without digests there is none).
  let actor: Actor | undefined;
  if (deps.digest && (command.kind === 'subscribe' || command.kind === 'unsubscribe') && !o.where.inThread)
    actor = await actorOf(client, o.where.userId, deps.admins ?? [], deps.logger);
  const started = performance.now();
  const reply = await handleCommand(
    { index: deps.index(), today: deps.today(), ...(deps.digest ? { digest: deps.digest } : {}) },
    {
      command,
      lang,
      where: { ...o.where, ...(actor ? { actor } : {}) },
      ...(o.previous ? { previous: o.previous } : {}),
    },
  );
  if (reply.kind === 'answer')
    deps.metrics?.question(
      reply.state.total > 0 ? 'answered' : 'abstained',
      (performance.now() - started) / 1000,
    );
  return { reply, q, lang };
}

/** {@link replyFor}, then stored and rendered: what a slash command answers. */
export async function replyToText(
  deps: SlackDeps,
  client: UsersClient,
  text: string,
  o: { where: Where; previous?: AnswerState; visibility: AnswerView['visibility'] },
): Promise<{ message: SlackMessage; answerId?: string; reply: Reply }> {
  const { reply, q, lang } = await replyFor(deps, client, text, o);
  const rendered = await renderForSlack(deps, o.where.workspace, reply, o.visibility);
  return { ...rendered, message: withTruncationNote(rendered.message, q, lang), reply };
}

/** Another page of a stored answer (Show more, Previous, Share), stored in its turn; with the page. */
export async function pageForSlack(
  deps: SlackDeps,
  workspace: Workspace,
  state: AnswerState,
  offset: number,
  visibility: AnswerView['visibility'],
  o: { sharedBy?: string; detail?: boolean } = {},
): Promise<{ message: SlackMessage; answerId?: string; page: ReturnType<typeof answerPage> }> {
  const page = answerPage(deps.index(), state, offset, o.sharedBy ? { sharedBy: o.sharedBy } : {});
  const rendered = await renderForSlack(deps, workspace, page, visibility, o.detail ? { detail: true } : {});
  return { ...rendered, page };
}
