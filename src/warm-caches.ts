import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTokenizer } from './analyze/kuromoji.js';
import { defaultDataDir } from './util/paths.js';
import { parseYamlCached } from './util/yaml-cache.js';

/**
 * Run by `npm install` (the prepare script, after the build): fills the kuromoji dictionary cache
 * and the parsed-YAML cache (node_modules/.cache/policy-bot/), so the first `policy-bot ask`
 * after an install starts as fast as the later ones. Speed only: any failure is reported and
 * ignored (the caches fill on first use anyway), and the install never fails because of it.
 */
async function warm(): Promise<void> {
  const started = performance.now();
  await loadTokenizer();
  // Every YAML file under data/ (sources.yml, the lexicons), whichever loader reads it.
  const parseAll = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) parseAll(path);
      else if (/\.ya?ml$/.test(entry.name)) parseYamlCached(readFileSync(path, 'utf8'));
    }
  };
  parseAll(defaultDataDir());
  console.log(`policy-bot: caches ready (${Math.round(performance.now() - started)} ms)`);
}

warm().catch((err: unknown) => {
  console.warn(
    `policy-bot: caches not warmed (${err instanceof Error ? err.message : String(err)}); they fill on first use`,
  );
});
