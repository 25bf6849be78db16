import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../util/paths.js';
import { parseYamlCached } from '../util/yaml-cache.js';

/**
 * The vocabulary of policy-bot as data: `data/lexicon/*.yml`, each checked with zod when first
 * used and cached for the life of the process. Words live in data files rather than code so a
 * reviewer can grow them without touching logic, and because data/ is hashed into the index
 * manifest, an edit makes the index stale by itself.
 */

const words = z.array(z.string().min(1));

/** One concept of the bilingual glossary: English words an asker types, the corpus's forms. */
export const GlossaryEntry = z.object({ en: words.min(1), ja: words.min(1) });
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;
const GlossaryFile = z.object({ entries: z.array(GlossaryEntry).min(1) });

const QuestionWordsFile = z.object({
  /** English question and function words, dropped. */
  en: words,
  /** Terms that only rank (AI, policy, generic news verbs). */
  weak: words,
  /** Japanese request words, auxiliaries and generic question nouns, dropped. */
  ja: words,
  /** Conversational filler (hey, memo, status): filler, and said to be in the answer. */
  en_conversational: words.default([]),
  /** Words of stopwords-iso's English list that are subjects in this corpus, not filler. */
  en_content: words.default([]),
  /** Suffixes of respect after a name (さん, 氏): dropped so the name is searched. */
  honorifics: words.default([]),
  /**
   * Generic last parts of a Japanese compound an asker adds (制度, 関連): サンドボックス制度
   * also matches items that say サンドボックス without them.
   */
  generic_heads: words.default([]),
  /**
   * Last parts of a Japanese compound that say what kind of event, paper or body it is (会合,
   * 大会, 当局, 報告): the compound also matches items naming its subject alone
   * (レッドチーミング大会: the challenge is called a Challenge), but typed alone they are concepts.
   */
  ja_kind_heads: words.default([]),
  /**
   * Last words of a name written with middle dots (…・フォーラム, …・ミッション): a dotted chain of
   * glossary words that ends in one is a name (フロンティア・モデル・フォーラム), else a list of
   * subjects (サイバーセキュリティ・プライバシー). The kind heads count too.
   */
  ja_name_ends: words.default([]),
  /**
   * English nouns an asker puts after a subject to say what kind of thing (companion apps, chatbot
   * services): they only rank, so the subject decides and an app-less corpus still answers.
   */
  generic_heads_en: words.default([]),
  /**
   * Last parts of a hyphenated English word that say how its first part relates, not a subject
   * (amazon-style, ai-driven, cloud-based): the first part is read, the suffix is filler.
   */
  en_hyphen_suffixes: words.default([]),
  /**
   * Words after which the next word is a verb (allowed to air, need replacing, using ai to tag):
   * a verb there that the corpus has no reading of says how, not what, and is filler.
   */
  en_verb_takers: words.default([]),
  /**
   * Words for a kind of body (regulator, 当局): beside a body named by its own name they describe
   * it (the Singapore regulator, IMDA) and only rank.
   */
  generic_bodies: words.default([]),
  /**
   * Japanese words that join two subjects inside a compound (エージェント向けガバナンス指針: guidance
   * *for* agents): the compound is read as its two sides, and the joint as filler.
   */
  ja_joints: words.default([]),
  /**
   * Time words ending a Japanese compound (施行後, 開発中): dropped from its end as filler, when
   * the rest is a word of two characters or more.
   */
  ja_time_suffixes: words.default([]),
  /** Phrases a conversation wraps a question in ("what's the deal with"): filler, whole. */
  frames: words.default([]),
  /**
   * Words for the present typed where a period goes (these days, now, 最近): with an aspect asked
   * (`aspects`), the subject's state now — filler, not a window of news.
   */
  present_time: words.default([]),
  /**
   * What a question asks of its subject (its role, its staff, its budget, its future, when it
   * was founded, who leads it): `asked` are patterns (case-insensitive regular expressions) of the
   * question, `rank` the corpus words of the sections that answer it, which rank first.
   */
  aspects: z
    .array(
      z.object({
        asked: z.array(
          z.string().refine((p) => {
            try {
              new RegExp(p, 'i');
              return true;
            } catch {
              return false;
            }
          }, 'not a regular expression'),
        ),
        rank: words,
      }),
    )
    .default([]),
});

