import { z } from 'zod';
import type { AnswerModel } from '../present/answer.js';
import { answerModel, PAGE_SIZE } from '../present/answer.js';
import type { MessageCode } from '../present/catalogue.js';
import { ask } from '../query/ask.js';
import { type CiteResult, cite, unslack } from '../query/cite.js';
import { shiftYears } from '../query/period.js';
import type { Lang } from '../query/understand.js';
import type { Manifest, SearchIndex } from '../search/index-store.js';
import { UNKEYED, type Workspace } from '../store/workspace.js';
import type { Actor } from '../weekly/access.js';
import type { DigestCommands, RenderedReply } from './digest-commands.js';
import { type Dimension, type Filters, filtersOf, filtersSchema, inherit } from './inherit.js';
import type { Command } from './parse.js';

/**
 * What a conversation remembers of an answer page: enough to show another page of it, to cite
 * "item 2" of it, and to let a follow-up inherit its filters. Stored in SQLite by Slack, in
 * memory by the console.
 */
export interface AnswerState {
  question: string;
  lang: Lang;
  /** The day the question was asked: "last week" keeps meaning the same week on every page. */
  today: string;
  /** Filters inherited from the earlier question, re-applied on every page; null when none. */
  inherit: Filters | null;
  offset: number;
  itemIds: string[];
  total: number;
  /** The filters in force after merging, which the next follow-up inherits from. */
  filters: Filters;
  /** When the answer abstained: the suggestions it showed, numbered 1… for `cite N`. */
  suggestionIds?: string[];
}

export const answerStateSchema = z.object({
  question: z.string(),
  lang: z.enum(['en', 'ja']),
  today: z.string(),
  inherit: filtersSchema.nullable(),
  offset: z.number().int().nonnegative(),
  itemIds: z.array(z.string()),
  total: z.number().int().nonnegative(),
  filters: filtersSchema,
  suggestionIds: z.array(z.string()).optional(),
}) as unknown as z.ZodType<AnswerState>;

/** A reply, not yet in any language or format: Slack, the console and the CLI render it. */
export type Reply =
  | { kind: 'answer'; answer: AnswerModel; state: AnswerState }
  | { kind: 'citation'; citation: CiteResult }
  | { kind: 'help'; manifest: Manifest }
  | {
      kind: 'message';
      lang: Lang;
      code: MessageCode;
      args?: Record<string, string | number | readonly string[]>;
    }
  | { kind: 'rendered'; reply: RenderedReply; plain?: string }
  | {
      /** A channel-wide change asked for in a thread: not made there; the asker confirms or uses `/policy`. */
      kind: 'channelChange';
      lang: Lang;
      change: 'subscribe' | 'unsubscribe';
      filters: string;
      channelId: string;
    };

export interface HandleDeps {
  index: SearchIndex;
  today: string;
  /** The weekly digest's subscription commands (Slack channels only). */
  digest?: DigestCommands;
  /** A digest preview as plain text, where there is no channel (the console). */
  digestText?: (date: string | undefined, lang: Lang) => string;
  pageSize?: number;
}

export interface HandleInput {
  command: Command;
  /** The asker's language, from the text they typed (not from the parsed command). */
  lang: Lang;
  /** The conversation's last answer (a thread, a DM, the console); follow-ups build on it. */
  previous?: AnswerState;
  where?: {
    /** The workspace it was sent in (`src/store/workspace.ts`); none ('') for the console. */
    workspace?: Workspace;
    channelId: string;
    userId?: string;
    teamId?: string;
    /** Typed in a thread (a reply or a mention there): channel-wide changes are not made from it. */
    inThread?: boolean;
    /** Who is asking, for changes only some may make (a channel's subscription). */
    actor?: Actor;
  };
}

/** One page of a remembered answer: the same question, day and inherited filters, at `offset`. */
export function answerPage(
  index: SearchIndex,
  state: Pick<AnswerState, 'question' | 'today' | 'inherit'>,
  offset: number,
  o: { sharedBy?: string; pageSize?: number } = {},
): Reply & { kind: 'answer' } {
  const earlier = state.inherit;
  let inherited: Dimension[] = [];
  let merged: Filters | undefined;
  const r = ask(index, state.question, {
    today: state.today,
    limit: o.pageSize ?? PAGE_SIZE,
    offset,
    adjust: (own) => {
      if (!earlier) {
        merged = filtersOf(own);
        return own;
      }
      const m = inherit(own, earlier);
      inherited = m.inherited;
      merged = filtersOf(m.interp);
      return m.interp;
    },
  });
  const filters = merged ?? filtersOf(r.interp);
  const suggestionIds = r.results.length ? [] : (r.suggestions ?? []).map((i) => i.id);
  return {
    kind: 'answer',
    answer: answerModel(r, { offset, inherited, ...(o.sharedBy ? { sharedBy: o.sharedBy } : {}) }),
    state: {
      question: state.question,
      lang: r.lang,
      today: state.today,
      inherit: earlier,
      offset,
      itemIds: r.results.map((i) => i.id),
      total: r.total,
      filters: { ...filters, period: periodAsSearched(filters.period, r.interpretation.period) },
      ...(suggestionIds.length ? { suggestionIds } : {}),
    },
  };
}

/**
 * The period a follow-up inherits: the one the answer was searched with. A bare "December" was
 * read as the latest December the corpus covers (December 2025); that is what the thread keeps,
 * whole, so "what about Korea?" means Korea in December 2025 and says so.
 */
