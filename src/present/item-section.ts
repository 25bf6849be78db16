import type { EnglishBy } from '../english/entry.js';
import { urlKey } from '../events/group.js';
import type { Lang } from '../query/understand.js';
import { type Block, mrkdwnText } from './blocks.js';
import { say } from './catalogue.js';
import { itemHeading } from './english.js';
import { countryList, formatDate } from './labels.js';
import { escapeMrkdwn, LIMITS, link, truncate } from './mrkdwn.js';
import { linkLabels } from './publishers.js';
import { oneLine } from './snippet.js';

/** What an item section shows; an answer result and a stored digest item both fit. */
export interface ItemView {
  id: string;
  title: string;
  /** The item's English (data/english/, see src/english/attach.ts `englishResultFields`), when it has one. */
  title_en?: string | undefined;
  summary_en?: string | undefined;
  english_by?: EnglishBy | undefined;
  english_stale?: true | undefined;
  /** One English line built from the item (who, what), for English askers without an English title. */
  english?: unknown;
  snippet?: string | undefined;
  date: { start: string; end: string } | null | undefined;
  countries: string[];
  urls: string[];
}

/** What an item section says of an item: its headline, the line beneath, one line of text, notes. */
export interface ItemWords {
  headline: string;
  /** The Japanese title under an English headline (it is what the source says). */
  beneath?: string;
  line?: string;
  /** The line is policy-bot's own words (the gloss built from the item), set apart from the documents' text. */
  lineIsOurs: boolean;
  /** “machine translation”, “English under review”, in the asker's language. */
  notes: string[];
}

/**
 * The headline, the line under it, and the one line of text an asker in `lang` reads, decided
 * by {@link itemHeading} as for the CLI and exports: for an English asker with an English title,
 * the English title heads, the Japanese title stays beneath and the English summary replaces the
 * Japanese snippet, with a note when the English is machine-made or under review. Without
 * English, the one line is the keyword line labelled as a gloss (a phone shows one line).
 */
export function itemWords(it: ItemView, lang: Lang): ItemWords {
  const head = itemHeading(
    {
      title: it.title,
      snippet: it.snippet ?? '',
      english: it.english,
      title_en: it.title_en,
      summary_en: it.summary_en,
      english_by: it.english_by,
      english_stale: it.english_stale,
    },
    lang,
  );
  const line = head.gloss ?? (head.text.trim() || undefined);
  return {
    headline: head.headline,
    ...(head.original ? { beneath: head.original } : {}),
    ...(line ? { line: oneLine(line) } : {}),
    lineIsOurs: Boolean(head.gloss),
    notes: head.notes,
  };
}

/** One link per page: a report's `…/260109/` and a digest's `…/260109` are the same page. */
export function distinctPages(urls: readonly string[]): string[] {
  const seen = new Set<string>();
  return urls.filter((u) => {
    const k = urlKey(u);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The item's pages as labelled links (`LegiScan`, `Korea.kr (2)`, `… PDF: …`), at most `max`. */
export function labelledLinks(urls: readonly string[], lang: Lang, max = 3): string {
  const pages = distinctPages(urls);
  const labels = linkLabels(pages, lang);
  const shown = pages.slice(0, max).map((u, i) => link(u, labels[i] as string));
  const more = pages.length - shown.length;
  return [...shown, ...(more > 0 ? [say(lang, 'morePages', { n: more })] : [])].join(' · ');
}

/** What a Cite button or item menu option carries: the item id, the citation's language, and whether it opens the source. */
export interface CiteRef {
  i: string;
  l: Lang;
  /** The "Open the source" option: Slack opens the page, the bot only acknowledges. */
  open?: boolean;
}

/** An item menu option's value (as the Cite buttons of older answers wrote it, plus `u: 1` for Open the source). */
export function encodeCite(ref: CiteRef): string {
  return JSON.stringify({ i: ref.i, l: ref.l, ...(ref.open ? { u: 1 } : {}) });
}

/** Reads a Cite button or item menu value we wrote; anything else is `undefined`. */
export function decodeCite(value: string | undefined): CiteRef | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as Partial<CiteRef> & { u?: unknown };
    if (typeof v.i === 'string' && v.i && (v.l === 'en' || v.l === 'ja'))
      return { i: v.i, l: v.l, ...(v.u === 1 ? { open: true } : {}) };
  } catch {
    // not ours
  }
  return undefined;
}

/**
 * The item menu (Block Kit overflow): Cite in the asker's language, Cite in the other one, and
 * the source page itself. The value carries the item id and the citation's language, so a click
 * needs no stored state; options are kept within Slack's 150-character value limit.
 */
function itemMenu(id: string, lang: Lang, url?: string): Block['accessory'] | undefined {
  const other: Lang = lang === 'en' ? 'ja' : 'en';
  const value = (l: Lang, open = false) => encodeCite({ i: id, l, open });
  if (value(lang, true).length > 150) return undefined;
  const option = (label: string, v: string, href?: string) => ({
    text: { type: 'plain_text', text: label.slice(0, 75), emoji: true },
    value: v,
    ...(href && href.length <= 3000 ? { url: href } : {}),
  });
  return {
    type: 'overflow',
    action_id: 'item_menu',
    options: [
      option(say(lang, 'cite'), value(lang)),
      option(say(lang, 'citeOther'), value(other)),
      ...(url && url.length <= 3000 ? [option(say(lang, 'openSource'), value(lang, true), url)] : []),
    ],
  };
}

/**
 * One item as one section (the compact layout, readable on a phone): the title as a link to its
 * first source, the English title or the Japanese one beneath it, `date · country · links`, and
 * one line of text; the item menu beside it. `number` is the item's number in the whole answer.
 */
export function itemSection(it: ItemView, number: number | undefined, lang: Lang): Block {
  const w = itemWords(it, lang);
  const n = number === undefined ? '' : `${number}. `;
  const first = distinctPages(it.urls)[0];
  const title = first ? `*${link(first, `${n}${w.headline}`)}*` : `*${escapeMrkdwn(`${n}${w.headline}`)}*`;
  const meta = [
    formatDate(it.date, lang),
    countryList(it.countries, lang),
    labelledLinks(it.urls, lang),
    ...w.notes.map((n) => `_${escapeMrkdwn(n)}_`),
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = [
    title,
    ...(w.beneath ? [`_${escapeMrkdwn(w.beneath)}_`] : []),
    meta,
    // The English line is the bot's own words, set apart from the documents' text.
    ...(w.line ? [w.lineIsOurs ? `_${escapeMrkdwn(w.line)}_` : escapeMrkdwn(w.line)] : []),
  ];
  const menu = itemMenu(it.id, lang, first);
  return {
    type: 'section',
    text: mrkdwnText(truncate(lines.join('\n'), LIMITS.sectionText)),
    ...(menu ? { accessory: menu } : {}),
  };
}

/** The item as one plain line for a message's `text` (notifications, screen readers): `1. title (date)`. */
export function itemTextLine(it: ItemView, number: number | undefined, lang: Lang): string {
  const w = itemWords(it, lang);
  return `${number === undefined ? '' : `${number}. `}${w.headline} (${formatDate(it.date, lang)})`;
}
