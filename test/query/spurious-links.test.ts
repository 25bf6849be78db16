import { describe, expect, it } from 'vitest';
import { stemKatakana } from '../../src/analyze/analyzer.js';
import {
  englishLemmas,
  isEnglishWord,
  lookupEnglish,
  lookupEnglishWord,
  lookupJapanese,
} from '../../src/analyze/dictionary.js';
import { corpusLookups } from '../../src/query/corpus-lookups.js';
import { understand } from '../../src/query/understand.js';
import { anyMatch, hasTerm } from '../../src/search/scorer.js';
import { useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();

/**
 * Subjects a policy bot is asked about that the corpus may not hold. Each test below picks the
 * ones the corpus lacks and that would meet the trap it tests, so a month that brings the word
 * changes which words are checked, not the test.
 */
const SUBJECTS = [
  'religion',
  'insurance',
  'retail',
  'gaming',
  'mountains',
  'concerts',
  'garbage',
  'cracking',
  'roads',
  'space',
  'clothing',
  'trucks',
  'wizards',
  'bakery',
  'poetry',
  'casinos',
  'lottery',
];

describe('a real English word the corpus lacks', () => {
  it('is not answered through another real word a letter or two away (religion ~ region, insurance ~ assurance)', () => {
    const index = corpus.index();
    const trapped = SUBJECTS.filter(
      (w) =>
        w.length >= 6 &&
        isEnglishWord(w) &&
        !corpus.corpusHas(w.replace(/s$/, '')) &&
        !anyMatch(index, [w], false) &&
        // (plain fuzzy matching, as before, finds something: the trap exists)
        anyMatch(index, [w], 0.2),
    );
    expect(trapped.length).toBeGreaterThan(0);
    for (const w of trapped) {
      const r = corpus.ask(`ai ${w} rules`);
      expect(r.results, w).toEqual([]);
      expect(r.interpretation.missing ?? [], w).toContain(w);
    }
  });

  it('is not read as a loanword the corpus writes only inside a longer katakana word (roads: ロード of ロードマップ)', () => {
    const index = corpus.index();
    const alone = corpusLookups(index).katakanaAlone;
    const trapped = SUBJECTS.flatMap((w) => {
      const loan = lookupEnglishWord(w)?.katakana;
      const kana = loan ? stemKatakana(loan) : undefined;
      return kana && hasTerm(index, kana) && !alone?.(kana) && !alone?.(loan as string) ? [{ w, kana }] : [];
    });
    expect(trapped.length).toBeGreaterThan(0);
    for (const { w, kana } of trapped) {
      const g = corpus.ask(`${w} policy`).interp.groups.find((x) => x.label === w);
      expect(g, w).toBeDefined();
      expect(
        (g?.alternatives ?? []).map((a) => a.join('')),
        w,
      ).not.toContain(kana);
    }
  });
});

describe('a Japanese word the corpus lacks', () => {
  it('one kanji it never writes (鳥, 犬, 詩) is a subject it lacks, not a word that only ranks', () => {
    const absent = ['鳥', '犬', '猫', '鯨', '蜂', '詩', '虎', '桜'].filter((w) => !corpus.corpusHas(w));
    expect(absent.length).toBeGreaterThan(0);
    for (const w of absent) {
      const r = corpus.ask(`${w}のAI規制`);
      const g = r.interp.groups.find((x) => x.label === w);
      expect(g?.weak, w).toBe(false);
      expect(r.results, w).toEqual([]);
    }
  });

  it('is read through a later gloss only as terms sharing a kanji with it, or loanwords (宗教 "religion; faith" is no 信頼)', () => {
    const absent = ['宗教', '天気', '税金', '手術', '保険'].filter((w) => !corpus.corpusHas(w));
    expect(absent.length).toBeGreaterThan(0);
    for (const w of absent) {
      const g = corpus.ask(w).interp.groups.find((x) => x.label === w);
      expect(g, w).toBeDefined();
      // (what the first gloss links: the word's meaning, taken as it is)
      const first = englishLemmas(lookupJapanese(w)?.senses[0]?.[0] ?? '');
      const byFirst = (t: string) =>
        (lookupJapanese(t)?.senses ?? []).some((sense) =>
          sense.some((x) => first.includes(x.toLowerCase())),
        ) || first.some((l) => lookupEnglish(l)?.headwords.includes(t));
      for (const t of g?.translation ?? [])
        expect(
          [...w].some((c) => /[\u3400-\u9fff]/.test(c) && t.includes(c)) ||
            /^[\u30a1-\u30faー]+$/.test(t) ||
            byFirst(t),
          `${w} → ${t}`,
        ).toBe(true);
    }
  });
});

describe('a phrase whose dictionary Japanese is an abbreviation in Latin letters', () => {
  it('is not read as that abbreviation (occupational therapists: ＯＴ is no operational technology)', () => {
    const e = lookupEnglishWord('occupational therapist');
    // (the trap exists: the dictionary abbreviates it OT, which the corpus uses for another thing)
    expect(e?.headwords.map((h) => h.normalize('NFKC').toLowerCase())).toContain('ot');
    const r = corpus.ask('ai guidance for occupational therapists');
    const g = r.interp.groups.find((x) => x.label === 'occupational therapists');
    expect((g?.alternatives ?? []).map((a) => a.join(''))).not.toContain('ot');
  });
});

describe('a Latin word in a Japanese question', () => {
  it('is a name, never an English question word misspelt (naver is no "never")', () => {
    const r = corpus.ask('韓国AISIのnaverモデル評価');
    expect(r.interp.filler).not.toContain('naver');
    expect(r.interp.groups.map((g) => g.label)).toContain('naver');
  });
});

describe('a word typed in capitals that the corpus prints', () => {
  it('is that name, not the dictionary word (RAISE is no "raise": 調達, 募集)', () => {
    // (the trap exists: "raise" in lowercase reads the dictionary's Japanese)
    const lower = corpus.ask('raise').interp.groups[0];
    expect((lower?.translation ?? []).length).toBeGreaterThan(0);
    const g = corpus.ask('RAISE').interp.groups[0];
    expect(g?.label).toBe('RAISE');
    expect(g?.translation ?? []).toEqual([]);
    expect(corpus.ask('RAISE').results.length).toBeGreaterThan(0);
  });
});

describe('a katakana loanword the dictionary knows', () => {
  it('sounds only like its own English among the corpus’s Latin words (リサイクル is no "healthcare")', () => {
    const g = corpus.ask('リサイクル').interp.groups.find((x) => x.label === 'リサイクル');
    expect(g).toBeDefined();
    const latin = (g?.alternatives ?? []).map((a) => a.join(' ')).filter((a) => /^[a-z ]+$/.test(a));
    expect(latin.filter((a) => !a.startsWith('recycl'))).toEqual([]);
  });
});

describe('a person word read through its field', () => {
  it('only where the field’s English is the word’s (lifeguard: 監視員 is no 監視, "monitoring")', () => {
    const index = corpus.index();
    // (the trap exists: the dictionary's lifeguard is 監視員, and the corpus writes 監視)
    expect(lookupEnglishWord('lifeguard')?.headwords).toContain('監視員');
    expect(hasTerm(index, '監視')).toBe(true);
    const g = corpus.ask('lifeguards').interp.groups.find((x) => x.label === 'lifeguards');
    expect((g?.alternatives ?? []).map((a) => a.join(''))).not.toContain('監視');
  });
});

describe('adverbs', () => {
  it('an adverb the corpus lacks is filler, said as such (finally, politically, 結局)', () => {
    const lookups = () => corpusLookups(corpus.index());
    let checked = 0;
    for (const [q, word] of [
      ['did the ai basic law finally take effect', 'finally'],
      ['chatbots that are politically biased', 'politically'],
      ['SB53って結局何を義務づけてるの？', '結局'],
    ] as const) {
      if (corpus.corpusHas(word)) continue;
      checked++;
      const u = understand(q, '2026-02-15', lookups());
      expect(u.filler, q).toContain(word);
      expect(u.groups.map((g) => g.label)).not.toContain(word);
    }
    // (a month may bring one of the words; it cannot bring all three and leave nothing checked)
    expect(checked).toBeGreaterThan(0);
    // (an -ly word that is no adverb of its stem — elderly — stays a subject)
    const kept = understand('robots for the elderly', '2026-02-15', lookups());
    expect(kept.filler).not.toContain('elderly');
    expect(kept.groups.map((g) => g.label)).toContain('elderly');
  });
});

describe('words of a subject the stop-word list holds', () => {
  it('zero, tv and web are subjects, never filler (zero trust is not trust)', () => {
    const lookups = () => corpusLookups(corpus.index());
    for (const [q, word] of [
      ['zero trust architecture', 'zero'],
      ['are tv stations using ai', 'tv'],
      ['ai on the web', 'web'],
    ] as const) {
      const u = understand(q, '2026-02-15', lookups());
      expect(u.filler, q).not.toContain(word);
      expect(u.groups.map((g) => g.label.toLowerCase())).toContain(word);
    }
  });
});

describe('English words typed for a katakana word the corpus writes', () => {
  it('finds it by sound where a word has no loanword in the dictionary (incident response)', () => {
    const run = 'インシデントレスポンス';
    if (!corpus.corpusHas(run)) return;
    const sounding = corpusLookups(corpus.index()).katakanaSounding?.('incidentresponse') ?? [];
    expect(sounding).toContain(run);
  });

  it('not by sound alone where a word has a loanword the run lacks (security research is no セキュリティリスク)', () => {
    const g = understand('security research', '2026-02-15', corpusLookups(corpus.index())).groups;
    expect(g.map((x) => x.readAs)).not.toContain('セキュリティリスク');
  });
});

describe('an -ing word right after its noun', () => {
  it('is what the noun does — filler when the corpus has no reading of it — not the subject', () => {
    const lookups = () => corpusLookups(corpus.index());
    const verb = understand('songwriters losing money to ai', '2026-02-15', lookups());
    if (!corpus.corpusHas('losing')) expect(verb.filler).toContain('losing');
    // (and a relative clause's verb: "ai that chats like a human")
    const clause = understand('rules for ai that chats like a human', '2026-02-15', lookups());
    if (!corpus.corpusHas('chats')) expect(clause.filler).toContain('chats');
    // (and a passive: "voices are being cloned")
    const passive = understand('voices are being cloned by scammers', '2026-02-15', lookups());
    if (!corpus.corpusHas('cloned')) expect(passive.filler).toContain('cloned');
    // (a gerund after a preposition or after "ai" is the subject: ai in mining, ai mining rules)
    for (const q of ['ai in beekeeping', 'ai beekeeping rules']) {
      if (corpus.corpusHas('beekeeping')) continue;
      const u = understand(q, '2026-02-15', lookups());
      expect(u.filler, q).not.toContain('beekeeping');
      expect(corpus.ask(q).results, q).toEqual([]);
    }
  });
});

describe('a verb after a word that takes one', () => {
  const lookups = () => corpusLookups(corpus.index());
  it('is filler when the corpus has no reading of it: allowed to air, ai to tag, need replacing, plugging ai', () => {
    const cases: [string, string][] = [
      ['are broadcasters allowed to air synthetic footage', 'air'],
      ['museums using ai to tag their collections', 'tag'],
      ['predicting when rails need replacing', 'replacing'],
      ['guidance on plugging ai into factories', 'plugging'],
      ["why it shouldn't be treated like sql injection", 'treated'],
    ];
    let checked = 0;
    for (const [q, word] of cases) {
      if (corpus.corpusHas(word)) continue;
      checked++;
      const u = understand(q, '2026-02-15', lookups());
      expect(u.filler, q).toContain(word);
      expect(
        u.groups.map((g) => g.label.toLowerCase()),
        q,
      ).not.toContain(word);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('is a subject after a noun\'s "to" (threats to beekeeping), and a verb the corpus has stays a concept', () => {
    let checked = 0;
    if (!corpus.corpusHas('beekeeping')) {
      checked++;
      const u = understand('threats to beekeeping from ai', '2026-02-15', lookups());
      expect(u.filler).not.toContain('beekeeping');
      expect(corpus.ask('threats to beekeeping from ai').results).toEqual([]);
    }
    if (corpus.corpusHas('ban')) {
      checked++;
      const u = understand('countries planning to ban deepfakes', '2026-02-15', lookups());
      expect(u.filler).not.toContain('ban');
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('which words are verbs', () => {
  const lookups = () => corpusLookups(corpus.index());
  it('a plural after "which" is the subject, not a relative clause\'s verb (decide which renters)', () => {
    if (corpus.corpusHas('renters')) return;
    const u = understand('landlords deciding which renters get approved', '2026-02-15', lookups());
    expect(u.filler).not.toContain('renters');
  });

  it('a verb after a verb-taker is filler before any related reading of it (keeps bringing … up)', () => {
    if (corpus.corpusHas('bringing')) return;
    const u = understand('the team keeps bringing prompt injection up', '2026-02-15', lookups());
    expect(u.filler).toContain('bringing');
    expect(u.groups.map((g) => g.label)).not.toContain('bringing');
  });
});

describe('a word for a kind of body beside a body named by its own name', () => {
  it('describes it and only ranks (IMDA, the Singapore regulator); alone it is a concept', () => {
    const lookups = () => corpusLookups(corpus.index());
    const beside = understand('IMDA news, the singapore regulator', '2026-02-15', lookups());
    // (IMDA is a body of actors.yml, read by its name whatever the corpus holds)
    expect(beside.groups.some((g) => g.agency || g.body)).toBe(true);
    expect(beside.groups.find((g) => g.label === 'regulator')?.weak).toBe(true);
    const alone = understand('which regulator fined an ai company', '2026-02-15', lookups());
    expect(alone.groups.find((g) => g.label === 'regulator')?.weak).toBe(false);
  });
});
