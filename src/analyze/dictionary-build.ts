/**
 * Builds the committed dictionary subset (data/dictionary/) from JMdict/EDICT, the EDRDG's
 * Japanese–English dictionary (CC BY-SA; see data/dictionary/README.md). Run at development time
 * by `scripts/build-dictionary.ts` on Debian's `edict` package; nothing here runs when the bot
 * answers. Pure: text in, text out, the same input always giving the same bytes.
 *
 * Two tables, each one line per key, sorted by key in UTF-16 code-unit order so that
 * src/analyze/dictionary.ts can binary-search them without building a map:
 * - `ja-en.tsv`: a Japanese headword (nouns, verbal nouns, no-adjectives, na-adjectives and every
 *   katakana word) → its English senses: `headword \t P|- \t gloss|gloss;gloss…` (senses split
 *   by `;`, glosses of a sense by `|`; `P` marks a common word).
 * - `en-ja.tsv`: an English gloss (lowercase) → the headwords it translates, best first:
 *   `gloss \t headword|headword… \t katakana loanword or empty`.
 */

/** Parts of speech kept: things a question can be about (名詞, サ変名詞, の・な形容詞). */
const KEPT_POS = new Set(['n', 'vs', 'n-suf', 'n-pref', 'adj-no', 'adj-na', 'n-adv', 'n-t']);
/** Senses with only these tags are dropped: no one asks a policy bot in archaic Japanese. */
const DROPPED_SENSE = /\((?:arch|obs|obsc|rare|vulg|X|derog)\)/;
const KATAKANA = /^[\u30a1-\u30faー・]+$/;
/** Longest gloss kept, in words: longer ones are explanations, not words an asker types. */
const MAX_GLOSS_WORDS = 4;
/** Headwords kept per English gloss. */
const MAX_HEADWORDS = 4;

export interface EdictEntry {
  headword: string;
  common: boolean;
  /** English glosses per sense, cleaned, in the dictionary's order. */
  senses: string[][];
  katakana: boolean;
  /** Glosses that lost a note or an article in cleaning ("racing (an engine)"): weaker translations. */
  qualified: Set<string>;
}

/** A field without its leading tags and sense numbers: (n) (1) (comp) (abbr) {comp}. */
function withoutTags(raw: string): string {
  let g = raw.trim();
  for (;;) {
    const m = /^(?:\([^)]*\)|\{[^}]*\})\s*/.exec(g);
    if (!m) return g;
    g = g.slice(m[0].length);
  }
}

