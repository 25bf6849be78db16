/** Minimal flag parser: `--flag`, `--key value`, `--key=value`, positionals in order. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-' || !a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) flags.set(key, a.slice(eq + 1));
    else if (valued.includes(key)) {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`--${key} needs a value`);
      flags.set(key, v);
      i++;
    } else flags.set(key, true);
  }
  return { positionals, flags };
}

export const flagString = (a: ParsedArgs, key: string): string | undefined => {
  const v = a.flags.get(key);
  return typeof v === 'string' ? v : undefined;
};
