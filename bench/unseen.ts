import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resetDictionary } from '../src/analyze/dictionary.js';
import { applyAdd, planAdd } from '../src/ingest/add.js';
import { ask } from '../src/query/ask.js';
import { buildIndex, type SearchIndex } from '../src/search/index-store.js';
import { projectRoot } from '../src/util/paths.js';
import { droppedWords } from '../test/support/dropped-words.js';
import { judgeNatural, loadNatural } from './natural.js';

/**
 * Counts on question sets nobody tuned on: answerable questions answered correctly, must-be-empty
 * questions kept empty, and the words an answer was given without ("ignored": a content word
 * dropped because nothing in the corpus uses it — issue 18 wants none). Only counts leave this
 * module, never the questions or their misses, so the sets stay unseen.
 */
export interface UnseenReport {
  name: string;
  /** Whether the set was looked at while tuning (its misses read): its score says less. */
  tuned?: boolean;
  answered: number;
  answerable: number;
  empty: number;
  emptyTotal: number;
  /** Questions answered (results given) although some of their words were dropped. */
  ignoredAnswers: number;
  /** Those dropped words, counted. */
  ignoredWords: number;
}

/** Scores one question file (bench/natural*.yml format) on an index. */
export function scoreUnseen(
  index: SearchIndex,
  path: string,
  name: string,
  o: { tuned?: boolean; split?: 'tune' | 'holdout'; lang?: 'en' | 'ja' } = {},
): UnseenReport {
  const set = loadNatural(path);
  const report: UnseenReport = {
    name,
    ...(o.tuned ? { tuned: true } : {}),
    answered: 0,
    answerable: 0,
    empty: 0,
    emptyTotal: 0,
    ignoredAnswers: 0,
    ignoredWords: 0,
  };
  for (const q of set.questions) {
    if (o.split && q.split !== o.split) continue;
    if (o.lang && q.lang !== o.lang) continue;
    const today = q.today ?? set.today;
    const r = ask(index, q.q, { today, limit: 50 });
    const ok = judgeNatural(q, r.results) === undefined;
    if (q.empty) {
      report.emptyTotal += 1;
      if (ok) report.empty += 1;
    } else {
      report.answerable += 1;
      if (ok) report.answered += 1;
    }
    const dropped = droppedWords(r, r.interp);
    if (r.results.length && dropped.length) {
      report.ignoredAnswers += 1;
      report.ignoredWords += dropped.length;
    }
  }
  return report;
}

/**
 * The new-month set: bench/newmonth/2026-02.txt (synthetic, with vocabulary the corpus never had)
 * added with `policy-bot add`'s own functions to a copy of data/, the index built from it, then
 * bench/newmonth/questions.yml scored on it. Nothing of data/ or index/ is touched.
 */
