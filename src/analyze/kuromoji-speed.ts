import type { IpadicFeatures, Tokenizer } from 'kuromoji';

/**
 * Two of kuromoji 0.1.2's hot paths, made linear, installed on one tokenizer's own objects.
 *
 * For every position of a sentence, kuromoji's lattice builder looks the rest of the sentence up
 * in its double-array trie, and `DoubleArray.commonPrefixSearch` first encodes that whole rest to
 * UTF-8 (allocating four bytes per character) before walking the trie a few bytes deep: quadratic
 * in the sentence's length, and a third of the index build's time. Here the key is encoded while
 * the trie is walked, so only the bytes the trie can follow are ever made, reading the trie's
 * arrays directly. And each word's feature line (part of speech, base form, reading) is decoded
 * from the dictionary's UTF-8 bytes and split once per word id instead of once per token.
 *
 * Both give exactly what kuromoji's own code gives (a test tokenizes the corpus both ways
 * and compares every token). The patches are own properties of this tokenizer's trie and
 * tokenizer, so kuromoji's prototypes (and any other tokenizer) are untouched.
 */

/** The parts of kuromoji's objects used here (kuromoji's typings do not describe them). */
interface DoubleArrayLike {
  bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array };
  commonPrefixSearch(key: string): { k: string; v?: number }[];
}
interface FeaturesSource {
  getFeatures(id: number | string): string;
}
interface PathNode {
  name: number;
  start_pos: number;
  type: string;
  surface_form: string;
}
interface TokenizerInternals {
  viterbi_builder: { trie: DoubleArrayLike };
  viterbi_searcher: { search(lattice: unknown): PathNode[] };
  token_info_dictionary: FeaturesSource;
  unknown_dictionary: FeaturesSource;
  formatter: {
    formatEntry(id: number, position: number, type: string, features: string[]): IpadicFeatures;
    formatUnknownEntry(
      id: number,
      position: number,
      type: string,
      features: string[],
      surface: string,
    ): IpadicFeatures;
  };
  getLattice(sentence: string): unknown;
  tokenizeForSentence(sentence: string, tokens?: IpadicFeatures[]): IpadicFeatures[];
}

const ROOT_ID = 0;
const TERM_CODE = 0;
const NOT_FOUND = -1;

/** Marks a tokenizer already sped up, so a second call is a no-op. */
const spedUp = new WeakSet<object>();

/**
 * `commonPrefixSearch` for `trie`, encoding the key to UTF-8 only as far as the trie follows it.
 * Same results, in the same order, as kuromoji's (a match ends on a whole character: the
 * dictionary's words are whole strings). Made once per trie: the search runs at every position
 * of every sentence analyzed.
 */
