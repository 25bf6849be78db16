import { Cron } from 'croner';
import type { DigestCommands, RenderedReply } from '../commands/digest-commands.js';
import { type Block, mrkdwnText } from '../present/blocks.js';
import { say } from '../present/catalogue.js';
import { formatDate } from '../present/labels.js';
import { escapeMrkdwn } from '../present/mrkdwn.js';
import { mention, slackDate } from '../present/slack-date.js';
import { addDays, todayIn } from '../query/dates.js';
import { findPeriods } from '../query/period.js';
import { detectLang, type Lang } from '../query/understand.js';
import type { SearchIndex } from '../search/index-store.js';
import type { DigestStore } from '../store/digest.js';
import type { StateStores } from '../store/state.js';
import { errorId, type Logger } from '../util/logger.js';
import { mayChange } from './access.js';
import { filtersLabel, renderDigest } from './render.js';
import { parseSubscribeText, type SectionKey, storedOrder } from './sections.js';
import { applyFilters, weekItems } from './select.js';
import { isStateFault, stateError } from './state.js';
import { previousWeek, weekContaining } from './week.js';

export interface ServiceDeps {
  store: DigestStore;
  index: () => SearchIndex;
  clock: () => Date;
  today: () => string;
  cron: string;
  timeZone: string;
  /** DIGEST_POST_EMPTY: whether a week with nothing new is still posted ("nothing new this week"). */
  postEmpty?: boolean;
}

const section = (text: string): Block => ({ type: 'section', text: mrkdwnText(text) });

/** The next scheduled run after `now`, or undefined when the schedule has none. */
function nextRunAt(cron: string, timeZone: string, now: Date): Date | undefined {
  return new Cron(cron, { timezone: timeZone, paused: true }).nextRun(now) ?? undefined;
}

/** The next run as a Slack date token (each reader sees their own zone), or "never". */
function nextRunText(cron: string, timeZone: string, now: Date): string {
  const next = nextRunAt(cron, timeZone, now);
  return next ? slackDate(next, timeZone) : 'never';
}

/** Reads a `digest [date]` argument: any date or period expression; the week containing its start. */
export function weekFor(arg: string | undefined, today: string): { from: string; to: string } | undefined {
  if (!arg?.trim()) return weekContaining(addDays(today, -7));
  const p = findPeriods(arg.normalize('NFKC'), today)[0];
  return p ? weekContaining(p.period.from) : undefined;
}

/**
 * When the next run will find nothing new unless a month is added: the newest dated event the
 * corpus has ends before the week that run reports on. Returns the newest month, as the asker
 * reads it ("January 2026"), so a confirmation can say so instead of promising a digest.
 */
function quietUntilNewMonth(
  index: SearchIndex,
  cron: string,
  timeZone: string,
  now: Date,
  lang: Lang,
): { month: string; next?: Date } | undefined {
  let latest = '';
  for (const it of index.items)
    if (it.kind === 'event' && it.date && it.date.end > latest) latest = it.date.end;
  if (!latest) return undefined;
  const next = nextRunAt(cron, timeZone, now);
  const reportsOn = next ? previousWeek(next, timeZone) : weekContaining(todayIn(timeZone, now));
  if (latest >= reportsOn.from) return undefined;
  const [y, m] = latest.split('-').map(Number) as [number, number];
  const start = `${latest.slice(0, 7)}-01`;
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { month: formatDate({ start, end }, lang), ...(next ? { next } : {}) };
}

/** The line that says what comes next: the next run, or honestly that nothing will until a new month. */
function whatNext(d: ServiceDeps, lang: Lang): string {
  const now = d.clock();
  const quiet = quietUntilNewMonth(d.index(), d.cron, d.timeZone, now, lang);
  if (!quiet) return `${say(lang, 'nextRun')}: ${nextRunText(d.cron, d.timeZone, now)}`;
  if (d.postEmpty && quiet.next)
    return `:information_source: ${say(lang, 'noNewItemsEmpty', { month: quiet.month, next: slackDate(quiet.next, d.timeZone) })}`;
  return `:information_source: ${say(lang, 'noNewItems', { month: quiet.month })}`;
}

