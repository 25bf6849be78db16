import { englishResultFields } from '../english/attach.js';
import { type Block, context, header, section } from '../present/blocks.js';
import { say } from '../present/catalogue.js';
import { englishLine } from '../present/english.js';
import { type ItemView, itemSection, itemTextLine, itemWords } from '../present/item-section.js';
import { countryList, formatDate, REGION_LABEL } from '../present/labels.js';
import { escapeMrkdwn, fitLines, LIMITS, truncatePlain } from '../present/mrkdwn.js';
import { sectionCitation } from '../query/ask.js';
import type { StoredItem } from '../search/stored-item.js';
import { DEFAULT_ORDER, digestSections, type PlaceFilter, type SectionKey } from './sections.js';
import type { Week } from './week.js';

export interface DigestMessage {
  text: string;
  blocks: Block[];
  /** The items of this message in the order shown; numbers run across the digest's messages. */
  itemIds?: string[];
}

/** The digest's own words, from the one message catalogue. */
const T = (lang: 'en' | 'ja') => ({
  title: (w: Week, n: number) => say(lang, 'digestTitle', { from: w.from, to: w.to, n }),
  part: (i: number, n: number) => say(lang, 'digestPart', { i, n }),
  empty: (w: Week) => say(lang, 'digestEmpty', { from: w.from, to: w.to }),
  filters: say(lang, 'filters'),
  all: say(lang, 'allItems'),
});

/** A section's heading: the subscription's own filters by name, the others by what they hold. */
function sectionHeading(key: SectionKey, lang: 'en' | 'ja', filters?: string): string {
  switch (key) {
    case 'filters':
      return say(lang, 'sectionFilters', { label: filters || say(lang, 'allItems') });
    case 'overseas':
      return say(lang, 'sectionOverseas');
    case 'japan':
      return say(lang, 'sectionJapan');
    case 'aisi':
      return say(lang, 'sectionAisi');
  }
}

export interface RenderOptions {
  lang: 'en' | 'ja';
  filtersLabel?: string;
  /** The places the subscription asked for: their items make the first section. */
  places?: PlaceFilter;
  /** The subscription's section order (default: its filters, overseas, Japan, AISI). */
  order?: readonly SectionKey[];
  /** Most blocks in one message; Slack allows 50. */
  maxBlocks?: number;
}

/**
 * A stored item as an item section shows it: the English title and summary when the corpus has
 * them, else the English line built from the item (English subscribers only read it).
 */
function viewOf(it: StoredItem, lang: 'en' | 'ja'): ItemView {
  return {
    id: it.id,
    title: it.title,
    ...(lang === 'en' ? { english: englishLine(it) } : {}),
    // The English of data/english/, carried by the stored item (`en`), as ask results carry it.
    ...englishResultFields(it),
    date: it.date ?? null,
    countries: it.countries,
    urls: it.urls,
  };
}

/** The digest's items in the order they are shown (sections by weight), numbered from 1 across its messages. */
function digestOrder(items: readonly StoredItem[], o: Pick<RenderOptions, 'places' | 'order'>) {
  return digestSections(items, o.places ?? { countries: [], regions: [] }, o.order ?? DEFAULT_ORDER);
}

/**
 * A digest as one or more messages: a header with the week and the count, the items in sections
 * by weight (the subscription's filters, overseas policy, Japan, AISI's activities — or the
 * subscription's own order), each item one section with its item menu (Cite), numbered across
 * the whole digest so `cite 3` in its thread is the item numbered 3. Split across messages so
 * none exceeds Slack's limits; each message's `text` lists its items (notifications, screen
 * readers).
 */
export function renderDigest(items: StoredItem[], week: Week, o: RenderOptions): DigestMessage[] {
  const t = T(o.lang);
  const max = Math.min(o.maxBlocks ?? 48, 48);
  if (!items.length) return [{ text: t.empty(week), blocks: [section(escapeMrkdwn(t.empty(week)))] }];
  const filters = o.filtersLabel ? escapeMrkdwn(o.filtersLabel) : undefined;
  const body: { blocks: Block[]; lines: string[]; ids: string[] }[] = [];
  let current: (typeof body)[number] = { blocks: [], lines: [], ids: [] };
  let n = 0;
  // Header, filters and the reply hint are added to every message.
  const room = (k: number) => current.blocks.length + k <= max - 3;
  for (const s of digestOrder(items, o)) {
    let headed = false;
    for (const it of s.items) {
      if (!room(headed ? 1 : 2)) {
        body.push(current);
        current = { blocks: [], lines: [], ids: [] };
        headed = false;
      }
      if (!headed) {
        current.blocks.push(section(`*${sectionHeading(s.key, o.lang, filters)}*`));
        headed = true;
      }
      n += 1;
      const view = viewOf(it, o.lang);
      current.blocks.push(itemSection(view, n, o.lang));
      current.lines.push(escapeMrkdwn(truncatePlain(itemTextLine(view, n, o.lang), 300)));
      current.ids.push(it.id);
    }
  }
  if (current.blocks.length) body.push(current);
  const parts = body.length;
  const filtersLine = `${t.filters}: ${filters ?? t.all}`;
  return body.map((part, i) => {
    const title = t.title(week, items.length);
    const label = parts > 1 ? `${title} (${t.part(i + 1, parts)})` : title;
    return {
      text: fitLines([escapeMrkdwn(label), ...part.lines], LIMITS.fallbackText),
      blocks: [header(label), context(filtersLine), ...part.blocks, context(say(o.lang, 'digestReplyHint'))],
      itemIds: part.ids,
    };
  });
}

/** The filters as understood, for confirmations and headers: `🇰🇷 South Korea, 🇪🇺 EU · guidelines`. */
export function filtersLabel(
  f: { countries: string[]; regions: string[]; terms: string[] },
  lang: 'en' | 'ja',
): string {
  const parts: string[] = [];
  if (f.countries.length) parts.push(countryList(f.countries, lang));
  const regions = f.regions.filter((r) => !(r === 'europe' && f.countries.includes('EU')));
  if (regions.length) parts.push(regions.map((r) => REGION_LABEL[r]?.[lang] ?? r).join(', '));
  if (f.terms.length) parts.push(f.terms.join(', '));
  return parts.join(' · ');
}

/** A digest as plain text (CLI and console), in the same sections and numbers as in Slack. */
export function digestText(
  items: StoredItem[],
  week: Week,
  lang: 'en' | 'ja',
  filters?: string,
  o: Pick<RenderOptions, 'places' | 'order'> = {},
): string {
  const t = T(lang);
  if (!items.length) return t.empty(week);
  const out = [t.title(week, items.length), `${t.filters}: ${filters || t.all}`];
  let n = 0;
  for (const s of digestOrder(items, o)) {
    out.push('', sectionHeading(s.key, lang, filters));
    for (const it of s.items) {
      n += 1;
      const w = itemWords(viewOf(it, lang), lang);
      out.push(`  ${n}. ${formatDate(it.date, lang)}  ${countryList(it.countries, lang)}  ${w.headline}`);
      if (w.beneath) out.push(`    ${[w.beneath, ...w.notes].join(' · ')}`);
      if (it.urls[0]) out.push(`    ${it.urls[0]}`);
      out.push(`    ${it.source.documentTitle} · ${sectionCitation(it)}`);
    }
  }
  return out.join('\n');
}
