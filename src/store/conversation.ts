import type { Awaitable } from './awaitable.js';
import type { Workspace } from './workspace.js';

/** An answer page as stored: the question and what was shown, JSON fields as text. */
export interface AnswerRow {
  answer_id: string;
  /** The workspace it was shown in: only that workspace finds it again. */
  workspace: Workspace;
  question: string;
  lang: string;
  today: string;
  inherit: string | null;
  page_offset: number;
  item_ids: string;
  total: number;
  interpretation: string;
  created_at: string;
  suggestion_ids: string | null;
}

/** The columns an answer page is inserted with; {@link answerValues} gives its values in this order. */
export const ANSWER_COLUMNS =
  'answer_id, workspace, question, lang, today, inherit, page_offset, item_ids, total, interpretation, created_at, suggestion_ids';

/** An answer row's values, in the order of {@link ANSWER_COLUMNS}. */
export function answerValues(r: AnswerRow): unknown[] {
  return [
    r.answer_id,
    r.workspace,
    r.question,
    r.lang,
    r.today,
    r.inherit,
    r.page_offset,
    r.item_ids,
    r.total,
    r.interpretation,
    r.created_at,
    r.suggestion_ids,
  ];
}

/**
 * Conversations: each answer page shown and the thread (or DM) it belongs to, keyed by workspace
 * — a Slack Connect channel's one thread is two conversations for two installing workspaces, and
 * neither can page or cite the other's answers. In a database every replica shares, a thread
 * started on one replica is continued on any other.
 */
export interface ConversationStore {
  saveAnswer(row: AnswerRow): Awaitable<void>;
  /** The answer page by id, only when it was shown in `workspace`. */
  answer(workspace: Workspace, answerId: string): Awaitable<AnswerRow | undefined>;
  /**
   * Records the bot's part in a thread at `now`; with an answer id, that answer becomes the one
   * its follow-ups build on, without one the earlier answer is kept.
   */
  linkThread(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    answerId: string | undefined,
    now: string,
  ): Awaitable<void>;
  /** The thread's last answer id ('' for none) when it was active at or after `since`. */
  thread(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    since: string,
  ): Awaitable<string | undefined>;
  /**
   * Gives threads and answers stored without a workspace (`''`, from before they were keyed) to
   * `workspace`, unless it has a thread with the same key already. A single-workspace app calls
   * it at start with its own workspace.
   */
  claimUnkeyed(workspace: Workspace): Awaitable<void>;
  /** Forgets threads and answers older than `cutoff`. */
  prune(cutoff: string): Awaitable<void>;
}
