import { ADVERBIAL_NOUN, analyze, stemKatakana, type Unit } from '../../analyze/analyzer.js';
import { lookupEnglishWord, lookupJapanese, lookupJapaneseTerm } from '../../analyze/dictionary.js';
import { decompoundKatakana } from '../../analyze/katakana.js';
import { tokenizerSync } from '../../analyze/kuromoji.js';
import { glossaryEntries } from '../../analyze/lexicon.js';
import { readingOf } from '../../search/vocabulary.js';
import {
  genericHeadSet,
  honorificSet,
  jaQuestionTermSet,
  jointSet,
  kindHeadSet,
  timeSuffixSet,
  weakTermSet,
} from '../glossary.js';
import { instrumentOfJapanese } from './actors.js';
import { minimalAlternatives, unitAlternatives, unitBoost } from './alternatives.js';
import type { TermGroup, UnderstandContext } from './context.js';
import { mergeDottedNames } from './dotted-names.js';
import { englishFieldAlternative, englishGroups } from './english.js';
import { corpusHeadwords, glossaryHit, vocabularyTerms } from './readings.js';
import { latinSoundingLike } from './sounds-like.js';
import { foldLongVowels, foldVu, personField, toKatakana, transliteration } from './text.js';

/**
 * Japanese words → concepts. Request words, auxiliaries and inflected words are filler (教えて,
 * まとめて, 出した); honorifics leave a name (平本さん → 平本); a katakana transliteration of a
 * Latin name is read as the name (オープンエーアイ → OpenAI); a word the documents do not use
 * leads to theirs through the glossary (提携 → 連携) or, failing that, through the dictionary's
 * English for it (助成金 → subsidy → 補助, 交付金). Every other word is a concept as typed.
 */

/** Parts of speech that ask or inflect rather than name something: 出した, まとめて, 作る, 詳しく. */
const NOT_A_TOPIC = new Set(['動詞', '助動詞', '形容詞', '副詞', '連体詞', '接続詞', '感動詞', 'フィラー']);

/**
 * Reverse glossary: a Japanese word → the other words the corpus uses for the same thing, as
 * listed with it in one glossary entry: the English (レッドチーミング → Red Teaming) and the entry's
 * other Japanese words (ガイドライン → 指針, ガイド; 当局 → 監視機関: an entry is one concept).
 */
let reverse: Map<string, string[]> | undefined;
export function reverseGlossary(): Map<string, string[]> {
  if (reverse) return reverse;
  const map = new Map<string, string[]>();
  for (const { ja } of glossaryEntries()) {
    const latin = ja.filter((j) => /^[A-Za-z][A-Za-z .-]*$/.test(j));
    const japanese = ja.filter((j) => !/^[A-Za-z]/.test(j));
    for (const j of japanese) {
      const synonyms = japanese.filter((x) => x !== j);
      map.set(j, [...new Set([...(map.get(j) ?? []), ...latin, ...synonyms])]);
    }
  }
  reverse = map;
  return map;
}

/**
 * The corpus's words for a Japanese word it does not use, through the dictionary: the English
 * of the word's first sense, then the corpus terms with that English that agree with the word
 * (助成金 → subsidy → 補助; see below).
 */
function dictionarySynonyms(ctx: UnderstandContext, word: string): string[] {
  if (
    !ctx.vocabulary ||
    !ctx.hasTerm ||
    ctx.hasTerm(word) ||
    (word.length < 2 && !/^[\u3400-\u9fff]$/.test(word))
  )
    return [];
  const entry = lookupJapanese(word);
  const out = new Set<string>();
  // The first gloss is what the word means: a term whose own first sense begins so (先生 → teacher
  // → 教員) or sharing a kanji with the word (助成金 → subsidy → 補助); a later gloss only through
  // a term holding the word, sharing two kanji with it, or a loanword — the others lead elsewhere
  // (宗教 "religion; faith" → 信頼, 保険 "insurance; guarantee" → 保障, 天気 → 要素).
  const agrees = (t: string) =>
    [...word].some((c) => /[\u3400-\u9fff]/.test(c) && t.includes(c)) || KATAKANA_WORD.test(t);
  const tight = (t: string) => {
    const shared = [...new Set(word)].filter((c) => /[\u3400-\u9fff]/.test(c) && t.includes(c));
    return word.includes(t) || t.includes(word) || shared.length >= 2 || KATAKANA_WORD.test(t);
  };
  // (the term's own first two glosses: 世界 "the world; society; the universe" is no 宇宙)
  const firstSense = (t: string, gloss: string) =>
    (lookupJapanese(t)?.senses[0] ?? []).slice(0, 2).some((g) => g.toLowerCase() === gloss.toLowerCase());
  (entry?.senses[0] ?? []).forEach((gloss, i) => {
    const keep = (t: string) => t !== word && (i === 0 ? firstSense(t, gloss) || agrees(t) : tight(t));
    for (const t of vocabularyTerms(ctx, gloss.toLowerCase()) ?? []) if (keep(t)) out.add(t);
    // and the dictionary's best Japanese for that English, where the corpus uses it
    for (const h of corpusHeadwords(ctx, gloss)) if (keep(h)) out.add(h);
  });
  return [...out];
}

