import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * kuromoji's word table (`tid_map.dat`: for each trie entry, the dictionary words spelled that
 * way) as two typed arrays, and its lattice builder reading them.
 *
 * @remarks kuromoji loads the table into a plain object of ≈390 000 arrays (`target_map`):
 * ≈57 MB of heap and ≈0.1 s of every load (and of every analysis worker's). Here it is a
 * compressed sparse row: `offsets[id] … offsets[id + 1]` index `words`. The builder is
 * kuromoji 0.1.2's `ViterbiBuilder.prototype.build`, line for line, but for that table, word ids
 * read as the numbers they are (kuromoji `parseInt`s them), and the rest of the sentence taken
 * from one surrogate-aware index made per sentence instead of one per position. Same lattice,
 * same tokens (a test tokenizes the corpus both ways).
 */
export interface WordTable {
  offsets: Int32Array;
  words: Int32Array;
}

/** Little-endian int32 at `at`, 0 past the end: kuromoji's `ByteBuffer.getInt`. */
function intAt(bytes: Uint8Array, at: number): number {
  if (bytes.length < at + 4) return 0;
  return (
    ((bytes[at + 3] as number) << 24) +
    ((bytes[at + 2] as number) << 16) +
    ((bytes[at + 1] as number) << 8) +
    (bytes[at] as number)
  );
}

/**
 * Reads `tid_map.dat` as kuromoji's `loadTargetMap` reads it (records `key, count, count ×
 * word` to the end of the buffer; a key met twice gets both lists, in order). Undefined when a
 * key is not a plausible trie id, so the caller keeps kuromoji's own table.
 */
export function readWordTable(bytes: Uint8Array): WordTable | undefined {
  /** Calls `visit` with each record's key, word count and the offset of its first word. */
  const eachRecord = (visit: (key: number, count: number, at: number) => void) => {
    let at = 4; // map_keys_size, unused
    while (bytes.length >= at + 1) {
      const key = intAt(bytes, at);
      const count = intAt(bytes, at + 4);
      at += 8;
      if (count > 0) visit(key, count, at);
      at += 4 * Math.max(0, count);
    }
  };
  // Three passes over the 4 MB, no record kept in between: sizes, row lengths, then the words.
  let maxKey = -1;
  let total = 0;
  let plausible = true;
  eachRecord((key, count) => {
    if (key < 0 || key > 50_000_000) plausible = false;
    if (key > maxKey) maxKey = key;
    total += count;
  });
  if (!plausible) return undefined;
  const offsets = new Int32Array(maxKey + 2);
  eachRecord((key, count) => {
    offsets[key + 1] = (offsets[key + 1] as number) + count;
  });
  for (let k = 1; k < offsets.length; k++) offsets[k] = (offsets[k] as number) + (offsets[k - 1] as number);
  const words = new Int32Array(total);
  const fill = offsets.slice(0, Math.max(0, offsets.length - 1));
  eachRecord((key, count, at) => {
    let slot = fill[key] as number;
    for (let i = 0; i < count; i++) words[slot++] = intAt(bytes, at + 4 * i);
    fill[key] = slot;
  });
  return { offsets, words };
}

interface ByteBufferLike {
  getShort(index: number): number;
}
interface Lattice {
  append(node: unknown): void;
  appendEos(): void;
}
interface CharClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}
interface BuilderInternals {
  trie: { commonPrefixSearch(key: string): { k: string; v?: number }[] };
  token_info_dictionary: { dictionary: ByteBufferLike };
  unknown_dictionary: {
    dictionary: ByteBufferLike;
    target_map: Record<number, number[]>;
    lookup(ch: string): CharClass;
  };
  build(sentence: string): Lattice;
}
type SurrogateAware = { str: string; index_mapping: number[]; length: number };

/** Installs the table-reading lattice builder on one tokenizer's builder (see the module comment). */
export function useWordTable(viterbiBuilder: unknown, table: WordTable): void {
  const b = viterbiBuilder as BuilderInternals;
  const ViterbiLattice = require('kuromoji/src/viterbi/ViterbiLattice') as new () => Lattice;
  const ViterbiNode = require('kuromoji/src/viterbi/ViterbiNode') as new (
    name: number,
    cost: number,
    start: number,
    length: number,
    type: string,
    left: number,
    right: number,
    surface: string,
  ) => unknown;
  const SurrogateAwareString = require('kuromoji/src/util/SurrogateAwareString') as new (
    s: string,
  ) => SurrogateAware;
  const { offsets, words } = table;
  b.build = function build(this: BuilderInternals, sentenceStr: string): Lattice {
    const lattice = new ViterbiLattice();
    const sentence = new SurrogateAwareString(sentenceStr);
    const map = sentence.index_mapping;
    const length = sentence.length;
    const known = this.token_info_dictionary.dictionary;
    const unknownDictionary = this.unknown_dictionary;
    /** The k-th surrogate-aware character from `pos`, as SurrogateAwareString.charAt gives it. */
    const charFrom = (pos: number, k: number): string => {
      const start = map[pos + k] as number;
      const end = map[pos + k + 1];
      return end === undefined ? sentenceStr.slice(start) : sentenceStr.slice(start, end);
    };
    for (let pos = 0; pos < length; pos++) {
      const tail = sentenceStr.slice(map[pos] as number);
      const vocabulary = this.trie.commonPrefixSearch(tail);
      for (const { v: trieId, k: key } of vocabulary) {
        const id = trieId as number;
        const end = id + 1 < offsets.length ? (offsets[id + 1] as number) : 0;
        for (let w = id < offsets.length ? (offsets[id] as number) : 0; w < end; w++) {
          const tokenInfoId = words[w] as number;
          const left = known.getShort(tokenInfoId);
          const right = known.getShort(tokenInfoId + 2);
          const cost = known.getShort(tokenInfoId + 4);
          lattice.append(new ViterbiNode(tokenInfoId, cost, pos + 1, key.length, 'KNOWN', left, right, key));
        }
      }
      // Unknown words, as kuromoji makes them: the head character's class, grouped while the
      // following characters have the same class.
      const tailLength = length - pos;
      const head = charFrom(pos, 0);
      const headClass = unknownDictionary.lookup(head);
      if (vocabulary.length === 0 || headClass.is_always_invoke === 1) {
        let key = head;
        // kuromoji's key stays a one-character SurrogateAwareString (length 1) until a character
        // is appended, then it is a string (its length in UTF-16 units).
        let grouped = false;
        if (headClass.is_grouping === 1 && 1 < tailLength) {
          for (let k = 1; k < tailLength; k++) {
            const next = charFrom(pos, k);
            if (headClass.class_name !== unknownDictionary.lookup(next).class_name) break;
            key += next;
            grouped = true;
          }
        }
        const keyLength = grouped ? key.length : 1;
        const unkIds = unknownDictionary.target_map[headClass.class_id] as number[];
        for (let j = 0; j < unkIds.length; j++) {
          const unkId = unkIds[j] as number;
          const left = unknownDictionary.dictionary.getShort(unkId);
          const right = unknownDictionary.dictionary.getShort(unkId + 2);
          const cost = unknownDictionary.dictionary.getShort(unkId + 4);
          lattice.append(new ViterbiNode(unkId, cost, pos + 1, keyLength, 'UNKNOWN', left, right, key));
        }
      }
    }
    lattice.appendEos();
    return lattice;
  };
}