export function prefixSearcher(trie: DoubleArrayLike): (key: string) => { k: string; v?: number }[] {
  // The arrays themselves, read as the double array's getBase and getCheck read them (an index
  // past the end reads as an unused cell).
  const baseArray = trie.bc.getBaseBuffer();
  const checkArray = trie.bc.getCheckBuffer();
  const base = (i: number): number => (i < baseArray.length ? (baseArray[i] as number) : -i + 1);
  const check = (i: number): number => (i < checkArray.length ? (checkArray[i] as number) : -i - 1);
  const traverse = (parent: number, code: number): number => {
    const child = base(parent) + code;
    return check(child) === parent ? child : NOT_FOUND;
  };
  const bytes = [0, 0, 0, 0];
  return (key) => {
    const result: { k: string; v?: number }[] = [];
    let parent = ROOT_ID;
    let i = 0;
    while (i < key.length) {
      // One character to UTF-8, as kuromoji's stringToUtf8Bytes encodes it.
      let code = key.charCodeAt(i++);
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = key.charCodeAt(i++);
        // kuromoji gives up on a malformed pair (its encoder returns null): no word goes past it.
        if (!(low >= 0xdc00 && low <= 0xdfff)) break;
        code = (code - 0xd800) * 1024 + 0x10000 + (low - 0xdc00);
      }
      let n: number;
      if (code < 0x80) {
        bytes[0] = code;
        n = 1;
      } else if (code < 0x800) {
        bytes[0] = (code >>> 6) | 0xc0;
        bytes[1] = (code & 0x3f) | 0x80;
        n = 2;
      } else if (code < 0x10000) {
        bytes[0] = (code >>> 12) | 0xe0;
        bytes[1] = ((code >> 6) & 0x3f) | 0x80;
        bytes[2] = (code & 0x3f) | 0x80;
        n = 3;
      } else {
        bytes[0] = (code >>> 18) | 0xf0;
        bytes[1] = ((code >> 12) & 0x3f) | 0x80;
        bytes[2] = ((code >> 6) & 0x3f) | 0x80;
        bytes[3] = (code & 0x3f) | 0x80;
        n = 4;
      }
      for (let b = 0; b < n; b++) {
        const child = traverse(parent, bytes[b] as number);
        if (child === NOT_FOUND) return result;
        parent = child;
        const leaf = traverse(child, TERM_CODE);
        if (leaf === NOT_FOUND) continue;
        // A word ending inside a character cannot be in a dictionary of whole strings; kuromoji
        // would return a broken string there, this never does.
        if (b !== n - 1) continue;
        const value = base(leaf);
        const k = key.slice(0, i);
        result.push(value <= 0 ? { v: -value - 1, k } : { k });
      }
    }
    return result;
  };
}

/**
 * Installs the linear prefix search and the per-word feature memo on `tokenizer` (see the
 * module comment). Idempotent. Call once, right after the dictionary is loaded.
 */
export function speedUp(tokenizer: Tokenizer<IpadicFeatures>): void {
  if (spedUp.has(tokenizer)) return;
  spedUp.add(tokenizer);
  const inner = tokenizer as unknown as TokenizerInternals;
  const trie = inner.viterbi_builder.trie;
  trie.commonPrefixSearch = prefixSearcher(trie);
  // Each word's feature line, split once per word id (kuromoji decodes and splits it per token).
  const featuresOf = (source: FeaturesSource) => {
    const memo = new Map<number, string[]>();
    return (id: number): string[] => {
      let features = memo.get(id);
      if (features === undefined) {
        const line = source.getFeatures(id);
        features = line == null ? [] : line.split(',');
        memo.set(id, features);
      }
      return features;
    };
  };
  const known = featuresOf(inner.token_info_dictionary);
  const unknown = featuresOf(inner.unknown_dictionary);
  // kuromoji's Tokenizer.prototype.tokenizeForSentence, with those arrays (its formatter only
  // reads them).
  inner.tokenizeForSentence = function (
    this: TokenizerInternals,
    sentence: string,
    tokens: IpadicFeatures[] = [],
  ): IpadicFeatures[] {
    const path = this.viterbi_searcher.search(this.getLattice(sentence));
    const last = tokens.length > 0 ? (tokens[tokens.length - 1] as IpadicFeatures).word_position : 0;
    for (const node of path) {
      const position = last + node.start_pos;
      if (node.type === 'KNOWN')
        tokens.push(this.formatter.formatEntry(node.name, position, node.type, known(node.name)));
      else if (node.type === 'UNKNOWN')
        tokens.push(
          this.formatter.formatUnknownEntry(
            node.name,
            position,
            node.type,
            unknown(node.name),
            node.surface_form,
          ),
        );
      else tokens.push(this.formatter.formatEntry(node.name, position, node.type, []));
    }
    return tokens;
  };
}

/** Undoes {@link speedUp} (tests compare both paths on one loaded dictionary). */
export function slowDown(tokenizer: Tokenizer<IpadicFeatures>): void {
  if (!spedUp.has(tokenizer)) return;
  spedUp.delete(tokenizer);
  const inner = tokenizer as unknown as TokenizerInternals;
  delete (inner.viterbi_builder.trie as Partial<DoubleArrayLike>).commonPrefixSearch;
  delete (inner as Partial<TokenizerInternals>).tokenizeForSentence;
}
