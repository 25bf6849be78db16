import type { Lang } from '../query/understand.js';
import type { StoredItem } from '../search/stored-item.js';
import { isHttpUrl } from '../util/url.js';
import { reporterOf, sourcePublisher } from './publishers.js';

/**
 * Citations people paste: one line in the asker's language, a Markdown link, and CSL-JSON for
 * reference managers (Zotero, Mendeley, pandoc). Everything comes from the item, its document and
 * data/publishers.yml (who reported it, who publishes the linked page); the URL is exactly the
 * source's.
 */
export type CiteFormat = 'text' | 'md' | 'csl-json';
export const CITE_FORMATS: readonly CiteFormat[] = ['text', 'md', 'csl-json'];

/** What a citation needs beyond the item: the event's other sources and the document's date. */
export interface CiteContext {
  /** Every source of the event, the primary (the cited item) first. */
  sources?: StoredItem[];
  /** When the item is undated: the date its document was published (a report's `published`). */
  published?: string;
}

/** The date as a reference gives it: ISO, a range with an en dash; undated is said so. */
function citedDate(item: StoredItem, lang: Lang, published?: string): string {
  const d = item.date;
  if (!d) return published ?? (lang === 'ja' ? '日付なし' : 'n.d.');
  return d.start === d.end ? d.start : `${d.start}–${d.end}`;
}

/**
 * The English title a citation for English readers gives, beside the original: the item's English
 * (data/english/) unless the source's title changed since it was written (a citation must be right).
 */
export function citedEnglishTitle(item: StoredItem, lang: Lang): string | undefined {
  return lang === 'en' && item.en && !item.en.stale ? item.en.title : undefined;
}

/** The URL a citation links to: the item's first source URL, else its document's page (http(s) only). */
function citedUrl(item: StoredItem): string | undefined {
  return [...item.urls, item.source.documentUrl].find(isHttpUrl);
}

/**
 * The title a citation quotes: the item's own (the reporting document's headline), or for an
 * English asker its English title (data/english/) while that still matches the source's title.
 */
export function citedTitle(item: StoredItem, lang: Lang): string {
  return citedEnglishTitle(item, lang) ?? item.title;
}

/**
 * Who a citation names: the reporter (the document's publisher, AISI for the digests), whose
 * headline the title is, and the publisher of the linked page by its host (`LegiScan`), when the
 * table knows it and it is not the reporter itself. Never a country.
 */
function citedBy(item: StoredItem, lang: Lang): { reporter: string; source?: string; own: boolean } {
  const reporter = reporterOf(item.source, lang);
  const url = citedUrl(item);
  const source = url ? sourcePublisher(url, lang) : undefined;
  if (source === reporter) return { reporter, own: true };
  return { reporter, ...(source ? { source } : {}), own: false };
}

/**
 * One line to paste, in the asker's language, naming the reporter with its own headline and the
 * linked page's publisher apart:
 * `AISI, "カリフォルニア州、…を施行" (2026-01-01), AI政策動向マンスリー情報 2026年1月; source: LegiScan, https://…` /
 * `AISI「カリフォルニア州、…を施行」(2026-01-01)『AI政策動向マンスリー情報 2026年1月』 出典: LegiScan https://…`.
 * An undated report or briefing section is dated by its document's publication date when known.
 */
export function citeLine(item: StoredItem, lang: Lang, ctx: CiteContext = {}): string {
  const { reporter, source, own } = citedBy(item, lang);
  const date = citedDate(item, lang, ctx.published);
  const url = citedUrl(item);
  const doc = item.source.documentTitle;
  const title = citedTitle(item, lang);
  // The reporter's own page needs no "source:"; another publisher's page is named as such.
  if (lang === 'ja') {
    const link = url ? (own ? ` ${url}` : ` 出典: ${source ? `${source} ` : ''}${url}`) : '';
    return `${reporter}「${title}」(${date})『${doc}』${link}`;
  }
  // English: the English title when the item has one, the original beside it in brackets.
  const quoted = citedEnglishTitle(item, lang) ? `"${title}" [${item.title}]` : `"${title}"`;
  const link = url ? (own ? `, ${url}` : `; source: ${source ? `${source}, ` : ''}${url}`) : '';
  return `${reporter}, ${quoted} (${date}), ${doc}${link}`;
}

