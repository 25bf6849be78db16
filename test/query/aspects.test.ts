import { describe, expect, it } from 'vitest';
import { questionWords } from '../../src/analyze/lexicon.js';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

/** Questions asking one thing of the institute, in the forms people type (EN and JA). */
const ASKED = [
  'what does the AISI actually do',
  'what is japan aisi for',
  'AISIの役割は？',
  'how many staff does the aisi have',
  'AISIの人員って何人？',
  "what is aisi's budget",
  'AISIの予算はいくら',
  "aisi's future direction",
  'AISIの今後の方向性',
  'when was the aisi founded',
  'AISIはいつ設立された？',
  'who heads the aisi',
];

describe('what a question asks of its subject (question-words.yml aspects)', () => {
  it('each pattern compiles and each aspect is asked by some question', () => {
    const aspects = questionWords().aspects;
    expect(aspects.length).toBeGreaterThan(0);
    for (const a of aspects) {
      const asked = ASKED.some((q) => a.asked.some((p) => new RegExp(p, 'i').test(q)));
      expect(asked, a.rank.join(',')).toBe(true);
    }
  });

  it('ranks first the answers that hold the words of what is asked, when any does', () => {
    let checked = 0;
    for (const q of ASKED) {
      const r = corpus.ask(q);
      const rank = r.interp.rank ?? [];
      expect(rank.length, q).toBeGreaterThan(0);
      const items = corpus.itemsOf(r.results);
      const holds = (i: number) => rank.some((w) => itemText(items[i] as (typeof items)[number]).includes(w));
      if (!items.some((_, i) => holds(i))) continue;
      checked += 1;
      expect(holds(0), `${q}: ${items[0]?.title}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(ASKED.length / 2);
  });
});

describe('an aspect asked with a period, or with "these days"', () => {
  it('the concept asking the aspect is required: a month’s other items are no answer about it', () => {
    // months of the corpus's dated AISI items; the budget word must be held by every answer
    const months = [
      ...new Set(
        corpus
          .index()
          .items.filter((it) => it.date && itemText(it).includes('aisi'))
          .map((it) => (it.date as { start: string }).start.slice(0, 7)),
      ),
    ];
    expect(months.length).toBeGreaterThan(0);
    for (const m of months) {
      const [y, mo] = m.split('-').map(Number) as [number, number];
      for (const q of [`aisi budget in ${y}-${String(mo).padStart(2, '0')}`, `AISIの${y}年${mo}月の予算`]) {
        const r = corpus.ask(q);
        const g = r.interp.groups.find((x) => x.aspect);
        expect(g, q).toBeDefined();
        const forms = (g?.alternatives ?? []).map((alt) => alt.join('').toLowerCase());
        for (const it of corpus.itemsOf(r.results))
          expect(
            forms.some((f) => itemText(it).includes(f)),
            q,
          ).toBe(true);
        if (!r.results.length)
          expect(
            (r.notices ?? []).map((n) => n.code),
            q,
          ).toContain('nothingInPeriod');
      }
    }
  });

  it('"these days", 最近 with an aspect ask about the subject now: no period, said as filler', () => {
    for (const [q, said] of [
      ['how many people work at japan aisi these days', 'these days'],
      ['AISIの最近の体制', '最近'],
      ['who runs aisi now', 'now'],
    ] as const) {
      const r = corpus.ask(q);
      expect(r.interp.period, q).toBeNull();
      expect(r.interp.filler, q).toContain(said);
      expect(r.results.length, q).toBeGreaterThan(0);
    }
    // without an aspect, "these days" is still a period of news
    expect(corpus.ask('aisi news these days').interp.period).not.toBeNull();
  });
});

describe('an aspect word naming who acts', () => {
  it('"talks by aisi staff" asks about talks, not about the staff (no aspect); "how many staff" does', () => {
    expect(corpus.ask('talks by aisi staff on ai security').interp.groups.some((g) => g.aspect)).toBe(false);
    expect(corpus.ask('how many staff does aisi have').interp.groups.some((g) => g.aspect)).toBe(true);
  });
});
