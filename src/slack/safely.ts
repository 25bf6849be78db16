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

/** Resolves after the I/O already waiting has been handled (setImmediate, not a timer). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
