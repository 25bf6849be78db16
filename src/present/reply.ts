import type { Reply } from '../commands/handle.js';
import { type AnswerView, answerLines, renderAnswerBlocks } from './answer.js';
import { type Block, section } from './blocks.js';
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
  }
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
  }
}