export async function scoreNewMonth(
  dataDir: string,
  o: { dir?: string; month?: string; name?: string; tuned?: boolean } = {},
): Promise<UnseenReport[]> {
  const dir = o.dir ?? 'newmonth';
  const month = o.month ?? '2026-02.txt';
  const name = o.name ?? 'new month (bench/newmonth, added after tuning)';
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-newmonth-'));
  const data = join(root, 'data');
  cpSync(dataDir, data, { recursive: true });
  try {
    const file = join(projectRoot(), 'bench', dir, month);
    // `replace`: once the real digest of that month is in data/, the synthetic one takes its place
    // (the questions are about the synthetic month's items), and the real one's English goes.
    rmSync(join(data, 'english', `digest-${month.replace(/\.txt$/, '')}.yml`), { force: true });
    const plan = await planAdd({ dataDir: data, file: month, bytes: readFileSync(file), replace: true });
    await applyAdd(data, plan, async () => {});
    const { index } = buildIndex(data);
    const questions = join(projectRoot(), 'bench', dir, 'questions.yml');
    const tuned = o.tuned ? { tuned: true } : {};
    const withIt = scoreUnseen(index, questions, name, tuned);
    // The same month with the JMdict/EDICT subset emptied: no index/vocabulary.json links, no
    // dictionary lookups while understanding — what the open vocabulary adds to a month nobody
    // wrote lexicon entries for.
    const empty = join(root, 'no-dictionary');
    mkdirSync(empty, { recursive: true });
    for (const f of ['ja-en.tsv.gz', 'en-ja.tsv.gz']) writeFileSync(join(empty, f), gzipSync(''));
    const saved = process.env.POLICY_BOT_DICTIONARY_DIR;
    process.env.POLICY_BOT_DICTIONARY_DIR = empty;
    resetDictionary();
    try {
      const bare = buildIndex(data).index;
      return [withIt, scoreUnseen(bare, questions, `${name}, without the dictionary`, tuned)];
    } finally {
      if (saved === undefined) delete process.env.POLICY_BOT_DICTIONARY_DIR;
      else process.env.POLICY_BOT_DICTIONARY_DIR = saved;
      resetDictionary();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

/** One table row per set. */
export function unseenTable(reports: UnseenReport[]): string[] {
  return [
    '| set | tuned on | answered correctly | must-be-empty kept empty | answers given with words ignored (words) |',
    '|---|:---:|---:|---:|---:|',
    ...reports.map(
      (r) =>
        `| ${r.name} | ${r.tuned ? 'yes' : 'no'} | ${r.answered}/${r.answerable} (${pct(r.answered, r.answerable)}) | ${r.empty}/${r.emptyTotal} (${pct(r.empty, r.emptyTotal)}) | ${r.ignoredAnswers} (${r.ignoredWords}) |`,
    ),
  ];
}

/**
 * The English questions of the sets nobody tuned on, with the English titles and summaries
 * indexed and without them (the same corpus built from a data/ without data/english/): what the
 * English fields add for English askers (issue 20).
 */
export function englishFieldRows(index: SearchIndex, dataDir: string): UnseenReport[] {
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-no-english-'));
  const data = join(root, 'data');
  cpSync(dataDir, data, { recursive: true, filter: (src) => !src.includes(`${join(dataDir, 'english')}`) });
  try {
    const bare = buildIndex(data).index;
    const at = (...p: string[]) => join(projectRoot(), 'bench', ...p);
    const rows: UnseenReport[] = [];
    for (const [dir, name] of [
      ['natural2', 'natural2'],
      ['natural3', 'natural3'],
      ['natural4', 'natural4'],
      ['natural5', 'natural5'],
      ['natural6', 'natural6'],
      ['natural7', 'natural7'],
      ['natural8', 'natural8'],
    ] as const) {
      rows.push(
        scoreUnseen(index, at(dir, 'questions.yml'), `${name}, English questions, English fields indexed`, {
          lang: 'en',
        }),
      );
      rows.push(
        scoreUnseen(bare, at(dir, 'questions.yml'), `${name}, English questions, without them`, {
          lang: 'en',
        }),
      );
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every question set of bench/, tuned and untuned apart, on one index (the new month on its own). */
export async function allSets(index: SearchIndex, dataDir: string): Promise<UnseenReport[]> {
  const root = projectRoot();
  const at = (...p: string[]) => join(root, 'bench', ...p);
  return [
    scoreUnseen(index, at('natural', 'questions.yml'), 'natural, tune split', { tuned: true, split: 'tune' }),
    scoreUnseen(index, at('natural', 'paraphrases.yml'), 'natural paraphrases', { tuned: true }),
    scoreUnseen(index, at('tune5', 'questions.yml'), 'tune5 (written 2026-12-07 for tuning)', {
      tuned: true,
    }),
    scoreUnseen(index, at('tune6', 'questions.yml'), 'tune6 (written 2026-12-07 for tuning)', {
      tuned: true,
    }),
    scoreUnseen(
      index,
      at('tune7', 'questions.yml'),
      'tune7 (written 2026-12-07, third session, for tuning)',
      {
        tuned: true,
      },
    ),
    scoreUnseen(
      index,
      at('tune8', 'questions.yml'),
      'tune8 (third session, mostly must-be-empty, for tuning)',
      {
        tuned: true,
      },
    ),
    scoreUnseen(index, at('tune9', 'questions.yml'), 'tune9 (fourth session, paraphrase-heavy, for tuning)', {
      tuned: true,
    }),
    scoreUnseen(
      index,
      at('tune10', 'questions.yml'),
      "tune10 (fourth session, in the natural tune split's style)",
      {
        tuned: true,
      },
    ),
    scoreUnseen(
      index,
      at('tune11', 'questions.yml'),
      'tune11 (fifth session, institutes, topics, partial coverage)',
      {
        tuned: true,
      },
    ),
    scoreUnseen(index, at('tune12', 'questions.yml'), 'tune12 (fifth session, as people type in Slack)', {
      tuned: true,
    }),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth-tune',
      month: '2026-03.txt',
      name: 'second new month (bench/newmonth-tune, for tuning)',
      tuned: true,
    })),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth-tune2',
      month: '2026-04.txt',
      name: 'third new month (bench/newmonth-tune2, for tuning)',
      tuned: true,
    })),
    scoreUnseen(index, at('tune14', 'questions.yml'), 'tune14 (ninth session, messy Slack messages)', {
      tuned: true,
    }),
    scoreUnseen(
      index,
      at('tune13', 'questions.yml'),
      'tune13 (eighth session, paraphrase and indirect description)',
      { tuned: true },
    ),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth-tune5',
      month: '2026-10.txt',
      name: 'eighth new month (bench/newmonth-tune5, synthetic October 2026, ninth session, for tuning)',
      tuned: true,
    })),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth-tune4',
      month: '2026-08.txt',
      name: 'seventh new month (bench/newmonth-tune4, synthetic August 2026, eighth session, for tuning)',
      tuned: true,
    })),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth-tune3',
      month: '2026-07.txt',
      name: 'sixth new month (bench/newmonth-tune3, synthetic July 2026, seventh session, for tuning)',
      tuned: true,
    })),
    scoreUnseen(index, at('natural', 'questions.yml'), 'natural, holdout split', { split: 'holdout' }),
    scoreUnseen(
      index,
      at('natural13', 'questions.yml'),
      'natural13 (written 2026-12-08, ninth session, at its start; never read)',
    ),
    scoreUnseen(
      index,
      at('natural12', 'questions.yml'),
      'natural12 (written 2026-12-07, eighth session, late in it; never read)',
    ),
    scoreUnseen(
      index,
      at('natural11', 'questions.yml'),
      'natural11 (written 2026-12-07, seventh session, midway; never read)',
    ),
    scoreUnseen(
      index,
      at('natural10', 'questions.yml'),
      'natural10 (written 2026-12-07, sixth session, at its start; never read)',
    ),
    scoreUnseen(
      index,
      at('natural9', 'questions.yml'),
      'natural9 (written 2026-12-07, fifth session, at its start; never read)',
    ),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth4',
      month: '2026-06.txt',
      name: 'fifth new month (bench/newmonth4, synthetic June 2026, sixth session, never read)',
    })),
    ...(await scoreNewMonth(dataDir, {
      dir: 'newmonth3',
      month: '2026-05.txt',
      name: 'fourth new month (bench/newmonth3, synthetic May 2026, never read)',
    })),
    scoreUnseen(index, at('natural2', 'questions.yml'), 'natural2'),
    scoreUnseen(index, at('natural3', 'questions.yml'), 'natural3'),
    scoreUnseen(index, at('natural4', 'questions.yml'), 'natural4 (written 2026-12-07, before tuning)'),
    scoreUnseen(
      index,
      at('natural5', 'questions.yml'),
      'natural5 (written 2026-12-07 late, misses never read)',
    ),
    scoreUnseen(
      index,
      at('natural6', 'questions.yml'),
      'natural6 (written 2026-12-07, third session, misses never read)',
    ),
    scoreUnseen(
      index,
      at('natural7', 'questions.yml'),
      "natural7 (written 2026-12-07, after this session's tuning, misses never read)",
    ),
    scoreUnseen(
      index,
      at('natural8', 'questions.yml'),
      'natural8 (written 2026-12-07, fourth session, at its start; misses never read)',
    ),
    ...(await scoreNewMonth(dataDir)),
    ...englishFieldRows(index, dataDir),
  ];
}
