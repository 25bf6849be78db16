import type { SearchIndex } from '../search/index-store.js';

/**
 * Events across documents: the same event reported in several documents (the AI incident
 * response approach book is item 2 of the January 2026 digest and section 1.2 › 1) › ⑤ of the
 * annual report) is one event with several sources.
 *
 * Grouping is conservative and deterministic. An item joins a group only by matching the group's
 * primary (never another member, so matches do not chain), and a group holds at most one item per
 * document. The rules:
 * - `same-url`: two dated items whose primary (first) URLs are the same after cleaning, dated
 *   within {@link URL_DAYS} days of each other (a page updated later is a later event);
 * - `same-title-date`: two dated items with the same normalized title and overlapping dates;
 * - `section-title-url`: an undated report or briefing section whose normalized title is the
 *   dated event's and which lists one of its URLs (a section that covers several events and
 *   cites one of them has its own title, and stays apart).
 * The primary is the earliest dated item (a digest event), ties broken by id.
 */

/** What grouping reads of an item: both ingest's `Item` and the index's `StoredItem` have it. */
export interface Groupable {
  id: string;
  kind: 'event' | 'section';
  title: string;
  date?: { start: string; end: string } | undefined;
  urls: string[];
  source: { document: string; documentTitle: string; sectionLabel: string; ordinal: number };
}

export type GroupReason = 'same-url' | 'same-title-date' | 'section-title-url';

export interface EventMember<T extends Groupable = Groupable> {
  item: T;
  /** Why it joined the primary; absent for the primary itself. */
  why?: GroupReason;
  /** The URL or the normalized title the match was made on. */
  on?: string;
}

/** One event: its primary (the dated digest item) and every source, primary first. */
export interface EventGroup<T extends Groupable = Groupable> {
  /** The primary item's id: what results and citations name. */
  id: string;
  primary: T;
  members: EventMember<T>[];
}

export interface Events<T extends Groupable = Groupable> {
  /** Groups of two or more items, in the order of their primaries (earliest first). */
  merged: EventGroup<T>[];
  /** The event an item belongs to (a group of one for an item reported once). */
  of(id: string): EventGroup<T> | undefined;
  /**
   * The group of two or more an item belongs to, or undefined for an item reported once: what
   * collapsing thousands of hits needs, without making a group of one for each.
   */
  mergedOf(id: string): EventGroup<T> | undefined;
}

/** Two dated reports of one URL further apart than this are different events (a page updated). */
export const URL_DAYS = 3;

/** Titles shorter than this once normalized ("概要", "はじめに") never match on their own. */
const MIN_TITLE = 6;