/** Katakana names of Latin letters, longest first: エヌイーシー is NEC, エーアイ is AI. */
const LETTER_NAMES: [string, string][] = (
  [
    ['ダブリュー', 'w'],
    ['エイチ', 'h'],
    ['エッチ', 'h'],
    ['キュー', 'q'],
    ['ジェー', 'j'],
    ['ジェイ', 'j'],
    ['ゼット', 'z'],
    ['ズィー', 'z'],
    ['ディー', 'd'],
    ['ティー', 't'],
    ['ヴィー', 'v'],
    ['エックス', 'x'],
    ['アール', 'r'],
    ['エー', 'a'],
    ['エイ', 'a'],
    ['ビー', 'b'],
    ['シー', 'c'],
    ['イー', 'e'],
    ['エフ', 'f'],
    ['ジー', 'g'],
    ['アイ', 'i'],
    ['ケー', 'k'],
    ['ケイ', 'k'],
    ['エル', 'l'],
    ['エム', 'm'],
    ['エヌ', 'n'],
    ['オー', 'o'],
    ['ピー', 'p'],
    ['エス', 's'],
    ['ユー', 'u'],
    ['ブイ', 'v'],
    ['ワイ', 'y'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** A katakana word spelled out letter by letter (エヌイーシー → nec), or undefined. */
export function spelledLetters(word: string): string | undefined {
  let out = '';
  let at = 0;
  outer: while (at < word.length) {
    for (const [kana, letter] of LETTER_NAMES)
      if (word.startsWith(kana, at)) {
        out += letter;
        at += kana.length;
        continue outer;
      }
    return undefined;
  }
  return out.length >= 2 ? out : undefined;
}

const KATAKANA_WORD = /^[\u30a1-\u30faー]+$/;

/**
 * A katakana word as the Latin the documents may print instead: each part's English (the
 * glossary's, else the dictionary's for a loanword) — レッドチーミングチャレンジ → red teaming
 * challenge, ヘルスケア → health care — or its letters when it spells them (エヌイーシー → nec).
 */
function latinForms(unit: Unit): string[][] {
  if (!KATAKANA_WORD.test(unit.whole)) return [];
  const out: string[][] = [];
  const letters = spelledLetters(unit.whole);
  if (letters) out.push([letters]);
  // The dictionary's English for the whole word, when it is a phrase (オールジャパン: "all-Japan"):
  // a part's first sense is another word (オール: "oar").
  const phrase = lookupJapaneseTerm(unit.whole)?.senses[0]?.find((g) =>
    /^[A-Za-z]+(?:[ -][A-Za-z]+){1,3}$/.test(g),
  );
  if (phrase && unit.parts.length > 1) out.push(phrase.toLowerCase().split(/[ -]+/));
  const rev = reverseGlossary();
  const words: string[] = [];
  let reviewed = true;
  for (const part of unit.parts) {
    const fromGlossary = rev.get(part)?.find((w) => /^[A-Za-z][A-Za-z -]*$/.test(w));
    const fromDictionary = lookupJapaneseTerm(part);
    const gloss = fromGlossary ?? fromDictionary?.senses[0]?.find((g) => /^[A-Za-z][A-Za-z -]*$/.test(g));
    if (!gloss) return out;
    // (a gloss in capitals is a name the dictionary gives: エヌイーシー → NEC)
    if (!fromGlossary && !/^[A-Z]{2,}$/.test(gloss)) reviewed = false;
    words.push(...gloss.toLowerCase().split(/[ -]+/));
  }
  // (one short common word from the dictionary is too often an acronym of the English text:
  // ペット is no PETs; the glossary's are reviewed, and a name in capitals is meant)
  const short = words.length === 1 && (words[0] as string).length < 4 && !reviewed;
  if (words.length && words.length <= 4 && !short) out.push(words);
  return out;
}

/**
 * Latin words as typed, and as the English titles and summaries index them (Brussels effect →
 * brussel: their analysis stems and drops words the Japanese text's Latin keeps).
 */
function asPrinted(alternatives: string[][]): string[][] {
  return alternatives.flatMap((a) => {
    const english = englishFieldAlternative(a.join(' '));
    return english && english.join(' ') !== a.join(' ') ? [a, english] : [a];
  });
}

/**
 * The Latin words of the corpus a katakana word sounds like (ジェネシス → genesis): the run
 * whole, or each of its parts (ジェネシスミッション → genesis + mission). Five letters or more.
 */
function soundsLatin(ctx: UnderstandContext, run: string, parts: readonly string[]): string[][] {
  const terms = ctx.latinTerms?.();
  if (!terms?.length) return [];
  // (a loanword the dictionary knows sounds only like its own English: リサイクル is recycling, not
  // "healthcare"; プロバイダー is "provider")
  const like = (word: string): string[] => {
    const e = lookupJapaneseTerm(word);
    const found = latinSoundingLike(word, terms);
    if (!e) return found;
    const own = e.senses.flat().flatMap((g) => g.toLowerCase().split(/[\s-]+/));
    return found.filter((t) => own.some((g) => g.length >= 4 && g.slice(0, 5) === t.slice(0, 5)));
  };
  const whole = like(run);
  if (whole.length) return whole.map((t) => [t]);
  // A part, or parts written together (フレーム + ワーク: framework), as a Latin word of the
  // corpus: by sound, or — a short one (グレート, チーム) — as the English it is the loanword of.
  const latin = (word: string): string | undefined =>
    like(word)[0] ?? loanwordEnglish(word).find((e) => ctx.hasTerm?.(e) === true);
  // (a run the splitter could not part, グレートダイバージェンス, is parted where each piece reads)
  const pieces = parts.length > 1 ? parts : run.length >= 6 && run.length <= 16 ? [...run] : [];
  if (pieces.length < 2 || parts.length > 6) return [];
  const memo = new Map<number, string[] | null>();
  const read = (from: number): string[] | undefined => {
    if (from === pieces.length) return [];
    if (memo.has(from)) return memo.get(from) ?? undefined;
    let found: string[] | undefined;
    for (let to = pieces.length; to > from && !found; to--) {
      const piece = pieces.slice(from, to).join('');
      if (piece.length < 2 || /^[ーッ]/.test(piece)) continue;
      const word = latin(piece);
      const rest = word === undefined ? undefined : read(to);
      if (word !== undefined && rest) found = [word, ...rest];
    }
    memo.set(from, found ?? null);
    return found;
  };
  const each = read(0);
  return each && each.length > 1 ? [each] : [];
}

/**
 * Katakana runs of the question the corpus does not use as written (ゼロトラスト, a typo of a
 * loanword): each is one concept, whole, rather than what kuromoji makes of it (ゼロ, a number,
 * dropped, and トラスト kept — "trust" alone is not what was asked).
 */
function unknownKatakanaRuns(text: string, ctx: UnderstandContext): { run: string; group: TermGroup }[] {
  if (!ctx.hasTerm) return [];
  const out: { run: string; group: TermGroup }[] = [];
  const rev = reverseGlossary();
  for (const m of text.matchAll(/[\u30a1-\u30faー]{3,}/g)) {
    const run = m[0];
    const stemmed = stemKatakana(run);
    if (ctx.hasTerm(run) || ctx.hasTerm(stemmed) || rev.has(run) || transliteration(run)) continue;
    if (jaQuestionTermSet().has(run) || out.some((o) => o.run === run)) continue;
    const units = analyze(run);
    // Runs kuromoji reads as one known word, or splits into known words all of which the corpus
    // has, are left to the analyzer (a compound of the corpus's words).
    if (units.length === 1 && units[0]?.surface === run && units[0].parts.every((p) => ctx.hasTerm?.(p)))
      continue;
    // The analyzer's own parts where it reads the run whole (as the index was made), else the splitter's.
    const whole = units.length === 1 && units[0]?.surface === run ? units[0] : undefined;
    // Read whole as one unknown word (メンタルヘルスアプリ): the splitter's parts, if it has any.
    const parts =
      whole && whole.parts.length > 1 ? whole.parts : decompoundKatakana(run).map((p) => stemKatakana(p));
    const unit: Unit = {
      surface: run,
      whole: stemmed,
      parts,
      terms: parts,
      alternatives: [stemmed],
      latin: false,
    };
    const refolded = foldedSegmentation(run, ctx);
    // ヴ spellings (ガヴァナンス, ヴァンクーバー) are written with バ行 in the documents, or the other way.
    const folded = foldVu(run);
    const variant = folded !== run ? analyze(folded).map((u) => u.whole) : [];
    const loan = parts.length === 1 ? loanReading(run) : undefined;
    out.push({
      run,
      group: {
        label: run,
        alternatives: minimalAlternatives([
          parts.length > 1 ? parts : [stemmed],
          // without a generic or kind last part, as for any compound (レッドチーミングセミナー)
          ...(parts.length > 1 && isHead(parts.at(-1) ?? '') ? [parts.slice(0, -1)] : []),
          // whole too: a document may print it as one unknown word, or with a typo one edit away
          // (サイバーセキュリテイセミナー), which only the whole meets
          ...(parts.length > 1 ? [[stemmed]] : []),
          ...corpusSegmentation(run, ctx),
          // …and so with long-vowel marks typed or left out anywhere (アクショーンプラン, アプロチブック),
          // with the Latin the documents print for those words (Action Plan)
          ...refolded,
          ...refolded.flatMap((seg) => [
            ...asPrinted([
              ...latinForms({ ...unit, whole: seg.join(''), parts: seg, terms: seg }),
              ...soundsLatin(ctx, seg.join(''), seg),
            ]),
          ]),
          ...asPrinted([...latinForms(unit), ...soundsLatin(ctx, run, parts)]),
          ...(variant.length ? [variant] : []),
          // with or without long vowels (フォラム, スケジュル → フォーラム, スケジュール)
          ...(ctx.katakanaLike?.(foldLongVowels(folded)) ?? []).map((t) => [t]),
          // its own English as the corpus says it (サイン: sign → 署名)
          ...(loan?.forms ?? []),
        ]),
        // (and the kind word itself: a seminar's items before other items on the subject)
        boost:
          parts.length > 1 ? [stemmed, ...(isHead(parts.at(-1) ?? '') ? [parts.at(-1) as string] : [])] : [],
        // a generic head glued to the word before it (攻撃パターン) only ranks
        weak:
          loan?.weak === true ||
          (genericHeadSet().has(run) && /[\u3400-\u9fff\u30a0-\u30ff]/.test(text[(m.index ?? 0) - 1] ?? '')),
        untranslated: false,
        source: 'typed',
      },
    });
  }
  return out;
}

/** A generic or kind last part (関連, 会合; the sets hold the index's stems too: セミナ). */
function isHead(part: string): boolean {
  return genericHeadSet().has(part) || kindHeadSet().has(part);
}

/**
 * The English words a katakana loanword is (サイン: sign; コンパニオン: companion): the glosses of
 * its first three senses whose own loanword, in the dictionary, is this word — not its other
 * senses' English (サイン "autograph", コンパニオン "hostess").
 */
function loanwordEnglish(word: string): string[] {
  const own = stemKatakana(word);
  return [
    ...new Set(
      (lookupJapanese(word)?.senses.slice(0, 3).flat() ?? [])
        .map((g) => g.toLowerCase())
        .filter((g) => /^[a-z]{3,}$/.test(g))
        .filter((g) => {
          const kana = lookupEnglishWord(g)?.katakana;
          return kana !== undefined && stemKatakana(kana) === own;
        }),
    ),
  ];
}

/** A loanword the corpus lacks read as its own English: that word's corpus forms, and whether it is generic. */
function loanReading(word: string): { forms: string[][]; weak: boolean } {
  const english = loanwordEnglish(word);
  const forms = english.flatMap((e) =>
    // (the reviewed glossary only: the vocabulary's links for the English word drift — anime →
    // animation → 動画, password → 暗号)
    (glossaryHit(e) ?? []).map(asAlternative),
  );
  return { forms, weak: english.some((e) => weakTermSet().has(e)) };
}

/** A glossary form as an alternative: its analyzed words, a Latin word by its best form. */
function asAlternative(form: string): string[] {
  return analyze(form).map((x) => (x.latin ? (x.alternatives[0] ?? x.whole) : x.whole));
}

/** A Japanese word's first English glosses (two words at most) as English-field alternatives. */
function englishOf(word: string): string[][] {
  const out: string[][] = [];
  // (the first gloss only: a later one matches other things in English — 保険 "insurance;
  // guarantee", 税金 "tax; duty", 手術 "surgery; operation")
  for (const gloss of lookupJapanese(word)?.senses[0]?.slice(0, 1) ?? []) {
    if (gloss.split(' ').length > 2) continue;
    const alt = englishFieldAlternative(gloss);
    // (not a generic word alone: 高齢者 "old person" is no "person")
    if (alt && !alt.every((t) => weakTermSet().has(t))) out.push(alt);
  }
  return out;
}

/** Particles a hiragana run may start with before the word typed in kana (AIのきせい). */
const LEADING_PARTICLES = new Set(['の', 'を', 'に', 'で', 'が', 'は', 'と', 'も', 'や', 'へ']);

/**
 * Hiragana typed for the corpus's kanji inside a question (行動けいかく, じんこうちのう基本計画):
 * a run of three hiragana or more, less a particle before it and any kana after, read as the one
 * corpus word of two kanji or more that reads so — before kuromoji cuts the kana into pieces
 * (けい + かく). Request words stay (について reads as no corpus word anyway).
 */
function kanjiForHiragana(text: string, ctx: UnderstandContext, read: [string, string][]): string {
  const readings = ctx.vocabulary?.readings;
  if (!readings) return text;
  // (kana that end a verb or an adjective begun in kanji — 聞きたい, 使いたい — are its endings, not a
  // word typed in kana: きたい is no 期待 there)
  return text.replace(/[\u3041-\u3096ー]{3,}/g, (run, at: number) => {
    if (endsKanjiWord(text, at, run.length)) return run;
    for (let start = 0; start <= Math.min(1, run.length - 3); start++) {
      if (start === 1 && !LEADING_PARTICLES.has(run[0] as string)) continue;
      for (let end = run.length; end >= start + 3; end--) {
        const kana = run.slice(start, end);
        if (jaQuestionTermSet().has(kana)) continue;
        const words = readings.get(toKatakana(kana));
        const word = words?.length === 1 ? (words[0] as string) : undefined;
        if (word && word.length >= 2 && /^[\u3400-\u9fff]+$/.test(word)) {
          read.push([kana, word]);
          return run.slice(0, start) + word + run.slice(end);
        }
      }
    }
    return run;
  });
}

/**
 * Whether the kana at `at` go on a verb or adjective whose stem is the kanji before them
 * (聞|きたい, 新し|い): kuromoji reads a few characters around them (not the whole question).
 */
function endsKanjiWord(text: string, at: number, length: number): boolean {
  if (at === 0 || !/[\u3400-\u9fff]/.test(text[at - 1] as string)) return false;
  const from = Math.max(0, at - 4);
  let pos = from;
  for (const t of tokenizerSync().tokenize(text.slice(from, at + Math.min(length, 6)))) {
    const end = pos + t.surface_form.length;
    if (pos < at && end > at && (t.pos === '動詞' || t.pos === '形容詞')) return true;
    pos = end;
  }
  return false;
}

/** Japanese words → term groups (see the module comment). Filler goes to `ctx.filler`. */
export function japaneseGroups(typed: string, ctx: UnderstandContext): TermGroup[] {
  const read: [string, string][] = [];
  const text = kanjiForHiragana(typed, ctx, read);
  return read.length ? readFromKana(groupsOf(text, ctx), read) : groupsOf(text, ctx);
}

/**
 * The groups of words typed in kana and read as kanji (じんこうちのう → 人工知能) labelled as typed,
 * with the kanji as what they were read as (said in the answer, as for typos).
 */
function readFromKana(groups: TermGroup[], read: readonly [string, string][]): TermGroup[] {
  return groups.map((g) => {
    let label = g.label;
    for (const [kana, word] of read) label = label.replace(word, kana);
    return label === g.label ? g : { ...g, label, readAs: g.label };
  });
}

function groupsOf(text: string, ctx: UnderstandContext): TermGroup[] {
  const groups: TermGroup[] = [];
  const rev = reverseGlossary();
  const asks = jaQuestionTermSet();
  const honorifics = honorificSet();
  const runs = unknownKatakanaRuns(text, ctx);
  for (const r of runs) groups.push(r.group);
  let rest = text;
  for (const r of runs) rest = rest.split(r.run).join(' '.repeat(r.run.length));
  for (const u of analyze(rest).flatMap((x) => splitAtJoints(x, ctx))) {
    if (ctx.expired()) break;
    if (u.latin) continue;
    if (asks.has(u.whole) || asks.has(u.surface)) {
      ctx.filler.push(u.surface);
      continue;
    }
    // (a noun used as an adverb — 結局, いずれ — is filler unless the corpus uses it: 将来 stays)
    if (
      u.pos &&
      (NOT_A_TOPIC.has(u.pos) || (u.pos === ADVERBIAL_NOUN && ctx.hasTerm?.(u.whole) === false)) &&
      !rev.has(u.whole)
    ) {
      ctx.filler.push(u.surface);
      continue;
    }
    // 平本さん → 平本: a suffix of respect is not part of the name.
    // Request words inside a compound go only from its edges (最新情報 → 最新…): 個人情報保護委員会
    // keeps its 情報, and a compound the glossary knows (情報セキュリティ) stays whole.
    const known = rev.has(u.whole);
    let lo = 0;
    let hi = u.parts.length;
    if (!known) {
      while (lo < hi && asks.has(u.parts[lo] as string)) lo += 1;
      while (hi > lo && asks.has(u.parts[hi - 1] as string)) hi -= 1;
      // 施行後 → 施行: a time word at the end, when the compound is no corpus word (米中 keeps 中).
      const times = timeSuffixSet();
      if (!ctx.hasTerm?.(u.whole))
        while (
          hi - lo > 1 &&
          times.has(u.parts[hi - 1] as string) &&
          u.parts.slice(lo, hi - 1).join('').length >= 2
        )
          hi -= 1;
    }
    // (a suffix of respect alone is left of a name read before, as a place or a person: 高市さん)
    const parts = u.parts.filter(
      (p, i) =>
        i >= lo &&
        i < hi &&
        !(
          (i > 0 || (u.parts.length === 1 && /^\p{Script=Hiragana}+$|^[様氏殿]$/u.test(p))) &&
          honorifics.has(p)
        ),
    );
    if (parts.length < u.parts.length) ctx.filler.push(...u.parts.filter((p) => !parts.includes(p)));
    if (!parts.length) continue;
    const unit: Unit =
      parts.length === u.parts.length ? u : { ...u, parts, whole: parts.join(''), surface: parts.join('') };
    const latin = transliteration(unit.whole) ?? transliteration(u.surface);
    if (latin) {
      // Filler is said as typed (the katakana), not as the Latin it was read as. A name the
      // lexicon transliterates is never all filler (エックス is the company X, not the letter).
      const inner = { ...ctx, filler: [] as string[] };
      const read = englishGroups(latin, inner);
      if (!read.length) {
        groups.push({
          label: u.surface,
          alternatives: minimalAlternatives([[latin.toLowerCase()], ...unitAlternatives(unit)]),
          boost: [],
          weak: false,
          untranslated: false,
          source: 'typed',
          readAs: latin,
        });
        continue;
      }
      if (inner.filler.length) ctx.filler.push(u.surface);
      groups.push(...read.map((g) => ({ ...g, label: u.surface, untranslated: false, readAs: latin })));
      continue;
    }
    const alternatives = unitAlternatives(unit);
    // A word the corpus does not use as such: read through its parts, readings and translations.
    const absent = ctx.hasTerm !== undefined && !ctx.hasTerm(unit.whole);
    // 会計士, 監査人, 研究者: a person named by the field they work in is found by the field too
    // (the digests write 会計, 監査業界, 研究).
    // サンドボックス制度: a generic last part the documents may not add.
    // (a kind word only when the corpus does not write the compound: 情報通信白書 is its own paper)
    const last = unit.parts[unit.parts.length - 1] as string;
    const widened = unit.parts.length > 1 && (genericHeadSet().has(last) || (absent && isHead(last)));
    if (widened) {
      const subject = unit.parts.slice(0, -1);
      alternatives.push(subject);
      // …and the glossary's words for that subject (パートナー機関 → パートナーシップ)
      const said = subject.join('');
      // (not for a generic subject: 政策動向 stays the policy news it was)
      const words = weakTermSet().has(said)
        ? undefined
        : (rev.get(said) ?? (KATAKANA_WORD.test(said) ? rev.get(`${said}ー`) : undefined));
      for (const other of words ?? []) alternatives.push(asAlternative(other));
    }
    const field = personField(unit.whole);
    if (field) alternatives.push(...analyze(field).map((x) => [x.whole]));
    const glossed = rev.get(u.surface) ?? rev.get(unit.whole);
    for (const other of glossed ?? []) {
      const units = analyze(other);
      if (units.length === 1 && !units[0]?.latin) alternatives.push(...unitAlternatives(units[0] as Unit));
      else alternatives.push(units.map((x) => x.alternatives[0] ?? x.whole));
    }
    // A loanword the corpus does not write (サイン, コンパニオン) is its own English word: read as
    // the glossary reads that word (sign → 署名), and generic where it is.
    const loan = absent && !glossed && KATAKANA_WORD.test(unit.whole) ? loanReading(unit.whole) : undefined;
    if (loan) alternatives.push(...loan.forms);
    // Katakana the documents print in Latin letters (チャレンジ → challenge), only when the
    // corpus does not use the katakana itself.
    if (absent && KATAKANA_WORD.test(unit.whole))
      alternatives.push(...asPrinted([...latinForms(unit), ...soundsLatin(ctx, unit.whole, unit.parts)]));
    // A compound the corpus does not write as such: each part it does not use replaced by the
    // corpus's words for it (許認可迅速化 → 許可 + 迅速 + 化), and each part it does use by the
    // glossary's synonyms for it (手引き案 → 手引き + ドラフト: the reviewed words for a draft).
    // A long compound the corpus does not write (重大インシデント報告義務): also any three of four
    // parts, or more — the documents say it in a few more words (重大な安全インシデントの報告).
    if (unit.parts.length >= 4 && absent)
      unit.parts.forEach((_, k) => {
        const rest = unit.parts.filter((__, j) => j !== k);
        if (rest.filter((p) => !weakTermSet().has(p)).length >= 2) alternatives.push(rest);
      });
    if (unit.parts.length > 1 && absent) {
      unit.parts.forEach((p, k) => {
        // (the dictionary's words for a part only when they share a character with it, 許認可 →
        // 許可, or are its loanword, 手引き → ガイド: its English drifts for a part — export →
        // overseas made 輸出規制 overseas rules)
        const synonyms = ctx.hasTerm?.(p)
          ? (rev.get(p) ?? []).filter((w) => !/^[A-Za-z]/.test(w))
          : dictionarySynonyms(ctx, p).filter(
              (w) =>
                /^[\u30a1-\u30faー]+$/.test(w) ||
                [...w].some((c) => /[\u3400-\u9fff]/.test(c) && p.includes(c)),
            );
        for (const syn of synonyms.slice(0, 3))
          alternatives.push([
            ...unit.parts.slice(0, k),
            ...analyze(syn).map((x) => x.whole),
            ...unit.parts.slice(k + 1),
          ]);
      });
    }
    // A kanji word typed by ear or converted wrongly (人口知能, 規本法): the corpus's word read the same.
    // (Three kanji at least: two-kanji homophones are everywhere — 機械 and 機会 — and meant apart.)
    // (Two kanji only when one corpus word reads so and shares a kanji with it: 公演 → 講演, not 後援.)
    const kanji = unit.whole.match(/[\u3400-\u9fff]/g)?.length ?? 0;
    if (ctx.vocabulary && absent && kanji >= 2) {
      const reading = readingOf(unit.whole);
      const same = ((reading && ctx.vocabulary.readings.get(reading)) || []).filter((t) => t !== unit.whole);
      const shared = (t: string) => [...t].some((c) => /[\u3400-\u9fff]/.test(c) && unit.whole.includes(c));
      if (kanji >= 3) for (const t of same) alternatives.push([t]);
      else if (unit.whole.length === 2) {
        const near = same.filter(shared);
        if (near.length === 1) alternatives.push([near[0] as string]);
      }
    }
    // A word typed in hiragana the corpus writes in kanji (しくみ → 仕組み): the corpus's word read so,
    // when one or two read so (more is a guess between homophones).
    if (ctx.vocabulary && absent && /^[\u3041-\u3096ー]{3,}$/.test(unit.whole)) {
      const kana = toKatakana(unit.whole);
      const read = ctx.vocabulary.readings.get(kana) ?? [];
      if (read.length <= 2) for (const t of read) alternatives.push(...analyze(t).map((x) => [x.whole]));
    }
    const synonyms = glossed ? [] : dictionarySynonyms(ctx, unit.whole);
    for (const s of synonyms) alternatives.push(...analyze(s).map((x) => [x.whole]));
    // The English titles and summaries say it in English: the dictionary's first English for a
    // word the Japanese text does not use (倍増 → doubling; 医療 → medical care).
    if (absent) alternatives.push(...englishOf(unit.whole));
    const instrument = instrumentOfJapanese(unit.whole);
    const alts = minimalAlternatives(alternatives);
    groups.push({
      label: unit.surface || unit.whole,
      alternatives: alts,
      boost: [...unitBoost(unit), ...(widened ? [last] : [])],
      // One kanji the glossary does not know (人, 方, 件) says too little to filter by — when the
      // corpus uses it: one it never writes (鳥, 犬, 詩) is a subject it lacks, not a word to skip.
      weak:
        weakTermSet().has(unit.whole) ||
        loan?.weak === true ||
        (!glossed && /^[\u3400-\u9fff]$/.test(unit.whole) && ctx.hasTerm?.(unit.whole) !== false) ||
        // (政策動向: the policy news of a place and time, every reading of it a generic word)
        (alts.length > 0 && alts.every((a) => a.every((t) => weakTermSet().has(t)))),
      untranslated: false,
      source: glossed ? 'glossary' : synonyms.length ? 'vocabulary' : 'typed',
      ...(synonyms.length ? { translation: synonyms } : {}),
      ...(instrument ? { instrument } : {}),
    });
  }
  return mergeDottedNames(genericHeadsRank(groups, text), text, englishOf);
}

/**
 * A generic head typed as its own word after a subject (攻撃 パターン, 規制 関連) only ranks, as
 * inside a compound: the subject before it in the question decides.
 */
function genericHeadsRank(groups: TermGroup[], text: string): TermGroup[] {
  const heads = genericHeadSet();
  const at = (g: TermGroup) => text.indexOf(g.label);
  return groups.map((g) => {
    if (g.weak || !heads.has(g.label) || at(g) < 0) return g;
    const after = groups.some((p) => p !== g && !p.weak && at(p) >= 0 && at(p) < at(g));
    return after ? { ...g, weak: true } : g;
  });
}

/**
 * A compound with joints inside (エージェント向けガバナンス指針, 国際機関づくり): the stretches between
 * them as units of their own, each analyzed once, the joints as filler (at the start too:
 * AIづくりガイドライン is analyzed as AI and づくりガイドライン). A joint alone is left to the filler rules.
 */
function splitAtJoints(u: Unit, ctx: UnderstandContext): Unit[] {
  if (u.latin || u.parts.length < 2) return [u];
  const joints = jointSet();
  if (!u.parts.some((p) => joints.has(p))) return [u];
  const out: Unit[] = [];
  let stretch: string[] = [];
  const close = () => {
    if (stretch.length && !ctx.expired()) out.push(...analyze(stretch.join('')));
    stretch = [];
  };
  for (const p of u.parts) {
    if (!joints.has(p)) {
      stretch.push(p);
      continue;
    }
    ctx.filler.push(p);
    close();
  }
  close();
  return out;
}

/**
 * The fewest corpus katakana words that spell a run when long-vowel marks are ignored on both
 * sides (アクショーンプラン → アクション + プラン): a mark typed in or left out is the commonest
 * katakana typo, and inside an unknown compound no whole-word lookup meets it.
 */
export function foldedSegmentation(run: string, ctx: Pick<UnderstandContext, 'katakanaLike'>): string[][] {
  if (!ctx.katakanaLike || run.length > 24) return [];
  const folded = foldLongVowels(run);
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= folded.length; end++) {
    for (let start = end - 2; start >= 0; start--) {
      const before = best[start];
      if (!before) continue;
      const term = ctx.katakanaLike(folded.slice(start, end))[0];
      if (!term) continue;
      const here = best[end];
      if (!here || here.length > before.length + 1) best[end] = [...before, stemKatakana(term)];
    }
  }
  const cut = best[folded.length];
  return cut && cut.length > 1 ? [cut] : [];
}

/**
 * A katakana run cut into the fewest words the corpus has (メンタルヘルスアプリ → メンタルヘルス +
 * アプリ, where the documents write メンタルヘルス whole and the analyzer would cut it again), or
 * nothing when no such cut exists. Pieces of two characters at least; runs are short (a katakana
 * run of a question), so the quadratic search is bounded.
 */
export function corpusSegmentation(run: string, ctx: Pick<UnderstandContext, 'hasTerm'>): string[][] {
  if (!ctx.hasTerm || run.length > 24) return [];
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= run.length; end++) {
    for (let start = end - 2; start >= 0; start--) {
      const before = best[start];
      if (!before) continue;
      const piece = run.slice(start, end);
      if (!ctx.hasTerm(piece) && !ctx.hasTerm(stemKatakana(piece))) continue;
      const here = best[end];
      if (!here || here.length > before.length + 1)
        best[end] = [...before, ctx.hasTerm(piece) ? piece : stemKatakana(piece)];
    }
  }
  const cut = best[run.length];
  return cut && cut.length > 1 ? [cut] : [];
}
