import { type Block, mrkdwnText } from '../present/blocks.js';
import { type CleanQuestion, truncationNote } from '../util/sanitize.js';

/**
 * Adds the "only the first 1 000 characters were searched" line to a reply whose question was
 * cut at the edge, so a user never wonders why the end of a long question was ignored.
 */
export function withTruncationNote<R extends { text: string; blocks?: Block[] | unknown[] }>(
  reply: R,
  q: CleanQuestion,
  lang: 'en' | 'ja',
): R {
  const note = truncationNote(q, lang);
  if (!note) return reply;
  return {
    ...reply,
    text: `${reply.text}\n${note}`,
    blocks: [...(reply.blocks ?? []), { type: 'context', elements: [mrkdwnText(note)] }],
  };
}
