import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type AnswerState, handleCommand } from './commands/handle.js';
import { parseCommand } from './commands/parse.js';
import { say } from './present/catalogue.js';
import { renderReplyText } from './present/reply.js';
import { detectLang, type Lang } from './query/understand.js';
import type { SearchIndex } from './search/index-store.js';
import { errorId } from './util/logger.js';
import { cleanQuestion, truncationNote } from './util/sanitize.js';

export interface ConsoleDeps {
  index: () => SearchIndex;
  today: () => string;
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  /** Renders a digest preview without Slack (`digest [date]`), when digests are available. */
  digestPreview?: (date: string | undefined, lang: Lang) => string;
  /** Where failures are logged with their error id (stderr by default); never the output. */
  errors?: Writable;
  /** Where a terminal session keeps its line history between runs (none: history for this run only). */
  historyFile?: string;
}

const HISTORY_SIZE = 200;

/** Earlier sessions' lines, newest first as readline wants them; none when the file is missing or unreadable. */
function loadHistory(path: string | undefined): string[] {
  if (!path) return [];
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function saveHistory(path: string | undefined, history: string[]): void {
  if (!path) return;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${[...history].reverse().join('\n')}\n`);
  } catch {
    // History is a convenience: failing to save it must not end the session with an error.
  }
}

export const CONNECT_HINT =
  'No Slack credentials found, so this is the local console. To connect to Slack, set SLACK_BOT_TOKEN and ' +
  'SLACK_APP_TOKEN (Socket Mode) or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP) in .env — see .env.example and README.md.';

/** What the console reads as a command: the same text as Slack's, with or without `/policy`. */
export function consoleText(line: string): string {
  return line.replace(/^\/policy(?=\s|$)/i, '').trim();
}

/**
 * The local console: the same commands and questions as `/policy` (typed with or without
 * `/policy`), through the same command handler as Slack, rendered by the one plain-text
 * renderer. The conversation works like a Slack thread: `more` pages (and says when it has
 * shown everything), `cite 2` cites the second item, and follow-ups inherit filters. On a
 * terminal, Node's readline gives line editing and history (arrow keys). Ends on `quit`,
 * `exit` or end of input.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const out = (s: string) => deps.output.write(`${s}\n`);
  out(
    `policy-bot — ${deps.index().items.length} items. Ask in English or Japanese; "help" for commands, "quit" to leave.`,
  );
  out(CONNECT_HINT);
  const terminal = Boolean(deps.input.isTTY && deps.output.isTTY);
  const rl = createInterface({
    input: deps.input,
    output: deps.output,
    terminal,
    history: terminal ? loadHistory(deps.historyFile) : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    crlfDelay: Number.POSITIVE_INFINITY,
    prompt: '> ',
  });
  let previous: AnswerState | undefined;
  rl.prompt();
  for await (const raw of rl) {
    const q = cleanQuestion(raw);
    const line = consoleText(q.text.trim());
    if (/^(quit|exit|bye|終了)$/i.test(line)) break;
    if (line) {
      const lang = detectLang(line);
      try {
        const reply = await handleCommand(
          {
            index: deps.index(),
            today: deps.today(),
            ...(deps.digestPreview ? { digestText: deps.digestPreview } : {}),
          },
          { command: parseCommand(line), lang, ...(previous ? { previous } : {}) },
        );
        if (reply.kind === 'answer') previous = reply.state;
        out(renderReplyText(reply, { conversational: true }));
        const note = truncationNote(q, lang);
        if (note) out(note.replace(/^:scissors: /, ''));
      } catch (err) {
        // The detail is for the operator's log, not the person typing: no internal message here.
        const id = errorId();
        (deps.errors ?? process.stderr).write(
          `[${id}] console: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
        );
        out(say(lang, 'failedWithId', { id }));
      }
    }
    rl.prompt();
  }
  out('');
  if (terminal) saveHistory(deps.historyFile, (rl as unknown as { history: string[] }).history ?? []);
  rl.close();
}
