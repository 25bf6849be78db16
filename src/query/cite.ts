import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import { ask } from './ask.js';
import { itemsCiting } from './search.js';
import { detectLang, type Lang } from './understand.js';

export interface CiteResult {
  lang: Lang;
  item?: StoredItem;
  how?: 'id' | 'url' | 'search';
  /** Other items that cite the same URL (the AI-IRS book is in the January digest and the annual report). */
  alsoIn: StoredItem[];
  message?: string;
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

/**
 * The single best item for a citation: an exact item id, else an item that lists the URL (a
 * digest event before a report section), else the top search result for the text.
 */
export function cite(index: SearchIndex, input: string, today: string): CiteResult {
  const text = unslack(input);
  const lang = detectLang(text);
  const id = text.trim();
  const byId = index.byId.get(id);
  if (byId) return { lang, item: byId, how: 'id', alsoIn: [] };
  const url = text.match(/https?:\/\/[^\s<>]+/)?.[0];
  if (url) {
    const [first, ...rest] = itemsCiting(index, [url]);
    if (first) return { lang, item: first, how: 'url', alsoIn: rest };
  }
  if (!text) {
    return {
      lang,
      alsoIn: [],
      message:
        lang === 'ja'
          ? '引用する項目のID・URL・内容を指定してください。'
          : 'Give an item id, a URL or a few words to cite.',
    };
  }
  const r = ask(index, url ? text.replace(url, ' ') || text : text, { today, limit: 1 });
  const top = r.results[0];
  if (!top)
    return {
      lang,
      alsoIn: [],
      message: r.message ?? (lang === 'ja' ? '該当する項目がありません。' : 'No matching item.'),
    };
  const item = index.byId.get(top.id) as StoredItem;
  const alsoIn = itemsCiting(index, item.urls).filter((it) => it.id !== item.id);
  return { lang, item, how: 'search', alsoIn };
}
