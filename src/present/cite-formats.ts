import { type Actor, actorsLexicon } from '../analyze/lexicon.js';
import { countryName } from '../geo/gazetteer.js';
import type { Lang } from '../query/understand.js';
import type { StoredItem } from '../search/stored-item.js';

/**
 * Citations people paste: one line in the asker's language, a Markdown link, and CSL-JSON for
 * reference managers (Zotero, Mendeley, pandoc). Everything comes from the item and the lexicon;
 * the URL is exactly the source's.
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a name occurs in a title; a Latin name only as a whole word (EC is not inside IEC). */
function indexOfName(title: string, name: string): number {
  if (!/[A-Za-z]/.test(name)) return title.indexOf(name);
  const m = new RegExp(`(?<![A-Za-z])${escapeRegExp(name)}(?![A-Za-z])`).exec(title);
  return m ? m.index : -1;
}

/** An actor's name as a citation gives it: its short capital code when it has one (AISI, NIST). */
function actorName(a: Actor, lang: Lang): string {
  if (lang === 'ja') return a.ja[0] ?? a.en[0] ?? a.id;
  const code = [...a.en, ...a.terms].find((n) => /^[A-Z][A-Z-]{1,7}$/.test(n) && !n.includes('-'));
  return code ?? a.en[0] ?? a.id;
}

/**
 * Who the item is by: the earliest actor its title names (経済産業省, NIST), the institute for its
 * own activities, else the country it concerns, else the document.
 */
export function citedActor(item: StoredItem, lang: Lang): string {
  const title = item.title.normalize('NFKC');
  let best: { a: Actor; at: number; len: number } | undefined;
  for (const a of actorsLexicon()) {
    const codes = a.terms.filter((t) => /^[A-Z][A-Z-]+$/.test(t));
    for (const n of [...a.ja, ...a.en.filter((e) => /[A-Z]/.test(e)), ...codes]) {
      const at = indexOfName(title, n);
      // The earliest name; at the same place the longer one (英国AISI over AISI).
      if (at >= 0 && (!best || at < best.at || (at === best.at && n.length > best.len)))
        best = { a, at, len: n.length };
    }
  }
  if (best) return actorName(best.a, lang);
  const own = actorsLexicon().find((a) => a.categories.includes(item.category));
  if (own) return actorName(own, lang);
  const country = item.countries[0];
  if (country) return countryName(country, lang).replace(/^the /, '');
  return item.source.documentTitle;
}

/** The date as a reference gives it: ISO, a range with an en dash; undated is said so. */
export function citedDate(item: StoredItem, lang: Lang, published?: string): string {
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

/** The URL a citation links to: the item's first source URL, else its document's page. */
export function citedUrl(item: StoredItem): string | undefined {
  return item.urls[0] ?? item.source.documentUrl;
}

/**
 * One line to paste, in the asker's language:
 * `AISI, "AIインシデントレスポンス・アプローチブックを公開" (2026-01-09), https://…` /
 * `AISI「AIインシデントレスポンス・アプローチブックを公開」(2026-01-09) https://…`.
 * An undated report or briefing section is dated by its document: `…, in AI セーフティ年次レポート 2025 (2026-03-31), https://…`.
 */
export function citeLine(item: StoredItem, lang: Lang, ctx: CiteContext = {}): string {
  const who = citedActor(item, lang);
  const date = citedDate(item, lang, ctx.published);
  const url = citedUrl(item);
  const doc = item.source.documentTitle;
  if (lang === 'ja')
    return `${who}「${item.title}」${item.date ? '' : `『${doc}』`}(${date})${url ? ` ${url}` : ''}`;
  // English: the English title, the original beside it in brackets.
  const en = citedEnglishTitle(item, lang);
  const title = en ? `"${en}" [${item.title}]` : `"${item.title}"`;
  return `${who}, ${title}${item.date ? '' : `, in ${doc}`} (${date})${url ? `, ${url}` : ''}`;
}

/** Markdown link text: brackets and backslashes escaped so the link cannot break. */
export const mdText = (s: string) => s.replace(/([\\[\]`*_<>])/g, '\\$1').replace(/\s+/g, ' ');
/** A Markdown link target: spaces and parentheses percent-encoded; otherwise the exact URL. */
export const mdUrl = (u: string) => u.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');

/** A Markdown link with who and when: `[title](url) — AISI, 2026-01-09`. */
export function citeMarkdown(item: StoredItem, lang: Lang, ctx: CiteContext = {}): string {
  const url = citedUrl(item);
  const en = citedEnglishTitle(item, lang);
  const title = mdText(en ?? item.title);
  const link = url ? `[${title}](${mdUrl(url)})` : title;
  const head = en ? `${link} \\[${mdText(item.title)}\\]` : link;
  const tail = `${mdText(citedActor(item, lang))}, ${citedDate(item, lang, ctx.published)}`;
  return `${head} — ${tail}`;
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
      author: [{ literal: citedActor(item, lang) }],
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