/** A gloss without its tags and notes: "(esp. digital) watermark (in a stamp)" → "watermark". */
export function cleanGloss(raw: string): string | undefined {
  let g = withoutTags(raw);
  g = g
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/^to\s+/i, '')
    .replace(/^(?:a|an|the)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!g || !/[A-Za-z]/.test(g) || g.split(' ').length > MAX_GLOSS_WORDS) return undefined;
  if (/[;"/]|\.\.\./.test(g)) return undefined;
  return g;
}

/**
 * One EDICT line (`漢字 [かな] /(n,vs) (1) gloss/gloss/(2) gloss/(P)/`) → an entry, or undefined
 * when it is not a kept part of speech (or the header line).
 */
export function parseEdictLine(line: string): EdictEntry | undefined {
  const m = /^(\S+)(?: \[(\S+)\])? \/(.*)\/$/.exec(line.trim());
  if (!m) return undefined;
  const headword = m[1] as string;
  const body = m[3] as string;
  if (headword.startsWith('\u3000') || /[？?]/.test(headword)) return undefined;
  const fields = body.split('/');
  const katakana = KATAKANA.test(headword);
  let common = false;
  let kept = false;
  const senses: string[][] = [];
  let current: string[] | undefined;
  let currentDropped = false;
  const qualified = new Set<string>();
  for (const field of fields) {
    if (field === '(P)') {
      common = true;
      continue;
    }
    if (field.startsWith('EntL')) continue;
    const pos = /^\(([a-z0-9,-]+)\)/.exec(field)?.[1];
    const startsSense = /^(?:\([a-z0-9,-]+\)\s*)?\(\d+\)/.test(field) || pos !== undefined || !current;
    if (startsSense) {
      if (pos?.split(',').some((p) => KEPT_POS.has(p))) kept = true;
      current = [];
      currentDropped = DROPPED_SENSE.test(field);
      if (!currentDropped) senses.push(current);
    }
    const gloss = cleanGloss(field);
    if (gloss && current && !currentDropped && !current.includes(gloss)) {
      current.push(gloss);
      if (withoutTags(field) !== gloss) qualified.add(gloss);
    }
  }
  const nonEmpty = senses.filter((s) => s.length > 0);
  if ((!kept && !katakana) || nonEmpty.length === 0) return undefined;
  return { headword: headword.replace(/・/g, ''), common, senses: nonEmpty, katakana, qualified };
}

const byKey = <T extends [string, ...unknown[]]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The `ja-en.tsv` text: entries of one headword merged (common if any is; a common reading's
 * senses first — 機関 is きかん "engine; agency" before からくり "mechanism; trick"), sorted by
 * headword.
 */
export function jaEnTable(entries: readonly EdictEntry[]): string {
  const merged = new Map<string, { common: boolean; senses: string[][] }>();
  const ordered = [...entries].sort((a, b) => Number(b.common) - Number(a.common));
  for (const e of ordered) {
    const m = merged.get(e.headword);
    if (m) {
      m.common ||= e.common;
      m.senses.push(...e.senses);
    } else merged.set(e.headword, { common: e.common, senses: e.senses.map((s) => [...s]) });
  }
  const rows = [...merged].map(
    ([h, m]) =>
      [h, `${h}\t${m.common ? 'P' : '-'}\t${m.senses.map((s) => s.join('|')).join(';')}`] as [string, string],
  );
  return `${rows
    .sort(byKey)
    .map((r) => r[1])
    .join('\n')}\n`;
}

/**
 * The `en-ja.tsv` text: each English gloss (lowercase) → its headwords, best first — a common
 * word before an uncommon one, an earlier sense before a later one, a gloss given first in its
 * sense before one given later, a shorter headword before a longer — and the best katakana
 * loanword among them (what "All Japan" is written as: オールジャパン).
 */
export function enJaTable(entries: readonly EdictEntry[]): string {
  const candidates = new Map<string, { headword: string; score: number; katakana: boolean }[]>();
  for (const e of entries) {
    e.senses.forEach((sense, s) => {
      sense.forEach((gloss, g) => {
        const key = gloss.toLowerCase();
        // "the Horse (zodiac sign)" and "racing (an engine)" are the word in a narrower sense.
        const narrow = e.qualified.has(gloss) || gloss !== gloss.toLowerCase() ? 1.5 : 0;
        const score =
          (e.common ? 0 : 1) + narrow + Math.min(s, 5) + 0.1 * Math.min(g, 5) + 0.01 * e.headword.length;
        const list = candidates.get(key) ?? [];
        list.push({ headword: e.headword, score, katakana: e.katakana });
        candidates.set(key, list);
      });
    });
  }
  const rows: [string, string][] = [];
  for (const [key, list] of candidates) {
    const sorted = list.sort(
      (a, b) => a.score - b.score || (a.headword < b.headword ? -1 : a.headword > b.headword ? 1 : 0),
    );
    const heads = [...new Set(sorted.map((c) => c.headword))].slice(0, MAX_HEADWORDS);
    const kata = sorted.find((c) => c.katakana)?.headword ?? '';
    rows.push([key, `${key}\t${heads.join('|')}\t${kata}`]);
  }
  return `${rows
    .sort(byKey)
    .map((r) => r[1])
    .join('\n')}\n`;
}
