import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../query/understand.js';
import { projectRoot } from '../util/paths.js';
import { parseYamlCached } from '../util/yaml-cache.js';

const Name = z.object({ en: z.string().min(1), ja: z.string().min(1).optional() });
const PublisherTable = z.object({
  hosts: z.record(
    z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'a host name in lowercase, without www.'),
    Name,
  ),
  reporters: z.record(z.string().min(1), Name).default({}),
});
type PublisherTable = z.infer<typeof PublisherTable>;

/** Where the table lives: data/publishers.yml. */
const PUBLISHERS_FILE = 'publishers.yml';

/**
 * Reads and checks the host → publisher table. A broken table is an error naming the file and
 * the bad entry: citations and answer links depend on it.
 */
export function loadPublisherTable(dataDir = join(projectRoot(), 'data')): PublisherTable {
  const file = join(dataDir, PUBLISHERS_FILE);
  const parsed = PublisherTable.safeParse(parseYamlCached(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`policy-bot: ${file}: ${detail}`);
  }
  return parsed.data;
}

let table: PublisherTable | undefined;
const publishers = (): PublisherTable => {
  table ??= loadPublisherTable();
  return table;
};

const nameIn = (n: z.infer<typeof Name>, lang: Lang) => (lang === 'ja' ? (n.ja ?? n.en) : n.en);

/** A URL's host without `www.`/`www8.`; `undefined` for what is not a URL. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d*\./, '');
  } catch {
    return undefined;
  }
}

/**
 * Who publishes the page a URL points to, from the table (the host or its nearest listed parent
 * domain): `legiscan.com → LegiScan`, `www.gov.uk → GOV.UK`. `undefined` for a host not listed.
 */
export function sourcePublisher(url: string, lang: Lang): string | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const hosts = publishers().hosts;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const entry = hosts[labels.slice(i).join('.')];
    if (entry) return nameIn(entry, lang);
  }
  return undefined;
}

/** A URL path segment as words: percent-decoded (kept as written when it cannot be), `_` and `-` between letters read as spaces. */
function segmentWords(raw: string): string {
  let seg = raw;
  try {
    seg = decodeURIComponent(raw);
  } catch {
    // keep it as written
  }
  return seg.replace(/_+/g, ' ').replace(/(?<=\p{L})-+(?=\p{L})/gu, ' ');
}

/**
 * A page's own name from its address, for a site the table does not know: its last meaningful
 * path segment (`program.html` → `program`, `ai-action-plan/` → `ai action plan`); ids and
 * numbers are not names. `undefined` for a site's front page.
 */
function pageName(url: string): string | undefined {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').filter(Boolean);
  } catch {
    return undefined;
  }
  for (const raw of segments.reverse()) {
    const name = segmentWords(raw)
      .replace(/\.(?:html?|php|aspx?|do|jsp)$/i, '')
      .trim();
    const letters = (name.match(/\p{L}/gu) ?? []).length;
    if (name && letters >= 3 && letters >= name.length / 2 && !/^(?:index|default|home|top)$/i.test(name))
      return name.length <= 40 ? name : `${name.slice(0, 39)}…`;
  }
  return undefined;
}

/**
 * What a link to a page is called: its publisher's name (`LegiScan`); for a site the table does
 * not know, the site with the page's own name (`iwsec.org: program`) — never a bare host unless
 * the page is the site's front page.
 */
export function siteLabel(url: string, lang: Lang): string {
  const known = sourcePublisher(url, lang);
  if (known) return known;
  const host = hostOf(url);
  if (!host) return url;
  const page = pageName(url);
  return page ? `${host}: ${page}` : host;
}

/**
 * Who reported an item: its document's publisher, shortened for a citation (the table's
 * `reporters`, else the Latin name the publisher gives in brackets — `AIセーフティ・インスティテュート
 * （AISI）` → `AISI` — else the name whole); without one, the document's page publisher or title.
 */
export function reporterOf(
  source: { documentTitle: string; documentUrl?: string | undefined; documentPublisher?: string | undefined },
  lang: Lang,
): string {
  const publisher = source.documentPublisher;
  if (publisher) {
    const listed = publishers().reporters[publisher];
    if (listed) return nameIn(listed, lang);
    const bracketed = publisher.normalize('NFKC').match(/\(([A-Za-z][A-Za-z0-9 .&-]*)\)/)?.[1];
    return bracketed ?? publisher;
  }
  return (source.documentUrl && sourcePublisher(source.documentUrl, lang)) || source.documentTitle;
}

/** A PDF's file name as a document name: `Americas-AI-Action-Plan.pdf` → `Americas AI Action Plan`. */
function pdfName(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (!/\.pdf$/i.test(path)) return undefined;
  const stem = segmentWords(path.split('/').pop() ?? '')
    .replace(/\.pdf$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!stem) return '';
  if (stem.length <= 40) return stem;
  const cut = stem.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `${space > 15 ? cut.slice(0, space) : cut}…`;
}

/**
 * Link labels for an item's pages, in order: the publisher's name (`LegiScan`, `GOV.UK`), a PDF
 * named as one with its file's name (`The White House PDF: Americas AI Action Plan`), and pages
 * of the same publisher told apart by number (`Korea.kr`, `Korea.kr (2)`). Never a bare host
 * when the publisher is known.
 */
export function linkLabels(urls: readonly string[], lang: Lang): string[] {
  const base = urls.map((u) => siteLabel(u, lang));
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const b of base) total.set(b, (total.get(b) ?? 0) + 1);
  return urls.map((u, i) => {
    const name = base[i] as string;
    const pdf = pdfName(u);
    if (pdf !== undefined) return pdf ? `${name} PDF: ${pdf}` : `${name} PDF`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return (total.get(name) ?? 0) > 1 && n > 1 ? `${name} (${n})` : name;
  });
}
