import type { Block } from '../present/blocks.js';
import { type CleanQuestion, cleanQuestion, truncationNote } from '../util/sanitize.js';

export { cleanQuestion };

/**
 * Adds the "only the first 1 000 characters were searched" line to a reply whose question was
 * cut at the edge, so a user never wonders why the end of a long question was ignored.
 */
export function withTruncationNote<R extends { text: string; blocks: Block[] }>(
  reply: R,
  q: CleanQuestion,
  lang: 'en' | 'ja',
): R {
  const note = truncationNote(q, lang);
  if (!note) return reply;
  return {
    ...reply,
    text: `${reply.text}\n${note}`,
    blocks: [...reply.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: note }] } as Block],
  };
}

/**
 * A button value decoded from a click is only as trustworthy as the client that sent it: the page
 * offset must be a small whole number and the day a real date, or the click is refused.
 */
export function isSaneRef(ref: { q: string; o: number; t: string }): boolean {
  return (
    Number.isInteger(ref.o) &&
    ref.o >= 0 &&
    ref.o <= 1000 &&
    /^\d{4}-\d{2}-\d{2}$/.test(ref.t) &&
    !Number.isNaN(Date.parse(ref.t))
  );
}
