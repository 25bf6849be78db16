import { endianness } from 'node:os';
import MiniSearch, { type Options } from 'minisearch';

/**
 * The on-disk form of the MiniSearch index, made for fast loads and small heaps.
 *
 * MiniSearch's own JSON keeps one object per (term, field) with one key per document; loading it
 * parses every key and builds a Map of every posting (≈1 million Map entries, ≈0.7 s and
 * ≈150 MB of heap at 10 000 items). Here the postings are one little-endian Int32 array
 * (`postings.bin`) and each term's document list is decoded into its Map only when a query
 * first touches that term. Everything else (documents, field lengths, the vocabulary) stays
 * JSON in MiniSearch's own shape.
 *
 * Layout of postings.bin, term after term in vocabulary order:
 *   fieldCount, then per field: fieldId, documentCount, then documentCount × (shortId, frequency)
 */

/** MiniSearch's serialized form (`toJSON`), as far as this module reads it. */
interface MiniSearchJson {
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
  [key: string]: unknown;
}

/** What goes into terms.json: MiniSearch's JSON without its index, plus the vocabulary. */
export interface CompactHeader extends Omit<MiniSearchJson, 'index'> {
  terms: string[];
  /**
   * MiniSearch's radix tree of those terms, depth first in its own key order ({@link treeShape}):
   * loading rebuilds the tree node by node instead of inserting 27 000 terms one by one.
   * Optional: without it the terms are inserted.
   */
  shape?: (string | number)[];
}

/** The parts each decoded index came from, so saving it again writes those very bytes. */
const origins = new WeakMap<object, { header: CompactHeader; postings: Buffer }>();

interface Counters {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/**
 * Splits a MiniSearch into the JSON header and the postings buffer. Deterministic. An index
 * that {@link decodeMiniSearch} made and nobody changed since gives back its original parts (a
 * MiniSearch's vocabulary order depends on its insertion history, so re-encoding would not).
 */
export function encodeMiniSearch<T>(mini: MiniSearch<T>): { header: CompactHeader; postings: Buffer } {
  const origin = origins.get(mini);
  const now = mini as unknown as Counters;
  if (
    origin &&
    origin.header.documentCount === now._documentCount &&
    origin.header.nextId === now._nextId &&
    (origin.header.dirtCount ?? 0) === now._dirtCount
  )
    return origin;
  const { index, ...rest } = mini.toJSON() as unknown as MiniSearchJson;
  const terms: string[] = [];
  let size = 0;
  for (const [, fields] of index) {
    size += 1;
    for (const docs of Object.values(fields)) size += 2 + 2 * Object.keys(docs).length;
  }
  const postings = Buffer.alloc(size * 4);
  let at = 0;
  const put = (n: number) => {
    at = postings.writeInt32LE(n, at);
  };
  for (const [term, fields] of index) {
    terms.push(term);
    const fieldIds = Object.keys(fields);
    put(fieldIds.length);
    for (const fieldId of fieldIds) {
      const docs = fields[fieldId] as Record<string, number>;
      const ids = Object.keys(docs);
      put(Number(fieldId));
      put(ids.length);
      for (const id of ids) {
        put(Number(id));
        put(docs[id] as number);
      }
    }
  }
  const tree = (mini as unknown as { _index: { _tree: RadixNode } })._index._tree;
  // Its leaves come in the order toJSON listed the terms above: the same tree iterator.
  const shape = treeShape(tree, () => {});
  return { header: { ...rest, terms, shape }, postings };
}

/**
 * A radix tree as one flat list, depth first in the order MiniSearch iterates it (each node's
 * keys last-inserted first): a node is its number of keys, then each key, followed (unless it
 * is the empty key that holds a term's value) by the child node's own list. Each leaf is handed
 * to `onLeaf` as it is reached: in the vocabulary's order.
 */
export function treeShape(
  root: RadixNode,
  onLeaf: (term: string, value: unknown) => void,
): (string | number)[] {
  const out: (string | number)[] = [];
  const walk = (node: RadixNode, prefix: string) => {
    out.push(node.size);
    for (const key of [...node.keys()].reverse()) {
      out.push(key);
      if (key === LEAF) onLeaf(prefix, node.get(key));
      else walk(node.get(key) as RadixNode, prefix + key);
    }
  };
  walk(root, '');
  return out;
}

/**
 * A term's documents in one field, decoded from the shared Int32 array on first use: the few
 * terms a query touches cost a Map each, the vocabulary's other postings cost nothing.
 *
 * @remarks It has the Map methods MiniSearch calls (reads, adds, removals, iteration, vacuuming)
 * and delegates them to a real Map made on first use. It does not extend Map: constructing
 * ≈30 000 Map subclasses at load took longer than everything else in the load together.
 */
class LazyPostings {
  #ints: Int32Array | undefined;
  #at: number;
  #count: number;
  #map: Map<number, number> | undefined;

