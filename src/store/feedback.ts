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

/** 👍/👎 on answers, with the reason and note of a 👎. */
export interface FeedbackStore {
  /** Stores a click; returns its id. */
  add(f: Omit<FeedbackRecord, 'feedback_id' | 'reason' | 'note'>): Awaitable<number>;
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
