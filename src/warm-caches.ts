import { loadTokenizer } from './analyze/kuromoji.js';
import {
  actorsLexicon,
  glossaryEntries,
  instrumentsLexicon,
  katakanaLexicon,
  placesLexicon,
  questionWords,
  stopwordLists,
} from './analyze/lexicon.js';
import { regionTable } from './ingest/regions.js';
import { loadSourceList } from './ingest/sources.js';
import { defaultDataDir } from './util/paths.js';

/**
 * Run by `npm install` (the prepare script, after the build): fills the kuromoji dictionary cache
 * and the parsed-YAML cache (node_modules/.cache/policy-bot/), so the first `policy-bot ask`
 * after an install starts as fast as the later ones. Speed only: any failure is reported and
 * ignored (the caches fill on first use anyway), and the install never fails because of it.
 */
async function warm(): Promise<void> {
  const started = performance.now();
  await loadTokenizer();
  for (const load of [
    glossaryEntries,
    questionWords,
    stopwordLists,
    katakanaLexicon,
    placesLexicon,
    actorsLexicon,
    instrumentsLexicon,
    regionTable,
  ])
    load();
  loadSourceList(defaultDataDir());
  console.log(`policy-bot: caches ready (${Math.round(performance.now() - started)} ms)`);
}

warm().catch((err: unknown) => {
  console.warn(
    `policy-bot: caches not warmed (${err instanceof Error ? err.message : String(err)}); they fill on first use`,
  );
});
