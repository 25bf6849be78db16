import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the module at `moduleUrl` (the caller's `import.meta.url`: .js from dist/, .ts under tsx,
 * whose loader `execArgv` carries) in a child Node process with `args`, for seconds of synchronous
 * work that would otherwise hold up acks. Each line the child writes to stderr goes to `log` as it
 * comes. Resolves with the child's stdout when it exits 0; otherwise rejects with its last stderr
 * line (without the `policy-bot: ` prefix), or `<name> exited with <code>` when it said nothing.
 */
export async function runInChildProcess(
  moduleUrl: string,
  args: readonly string[],
  { name, log = () => {} }: { name: string; log?: (line: string) => void },
): Promise<string> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(moduleUrl), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
  });
  let last = '';
  let buffered = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const l of lines)
      if (l.trim()) {
        last = l;
        log(l);
      }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (buffered.trim()) last = buffered.trim();
  if (code !== 0) throw new Error(last.replace(/^policy-bot: /, '') || `${name} exited with ${code}`);
  return out;
}

/**
 * The child's side of {@link runInChildProcess}: when the module at `moduleUrl` is the one Node
 * was started with, runs `main` with the command line's arguments and exits with its code, or
 * with 1 after `<failurePrefix><message>` on stderr when it throws. Does nothing on an import.
 */
export function runWhenStarted(
  moduleUrl: string,
  main: (args: string[]) => Promise<number>,
  failurePrefix: string,
): void {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`${failurePrefix}${err.message}\n`);
      process.exit(1);
    },
  );
}
