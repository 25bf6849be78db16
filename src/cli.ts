import { resolve } from 'node:path';
import { ingestCorpus } from './ingest/corpus.js';
import { summarize } from './ingest/summary.js';
import { flagString, parseArgs } from './util/args.js';
import { type Io, println, processIo } from './util/io.js';
import { defaultDataDir } from './util/paths.js';

const USAGE = `policy-bot — answers questions about AI policy from the monthly digests, the annual report and the briefing.

Usage:
  policy-bot ingest [--strict] [--json] [--data DIR]   parse data/ into items and report problems
  policy-bot help                                      this text`;

/** Entry point shared by bin/policy-bot.js and the tests; returns the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ingest':
        return ingestCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        println(io.stdout, USAGE);
        return 0;
      default:
        println(io.stderr, `policy-bot: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    println(io.stderr, err instanceof Error ? err.message : String(err));
    return 1;
  }
}

function ingestCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['data']);
  const dataDir = resolve(io.cwd, flagString(args, 'data') ?? defaultDataDir(io.env));
  const corpus = ingestCorpus(dataDir);
  if (args.flags.has('json')) {
    println(io.stdout, JSON.stringify(corpus.items, null, 2));
    for (const p of corpus.problems)
      println(io.stderr, `problem: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  } else println(io.stdout, summarize(corpus));
  return args.flags.has('strict') && corpus.problems.length > 0 ? 1 : 0;
}
