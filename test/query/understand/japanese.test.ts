import { describe, expect, it } from 'vitest';
import { glossaryEntries, questionWords } from '../../../src/analyze/lexicon.js';
import { ask } from '../../../src/query/ask.js';
import {
  corpusSegmentation,
  foldedSegmentation,
  reverseGlossary,
} from '../../../src/query/understand/japanese.js';
import { readingOf } from '../../../src/search/vocabulary.js';
import { itemText, TODAY, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a compound the corpus does not write', () => {
  it('is found through the glossary synonyms of a part it does use (性的画像 → 親密画像)', () => {
    const r = corpus.ask('性的画像');
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results)) {
      const text = itemText(item);
      expect(text).toContain('画像');
      expect(text.includes('性的') || text.includes('親密画像')).toBe(true);
    }
  });
});

describe('a compound with a joint inside (向け, づくり)', () => {
  it.each([
    ['エージェント向けガバナンス', ['エージェント', 'ガバナンス'], '向け'],
    ['国際機関づくり', ['国際機関'], 'づくり'],
    ['中小企業向け支援策の一覧', ['中小企業', '支援策'], '向け'],
    ['子ども向け教材づくり', ['教材'], 'づくり'],
  ])('%s is read as its sides, the joint as filler', (q, sides, joint) => {
    const r = corpus.ask(q);
    const labels = r.interp.groups.map((g) => g.label);
    for (const s of sides) expect(labels).toContain(s);
    expect(labels.some((l) => l.includes(joint))).toBe(false);
    expect(r.interp.filler).toContain(joint);
  });

  it('each side must still be matched: an answer names both', () => {
    const r = corpus.ask('エージェント向けガバナンス');
    expect(r.results.length).toBeGreaterThan(0);
    const top = corpus.itemsOf(r.results.slice(0, 1))[0];
    expect(itemText(top as never)).toContain('エージェント');
  });
});

describe('a katakana run the corpus does not write whole', () => {
  const terms = new Set(['メンタルヘルス', 'メンタル', 'ヘルス', 'アプリ', 'サービス']);
  const hasTerm = (t: string) => terms.has(t);

  it('is cut into the fewest words the corpus has (メンタルヘルスアプリ → メンタルヘルス + アプリ)', () => {
    expect(corpusSegmentation('メンタルヘルスアプリ', { hasTerm })).toEqual([['メンタルヘルス', 'アプリ']]);
    expect(corpusSegmentation('アプリサービス', { hasTerm })).toEqual([['アプリ', 'サービス']]);
  });

  it('gives nothing when some piece is no word of the corpus, or the run is one word', () => {
    expect(corpusSegmentation('メンタルヘルスゲーム', { hasTerm })).toEqual([]);
    expect(corpusSegmentation('アプリ', { hasTerm })).toEqual([]);
  });

  it('a long katakana name of the corpus is answered by the items that print it', () => {
    const r = corpus.ask('サイバーセキュリティフレームワークプロファイル');
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain('サイバーセキュリティ');
  });
});

describe('a generic head typed after a subject (攻撃パターン)', () => {
  it('only ranks: the subject decides', () => {
    const r = corpus.ask('攻撃パターン');
    expect(r.interp.groups.find((g) => g.label === 'パターン')?.weak).toBe(true);
    expect(r.results.length).toBeGreaterThan(0);
    // (攻撃 by any of its forms: the glossary's 脆弱性, 悪用…)
    const attack = r.interp.groups.find((g) => g.label === '攻撃');
    const forms = (attack?.alternatives ?? []).map((a) => a.join(''));
    expect(forms).toContain('攻撃');
    for (const item of corpus.itemsOf(r.results))
      expect(forms.some((f) => itemText(item).includes(f.toLowerCase()))).toBe(true);
  });

  it('alone, it is an ordinary concept', () => {
    expect(corpus.ask('パターン').interp.groups.find((g) => g.label === 'パターン')?.weak).toBe(false);
  });
});

describe('a word typed in hiragana', () => {
  it('is read as the corpus word written in kanji with that reading (ぜいじゃく → 脆弱)', () => {
    expect(corpus.corpusHas('脆弱')).toBe(true);
    const g = corpus.ask('ぜいじゃく').interp.groups.find((x) => x.label === 'ぜいじゃく');
    expect(g?.alternatives).toContainEqual(['脆弱']);
  });
});

