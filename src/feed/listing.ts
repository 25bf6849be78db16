import { type Cheerio, load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { DIGEST_SERIES } from '../ingest/add.js';
import { nfkc } from '../ingest/text.js';

/** A digest page the listing links. */
export interface ListedDigest {
  url: string;
  /** What the listing says of it (the link's text, or its entry's). */
  title: string;
}

export interface Listing {
  /** Digest pages on the publisher's host, in the listing's order, each once. */
  digests: ListedDigest[];
  /** Digest links leading to another host: never followed, reported. */
  elsewhere: ListedDigest[];
}

/** The series' name with spaces and the width of its letters folded: how an entry is recognised. */
const SERIES = nfkc(DIGEST_SERIES).replace(/\s+/g, '');
const squash = (s: string) => nfkc(s).replace(/\s+/g, ' ').trim();

const ENTRY = 'li, tr, article, dd, dt, [class*="card"], [class*="item"], [class*="post"]';

/** The entry a link stands in, for links whose own text is "詳細" or a date: its list item, row or card. */
function entryOf($link: Cheerio<AnyNode>): { node: AnyNode; text: string } | undefined {
  const entry = $link.closest(ENTRY);
  const node = entry.get(0);
  const text = squash(entry.text());
  // A container holding the whole list is no entry.
  return node && text.length <= 400 ? { node, text } : undefined;
}

/** Link texts that open an entry: 詳細, 続きを読む, read more. */
const READ_MORE = /^(?:詳細|詳しく|続き|もっと|more|read)/i;

const namesSeries = (text: string) => text.replace(/\s+/g, '').includes(SERIES);

/**
 * The monthly digests a listing page links: every link on the publisher's host (the listing's)
 * whose text names the series (AI政策動向マンスリー情報), and for entries whose links say only
 * "詳細" or a date, the entry's first link when the entry's text names it. Pure: the page's HTML
 * and address in, the links out.
 */
export function readListing(html: string, listingUrl: string): Listing {
  const $ = load(html);
  const base = $('base[href]').attr('href')?.trim() || listingUrl;
  const listing = new URL(listingUrl);
  const seen = new Set<string>([listing.href]);
  const usedEntries = new Set<AnyNode>();
  const found: { url: URL; title: string; at: number }[] = [];
  const links = $('a[href]').toArray();
  const addressOf = (el: AnyNode): URL | undefined => {
    try {
      const url = new URL($(el).attr('href')?.trim() ?? '', base);
      url.hash = '';
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
    } catch {
      return undefined;
    }
  };
  const take = (url: URL, title: string, at: number) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    found.push({ url, title, at });
  };
  // Links that name the series themselves.
  links.forEach((el, at) => {
    const url = addressOf(el);
    const own = squash($(el).text());
    if (!url || !namesSeries(own)) return;
    const entry = entryOf($(el));
    if (entry) usedEntries.add(entry.node);
    take(url, own, at);
  });
  // Entries that name it, through the link that opens the entry: the one in its heading or saying
  // 詳細 / read more, else the deepest (a category or tag link is shallower than the post).
  const byEntry = new Map<AnyNode, { url: URL; at: number; rank: number; text: string }[]>();
  links.forEach((el, at) => {
    const url = addressOf(el);
    const entry = entryOf($(el));
    if (!url || seen.has(url.href) || !entry || usedEntries.has(entry.node) || !namesSeries(entry.text))
      return;
    const inHeading =
      $(el).closest('h1, h2, h3, h4, h5, h6').length > 0 || $(el).find('h1, h2, h3, h4, h5, h6').length > 0;
    const opens = inHeading || READ_MORE.test(squash($(el).text()));
    const depth = url.pathname.split('/').filter(Boolean).length;
    const list = byEntry.get(entry.node) ?? [];
    list.push({ url, at, rank: (opens ? 1000 : 0) + depth, text: entry.text });
    byEntry.set(entry.node, list);
  });
  for (const list of byEntry.values()) {
    const best = [...list].sort((a, b) => b.rank - a.rank || a.at - b.at)[0];
    if (best) take(best.url, best.text, best.at);
  }
  found.sort((a, b) => a.at - b.at);
  const digests: ListedDigest[] = [];
  const elsewhere: ListedDigest[] = [];
  for (const f of found)
    (f.url.host === listing.host ? digests : elsewhere).push({ url: f.url.href, title: f.title });
  return { digests, elsewhere };
}
