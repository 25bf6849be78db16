import { ask } from '../query/ask.js';
import { cite, firstUrl, unslack } from '../query/cite.js';
import { itemsCiting } from '../query/search.js';
import { detectLang } from '../query/understand.js';
import type { SearchIndex } from '../search/index-store.js';
import type { Reply } from './handle.js';

/**
 * "Find source" on a message: the item the message is about, as a citation — only when the
 * message names a source the corpus cites (its URL) or a policy subject the corpus answers (a
 * result of the same search and decision as a question; suggestions are not answers). Otherwise
 * it says plainly that no source was found, and which words matched nothing: never a citation
 * made up from a near miss, never a promise of suggestions it does not show. `day` is the day
 * the message was posted ("last week" in it means the week before).
 */
export function findSource(index: SearchIndex, message: string, day: string): Reply {
  const text = unslack(message);
  const lang = detectLang(text);
  const url = firstUrl(text);
  // An item citing the URL is cited (as its event); without one, no search is made for the URL.
  const [citing] = url ? itemsCiting(index, [url]) : [];
  if (url && citing) return { kind: 'citation', citation: { ...cite(index, url, day), lang } };
  const question = url ? text.replace(url, ' ').trim() : text;
  const r = question ? ask(index, question, { today: day, limit: 1 }) : undefined;
  // "great meeting today": a day the digests do not reach is answered with their latest month
  // when asked as a question; a message about that day has no source in the corpus.
  const movedPastCorpus = r?.periodNotice?.code === 'noItemsDatedShowingLatest';
  const top = movedPastCorpus ? undefined : r?.results[0];
  if (!top) return { kind: 'message', lang, code: 'findSourceNothing', args: { words: r?.unmatched ?? [] } };
  return { kind: 'citation', citation: { ...cite(index, top.id, day), lang } };
}
