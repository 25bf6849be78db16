import { randomBytes } from 'node:crypto';

/** Patterns that must never reach a log: Slack tokens, and secrets registered at start. */
const TOKEN = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;
const secrets = new Set<string>();

export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

export function redact(text: string): string {
  let out = text.replace(TOKEN, (t) => `${t.slice(0, 5)}…[redacted]`);
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
  setLevel(level: string): void;
  getLevel(): string;
  setName(name: string): void;
}

function show(m: unknown): string {
  if (m instanceof Error)
    return `${m.name}: ${m.message}${m.stack ? `\n${m.stack.split('\n').slice(1).join('\n')}` : ''}`;
  if (typeof m === 'string') return m;
  try {
    return JSON.stringify(m);
  } catch {
    return String(m);
  }
}

/**
 * A logger Bolt also accepts, writing one redacted line per call to the given sink (stderr by
 * default): whatever Bolt or our code logs, tokens and the signing secret come out masked.
 */
export function createLogger(
  level: Level = 'info',
  sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  let current: Level = level;
  let name = 'policy-bot';
  const write = (lvl: Level, msg: unknown[]) => {
    if (ORDER[lvl] < ORDER[current]) return;
    sink(redact(`${new Date().toISOString()} ${lvl.toUpperCase()} [${name}] ${msg.map(show).join(' ')}`));
  };
  return {
    debug: (...m) => write('debug', m),
    info: (...m) => write('info', m),
    warn: (...m) => write('warn', m),
    error: (...m) => write('error', m),
    setLevel: (l) => {
      if (l in ORDER) current = l as Level;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}

/** A short id that ties the user's apology to the log line with the detail. */
export function errorId(): string {
  return randomBytes(4).toString('hex');
}
