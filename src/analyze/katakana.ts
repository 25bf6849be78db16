import { MAX_KATAKANA_RUN } from '../util/sanitize.js';
import { tokenizerSync } from './kuromoji.js';
import { glossaryEntries, katakanaLexicon } from './lexicon.js';

const KATAKANA_WORD = /^[\u30a1-\u30faー]+$/;

let lexicon: Set<string> | undefined;
function words(): Set<string> {
  if (lexicon) return lexicon;
  // Domain katakana words IPADIC does not know (katakana.yml), and those of the glossary.
  lexicon = new Set(katakanaLexicon().words);
  for (const { ja } of glossaryEntries())
    for (const j of ja) for (const w of j.split(/[・\s]/)) if (KATAKANA_WORD.test(w)) lexicon.add(w);
  return lexicon;
}

/**
 * Entries a cache keeps before it starts again: the corpus's katakana fit many times over, while
 * a stream of random questions cannot grow the process without end.
 */
const CACHE_LIMIT = 50_000;
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const validCache = new Map<string, boolean>();
/** A piece is a word when the lexicon has it or kuromoji knows it as one noun. */
function isWord(piece: string): boolean {
  if (piece.length < 3) return false;
  if (words().has(piece)) return true;
  const ok = validCache.get(piece);
  if (ok !== undefined) return ok;
  const t = tokenizerSync().tokenize(piece);
  return remember(validCache, piece, t.length === 1 && t[0]?.word_type === 'KNOWN' && t[0]?.pos === '名詞');
}

function split(token: string): string[] {
  // Finest split into two known words, recursively (サイバーセキュリティ → サイバー + セキュリティ).
  for (let i = token.length - 3; i >= 3; i--) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if (isWord(left) && isWord(right)) return [...split(left), ...split(right)];
  }
  return [token];
}

const cache = new Map<string, string[]>();

/**
 * Splits a katakana compound IPADIC does not know (ガバナンスフレームワーク) into the words it is
 * made of, as Lucene's search mode would. Returns `[token]` when it cannot cover the whole token,
 * and for a token longer than {@link MAX_KATAKANA_RUN}: the search for pieces looks at every
 * substring, so its work grows with the square of the length (and a caller trying every prefix,
 * with the cube) — no compound is that long, and an attacker's run must not cost seconds.
 */
export function decompoundKatakana(token: string): string[] {
  if (token.length < 6 || token.length > MAX_KATAKANA_RUN || !KATAKANA_WORD.test(token)) return [token];
  const hit = cache.get(token);
  if (hit) return hit;
  // Greedy longest known word from the left must cover the token; then refine each piece.
  const pieces: string[] = [];
  let i = 0;
  while (i < token.length) {
    let found = '';
    for (let j = token.length; j >= i + 3; j--) {
      const piece = token.slice(i, j);
      if (isWord(piece)) {
        found = piece;
        break;
      }
    }
    if (!found) return remember(cache, token, [token]);
    pieces.push(found);
    i += found.length;
  }
  return remember(cache, token, pieces.flatMap(split));
}