/** A URL as compared: scheme-less of http/https, host lowercase, no trailing slash. */
export function urlKey(url: string): string {
  const u = url.trim().replace(/^http:/i, 'https:');
  const m = u.match(/^(https:\/\/)([^/?#]+)(.*)$/i);
  const joined = m ? `${(m[1] as string).toLowerCase()}${(m[2] as string).toLowerCase()}${m[3]}` : u;
  return joined.replace(/\/+$/, '');
}

/** A site's front page names no event: it never groups anything. */
function specificUrl(key: string): boolean {
  return /^https:\/\/[^/?#]+[/?#]./.test(key);
}

/** A title as compared: NFKC, lowercase, without spaces, punctuation, brackets or quotes. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;

/** Days between two date ranges: 0 when they overlap. */
function gap(a: { start: string; end: string }, b: { start: string; end: string }): number {
  if (a.end < b.start) return days(a.end, b.start);
  if (b.end < a.start) return days(b.end, a.start);
  return 0;
}

/** Why `c` reports the same event as the primary `p`, or undefined. */
export function matchReason(p: Groupable, c: Groupable): { why: GroupReason; on: string } | undefined {
  return matchKeyed(p, c, keysOf(p), keysOf(c));
}

/** What a match compares, computed once per item: the title key and the primary URL key. */
interface Keys {
  t: string;
  p: string;
}
const keysOf = (it: Groupable): Keys => ({ t: titleKey(it.title), p: it.urls[0] ? urlKey(it.urls[0]) : '' });

function matchKeyed(
  p: Groupable,
  c: Groupable,
  kp: Keys,
  kc: Keys,
): { why: GroupReason; on: string } | undefined {
  if (p.source.document === c.source.document || !p.date) return undefined;
  const pt = kp.t;
  const sameTitle = pt.length >= MIN_TITLE && pt === kc.t;
  if (c.date) {
    const pu = kp.p;
    const cu = kc.p;
    if (pu && pu === cu && specificUrl(pu) && gap(p.date, c.date) <= URL_DAYS)
      return { why: 'same-url', on: p.urls[0] as string };
    // Overlap compared as ISO strings: no date parsing in the common case.
    if (sameTitle && p.date.start <= c.date.end && c.date.start <= p.date.end)
      return { why: 'same-title-date', on: pt };
    return undefined;
  }
  if (c.kind !== 'section' || !sameTitle) return undefined;
  const mine = new Set(p.urls.map(urlKey).filter(specificUrl));
  const shared = c.urls.find((u) => mine.has(urlKey(u)));
  return shared ? { why: 'section-title-url', on: shared } : undefined;
}

/** Code-unit order (not locale order): the same everywhere, and fast on a large corpus. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDateThenId = (a: Groupable, b: Groupable) =>
  cmp(a.date?.start ?? '9999', b.date?.start ?? '9999') ||
  Number(b.kind === 'event') - Number(a.kind === 'event') ||
  cmp(a.id, b.id);

/** Two ascending lists of positions as one, without repeats. */
function mergeAscending(a: number[], b: number[]): number[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[j] ?? Number.POSITIVE_INFINITY;
    const next = x <= y ? x : y;
    if (x === next) i++;
    if (y === next) j++;
    out.push(next);
  }
  return out;
}

/** Groups items reporting the same event (see the module comment for the rules). */
export function groupEvents<T extends Groupable>(items: readonly T[]): Events<T> {
  // Items by position in one deterministic order (dated first, earliest first, then id); the
  // candidate lists under each key hold positions, so they are in that order too and an item
  // only ever looks at the ones after it (the ones before already belong to a group).
  const ordered = [...items].sort(byDateThenId);
  const keys: Keys[] = ordered.map(keysOf);
  const byTitle = new Map<string, number[]>();
  const byUrl = new Map<string, number[]>();
  const put = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  keys.forEach((k, at) => {
    if (k.t.length >= MIN_TITLE) put(byTitle, k.t, at);
    if (k.p && ordered[at]?.date) put(byUrl, k.p, at);
  });
  const groupAt = new Int32Array(ordered.length).fill(-1);
  const merged: EventGroup<T>[] = [];
  ordered.forEach((p, at) => {
    if (groupAt[at] !== -1 || !p.date) return;
    const k = keys[at] as Keys;
    const titled = k.t.length >= MIN_TITLE ? (byTitle.get(k.t) ?? []) : [];
    const linked = k.p ? (byUrl.get(k.p) ?? []) : [];
    // Alone under both keys (the usual case): nothing to compare.
    if (titled.length <= 1 && linked.length <= 1) return;
    const group: EventGroup<T> = { id: p.id, primary: p, members: [{ item: p }] };
    const docs = new Set([p.source.document]);
    for (const ci of mergeAscending(titled, linked)) {
      const c = ordered[ci] as T;
      if (ci <= at || groupAt[ci] !== -1 || docs.has(c.source.document)) continue;
      const m = matchKeyed(p, c, k, keys[ci] as Keys);
      if (!m) continue;
      group.members.push({ item: c, ...m });
      groupAt[ci] = merged.length;
      docs.add(c.source.document);
    }
    if (group.members.length > 1) {
      groupAt[at] = merged.length;
      merged.push(group);
    }
  });
  const inGroup = new Map<string, EventGroup<T>>();
  for (const g of merged) for (const m of g.members) inGroup.set(m.item.id, g);
  let ids: Map<string, T> | undefined;
  const alone = new Map<string, EventGroup<T>>();
  return {
    merged,
    mergedOf: (id) => inGroup.get(id),
    of: (id) => {
      const g = inGroup.get(id);
      if (g) return g;
      let one = alone.get(id);
      if (!one) {
        ids ??= new Map(items.map((i) => [i.id, i]));
        const item = ids.get(id);
        if (!item) return undefined;
        one = { id, primary: item, members: [{ item }] };
        alone.set(id, one);
      }
      return one;
    },
  };
}

const caches = new WeakMap<SearchIndex, Events<SearchIndex['items'][number]>>();

/** The events of an index, grouped once per index object (a reload builds a new one). */
export function eventsOf(index: SearchIndex): Events<SearchIndex['items'][number]> {
  let events = caches.get(index);
  if (!events) {
    events = groupEvents(index.items);
    caches.set(index, events);
  }
  return events;
}

const REASON_TEXT: Record<GroupReason, string> = {
  'same-url': 'same primary URL',
  'same-title-date': 'same title, overlapping dates',
  'section-title-url': 'undated section: same title and URL',
};

/**
 * Items of different documents that list the same URL but were left apart (a report section
 * covering several events, a different version of a guidebook): the near-misses, by URL.
 */
export function sharedButApart<T extends Groupable>(items: readonly T[], events: Events<T>): [string, T[]][] {
  const byUrl = new Map<string, T[]>();
  for (const it of items)
    for (const u of new Set(it.urls.map(urlKey))) {
      const list = byUrl.get(u);
      if (list) list.push(it);
      else byUrl.set(u, [it]);
    }
  const out: [string, T[]][] = [];
  for (const [u, list] of byUrl) {
    if (new Set(list.map((i) => i.source.document)).size < 2) continue;
    if (new Set(list.map((i) => events.of(i.id)?.id ?? i.id)).size < 2) continue;
    out.push([u, list]);
  }
  return out;
}

/** The groups and why each was made, then the near-misses left apart, for `policy-bot ingest`. */
export function describeGroups<T extends Groupable>(events: Events<T>, items: readonly T[] = []): string[] {
  const out = [`${events.merged.length} events reported in several documents (grouped as one):`];
  for (const g of events.merged) {
    const d = g.primary.date;
    out.push(`  ${g.id}  ${d ? d.start : ''}  ${g.primary.title}`);
    for (const m of g.members.slice(1))
      out.push(`    + ${m.item.id} — ${m.why ? REASON_TEXT[m.why] : ''}: ${m.on ?? ''}`);
  }
  const apart = sharedButApart(items, events);
  if (apart.length) {
    out.push(`${apart.length} URLs listed in several documents by different events (kept apart):`);
    for (const [u, list] of apart) {
      out.push(`  ${u}`);
      for (const it of list) out.push(`    ${it.id}  ${it.date ? it.date.start : 'undated'}  ${it.title}`);
    }
  }
  return out;
}

/**
 * Every URL of an event's sources, primary's first, each spelling kept exactly as its source
 * prints it (a report may add a trailing slash the digest does not).
 */
export function eventUrls(g: EventGroup): string[] {
  return [...new Set(g.members.flatMap((m) => m.item.urls))];
}
