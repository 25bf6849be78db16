import { describe, expect, it } from 'vitest';
import { useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('words an asker leaves out ("not the state stuff", "except Korea", 州法以外)', () => {
  it('are filler, said as such, and neither a concept nor a filter', () => {
    const r = corpus.ask('us federal govt moves in jan 2026, not the state stuff', '2026-02-15');
    expect(r.interpretation.filler).toContain('not the state stuff');
    expect(r.interp.groups.map((g) => g.label)).not.toContain('state');
    expect(r.interpretation.countries).toEqual(['US']);
    const ja = corpus.ask('州法以外の米国のAI規制');
    expect(ja.interpretation.filler).toContain('州法以外');
    expect(ja.interpretation.actors).not.toContain('us-states');
    const eu = corpus.ask('guidance other than the EU');
    expect(eu.interpretation.countries).not.toContain('EU');
  });

  it('a word that only begins like a marker is no marker (notable, exceptions)', () => {
    const r = corpus.ask('notable exceptions in state AI laws in the US');
    expect((r.interpretation.filler ?? []).some((f) => /^(?:not|except)\b/.test(f))).toBe(false);
    expect(r.interp.groups.map((g) => g.label)).toContain('exceptions');
  });
});

describe('generic words typed in the plural or glued after a place', () => {
  it('"announcements" is as weak as "announcement"; 中国関係 and 公表資料 ask about China and MIC', () => {
    const weak = (q: string, label: string) =>
      corpus.ask(q, '2026-02-15').interp.groups.find((g) => g.label === label)?.weak;
    expect(weak('uk ai announcements july 2025', 'announcements')).toBe(true);
    expect(weak('2025年12月の中国関係のニュース', '関係')).toBe(true);
    expect(weak('総務省の2025年7月の公表資料', '公表資料')).toBe(true);
  });

  it('an actor named with "govt" or "gov" is the actor ("us federal govt", "uk gov")', () => {
    expect(corpus.ask('us federal govt moves').interpretation.actors).toContain('us-federal');
    expect(corpus.ask('uk gov ai news').interpretation.actors).toContain('gb-government');
  });
});

describe('conversational frames around a subject', () => {
  it('are filler: the subject alone decides the answer (gimme, summarize, pointers, ちょうだい)', () => {
    const base = corpus.ask('red teaming').results.map((r) => r.id);
    expect(base.length).toBeGreaterThan(0);
    for (const q of [
      'gimme red teaming stuff',
      'summarize red teaming for me',
      'looking into red teaming, any pointers',
    ]) {
      const r = corpus.ask(q);
      expect(r.interpretation.missing, q).toEqual([]);
      expect(
        r.results.map((x) => x.id),
        q,
      ).toEqual(base);
    }
    expect(corpus.ask('レッドチーミングの資料ちょうだい').interpretation.missing).toEqual([]);
  });

  it('"latest" with a subject is the newest of its items; alone, what is recent', () => {
    const r = corpus.ask('latest on red teaming');
    expect(r.interpretation.period).toBeFalsy();
    expect(r.results.length).toBeGreaterThan(0);
    expect(corpus.ask('latest news').interpretation.period).toBeTruthy();
  });
});

describe('a question about what something is, who or when', () => {
  it('ranks overview sections with dated events (without a period): "what is japan\'s aisi for"', () => {
    const r = corpus.ask("what is japan's aisi actually for");
    expect(r.interp.aboutItself).toBe(true);
    const top = corpus.itemsOf(r.results.slice(0, 3));
    // an undated overview section (a briefing or report section) is among the first answers
    expect(top.some((it) => !it.date)).toBe(true);
    // a request for its news is not such a question: dated events first
    const news = corpus.ask('japan aisi news');
    expect(news.interp.aboutItself).toBeFalsy();
  });
});
