import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers.js';
import type { FakePublisher } from './fake-publisher.js';
import { layoutDigestPdf, makePdf } from './make-pdf.js';

const read = (...path: string[]) => readFileSync(join(FIXTURES, ...path), 'utf8');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The listing's digest posts (test/fixtures/feed/listing.html links each). */
export const POST = (id: string) => `/activity/activity_information/${id}/`;
export const LISTING = '/activity/activity_information/';

/** A digest page whose article is the digest text as a preformatted block. */
export function textPage(text: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>AI政策動向マンスリー情報</title></head>
<body><header><nav><a href="/">ホーム</a></nav></header><main><article><pre>${escapeHtml(text)}</pre></article></main>
<footer><a href="/privacy/">プライバシーポリシー</a></footer></body></html>`;
}

/** The May 2026 digest (test/fixtures/add/digest-pdf-text.txt) printed to a PDF with `・` bullets for its separators. */
export function mayPdf(): Buffer {
  const lines = read('add', 'digest-pdf-text.txt')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (l.trim() === '-' ? '・' : l.replace(/ -$/, '')));
  return makePdf(layoutDigestPdf(lines, { width: 40, perPage: 8 }));
}

/** A page that only introduces the month and links its PDF (the PDF is the digest). */
export const MAY_PAGE = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>AI政策動向マンスリー情報</title></head>
<body><main><article><h1>AI政策動向マンスリー情報(5月)</h1>
<p>2026年5月の国内外の主なAI政策動向をまとめました。</p>
<p><a href="/assets/pdf/ai-monthly-202605.pdf">AI政策動向マンスリー情報(5月) [PDF]</a></p>
</article></main></body></html>`;

/** September: a digest with a date that does not exist — refused, with the line. */
export const SEPTEMBER_TEXT = `AI政策動向マンスリー情報

日本AISIの活動(9月1日~9月30日)

  1. (2026/09/31)存在しない日付の項目
    本文。
    https://aisi.go.jp/x/
`;

/**
 * The publisher's site as test/fixtures/feed/listing.html shows it: April as a page, May as a
 * page linking its PDF, February (already in the test corpus), March missing (404), June never
 * finishing, July redirected to another host, August over the size limit, September refused.
 */
export function servePublisher(site: FakePublisher, listing = read('feed', 'listing.html')): void {
  const html = (body: string) => ({ body, type: 'text/html; charset=utf-8' });
  site.routes.set(LISTING, html(listing));
  site.routes.set(POST('260518'), html(read('add', 'digest-page.html')));
  site.routes.set(POST('260618'), html(MAY_PAGE));
  site.routes.set('/assets/pdf/ai-monthly-202605.pdf', { body: mayPdf(), type: 'application/pdf' });
  site.routes.set(POST('260318'), html(textPage(read('new-month', 'digests', '2026-02.txt'))));
  site.routes.set(POST('260718'), { hang: true });
  site.routes.set(POST('260818'), { redirect: site.otherHostUrl(POST('260818')) });
  site.routes.set(POST('260918'), { stream: 1024 * 1024, type: 'text/html' });
  site.routes.set(POST('261018'), html(textPage(SEPTEMBER_TEXT)));
}
