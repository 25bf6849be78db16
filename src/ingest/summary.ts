import { type Corpus, formatProblem } from './corpus.js';

/** Per-document summary for `policy-bot ingest`: items per section, URLs, problems. */
export function summarize(corpus: Corpus): string {
  const out: string[] = [];
  for (const d of corpus.documents) {
    const urls = d.items.reduce((n, it) => n + it.urls.length, 0);
    const cover = d.coverage ? ` · covers ${d.coverage.from} – ${d.coverage.to}` : '';
    out.push(`${d.doc.id} (${d.doc.path}, ${d.doc.layout})${cover}`);
    out.push(
      `  ${d.items.length} items, ${urls} URLs, ${d.skipped.length} lines skipped, ${d.problems.length} problems${d.warnings?.length ? `, ${d.warnings.length} warnings` : ''}`,
    );
    const bySection = new Map<string, number>();
    for (const it of d.items) {
      const key =
        d.doc.kind === 'digest' ? it.source.sectionLabel : (it.source.section[0] ?? it.source.sectionLabel);
      bySection.set(key, (bySection.get(key) ?? 0) + 1);
    }
    for (const [label, n] of bySection) out.push(`    ${String(n).padStart(3)}  ${label}`);
  }
  out.push('');
  out.push(
    `${corpus.items.length} items in ${corpus.documents.length} documents, ${corpus.problems.length} problems`,
  );
  for (const p of corpus.problems) out.push(`  problem: ${formatProblem(p)}`);
  for (const w of corpus.warnings) out.push(`  warning: ${formatProblem(w)}`);
  return out.join('\n');
}