describe('dictionary words for a compound part', () => {
  it('share a character with it or are its loanword (輸出規制 is never 海外 rules)', () => {
    for (const q of ['半導体輸出規制', 'セキュリティ手引き']) {
      const g = corpus.ask(q).interp.groups.find((x) => x.label === q);
      expect(g, q).toBeDefined();
      for (const alt of g?.alternatives ?? []) expect(alt, q).not.toContain('海外');
    }
  });

  it('a short lowercase English gloss of a katakana word is no alternative (ペット is no PETs)', () => {
    const g = corpus.ask('ペット').interp.groups.find((x) => x.label === 'ペット');
    expect(g?.alternatives).not.toContainEqual(['pet']);
    // a name the dictionary gives in capitals is kept (エヌイーシー → NEC)
    expect(corpus.ask('エヌイーシー').interp.groups[0]?.alternatives).toContainEqual(['nec']);
  });
});

describe('a compound whose every reading is a generic word (政策動向)', () => {
  it('only ranks, so a place and a period decide', () => {
    const r = corpus.ask('2025年7月の欧州のAI政策動向を教えてください');
    expect(r.interp.groups.find((g) => g.label === '政策動向')?.weak).toBe(true);
    expect(r.results.length).toBeGreaterThan(0);
  });
});

describe('a katakana compound a document prints as one word with a typo', () => {
  it('is found by its whole, one edit away (サイバーセキュリティセミナー → the printed セキュリテイ)', () => {
    expect(corpus.corpusHas('サイバーセキュリテイセミナー')).toBe(true);
    const r = corpus.ask('サイバーセキュリティセミナーの講演');
    expect(r.results.length).toBeGreaterThan(0);
    // (among other cybersecurity talks: the compound is also read without its kind word, セミナー)
    expect(
      corpus.itemsOf(r.results).some((it) => itemText(it).includes('サイバーセキュリテイセミナー')),
    ).toBe(true);
  });
});

