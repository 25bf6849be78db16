import type { Reply } from '../commands/handle.js';
import { type AnswerView, answerLines, renderAnswerBlocks } from './answer.js';
import { actions, type Block, section } from './blocks.js';
import { say } from './catalogue.js';
import { renderCitationBlocks, renderCitationText } from './citation.js';
import { renderHelpBlocks, renderHelpText } from './help.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** A reply as Slack shows it: Block Kit, its text fallback, and who should see it. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  visibility?: 'in_channel' | 'ephemeral';
}

/** Renders any reply model as Block Kit; `view` decides an answer's buttons. */
export function renderReplyBlocks(reply: Reply, view: AnswerView): SlackMessage {
  switch (reply.kind) {
    case 'answer':
      return renderAnswerBlocks(reply.answer, view);
    case 'citation':
      return renderCitationBlocks(reply.citation);
    case 'help':
      return renderHelpBlocks(reply.manifest);
    case 'message': {
      const text = escapeMrkdwn(say(reply.lang, reply.code, reply.args));
      return { text, blocks: [section(text)] };
    }
    case 'rendered':
      return {
        text: reply.reply.text,
        blocks: reply.reply.blocks as Block[],
        ...(reply.reply.visibility ? { visibility: reply.reply.visibility } : {}),
      };
    case 'channelChange':
      return channelChangeBlocks(reply);
  }
}

/** What a confirmation button carries: the channel, the change and the filters. */
export interface ChannelChangeRef {
  c: string;
  k: 'subscribe' | 'unsubscribe';
  f: string;
  l: 'en' | 'ja';
}

/** Reads a confirmation button value we wrote; anything else is `undefined`. */
export function decodeChannelChange(value: string | undefined): ChannelChangeRef | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as Partial<ChannelChangeRef>;
    if (
      typeof v.c === 'string' &&
      /^[CDG][A-Z0-9]+$/.test(v.c) &&
      (v.k === 'subscribe' || v.k === 'unsubscribe') &&
      typeof v.f === 'string' &&
      (v.l === 'en' || v.l === 'ja')
    )
      return { c: v.c, k: v.k, f: v.f, l: v.l };
  } catch {
    // not ours
  }
  return undefined;
}

type ChannelChange = Reply & { kind: 'channelChange' };

/** What a change asked for in a thread says: how to make it with `/policy` in the channel. */
function channelChangeText(reply: ChannelChange): string {
  const command = reply.change === 'subscribe' ? `subscribe ${reply.filters}`.trim() : 'unsubscribe';
  return say(reply.lang, 'channelChangeInThread', { command });
}

/**
 * A subscription change asked for in a thread: not made from there (a thread is often a side
 * conversation, and the change is the whole channel's); the reply says how to make it with
 * `/policy` and offers a button, whose click is checked like the command (who may change it).
 */
function channelChangeBlocks(reply: ChannelChange): SlackMessage {
  const text = escapeMrkdwn(channelChangeText(reply));
  const ref: ChannelChangeRef = {
    c: reply.channelId,
    k: reply.change,
    f: reply.filters.slice(0, 1500),
    l: reply.lang,
  };
  return {
    text,
    blocks: [
      section(text),
      actions([
        {
          text: say(reply.lang, reply.change === 'subscribe' ? 'confirmSubscribe' : 'confirmUnsubscribe'),
          actionId: 'confirm_channel_change',
          value: JSON.stringify(ref),
          style: reply.change === 'subscribe' ? 'primary' : 'danger',
        },
      ]),
    ],
  };
}

/**
 * The one plain-text renderer (console and CLI): answers, citations, help and messages, with
 * URLs exactly as in the source. `conversational` adds the "type more / cite N" hints.
 */
export function renderReplyText(reply: Reply, o: { conversational?: boolean } = {}): string {
  switch (reply.kind) {
    case 'answer': {
      const lines = answerLines(reply.answer, { typeMore: o.conversational ?? false });
      if (o.conversational && reply.answer.items.length) lines.push(say(reply.answer.lang, 'typeCite'));
      return lines.join('\n');
    }
    case 'citation':
      return renderCitationText(reply.citation);
    case 'help':
      return renderHelpText(reply.manifest, '/policy');
    case 'message':
      return say(reply.lang, reply.code, reply.args);
    case 'rendered':
      return reply.plain ?? reply.reply.text;
    case 'channelChange':
      return channelChangeText(reply);
  }
}
