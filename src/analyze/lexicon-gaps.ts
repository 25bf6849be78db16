import { analyze } from './analyzer.js';

/** One Japanese content term with no English equivalent in the lexicon. */
export interface LexiconGap {
  term: string;
  /** How many items use it. */
  items: number;
  /** Whether some item's title uses it (then one item is enough to make it a gap). */
  inTitle: boolean;
  /** A title where it occurs, for the reviewer. */
  example: string;
}

export interface GapInput {
  items: { title: string; body: string }[];
  /** Japanese forms that already have English equivalents (glossary, actors, places). */
  covered: string[];
  /** Words that are not content (question words, stop words): never gaps. */
  ignore?: string[];
}

const HAS_JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const ONLY_KANA_PARTICLE = /^[\u3040-\u309f]{1,2}$/;

/**
 * The Japanese content terms of the corpus that a question in English cannot reach: every term
 * in an item title, or in two or more items, that no lexicon entry translates. A development
 * tool (run it after adding a month, review, add entries), never a test on the real corpus — a
 * new month must not turn the build red.
 *
 * @remarks Terms are the analyzer's own units (compounds and their parts), so what is reported
 * is what the index stores. A term counts as covered when a covered form contains it or is
 * contained in it (基本計画 covers 人工知能基本計画's part 計画 and is covered by it).
 */
export function lexiconGaps({ items, covered, ignore = [] }: GapInput): LexiconGap[] {
  const coveredTerms = new Set<string>();
  for (const c of covered)
    for (const u of analyze(c)) for (const t of [u.whole, ...u.parts]) coveredTerms.add(t);
  const skip = new Set(ignore);
  const stats = new Map<string, { items: Set<number>; inTitle: boolean; example: string }>();
  items.forEach((item, n) => {
    for (const [field, text] of [
      ['title', item.title],
      ['body', item.body],
    ] as const) {
      for (const u of analyze(text)) {
        // Verbs and other inflected words (向ける, 含む) are not vocabulary a question names.
        if (u.latin || (u.pos !== undefined && u.pos !== '名詞')) continue;
        for (const t of new Set([u.whole, ...u.parts])) {
          if (!HAS_JAPANESE.test(t) || ONLY_KANA_PARTICLE.test(t) || t.length < 2 || skip.has(t)) continue;
          const s = stats.get(t) ?? { items: new Set<number>(), inTitle: false, example: item.title };
          s.items.add(n);
          if (field === 'title' && !s.inTitle) {
            s.inTitle = true;
            s.example = item.title;
          }
          stats.set(t, s);
        }
      }
    }
  });
  const isCovered = (t: string) =>
    coveredTerms.has(t) || [...coveredTerms].some((c) => c.length >= 2 && (t.includes(c) || c.includes(t)));
  return [...stats]
    .filter(([t, s]) => (s.inTitle || s.items.size >= 2) && !isCovered(t))
    .map(([term, s]) => ({ term, items: s.items.size, inTitle: s.inTitle, example: s.example }))
    .sort(
      (a, b) => b.items - a.items || Number(b.inTitle) - Number(a.inTitle) || a.term.localeCompare(b.term),
    );
}