  constructor(ints: Int32Array, at: number, count: number) {
    this.#ints = ints;
    this.#at = at;
    this.#count = count;
  }

  #load(): Map<number, number> {
    if (this.#map) return this.#map;
    const map = new Map<number, number>();
    const ints = this.#ints as Int32Array;
    const end = this.#at + 2 * this.#count;
    for (let p = this.#at; p < end; p += 2) map.set(ints[p] as number, ints[p + 1] as number);
    this.#ints = undefined;
    this.#map = map;
    return map;
  }

  get size(): number {
    return this.#map ? this.#map.size : this.#count;
  }
  /**
   * The postings as they sit in postings.bin (`count` pairs of short id and frequency from
   * `at`), while no Map has been made of them: what a read-only scorer iterates without
   * decoding (src/search/scorer.ts). Undefined once the Map exists (it may have changed since).
   */
  raw(): { ints: Int32Array; at: number; count: number } | undefined {
    return this.#map || !this.#ints ? undefined : { ints: this.#ints, at: this.#at, count: this.#count };
  }
  get(key: number): number | undefined {
    return this.#load().get(key);
  }
  has(key: number): boolean {
    return this.#load().has(key);
  }
  set(key: number, value: number): this {
    this.#load().set(key, value);
    return this;
  }
  delete(key: number): boolean {
    return this.#load().delete(key);
  }
  clear(): void {
    this.#load().clear();
  }
  keys(): MapIterator<number> {
    return this.#load().keys();
  }
  values(): MapIterator<number> {
    return this.#load().values();
  }
  entries(): MapIterator<[number, number]> {
    return this.#load().entries();
  }
  forEach(fn: (value: number, key: number, map: Map<number, number>) => void, self?: unknown): void {
    this.#load().forEach(fn, self);
  }
  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.#load().entries();
  }
  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

/** A node of MiniSearch's radix tree (SearchableMap): child keys, and '' for the node's value. */
export type RadixNode = Map<string, unknown>;
const LEAF = '';

/**
 * Inserts keys into a SearchableMap's radix tree exactly as its `set` does (same nodes, same
 * key order in every node, so iteration and fuzzy matching see the same tree), but finds the
 * child to follow through an index by first character instead of scanning the node's keys:
 * the root of a Japanese vocabulary has thousands of children, and `set` scanned them for every
 * term (most of an index load at 10 000 items). A child's first character is unique in its
 * node, which is what makes the index exact.
 */
export class RadixInserter {
  readonly #byFirst = new Map<RadixNode, Map<string, string>>();

  constructor(readonly root: RadixNode) {
    this.#indexNode(root);
  }

  #indexNode(node: RadixNode): Map<string, string> {
    let index = this.#byFirst.get(node);
    if (!index) {
      index = new Map();
      for (const k of node.keys()) if (k !== LEAF) index.set(k[0] as string, k);
      this.#byFirst.set(node, index);
    }
    return index;
  }

