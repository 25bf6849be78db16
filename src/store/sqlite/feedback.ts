import type { Db } from '../../weekly/state.js';
import type { FeedbackRecord, FeedbackStore, Reason } from '../feedback.js';

/** {@link FeedbackStore} in the embedded SQLite state database. */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Db) {}

  add(f: Omit<FeedbackRecord, 'feedback_id' | 'reason' | 'note'>): number {
    const r = this.db
      .prepare(
        `INSERT INTO feedback (workspace, answer_id, question, interpretation, item_ids, user_hash, verdict, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.workspace,
        f.answer_id,
        f.question,
        f.interpretation,
        f.item_ids,
        f.user_hash,
        f.verdict,
        f.created_at,
      );
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
