import { LIMITS, truncate, truncatePlain } from './mrkdwn.js';

/** The few Block Kit shapes policy-bot posts, typed loosely enough for chat.postMessage and views. */
export type Block = Record<string, unknown> & { type: string };

export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncatePlain(text, LIMITS.headerText), emoji: true },
});

/**
 * A mrkdwn text object taken as written (`verbatim: true`): Slack then links only the `<…>` markup
 * policy-bot writes itself, and never turns `@here`, `@channel` or `#general` typed by someone
 * (or printed in a document) into a mention or a channel link. Every mrkdwn text policy-bot
 * sends is built here.
 */
export const mrkdwnText = (text: string) => ({ type: 'mrkdwn', text, verbatim: true }) as const;

export const section = (mrkdwn: string): Block => ({
  type: 'section',
  text: mrkdwnText(truncate(mrkdwn, LIMITS.sectionText)),
});

export const context = (...mrkdwn: string[]): Block => ({
  type: 'context',
  elements: mrkdwn.slice(0, 10).map((t) => mrkdwnText(truncate(t, LIMITS.contextElementText))),
});

export const divider = (): Block => ({ type: 'divider' });

export interface Button {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

/** One button element, its text and value kept within Slack's limits. */
export const button = (b: Button): Record<string, unknown> => ({
  type: 'button',
  text: { type: 'plain_text', text: truncatePlain(b.text, LIMITS.buttonText), emoji: true },
  action_id: b.actionId,
  ...(b.value !== undefined ? { value: b.value.slice(0, LIMITS.buttonValue) } : {}),
  ...(b.url ? { url: b.url } : {}),
  ...(b.style ? { style: b.style } : {}),
});

export const actions = (buttons: Button[]): Block => ({ type: 'actions', elements: buttons.map(button) });

/** Keeps a message within Slack's 50-block limit, keeping the last block (usually the buttons). */
export function capBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= LIMITS.blocks) return blocks;
  return [...blocks.slice(0, LIMITS.blocks - 1), blocks[blocks.length - 1] as Block];
}
