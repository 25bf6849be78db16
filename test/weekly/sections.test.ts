import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../src/search/stored-item.js';
import type { Subscription } from '../../src/store/digest.js';
import { mayChange } from '../../src/weekly/access.js';
import { digestSections, parseSubscribeText, storedOrder } from '../../src/weekly/sections.js';

const item = (id: string, category: string, countries: string[], start: string): StoredItem =>
  ({
    id,
    category,
    countries,
    region: countries.includes('KR') ? 'asia' : 'us',
    date: { start, end: start },
  }) as StoredItem;

describe('digest sections', () => {
  const items = [
    item('a', 'aisi-activity', ['JP'], '2026-01-15'),
    item('b', 'domestic-policy', ['JP'], '2026-01-14'),
    item('c', 'overseas-policy', ['US'], '2026-01-12'),
    item('d', 'overseas-policy', ['KR'], '2026-01-16'),
  ];
  it('by weight: the subscription’s places, overseas policy, Japan, AISI; newest first within', () => {
    expect(
      digestSections(items, { countries: [], regions: [] }).map((s) => [s.key, s.items.map((i) => i.id)]),
    ).toEqual([
      ['overseas', ['d', 'c']],
      ['japan', ['b']],
      ['aisi', ['a']],
    ]);
    expect(digestSections(items, { countries: ['KR'], regions: [] }).map((s) => s.key)).toEqual([
      'filters',
      'overseas',
      'japan',
      'aisi',
    ]);
  });

  it('a subscription’s own order, in English or Japanese; unknown names are reported', () => {
    expect(parseSubscribeText('Korea EU order:aisi,japan')).toEqual({
      filters: 'Korea EU',
      order: ['filters', 'aisi', 'japan', 'overseas'],
    });
    expect(parseSubscribeText('韓国 順序:国内,海外,AISI').order).toEqual([
      'filters',
      'japan',
      'overseas',
      'aisi',
    ]);
    expect(parseSubscribeText('Korea order:sports').bad).toBe('sports');
    expect(parseSubscribeText('Korea')).toEqual({ filters: 'Korea' });
    expect(storedOrder('aisi,japan,overseas,filters')).toEqual(['aisi', 'japan', 'overseas', 'filters']);
    expect(storedOrder('garbage')).toEqual(['filters', 'overseas', 'japan', 'aisi']);
  });
});

describe('who may change a subscription', () => {
  const sub = { created_by: 'U1' } as Subscription;
  it('anyone where there is none; the subscriber and admins where there is one', () => {
    expect(mayChange(undefined, { userId: 'U2', admin: false })).toBe(true);
    expect(mayChange(sub, { userId: 'U1', admin: false })).toBe(true);
    expect(mayChange(sub, { userId: 'U2', admin: true })).toBe(true);
    expect(mayChange(sub, { userId: 'U2', admin: false })).toBe(false);
    expect(mayChange(sub, undefined)).toBe(false);
    // No known creator (made before the rule): admins only.
    expect(mayChange({ created_by: null } as Subscription, { userId: 'U2', admin: false })).toBe(false);
  });
});