function periodAsSearched(
  period: Filters['period'],
  searched: { from: string; to: string } | null,
): Filters['period'] {
  if (!period || !searched || period.kind !== 'bare' || searched.from === period.from) return period;
  const years = Number(period.from.slice(0, 4)) - Number(searched.from.slice(0, 4));
  const shifted = shiftYears(period, years);
  return shifted.from === searched.from && shifted.to === searched.to
    ? { ...shifted, kind: 'absolute' }
    : period;
}

/**
 * The item numbered `n` in an answer as its asker saw it: numbers run across pages (the second
 * page shows 6–10), so `cite 1` after `more` is still the first item. An item on an earlier page
 * is found again by asking the same question for that one position. An answer that only offered
 * suggestions numbers those. Returns the last number shown when there is no such item.
 */
function itemNumbered(
  index: SearchIndex,
  previous: AnswerState,
  n: number,
): { id: string } | { last: number } {
  const shown = previous.itemIds;
  if (!shown.length) {
    const suggestions = previous.suggestionIds ?? [];
    const id = suggestions[n - 1];
    return id && n >= 1 ? { id } : { last: suggestions.length };
  }
  const first = previous.offset + 1;
  const last = previous.offset + shown.length;
  if (n >= first && n <= last) return { id: shown[n - first] as string };
  if (n >= 1 && n < first) {
    const id = answerPage(index, previous, n - 1, { pageSize: 1 }).state.itemIds[0];
    if (id) return { id };
  }
  return { last };
}

/** A question, as a follow-up when there is an earlier one: it inherits what it does not say. */
function answerQuestion(deps: HandleDeps, question: string, previous?: AnswerState): Reply {
  const pageSize = deps.pageSize ?? PAGE_SIZE;
  if (previous) {
    const followUp = answerPage(deps.index, { question, today: deps.today, inherit: previous.filters }, 0, {
      pageSize,
    });
    // Inheriting is a guess: when it leaves nothing and the question alone finds something, the
    // asker changed the subject.
    if (followUp.answer.total > 0 || !followUp.answer.understood.some((p) => p.inherited)) return followUp;
    const alone = answerPage(deps.index, { question, today: deps.today, inherit: null }, 0, { pageSize });
    return alone.answer.total > 0 ? alone : followUp;
  }
  return answerPage(deps.index, { question, today: deps.today, inherit: null }, 0, { pageSize });
}

/**
 * The one command path: a parsed command, the asker's language and the conversation so far →
 * a reply model. Slack, the console and the CLI differ only in how they render it.
 */
export async function handleCommand(deps: HandleDeps, input: HandleInput): Promise<Reply> {
  const { command, lang, previous } = input;
  switch (command.kind) {
    case 'help':
      return { kind: 'help', manifest: deps.index.manifest };
    case 'ask':
      return answerQuestion(deps, unslack(command.question), previous);
    case 'more': {
      if (!previous)
        return { kind: 'message', lang, code: input.where ? 'moreUseButton' : 'moreNeedsQuestion' };
      const offset = previous.offset + previous.itemIds.length;
      if (offset >= previous.total)
        return { kind: 'message', lang, code: 'endOfAnswer', args: { total: previous.total } };
      return answerPage(deps.index, previous, offset, { pageSize: deps.pageSize ?? PAGE_SIZE });
    }
    case 'cite': {
      const n = /^\d{1,3}$/.test(command.arg.trim()) ? Number(command.arg.trim()) : undefined;
      if (previous && n !== undefined) {
        // "cite 7" is the item numbered 7, on whichever page the asker saw it.
        const found = itemNumbered(deps.index, previous, n);
        if (!('id' in found))
          return { kind: 'message', lang, code: 'noSuchItem', args: { n, shown: found.last } };
        return { kind: 'citation', citation: { ...cite(deps.index, found.id, deps.today), lang } };
      }
      return { kind: 'citation', citation: cite(deps.index, command.arg, deps.today) };
    }
    case 'digest':
    case 'subscribe':
    case 'unsubscribe':
    case 'subscriptions':
      return digestReply(deps, input);
  }
}

async function digestReply(deps: HandleDeps, input: HandleInput): Promise<Reply> {
  const { command, lang, where } = input;
  if (!where || !deps.digest) {
    if (command.kind === 'digest' && deps.digestText) {
      const text = deps.digestText(command.date, lang);
      return { kind: 'rendered', reply: { text, blocks: [] }, plain: text };
    }
    return { kind: 'message', lang, code: where ? 'digestsDisabled' : 'subscriptionsNeedSlack' };
  }
  const d = deps.digest;
  // A subscription is the whole channel's: a thread reply (perhaps a side conversation) does not
  // change it; the asker confirms with a button or uses /policy in the channel.
  if (where.inThread && (command.kind === 'subscribe' || command.kind === 'unsubscribe'))
    return {
      kind: 'channelChange',
      lang,
      change: command.kind,
      filters: command.kind === 'subscribe' ? command.filters : '',
      channelId: where.channelId,
    };
  const at = { workspace: where.workspace ?? UNKEYED, channelId: where.channelId, lang };
  const actor = where.actor ? { actor: where.actor } : {};
  const rendered = (reply: RenderedReply): Reply => ({ kind: 'rendered', reply });
  switch (command.kind) {
    case 'subscribe':
      return rendered(
        await d.subscribe({
          ...at,
          filters: command.filters,
          ...(where.userId ? { userId: where.userId } : {}),
          ...(where.teamId ? { teamId: where.teamId } : {}),
          ...actor,
        }),
      );
    case 'unsubscribe':
      return rendered(await d.unsubscribe({ ...at, ...actor }));
    case 'subscriptions':
      return rendered(await d.subscriptions(at.workspace, at.channelId, lang));
    default:
      return rendered(
        await d.preview({
          ...at,
          ...(command.kind === 'digest' && command.date ? { date: command.date } : {}),
        }),
      );
  }
}
