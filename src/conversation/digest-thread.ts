import type { AnswerState } from '../commands/handle.js';
import { filtersOf } from '../commands/inherit.js';
import { understand } from '../query/understand.js';
import type { StateStores } from '../store/state.js';
import { linkThread, rememberAnswer } from './answers.js';

/**
 * A posted digest as a conversation's last answer: its items, numbered as the digest numbers
 * them (so `cite 3` in its thread cites item 3), and its subscription's filters (so "what about
 * guidelines?" keeps the channel's places). `more` says the digest was shown whole.
 */
function digestAnswerState(d: {
  itemIds: string[];
  filters: string;
  lang: 'en' | 'ja';
  today: string;
}): AnswerState {
  const own = understand(d.filters, d.today);
  return {
    question: d.filters,
    lang: d.lang,
    today: d.today,
    inherit: null,
    offset: 0,
    itemIds: d.itemIds,
    total: d.itemIds.length,
    filters: { ...filtersOf(own), period: null },
  };
}

/** Links a posted digest message's thread to its items, in its subscription's workspace, so replies there are follow-ups. */
export async function linkDigestThread(
  state: StateStores | undefined,
  posted: {
    workspace: string;
    channel: string;
    ts: string;
    itemIds: string[];
    filters: string;
    lang: 'en' | 'ja';
  },
  today: string,
  now: Date,
): Promise<void> {
  // The parts of one digest are one answer: stored once, every part's thread linked to it.
  const key = [posted.workspace, posted.channel, posted.filters, today, ...posted.itemIds].join('\u0000');
  const mine = state ? storedIn(state) : undefined;
  let id = mine?.get(key);
  if (!id) {
    id = await rememberAnswer(state, posted.workspace, digestAnswerState({ ...posted, today }), now);
    if (id && mine) remember(mine, key, id);
  }
  if (id) await linkThread(state, posted.workspace, posted.channel, posted.ts, id, now);
}

/** Digest answers this process stored in each database, newest last (a run posts a few dozen). */
const stored = new WeakMap<StateStores, Map<string, string>>();
const STORED_MAX = 256;
function storedIn(state: StateStores): Map<string, string> {
  let m = stored.get(state);
  if (!m) {
    m = new Map();
    stored.set(state, m);
  }
  return m;
}
function remember(m: Map<string, string>, key: string, id: string): void {
  m.set(key, id);
  if (m.size > STORED_MAX) m.delete(m.keys().next().value as string);
}