  /** SearchableMap's `set(key, value)`, as createPath then `node.set(LEAF, value)` do it. */
  set(key: string, value: unknown): void {
    let node = this.root;
    let pos = 0;
    while (pos < key.length) {
      const index = this.#indexNode(node);
      const k = index.get(key[pos] as string);
      if (k === undefined) {
        const child: RadixNode = new Map();
        const suffix = key.slice(pos);
        node.set(suffix, child);
        index.set(suffix[0] as string, suffix);
        this.#byFirst.set(child, new Map());
        node = child;
        break;
      }
      const len = Math.min(key.length - pos, k.length);
      let offset = 1;
      while (offset < len && key[pos + offset] === k[offset]) ++offset;
      const child = node.get(k) as RadixNode;
      if (offset === k.length) node = child;
      else {
        // Partial match: an intermediate node holds the existing subtree and, next, the new key.
        const intermediate: RadixNode = new Map();
        const rest = k.slice(offset);
        intermediate.set(rest, child);
        this.#byFirst.set(intermediate, new Map([[rest[0] as string, rest]]));
        const head = key.slice(pos, pos + offset);
        node.set(head, intermediate);
        node.delete(k);
        index.set(head[0] as string, head);
        node = intermediate;
      }
      pos += offset;
    }
    node.set(LEAF, value);
  }
}

/**
 * Fills `root` from a {@link treeShape} list: the same nodes with the same keys in the same
 * insertion order, each leaf's value taken from `value()` in the list's (the vocabulary's)
 * order. Throws when the list does not describe exactly `terms` leaves.
 */
function fillTree(root: RadixNode, shape: (string | number)[], terms: number, value: () => unknown): void {
  let i = 0;
  let leaves = 0;
  const fill = (node: RadixNode) => {
    const keys = shape[i++];
    if (typeof keys !== 'number') throw new Error(`tree shape: a key count expected at ${i - 1}`);
    const entries: [string, unknown][] = [];
    for (let k = 0; k < keys; k++) {
      const key = shape[i++];
      if (typeof key !== 'string') throw new Error(`tree shape: a key expected at ${i - 1}`);
      if (key === LEAF) {
        if (leaves++ >= terms) throw new Error('tree shape: more terms than the vocabulary');
        entries.push([LEAF, value()]);
      } else {
        const child: RadixNode = new Map();
        fill(child);
        entries.push([key, child]);
      }
    }
    // Listed as iterated (last inserted first): inserted back in their original order.
    for (let e = entries.length - 1; e >= 0; e--) node.set(...(entries[e] as [string, unknown]));
  };
  fill(root);
  if (i !== shape.length || leaves !== terms)
    throw new Error(
      `tree shape: ${leaves} terms in ${i} of ${shape.length} entries; the vocabulary has ${terms}`,
    );
}

/**
 * Rebuilds a MiniSearch from {@link encodeMiniSearch}'s parts, with the same options the index
 * was built with. The documents come back through MiniSearch's own `loadJS`; the vocabulary is
 * inserted with lazily decoded postings. The result searches, serializes and accepts new
 * documents exactly like `MiniSearch.loadJSON` of the same index.
 */
export function decodeMiniSearch<T>(
  header: CompactHeader,
  postings: Buffer,
  options: Options<T>,
): MiniSearch<T> {
  if (endianness() !== 'LE') throw new Error('postings.bin is little-endian; this machine is not');
  if (postings.byteOffset % 4 !== 0) postings = Buffer.from(postings);
  const ints = new Int32Array(postings.buffer, postings.byteOffset, postings.byteLength / 4);
  const { terms, ...rest } = header;
  const mini = MiniSearch.loadJS<T>({ ...rest, index: [] } as never, options);
  // MiniSearch's radix tree of terms; loadJS fills the same one from its JSON.
  const searchable = (mini as unknown as { _index: { _tree: RadixNode; _size?: number } })._index;
  searchable._size = undefined;
  let p = 0;
  /** The next term's fields and postings, in vocabulary order (postings.bin's order). */
  const nextFields = () => {
    const fields = new Map<number, Map<number, number>>();
    const fieldCount = ints[p++] as number;
    for (let f = 0; f < fieldCount; f++) {
      const fieldId = ints[p++] as number;
      const count = ints[p++] as number;
      fields.set(fieldId, new LazyPostings(ints, p, count) as unknown as Map<number, number>);
      p += 2 * count;
    }
    return fields;
  };
  if (header.shape) fillTree(searchable._tree, header.shape, terms.length, nextFields);
  else {
    const tree = new RadixInserter(searchable._tree);
    for (const term of terms) tree.set(term, nextFields());
  }
  if (p !== ints.length) throw new Error(`postings.bin has ${ints.length} numbers, the vocabulary uses ${p}`);
  origins.set(mini, { header, postings });
  return mini;
}
