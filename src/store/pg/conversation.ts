import { ANSWER_COLUMNS, type AnswerRow, answerValues, type ConversationStore } from '../conversation.js';
import type { PgDatabase } from './pool.js';

/** {@link ConversationStore} in PostgreSQL: a thread started on one replica is continued on any other. */
export class PgConversationStore implements ConversationStore {
  constructor(private readonly db: PgDatabase) {}

  async saveAnswer(r: AnswerRow): Promise<void> {
    await this.db.query(
      `INSERT INTO answers (${ANSWER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      answerValues(r),
    );
  }

  async answer(answerId: string): Promise<AnswerRow | undefined> {
    return (await this.db.query<AnswerRow>('SELECT * FROM answers WHERE answer_id = $1', [answerId])).rows[0];
  }

  async linkThread(
    channelId: string,
    threadTs: string,
    answerId: string | undefined,
    now: string,
  ): Promise<void> {
    if (answerId)
      await this.db.query(
        `INSERT INTO threads (channel_id, thread_ts, answer_id, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel_id, thread_ts) DO UPDATE SET answer_id = excluded.answer_id, updated_at = excluded.updated_at`,
        [channelId, threadTs, answerId, now],
      );
    else
      await this.db.query(
        `INSERT INTO threads (channel_id, thread_ts, answer_id, updated_at) VALUES ($1, $2, '', $3)
         ON CONFLICT (channel_id, thread_ts) DO UPDATE SET updated_at = excluded.updated_at`,
        [channelId, threadTs, now],
      );
  }

  async thread(channelId: string, threadTs: string, since: string): Promise<string | undefined> {
    return (
      await this.db.query<{ answer_id: string }>(
        'SELECT answer_id FROM threads WHERE channel_id = $1 AND thread_ts = $2 AND updated_at >= $3',
        [channelId, threadTs, since],
      )
    ).rows[0]?.answer_id;
  }

  async prune(cutoff: string): Promise<void> {
    await this.db.query('DELETE FROM threads WHERE updated_at < $1', [cutoff]);
    await this.db.query('DELETE FROM answers WHERE created_at < $1', [cutoff]);
  }
}
