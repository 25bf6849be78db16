import { z } from 'zod';

/**
 * What one check of the listing reports: the schema the app's child prints its report in, and the
 * few lines it is described in. Kept apart from the check itself, which runs in the child: the
 * running app loads only this (no page reader, PDF reader or ingest).
 */

const PageProblem = z.object({
  url: z.string(),
  reason: z.string(),
  /** Not said before: the admin channel hears of it (a page failing the same way every day is said once). */
  fresh: z.boolean(),
});

const AddedDigest = z.object({
  url: z.string(),
  id: z.string(),
  title: z.string(),
  /** `2026-04`: the month the digest covers. */
  month: z.string(),
  items: z.number().int(),
  lackingEnglish: z.number().int(),
  from: z.enum(['page', 'pdf']),
  /** Unknown section headings kept as sections of their own, and the like. */
  warnings: z.array(z.string()),
});

/** What one check of the listing did: the JSON `fetch --json` prints and the app reads from its child. */
export const FeedReport = z.object({
  listing: z.string(),
  at: z.string(),
  dryRun: z.boolean(),
  /** Digest pages the listing links on the publisher's host. */
  listed: z.number().int(),
  /** A problem with the listing itself (then nothing was tried), and whether it is news. */
  problem: z.string().optional(),
  problemIsNew: z.boolean().optional(),
  /** Added (on a dry run: would be added). */
  added: z.array(AddedDigest),
  /** The corpus already had them (their month, or the very text). */
  present: z.array(z.object({ url: z.string(), id: z.string() })),
  refused: z.array(PageProblem),
  failed: z.array(PageProblem),
  /** Pages not tried: added or present before, or refused before with the same content. */
  skipped: z.number().int(),
  /** New pages left for the next check (more than a check tries: MAX_PAGES_PER_CHECK in check.ts). */
  deferred: z.number().int(),
});
export type FeedReport = z.infer<typeof FeedReport>;
export type AddedDigest = z.infer<typeof AddedDigest>;

/** One report in a few lines, for the terminal and the app's log. */
export function describeReport(r: FeedReport): string {
  const pages = (n: number) => `${n} page${n === 1 ? '' : 's'}`;
  const lines = [`${r.dryRun ? 'dry run: ' : ''}checked ${r.listing}: ${pages(r.listed)} of digests listed`];
  if (r.problem) lines.push(`problem: ${r.problem}`);
  for (const a of r.added)
    lines.push(
      `${r.dryRun ? 'would add' : 'added'} ${a.id} (${a.items} items, ${a.lackingEnglish} without English${a.from === 'pdf' ? ', from the linked PDF' : ''}) from ${a.url}`,
      ...a.warnings.map((w) => `  warning: ${w}`),
    );
  for (const p of r.present) lines.push(`already in the corpus as ${p.id}: ${p.url}`);
  for (const f of r.refused) lines.push(`refused ${f.url}: ${f.reason}`);
  for (const f of r.failed) lines.push(`not added ${f.url}: ${f.reason} (tried again next time)`);
  if (r.skipped) lines.push(`${pages(r.skipped)} known already (added, in the corpus, or refused unchanged)`);
  if (r.deferred) lines.push(`${pages(r.deferred)} more left for the next check`);
  if (!r.added.length && !r.problem && !r.refused.length && !r.failed.length) lines.push('nothing new');
  return lines.join('\n');
}
