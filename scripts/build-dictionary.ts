/**
 * Regenerates data/dictionary/ja-en.tsv.gz and en-ja.tsv.gz from JMdict/EDICT (development time
 * only; the bot never downloads anything):
 *
 *   apt-get install edict          # Debian's copy of the EDRDG's EDICT (EUC-JP)
 *   npx tsx scripts/build-dictionary.ts [/usr/share/edict/edict]
 *
 * Then run `npx policy-bot index` (data/ changed) and commit data/dictionary/ and index/.
 * The output is deterministic: the same EDICT file gives the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { enJaTable, jaEnTable, parseEdictLine } from '../src/analyze/dictionary-build.js';
import { writeFileAtomically } from '../src/util/atomic-write.js';
import { projectRoot } from '../src/util/paths.js';

const source = process.argv[2] ?? '/usr/share/edict/edict';
const raw = readFileSync(source);
// EDICT is EUC-JP; a UTF-8 copy (JMdict-derived EDICT2 files often are) is read as it is.
const text =
  raw.includes(Buffer.from('/(n)')) && !/[\u3040-\u30ff]/.test(raw.subarray(0, 4096).toString('utf8'))
    ? new TextDecoder('euc-jp').decode(raw)
    : raw.toString('utf8');
const entries = text.split('\n').flatMap((line) => parseEdictLine(line) ?? []);
const out = join(projectRoot(), 'data', 'dictionary');
// mtime 0 in the gzip header: the same input gives the same bytes.
const gz = (s: string) => gzipSync(Buffer.from(s, 'utf8'), { level: 9 });
const jaEn = jaEnTable(entries);
const enJa = enJaTable(entries);
writeFileAtomically(join(out, 'ja-en.tsv.gz'), gz(jaEn));
writeFileAtomically(join(out, 'en-ja.tsv.gz'), gz(enJa));
console.log(
  `${entries.length} entries kept from ${source}: ja-en ${jaEn.split('\n').length - 1} headwords (${(gz(jaEn).length / 1e6).toFixed(2)} MB gz), en-ja ${enJa.split('\n').length - 1} glosses (${(gz(enJa).length / 1e6).toFixed(2)} MB gz)`,
);
