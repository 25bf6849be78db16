import type { Db } from '../../weekly/state.js';
import { ANSWER_COLUMNS, type AnswerRow, answerValues, type ConversationStore } from '../conversation.js';
import { UNKEYED, type Workspace } from '../workspace.js';

/** {@link ConversationStore} in the embedded SQLite state database. */
export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  saveAnswer(r: AnswerRow): void {
    this.db
      .prepare(`INSERT INTO answers (${ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...answerValues(r));
  }

  answer(workspace: Workspace, answerId: string): AnswerRow | undefined {
    return this.db
      .prepare('SELECT * FROM answers WHERE answer_id = ? AND workspace = ?')
      .get(answerId, workspace) as AnswerRow | undefined;
  }

  linkThread(
    workspace: Workspace,
    channelId: string,
    threadTs: string,
    answerId: string | undefined,
    now: string,
  ): void {
    if (answerId)
      this.db
        .prepare(
          `INSERT INTO threads (workspace, channel_id, thread_ts, answer_id, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (workspace, channel_id, thread_ts) DO UPDATE SET answer_id = excluded.answer_id, updated_at = excluded.updated_at`,
        )
        .run(workspace, channelId, threadTs, answerId, now);
    else
      this.db
        .prepare(
          `INSERT INTO threads (workspace, channel_id, thread_ts, answer_id, updated_at) VALUES (?, ?, ?, '', ?)
           ON CONFLICT (workspace, channel_id, thread_ts) DO UPDATE SET updated_at = excluded.updated_at`,
        )
        .run(workspace, channelId, threadTs, now);
  }

  thread(workspace: Workspace, channelId: string, threadTs: string, since: string): string | undefined {
    const row = this.db
      .prepare(
        'SELECT answer_id FROM threads WHERE workspace = ? AND channel_id = ? AND thread_ts = ? AND updated_at >= ?',
      )
      .get(workspace, channelId, threadTs, since) as { answer_id: string } | undefined;
    return row?.answer_id;
  }

  claimUnkeyed(workspace: Workspace): void {
    if (workspace === UNKEYED) return;
    this.db.transaction(() => {
      this.db.prepare(`UPDATE OR IGNORE threads SET workspace = ? WHERE workspace = ''`).run(workspace);
      this.db.prepare(`UPDATE answers SET workspace = ? WHERE workspace = ''`).run(workspace);
    })();
  }

  prune(cutoff: string): void {
    this.db.prepare('DELETE FROM threads WHERE updated_at < ?').run(cutoff);
    this.db.prepare('DELETE FROM answers WHERE created_at < ?').run(cutoff);
  }
}
