import type { LoadedEntry } from '../english/entry.js';
import { loadEnglish } from '../english/files.js';
import { englishStatus } from '../english/status.js';
import { type AddPlan, applyAdd, DIGEST_SERIES } from '../ingest/add.js';
import { formatProblem, type Problem } from '../ingest/item.js';
import { loadSourceList } from '../ingest/sources.js';
import type { FeedMemory, PageRecord } from '../store/feed.js';
import { type Downloader, planFromUrl } from './digest-page.js';
import { DownloadError } from './download.js';
import { readListing } from './listing.js';
import type { AddedDigest, FeedReport } from './report.js';

/** At most this many new pages are tried in one check (a listing's first sight of a long archive); the rest wait for the next. */
export const MAX_PAGES_PER_CHECK = 12;

export interface FeedCheckDeps {
  listingUrl: string;
  dataDir: string;
  download: Downloader;
  /** The state database's memory; without it every page not in data/sources.yml is tried. */
  memory?: FeedMemory;
  /** Brings index/ up to date after a digest is written; a failure puts data/ back. */
  updateIndex: () => Promise<void>;
  now: () => Date;
  dryRun?: boolean;
  /**
   * Fills a new month's English (a configured provider), as `policy-bot add` does; never throws,
   * never undoes the add. Without it the month is added with its `english: pending` mark.
   */
  fillEnglish?: (documentId: string) => Promise<void>;
  log?: (line: string) => void;
}

/** An address as compared with the ones data/sources.yml records: no scheme, fragment or trailing slash. */
function sameAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url;
  }
}

/** Problems as one reason: the first few, and how many more. */
function reasonOf(problems: Problem[]): string {
  const shown = problems.slice(0, 3).map(formatProblem);
  return problems.length > 3 ? `${shown.join('; ')}; and ${problems.length - 3} more` : shown.join('; ');
}

/**
 * A month as the report lists it. How many of its items lack English is counted in data/english/
 * as it stands (after a provider may just have filled the month); English files that cannot be
 * read count as none: the count errs towards work to do, and the index build names the bad file.
 */
function added(url: string, plan: AddPlan, from: 'page' | 'pdf', dataDir: string): AddedDigest {
  let english: ReadonlyMap<string, LoadedEntry>;
  try {
    english = loadEnglish(dataDir);
  } catch {
    english = new Map();
  }
  return {
    url,
    id: plan.entry.id,
    title: plan.entry.title,
    month: plan.entry.id.replace(/^digest-/, ''),
    items: plan.items.length,
    lackingEnglish: englishStatus(plan.items, english).missing.length,
    from,
    warnings: plan.warnings.map(formatProblem),
  };
}

/**
 * One check of the publisher's listing: reads it, and tries each digest page it links that the
 * corpus and the memory do not know, oldest first — each added all or nothing, exactly as
 * `policy-bot add URL` would (data/ written, then the index; a failure puts data/ back). A
 * listing that cannot be read, or links no digest (its layout changed), is the check's problem
 * and nothing is tried. With `dryRun` nothing is written or remembered.
 */
