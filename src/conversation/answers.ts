import { randomBytes } from 'node:crypto';
import { type AnswerState, answerStateSchema } from '../commands/handle.js';
import type { AnswerRow } from '../store/conversation.js';
import { pruneNowAndThen } from '../store/prune.js';
import type { StateStores } from '../store/state.js';
import type { Workspace } from '../store/workspace.js';

/** How long a thread or DM remembers its last answer for follow-ups (and the bot stays in it). */
export const THREAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a conversation-state step that answering can do without: with no state database, or when
 * it fails (the fault is reported, naming the database), the answer goes on without that step.
 */
async function optional<T>(
  state: StateStores | undefined,
  fallback: T,
  step: (state: StateStores) => T | Promise<T>,
): Promise<T> {
  if (!state) return fallback;
  try {
    return await step(state);
  } catch (err) {
    state.reportFault(err);
    return fallback;
  }
}

/** A DM's own conversation (messages not in a thread) is keyed by this thread id. */
export const DM_ROOT = 'dm';

/**
 * Stores an answer page as shown in a workspace, so its buttons (pages, share, feedback) and its
 * thread's follow-ups there can find it again; returns its id. The question is the only message
 * text kept.
 */
export function rememberAnswer(
  state: StateStores | undefined,
  workspace: Workspace,
  answer: AnswerState,
  now: Date,
): Promise<string | undefined> {
  return optional(state, undefined, async (s) => {
    const id = randomBytes(9).toString('base64url');
    await s.conversation.saveAnswer(toRow(id, workspace, answer, now));
    pruneNowAndThen(s, () => pruneConversations(s, now));
    return id;
  });
}

/** An answer as its stored row (JSON fields as text). */
function toRow(id: string, workspace: Workspace, state: AnswerState, now: Date): AnswerRow {
  return {
    answer_id: id,
    workspace,
    question: state.question,
    lang: state.lang,
    today: state.today,
    inherit: state.inherit ? JSON.stringify(state.inherit) : null,
    page_offset: state.offset,
    item_ids: JSON.stringify(state.itemIds),
    total: state.total,
    interpretation: JSON.stringify(state.filters),
    created_at: now.toISOString(),
    suggestion_ids: state.suggestionIds?.length ? JSON.stringify(state.suggestionIds) : null,
  };
}

/** A stored row as an answer; `undefined` when it no longer reads as one (an older shape). */
function fromRow(row: AnswerRow | undefined): AnswerState | undefined {
  if (!row) return undefined;
  const parsed = answerStateSchema.safeParse({
    question: row.question,
    lang: row.lang,
    today: row.today,
    inherit: row.inherit ? JSON.parse(row.inherit) : null,
    offset: row.page_offset,
    itemIds: JSON.parse(row.item_ids),
    total: row.total,
    filters: JSON.parse(row.interpretation),
    ...(row.suggestion_ids ? { suggestionIds: JSON.parse(row.suggestion_ids) } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * A stored answer page by id (a button's value), only when it was shown in `workspace` — an id
 * seen in a shared channel never opens another workspace's answer; `undefined` when unknown or
 * unreadable.
 */
export function answerById(
  state: StateStores | undefined,
  workspace: Workspace,
  id: string,
): Promise<AnswerState | undefined> {
  return optional(state, undefined, async (s) => fromRow(await s.conversation.answer(workspace, id)));
}

/**
 * Records that the bot took part in a thread (or DM) now; with `answerId`, that answer becomes
 * the one the thread's follow-ups build on (a citation or help reply keeps the earlier answer).
 */
export async function linkThread(
  state: StateStores | undefined,
  workspace: Workspace,
  channelId: string,
  threadTs: string,
  answerId: string | undefined,
  now: Date,
): Promise<void> {
  await optional(state, undefined, async (s) => {
    await s.conversation.linkThread(workspace, channelId, threadTs, answerId, now.toISOString());
    pruneNowAndThen(s, () => pruneConversations(s, now));
  });
}

/** A thread the bot takes part in, with its last answer when it has one (follow-ups build on it). */
export interface ThreadContext {
  previous?: AnswerState;
}

/**
 * A thread the bot took part in within the time limit, with its last answer if it has one;
 * `undefined` means the bot is not (or no longer) part of that thread.
 */
export function threadContext(
  state: StateStores | undefined,
  workspace: Workspace,
  channelId: string,
  threadTs: string,
  now: Date,
  ttlMs = THREAD_TTL_MS,
): Promise<ThreadContext | undefined> {
  return optional(state, undefined, async (s) => {
    const answerId = await s.conversation.thread(
      workspace,
      channelId,
      threadTs,
      new Date(now.getTime() - ttlMs).toISOString(),
    );
    if (answerId === undefined) return undefined;
    const previous = answerId ? fromRow(await s.conversation.answer(workspace, answerId)) : undefined;
    return previous ? { previous } : {};
  });
}

/** Forgets conversations past their time limit (answers with feedback keep their feedback rows). */
export async function pruneConversations(
  state: StateStores | undefined,
  now: Date,
  ttlMs = THREAD_TTL_MS,
): Promise<void> {
  if (!state) return;
  await state.conversation.prune(new Date(now.getTime() - Math.max(ttlMs, 7 * 86_400_000)).toISOString());
}
