import {
  FEEDBACK_COLUMNS,
  type FeedbackRecord,
  type FeedbackStore,
  feedbackValues,
  type NewFeedback,
  type Reason,
} from '../feedback.js';
import type { PgDatabase } from './pool.js';

/** {@link FeedbackStore} in PostgreSQL. */
export class PgFeedbackStore implements FeedbackStore {
  constructor(private readonly db: PgDatabase) {}

  async add(f: NewFeedback): Promise<number> {
    const r = await this.db.query<{ feedback_id: number }>(
      `INSERT INTO feedback (${FEEDBACK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING feedback_id`,
      feedbackValues(f),
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
