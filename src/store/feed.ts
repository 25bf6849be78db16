import type { Awaitable } from './awaitable.js';

/**
 * What became of a digest page the feed met:
 * - `added`: added by the feed; never tried again;
 * - `present`: the corpus already had that digest or its month; never tried again;
 * - `refused`: read and refused (layout, dates, …); tried again only when its content changes;
 * - `failed`: could not be downloaded; tried again at every check (said again only when the reason changes).
 */
export type PageStatus = 'added' | 'present' | 'refused' | 'failed';

export interface PageRecord {
  url: string;
  status: PageStatus;
  contentHash?: string;
  documentId?: string;
  reason?: string;
}

/** A page record as stored (snake_case columns, null for what it lacks). */
export interface PageRow {
  url: string;
  status: PageStatus;
  content_hash: string | null;
  document_id: string | null;
  reason: string | null;
}

/** The columns a page record is stored in; {@link pageValues} gives its values in this order. */
export const PAGE_COLUMNS = 'url, status, content_hash, document_id, reason, first_seen_at, updated_at';

/** A page record's values at `at` (first seen then, if new), in the order of {@link PAGE_COLUMNS}. */
export function pageValues(r: PageRecord, at: string): unknown[] {
  return [r.url, r.status, r.contentHash ?? null, r.documentId ?? null, r.reason ?? null, at, at];
}

/** A stored page row as a {@link PageRecord}: empty fields left out. */
export function pageFromRow(row: PageRow | undefined): PageRecord | undefined {
  if (!row) return undefined;
  return {
    url: row.url,
    status: row.status,
    ...(row.content_hash ? { contentHash: row.content_hash } : {}),
    ...(row.document_id ? { documentId: row.document_id } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/** The feed's memory: the state database's `feed_pages` and `feed_checks` (migration 4), or PostgreSQL's. */
export interface FeedMemory {
  page(url: string): Awaitable<PageRecord | undefined>;
  remember(record: PageRecord, at: string): Awaitable<void>;
  /** The listing problem the last finished check of `listing` reported, if any. */
  lastProblem(listing: string): Awaitable<string | undefined>;
  /** When the last check (of any listing) finished; undefined before the first. */
  lastCheckAt(): Awaitable<string | undefined>;
  startCheck(listing: string, at: string): Awaitable<number>;
  finishCheck(id: number, at: string, problem: string | undefined, report: unknown): Awaitable<void>;
}
