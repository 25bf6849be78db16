import type { Awaitable } from './awaitable.js';
import type { Workspace } from './workspace.js';

export const REASONS = ['wrong_items', 'missing_items', 'other'] as const;
export type Reason = (typeof REASONS)[number];
export type Verdict = 'up' | 'down';

/** A feedback row as stored (JSON fields as text, the user as a keyed hash). */
export interface FeedbackRecord {
  feedback_id: number;
  /** The workspace the click came from (`''` for clicks stored before it was recorded). */
  workspace: Workspace;
  answer_id: string;
  question: string;
  interpretation: string;
  item_ids: string;
  user_hash: string;
  verdict: Verdict;
  reason: Reason | null;
  note: string | null;
  created_at: string;
}

/** A click as inserted: {@link FEEDBACK_COLUMNS} and their values, in that order. */
export type NewFeedback = Omit<FeedbackRecord, 'feedback_id' | 'reason' | 'note'>;
export const FEEDBACK_COLUMNS =
  'workspace, answer_id, question, interpretation, item_ids, user_hash, verdict, created_at';
/** A new click's values, in the order of {@link FEEDBACK_COLUMNS}. */
export function feedbackValues(f: NewFeedback): unknown[] {
  return [
    f.workspace,
    f.answer_id,
    f.question,
    f.interpretation,
    f.item_ids,
    f.user_hash,
    f.verdict,
    f.created_at,
  ];
}

/** 👍/👎 on answers, with the reason and note of a 👎. */
export interface FeedbackStore {
  /** Stores a click; returns its id. */
  add(f: NewFeedback): Awaitable<number>;
  /** Sets the reason and note of a click, only when `userHash` made it; true when it did. */
  addDetail(
    feedbackId: number,
    userHash: string,
    reason: Reason | null,
    note: string | null,
  ): Awaitable<boolean>;
  /** Every click since a day (inclusive; '' for all), oldest first. */
  list(since: string): Awaitable<FeedbackRecord[]>;
}
