import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ask } from '../src/query/ask.js';
import type { SearchIndex } from '../src/search/index-store.js';
import { projectRoot } from '../src/util/paths.js';

/**
 * The natural question set (bench/natural/questions.yml): questions written by someone who had
 * not read the code, phrased as analysts type them, split into a `tune` part (misses printed, to
 * work on) and a `holdout` part (only its score is ever printed, so it stays unseen).
 */
const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

const Question = z.object({
  q: z.string().min(1),
  split: z.enum(['tune', 'holdout']),
  kind: z.string().min(1),
  lang: z.enum(['en', 'ja']),
  expect: z.array(z.string().url()).optional(),
  expect_any: z.array(z.string().url()).optional(),
  expect_titles: z.array(z.string().min(1)).optional(),
  empty: z.literal(true).optional(),
  /** The day the question is asked on, when not the set's (YAML reads a bare date as a Date). */
  today: z.union([z.string(), z.date()]).transform(iso).optional(),
});
export type NaturalQuestion = z.infer<typeof Question>;
const NaturalSet = z.object({
  today: z.union([z.string(), z.date()]).transform(iso),
  questions: z.array(Question).min(1),
});

export function loadNatural(path = join(projectRoot(), 'bench', 'natural', 'questions.yml')): {
  today: string;
  questions: NaturalQuestion[];
} {
  const doc = NaturalSet.parse(parse(readFileSync(path, 'utf8')));
  return { today: doc.today, questions: doc.questions };
}

const TOP = 5;

/** Why an answer misses its expectation, or undefined when it passes. */
export function judgeNatural(
  q: NaturalQuestion,
  results: { urls: string[]; title: string }[],
): string | undefined {
  if (q.empty) return results.length === 0 ? undefined : `expected no results, got ${results.length}`;
  const top = results.slice(0, TOP);
  const urls = new Set(top.flatMap((r) => r.urls));
  const missing = (q.expect ?? []).filter((u) => !urls.has(u));
  if (missing.length) return `missing in top ${TOP}: ${missing.join(' ')}`;
  if (q.expect_any?.length && !q.expect_any.some((u) => urls.has(u)))
    return `none of ${q.expect_any.join(' ')} in top ${TOP}`;
  const titles = (q.expect_titles ?? []).filter((t) => !top.some((r) => r.title.includes(t)));
  if (titles.length) return `no top-${TOP} title contains ${titles.map((t) => `“${t}”`).join(', ')}`;
  return undefined;
}

export interface NaturalReport {
  split: 'tune' | 'holdout';
  passed: number;
  total: number;
  /** Must-be-empty questions answered empty / asked. */
  emptyPassed: number;
  emptyTotal: number;
  byKind: Record<string, { passed: number; total: number }>;
  /** Only ever filled for the tune split. */
  misses: string[];
}

/** Scores one split. Holdout misses are never returned: only counts leave this function. */
export function scoreNatural(
  index: SearchIndex,
  split: 'tune' | 'holdout',
  set = loadNatural(),
): NaturalReport {
  const report: NaturalReport = {
    split,
    passed: 0,
    total: 0,
    emptyPassed: 0,
    emptyTotal: 0,
    byKind: {},
    misses: [],
  };
  for (const q of set.questions.filter((x) => x.split === split)) {
    const r = ask(index, q.q, { today: q.today ?? set.today, limit: 50 });
    const miss = judgeNatural(q, r.results);
    const k = report.byKind[q.kind] ?? { passed: 0, total: 0 };
    report.byKind[q.kind] = k;
    k.total += 1;
    report.total += 1;
    if (q.empty) report.emptyTotal += 1;
    if (!miss) {
      report.passed += 1;
      k.passed += 1;
      if (q.empty) report.emptyPassed += 1;
    } else if (split === 'tune') {
      report.misses.push(`[${q.kind}] ${q.q} — ${miss}`);
    }
  }
  return report;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

/** The natural-set table: tune and holdout scores, abstention on must-be-empty questions. */
export function naturalTable(tune: NaturalReport, holdout: NaturalReport): string[] {
  const out = [
    '| natural set | passed | total | score | must-be-empty answered empty |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const r of [tune, holdout])
    out.push(
      `| ${r.split} | ${r.passed} | ${r.total} | ${pct(r.passed, r.total)} | ${r.emptyPassed}/${r.emptyTotal} (${pct(r.emptyPassed, r.emptyTotal)}) |`,
    );
  const kinds = [...new Set([...Object.keys(tune.byKind), ...Object.keys(holdout.byKind)])].sort();
  out.push('', '| kind | tune | holdout |', '|---|---:|---:|');
  for (const k of kinds) {
    const t = tune.byKind[k];
    const h = holdout.byKind[k];
    out.push(`| ${k} | ${t ? `${t.passed}/${t.total}` : '–'} | ${h ? `${h.passed}/${h.total}` : '–'} |`);
  }
  return out;
}
