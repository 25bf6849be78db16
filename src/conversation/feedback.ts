import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Filters } from '../commands/inherit.js';
import type { Db } from '../weekly/state.js';
import { answerById } from './answers.js';

export const REASONS = ['wrong_items', 'missing_items', 'other'] as const;
export type Reason = (typeof REASONS)[number];
export type Verdict = 'up' | 'down';

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
const secrets = new WeakMap<Db, string>();

/**
 * This install's key for hashing feedback users: 32 random bytes made the first time it is needed
 * and kept in the state database (mode 0600), so only this install can link a hash to a user id.
 */
function feedbackSecret(db: Db): string {
  const known = secrets.get(db);
  if (known) return known;
  db.prepare('INSERT OR IGNORE INTO install_secrets (name, value, created_at) VALUES (?, ?, ?)').run(
    SECRET_NAME,
    randomBytes(32).toString('hex'),
    new Date().toISOString(),
  );
  const row = db.prepare('SELECT value FROM install_secrets WHERE name = ?').get(SECRET_NAME) as
    | { value: string }
    | undefined;
  if (!row) throw new Error('policy-bot: the feedback secret could not be stored');
  secrets.set(db, row.value);
  return row.value;
}

/**
 * Who clicked, without saying who: an HMAC of the user id under this install's secret, so
 * repeated clicks by one person can be told apart but nobody holding the database and a list
 * of user ids (or the code's old fixed salt) can tell who it was.
 */
export function hashUser(db: Db, userId: string, teamId = ''): string {
  return createHmac('sha256', feedbackSecret(db)).update(`${teamId}:${userId}`).digest('hex').slice(0, 16);
}

/**
 * Records a 👍/👎 on a stored answer: its question, interpretation and the item ids shown (no
 * other message text). Returns the feedback id, or undefined when the answer is unknown.
 */
export function recordFeedback(
  db: Db,
  f: { answerId: string; userId: string; teamId?: string; verdict: Verdict; now: Date },
): number | undefined {
  const answer = answerById(db, f.answerId);
  if (!answer) return undefined;
  const r = db
    .prepare(
      `INSERT INTO feedback (answer_id, question, interpretation, item_ids, user_hash, verdict, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      f.answerId,
      answer.question,
      JSON.stringify(compactInterpretation(answer.filters)),
      JSON.stringify(answer.itemIds),
      hashUser(db, f.userId, f.teamId),
      f.verdict,
      f.now.toISOString(),
    );
  return Number(r.lastInsertRowid);
}

/** Adds the reason and note a 👎 form was sent with; only the clicker's own feedback row. */
export function addFeedbackDetail(
  db: Db,
  d: { feedbackId: number; userId: string; teamId?: string; reason: Reason | null; note: string | null },
): boolean {
  const r = db
    .prepare('UPDATE feedback SET reason = ?, note = ? WHERE feedback_id = ? AND user_hash = ?')
    .run(d.reason, d.note?.slice(0, 1000) ?? null, d.feedbackId, hashUser(db, d.userId, d.teamId));
  return r.changes === 1;
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
export function listFeedback(db: Db, o: { since?: string } = {}): FeedbackRow[] {
  const rows = db
    .prepare('SELECT * FROM feedback WHERE created_at >= ? ORDER BY created_at, feedback_id')
    .all(o.since ?? '') as unknown[];
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
