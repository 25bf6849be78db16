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
