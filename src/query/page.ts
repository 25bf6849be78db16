import { englishResultFields } from '../english/attach.js';
import { type EventGroup, eventsOf, eventUrls } from '../events/group.js';
import { englishLine } from '../present/english.js';
import type { SearchIndex } from '../search/index-store.js';
import type { StoredItem } from '../search/stored-item.js';
import type { AskResultItem, AskSource } from './ask.js';
import type { Interpretation } from './understand.js';

/**
 * The last stage of a question: hits → events (an event reported in a digest and the annual
 * report is one result, with every source) → the page shown, each result shaped as the
 * `ask --json` contract prints it (fields, snippet around the words asked, the sources).
 */

/** Where an item sits in its document, as a citation says it: `海外/アジア #2`. */
export function sectionCitation(item: StoredItem): string {
  return item.kind === 'event'
    ? `${item.source.sectionLabel} #${item.source.ordinal}`
    : item.source.sectionLabel;
}

/** The words to look for when cutting a snippet: what was asked, in the corpus's spelling. */
export function highlightWords(interp: Interpretation): string[] {
  return interp.groups.flatMap((g) => [...(g.translation ?? []), g.label]).filter((w) => w.length > 1);
}

/**
 * One or two lines of the body around the first word that was asked about, or its opening
 * when none appears; whole text, never cut inside a URL (bodies hold none).
 */
export function snippet(item: StoredItem, words: string[], max = 120): string {
  const body = item.body.replace(/\s+/g, ' ').trim();
  if (!body) return '';
  const hay = body.normalize('NFKC').toLowerCase();
  let at = -1;
  for (const w of words) {
    const i = hay.indexOf(w.normalize('NFKC').toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (body.length <= max) return body;
  const start = at > 40 ? at - 30 : 0;
  const cut = body.slice(start, start + max);
  return `${start > 0 ? '…' : ''}${cut}${start + max < body.length ? '…' : ''}`;
}

function sourceOf(item: StoredItem): AskSource {
  return {
    id: item.id,
    document: item.source.documentTitle,
    documentId: item.source.document,
    section: sectionCitation(item),
    date: item.date ?? null,
    urls: item.urls,
  };
}

/**
 * One result: an event, shown with its primary item's fields, the URLs of all its sources and
 * the sources listed. Without a group (an item alone), its own.
 */
export function toResultItem(
  item: StoredItem,
  words: string[] = [],
  group?: EventGroup<StoredItem>,
): AskResultItem {
  const members = group && group.members.length > 1 ? group.members.map((m) => m.item) : [item];
  const primary = members[0] as StoredItem;
  return {
    ...resultFields(primary, snippet(primary, words)),
    ...(members.length > 1 && group ? { urls: eventUrls(group) } : {}),
    sources: members.map(sourceOf),
  };
}

/** The result for an item as an event: its group's primary with every source. */
export function eventResult(index: SearchIndex, item: StoredItem, words: string[] = []): AskResultItem {
  const group = eventsOf(index).of(item.id);
  return toResultItem(group?.primary ?? item, words, group);
}

/**
 * Hits → events: the first (best-ranked) hit of an event stands for it, the rest are dropped.
 * Linear in the hits with one map lookup each (a broad question has thousands): only items
 * reported in several documents can repeat an event, so only they are remembered.
 */
export function collapseHits<H extends { item: StoredItem }>(index: SearchIndex, hits: readonly H[]): H[] {
  const events = eventsOf(index);
  const seen = new Set<EventGroup<StoredItem>>();
  const out: H[] = [];
  for (const hit of hits) {
    const group = events.mergedOf(hit.item.id);
    if (group) {
      if (seen.has(group)) continue;
      seen.add(group);
    }
    out.push(hit);
  }
  return out;
}

/** {@link collapseHits} with each kept hit's event (a group of one for an item reported once). */
export function collapseToEvents<H extends { item: StoredItem }>(
  index: SearchIndex,
  hits: readonly H[],
): { hit: H; group: EventGroup<StoredItem> | undefined }[] {
  const events = eventsOf(index);
  return collapseHits(index, hits).map((hit) => ({ hit, group: events.of(hit.item.id) }));
}

function resultFields(item: StoredItem, snippetText: string): Omit<AskResultItem, 'sources'> {
  return {
    id: item.id,
    kind: item.kind,
    date: item.date ?? null,
    title: item.title,
    snippet: snippetText,
    urls: item.urls,
    countries: item.countries,
    category: item.category,
    region: item.region,
    source: {
      document: item.source.documentTitle,
      section: sectionCitation(item),
      documentId: item.source.document,
      line: item.source.line,
    },
    ...(item.instrument ? { instrument: item.instrument } : {}),
    english: englishLine(item),
    ...englishResultFields(item),
  };
}