describe('a compound ending in a kind of event, paper or body (ja_kind_heads)', () => {
  it('the corpus does not write is also found by its subject alone (レッドチーミング大会)', () => {
    const subjects = ['レッドチーミング', 'セキュリティ', 'ガバナンス'].filter((w) => corpus.corpusHas(w));
    expect(subjects.length).toBeGreaterThan(0);
    let checked = 0;
    for (const head of questionWords().ja_kind_heads)
      for (const subject of subjects) {
        const compound = `${subject}${head}`;
        if (corpus.corpusHas(compound)) continue;
        const r = corpus.ask(compound);
        const g = r.interp.groups.find((x) => x.label === compound);
        if (!g) continue;
        checked += 1;
        expect(r.interpretation.missing).not.toContain(compound);
        expect(r.results.length).toBeGreaterThan(0);
        // (the subject alone is one of the ways the compound is matched)
        const parts = ask(corpus.index(), subject, { today: TODAY }).interp.groups[0]?.alternatives[0];
        expect(g.alternatives).toContainEqual(parts);
      }
    expect(checked).toBeGreaterThan(3);
  });

  it('the corpus writes is not widened (情報通信白書 is its own paper)', () => {
    const heads = new Set(questionWords().ja_kind_heads);
    let checked = 0;
    for (const w of ['情報通信白書', 'AI戦略会議', 'AIセキュリティ分科会', '通信白書', '戦略会議']) {
      if (!corpus.corpusHas(w)) continue;
      const g = corpus
        .ask(w)
        .interp.groups.find((x) => !x.weak && x.alternatives[0] && x.alternatives[0].length > 1);
      const parts = g?.alternatives[0] ?? [];
      if (!g || !heads.has(parts.at(-1) ?? '') || !corpus.corpusHas(parts.join(''))) continue;
      checked += 1;
      expect(g.alternatives).not.toContainEqual(parts.slice(0, -1));
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('typed alone stays a concept of its own', () => {
    let checked = 0;
    for (const head of questionWords().ja_kind_heads) {
      const r = corpus.ask(`${head}について`);
      const g = r.interp.groups.find((x) => x.label === head);
      if (!g) continue;
      checked += 1;
      expect(g.weak).toBe(false);
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('reverseGlossary', () => {
  it('gives every Japanese word of an entry the entry’s other Japanese words (当局 → 監視機関)', () => {
    const rev = reverseGlossary();
    let checked = 0;
    for (const { ja } of glossaryEntries()) {
      const japanese = ja.filter((j) => !/^[A-Za-z]/.test(j));
      if (japanese.length < 2) continue;
      for (const j of japanese)
        for (const other of japanese) if (other !== j) expect(rev.get(j)).toContain(other);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('a long-vowel mark typed in or left out inside an unknown katakana compound', () => {
  it('is read as the corpus words it spells without the marks (アクショーンプラン → アクション + プラン)', () => {
    const words = ['アクション', 'プラン', 'アプローチ', 'ブック'].filter((w) => corpus.corpusHas(w));
    expect(words.length).toBeGreaterThan(1);
    const r = corpus.ask('インシデントレスポンスアプロチブックの中身');
    expect(r.interpretation.missing).toEqual([]);
    expect(r.results.length).toBeGreaterThan(0);
    for (const item of corpus.itemsOf(r.results.slice(0, 1)))
      expect(itemText(item)).toMatch(/アプローチブック|approach ?book/);
  });

  it('foldedSegmentation: the fewest words, nothing for a run no corpus words spell', () => {
    const like = (folded: string) =>
      ({ アクシヨン: [], アクション: ['アクション'], プラン: ['プラン'] })[folded] ?? [];
    expect(foldedSegmentation('アクショーンプラン', { katakanaLike: like })).toEqual([
      ['アクション', 'プラン'],
    ]);
    expect(foldedSegmentation('ドローンレース', { katakanaLike: like })).toEqual([]);
  });
});

describe('a suffix of respect left after a person named', () => {
  it('is filler, never a concept (高市さん: 高市 is read as a person)', () => {
    const r = corpus.ask('高市さんの指示');
    expect(r.interpretation.filler).toContain('さん');
    expect(r.interpretation.missing).not.toContain('さん');
    expect(r.interp.groups.map((g) => g.label)).not.toContain('さん');
  });
});

describe('hiragana typed for the corpus’s kanji inside a question', () => {
  it('is read as the one corpus word that reads so (行動けいかく → 行動計画, AIのきせい → 規制)', () => {
    const words = ['計画', '規制', '人工知能'].filter((w) => corpus.corpusHas(w));
    expect(words.length).toBeGreaterThan(1);
    const r = corpus.ask('AIのきせいについて教えてください');
    // (labelled as typed, read as the kanji, and the answer says so)
    expect(r.interp.groups.find((g) => g.label === 'きせい')?.readAs).toBe('規制');
    expect(r.interpretation.missing).toEqual([]);
    const plan = corpus.ask('じんこうちのう基本計画');
    expect(plan.interpretation.missing).toEqual([]);
    for (const item of corpus.itemsOf(plan.results.slice(0, 1))) expect(itemText(item)).toContain('人工知能');
  });

  it('leaves request words and kana no corpus word reads as, as they were', () => {
    const r = corpus.ask('規制について教えてください');
    expect(r.interpretation.filler).toContain('ください');
    expect(r.interp.groups.map((g) => g.label)).toEqual(['規制']);
  });
});

describe('a two-kanji word typed by ear (公演 for 講演)', () => {
  it('reads as the one corpus word read the same that shares a kanji with it, and as nothing else', () => {
    // typed → meant; each pair checked where the corpus holds the meant word and not the typed one
    const pairs: [string, string][] = [
      ['公演', '講演'],
      ['施工', '施行'],
      ['公評', '公表'],
      ['規約', '規格'],
    ];
    let checked = 0;
    for (const [typed, meant] of pairs) {
      if (!corpus.corpusHas(meant) || corpus.corpusHas(typed)) continue;
      const reading = readingOf(typed);
      const same = (reading && corpus.index().vocabulary.readings.get(reading)) || [];
      const sharing = same.filter((w) => [...w].some((c) => typed.includes(c)));
      const g = corpus.ask(`${typed}について`).interp.groups.find((x) => x.label === typed);
      expect(g, typed).toBeDefined();
      const alts = (g?.alternatives ?? []).map((a) => a.join(''));
      if (sharing.length === 1 && sharing[0] === meant) {
        checked += 1;
        expect(alts, typed).toContain(meant);
      } else expect(alts, typed).not.toContain(meant);
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a long compound the corpus does not write (four parts or more)', () => {
  it('is also any of its parts but one: an item holding all but one part answers it', () => {
    const index = corpus.index();
    let checked = 0;
    for (const item of index.items) {
      if (checked >= 5) break;
      // two katakana or kanji words of the title, glued with two more of its words around a part it lacks
      const words = [...item.title.matchAll(/[\u30a1-\u30faー]{3,}|[\u4e00-\u9fff]{2,}/g)].map((m) => m[0]);
      if (words.length < 3) continue;
      const [a, b, c] = words as [string, string, string];
      const compound = `${a}${b}${c}報酬`;
      if (corpus.corpusHas(compound) || corpus.corpusHas('報酬')) continue;
      const r = corpus.ask(`${compound}について`);
      const g = r.interp.groups.find((x) => x.label === compound);
      if (!g || g.alternatives.every((alt) => alt.length < 3)) continue;
      checked += 1;
      expect(
        g.alternatives.some((alt) => alt.length >= 3 && !alt.includes('報酬')),
        compound,
      ).toBe(true);
      expect(
        corpus.itemsOf(r.results).map((it) => it.id),
        compound,
      ).toContain(item.id);
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('kana that end a verb begun in kanji (聞きたい, 使いたい)', () => {
  it('are the verb, never a word typed in kana (きたい is no 期待)', () => {
    for (const verb of ['聞きたい', '使いたい', '調べたい', '書きたい', '見たい']) {
      const q = `レッドチーミングの話を${verb}`;
      const r = corpus.ask(q);
      expect(r.interp.groups.map((g) => g.label).join(' '), q).not.toContain(verb.slice(0, 1));
      expect(r.results.length, q).toBeGreaterThan(0);
    }
  });
});

describe('a time word at the end of a compound (施行後, 開発中)', () => {
  it.each(questionWords().ja_time_suffixes.filter((t) => t.length === 1))(
    '施行%s is read as 施行, the time word as filler (or a word that only ranks)',
    (suffix) => {
      const r = corpus.ask(`AI基本法の施行${suffix}の状況`);
      expect(r.interp.groups.map((g) => g.label)).toContain('施行');
      expect(r.interp.groups.filter((g) => g.label.includes(suffix) && !g.weak)).toEqual([]);
      const time = r.interp.groups.find((g) => g.label === suffix);
      expect(r.interp.filler.includes(suffix) || time?.weak === true).toBe(true);
    },
  );

  it('a one-character rest keeps its time word (米中 is no 米)', () => {
    const r = corpus.ask('米中のAI競争');
    expect(r.interp.groups.map((g) => g.label)).not.toContain('米');
    expect(r.interp.filler).not.toContain('中');
  });
});

describe('a loanword the corpus does not write', () => {
  it('is read as its own English through the glossary, generic where that word is (サイン: sign)', () => {
    if (corpus.corpusHas('サイン')) return;
    const g = corpus.ask('知事がAI法案にサインした').interp.groups.find((x) => x.label === 'サイン');
    expect(g?.alternatives).toContainEqual(['署名']);
    // ("sign" only ranks in English too: a question's "signed" never empties an answer)
    expect(g?.weak).toBe(true);
  });

  it("never through the vocabulary's links for that English (アニメ: animation is no 動画)", () => {
    if (corpus.corpusHas('アニメ')) return;
    const g = corpus.ask('アニメのAI規制').interp.groups.find((x) => x.label === 'アニメ');
    expect(g?.alternatives.flat()).not.toContain('動画');
    expect(corpus.ask('アニメのAI規制').results).toEqual([]);
  });
});

describe('a katakana spelling of a Latin name the documents print', () => {
  it.each([
    // (a part's first sense is another word: オール "oar"; the whole word's is "all-Japan")
    ['オールジャパンの安全性ベンチマーク', 'All Japan'],
    // (a run the splitter cannot part, and a short loanword: グレート is "great")
    ['グレートダイバージェンス', 'Great Divergence'],
    // (parts written together: フレーム + ワーク is "framework")
    ['ナショナルフレームワーク', 'NATIONAL POLICY FRAMEWORK'],
  ])('%s finds the item printing %s', (q, printed) => {
    const holders = corpus
      .index()
      .items.filter((i) => itemText(i).toLowerCase().includes(printed.toLowerCase()));
    expect(holders.length).toBeGreaterThan(0);
    const r = corpus.ask(q);
    expect(r.results.length).toBeGreaterThan(0);
    expect(holders.map((h) => h.id)).toContain(r.results[0]?.id);
  });

  it('is matched in the English fields as they index it (ブリュッセルエフェクト: Brussels effect → brussel)', () => {
    const g = corpus.ask('ブリュッセルエフェクト').interp.groups[0];
    expect(g?.alternatives).toContainEqual(['brussel']);
  });
});
