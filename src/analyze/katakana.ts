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

const validCache = new Map<string, boolean>();
/** A piece is a word when the lexicon has it or kuromoji knows it as one noun. */
function isWord(piece: string): boolean {
  if (piece.length < 3) return false;
  if (words().has(piece)) return true;
  let ok = validCache.get(piece);
  if (ok === undefined) {
    const t = tokenizerSync().tokenize(piece);
    ok = t.length === 1 && t[0]?.word_type === 'KNOWN' && t[0]?.pos === '名詞';
    validCache.set(piece, ok);
  }
  return ok;
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
 * made of, as Lucene's search mode would. Returns `[token]` when it cannot cover the whole token.
 */
export function decompoundKatakana(token: string): string[] {
  if (token.length < 6 || !KATAKANA_WORD.test(token)) return [token];
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
    if (!found) {
      cache.set(token, [token]);
      return [token];
    }
    pieces.push(found);
    i += found.length;
  }
  const result = pieces.flatMap(split);
  cache.set(token, result);
  return result;
}
