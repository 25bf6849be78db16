import { describe, expect, it } from 'vitest';
import { MIN_SHARE } from '../../src/query/decide.js';
import { termDocCount } from '../../src/search/scorer.js';
import { useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('how much of a question an item holds, by rarity (decide.ts MIN_SHARE)', () => {
  it("an item holding the question's one rare word answers, though it lacks two words many items use", () => {
    const index = corpus.index();
    const n = index.items.length;
    const rarity = (df: number) => Math.log((n + 1) / (df + 1));
    // the corpus's most used words among a few, most used first
    const common = ['評価', '開催', 'システム', 'セキュリティ', '会合', 'データ', '公開']
      .map((w) => ({ w, df: termDocCount(index, w) }))
      .sort((a, b) => b.df - a.df);
    let checked = 0;
    for (const item of index.items) {
      if (checked >= 8) break;
      const rare = item.title.match(/[\u30a1-\u30faー]{4,}/)?.[0];
      if (!rare || termDocCount(index, rare) !== 1) continue;
      const lacking = common.filter(({ w }) => !item.title.includes(w) && !item.body.includes(w));
      const [a, b] = lacking;
      if (!a || !b) continue;
      // (only where the rare word is most of the question by the rule itself)
      const share = rarity(1) / (rarity(1) + rarity(a.df) + rarity(b.df));
      if (share < MIN_SHARE + 0.01) continue;
      const q = `${rare}の${a.w}と${b.w}`;
      const r = corpus.ask(q);
      const strong = r.interp.groups.filter((g) => !g.weak && !g.agency);
      // (the rare word read as itself: one alternative, the word, not its common parts)
      const only = strong[0]?.alternatives;
      if (strong.length !== 3 || only?.length !== 1 || only[0]?.length !== 1) continue;
      checked += 1;
      expect(
        corpus.itemsOf(r.results).map((it) => it.id),
        q,
      ).toContain(item.id);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
