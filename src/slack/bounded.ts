import type { Command } from '../commands/parse.js';
import type { Block } from '../present/blocks.js';
import { type CleanQuestion, cleanQuestion, truncationNote } from '../util/sanitize.js';

import type { SlackDeps } from './deps.js';
import { answerReply, type Reply, replyTo } from './replies.js';

export { cleanQuestion };

/**
 * {@link replyTo}, computed on the answering thread when the app has one (questions, cite,
 * help), so one expensive question never delays other users' acknowledgements; in place
 * otherwise (digest commands need the state, which lives here).
 */
export async function replyOffLoop(
  deps: SlackDeps,
  command: Command,
  where: { channelId: string; userId?: string; teamId?: string },
): Promise<Reply> {
  const { teamId: _teamId, ...w } = where;
  const off = deps.offLoop?.reply(command, w, deps.today());
  if (!off) return replyTo(deps, command, where);
  try {
    return await off;
  } catch (err) {
    // A question that hung the thread would hang this one too: that one is refused (sorry + id).
    if ((err as { code?: string }).code === 'OFF_LOOP_TIMEOUT') throw err;
    deps.logger.warn('answering thread unavailable; answering in place:', err);
    return replyTo(deps, command, where);
  }
}

/**
 * Adds the "only the first 1 000 characters were searched" line to a reply whose question was
 * cut at the edge, so a user never wonders why the end of a long question was ignored.
 */
export function withTruncationNote<R extends { text: string; blocks: Block[] }>(
  reply: R,
  q: CleanQuestion,
  lang: 'en' | 'ja',
): R {
  const note = truncationNote(q, lang);
  if (!note) return reply;
  return {
    ...reply,
    text: `${reply.text}\n${note}`,
    blocks: [...reply.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: note }] } as Block],
  };
}

/**
 * A button value decoded from a click is only as trustworthy as the client that sent it: the page
 * offset must be a small whole number and the day a real date, or the click is refused.
 */
export function isSaneRef(ref: { q: string; o: number; t: string }): boolean {
  return (
    Number.isInteger(ref.o) &&
    ref.o >= 0 &&
    ref.o <= 1000 &&
    /^\d{4}-\d{2}-\d{2}$/.test(ref.t) &&
    !Number.isNaN(Date.parse(ref.t))
  );
}

/** {@link answerReply} for a button's page, on the answering thread when there is one. */
export async function pageOffLoop(
  deps: SlackDeps,
  ref: { q: string; o: number; t: string },
  sharedBy?: string,
): Promise<Reply> {
  if (!deps.offLoop) return answerReply(deps, ref.q, ref.o, ref.t, sharedBy);
  try {
    return await deps.offLoop.page({ ...ref, ...(sharedBy ? { sharedBy } : {}) }, deps.today());
  } catch (err) {
    if ((err as { code?: string }).code === 'OFF_LOOP_TIMEOUT') throw err;
    deps.logger.warn('answering thread unavailable; answering in place:', err);
    return answerReply(deps, ref.q, ref.o, ref.t, sharedBy);
  }
}
