import { say } from '../present/catalogue.js';
import { escapeMrkdwn, LIMITS, link, truncate } from '../present/mrkdwn.js';
import type { Lang } from '../query/understand.js';
import type { FeedReport } from './report.js';

/**
 * The admin channel's one message about a check, or undefined when there is nothing to say: a
 * month added (which, how many items, how many lack English, any warning), a page refused or
 * not downloadable for a reason not said before, or a new problem with the listing itself. A
 * dry run says nothing.
 */
export function feedMessage(report: FeedReport, lang: Lang): string | undefined {
  if (report.dryRun) return undefined;
  const lines: string[] = [];
  const page = (url: string) => link(url, url);
  if (report.problem && report.problemIsNew)
    lines.push(say(lang, 'feedListingProblem', { reason: escapeMrkdwn(report.problem) }));
  for (const a of report.added) {
    lines.push(
      say(lang, 'feedAdded', {
        title: escapeMrkdwn(a.title),
        months: [`${a.month}-01`],
        page: page(a.url),
        items: a.items,
        lacking: a.lackingEnglish,
      }),
    );
    if (a.from === 'pdf') lines.push(say(lang, 'feedFromPdf'));
    for (const w of a.warnings) lines.push(say(lang, 'feedWarning', { reason: escapeMrkdwn(w) }));
  }
  for (const r of report.refused.filter((x) => x.fresh))
    lines.push(say(lang, 'feedRefused', { page: page(r.url), reason: escapeMrkdwn(r.reason) }));
  for (const f of report.failed.filter((x) => x.fresh))
    lines.push(say(lang, 'feedFailed', { page: page(f.url), reason: escapeMrkdwn(f.reason) }));
  if (!lines.length) return undefined;
  const header = say(lang, 'feedHeader', { listing: link(report.listing, report.listing) });
  return truncate([header, ...lines].join('\n'), LIMITS.fallbackText);
}
