import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadTokenizer } from '../src/analyze/kuromoji.js';
import { buildIndex } from '../src/search/index-store.js';
import { defaultDataDir, projectRoot } from '../src/util/paths.js';
import { measureAddMonth, measureReloadStall } from './add-month.js';
import { naturalTable, scoreNatural } from './natural.js';
import { HELDOUT_CASES, scoreBaseline, scorePolicyBot } from './quality.js';

/**
 * `npm run bench`: quality against the expected URLs (and a plain MiniSearch baseline), then
 * speed and memory on the real corpus and on 10 000 synthetic items. Numbers are printed, never
 * asserted: the machines here are noisy.
 */
const root = projectRoot();
const fmt = (n: number, d = 1) => n.toFixed(d).padStart(9);

await loadTokenizer();
const { index } = buildIndex(defaultDataDir());
const mine = scorePolicyBot(index);
const base = scoreBaseline(index);
const heldMine = scorePolicyBot(index, HELDOUT_CASES, 'policy-bot, held-out set');
const heldBase = scoreBaseline(index, HELDOUT_CASES, 'plain MiniSearch, held-out set');
console.log('\n## Quality (expected URLs in the top 5; must-be-empty questions must be empty)\n');
console.log(`| engine | passed | total | score |`);
console.log(`|---|---:|---:|---:|`);
for (const r of [mine, base, heldMine, heldBase])
  console.log(`| ${r.name} | ${r.passed} | ${r.total} | ${((100 * r.passed) / r.total).toFixed(1)}% |`);
console.log(`\npolicy-bot misses (${mine.misses.length}):`);
for (const m of mine.misses) console.log(`  - ${m}`);
console.log(`baseline misses: ${base.misses.length} (not listed)`);
console.log(`\nheld-out misses (${heldMine.misses.length}):`);
for (const m of heldMine.misses) console.log(`  - ${m}`);

// The natural set (bench/natural): tune misses are listed; the holdout split is only counted.
const tune = scoreNatural(index, 'tune');
const holdout = scoreNatural(index, 'holdout');
console.log('\n## Natural questions (tune / holdout; abstention on must-be-empty questions)\n');
for (const line of naturalTable(tune, holdout)) console.log(line);
console.log(`\ntune misses (${tune.misses.length}):`);
for (const m of tune.misses) console.log(`  - ${m}`);

console.log('\n## Speed and memory (each corpus in its own process)\n');
console.log(
  '| corpus | items | kuromoji load ms | index build ms | index load ms | query p50 ms | query p99 ms | RSS after kuromoji MB | RSS MB |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const corpus of ['real', 'synthetic']) {
  const out = execFileSync(process.execPath, [join(root, 'dist/bench/speed-worker.js'), corpus], {
    encoding: 'utf8',
  });
  const r = JSON.parse(out.trim().split('\n').pop() as string);
  console.log(
    `| ${r.corpus} | ${r.items} |${fmt(r.kuromojiMs)} |${fmt(r.buildMs)} |${fmt(r.loadMs)} |${fmt(r.p50, 2)} |${fmt(r.p99, 2)} |${fmt(r.rssKuromojiMB)} |${fmt(r.rssMB)} |`,
  );
}

// Growth: one more month with `policy-bot add` (a copy of data/ and index/; nothing here changes).
{
  const a = await measureAddMonth({ dataDir: defaultDataDir(), indexDir: join(root, 'index') });
  console.log('\n## Adding a month (policy-bot add on a copy of the real corpus)\n');
  console.log(
    '| items added | items after | plan ms (read, detect, parse, check corpus) | write + index ms | total ms |',
  );
  console.log('|---:|---:|---:|---:|---:|');
  console.log(
    `| ${a.itemsAdded} | ${a.itemsAfter} |${fmt(a.planMs)} |${fmt(a.writeAndIndexMs)} |${fmt(a.totalMs)} |`,
  );
  const r = await measureReloadStall({ dataDir: defaultDataDir(), indexDir: join(root, 'index') });
  console.log(
    `\nlive reload of that month (rebuild in a child process, then swap): ${r.totalMs.toFixed(0)} ms, longest event-loop stall ${r.maxStallMs.toFixed(1)} ms (${r.swapped ? `now ${r.items} items` : 'FAILED'})`,
  );
}

// Cold start: a new process, from nothing to the first answer, as a user runs it.
const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [join(root, 'bin/policy-bot.js'), 'ask', 'what did Korea do in January', '--json'],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr}`);
  runs.push(Number(process.hrtime.bigint() - t) / 1e6);
}
runs.sort((a, b) => a - b);
console.log(
  `\ncold start to first answer (policy-bot ask, new process, median of 3): ${runs[1]?.toFixed(0)} ms`,
);

// Slack: acknowledgement and answer latency of the real Bolt HTTP receiver on loopback.
const slackOut = execFileSync(process.execPath, [join(root, 'dist/bench/slack-latency.js')], {
  encoding: 'utf8',
});
const s = JSON.parse(slackOut.trim().split('\n').pop() as string);
console.log('\n## Slack (real Bolt HTTP receiver, fake Web API, loopback, sequential)\n');
console.log('| requests | ack p50 ms | ack p99 ms | request → answer posted p50 ms | p99 ms |');
console.log('|---:|---:|---:|---:|---:|');
console.log(
  `| ${s.n} |${fmt(s.ackP50, 2)} |${fmt(s.ackP99, 2)} |${fmt(s.answerP50, 2)} |${fmt(s.answerP99, 2)} |`,
);
