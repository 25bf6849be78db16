import type { FeedbackRecord, FeedbackStore, Reason } from '../feedback.js';
import type { PgDatabase } from './pool.js';

/** {@link FeedbackStore} in PostgreSQL. */
export class PgFeedbackStore implements FeedbackStore {
  constructor(private readonly db: PgDatabase) {}

  async add(f: Omit<FeedbackRecord, 'feedback_id' | 'reason' | 'note'>): Promise<number> {
    const r = await this.db.query<{ feedback_id: number }>(
      `INSERT INTO feedback (workspace, answer_id, question, interpretation, item_ids, user_hash, verdict, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING feedback_id`,
      [
        f.workspace,
        f.answer_id,
        f.question,
        f.interpretation,
        f.item_ids,
        f.user_hash,
        f.verdict,
        f.created_at,
      ],
    );
    return Number(r.rows[0]?.feedback_id);
  }

  async addDetail(
    feedbackId: number,
    userHash: string,
    reason: Reason | null,
    note: string | null,
  ): Promise<boolean> {
    const r = await this.db.query(
      'UPDATE feedback SET reason = $1, note = $2 WHERE feedback_id = $3 AND user_hash = $4',
      [reason, note, feedbackId, userHash],
    );
    return r.rowCount === 1;
  }

  async list(since: string): Promise<FeedbackRecord[]> {
    return (
      await this.db.query<FeedbackRecord>(
        'SELECT * FROM feedback WHERE created_at >= $1 ORDER BY created_at, feedback_id',
        [since],
      )
    ).rows;
  }
}
