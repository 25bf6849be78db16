import { type AnswerState, answerPage, handleCommand, type Reply } from '../commands/handle.js';
import { parseCommand } from '../commands/parse.js';
import { rememberAnswer } from '../conversation/answers.js';
import type { AnswerView } from '../present/answer.js';
import { renderReplyBlocks, type SlackMessage } from '../present/reply.js';
import { detectLang } from '../query/understand.js';
import { cleanQuestion } from '../util/sanitize.js';
import { withTruncationNote } from './bounded.js';
import type { SlackDeps } from './deps.js';

export type { SlackMessage } from '../present/reply.js';

/** The clock listeners use (tests may pin it). */
export const nowOf = (deps: SlackDeps): Date => (deps.clock ? deps.clock() : new Date());

/**
 * Renders a reply for Slack; an answer page is stored first so its buttons and its thread's
 * follow-ups can find it (the id goes into the buttons, never the question itself).
 */
export function renderForSlack(
  deps: SlackDeps,
  reply: Reply,
  visibility: AnswerView['visibility'],
): { message: SlackMessage; answerId?: string } {
  if (reply.kind !== 'answer') return { message: renderReplyBlocks(reply, { visibility }) };
  const answerId = rememberAnswer(deps.db, reply.state, nowOf(deps));
  return { message: renderReplyBlocks(reply, { answerId, visibility }), answerId };
}

/**
 * The one command path from Slack: the user's text (its language decides the reply's), the
 * conversation's last answer if any, and where it was typed → a rendered, stored reply.
 */
export function replyToText(
  deps: SlackDeps,
  text: string,
  o: {
    where: { channelId: string; userId?: string; teamId?: string };
    previous?: AnswerState;
    visibility: AnswerView['visibility'];
  },
): { message: SlackMessage; answerId?: string; reply: Reply } {
  // The one edge every typed question passes: cleaned and bounded before any analysis.
  const q = cleanQuestion(text);
  const lang = detectLang(q.text);
  const reply = handleCommand(
    { index: deps.index(), today: deps.today(), ...(deps.digest ? { digest: deps.digest } : {}) },
    {
      command: parseCommand(q.text),
      lang,
      where: o.where,
      ...(o.previous ? { previous: o.previous } : {}),
    },
  );
  const rendered = renderForSlack(deps, reply, o.visibility);
  return { ...rendered, message: withTruncationNote(rendered.message, q, lang), reply };
}

/** Another page of a stored answer (Show more, Previous, Share), stored in its turn. */
export function pageForSlack(
  deps: SlackDeps,
  state: AnswerState,
  offset: number,
  visibility: AnswerView['visibility'],
  sharedBy?: string,
): { message: SlackMessage; answerId?: string } {
  return renderForSlack(
    deps,
    answerPage(deps.index(), state, offset, sharedBy ? { sharedBy } : {}),
    visibility,
  );
}
