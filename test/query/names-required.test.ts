import { describe, expect, it } from 'vitest';
import { tokenizerSync } from '../../src/analyze/kuromoji.js';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a name every answer must match (decide.ts requiredConcepts)', () => {
  it('a Latin name in a Japanese question: every answer names it, or the answer is empty', () => {
    // names the corpus prints in mixed case, each asked with a subject of other items
    const names = ['Grok', 'Kanana', 'DeepMind', 'OpenAI', 'Anthropic'].filter((n) => corpus.corpusHas(n));
    expect(names.length).toBeGreaterThan(0);
    let checked = 0;
    for (const name of names) {
      const r = corpus.ask(`${name}の性的な画像の生成とセキュリティの問題`);
      // (a name the glossary translates, Anthropic → アンソロピック, is a concept like any other)
      if (!r.interp.groups.find((g) => g.label === name)?.name) continue;
      checked += 1;
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(name.toLowerCase());
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a surname asked (understand.ts personNamed)', () => {
  it('every answer names the person; a month without them answers nothing, whatever else it holds', () => {
    const index = corpus.index();
    // surnames printed in the corpus's titles (所長の村上, 副所長の平本), by kuromoji's own tag
    const surnames = new Set<string>();
    for (const it of index.items)
      for (const t of tokenizerSync().tokenize(it.title))
        if (t.pos_detail_2 === '人名' && t.pos_detail_3 === '姓' && t.surface_form.length >= 2)
          surnames.add(t.surface_form);
    expect(surnames.size).toBeGreaterThan(0);
    const months = [...new Set(index.items.flatMap((it) => (it.date ? [it.date.start.slice(0, 7)] : [])))];
    let emptied = 0;
    for (const name of surnames) {
      for (const month of months) {
        const [y, m] = month.split('-').map(Number) as [number, number];
        const r = corpus.ask(`${y}年${m}月の${name}の講演`);
        for (const item of corpus.itemsOf(r.results))
          expect(itemText(item), `${name} ${month}`).toContain(name);
        const has = index.items.some((it) => it.date?.start.startsWith(month) && itemText(it).includes(name));
        if (!has) {
          expect(r.results, `${name} ${month}`).toEqual([]);
          emptied += 1;
        }
      }
    }
    expect(emptied).toBeGreaterThan(0);
  });
});
