import { type Events, groupEvents } from '../events/group.js';
import { regionTable } from '../ingest/regions.js';
import { understandOptions } from '../query/ask.js';
import { overlaps } from '../query/dates.js';
import { search } from '../query/search.js';
import { understand } from '../query/understand.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import type { Week } from './week.js';

/** Region order of a digest, from the region table: Japan first, then the overseas sections as the digests print them. */
const regionOrder = (): string[] => regionTable().map((r) => r.code);

export interface FilterResult {
  /** Ids of the items the filters allow; `null` when there are no filters (everything passes). */
  allowed: Set<string> | null;
  countries: string[];
  regions: string[];
  terms: string[];
  /**
   * Words of the filters no item uses yet (told back when subscribing). They stay filters: the
   * channel gets nothing for them until a month that uses them is added.
   */
  missing: string[];
  lang: 'en' | 'ja';
}

/**
 * Reads subscription filters with the same English/Japanese understanding as questions
 * (countries, regions, topics) and returns the items they allow. Dates in filters are ignored:
 * the schedule decides the period.
 */
export function applyFilters(index: SearchIndex, filters: string, today: string): FilterResult {
  // The corpus's lookups too (its bilingual vocabulary, readings, Latin names by sound): without
  // them "autonomous driving" or ジェネシス found items as a question but nothing as a filter.
  const interp = understand(filters, today, understandOptions(index));
  const base = {
    countries: interp.countries,
    regions: interp.regions,
    terms: interp.groups.map((g) => g.label),
    lang: interp.lang,
  };
  if (!filters.trim()) return { ...base, allowed: null, missing: [] };
  const outcome = search(index, { ...interp, period: null });
  return { ...base, allowed: new Set(outcome.hits.map((h) => h.item.id)), missing: outcome.missing };
}

export interface SelectInput {
  items: StoredItem[];
  allowed: Set<string> | null;
  week: Week;
  /** When each item id was first seen in the corpus (ISO instants). */
  firstSeen: Map<string, string>;
  /** Items first seen after this instant are new to the channel (its previous digest, or when it subscribed). */
  since: string;
  /** Never before this instant: a new subscriber is not flooded with the backlog. */
  subscribedAt: string;
  /** Items this channel has already been sent. */
  sent: Set<string>;
}

const eventCaches = new WeakMap<readonly StoredItem[], Events<StoredItem>>();

/** The events of a corpus's items, grouped once per items array (one per loaded index). */
function eventsOfItems(items: readonly StoredItem[]): Events<StoredItem> {
  let events = eventCaches.get(items);
  if (!events) {
    events = groupEvents(items);
    eventCaches.set(items, events);
  }
  return events;
}

/**
 * The items of one channel's digest: events dated in the week, plus events that arrived in the
 * corpus since the channel's previous digest (a late monthly digest), never anything already sent.
 * An event reported in several documents is carried once, by its first chosen report, and never
 * again once any of its reports was sent. Grouped by region, newest first within a region.
 */
export function selectDigest(input: SelectInput): StoredItem[] {
  const events = eventsOfItems(input.items);
  const fresh = input.items.filter((it) => {
    if (it.kind !== 'event' || input.sent.has(it.id)) return false;
    if (input.allowed && !input.allowed.has(it.id)) return false;
    if (events.of(it.id)?.members.some((m) => input.sent.has(m.item.id))) return false;
    if (it.date && overlaps(it.date, input.week)) return true;
    const seen = input.firstSeen.get(it.id);
    return seen !== undefined && seen > input.since && seen > input.subscribedAt;
  });
  // One report per event: its primary when that is among them, else the first.
  const pick = new Map<string, StoredItem>();
  for (const it of fresh) {
    const g = events.of(it.id);
    const key = g?.id ?? it.id;
    if (!pick.has(key) || g?.primary === it) pick.set(key, it);
  }
  const chosen = [...pick.values()];
  const order = regionOrder();
  return chosen.sort(
    (a, b) =>
      order.indexOf(a.region) - order.indexOf(b.region) ||
      (b.date?.start ?? '').localeCompare(a.date?.start ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** The items dated in a week that the filters allow, with no channel history: previews and the CLI. */
export function weekItems(items: StoredItem[], allowed: Set<string> | null, week: Week): StoredItem[] {
  return selectDigest({
    items,
    allowed,
    week,
    firstSeen: new Map(),
    since: '9999',
    subscribedAt: '9999',
    sent: new Set(),
  });
}
