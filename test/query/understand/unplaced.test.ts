import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../../src/analyze/kuromoji.js';
import type { Interpretation, TermGroup } from '../../../src/query/understand/context.js';
import { unplacedNouns } from '../../../src/query/understand/unplaced.js';

beforeAll(async () => {
  await loadTokenizer();
});

const interp = (groups: Partial<TermGroup>[], extra: Partial<Interpretation> = {}): Interpretation => ({
  question: '',
  lang: 'ja',
  countries: [],
  regions: [],
  placeNames: {},
  urls: [],
  actors: [],
  period: null,
  filler: [],
  groups: groups.map((g) => ({
    label: '',
    alternatives: [],
    boost: [],
    weak: false,
    untranslated: false,
    ...g,
  })),
  ...extra,
});

describe('the last guard: a word nothing placed', () => {
  it('is returned, to become a concept as typed (never dropped)', () => {
    expect(unplacedNouns('韓国の半導体', interp([], { countries: ['KR'] }))).toEqual(['半導体']);
    expect(unplacedNouns('半導体のAI規制', interp([{ label: '規制' }]))).toEqual(['半導体', 'AI']);
  });

  it('is nothing when every word is a concept, filler, place or period', () => {
    expect(unplacedNouns('韓国の半導体', interp([{ label: '半導体' }], { countries: ['KR'] }))).toEqual([]);
    expect(unplacedNouns('最新の半導体', interp([{ label: '半導体' }], { filler: ['最新'] }))).toEqual([]);
    expect(
      unplacedNouns('2025年12月の半導体', interp([{ label: '半導体' }], { periodText: '2025年12月' })),
    ).toEqual([]);
  });

  it('a typo read as its word is placed (one or two edits in a long word)', () => {
    expect(
      unplacedNouns('プロンプトインジェクッション', interp([{ label: 'プロンプトインジェクション' }])),
    ).toEqual([]);
  });
});