const SECTION_NAMES: Record<SectionKey, 'sectionOverseas' | 'sectionJapan' | 'sectionAisi' | undefined> = {
  filters: undefined,
  overseas: 'sectionOverseas',
  japan: 'sectionJapan',
  aisi: 'sectionAisi',
};

/**
 * A stored section order as the subscriber reads it, or undefined for the default; the section of
 * the subscription's own places only when it names places.
 */
function orderText(stored: string | null, lang: Lang, places: boolean): string | undefined {
  if (!stored) return undefined;
  return storedOrder(stored)
    .filter((k) => places || k !== 'filters')
    .map((k) => {
      const code = SECTION_NAMES[k];
      return code ? say(lang, code) : say(lang, 'Filters');
    })
    .join(' → ');
}

const hasPlaces = (f: { countries: string[]; regions: string[] }) =>
  f.countries.length + f.regions.length > 0;

/** The refusal for someone who may not change a channel's subscription, naming who can. */
/** "Only <@creator> or an admin can change…": `createdBy` is the subscription's creator, when known. */
function refusal(createdBy: string | null | undefined, lang: Lang): RenderedReply {
  const text = `:no_entry: ${say(lang, 'notAllowed', { creator: mention(createdBy) ? (createdBy as string) : '' })}`;
  return { text, blocks: [section(text)], visibility: 'ephemeral' };
}

/**
 * `/policy subscribe | unsubscribe | subscriptions | digest`: the channel's subscription in the
 * state database, confirmed with the filters as understood and what comes next (the next run, or that
 * nothing new will come until a month is added). Anyone may subscribe a channel that has no
 * subscription; replacing or removing one is for its subscriber and admins (access.ts), and every
 * change — and every refused attempt — is logged.
 */
