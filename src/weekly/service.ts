import { Cron } from 'croner';
import type { DigestCommands } from '../commands/digest-commands.js';
import { type Block, mrkdwnText } from '../present/blocks.js';
import { say } from '../present/catalogue.js';
import { escapeMrkdwn } from '../present/mrkdwn.js';
import { addDays } from '../query/dates.js';
import { findPeriods } from '../query/period.js';
import { detectLang } from '../query/understand.js';
import type { SearchIndex } from '../search/index-store.js';
import { errorId, type Logger } from '../util/logger.js';
import { filtersLabel, renderDigest } from './render.js';
import { applyFilters, weekItems } from './select.js';
import { type Db, onStateFault, openState, stateError } from './state.js';
import { DigestStore } from './store.js';
import { weekContaining } from './week.js';

export interface ServiceDeps {
  store: DigestStore;
  index: () => SearchIndex;
  clock: () => Date;
  today: () => string;
  cron: string;
  timeZone: string;
}

const section = (text: string): Block => ({ type: 'section', text: mrkdwnText(text) });

/** The next scheduled run, shown as local time in the digest's zone: `2026-11-30 09:00 (Asia/Tokyo)`. */
export function nextRunLabel(cron: string, timeZone: string, now: Date): string {
  const next = new Cron(cron, { timezone: timeZone, paused: true }).nextRun(now);
  if (!next) return 'never';
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${f.format(next)} (${timeZone})`;
}

/** Reads a `digest [date]` argument: any date or period expression; the week containing its start. */
export function weekFor(arg: string | undefined, today: string): { from: string; to: string } | undefined {
  if (!arg?.trim()) return weekContaining(addDays(today, -7));
  const p = findPeriods(arg.normalize('NFKC'), today)[0];
  return p ? weekContaining(p.period.from) : undefined;
}

/**
 * `/policy subscribe | unsubscribe | subscriptions | digest`: the channel's subscription in
 * SQLite, confirmed with the filters as understood and the next run time.
 */
export function digestCommands(d: ServiceDeps): DigestCommands {
  return {
    subscribe({ channelId, teamId, userId, filters, lang: asked }) {
      const lang = asked ?? (filters.trim() ? detectLang(filters) : 'en');
      const f = applyFilters(d.index(), filters, d.today());
      const outcome = d.store.upsertSubscription({
        channelId,
        filters: filters.trim(),
        lang,
        now: d.clock().toISOString(),
        ...(teamId ? { teamId } : {}),
        ...(userId ? { userId } : {}),
      });
      const label = filtersLabel(f, lang) || say(lang, 'allItems');
      const next = nextRunLabel(d.cron, d.timeZone, d.clock());
      const verb = say(lang, `subscribed_${outcome}`);
      const lines = [
        `:white_check_mark: ${say(lang, 'subscribedLine', { verb })}`,
        `${say(lang, 'Filters')}: ${escapeMrkdwn(label)}`,
        `${say(lang, 'nextRun')}: ${next}`,
      ];
      if (f.ignored.length) {
        const words = f.ignored.map(escapeMrkdwn).join(', ');
        const quoted = f.ignored.map((w) => `“${escapeMrkdwn(w)}”`).join(', ');
        lines.push(`:warning: ${say(lang, 'ignoredWords', { words, quoted })}`);
      }
      const text = lines.join('\n');
      return { text, blocks: [section(text)], visibility: 'in_channel' };
    },
    unsubscribe(channelId, lang) {
      const removed = d.store.deleteSubscription(channelId);
      const text = say(lang, removed ? 'unsubscribed' : 'notSubscribed');
      return { text, blocks: [section(text)], visibility: removed ? 'in_channel' : 'ephemeral' };
    },
    subscriptions(channelId, lang) {
      const s = d.store.subscription(channelId);
      if (!s) {
        const text = say(lang, 'notSubscribedHint');
        return { text, blocks: [section(text)] };
      }
      const f = applyFilters(d.index(), s.filters, d.today());
      const l = s.lang;
      const lines = [
        `*${say(l, 'channelDigest')}*`,
        `${say(l, 'Filters')}: ${escapeMrkdwn(filtersLabel(f, l) || say(l, 'allItems'))}${s.filters ? ` (“${escapeMrkdwn(s.filters)}”)` : ''}`,
        `${say(l, 'subscribedAt')}: ${s.subscribed_at}`,
        `${say(l, 'lastDigest')}: ${s.last_week ? `${say(l, 'weekOf')} ${s.last_week} (${s.last_posted_at})` : say(l, 'noneYet')}`,
        s.paused_reason
          ? `:double_vertical_bar: ${say(l, 'paused')}: \`${s.paused_reason}\` — ${say(l, 'resumeHint')}`
          : `${say(l, 'nextRun')}: ${nextRunLabel(d.cron, d.timeZone, d.clock())}`,
      ];
      const text = lines.join('\n');
      return { text, blocks: [section(text)] };
    },
    preview({ channelId, date, lang }) {
      const week = weekFor(date, d.today());
      if (!week) {
        const text = say(lang, 'notADateMrkdwn', { date: escapeMrkdwn(date ?? '') });
        return { text, blocks: [section(text)] };
      }
      const s = d.store.subscription(channelId);
      const filters = s?.filters ?? '';
      const f = applyFilters(d.index(), filters, d.today());
      const items = weekItems(d.index().items, f.allowed, week);
      const useLang = s?.lang ?? lang;
      const [first, ...rest] = renderDigest(items, week, {
        lang: useLang,
        filtersLabel: filtersLabel(f, useLang),
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

type Lang = 'en' | 'ja';
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
  const answer = (lang: Lang) => {
    const id = errorId();
    logger.error(`[${id}] digest command refused: ${fault}`);
    return stateFaultReply(id, lang);
  };
  return {
    subscribe: (input) => answer(langOf(input)),
    unsubscribe: (_channel, lang) => answer(lang),
    subscriptions: (_channel, lang) => answer(lang),
    preview: (input) => answer(input.lang),
  };
}

function isStateFault(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  return (
    code.startsWith('SQLITE_') || /database connection is not open/.test(String((err as Error)?.message))
  );
}

/**
 * Wraps the digest commands so that a state fault met at run time (a disk I/O error, a closed
 * database) is logged with the file and the fix and answered with an error id, like
 * {@link unavailableDigests}; any other error goes on to the caller's own handling.
 */
export function faultTolerant(commands: DigestCommands, logger: Logger, file: string): DigestCommands {
  const guard =
    <A extends unknown[], R>(f: (...a: A) => R, lang: (...a: A) => Lang) =>
    (...a: A): R | ReturnType<typeof stateFaultReply> => {
      try {
        return f(...a);
      } catch (err) {
        if (!isStateFault(err)) throw err;
        const id = errorId();
        logger.error(`[${id}] ${stateError(file, err).message}`);
        return stateFaultReply(id, lang(...a));
      }
    };
  return {
    subscribe: guard(commands.subscribe, (i) => langOf(i)),
    unsubscribe: guard(commands.unsubscribe, (_c, l) => l),
    subscriptions: guard(commands.subscriptions, (_c, l) => l),
    preview: guard(commands.preview, (i) => i.lang),
  };
}

/**
 * Opens the state for the app: the database, its store (with the corpus recorded as seen) and the
 * digest commands. A state fault at start is logged once, naming the file and the fix, and only
 * what needs state is turned off (digests, subscriptions, event dedupe): `db` and `store` are then
 * absent and the commands answer with an error id. Answering questions never depends on this.
 */
export function openDigestState(
  statePath: string,
  d: Omit<ServiceDeps, 'store'> & { logger: Logger },
): { db?: Db; store?: DigestStore; digest: DigestCommands; fault?: string } {
  let db: Db | undefined;
  try {
    db = openState(statePath);
    onStateFault(db, (e) => d.logger.error(`[${errorId()}] ${e.message}`));
    const store = new DigestStore(db);
    store.recordItems(
      d.index().items.map((i) => i.id),
      d.clock().toISOString(),
    );
    return { db, store, digest: faultTolerant(digestCommands({ ...d, store }), d.logger, statePath) };
  } catch (err) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    const fault = stateError(statePath, err).message;
    d.logger.error(
      `[${errorId()}] ${fault} — digests, subscriptions and event dedupe are off until this is fixed; questions, cite and help still work`,
    );
    return { digest: unavailableDigests(d.logger, fault), fault };
  }
}
