import type { Awaitable } from './awaitable.js';

/** An answer page as stored: the question and what was shown, JSON fields as text. */
export interface AnswerRow {
  answer_id: string;
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
  'answer_id, question, lang, today, inherit, page_offset, item_ids, total, interpretation, created_at, suggestion_ids';

/** An answer row's values, in the order of {@link ANSWER_COLUMNS}. */
export function answerValues(r: AnswerRow): unknown[] {
  return [
    r.answer_id,
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
 * Conversations: each answer page shown and the thread (or DM) it belongs to. In a database
 * every replica shares, a thread started on one replica is continued on any other.
 */
export interface ConversationStore {
  saveAnswer(row: AnswerRow): Awaitable<void>;
  answer(answerId: string): Awaitable<AnswerRow | undefined>;
  /**
   * Records the bot's part in a thread at `now`; with an answer id, that answer becomes the one
   * its follow-ups build on, without one the earlier answer is kept.
   */
  linkThread(channelId: string, threadTs: string, answerId: string | undefined, now: string): Awaitable<void>;
  /** The thread's last answer id ('' for none) when it was active at or after `since`. */
  thread(channelId: string, threadTs: string, since: string): Awaitable<string | undefined>;
  /** Forgets threads and answers older than `cutoff`. */
  prune(cutoff: string): Awaitable<void>;
}
