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
  const id = await rememberAnswer(state, posted.workspace, digestAnswerState({ ...posted, today }), now);
  if (id) await linkThread(state, posted.workspace, posted.channel, posted.ts, id, now);
}
