import { createHash } from 'node:crypto';
import { load } from 'cheerio';
import { AddError, type AddPlan, planAdd } from '../ingest/add.js';
import type { Problem } from '../ingest/item.js';
import { type DigestSource, ReadError, readDigestSource } from '../ingest/readers/index.js';
import type { SourceDocument } from '../ingest/sources.js';
import { nfkc } from '../ingest/text.js';
import { DownloadError, type Downloaded, type Format } from './download.js';

/** Downloads one address as one of `accept`, redirects kept on `host` (the publisher's). */
export type Downloader = (url: string, accept: readonly Format[], host: string) => Promise<Downloaded>;

/** What planning a digest from its address came to. */
export type UrlPlan =
  | {
      kind: 'planned';
      plan: AddPlan;
      /** Read from the page itself, or from the PDF the page links (when the page could not be). */
      from: 'page' | 'pdf';
      pdfUrl?: string;
      /** Why the page was not enough, when the PDF was used. */
      pageProblems: Problem[];
      hash: string;
    }
  /** Nothing could be downloaded (or not completely): worth trying again later. */
  | { kind: 'unreachable'; url: string; reason: string }
  /** The corpus already has this digest or its month. */
  | { kind: 'duplicate'; of: SourceDocument; problems: Problem[]; hash: string }
  /** Downloaded, and not a digest that can be added as it is. */
  | { kind: 'refused'; problems: Problem[]; hash: string }
  /** Downloaded, and `unchanged` said this content was already dealt with: not planned again. */
  | { kind: 'unchanged'; hash: string };

export interface PlanFromUrlOptions {
  dataDir: string;
  url: string;
  download: Downloader;
  replace?: boolean;
  /** True for content already refused once: then it is not read again. */
  unchanged?: (hash: string) => boolean;
}

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

/**
 * A downloaded page read as `add` reads it (its article as digest text), once: the same reading
 * gives its content hash and is planned from. Undefined for a PDF (read only when planned) and
 * for a page that cannot be read, which planning then refuses, saying why.
 */
async function readPage(page: Downloaded, url: string): Promise<DigestSource | undefined> {
  if (page.format !== 'html') return undefined;
  try {
    return await readDigestSource(url, page.bytes, 'html');
  } catch (err) {
    if (err instanceof ReadError) return undefined;
    throw err;
  }
}

/**
 * The PDF a digest page links, if any: on the page's own host, preferring a link that names the
 * series (マンスリー, monthly), else the first PDF link of the article.
 */
function pdfLinkOf(html: string, pageUrl: string): string | undefined {
  const $ = load(html);
  const page = new URL(pageUrl);
  const links: { url: string; text: string }[] = [];
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href')?.trim();
    if (!href) return;
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      return;
    }
    if (url.host !== page.host || !/\.pdf$/i.test(url.pathname)) return;
    url.hash = '';
    links.push({ url: url.href, text: nfkc($(el).text()) });
  });
  const named = links.find((l) => /マンスリー|monthly/i.test(l.text) || /monthly/i.test(l.url));
  return (named ?? links[0])?.url;
}

/**
 * Everything `add URL` and the feed need before writing: downloads the page (HTML, or a PDF
 * given directly), plans the add as for a file, recording the page's address; when the page
 * cannot be read as a digest and links its PDF, downloads that and plans from it instead.
 * Never writes anything; never throws for a bad page (the outcome says what happened).
 */
export async function planFromUrl(o: PlanFromUrlOptions): Promise<UrlPlan> {
  const host = new URL(o.url).host;
  let page: Downloaded;
  try {
    page = await o.download(o.url, ['html', 'pdf'], host);
  } catch (err) {
    if (err instanceof DownloadError) return { kind: 'unreachable', url: err.url, reason: err.reason };
    throw err;
  }
  const read = await readPage(page, o.url);
  // What the digest is, not the page around it: the hash of its article text (a page's furniture,
  // tokens and timestamps change without the digest changing), of the bytes for a PDF. A page
  // refused once is not tried again while this stays the same.
  const hash = sha(read?.text ?? page.bytes);
  if (o.unchanged?.(hash)) return { kind: 'unchanged', hash };
  const attempt = async (
    file: string,
    bytes: Uint8Array,
    format: Format,
    source?: DigestSource,
  ): Promise<{ plan: AddPlan } | { error: AddError }> => {
    try {
      const plan = await planAdd({
        dataDir: o.dataDir,
        file,
        bytes,
        format,
        ...(source ? { source } : {}),
        url: o.url,
        ...(o.replace ? { replace: true } : {}),
      });
      return { plan };
    } catch (err) {
      if (err instanceof AddError) return { error: err };
      throw err;
    }
  };
  const first = await attempt(o.url, page.bytes, page.format, read);
  if ('plan' in first) return { kind: 'planned', plan: first.plan, from: 'page', pageProblems: [], hash };
  if (first.error.duplicateOf)
    return { kind: 'duplicate', of: first.error.duplicateOf, problems: first.error.problems, hash };
  const pdfUrl =
    page.format === 'html' ? pdfLinkOf(new TextDecoder().decode(page.bytes), page.finalUrl) : undefined;
  if (!pdfUrl) return { kind: 'refused', problems: first.error.problems, hash };
  let pdf: Downloaded;
  try {
    pdf = await o.download(pdfUrl, ['pdf'], host);
  } catch (err) {
    if (err instanceof DownloadError)
      return {
        kind: 'unreachable',
        url: err.url,
        reason: `${err.reason} (the PDF the page links, tried because the page itself could not be read: ${first.error.problems.map((p) => p.message).join('; ')})`,
      };
    throw err;
  }
  const second = await attempt(pdfUrl, pdf.bytes, 'pdf');
  if ('plan' in second)
    return {
      kind: 'planned',
      plan: second.plan,
      from: 'pdf',
      pdfUrl,
      pageProblems: first.error.problems,
      hash,
    };
  if (second.error.duplicateOf)
    return { kind: 'duplicate', of: second.error.duplicateOf, problems: second.error.problems, hash };
  return { kind: 'refused', problems: [...first.error.problems, ...second.error.problems], hash };
}