/** Markdown link text: brackets and backslashes escaped so the link cannot break. */
export const mdText = (s: string) => s.replace(/([\\[\]`*_<>])/g, '\\$1').replace(/\s+/g, ' ');
/** A Markdown link target: spaces and parentheses percent-encoded; otherwise the exact URL. */
export const mdUrl = (u: string) => u.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');

/**
 * A Markdown link with who and when: `[title](url) — LegiScan; reported by AISI, AI政策動向マンスリー情報
 * 2026年1月, 2026-01-01`.
 */
export function citeMarkdown(item: StoredItem, lang: Lang, ctx: CiteContext = {}): string {
  const url = citedUrl(item);
  const en = citedEnglishTitle(item, lang);
  const title = mdText(en ?? item.title);
  const link = url ? `[${title}](${mdUrl(url)})` : title;
  const head = en ? `${link} \\[${mdText(item.title)}\\]` : link;
  const { reporter, source } = citedBy(item, lang);
  const date = citedDate(item, lang, ctx.published);
  const doc = item.source.documentTitle;
  const tail =
    lang === 'ja'
      ? `${source ? `${source}; ` : ''}${reporter}『${doc}』, ${date}`
      : `${source ? `${source}; ` : ''}reported by ${reporter}, ${doc}, ${date}`;
  return `${head} — ${mdText(tail)}`;
}

/** One CSL-JSON item (https://citationstyles.org, csl-data.json). */
export interface CslItem {
  id: string;
  type: 'webpage' | 'report' | 'document';
  title: string;
  /** The title in the original language, when `title` is a translation. */
  'original-title'?: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  'container-title'?: string;
  publisher?: string;
  language: string;
  note?: string;
}

const dateParts = (iso: string) => iso.split('-').map(Number);

/** CSL-JSON for the item (an array of one, as reference managers import it). */
export function citeCsl(item: StoredItem, lang: Lang, ctx: CiteContext = {}): CslItem[] {
  const url = citedUrl(item);
  const issued = item.date
    ? {
        'date-parts':
          item.date.start === item.date.end
            ? [dateParts(item.date.start)]
            : [dateParts(item.date.start), dateParts(item.date.end)],
      }
    : ctx.published
      ? { 'date-parts': [dateParts(ctx.published)] }
      : undefined;
  const others = (ctx.sources ?? []).filter((s) => s.id !== item.id);
  const en = citedEnglishTitle(item, lang);
  const notes = [
    others.length
      ? `${lang === 'ja' ? '掲載箇所' : 'Also reported in'}: ${others.map((o) => `${o.source.documentTitle} · ${o.source.sectionLabel}`).join('; ')}`
      : '',
    en && item.en?.by !== 'person'
      ? `English title: machine translation (${item.en?.by === 'deepl' ? 'DeepL' : 'a language model'}), not yet reviewed`
      : '',
  ].filter(Boolean);
  const note = notes.length ? notes.join('. ') : undefined;
  return [
    {
      id: item.id,
      type: item.kind === 'event' ? 'webpage' : item.category === 'briefing-section' ? 'document' : 'report',
      // English readers get the English title, the original in original-title.
      title: en ?? item.title,
      ...(en ? { 'original-title': item.title } : {}),
      author: [{ literal: citedBy(item, lang).reporter }],
      ...(issued ? { issued } : {}),
      ...(url ? { URL: url } : {}),
      'container-title': item.source.documentTitle,
      language: 'ja',
      ...(note ? { note } : {}),
    },
  ];
}

/** The citation in one of the formats, as the CLI prints it. */
export function formatCitation(
  item: StoredItem,
  format: CiteFormat,
  lang: Lang,
  ctx: CiteContext = {},
): string {
  switch (format) {
    case 'text':
      return citeLine(item, lang, ctx);
    case 'md':
      return citeMarkdown(item, lang, ctx);
    case 'csl-json':
      return JSON.stringify(citeCsl(item, lang, ctx), null, 2);
  }
}
