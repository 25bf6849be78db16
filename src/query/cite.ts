import { type EventGroup, eventsOf } from '../events/group.js';
import type { Message } from '../present/catalogue.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import { ask } from './ask.js';
import { itemsCiting } from './search.js';
import { detectLang, type Lang } from './understand.js';

export interface CiteResult {
  lang: Lang;
  /** The event's primary item (the dated digest item when the event is in several documents). */
  item?: StoredItem;
  /**
   * Every source of the event, the primary first (one entry for an item reported once). Citing
   * any member's id or URL cites the event.
   */
  sources?: StoredItem[];
  /** When the cited item is undated: the date its document was published, when known. */
  published?: string;
  how?: 'id' | 'url' | 'search';
  /** Other items that cite the same URL but report something else (a report section covering several events). */
  alsoIn: StoredItem[];
  /** Why nothing is cited, as message codes (rendered by src/present/citation.ts). */
  notices?: Message[];
}

/** Slack wraps links as `<https://…|label>` and mentions as `<@U…>`: back to plain text. */
export function unslack(text: string): string {
  return text
    .replace(/<(https?:\/\/[^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The first http(s) URL written in a message, as written. */
export function firstUrl(text: string): string | undefined {
  return text.match(/https?:\/\/[^\s<>]+/)?.[0];
}

/**
 * The single best item for a citation: an exact item id, else an item that lists the URL (a
 * digest event before a report section), else the top search result for the text.
 */
export function cite(index: SearchIndex, input: string, today: string): CiteResult {
  const text = unslack(input);
  const lang = detectLang(text);
  const events = eventsOf(index);
  /** The event an item belongs to, cited by its primary, with every source and the other items citing `urls`. */
  const asEvent = (item: StoredItem, how: CiteResult['how'], urls: string[]): CiteResult => {
    const group: EventGroup<StoredItem> | undefined = events.of(item.id);
    const members = group ? group.members.map((m) => m.item) : [item];
    const ids = new Set(members.map((m) => m.id));
    const alsoIn = itemsCiting(index, urls).filter((it) => !ids.has(it.id));
    const primary = members[0] as StoredItem;
    const published = primary.date
      ? undefined
      : index.manifest.documents.find((d) => d.id === primary.source.document)?.published;
    return {
      lang,
      item: primary,
      sources: members,
      ...(published ? { published } : {}),
      ...(how ? { how } : {}),
      alsoIn,
    };
  };
  const id = text.trim();
  const byId = index.byId.get(id);
  if (byId) return asEvent(byId, 'id', []);
  const url = firstUrl(text);
  if (url) {
    const [first] = itemsCiting(index, [url]);
    if (first) return asEvent(first, 'url', [url]);
  }
  if (!text) {
    return {
      lang,
      alsoIn: [],
      notices: [{ code: 'citeWhat' }],
    };
  }
  const r = ask(index, url ? text.replace(url, ' ') || text : text, { today, limit: 1 });
  const top = r.results[0];
  if (!top)
    return {
      lang,
      alsoIn: [],
      notices: r.notices?.length ? r.notices : [{ code: 'noMatchingItem' }],
    };
  const item = index.byId.get(top.id) as StoredItem;
  return asEvent(item, 'search', item.urls);
}
