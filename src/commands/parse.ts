/** What a line typed to policy-bot asks for; anything that is not a known subcommand is a question. */
export type Command =
  | { kind: 'help' }
  | { kind: 'cite'; arg: string }
  | { kind: 'ask'; question: string }
  | { kind: 'subscribe'; filters: string }
  | { kind: 'unsubscribe' }
  | { kind: 'subscriptions' }
  | { kind: 'digest'; date?: string }
  | { kind: 'more' };

const WORDS: [RegExp, (rest: string) => Command][] = [
  [/^(?:help|ヘルプ|使い方|\?|？)$/i, () => ({ kind: 'help' })],
  [/^(?:cite|citation|引用|出典)$/i, (rest) => ({ kind: 'cite', arg: rest })],
  [/^(?:subscribe|購読)$/i, (rest) => ({ kind: 'subscribe', filters: rest })],
  [/^(?:unsubscribe|購読解除|購読停止)$/i, () => ({ kind: 'unsubscribe' })],
  [/^(?:subscriptions|subscription|購読状況)$/i, () => ({ kind: 'subscriptions' })],
  [/^(?:digest|ダイジェスト)$/i, (rest) => ({ kind: 'digest', ...(rest ? { date: rest } : {}) })],
  [/^(?:more|次|もっと)$/i, () => ({ kind: 'more' })],
];

/** Parses `/policy …` text, a mention or a DM. Subcommands take the rest of the line as their argument. */
export function parseCommand(text: string): Command {
  const trimmed = text.normalize('NFKC').trim();
  if (!trimmed) return { kind: 'help' };
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const arg = rest.join(' ');
  for (const [re, make] of WORDS) {
    if (re.test(first)) {
      const cmd = make(arg);
      // "help me with red teaming" or "more on Korea" are questions, not subcommands.
      if (
        (cmd.kind === 'help' ||
          cmd.kind === 'more' ||
          cmd.kind === 'unsubscribe' ||
          cmd.kind === 'subscriptions') &&
        arg
      )
        break;
      return cmd;
    }
  }
  return { kind: 'ask', question: text.trim() };
}
