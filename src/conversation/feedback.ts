import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AnswerState } from '../commands/handle.js';
import type { Filters } from '../commands/inherit.js';
import { REASONS, type Reason, type Verdict } from '../store/feedback.js';
import type { StateStores } from '../store/state.js';
import type { Workspace } from '../store/workspace.js';
import { answerById } from './answers.js';

export { REASONS, type Reason, type Verdict } from '../store/feedback.js';

/** One feedback click as listed by `policy-bot feedback`. */
export interface FeedbackRow {
  id: number;
  at: string;
  verdict: Verdict;
  reason: Reason | null;
  note: string | null;
  question: string;
  interpretation: unknown;
  itemIds: string[];
  user: string;
}

/** The interpretation as `ask --json` prints it: what a test question needs to pin, nothing internal. */
export function compactInterpretation(f: Filters) {
  return {
    countries: f.countries,
    regions: f.regions,
    period: f.period ? { from: f.period.from, to: f.period.to, label: f.period.label.en } : null,
    terms: f.groups.map((g) => g.label),
  };
}

const SECRET_NAME = 'feedback-user-hash';
const secrets = new WeakMap<StateStores, string>();

/**
 * This install's key for hashing feedback users: 32 random bytes made the first time it is needed
 * and kept in the state database (mode 0600 for SQLite), so only this install — every replica of
 * it — can link a hash to a user id.
 */
async function feedbackSecret(state: StateStores): Promise<string> {
  const known = secrets.get(state);
  if (known) return known;
  const value = await state.secrets.secret(
    SECRET_NAME,
    () => randomBytes(32).toString('hex'),
    new Date().toISOString(),
  );
  secrets.set(state, value);
  return value;
}

/**
 * Who clicked, without saying who: an HMAC of the user id under this install's secret, so
 * repeated clicks by one person can be told apart but nobody holding the database and a list
 * of user ids (or the code's old fixed salt) can tell who it was.
 */
export async function hashUser(state: StateStores, userId: string, teamId = ''): Promise<string> {
  return createHmac('sha256', await feedbackSecret(state))
    .update(`${teamId}:${userId}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Records a 👍/👎 on a stored answer: its question, interpretation and the item ids shown (no
 * other message text). Returns the feedback id, or undefined when the answer is unknown.
 * `answer` is the stored answer when the caller has already read it (it is not read again).
 */
export async function recordFeedback(
  state: StateStores,
  f: {
    /** The workspace the click came from: the answer is looked up there, and the row records it. */
    workspace: Workspace;
    answerId: string;
    answer?: AnswerState | undefined;
    userId: string;
    teamId?: string;
    verdict: Verdict;
    now: Date;
  },
): Promise<number | undefined> {
  const answer = 'answer' in f ? f.answer : await answerById(state, f.workspace, f.answerId);
  if (!answer) return undefined;
  return state.feedback.add({
    workspace: f.workspace,
    answer_id: f.answerId,
    question: answer.question,
    interpretation: JSON.stringify(compactInterpretation(answer.filters)),
    item_ids: JSON.stringify(answer.itemIds),
    user_hash: await hashUser(state, f.userId, f.teamId),
    verdict: f.verdict,
    created_at: f.now.toISOString(),
  });
}

/** Adds the reason and note a 👎 form was sent with; only the clicker's own feedback row. */
export async function addFeedbackDetail(
  state: StateStores,
  d: { feedbackId: number; userId: string; teamId?: string; reason: Reason | null; note: string | null },
): Promise<boolean> {
  return state.feedback.addDetail(
    d.feedbackId,
    await hashUser(state, d.userId, d.teamId),
    d.reason,
    d.note?.slice(0, 1000) ?? null,
  );
}

const rowSchema = z.object({
  feedback_id: z.number(),
  created_at: z.string(),
  verdict: z.enum(['up', 'down']),
  reason: z.enum(REASONS).nullable(),
  note: z.string().nullable(),
  question: z.string(),
  interpretation: z.string(),
  item_ids: z.string(),
  user_hash: z.string(),
});

/** Feedback since a day (inclusive), oldest first. */
export async function listFeedback(state: StateStores, o: { since?: string } = {}): Promise<FeedbackRow[]> {
  const rows = (await state.feedback.list(o.since ?? '')) as unknown[];
  return rows.map((raw) => {
    const r = rowSchema.parse(raw);
    return {
      id: r.feedback_id,
      at: r.created_at,
      verdict: r.verdict,
      reason: r.reason,
      note: r.note,
      question: r.question,
      interpretation: JSON.parse(r.interpretation),
      itemIds: JSON.parse(r.item_ids) as string[],
      user: r.user_hash,
    };
  });
}
