import { randomBytes } from 'node:crypto';
import { type AnswerState, answerStateSchema } from '../commands/handle.js';
import { type Db, reportFault } from '../weekly/state.js';

/** How long a thread or DM remembers its last answer for follow-ups (and the bot stays in it). */
export const THREAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a conversation-state step that answering can do without: with no state database, or when
 * it fails (the fault is reported, naming the file), the answer goes on without that step.
 */
function optional<T>(db: Db | undefined, fallback: T, step: (db: Db) => T): T {
  if (!db) return fallback;
  try {
    return step(db);
  } catch (err) {
    reportFault(db, err);
    return fallback;
  }
}

/** A DM's own conversation (messages not in a thread) is keyed by this thread id. */
export const DM_ROOT = 'dm';

interface AnswerRow {
  answer_id: string;
  question: string;
  lang: string;
  today: string;
  inherit: string | null;
  page_offset: number;
  item_ids: string;
  total: number;
  interpretation: string;
  suggestion_ids: string | null;
}

/**
 * Stores an answer page as shown, so its buttons (pages, share, feedback) and its thread's
 * follow-ups can find it again; returns its id. The question is the only message text kept.
 */
export function rememberAnswer(db: Db | undefined, state: AnswerState, now: Date): string | undefined {
  return optional(db, undefined, (db) => storeAnswer(db, state, now));
}

function storeAnswer(db: Db, state: AnswerState, now: Date): string {
  const id = randomBytes(9).toString('base64url');
  db.prepare(
    `INSERT INTO answers (answer_id, question, lang, today, inherit, page_offset, item_ids, total, interpretation, created_at, suggestion_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    state.question,
    state.lang,
    state.today,
    state.inherit ? JSON.stringify(state.inherit) : null,
    state.offset,
    JSON.stringify(state.itemIds),
    state.total,
    JSON.stringify(state.filters),
    now.toISOString(),
    state.suggestionIds?.length ? JSON.stringify(state.suggestionIds) : null,
  );
  if (Math.random() < 0.01) pruneConversations(db, now);
  return id;
}

function fromRow(row: AnswerRow | undefined): AnswerState | undefined {
  if (!row) return undefined;
  const parsed = answerStateSchema.safeParse({
    question: row.question,
    lang: row.lang,
    today: row.today,
    inherit: row.inherit ? JSON.parse(row.inherit) : null,
    offset: row.page_offset,
    itemIds: JSON.parse(row.item_ids),
    total: row.total,
    filters: JSON.parse(row.interpretation),
    ...(row.suggestion_ids ? { suggestionIds: JSON.parse(row.suggestion_ids) } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/** A stored answer page by id (a button's value); `undefined` when unknown or unreadable. */
export function answerById(db: Db | undefined, id: string): AnswerState | undefined {
  return optional(db, undefined, (db) =>
    fromRow(db.prepare('SELECT * FROM answers WHERE answer_id = ?').get(id) as AnswerRow | undefined),
  );
}

/**
 * Records that the bot took part in a thread (or DM) now; with `answerId`, that answer becomes
 * the one the thread's follow-ups build on (a citation or help reply keeps the earlier answer).
 */
export function linkThread(
  db: Db | undefined,
  channelId: string,
  threadTs: string,
  answerId: string | undefined,
  now: Date,
): void {
  optional(db, undefined, (db) => storeThread(db, channelId, threadTs, answerId, now));
}

function storeThread(
  db: Db,
  channelId: string,
  threadTs: string,
  answerId: string | undefined,
  now: Date,
): void {
  if (answerId)
    db.prepare(
      `INSERT INTO threads (channel_id, thread_ts, answer_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (channel_id, thread_ts) DO UPDATE SET answer_id = excluded.answer_id, updated_at = excluded.updated_at`,
    ).run(channelId, threadTs, answerId, now.toISOString());
  else
    db.prepare(
      `INSERT INTO threads (channel_id, thread_ts, answer_id, updated_at) VALUES (?, ?, '', ?)
       ON CONFLICT (channel_id, thread_ts) DO UPDATE SET updated_at = excluded.updated_at`,
    ).run(channelId, threadTs, now.toISOString());
  if (Math.random() < 0.01) pruneConversations(db, now);
}

/**
 * A thread the bot took part in within the time limit, with its last answer if it has one;
 * `undefined` means the bot is not (or no longer) part of that thread.
 */
export function threadContext(
  db: Db | undefined,
  channelId: string,
  threadTs: string,
  now: Date,
  ttlMs = THREAD_TTL_MS,
): { previous?: AnswerState } | undefined {
  return optional(db, undefined, (db) => readThread(db, channelId, threadTs, now, ttlMs));
}

function readThread(
  db: Db,
  channelId: string,
  threadTs: string,
  now: Date,
  ttlMs: number,
): { previous?: AnswerState } | undefined {
  const row = db
    .prepare('SELECT answer_id FROM threads WHERE channel_id = ? AND thread_ts = ? AND updated_at >= ?')
    .get(channelId, threadTs, new Date(now.getTime() - ttlMs).toISOString()) as
    | { answer_id: string }
    | undefined;
  if (!row) return undefined;
  const previous = row.answer_id ? answerById(db, row.answer_id) : undefined;
  return previous ? { previous } : {};
}

/** Forgets conversations past their time limit (answers with feedback keep their feedback rows). */
export function pruneConversations(db: Db, now: Date, ttlMs = THREAD_TTL_MS): void {
  const cutoff = new Date(now.getTime() - Math.max(ttlMs, 7 * 86_400_000)).toISOString();
  db.prepare('DELETE FROM threads WHERE updated_at < ?').run(cutoff);
  db.prepare('DELETE FROM answers WHERE created_at < ?').run(cutoff);
}
