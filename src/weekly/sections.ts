import type { StoredItem } from '../search/stored-item.js';

/**
 * A digest's sections, by weight: what the subscription asked for (its places), then overseas
 * policy, Japan's domestic policy, and AISI's own activities (staff talks, events) last.
 */
export const SECTION_KEYS = ['filters', 'overseas', 'japan', 'aisi'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The default order; a subscription may give its own (`order:japan,overseas,aisi`). */
export const DEFAULT_ORDER: readonly SectionKey[] = SECTION_KEYS;

/** Words a user may give for each section, in English and Japanese. */
const SECTION_WORDS: Record<string, SectionKey> = {
  filters: 'filters',
  条件: 'filters',
  overseas: 'overseas',
  海外: 'overseas',
  japan: 'japan',
  domestic: 'japan',
  国内: 'japan',
  日本: 'japan',
  aisi: 'aisi',
};

const ORDER_TOKEN = /(?:^|\s)(?:order|順序|並び順)[:：=]\s*(\S*)/i;

/**
 * Splits `subscribe` text into its filters and an optional section order
 * (`Korea EU order:japan,overseas,aisi`, `韓国 順序:国内,海外,AISI`). Sections left out follow in
 * the default order; the subscription's own filters come first unless placed elsewhere. An
 * unknown section name is returned as `bad` so the user is told the names.
 */
export function parseSubscribeText(text: string): { filters: string; order?: SectionKey[]; bad?: string } {
  const m = text.normalize('NFKC').match(ORDER_TOKEN);
  if (!m) return { filters: text.trim() };
  const filters = text.normalize('NFKC').replace(ORDER_TOKEN, ' ').replace(/\s+/g, ' ').trim();
  const named: SectionKey[] = [];
  for (const word of (m[1] ?? '').split(/[,、]+/).filter(Boolean)) {
    const key = SECTION_WORDS[word.toLowerCase()];
    if (!key) return { filters, bad: word };
    if (!named.includes(key)) named.push(key);
  }
  if (!named.length) return { filters, bad: m[1] ?? '' };
  if (!named.includes('filters')) named.unshift('filters');
  return { filters, order: [...named, ...DEFAULT_ORDER.filter((k) => !named.includes(k))] };
}

/** A stored order (`filters,overseas,japan,aisi`) back to keys; the default when absent or unreadable. */
export function storedOrder(text: string | null | undefined): readonly SectionKey[] {
  if (!text) return DEFAULT_ORDER;
  const keys = text
    .split(',')
    .filter((k): k is SectionKey => (SECTION_KEYS as readonly string[]).includes(k));
  return keys.length === SECTION_KEYS.length && new Set(keys).size === keys.length ? keys : DEFAULT_ORDER;
}

/** The places a subscription asked for, which make its first section. */
export interface PlaceFilter {
  countries: readonly string[];
  regions: readonly string[];
}

/** The section an item goes in. */
function sectionOf(item: StoredItem, places: PlaceFilter): SectionKey {
  const named =
    item.countries.some((c) => places.countries.includes(c)) || places.regions.includes(item.region);
  if ((places.countries.length || places.regions.length) && named) return 'filters';
  if (item.category === 'aisi-activity') return 'aisi';
  if (item.category.startsWith('domestic')) return 'japan';
  return 'overseas';
}

/**
 * The digest's items in sections, in the subscription's order, newest first within a section
 * (then by id, so the order is the same on every run). Empty sections are left out.
 */
export function digestSections(
  items: readonly StoredItem[],
  places: PlaceFilter,
  order: readonly SectionKey[] = DEFAULT_ORDER,
): { key: SectionKey; items: StoredItem[] }[] {
  const by = new Map<SectionKey, StoredItem[]>();
  for (const it of items) {
    const key = sectionOf(it, places);
    by.set(key, [...(by.get(key) ?? []), it]);
  }
  return order.flatMap((key) => {
    const list = by.get(key);
    if (!list?.length) return [];
    const sorted = [...list].sort(
      (a, b) => (b.date?.start ?? '').localeCompare(a.date?.start ?? '') || a.id.localeCompare(b.id),
    );
    return [{ key, items: sorted }];
  });
}
