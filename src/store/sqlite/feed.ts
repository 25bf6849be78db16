import type { Db } from '../../weekly/state.js';
import {
  type FeedMemory,
  PAGE_COLUMNS,
  type PageRecord,
  type PageRow,
  pageFromRow,
  pageValues,
} from '../feed.js';

/** {@link FeedMemory} in the app's SQLite state database. */
export class SqliteFeedStore implements FeedMemory {
  constructor(private readonly db: Db) {}

  page(url: string): PageRecord | undefined {
    return pageFromRow(
      this.db
        .prepare('SELECT url, status, content_hash, document_id, reason FROM feed_pages WHERE url = ?')
        .get(url) as PageRow | undefined,
    );
  }

  remember(r: PageRecord, at: string): void {
    this.db
      .prepare(
        `INSERT INTO feed_pages (${PAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET status = excluded.status, content_hash = excluded.content_hash,
           document_id = excluded.document_id, reason = excluded.reason, updated_at = excluded.updated_at`,
      )
      .run(...pageValues(r, at));
  }

  lastProblem(listing: string): string | undefined {
    const row = this.db
      .prepare(
        'SELECT problem FROM feed_checks WHERE listing = ? AND finished_at IS NOT NULL ORDER BY check_id DESC LIMIT 1',
      )
      .get(listing) as { problem: string | null } | undefined;
    return row?.problem ?? undefined;
  }

  lastCheckAt(): string | undefined {
    const row = this.db.prepare('SELECT MAX(finished_at) AS at FROM feed_checks').get() as
      | { at: string | null }
      | undefined;
    return row?.at ?? undefined;
  }

  startCheck(listing: string, at: string): number {
    return Number(
      this.db.prepare('INSERT INTO feed_checks (listing, started_at) VALUES (?, ?)').run(listing, at)
        .lastInsertRowid,
    );
  }

  finishCheck(id: number, at: string, problem: string | undefined, report: unknown): void {
    this.db
      .prepare('UPDATE feed_checks SET finished_at = ?, problem = ?, report = ? WHERE check_id = ?')
      .run(at, problem ?? null, JSON.stringify(report), id);
  }
}
