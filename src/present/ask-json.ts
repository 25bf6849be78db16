import type { AskResult } from '../query/ask.js';
import type { Interpretation } from '../query/understand.js';
import { say, sayAll } from './catalogue.js';

/**
 * An answer with its sentences: the notices' codes rendered in the asker's language as
 * `message`, and how the period was read as `interpretation.periodNote`. The one place an
 * answer's codes become words for the JSON contract and the text renderers.
 */
export function withMessages<R extends AskResult>(r: R): R {
  const message = r.notices?.length ? sayAll(r.lang, r.notices) : r.message;
  const periodNote = r.periodNotice ? say(r.lang, r.periodNotice.code, r.periodNotice.args) : undefined;
  return {
    ...r,
    ...(message ? { message } : {}),
    interpretation: { ...r.interpretation, ...(periodNote ? { periodNote } : {}) },
  };
}

/**
 * The `ask --json` contract: the answer with its messages rendered, without internal fields
 * (the interpretation object, the period's code).
 */
export function askJson(result: AskResult & { interp?: Interpretation }): AskResult {
  const { interp: _interp, periodNotice: _p, ...rest } = withMessages(result);
  return rest;
}
