import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommand } from './commands/parse.js';
import { answerModel, renderAnswerText } from './present/answer.js';
import { renderCitationText } from './present/citation.js';
import { renderHelpText } from './present/help.js';
import { ask } from './query/ask.js';
import { cite } from './query/cite.js';
import type { SearchIndex } from './search/index-store.js';
import { errorId } from './util/logger.js';
import { cleanQuestion, truncationNote } from './util/sanitize.js';

export interface ConsoleDeps {
  index: () => SearchIndex;
  today: () => string;
  input: Readable;
  output: Writable;
  /** Where failures are logged with their error id (stderr by default); never the output. */
  errors?: Writable;
  /** Renders a digest preview without Slack (`digest [date]`), when digests are available. */
  digestPreview?: (date: string | undefined) => string;
}

export const CONNECT_HINT =
  'No Slack credentials found, so this is the local console. To connect to Slack, set SLACK_BOT_TOKEN and ' +
  'SLACK_APP_TOKEN (Socket Mode) or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP) in .env — see .env.example and README.md.';

/**
 * The local console: the same commands and questions as `/policy`, answered from the same
 * message model, rendered as plain text. Ends on `quit`, `exit` or end of input.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const out = (s: string) => deps.output.write(`${s}\n`);
  out(
    `policy-bot — ${deps.index().items.length} items. Ask in English or Japanese; "help" for commands, "quit" to leave.`,
  );
  out(CONNECT_HINT);
  const rl = createInterface({ input: deps.input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  let last: { question: string; offset: number; today: string } | undefined;
  deps.output.write('> ');
  for await (const raw of rl) {
    const q = cleanQuestion(raw);
    const line = q.text.trim();
    if (/^(quit|exit|bye|終了)$/i.test(line)) break;
    if (line) {
      try {
        const cmd = parseCommand(line);
        switch (cmd.kind) {
          case 'help':
            out(renderHelpText(deps.index().manifest, '/policy'));
            break;
          case 'cite':
            out(renderCitationText(cite(deps.index(), cmd.arg, deps.today())));
            break;
          case 'more': {
            if (!last) {
              out('Nothing to continue: ask a question first.');
              break;
            }
            const offset = last.offset + 5;
            const r = ask(deps.index(), last.question, { today: last.today, limit: 5, offset });
            last = { ...last, offset };
            out(renderAnswerText(answerModel(r, last.today, offset)));
            break;
          }
          case 'digest':
            out(deps.digestPreview ? deps.digestPreview(cmd.date) : 'Digests are not available here.');
            break;
          case 'subscribe':
          case 'unsubscribe':
          case 'subscriptions':
            out(
              'Subscriptions belong to Slack channels: connect to Slack to use them (try "digest" for a preview).',
            );
            break;
          case 'ask': {
            const today = deps.today();
            const r = ask(deps.index(), cmd.question, { today, limit: 5 });
            last = { question: cmd.question, offset: 0, today };
            out(renderAnswerText(answerModel(r, today, 0)));
            const note = truncationNote(q, r.lang === 'ja' ? 'ja' : 'en');
            if (note) out(note.replace(/^:scissors: /, ''));
            break;
          }
        }
      } catch (err) {
        // The detail is for the operator's log, not the person typing: no internal message here.
        const id = errorId();
        (deps.errors ?? process.stderr).write(
          `[${id}] console: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
        );
        out(`Sorry, that question could not be answered (error id: ${id}). Try rephrasing it.`);
      }
    }
    deps.output.write('> ');
  }
  out('');
  rl.close();
}
