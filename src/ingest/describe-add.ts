import type { AddPlan } from './add.js';
import { formatProblem } from './item.js';
import { LAYOUTS } from './layouts/index.js';

const dateOf = (d: { start: string; end: string } | undefined) =>
  d ? (d.start === d.end ? d.start : `${d.start}~${d.end}`) : '';

/**
 * What `add` did (or, with `dryRun`, would do), as the CLI prints it: the layout, the entry, the
 * separators the items were told apart by, every warning, and on a dry run the items section by
 * section with each section's region, so an unknown heading kept as its own section shows.
 */
export function describeAdd(plan: AddPlan, dryRun: boolean): string {
  const e = plan.entry;
  const lines = [
    `${plan.source.format} → layout ${plan.layout} (${LAYOUTS[plan.layout].summary})`,
    `${e.id}: ${e.title}, ${plan.items.length} items${e.url ? `, page ${e.url}` : ''}${plan.replaces ? `, replacing ${plan.replaces.id}` : ''}`,
  ];
  const separators = Object.entries(plan.separators);
  if (separators.length)
    lines.push(`items separated by ${separators.map(([g, n]) => `“${g}” (${n} lines)`).join(', ')}`);
  for (const w of plan.warnings) lines.push(`warning: ${formatProblem(w)}`);
  if (dryRun) {
    let section = '';
    for (const it of plan.items) {
      const key = `${it.source.sectionLabel}\u0000${it.region}`;
      if (key !== section) {
        section = key;
        lines.push(`  [${it.source.sectionLabel}] region ${it.region}`);
      }
      lines.push(`  ${it.id}  ${dateOf(it.date)}  ${it.title}`);
      for (const u of it.urls) lines.push(`      ${u}`);
    }
    lines.push('dry run: nothing written');
  } else
    lines.push(
      `wrote data/${e.path} and its entry in data/sources.yml; index/ updated. Commit data/ and index/.`,
    );
  return lines.join('\n');
}
