import { say } from '../present/catalogue.js';
import { errorId } from '../util/logger.js';
import type { SlackDeps } from './deps.js';

/** The one friendly failure message, carrying the id under which the detail was logged. */
export function sorry(id: string, lang: 'en' | 'ja' = 'en'): string {
  return say(lang, 'sorry', { id });
}

/**
 * Input the user (or a forged request) got wrong, as opposed to a fault of ours: the user is told
 * what was wrong in `en`/`ja` words of our own, never the internal message.
 */
export class BadInputError extends Error {
  constructor(
    message: string,
    readonly tell: { en: string; ja: string },
  ) {
    super(message);
    this.name = 'BadInputError';
  }
}

const waiting: (() => void)[] = [];
let granting = false;

/** Lets one waiter run, then hands the next turn to the event loop's next iteration. */
function grant(): void {
  waiting.shift()?.();
  // An immediate queued from inside the check phase runs in the next loop iteration, after the
  // poll phase: requests that arrived during this answer are read and acked before the next one.
  if (waiting.length) setImmediate(grant);
  else granting = false;
}

/**
 * Resolves when it is this caller's turn: one turn per event-loop iteration, in arrival order,
 * each after the I/O already waiting has been handled (setImmediate, not a timer). A burst of
 * fifty questions is then answered one per iteration, and a request arriving meanwhile waits
 * for one answer at most before it is acked, not for all of the burst's (one setImmediate each
 * would run them back to back in a single check phase).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!granting) {
      granting = true;
      setImmediate(grant);
    }
  });
}

/**
 * Runs a listener body so that nothing escapes: on failure the log gets the detail with an
 * error id, and the user gets one short, friendly message carrying the same id.
 */
export async function safely(
  deps: SlackDeps,
  where: string,
  body: () => Promise<void>,
  tellUser: (message: string) => Promise<unknown>,
  lang: 'en' | 'ja' = 'en',
): Promise<void> {
  try {
    // Every listener has acked by now; the search itself is synchronous, so it waits for the
    // event loop's next check phase: requests that arrived meanwhile are read and acked first,
    // and a burst of questions never holds another request's ack behind its answers.
    await nextTurn();
    await body();
  } catch (err) {
    const id = errorId();
    const bad = err instanceof BadInputError;
    const slackCode = (err as { data?: { error?: unknown } })?.data?.error;
    if (typeof slackCode === 'string') deps.metrics?.slackError(where, slackCode);
    if (bad) deps.logger.warn(`[${id}] ${where} refused: ${err.message}`);
    else deps.logger.error(`[${id}] ${where} failed:`, err);
    try {
      await tellUser(
        bad ? `${err.tell[lang]} (${lang === 'ja' ? 'エラーID' : 'error id'}: ${id})` : sorry(id, lang),
      );
    } catch (again) {
      deps.logger.error(`[${id}] could not tell the user either:`, again);
    }
  }
}

/** Runs `work`; if it is still running after `afterMs`, calls `onSlow` once (a "searching…" hint). */
export async function withProgress<T>(
  work: () => Promise<T> | T,
  onSlow: () => Promise<unknown>,
  afterMs = 1500,
): Promise<T> {
  const timer = setTimeout(() => {
    onSlow().catch(() => undefined);
  }, afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
  }
}
