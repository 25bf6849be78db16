import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Reply } from '../commands/handle.js';
import { parseCommand } from '../commands/parse.js';
import { ownWordsMatched } from '../present/answer.js';
import { projectRoot } from '../util/paths.js';
import { parseYamlCached } from '../util/yaml-cache.js';

/**
 * Whether a message is addressed to the bot: the one place that decides it. In its threads and
 * DMs people also talk to each other ("sounds good, I'll read the EU one later", "@alice can you
 * look at this tomorrow?"); only questions, follow-ups ("what about Korea?", "and in January?",
 * `more`, `cite 2`) and keywords are the bot's to answer. A mention always is: it gets an answer
 * even when nothing matches (the honest "nothing").
 */

/** Where a message was written. */
export type Surface =
  /** `@policy-bot …` (anywhere): always addressed to the bot. */
  | 'mention'
  /** A direct message to the bot (its own stream or a thread in it). */
  | 'dm'
  /** A reply, without a mention, in a channel thread the bot answered in. */
  | 'thread';

/** The decision before searching: answer, answer only if the message's own words match something, or stay silent. */
export type Verdict =
  | { say: 'answer'; form: Form }
  | { say: 'if-matched'; form: Form }
  | { say: 'nothing'; reason: SilentReason };

/** What kind of message it reads as. */
export type Form = 'mention' | 'command' | 'follow-up' | 'question' | 'keywords' | 'statement';

/** Why the bot stays silent (logged, and asserted by the tests). */
export type SilentReason = 'empty' | 'acknowledgement' | 'someone-else' | 'statement' | 'nothing-matched';

const Phrases = z.array(z.string().min(1));
const ChatterTable = z.object({
  en: z.object({
    acknowledgements: Phrases,
    acknowledgement_tails: Phrases,
    question_openers: Phrases,
    follow_up_openers: Phrases,
    fillers: Phrases,
    statement_words: Phrases,
  }),
  ja: z.object({
    acknowledgements: Phrases,
    follow_up_openers: Phrases,
    question_endings: Phrases,
    question_words: Phrases,
    statement_endings: Phrases,
  }),
});
type ChatterTable = z.infer<typeof ChatterTable>;

/** Where the vocabulary lives: data/chatter.yml. */
export const CHATTER_FILE = 'chatter.yml';

/** Reads and checks the vocabulary; a bad file is an error naming it and the bad entry. */
export function loadChatterTable(dataDir = join(projectRoot(), 'data')): ChatterTable {
  const file = join(dataDir, CHATTER_FILE);
  const parsed = ChatterTable.safeParse(parseYamlCached(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`policy-bot: ${file}: ${detail}`);
  }
  return parsed.data;
}

interface Compiled {
  enAck: RegExp;
  enAckTail: RegExp;
  enFiller: RegExp;
  enFollowUp: RegExp;
  enQuestion: RegExp;
  enStatement: RegExp;
  jaAck: RegExp;
  jaFollowUp: RegExp;
  jaQuestionEnd: RegExp;
  jaQuestionWord: RegExp;
  jaStatementEnd: RegExp;
}

