import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, type Groupable } from '../../src/events/group.js';
import { askJson } from '../../src/present/ask-json.js';
import { ask } from '../../src/query/ask.js';
import { cite } from '../../src/query/cite.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { selectDigest, weekItems } from '../../src/weekly/select.js';
import { weekContaining } from '../../src/weekly/week.js';
import { FIXTURES } from '../helpers.js';
import { realIndex } from '../slack/harness.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});
const TODAY = '2026-11-23';
const run = (q: string, limit = 50) => askJson(ask(index, q, { today: TODAY, limit }));

describe('events across documents on the real corpus', () => {
  it('the AI incident response approach book is one event: the January digest item with the report section', () => {
    const g = eventsOf(index).of('aisi-annual-report-2025/1.2/1/5');
    expect(g?.primary.source.document).toMatch(/^digest-/);
    expect(g?.members.map((m) => m.item.id)).toContain('aisi-annual-report-2025/1.2/1/5');
  });

  it('a report section that covers several events and cites one of them stays apart', () => {
    const events = eventsOf(index);
    // Every member of a group shares its normalized title with the primary or its primary URL.
    for (const g of events.merged)
      for (const m of g.members.slice(1)) expect(m.why, `${m.item.id} joined ${g.id}`).toBeDefined();
    // An item listing a grouped URL among many others, under its own title, is not a member.
    const grouped = new Set(events.merged.flatMap((g) => g.members.map((m) => m.item.id)));
    const urlsOfGroups = new Set(events.merged.flatMap((g) => g.members.flatMap((m) => m.item.urls)));
    const coverers = index.items.filter(
      (it) => it.kind === 'section' && it.urls.length > 2 && it.urls.some((u) => urlsOfGroups.has(u)),
    );
    for (const c of coverers) expect(grouped.has(c.id), c.id).toBe(false);
  });

  it('asked for a merged event by its title, the answer has it once, listing every source and URL', () => {
    const { merged } = eventsOf(index);
    expect(merged.length).toBeGreaterThan(0);
    for (const g of merged) {
      const r = run(g.primary.title);
      const ids = g.members.map((m) => m.item.id);
      const carrying = r.results.filter((x) => x.sources.some((s) => ids.includes(s.id)));
      expect(carrying, g.primary.title).toHaveLength(1);
      const one = carrying[0];
      expect(one?.id).toBe(g.id);
      expect(one?.date).toEqual(g.primary.date);
      expect(one?.sources.map((s) => s.id)).toEqual(ids);
      for (const m of g.members) {
        // Every source's URLs exactly as that document prints them.
        for (const u of m.item.urls) expect(one?.urls).toContain(u);
        const s = one?.sources.find((x) => x.id === m.item.id);
        expect(s?.urls).toEqual(m.item.urls);
        expect(s?.date).toEqual(m.item.date ?? null);
        expect(s?.document).toBe(m.item.source.documentTitle);
      }
    }
  });

  it('counts and pages are events: no event twice in an answer, total = events', () => {
    for (const q of ['AISI', 'AIセーフティ・インスティテュート', 'Japan', 'guidelines']) {
      const all = run(q, 500);
      const seen = all.results.flatMap((x) => x.sources.map((s) => s.id));
      expect(new Set(seen).size, q).toBe(seen.length);
      expect(all.total, q).toBe(all.results.length);
      // Pages cover the same events as the whole list, in the same order.
      const paged = [0, 5, 10].flatMap(
        (offset) => askJson(ask(index, q, { today: TODAY, limit: 5, offset })).results,
      );
      expect(paged.map((x) => x.id)).toEqual(all.results.slice(0, paged.length).map((x) => x.id));
    }
  });

  it('ask --json keeps its fields and adds sources for every result', () => {
    const r = run('AI incident response approach book');
    for (const x of r.results) {
      expect(Object.keys(x)).toEqual(
        expect.arrayContaining(['id', 'kind', 'date', 'title', 'snippet', 'urls', 'source', 'sources']),
      );
      expect(x.sources[0]?.id).toBe(x.id);
      expect(x.source.documentId).toBe(x.sources[0]?.documentId);
    }
  });

  it('citing any member id or URL cites the event and lists all its sources', () => {
    for (const g of eventsOf(index).merged) {
      const ids = g.members.map((m) => m.item.id);
      const inputs = [...ids, ...g.members.flatMap((m) => m.item.urls)];
      for (const input of inputs) {
        const c = cite(index, input, TODAY);
        expect(c.item?.id, input).toBe(g.id);
        expect(c.sources?.map((s) => s.id)).toEqual(ids);
        for (const a of c.alsoIn) expect(ids).not.toContain(a.id);
      }
    }
  });
});

