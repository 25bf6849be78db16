import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { applyAdd, planAdd } from '../../src/ingest/add.js';
import { ask } from '../../src/query/ask.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import { buildVocabulary, decodeVocabulary, encodeVocabulary } from '../../src/search/vocabulary.js';
import { DATA_DIR, FIXTURES } from '../helpers.js';

beforeAll(async () => {
  await loadTokenizer();
});

describe('the corpus vocabulary (index/vocabulary.json)', () => {
  it('links English glosses to the corpus terms that have them, first senses only', () => {
    const v = buildVocabulary(['補助', '機関', 'ガイドライン', 'ai']);
    expect(v.english.get('subsidy')).toContain('補助');
    expect(v.english.get('agency')).toContain('機関');
    expect(v.english.get('guideline')).toContain('ガイドライン');
    // 機関 is also "trick" and "string puppet" in later senses: not a translation to offer.
    expect(v.english.get('trick')).toBeUndefined();
    expect(v.english.get('string puppet')).toBeUndefined();
  });

  it("links a two-word gloss's last word only where no term glosses that word itself", () => {
    // 枝肉 is "dressed carcass", 水道管 "water pipe": a question about carcasses or pipes finds them.
    const v = buildVocabulary(['枝肉', '水道管', '文科', '内閣府', 'ソウル']);
    expect(v.english.get('carcass')).toEqual(['枝肉']);
    expect(v.english.get('pipe')).toEqual(['水道管']);
    // Not a term with a one-word gloss of its own (文科: "liberal arts; humanities"), a name
    // (内閣府: "Cabinet Office"), or a loanword's later sense (ソウル: "soul music").
    expect(v.english.get('arts')).toBeUndefined();
    expect(v.english.get('office')).toBeUndefined();
    expect(v.english.get('music')).toBeUndefined();
    // A word some term glosses directly keeps only that term.
    const both = buildVocabulary(['水道管', 'パイプ']);
    expect(both.english.get('pipe')).toEqual(['パイプ']);
  });

  it("links a one-kanji term by its two-word glosses only (駅: 'train station', never 'station')", () => {
    const v = buildVocabulary(['駅', '船']);
    expect(v.english.get('train station')).toEqual(['駅']);
    expect(v.english.get('station')).toBeUndefined();
    expect(v.english.get('ship')).toBeUndefined();
  });

  it('reads kanji compounds by their reading (a typo by ear finds the word)', () => {
    const v = buildVocabulary(['人工知能基本計画', '基本法']);
    expect(v.readings.get('ジンコウチノウキホンケイカク')).toEqual(['人工知能基本計画']);
  });

  it('is deterministic, whatever the order of the terms, and round-trips', () => {
    const a = buildVocabulary(['補助', '機関', '規制', '監督']);
    const b = buildVocabulary(['監督', '規制', '機関', '補助']);
    expect(encodeVocabulary(a)).toBe(encodeVocabulary(b));
    expect(encodeVocabulary(decodeVocabulary(encodeVocabulary(a)))).toBe(encodeVocabulary(a));
    expect(() => decodeVocabulary('{"english": 3}')).toThrow(/english/);
  });
});

describe('a month with new words extends it by itself (policy-bot add, no lexicon entry, no download)', () => {
  let before: SearchIndex;
  let after: SearchIndex;
  beforeAll(async () => {
    before = buildIndex(DATA_DIR).index;
    const data = join(mkdtempSync(join(tmpdir(), 'policy-bot-vocab-')), 'data');
    cpSync(DATA_DIR, data, { recursive: true });
    const file = join(FIXTURES, 'new-month', 'digests', '2026-02.txt');
    // `replace`: once the real February 2026 is in data/, the fixture takes its place in the copy
    // (and the real month's English goes with it).
    rmSync(join(data, 'english', 'digest-2026-02.yml'), { force: true });
    const plan = await planAdd({
      dataDir: data,
      file: '2026-02.txt',
      bytes: readFileSync(file),
      replace: true,
    });
    await applyAdd(data, plan, async () => {});
    after = buildIndex(data).index;
  });

  it('gains glosses for terms only the new month uses, and English questions find its items', () => {
    const month = after.items.filter((i) => i.source.document === 'digest-2026-02');
    expect(month.length).toBeGreaterThan(0);
    const gained = [...after.vocabulary.english].filter(
      ([key, terms]) =>
        /^[a-z]+$/.test(key) && terms.some((t) => !(before.vocabulary.english.get(key) ?? []).includes(t)),
    );
    expect(gained.length).toBeGreaterThan(0);
    // Some gained gloss, asked as an English question in the month, finds one of its items.
    const found = gained.some(([key]) => {
      const r = ask(after, `${key} february 2026`, { today: '2026-03-10', limit: 10 });
      return r.results.some((x) => x.id.startsWith('digest-2026-02/'));
    });
    expect(found).toBe(true);
  });
});
