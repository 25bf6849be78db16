import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { buildIndex } from '../src/search/index-store.js';
import { defaultDataDir } from '../src/util/paths.js';
import { allSets, unseenTable } from './unseen.js';

/**
 * Every question set, counts only (`node dist/bench/unseen-cli.js`): the tuned sets and the sets
 * nobody tuned on (natural holdout, natural2–4, the new month added after tuning), apart. Part of
 * `npm run bench`; alone, it takes seconds.
 */
await loadTokenizer();
const dataDir = defaultDataDir();
const { index } = buildIndex(dataDir);
for (const line of unseenTable(await allSets(index, dataDir))) console.log(line);