describe('the weekly digest carries an event once', () => {
  /** A later digest reporting an event of the corpus again (same page, next day). */
  function withLateReport(idx: SearchIndex, of: StoredItem): StoredItem[] {
    const copy: StoredItem = {
      ...of,
      id: 'digest-9999-99/aisi/1',
      date: of.date ? { start: of.date.start, end: of.date.end } : undefined,
      source: { ...of.source, document: 'digest-9999-99', documentTitle: 'later digest' },
    } as StoredItem;
    return [...idx.items, copy];
  }

  it('an event reported by two digests in the same week appears once', () => {
    const event = index.items.find((i) => i.kind === 'event' && i.date && i.urls.length) as StoredItem;
    const items = withLateReport(index, event);
    const week = weekContaining(event.date?.start as string);
    const chosen = weekItems(items, null, week);
    const copies = chosen.filter((i) => i.urls[0] === event.urls[0] && i.title === event.title);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.id).toBe(event.id);
  });

  it('a late report of an event already sent is not sent again', () => {
    const event = index.items.find((i) => i.kind === 'event' && i.date && i.urls.length) as StoredItem;
    const items = withLateReport(index, event);
    const week = weekContaining(event.date?.start as string);
    const chosen = selectDigest({
      items,
      allowed: null,
      week,
      firstSeen: new Map([['digest-9999-99/aisi/1', '2099-01-01T00:00:00Z']]),
      since: '2000-01-01T00:00:00Z',
      subscribedAt: '2000-01-01T00:00:00Z',
      sent: new Set([event.id]),
    });
    expect(chosen.map((i) => i.id)).not.toContain('digest-9999-99/aisi/1');
    expect(chosen.map((i) => i.id)).not.toContain(event.id);
  });

  it('near-miss fixtures: two events of the same ministry on the same day are both in the digest', () => {
    const fixtures = JSON.parse(
      readFileSync(join(FIXTURES, 'events', 'near-misses.json'), 'utf8'),
    ) as Groupable[];
    const items = fixtures.map((f) => ({
      ...f,
      region: 'japan',
      countries: ['JP'],
    })) as unknown as StoredItem[];
    const chosen = weekItems(items, null, weekContaining('2026-01-20')).map((i) => i.id);
    expect(chosen).toContain('digest-a/japan/1');
    expect(chosen).toContain('digest-b/japan/1');
    expect(chosen).not.toContain('digest-b/japan/2'); // the same event as digest-a/japan/1
  });
});

describe('grouping is computed once per index', () => {
  it('the same index object gives the same groups object; a new index (a reload) groups again', () => {
    const first = eventsOf(index);
    expect(eventsOf(index)).toBe(first);
    const reloaded: SearchIndex = { ...index, items: [...index.items] };
    const again = eventsOf(reloaded);
    expect(again).not.toBe(first);
    expect(again.merged.map((g) => g.members.map((m) => m.item.id))).toEqual(
      first.merged.map((g) => g.members.map((m) => m.item.id)),
    );
  });

  it('an item reported once is an event of one source; an unknown id is no event', () => {
    const events = eventsOf(index);
    const single = index.items.find((i) => events.of(i.id)?.members.length === 1) as StoredItem;
    expect(events.of(single.id)?.primary).toBe(single);
    expect(events.of('no/such/1')).toBeUndefined();
  });
});
