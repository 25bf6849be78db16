import { ANSWER_COLUMNS, type AnswerRow, answerValues, type ConversationStore } from '../conversation.js';
import { UNKEYED, type Workspace } from '../workspace.js';
import type { PgDatabase } from './pool.js';

/** {@link ConversationStore} in PostgreSQL: a thread started on one replica is continued on any other. */
export class PgConversationStore implements ConversationStore {
  constructor(private readonly db: PgDatabase) {}

  async saveAnswer(r: AnswerRow): Promise<void> {
    await this.db.query(
      `INSERT INTO answers (${ANSWER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      answerValues(r),
    );
  }

  async answer(workspace: Workspace, answerId: string): Promise<AnswerRow | undefined> {
    return (
      await this.db.query<AnswerRow>('SELECT * FROM answers WHERE answer_id = $1 AND workspace = $2', [
        answerId,
        workspace,
      ])
    ).rows[0];
  }

  async linkThread(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    answerId: string | undefined,
    now: string,
  ): Promise<void> {
    if (answerId)
      await this.db.query(
        `INSERT INTO threads (workspace, channel_id, thread_ts, answer_id, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace, channel_id, thread_ts) DO UPDATE SET answer_id = excluded.answer_id, updated_at = excluded.updated_at`,
        [workspace, channelId, threadTs, answerId, now],
      );
    else
      await this.db.query(
        `INSERT INTO threads (workspace, channel_id, thread_ts, answer_id, updated_at) VALUES ($1, $2, $3, '', $4)
         ON CONFLICT (workspace, channel_id, thread_ts) DO UPDATE SET updated_at = excluded.updated_at`,
        [workspace, channelId, threadTs, now],
      );
  }

  async thread(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    since: string,
  ): Promise<string | undefined> {
    return (
      await this.db.query<{ answer_id: string }>(
        'SELECT answer_id FROM threads WHERE workspace = $1 AND channel_id = $2 AND thread_ts = $3 AND updated_at >= $4',
        [workspace, channelId, threadTs, since],
      )
    ).rows[0]?.answer_id;
  }

  async claimUnkeyed(workspace: Workspace): Promise<void> {
    if (workspace === UNKEYED) return;
    await this.db.tx(async (q) => {
      await q(
        `UPDATE threads s SET workspace = $1 WHERE s.workspace = '' AND NOT EXISTS
           (SELECT 1 FROM threads t WHERE t.workspace = $1 AND t.channel_id = s.channel_id AND t.thread_ts = s.thread_ts)`,
        [workspace],
      );
      await q(`UPDATE answers SET workspace = $1 WHERE workspace = ''`, [workspace]);
    });
  }

  async prune(cutoff: string): Promise<void> {
    await this.db.query('DELETE FROM threads WHERE updated_at < $1', [cutoff]);
    await this.db.query('DELETE FROM answers WHERE created_at < $1', [cutoff]);
  }
}