const escapeRe = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (xs: readonly string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
/** An English phrase as whole words: "ok" is not the start of "okinawa". */
const words = (xs: readonly string[]) => `(?:${alternation(xs)})(?![\\p{L}\\p{N}'])`;

let compiled: Compiled | undefined;
function table(): Compiled {
  if (compiled) return compiled;
  const t = loadChatterTable();
  compiled = {
    enAck: new RegExp(`^${words(t.en.acknowledgements)}[\\s,.!:;~\\-—–]*`, 'u'),
    enAckTail: new RegExp(`^(?:${words(t.en.acknowledgement_tails)}[\\s,.!]*)+$`, 'u'),
    enFiller: new RegExp(`^(?:${words(t.en.fillers)}[\\s,]*)+`, 'u'),
    enFollowUp: new RegExp(`^${words(t.en.follow_up_openers)}`, 'u'),
    enQuestion: new RegExp(`^${words(t.en.question_openers)}`, 'u'),
    enStatement: new RegExp(`(?<![\\p{L}\\p{N}'])${words(t.en.statement_words)}`, 'u'),
    jaAck: new RegExp(
      `^(?:${alternation(t.ja.acknowledgements)})(?:です|でした|しました)?[\\s、。,.!！~〜ー]*`,
      'u',
    ),
    jaFollowUp: new RegExp(`^(?:${alternation(t.ja.follow_up_openers)})[\\s、,]*`, 'u'),
    jaQuestionEnd: new RegExp(`(?:${alternation(t.ja.question_endings)})$`, 'u'),
    jaQuestionWord: new RegExp(alternation(t.ja.question_words), 'u'),
    jaStatementEnd: new RegExp(`(?:${alternation(t.ja.statement_endings)})$`, 'u'),
  };
  return compiled;
}

const EMOJI_ONLY = /^(?:(?::[a-z0-9_+-]+:)|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\s)+$/u;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Text with Slack's mentions, channel links and broadcasts taken out, as the words were meant. */
function plain(text: string): string {
  return text
    .replace(/<(?:[@#!][^>]*)>/g, ' ')
    .replace(/<(https?:\/\/[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Who the message mentions: users (`<@U…>`), user groups and broadcasts (`<!here>`, `<!subteam^…>`). */
function mentionsOf(text: string): { users: string[]; people: boolean } {
  const users = [...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1] as string);
  const broadcasts = /<!(?:here|channel|everyone|subteam\^[^>]*)[^>]*>/.test(text);
  return { users, people: broadcasts };
}

/** The form of an English message, after any acknowledgement at its start. */
function englishForm(text: string, t: Compiled): Form {
  const stripped = text.replace(t.enFiller, '').trim();
  if (t.enFollowUp.test(stripped)) return 'follow-up';
  if (/[?？]\s*$/.test(stripped) || t.enQuestion.test(stripped)) return 'question';
  const wordCount = stripped.split(/\s+/).filter(Boolean).length;
  if (t.enStatement.test(stripped) || wordCount > 6) return 'statement';
  return 'keywords';
}

/** The form of a Japanese message, after any acknowledgement at its start. */
function japaneseForm(text: string, t: Compiled): Form {
  const stripped = text.replace(/[\s。.!！~〜ー…w笑]+$/u, '');
  if (t.jaFollowUp.test(stripped)) return 'follow-up';
  if (/[?？]$/.test(text.trim()) || t.jaQuestionWord.test(stripped) || t.jaQuestionEnd.test(stripped))
    return 'question';
  if (t.jaStatementEnd.test(stripped)) return 'statement';
  return 'keywords';
}

/**
 * Reads a message before anything is searched: whether it is for the bot at all (see
 * {@link Verdict}). `botUserId` tells a mention of the bot from a mention of someone else.
 */
export function readMessage(input: { surface: Surface; text: string; botUserId?: string }): Verdict {
  const { surface, text, botUserId } = input;
  if (surface === 'mention') return { say: 'answer', form: 'mention' };
  const words = plain(text);
  // An empty DM is answered with help, as an empty `/policy` is; an empty thread reply is nothing.
  if (!words && surface === 'dm') return { say: 'answer', form: 'command' };
  if (!words || EMOJI_ONLY.test(words))
    return { say: 'nothing', reason: words ? 'acknowledgement' : 'empty' };
  if (surface === 'thread') {
    // A reply naming someone else (and not the bot) is said to them.
    const m = mentionsOf(text);
    const others = m.users.filter((u) => u !== botUserId);
    if (m.people || (others.length && !m.users.includes(botUserId ?? '')))
      return { say: 'nothing', reason: 'someone-else' };
  }
  const command = parseCommand(words);
  if (command.kind !== 'ask') return { say: 'answer', form: 'command' };
  const t = table();
  const japanese = JAPANESE.test(words);
  const ack = japanese ? t.jaAck : t.enAck;
  // "great, thx", "ok thanks all": acknowledgements, one after another, and what they are said to.
  let afterAck = words;
  for (
    let stripped = afterAck.replace(ack, '').trim();
    stripped !== afterAck;
    stripped = afterAck.replace(ack, '').trim()
  )
    afterAck = stripped;
  const acknowledged = afterAck !== words;
  if (acknowledged && (!afterAck.replace(/[\s,.!?。、！？~〜]+/gu, '') || t.enAckTail.test(afterAck)))
    return { say: 'nothing', reason: 'acknowledgement' };
  const rest = acknowledged ? afterAck : words;
  const restCommand = acknowledged ? parseCommand(rest) : command;
  if (restCommand.kind !== 'ask') return { say: 'answer', form: 'command' };
  const form = JAPANESE.test(rest) ? japaneseForm(rest, t) : englishForm(rest, t);
  // "ok, will check tomorrow", "thanks, nice one this week", "了解です、後で読みます": an
  // acknowledgement followed by a remark to people is still chatter; one or two keywords after it
  // ("OK guidelines") are for the bot, answered if they match.
  const fewWords = rest.split(/\s+/).filter(Boolean).length <= 2 && !JAPANESE.test(rest);
  if (acknowledged && (form === 'statement' || (form === 'keywords' && !fewWords)))
    return { say: 'nothing', reason: 'acknowledgement' };
  if (surface === 'dm') return form === 'statement' ? { say: 'if-matched', form } : { say: 'answer', form };
  if (form === 'statement') return { say: 'nothing', reason: 'statement' };
  return { say: 'if-matched', form };
}

/**
 * The decision after searching, for a message {@link readMessage} let through: an answer whose
 * own words matched nothing (no place, no period, no word the corpus has — what a follow-up
 * inherited does not count) is left unsaid where the message may not be for the bot. Replies
 * other than answers (a citation, help, a subscription) were asked for by their form.
 */
export function answerIt(
  verdict: Verdict,
  reply: Reply,
): { answer: true } | { answer: false; reason: SilentReason } {
  if (verdict.say === 'nothing') return { answer: false, reason: verdict.reason };
  if (verdict.say === 'answer' || reply.kind !== 'answer') return { answer: true };
  return ownWordsMatched(reply.answer) ? { answer: true } : { answer: false, reason: 'nothing-matched' };
}
