/**
 * What `policy-bot help` and every `policy-bot <command> --help` print: one table of commands,
 * so the overview and each command's own help never disagree.
 */
interface CommandHelp {
  /** Usage lines with what each does, as the overview prints them. */
  usage: string[];
  /** More detail, printed by `<command> --help` only. */
  details?: string[];
}

const COMMANDS: Record<string, CommandHelp> = {
  ask: {
    usage: [
      'policy-bot ask "<question>" [--json] [--limit N] [--today YYYY-MM-DD]',
      '                                 answer a question (English or Japanese)',
      'policy-bot ask - [--limit N]     one question per stdin line, one JSON line each',
      'policy-bot ask "<question>" --format md|csv [--out FILE]',
      '                                 every result (not a page) as Markdown or CSV (UTF-8 with BOM)',
    ],
  },
  cite: {
    usage: [
      'policy-bot cite <id|URL|words> [--format text|md|csl-json] [--lang en|ja]',
      '                                 cite an event: one line to paste, a Markdown link, or CSL-JSON',
    ],
  },
  digest: {
    usage: [
      'policy-bot digest --week YYYY-MM-DD [--filters "…"] [--json]',
      '                                 the digest of the Monday–Sunday week containing that date',
      'policy-bot digest --run-now      run the scheduled weekly job once (needs Slack credentials)',
    ],
  },
  feedback: {
    usage: [
      'policy-bot feedback [--since YYYY-MM-DD] [--json]',
      '                                 the 👍/👎 given to answers in Slack, with question and items shown',
    ],
  },
  index: {
    usage: [
      'policy-bot index [--force]       build index/ from data/ (deterministic); refuses to replace a',
      "                                 good index with one that lost a document's items unless --force",
    ],
  },
  add: {
    usage: [
      'policy-bot add FILE [--url URL] [--dry-run] [--replace]',
      '                                 add a monthly digest (saved page .html, .pdf or text):',
      '                                 detects the layout, writes data/ and updates index/',
      'policy-bot add URL [--dry-run] [--replace]',
      "                                 the same from the digest page's address (its PDF as a fallback)",
      '                                 then fills its English with the configured provider',
    ],
    details: [
      'All or nothing: on any problem nothing is written and each is printed as file:line: reason.',
      'A download follows redirects on the same host only (http/https), within POLICY_BOT_DOWNLOAD_TIMEOUT',
      'seconds (default 30) and POLICY_BOT_DOWNLOAD_MAX_MB (default 20); the page must be HTML (or a PDF).',
    ],
  },
  fetch: {
    usage: [
      'policy-bot fetch [--dry-run] [--feed URL] [--json]',
      "                                 check the publisher's listing of monthly digests and add the new ones",
    ],
    details: [
      "The listing is POLICY_BOT_FEED_URL (default: the publisher's listing; `off` turns watching off);",
      "like the app, fetch reads the project's .env.",
      'Pages already added, or refused before with the same content, are not tried again (state database).',
      'With --dry-run nothing is written or remembered. With Slack credentials and POLICY_BOT_ADMIN_CHANNEL',
      'set, the admin channel gets the same message the running app posts after its scheduled check.',
    ],
  },
  english: {
    usage: [
      'policy-bot english [--document ID]',
      '                                 how much of the corpus has English, per document',
      'policy-bot english --missing [--json | --csv] [--document ID]',
      '                                 the items without English, and entries to review',
      "                                 (the source's title changed); --csv: a template to fill",
      'policy-bot english import FILE [--by person|deepl|llm]',
      '                                 fill English from a CSV (id,title,summary[,by,date,ja]) or',
      '                                 YAML file; checked first, all or nothing',
      'policy-bot english fill [--document ID]',
      '                                 translate what is missing with the configured provider',
    ],
    details: [
      'English lives in data/english/<document>.yml (title, summary, by, date, ja per item).',
      'fill uses DeepL (DEEPL_API_KEY) or an OpenAI-compatible endpoint (OPENAI_BASE_URL, OPENAI_API_KEY,',
      "OPENAI_MODEL), read from the project's .env; machine-made English is marked for review.",
    ],
  },
  reload: {
    usage: ['policy-bot reload                make the running app re-read data/ (SIGHUP via its pid file)'],
  },
  ingest: {
    usage: [
      'policy-bot ingest [--strict] [--json]',
      '                                 parse data/ into items and report problems and warnings',
    ],
  },
  help: {
    usage: ['policy-bot help [COMMAND]        this text, or one command’s (also: policy-bot COMMAND --help)'],
  },
};

const OPTIONS = `Options: --data DIR, --index DIR (default: the project's data/ and index/), --tz ZONE (default
Asia/Tokyo, or POLICY_BOT_TZ) decides what "today" and "last week" mean.`;

const indent = (lines: string[]) => lines.map((l) => `  ${l}`).join('\n');

/** The overview: every command's usage lines. */
export const USAGE = `policy-bot — answers questions about AI policy from the monthly digests, the annual report and the briefing.

Usage:
${indent(Object.values(COMMANDS).flatMap((c) => c.usage))}

${OPTIONS}`;

/** True when `name` is a command with help of its own. */
export function isCommand(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

/** One command's help: its usage lines, its details, the shared options. */
export function commandUsage(name: string): string {
  const c = COMMANDS[name];
  if (!c) return USAGE;
  return [`Usage:\n${indent(c.usage)}`, ...(c.details ? [c.details.join('\n')] : []), OPTIONS].join('\n\n');
}

/** `--help` or `-h` among a command's arguments: asks for its help, whatever else is there. */
export function asksForHelp(args: readonly string[]): boolean {
  return args.some((a) => a === '--help' || a === '-h');
}
