import { pathToFileURL } from 'node:url';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import {
  actorsLexicon,
  glossaryEntries,
  placesLexicon,
  questionWords,
  stopwordLists,
} from '../src/analyze/lexicon.js';
import { type LexiconGap, lexiconGaps } from '../src/analyze/lexicon-gaps.js';
import { ingestCorpus } from '../src/ingest/corpus.js';
import { defaultDataDir } from '../src/util/paths.js';

/**
 * Dev-time gap report: `npm run build && node dist/bench/lexicon-gaps.js [--limit N]`. Lists the
 * Japanese content terms of the corpus (in a title, or in two or more items) that no entry of
 * data/lexicon translates, most used first, to review and add to glossary.yml.
 */
/** The corpus's Japanese content terms no lexicon entry translates, most used first. Needs kuromoji loaded. */
export function corpusGaps(dataDir = defaultDataDir()): LexiconGap[] {
  const { items } = ingestCorpus(dataDir);
  const covered = [
    ...glossaryEntries().flatMap((e) => e.ja),
    ...actorsLexicon().flatMap((a) => a.ja),
    ...placesLexicon().countries.flatMap((c) => c.ja),
    ...placesLexicon().us_states.flatMap((s) => s.ja),
  ];
  const ignore = [...questionWords().ja, ...stopwordLists().ja];
  return lexiconGaps({ items, covered, ignore });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await loadTokenizer();
  const gaps = corpusGaps();
  const at = process.argv.indexOf('--limit');
  const limit = at > 0 ? Number(process.argv[at + 1]) : 100;
  console.log(
    `${gaps.length} Japanese terms without English equivalents (showing ${Math.min(limit, gaps.length)}):`,
  );
  for (const g of gaps.slice(0, limit))
    console.log(
      `${String(g.items).padStart(4)}  ${g.inTitle ? 'title' : '     '}  ${g.term}\t${g.example.slice(0, 50)}`,
    );
}
