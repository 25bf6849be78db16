import type { DigestCommands } from '../commands/digest-commands.js';
import type { Metrics } from '../ops/metrics.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StateStores } from '../store/state.js';
import type { Logger } from '../util/logger.js';

export type { DigestCommands } from '../commands/digest-commands.js';

/** Everything a listener needs, passed in: no listener reaches for globals, files or the clock. */
export interface SlackDeps {
  index: () => SearchIndex;
  /** The state stores (SQLite or PostgreSQL); absent after a fault at start (then dedupe is off, questions still answered). */
  state?: StateStores;
  /** Today's date in the configured time zone. */
  today: () => string;
  logger: Logger;
  digest?: DigestCommands;
  /** The current time (answers, threads and feedback are stamped with it); tests may pin it. */
  clock?: () => Date;
  /** The calendar day of a moment in the configured time zone ("last week" in a message posted then). */
  dayOf?: (at: Date) => string;
  /** How long a thread remembers its last answer; default 24 hours. */
  threadTtlMs?: number;
  /** Milliseconds before a slow answer shows "searching…" (tests shorten it). */
  progressAfterMs?: number;
  /** Users who may change any channel's subscription besides workspace admins (POLICY_BOT_ADMINS). */
  admins?: readonly string[];
  /** The distributed app (OAuth): installations in the state database, uninstall events handled. */
  distributed?: boolean;
  /** Counts for `/metrics` (absent: nothing counted). */
  metrics?: Metrics;
}
