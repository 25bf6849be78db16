import {
  type FeedMemory,
  PAGE_COLUMNS,
  type PageRecord,
  type PageRow,
  pageFromRow,
  pageValues,
} from '../feed.js';
import type { PgDatabase } from './pool.js';

/** {@link FeedMemory} in PostgreSQL. */
export class PgFeedStore implements FeedMemory {
  constructor(private readonly db: PgDatabase) {}

  async page(url: string): Promise<PageRecord | undefined> {
    return pageFromRow(
      (
        await this.db.query<PageRow>(
          'SELECT url, status, content_hash, document_id, reason FROM feed_pages WHERE url = $1',
          [url],
        )
      ).rows[0],
    );
  }

  async remember(r: PageRecord, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO feed_pages (${PAGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (url) DO UPDATE SET status = excluded.status, content_hash = excluded.content_hash,
         document_id = excluded.document_id, reason = excluded.reason, updated_at = excluded.updated_at`,
      pageValues(r, at),
    );
  }

  async lastProblem(listing: string): Promise<string | undefined> {
    const row = (
      await this.db.query<{ problem: string | null }>(
        'SELECT problem FROM feed_checks WHERE listing = $1 AND finished_at IS NOT NULL ORDER BY check_id DESC LIMIT 1',
        [listing],
      )
    ).rows[0];
    return row?.problem ?? undefined;
  }

  async lastCheckAt(): Promise<string | undefined> {
    const row = (await this.db.query<{ at: string | null }>('SELECT MAX(finished_at) AS at FROM feed_checks'))
      .rows[0];
    return row?.at ?? undefined;
  }

  async startCheck(listing: string, at: string): Promise<number> {
    const r = await this.db.query<{ check_id: number }>(
      'INSERT INTO feed_checks (listing, started_at) VALUES ($1, $2) RETURNING check_id',
      [listing, at],
    );
    return Number(r.rows[0]?.check_id);
  }

  async finishCheck(id: number, at: string, problem: string | undefined, report: unknown): Promise<void> {
    await this.db.query(
      'UPDATE feed_checks SET finished_at = $1, problem = $2, report = $3 WHERE check_id = $4',
      [at, problem ?? null, JSON.stringify(report), id],
    );
  }
}
