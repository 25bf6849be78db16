import type { Db } from '../../weekly/state.js';
import {
  FEEDBACK_COLUMNS,
  type FeedbackRecord,
  type FeedbackStore,
  feedbackValues,
  type NewFeedback,
  type Reason,
} from '../feedback.js';

/** {@link FeedbackStore} in the embedded SQLite state database. */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Db) {}

  add(f: NewFeedback): number {
    const r = this.db
      .prepare(`INSERT INTO feedback (${FEEDBACK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...feedbackValues(f));
    return Number(r.lastInsertRowid);
  }

  addDetail(feedbackId: number, userHash: string, reason: Reason | null, note: string | null): boolean {
    const r = this.db
      .prepare('UPDATE feedback SET reason = ?, note = ? WHERE feedback_id = ? AND user_hash = ?')
      .run(reason, note, feedbackId, userHash);
    return r.changes === 1;
  }

  list(since: string): FeedbackRecord[] {
    return this.db
      .prepare('SELECT * FROM feedback WHERE created_at >= ? ORDER BY created_at, feedback_id')
      .all(since) as FeedbackRecord[];
  }
}
