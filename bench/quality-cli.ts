import { join } from 'node:path';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { buildIndex } from '../src/search/index-store.js';
import { defaultDataDir, projectRoot } from '../src/util/paths.js';
import { loadNatural, naturalTable, scoreNatural } from './natural.js';
import { HELDOUT_CASES, scorePolicyBot } from './quality.js';

/**
 * The quality bench alone (`node dist/bench/quality-cli.js`), faster than `npm run bench`:
 * the project's own sets, then the natural set — tune misses listed, holdout only counted.
 * `--tune` skips the holdout split entirely. Then the paraphrase set (bench/natural/paraphrases.yml:
 * tune questions asked in other words or the other language), its misses listed: a generalisation check.
 */
await loadTokenizer();
const { index } = buildIndex(defaultDataDir());
const own = scorePolicyBot(index);
const held = scorePolicyBot(index, HELDOUT_CASES, 'policy-bot, held-out set');
console.log('| set | passed | total |\n|---|---:|---:|');
for (const r of [own, held]) console.log(`| ${r.name} | ${r.passed} | ${r.total} |`);
for (const m of [...own.misses, ...held.misses]) console.log(`  - ${m}`);
const tune = scoreNatural(index, 'tune');
const holdout = process.argv.includes('--tune')
  ? { ...tune, split: 'holdout' as const, passed: 0, total: 0, emptyPassed: 0, emptyTotal: 0, byKind: {} }
  : scoreNatural(index, 'holdout');
console.log('');
for (const line of naturalTable(tune, holdout)) console.log(line);
console.log(`\ntune misses (${tune.misses.length}):`);
for (const m of tune.misses) console.log(`  - ${m}`);
const para = scoreNatural(
  index,
  'tune',
  loadNatural(join(projectRoot(), 'bench', 'natural', 'paraphrases.yml')),
);
console.log(
  `\n| paraphrases | ${para.passed} | ${para.total} | must-be-empty answered empty ${para.emptyPassed}/${para.emptyTotal} |`,
);
console.log(`paraphrase misses (${para.misses.length}):`);
for (const m of para.misses) console.log(`  - ${m}`);