const StopwordsFile = z.object({ stop_tags: words, ja: words, en: words });

const KatakanaFile = z.object({
  words,
  transliterations: z.record(z.string().min(1), z.string().min(1)).default({}),
});

const Code = z.string().regex(/^(?:[A-Z]{2}|ASEAN)$/, 'expected ISO 3166 alpha-2, EU or ASEAN');

const CountryNames = z.object({ code: Code, en: words, en_cased: words.default([]), ja: words.default([]) });

const PlacesFile = z.object({
  countries: z.array(CountryNames),
  us_states: z.array(z.object({ en: z.string().min(1), ja: words.min(1), abbr: words.default([]) })),
  /** Short country names the ISO list lacks (Russia, UAE, 北朝鮮): read in questions only. */
  short_forms: z.array(CountryNames).default([]),
  // `cities`: places inside a prefecture an item may name instead of it (別府 for 大分県).
  jp_prefectures: z.array(z.object({ en: words, ja: words.min(1), cities: words.default([]) })).default([]),
  cities: z.array(z.object({ code: Code, en: words, ja: words.default([]) })).default([]),
  bodies: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        en: words,
        en_cased: words.default([]),
        ja: words.default([]),
      }),
    )
    .default([]),
  kanji_abbreviations: z.record(z.string().length(1), Code),
  regions: z.array(z.object({ region: z.enum(['europe', 'asia']), en: words, ja: words })),
});

export const Actor = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'expected a lowercase id'),
  country: Code,
  level: z.enum(['national', 'federal', 'state', 'supranational', 'international']),
  kind: z.string().min(1),
  /** English names; the first is how an English line names the actor. */
  en: words.min(1),
  ja: words,
  /** Words naming the actor in a question that are too ambiguous to be place names (AISI). */
  terms: words.default([]),
  /** Digest categories whose items are this actor's own activities. */
  categories: words.default([]),
  /**
   * People who head the actor (Trump, 高市): a question naming them asks about them where the
   * documents print their name, and about the actor where they do not.
   */
  people: z.array(words.min(1)).default([]),
});
export type Actor = z.infer<typeof Actor>;
const ActorsFile = z.object({
  /** Kinds of actor that are bodies of their own: named in a question, answers must name them. */
  required_kinds: words.default([]),
  actors: z.array(Actor).min(1),
});

const InstrumentsFile = z.object({
  instruments: z.array(
    z.object({ id: z.string().regex(/^[a-z-]+$/), en: words, asked_ja: words.default([]), ja: words.min(1) }),
  ),
  actions: z.array(z.object({ en: z.string().min(1), ja: words.min(1) })),
  /** Words that end a law's name ("CHIPS Act", "AI Liability Directive"): see understand/english.ts. */
  law_name_ends: words.default([]),
});