export function digestCommands(d: ServiceDeps): DigestCommands {
  return {
    async subscribe({ workspace, channelId, teamId, userId, filters: typed, lang: asked, actor }) {
      const parsed = parseSubscribeText(typed);
      const filters = parsed.filters;
      const lang = asked ?? (filters.trim() ? detectLang(filters) : 'en');
      if (parsed.bad !== undefined) {
        const text = `:warning: ${say(lang, 'badSectionOrder', { word: escapeMrkdwn(parsed.bad) })}`;
        return { text, blocks: [section(text)], visibility: 'ephemeral' };
      }
      const now = d.clock().toISOString();
      const who = actor ?? { ...(userId ? { userId } : {}), admin: false };
      const existing = await d.store.subscription(workspace, channelId);
      if (!mayChange(existing, who) && existing) {
        await d.store.logChange(workspace, channelId, who.userId, 'refused', existing.filters, filters, now);
        return refusal(existing.created_by, lang);
      }
      const f = applyFilters(d.index(), filters, d.today());
      const order = parsed.order ? parsed.order.join(',') : (existing?.section_order ?? null);
      const outcome = await d.store.upsertSubscription({
        workspace,
        channelId,
        filters,
        lang,
        now,
        sectionOrder: order,
        ...(teamId ? { teamId } : {}),
        ...(who.userId ? { userId: who.userId } : {}),
        // Asked again inside the write: the check above read the row before it.
        mayReplace: (row) => mayChange(row, who),
      });
      if (outcome === 'refused')
        return refusal((await d.store.subscription(workspace, channelId))?.created_by, lang);
      const label = filtersLabel(f, lang) || say(lang, 'allItems');
      const verb = say(lang, `subscribed_${outcome}`);
      const lines = [
        `:white_check_mark: ${say(lang, 'subscribedLine', { verb })}`,
        `${say(lang, 'Filters')}: ${escapeMrkdwn(label)}`,
        ...(orderText(order, lang, hasPlaces(f))
          ? [`${say(lang, 'sectionsLine')}: ${orderText(order, lang, hasPlaces(f))}`]
          : []),
        whatNext(d, lang),
      ];
      if (f.missing.length) {
        const words = f.missing.map(escapeMrkdwn).join(', ');
        const quoted = f.missing.map((w) => `“${escapeMrkdwn(w)}”`).join(', ');
        lines.push(`:warning: ${say(lang, 'notInCorpusYet', { words, quoted })}`);
      }
      const text = lines.join('\n');
      return { text, blocks: [section(text)], visibility: 'in_channel' };
    },
    async unsubscribe({ workspace, channelId, lang, actor }) {
      const existing = await d.store.subscription(workspace, channelId);
      if (!existing) {
        const text = say(lang, 'notSubscribed');
        return { text, blocks: [section(text)], visibility: 'ephemeral' };
      }
      const now = d.clock().toISOString();
      if (!mayChange(existing, actor)) {
        await d.store.logChange(workspace, channelId, actor?.userId, 'refused', existing.filters, null, now);
        return refusal(existing.created_by, lang);
      }
      const removed = await d.store.deleteSubscription(workspace, channelId, actor?.userId, now);
      const text = say(lang, removed ? 'unsubscribed' : 'notSubscribed');
      return { text, blocks: [section(text)], visibility: removed ? 'in_channel' : 'ephemeral' };
    },
    async subscriptions(workspace, channelId, lang) {
      const s = await d.store.subscription(workspace, channelId);
      if (!s) {
        const text = say(lang, 'notSubscribedHint');
        return { text, blocks: [section(text)] };
      }
      const f = applyFilters(d.index(), s.filters, d.today());
      const l = s.lang;
      const tz = d.timeZone;
      const creator = mention(s.created_by) ? (s.created_by as string) : undefined;
      const changer = mention(s.updated_by) ? (s.updated_by as string) : undefined;
      const setUp = creator
        ? say(l, 'setUpBy', { user: creator, date: slackDate(s.subscribed_at, tz) })
        : say(l, 'setUpOn', { date: slackDate(s.subscribed_at, tz) });
      const changed =
        (s.updated_at !== s.subscribed_at || s.updated_by !== s.created_by) && changer
          ? ` · ${say(l, 'changedBy', { user: changer, date: slackDate(s.updated_at, tz) })}`
          : '';
      const order = orderText(s.section_order, l, hasPlaces(f));
      const lines = [
        `*${say(l, 'channelDigest')}*`,
        `${say(l, 'Filters')}: ${escapeMrkdwn(filtersLabel(f, l) || say(l, 'allItems'))}${s.filters ? ` (“${escapeMrkdwn(s.filters)}”)` : ''}`,
        ...(order ? [`${say(l, 'sectionsLine')}: ${order}`] : []),
        `${setUp}${changed}`,
        `${say(l, 'lastDigest')}: ${s.last_week ? `${say(l, 'weekOf')} ${s.last_week}${s.last_posted_at ? ` (${slackDate(s.last_posted_at, tz)})` : ''}` : say(l, 'noneYet')}`,
        s.paused_reason
          ? `:double_vertical_bar: ${say(l, 'paused')}: \`${s.paused_reason}\` — ${say(l, 'resumeHint')}`
          : whatNext(d, l),
      ];
      const text = lines.join('\n');
      return { text, blocks: [section(text)] };
    },
    async preview({ workspace, channelId, date, lang }) {
      const week = weekFor(date, d.today());
      if (!week) {
        const text = say(lang, 'notADateMrkdwn', { date: escapeMrkdwn(date ?? '') });
        return { text, blocks: [section(text)] };
      }
      const s = await d.store.subscription(workspace, channelId);
      const filters = s?.filters ?? '';
      const f = applyFilters(d.index(), filters, d.today());
      const items = weekItems(d.index().items, f.allowed, week);
      const useLang = s?.lang ?? lang;
      const [first, ...rest] = renderDigest(items, week, {
        lang: useLang,
        filtersLabel: filtersLabel(f, useLang),
        places: f,
        order: storedOrder(s?.section_order),
      });
      const note = rest.length ? [section(say(useLang, 'moreMessages', { n: rest.length }))] : [];
      return { text: first?.text ?? '', blocks: [...(first?.blocks ?? []), ...note] };
    },
  };
}

