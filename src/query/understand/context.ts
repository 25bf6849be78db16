import type { SubPlace } from '../../geo/gazetteer.js';
import type { Region } from '../../ingest/item.js';
import type { Vocabulary } from '../../search/vocabulary.js';
import type { Period } from '../period.js';

/**
 * One concept of the question. It matches an item when any alternative matches, and an
 * alternative matches when all of its terms do (a compound through its whole or its parts).
 */
export interface TermGroup {
  /** The words as the asker typed them: `guidelines`, `基本計画`, `sb53`. */
  label: string;
  /** The corpus's words for an English term, from the glossary or the bilingual vocabulary. */
  translation?: string[];
  alternatives: string[][];
  /** Whole compounds (人工知能基本計画): not required, but an item that has one ranks higher. */
  boost: string[];
  /** Generic words (AI, policy) that only narrow a search when nothing else does. */
  weak: boolean;
  /** An English word with no glossary entry: kept as written, may not be in the corpus. */
  untranslated: boolean;
  /** Read through a word WordNet relates to it (films → movie): required of every answer. */
  related?: boolean;
  /** The concept asking what the question asks of its subject (budget, staff: `aspects`): required. */
  aspect?: boolean;
  /** An agency named in the question (NIST, Ofcom): its country is already a filter, so the name only ranks. */
  agency?: boolean;
  /** An instrument type (`guideline`, `law`): items of that type match the group whatever their wording. */
  instrument?: string;
  /** An actor (actors.yml id) the words name: the items of its own digest section match the group. */
  actor?: string;
  /**
   * A state, prefecture, city, international body or area named (Oregon, 北海道, London, OECD,
   * 西日本): the answer must name it, and when no item does the answer is "No items about Oregon".
   */
  place?: SubPlace['kind'];
  /**
   * A law's name or the word that ends it ("CHIPS" and "Act" of "CHIPS Act"): every answer must
   * match it, as a place (see law-names.ts).
   */
  lawName?: boolean;
  /**
   * A name every answer must match, as a place: a person (高市: another prime minister's
   * instructions are no answer) or a dotted katakana name (ジェネシス・ミッション).
   */
  name?: boolean;
  /**
   * A body of its own named (an actor of a kind in `required_kinds`: Ofcom, 経産省, the AISI):
   * required of answers wherever the corpus names it (decide.ts requiredConcepts).
   */
  body?: boolean;
  /** Where the concept's corpus forms came from, for saying how a word was read. */
  source?: 'glossary' | 'vocabulary' | 'typed' | 'clipped' | 'typo' | 'place' | 'agency';
  /** The word it was read as, when not as typed (exec → executive, budjet → budget). */
  readAs?: string;
}

export type Lang = 'en' | 'ja';

/** What policy-bot understood of a question: the hard filters and the search terms. */
export interface Interpretation {
  question: string;
  lang: Lang;
  countries: string[];
  regions: Region[];
  /** What the asker typed for each code, for messages. */
  placeNames: Record<string, string>;
  /**
   * Countries named only through a state, prefecture or city: said, never a filter (the place
   * itself is required of every answer).
   */
  viaPlaces?: string[];
  period: Period | null;
  groups: TermGroup[];
  /** Source URLs quoted in the question: the items citing them are the answer. */
  urls: string[];
  /** Actors named (actors.yml ids): their countries are in `countries`, their names only rank. */
  actors: string[];
  /** The period words as typed ("July", "先週"), for saying how they were read. */
  periodText?: string;
  /** Words read as filler (question words, politeness, "news", 教えて…), as typed. */
  filler: string[];
  /** "latest", "newest", 最新: the newest items that answer the rest of the question. */
  latest?: boolean;
  /**
   * "lately", 最近 asked of a subject: the last 30 days, or — when they hold none of it — its
   * newest items up to today ("EUのAI法、最近どう？" when the Act's last items are months old is
   * answered with them, saying how old they are).
   */
  recent?: boolean;
  /**
   * Asked about what something is, who or when ("what is the AISI for", "AISIっていつ設立？"):
   * without a period, overview sections rank with dated events rather than after them.
   */
  aboutItself?: boolean;
  /**
   * Words of the sections that answer what the question asks of its subject (its role, staff,
   * budget…: `aspects` in question-words.yml): they rank the subject's items, never select them.
   */
  rank?: string[];
  /**
   * Places typed one letter off and names typed clipped, as typed → the name they were read as
   * (inda → india, エネ省 → エネルギー省).
   */
  placeReadAs?: Record<string, string>;
  /**
   * Set when understanding ran out of its time budget: only the first `analyzedChars` of the
   * question's `length` characters were read, and the answer says so.
   */
  cutShort?: { analyzedChars: number; length: number };
}

/**
 * What understanding may look up in the corpus (the index's vocabulary and terms). Without them
 * English words resolve through the glossary only and no word is checked against the corpus.
 */
export interface CorpusLookups {
  /** The corpus's bilingual vocabulary (index.vocabulary): English words beyond the glossary. */
  vocabulary?: Vocabulary;
  /** Whether the index holds a term (Latin names, codes): such a word is never "corrected". */
  hasTerm?: (term: string) => boolean;
  /** Whether an item's text, not only a URL, holds the term (names joined from two words). */
  hasTextTerm?: (term: string) => boolean;
  /** The Latin words the corpus prints (five letters or more): what a typo of a name may mean. */
  latinTerms?: () => readonly string[];
  /**
   * The corpus's katakana terms spelled like `folded` once long-vowel marks are dropped
   * (foldLongVowels): フォラム, スケジュル, マネージメント find フォーラム, スケジュール, マネジメント.
   */
  katakanaLike?: (folded: string) => readonly string[];
  /**
   * Whether the corpus writes a katakana word on its own somewhere, not only inside a longer
   * katakana word (ブック only in ガイドブック, ロード only in ロードマップ): a dictionary
   * loanword found only so is no reading of an English word ("books", "roads").
   */
  katakanaAlone?: (term: string) => boolean;
  /**
   * The katakana words the corpus writes whole that sound like Latin letters typed together
   * (sportsbetting → スポーツベッティング): six consonant classes or more.
   */
  katakanaSounding?: (latin: string) => readonly string[];
  /** The katakana words the corpus writes whole that begin with `prefix` (エネ → エネルギー). */
  katakanaStartingWith?: (prefix: string) => readonly string[];
}

/** What the understanding stages share while reading one question. */
export interface UnderstandContext extends CorpusLookups {
  /**
   * The question is Japanese: a Latin word in it is a name or a term (naver, grok), never an
   * English question word misspelt (naver is no "never").
   */
  inJapanese?: boolean;
  /**
   * English words used as verbs, not subjects (songwriters *losing* money, allowed to *air*, ai
   * that *chats*): filler where the corpus has no reading of them (english.ts verbUsesOf).
   */
  verbUses?: Set<string>;
  /** Words read as filler, collected as the stages meet them. */
  filler: string[];
  /** True once the question's time budget is spent: the stages stop reading. */
  expired: () => boolean;
}
