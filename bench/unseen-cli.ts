import { join } from 'node:path';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { buildIndex } from '../src/search/index-store.js';
import { defaultDataDir, projectRoot } from '../src/util/paths.js';
import { scoreNewMonth, scoreUnseen, unseenTable } from './unseen.js';

/**
 * The sets nobody tuned on, counts only (`node dist/bench/unseen-cli.js`): the second, third and
 * fourth natural sets and the new month. Part of `npm run bench`; alone, it takes seconds.
 */
await loadTokenizer();
const dataDir = defaultDataDir();
const { index } = buildIndex(dataDir);
const root = projectRoot();
const sets: [string, string][] = [
  ['natural2', 'second natural set (bench/natural2)'],
  ['natural3', 'third natural set (bench/natural3)'],
  ['natural4', 'fourth natural set (bench/natural4)'],
];
const reports = sets.map(([dir, name]) =>
  scoreUnseen(index, join(root, 'bench', dir, 'questions.yml'), name),
);
reports.push(await scoreNewMonth(dataDir));
for (const line of unseenTable(reports)) console.log(line);