export async function checkFeed(d: FeedCheckDeps): Promise<FeedReport> {
  const log = d.log ?? (() => {});
  const at = d.now().toISOString();
  const memory = d.dryRun ? undefined : d.memory;
  const checkId = await memory?.startCheck(d.listingUrl, at);
  const report: FeedReport = {
    listing: d.listingUrl,
    at,
    dryRun: Boolean(d.dryRun),
    listed: 0,
    added: [],
    present: [],
    refused: [],
    failed: [],
    skipped: 0,
    deferred: 0,
  };
  const setProblem = async (problem: string) => {
    report.problem = problem;
    report.problemIsNew = problem !== (await d.memory?.lastProblem(d.listingUrl));
  };
  try {
    const host = new URL(d.listingUrl).host;
    let html: string;
    let servedFrom = d.listingUrl;
    try {
      const page = await d.download(d.listingUrl, ['html'], host);
      html = new TextDecoder().decode(page.bytes);
      // Relative links are relative to where the listing was served from (after a same-host redirect).
      servedFrom = page.finalUrl;
    } catch (err) {
      if (!(err instanceof DownloadError)) throw err;
      await setProblem(`the listing ${d.listingUrl} could not be downloaded: ${err.reason}`);
      return report;
    }
    const listing = readListing(html, servedFrom);
    report.listed = listing.digests.length;
    if (!listing.digests.length) {
      await setProblem(
        `the listing ${d.listingUrl} links no monthly digest (no link or entry names “${DIGEST_SERIES}”${listing.elsewhere.length ? `, except on other hosts: ${listing.elsewhere.map((l) => l.url).join(', ')}` : ''}): its layout may have changed`,
      );
      return report;
    }
    for (const l of listing.elsewhere) {
      const reason = `on another host than the listing's (${host}): not followed`;
      const prior = await d.memory?.page(l.url);
      report.refused.push({ url: l.url, reason, fresh: prior?.reason !== reason });
      await memory?.remember({ url: l.url, status: 'refused', reason }, at);
    }
    const inCorpus = new Set(
      loadSourceList(d.dataDir).documents.flatMap((doc) => (doc.url ? [sameAddress(doc.url)] : [])),
    );
    // Each page's memory, read once: what it came to before decides whether it is tried again.
    const candidates: { l: (typeof listing.digests)[number]; prior: PageRecord | undefined }[] = [];
    for (const l of [...listing.digests].reverse()) {
      const prior = await d.memory?.page(l.url);
      const known =
        inCorpus.has(sameAddress(l.url)) || prior?.status === 'added' || prior?.status === 'present';
      if (known) report.skipped += 1;
      else candidates.push({ l, prior });
    }
    report.deferred = Math.max(0, candidates.length - MAX_PAGES_PER_CHECK);
    for (const { l, prior } of candidates.slice(0, MAX_PAGES_PER_CHECK)) {
      const outcome = await planFromUrl({
        dataDir: d.dataDir,
        url: l.url,
        download: d.download,
        unchanged: (hash) => prior?.status === 'refused' && prior.contentHash === hash,
      });
      switch (outcome.kind) {
        case 'unchanged':
          report.skipped += 1;
          break;
        case 'unreachable': {
          report.failed.push({ url: l.url, reason: outcome.reason, fresh: prior?.reason !== outcome.reason });
          await memory?.remember({ url: l.url, status: 'failed', reason: outcome.reason }, at);
          break;
        }
        case 'duplicate':
          report.present.push({ url: l.url, id: outcome.of.id });
          await memory?.remember(
            { url: l.url, status: 'present', documentId: outcome.of.id, contentHash: outcome.hash },
            at,
          );
          break;
        case 'refused': {
          const reason = reasonOf(outcome.problems);
          report.refused.push({ url: l.url, reason, fresh: true });
          await memory?.remember({ url: l.url, status: 'refused', contentHash: outcome.hash, reason }, at);
          break;
        }
        case 'planned': {
          if (d.dryRun) {
            report.added.push(added(l.url, outcome.plan, outcome.from, d.dataDir));
            break;
          }
          try {
            await applyAdd(d.dataDir, outcome.plan, d.updateIndex);
          } catch (err) {
            const reason = `read, but could not be added: ${(err as Error).message}`;
            report.failed.push({ url: l.url, reason, fresh: prior?.reason !== reason });
            await memory?.remember({ url: l.url, status: 'failed', reason, contentHash: outcome.hash }, at);
            break;
          }
          if (d.fillEnglish) {
            try {
              await d.fillEnglish(outcome.plan.entry.id);
            } catch (err) {
              log(
                `policy-bot: feed: English of ${outcome.plan.entry.id} not filled: ${(err as Error).message}`,
              );
            }
          }
          report.added.push(added(l.url, outcome.plan, outcome.from, d.dataDir));
          await memory?.remember(
            { url: l.url, status: 'added', documentId: outcome.plan.entry.id, contentHash: outcome.hash },
            at,
          );
          log(
            `policy-bot: feed: added ${outcome.plan.entry.id} (${outcome.plan.items.length} items) from ${l.url}`,
          );
          break;
        }
      }
    }
    return report;
  } finally {
    if (checkId !== undefined)
      await memory?.finishCheck(checkId, d.now().toISOString(), report.problem, report);
  }
}
