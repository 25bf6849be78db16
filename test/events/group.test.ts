import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeGroups,
  type Groupable,
  groupEvents,
  matchReason,
  titleKey,
  URL_DAYS,
  urlKey,
} from '../../src/events/group.js';
import { FIXTURES } from '../helpers.js';

const ITEMS = JSON.parse(readFileSync(join(FIXTURES, 'events', 'near-misses.json'), 'utf8')) as Groupable[];

/** Groups as sorted lists of member ids, each list primary first. */
function groupsOf(items: Groupable[]): string[][] {
  return groupEvents(items)
    .merged.map((g) => g.members.map((m) => m.item.id))
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

const together = (a: string, b: string) => {
  const ev = groupEvents(ITEMS);
  return ev.of(a)?.id === ev.of(b)?.id;
};

describe('events across documents: fixtures of near-misses', () => {
  it('groups exactly the same events, primary first, and nothing else', () => {
    expect(groupsOf(ITEMS)).toEqual([
      ['digest-a/aisi/1', 'report/1.2/1'],
      ['digest-a/asia/1', 'digest-b/asia/1'],
      ['digest-a/europe/1', 'digest-b/europe/1'],
      ['digest-a/japan/1', 'digest-b/japan/2'],
    ]);
  });

  it('says why each member joined', () => {
    const ev = groupEvents(ITEMS);
    const why = (id: string) => ev.of(id)?.members.find((m) => m.item.id === id)?.why;
    expect(why('report/1.2/1')).toBe('section-title-url');
    expect(why('digest-b/japan/2')).toBe('same-title-date');
    expect(why('digest-b/europe/1')).toBe('same-url');
    expect(describeGroups(ev, ITEMS).join('\n')).toContain('undated section: same title and URL');
  });

  it.each([
    ['report/1.2/2', 'digest-a/aisi/1', 'a report section covering several events that cites one of them'],
    ['digest-a/japan/1', 'digest-b/japan/1', 'same ministry, same day, different documents and URLs'],
    ['digest-a/japan/3', 'digest-b/japan/3', `the same page more than ${URL_DAYS} days apart`],
    ['digest-a/japan/4', 'digest-a/japan/5', 'the same page twice in one document'],
    ['digest-a/us/1', 'digest-b/us/1', "a site's front page"],
    ['digest-c/asia/1', 'digest-a/asia/1', 'a page shared with a member, not with the primary (no chaining)'],
    ['briefing/2/1', 'digest-a/asia/1', 'an undated section with the title but none of the URLs'],
  ])('keeps %s apart from %s: %s', (a, b) => {
    expect(together(a, b)).toBe(false);
  });

  it('is deterministic: the input order changes nothing', () => {
    const want = groupsOf(ITEMS);
    const reversed = [...ITEMS].reverse();
    const rotated = [...ITEMS.slice(7), ...ITEMS.slice(0, 7)];
    expect(groupsOf(reversed)).toEqual(want);
    expect(groupsOf(rotated)).toEqual(want);
  });

  it('never puts two items of one document in a group', () => {
    for (const g of groupEvents(ITEMS).merged) {
      const docs = g.members.map((m) => m.item.source.document);
      expect(new Set(docs).size).toBe(docs.length);
    }
  });

  it('the primary is the dated item; an undated item is never a primary of others', () => {
    for (const g of groupEvents(ITEMS).merged) expect(g.primary.date).toBeDefined();
    const section = ITEMS.find((i) => i.id === 'report/1.2/1') as Groupable;
    const event = ITEMS.find((i) => i.id === 'digest-a/aisi/1') as Groupable;
    expect(matchReason(section, event)).toBeUndefined();
    expect(matchReason(event, section)?.why).toBe('section-title-url');
  });

  it('compares URLs and titles loosely only where the documents differ in print', () => {
    expect(urlKey('http://EC.example.eu/news/ip_26_1/')).toBe(urlKey('https://ec.example.eu/news/ip_26_1'));
    expect(urlKey('https://x.example/a?ID=1')).not.toBe(urlKey('https://x.example/a?id=1'));
    expect(titleKey('「Hiroshima Global Forum」を開催')).toBe(titleKey('Hiroshima Global Forumを開催'));
    expect(titleKey('AI インシデント')).toBe(titleKey('ＡＩインシデント'));
  });
});