const ClippedFile = z.object({
  en: z.record(z.string().regex(/^[a-z0-9'.-]+$/, 'expected a lowercase word'), z.string().min(1)),
  ja: z.record(z.string().min(1), z.string().min(1)),
  /**
   * Clipped last parts of a Japanese name, glued to the name (千葉工大: 工大 → 工業大学): expanded
   * only where the corpus writes the full name.
   */
  ja_suffixes: z.record(z.string().min(1), z.string().min(1)).default({}),
});

export type QuestionWords = z.infer<typeof QuestionWordsFile>;
export type Clipped = z.infer<typeof ClippedFile>;
export type Stopwords = z.infer<typeof StopwordsFile>;
export type Katakana = z.infer<typeof KatakanaFile>;
export type Places = z.infer<typeof PlacesFile>;
export type Instruments = z.infer<typeof InstrumentsFile>;

/** Where the lexicon is read from: `data/lexicon/` of the project, or `POLICY_BOT_LEXICON_DIR`. */
export function lexiconDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.POLICY_BOT_LEXICON_DIR !== undefined) return env.POLICY_BOT_LEXICON_DIR;
  projectLexiconDir ??= join(projectRoot(), 'data', 'lexicon');
  return projectLexiconDir;
}
let projectLexiconDir: string | undefined;

/**
 * Reads and validates one lexicon file. A bad file is a clear error naming the file and the
 * entry (`data/lexicon/actors.yml: actors[3].country: expected ISO 3166 alpha-2…`), never a
 * silently smaller vocabulary.
 */
export function readLexiconFile<T>(path: string, schema: z.ZodType<T>, label = path): T {
  let raw: unknown;
  try {
    raw = parseYamlCached(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`policy-bot: lexicon ${label}: ${(err as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = (issue?.path ?? [])
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    const entry = entryAt(raw, issue?.path ?? []);
    throw new Error(
      `policy-bot: lexicon ${label}: ${where || '(root)'}: ${issue?.message ?? 'invalid'}${entry ? ` (in ${entry})` : ''}`,
    );
  }
  return result.data;
}

/** A short echo of the offending entry, so the message says which one without a line number. */
function entryAt(raw: unknown, path: PropertyKey[]): string {
  let node = raw;
  let entry: unknown;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (typeof key === 'number') entry = node;
  }
  if (entry === undefined) return '';
  const text = JSON.stringify(entry);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const cache = new Map<string, unknown>();
function load<T>(file: string, schema: z.ZodType<T>): T {
  // Read on every question (and every answer line): the key is made without path work.
  const dir = lexiconDir();
  const key = `${dir}\0${file}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = readLexiconFile(join(dir, file), schema, `data/lexicon/${file}`);
    cache.set(key, value);
  }
  return value as T;
}

/** The bilingual glossary (`glossary.yml`). */
export const glossaryEntries = (): GlossaryEntry[] => load('glossary.yml', GlossaryFile).entries;
/** Question, weak and request words (`question-words.yml`). */
export const questionWords = (): QuestionWords => load('question-words.yml', QuestionWordsFile);
/** Lucene's stop tags and stop words, and English stop words (`stopwords.yml`). */
export const stopwordLists = (): Stopwords => load('stopwords.yml', StopwordsFile);
/** Katakana words for splitting compounds, and transliterations (`katakana.yml`). */
export const katakanaLexicon = (): Katakana => load('katakana.yml', KatakanaFile);
/** Curated jurisdictions, US states, kanji abbreviations and question regions (`places.yml`). */
export const placesLexicon = (): Places => load('places.yml', PlacesFile);
/** Governments, ministries, agencies, legislatures and institutes (`actors.yml`). */
export const actorsLexicon = (): Actor[] => load('actors.yml', ActorsFile).actors;
/** Kinds of actor an answer must name when the question does (`required_kinds`, `actors.yml`). */
export const requiredActorKinds = (): string[] => load('actors.yml', ActorsFile).required_kinds;

let actorsSource: readonly Actor[] | undefined;
let actorsMap = new Map<string, Actor>();
/** The actors lexicon by id, rebuilt only when the lexicon is. */
export function actorsById(): Map<string, Actor> {
  const list = actorsLexicon();
  if (list !== actorsSource) {
    actorsSource = list;
    actorsMap = new Map(list.map((a) => [a.id, a]));
  }
  return actorsMap;
}
/** Clipped forms and abbreviations → the full words (`clipped.yml`). */
export const clippedForms = (): Clipped => load('clipped.yml', ClippedFile);
/** Instrument types and title verbs (`instruments.yml`). */
export const instrumentsLexicon = (): Instruments => load('instruments.yml', InstrumentsFile);

/** Forgets the cached files (tests that point `POLICY_BOT_LEXICON_DIR` elsewhere). */
export function resetLexicon(): void {
  cache.clear();
}
