import type { Db } from '../digest/state.js';
import type { SearchIndex } from '../search/index-store.js';
import type { Logger } from '../util/logger.js';
import type { OffLoop } from './off-loop.js';

/** Subscription and digest operations the Slack listeners call (implemented in src/digest/). */
export interface DigestCommands {
  subscribe(input: { channelId: string; teamId?: string; userId?: string; filters: string }): {
    text: string;
    blocks: unknown[];
  };
  unsubscribe(channelId: string, lang: 'en' | 'ja'): { text: string; blocks: unknown[] };
  subscriptions(channelId: string, lang: 'en' | 'ja'): { text: string; blocks: unknown[] };
  preview(input: { channelId: string; date?: string; lang: 'en' | 'ja' }): {
    text: string;
    blocks: unknown[];
  };
}

/** Everything a listener needs, passed in: no listener reaches for globals, files or the clock. */
export interface SlackDeps {
  index: () => SearchIndex;
  /** The state database; absent when it has a fault (then dedupe is off, questions still answered). */
  db?: Db;
  /** Today's date in the configured time zone. */
  today: () => string;
  logger: Logger;
  digest?: DigestCommands;
  /** Answers questions off the main thread when present (the app sets it; tests may not). */
  offLoop?: OffLoop;
  /** Milliseconds before a slow answer shows "searching…" (tests shorten it). */
  progressAfterMs?: number;
}
