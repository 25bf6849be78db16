import { type Block, context, header, section } from '../present/blocks.js';
import { say } from '../present/catalogue.js';
import { countryList, formatDate, REGION_LABEL } from '../present/labels.js';
import { escapeMrkdwn, link, truncate } from '../present/mrkdwn.js';
import { sectionCitation } from '../query/ask.js';
import type { StoredItem } from '../search/stored-item.js';
import type { Week } from './week.js';

export interface DigestMessage {
  text: string;
  blocks: Block[];
}

/** The digest's own words, from the one message catalogue. */
const T = (lang: 'en' | 'ja') => ({
  title: (w: Week, n: number) => say(lang, 'digestTitle', { from: w.from, to: w.to, n }),
  part: (i: number, n: number) => say(lang, 'digestPart', { i, n }),
  empty: (w: Week) => say(lang, 'digestEmpty', { from: w.from, to: w.to }),
  filters: say(lang, 'filters'),
  all: say(lang, 'allItems'),
});

function itemLine(it: StoredItem, lang: 'en' | 'ja'): string {
  const title = it.urls[0] ? link(it.urls[0], it.title) : escapeMrkdwn(it.title);
  const where = `${escapeMrkdwn(it.source.documentTitle)} · ${escapeMrkdwn(sectionCitation(it))}`;
  const who = countryList(it.countries, lang);
  return truncate(`*${formatDate(it.date, lang)}* ${who} ${title}\n_${where}_`, 2900);
}

export interface RenderOptions {
  lang: 'en' | 'ja';
  filtersLabel?: string;
  /** Most blocks in one message; Slack allows 50. */
  maxBlocks?: number;
}

/**
 * A digest as one or more messages: a header with the week and the count, the items grouped by
 * region (newest first), split across messages so none exceeds Slack's limits.
 */
export function renderDigest(items: StoredItem[], week: Week, o: RenderOptions): DigestMessage[] {
  const t = T(o.lang);
  const max = Math.min(o.maxBlocks ?? 48, 48);
  if (!items.length) return [{ text: t.empty(week), blocks: [section(escapeMrkdwn(t.empty(week)))] }];
  const body: Block[][] = [];
  let current: Block[] = [];
  let region = '';
  const room = (n: number) => current.length + n <= max - 2; // header + context reserved
  for (const it of items) {
    const needHeading = it.region !== region;
    if (!room(needHeading ? 2 : 1)) {
      body.push(current);
      current = [];
      region = '';
    }
    if (it.region !== region) {
      region = it.region;
      current.push(section(`*${REGION_LABEL[region]?.[o.lang] ?? region}*`));
    }
    current.push(section(itemLine(it, o.lang)));
  }
  if (current.length) body.push(current);
  const parts = body.length;
  const filters = `${t.filters}: ${o.filtersLabel ? escapeMrkdwn(o.filtersLabel) : t.all}`;
  return body.map((blocks, i) => {
    const title = t.title(week, items.length);
    const label = parts > 1 ? `${title} (${t.part(i + 1, parts)})` : title;
    return { text: label, blocks: [header(label), context(filters), ...blocks] };
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

/** A digest as plain text (CLI and console). */
export function digestText(items: StoredItem[], week: Week, lang: 'en' | 'ja', filters?: string): string {
  const t = T(lang);
  if (!items.length) return t.empty(week);
  const out = [t.title(week, items.length), `${t.filters}: ${filters || t.all}`];
  let region = '';
  for (const it of items) {
    if (it.region !== region) {
      region = it.region;
      out.push('', `${REGION_LABEL[region]?.[lang] ?? region}`);
    }
    out.push(`  ${formatDate(it.date, lang)}  ${countryList(it.countries, lang)}  ${it.title}`);
    if (it.urls[0]) out.push(`    ${it.urls[0]}`);
    out.push(`    ${it.source.documentTitle} · ${sectionCitation(it)}`);
  }
  return out.join('\n');
}