/** What a user sees when digests need the state database and it has a fault: short, with an id. */
export function stateFaultReply(id: string, lang: 'en' | 'ja'): { text: string; blocks: Block[] } {
  const text =
    lang === 'ja'
      ? `:warning: ダイジェストと購読は現在利用できません(状態データベースの障害、エラーID: ${id})。質問への回答は引き続き利用できます。`
      : `:warning: Digests and subscriptions are unavailable right now (the bot's state database has a fault; error id: ${id}). Questions are still answered.`;
  return { text, blocks: [section(text)] };
}

const langOf = (input: unknown): Lang => {
  if (typeof input === 'string') return input === 'ja' ? 'ja' : 'en';
  const o = input as { lang?: unknown; filters?: unknown } | undefined;
  if (o?.lang === 'ja') return 'ja';
  return typeof o?.filters === 'string' && o.filters.trim() ? detectLang(o.filters) : 'en';
};

/**
 * The digest commands when the state database could not be opened at start: every one answers
 * with an error id (the log has the file and the fix), and nothing else of the bot is affected.
 */
export function unavailableDigests(logger: Logger, fault: string): DigestCommands {
  const answer = async (lang: Lang) => {
    const id = errorId();
    logger.error(`[${id}] digest command refused: ${fault}`);
    return stateFaultReply(id, lang);
  };
  return {
    subscribe: (input) => answer(langOf(input)),
    unsubscribe: (input) => answer(input.lang),
    subscriptions: (_workspace, _channel, lang) => answer(lang),
    preview: (input) => answer(input.lang),
  };
}

/**
 * Wraps the digest commands so that a state fault met at run time (a disk I/O error, a closed
 * database) is logged with the file and the fix and answered with an error id, like
 * {@link unavailableDigests}; any other error goes on to the caller's own handling.
 */
export function faultTolerant(commands: DigestCommands, logger: Logger, where: string): DigestCommands {
  const guard =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>, lang: (...a: A) => Lang) =>
    async (...a: A): Promise<R | ReturnType<typeof stateFaultReply>> => {
      try {
        return await f(...a);
      } catch (err) {
        if (!isStateFault(err)) throw err;
        const id = errorId();
        logger.error(`[${id}] ${stateError(where, err).message}`);
        return stateFaultReply(id, lang(...a));
      }
    };
  return {
    subscribe: guard(commands.subscribe, (i) => langOf(i)),
    unsubscribe: guard(commands.unsubscribe, (i) => i.lang),
    subscriptions: guard(commands.subscriptions, (_w, _c, l) => l),
    preview: guard(commands.preview, (i) => i.lang),
  };
}

/**
 * The digest commands over the app's state, fault-tolerant; the corpus is recorded as seen once
 * the schema is there (PostgreSQL migrates it in the background: the start is never held up).
 * Without state (a fault at start: `fault` names it) the commands answer with an error id, and
 * only what needs state is off. Answering questions never depends on this.
 */
export function digestState(
  state: StateStores | undefined,
  d: Omit<ServiceDeps, 'store'> & { logger: Logger; fault?: string },
): DigestCommands {
  if (!state) return unavailableDigests(d.logger, d.fault ?? 'the state database is not configured');
  state.ready.then(
    async () => {
      try {
        await state.digest.recordItems(
          d.index().items.map((i) => i.id),
          d.clock().toISOString(),
        );
      } catch (err) {
        // Recorded again at the next reload or run; the commands answer with an error id meanwhile.
        state.reportFault(err);
      }
    },
    () => undefined, // the schema could not be migrated: reported by the stores
  );
  return faultTolerant(digestCommands({ ...d, store: state.digest }), d.logger, state.where);
}
