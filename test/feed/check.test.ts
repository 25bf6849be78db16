import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { loadEnglish } from '../../src/english/files.js';
import { checkFeed } from '../../src/feed/check.js';
import { englishFiller, webDownloader } from '../../src/feed/commands.js';
import { readListing } from '../../src/feed/listing.js';
import { feedMessage } from '../../src/feed/message.js';
import type { FeedReport } from '../../src/feed/report.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { loadSourceList } from '../../src/ingest/sources.js';
import { hashDataDir, readManifest, rebuildIndex, staleness } from '../../src/search/index-store.js';
import { SqliteFeedStore as FeedStore } from '../../src/store/sqlite/feed.js';
import { openState } from '../../src/weekly/state.js';
import { FIXTURES } from '../helpers.js';
import { FakePublisher } from '../support/fake-publisher.js';
import { FakeDeepL } from '../support/fake-translators.js';
import { LISTING, POST, servePublisher } from '../support/publisher-site.js';

const site = new FakePublisher();
beforeAll(async () => {
  await site.start();
  await loadTokenizer();
});
afterAll(() => site.stop());

/** A corpus of its own (February 2026) with a built index, and an empty state database. */
function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-feed-'));
  const dataDir = join(root, 'data');
  const indexDir = join(root, 'index');
  cpSync(join(FIXTURES, 'new-month'), dataDir, { recursive: true });
  rebuildIndex({ dataDir, indexDir });
  const db = openState(join(root, 'state.sqlite'));
  return { root, dataDir, indexDir, db, memory: new FeedStore(db) };
}

/** Small limits, so the page that never finishes and the oversized one fail quickly. */
const download = webDownloader({ timeoutMs: 500, maxBytes: 256 * 1024 });

function check(
  c: ReturnType<typeof checkout>,
  extra: { dryRun?: boolean; listing?: string; fillEnglish?: (id: string) => Promise<void> } = {},
) {
  return checkFeed({
    listingUrl: site.url(extra.listing ?? LISTING),
    dataDir: c.dataDir,
    download,
    memory: c.memory,
    updateIndex: async () => {
      rebuildIndex({ dataDir: c.dataDir, indexDir: c.indexDir });
    },
    now: () => new Date(),
    ...(extra.dryRun ? { dryRun: true } : {}),
    ...(extra.fillEnglish ? { fillEnglish: extra.fillEnglish } : {}),
  });
}

const reasons = (r: FeedReport) =>
  Object.fromEntries([...r.refused, ...r.failed].map((p) => [new URL(p.url).pathname, p.reason]));

describe('the listing', () => {
  it('links the monthly digests: by their own text or their entry’s, on the publisher’s host, each once', () => {
    const html = readFileSync(join(FIXTURES, 'feed', 'listing.html'), 'utf8');
    const { digests, elsewhere } = readListing(html, 'https://aisi.go.jp/activity/activity_information/');
    expect(digests.map((d) => new URL(d.url).pathname)).toEqual(
      ['261018', '260918', '260818', '260718', '260618', '260518', '260418', '260318'].map(POST),
    );
    expect(digests[0]?.title).toContain('AI政策動向マンスリー情報(9月)');
    expect(elsewhere).toEqual([]);
    const mirrored = html.replace(
      '</main>',
      '<p><a href="https://mirror.example.org/monthly/2609">AI政策動向マンスリー情報(9月・ミラー)</a></p></main>',
    );
    expect(readListing(mirrored, 'https://aisi.go.jp/activity/activity_information/').elsewhere).toEqual([
      { url: 'https://mirror.example.org/monthly/2609', title: 'AI政策動向マンスリー情報(9月・ミラー)' },
    ]);
  });
});

describe('a check of the publisher’s listing (local fixture site)', () => {
  beforeAll(() => servePublisher(site));

  it('adds the new months, each all or nothing, and says why every other page added nothing', async () => {
    const c = checkout();
    const before = readManifest(c.indexDir);
    const report = await check(c);
    expect(report.problem).toBeUndefined();
    expect(report.listed).toBe(8);
    // April from its page; May from the PDF its page links (separated by ・ bullets).
    expect(report.added.map((a) => [a.id, a.from, new URL(a.url).pathname])).toEqual([
      ['digest-2026-04', 'page', POST('260518')],
      ['digest-2026-05', 'pdf', POST('260618')],
    ]);
    const corpus = ingestCorpus(c.dataDir);
    expect(corpus.problems).toEqual([]);
    for (const a of report.added) {
      const items = corpus.items.filter((i) => i.source.document === a.id);
      expect(a.items).toBe(items.length);
      expect(a.items).toBeGreaterThan(0);
      // No translation provider in this check: every new item lacks English (data/english/).
      expect(a.lackingEnglish).toBe(items.length);
    }
    // sources.yml records the page each month was published on, exactly as the listing links it,
    // and marks the months english: pending until their English is filled or imported.
    const sources = parseYaml(readFileSync(join(c.dataDir, 'sources.yml'), 'utf8')) as {
      documents: { id: string; url?: string; english?: string }[];
    };
    for (const a of report.added)
      expect(sources.documents.find((d) => d.id === a.id)?.english).toBe('pending');
    expect(sources.documents.find((d) => d.id === 'digest-2026-04')?.url).toBe(site.url(POST('260518')));
    expect(sources.documents.find((d) => d.id === 'digest-2026-05')?.url).toBe(site.url(POST('260618')));
    // The index is current and holds both months.
    const after = readManifest(c.indexDir);
    expect(staleness(after, c.dataDir)).toBeUndefined();
    expect(after?.items).toBe((before?.items ?? 0) + report.added.reduce((n, a) => n + a.items, 0));
    // February is already in the corpus: remembered, not a problem.
    expect(report.present).toEqual([{ url: site.url(POST('260318')), id: 'digest-2026-02' }]);
    // Every failure names the page and the reason.
    expect(reasons(report)).toEqual({
      [POST('260418')]: 'HTTP 404 Not Found',
      [POST('260718')]: 'no complete answer within 0.5 s',
      [POST('260818')]:
        `redirected to ${site.otherHostUrl(POST('260818'))}, on another host: only redirects within 127.0.0.1:${site.port} are followed`,
      [POST('260918')]: 'more than the 0.25 MB limit',
      [POST('261018')]: expect.stringMatching(
        new RegExp(
          `^${site.url(POST('261018'))} \\(text extracted from the HTML\\):\\d+: invalid date "\\(2026/09/31\\)"`,
        ),
      ),
    });
    expect(corpus.documents.map((d) => d.doc.id).sort()).toEqual([
      'digest-2026-02',
      'digest-2026-04',
      'digest-2026-05',
    ]);
  });

  it('fills a new month’s English through the configured provider, as add does, and counts what is left', async () => {
    const deepl = new FakeDeepL();
    await deepl.start();
    try {
      const c = checkout();
      const logged: string[] = [];
      const env = {
        DEEPL_API_KEY: deepl.key,
        DEEPL_SERVER_URL: deepl.url,
        POLICY_BOT_TRANSLATE_BACKOFF_MS: '1',
      };
      const report = await check(c, {
        fillEnglish: englishFiller(env, c, 'Asia/Tokyo', (l) => logged.push(l)),
      });
      expect(report.added.length).toBeGreaterThan(0);
      const entries = loadEnglish(c.dataDir);
      const sources = loadSourceList(c.dataDir).documents;
      for (const a of report.added) {
        const items = ingestCorpus(c.dataDir).items.filter((i) => i.source.document === a.id);
        for (const it of items) expect(entries.get(it.id)?.by, it.id).toBe('deepl');
        // Counted after the fill: nothing left to translate, and the month's mark is taken off.
        expect(a.lackingEnglish).toBe(0);
        expect(sources.find((d) => d.id === a.id)?.english).toBeUndefined();
        expect(logged.join('\n')).toContain(`English complete for ${a.id}`);
      }
      expect(staleness(readManifest(c.indexDir), c.dataDir)).toBeUndefined();
      // The admin channel hears that the month is in English already.
      expect(feedMessage(report, 'en')).toContain('0 without English');
    } finally {
      await deepl.stop();
    }
  });

  it('does not try again what it added, found present or refused with the same content; says a failure once', async () => {
    const c = checkout();
    const first = await check(c);
    expect(feedMessage(first, 'en')).toBeDefined();
    const data = hashDataDir(c.dataDir);
    const asked = site.requests.length;
    const second = await check(c);
    const pathsAsked = site.requests.slice(asked);
    // Added and present pages are not even downloaded again.
    for (const id of ['260518', '260618', '260318']) expect(pathsAsked).not.toContain(POST(id));
    expect(pathsAsked).not.toContain('/assets/pdf/ai-monthly-202605.pdf');
    // The refused page is downloaded (its content may have changed) but not read again.
    expect(pathsAsked).toContain(POST('261018'));
    expect(second.added).toEqual([]);
    expect(second.refused).toEqual([]);
    expect(second.skipped).toBe(4);
    // Download failures are tried again, but not news the second time: the admin hears nothing.
    expect(second.failed.map((f) => [new URL(f.url).pathname, f.fresh])).toEqual(
      ['260918', '260818', '260718', '260418'].map((id) => [POST(id), false]).reverse(),
    );
    expect(feedMessage(second, 'en')).toBeUndefined();
    expect(hashDataDir(c.dataDir)).toEqual(data);
  });

  it('a refused page whose content changed is read again', async () => {
    const c = checkout();
    await check(c);
    const route = site.routes.get(POST('261018'));
    try {
      site.routes.set(POST('261018'), {
        body: `<html><body><article><pre>AI政策動向マンスリー情報\n\n日本AISIの活動(9月1日~9月30日)\n\n  1. (2026/09/30)正しい日付の項目\n    本文。\n    https://aisi.go.jp/x/\n</pre></article></body></html>`,
        type: 'text/html',
      });
      const again = await check(c);
      expect(again.added.map((a) => a.id)).toEqual(['digest-2026-09']);
    } finally {
      if (route) site.routes.set(POST('261018'), route);
    }
  });

  it('--dry-run writes nothing and remembers nothing', async () => {
    const c = checkout();
    const data = hashDataDir(c.dataDir);
    const index = hashDataDir(c.indexDir);
    const report = await check(c, { dryRun: true });
    expect(report.added.map((a) => a.id)).toEqual(['digest-2026-04', 'digest-2026-05']);
    expect(hashDataDir(c.dataDir)).toEqual(data);
    expect(hashDataDir(c.indexDir)).toEqual(index);
    expect(c.memory.page(site.url(POST('260518')))).toBeUndefined();
    expect(c.memory.lastCheckAt()).toBeUndefined();
    expect(feedMessage(report, 'en')).toBeUndefined();
  });
});

describe('a listing that cannot be used adds nothing and says why, once', () => {
  it('a listing that changed layout (no digest linked any more)', async () => {
    site.routes.set('/changed/', {
      body: readFileSync(join(FIXTURES, 'feed', 'listing-changed.html'), 'utf8'),
      type: 'text/html',
    });
    const c = checkout();
    const data = hashDataDir(c.dataDir);
    const report = await check(c, { listing: '/changed/' });
    expect(report.problem).toBe(
      `the listing ${site.url('/changed/')} links no monthly digest (no link or entry names “AI政策動向マンスリー情報”): its layout may have changed`,
    );
    expect(report.problemIsNew).toBe(true);
    expect(report.added).toEqual([]);
    expect(hashDataDir(c.dataDir)).toEqual(data);
    expect(feedMessage(report, 'en')).toContain('Nothing was added: the listing');
    const again = await check(c, { listing: '/changed/' });
    expect(again.problemIsNew).toBe(false);
    expect(feedMessage(again, 'en')).toBeUndefined();
  });

  it.each([
    ['a 404', '/gone/', undefined, 'HTTP 404 Not Found'],
    ['a listing that never finishes', '/slow/', { hang: true } as const, 'no complete answer within 0.5 s'],
    [
      'a PDF where a page was expected',
      '/pdf/',
      { body: Buffer.from('%PDF-1.7\n'), type: 'application/pdf' },
      'content type application/pdf, not an HTML page',
    ],
  ])('%s', async (_, path, route, reason) => {
    if (route) site.routes.set(path, route);
    const c = checkout();
    const data = hashDataDir(c.dataDir);
    const report = await check(c, { listing: path });
    expect(report.problem).toBe(`the listing ${site.url(path)} could not be downloaded: ${reason}`);
    expect(hashDataDir(c.dataDir)).toEqual(data);
  });
});

describe('the admin channel’s message', () => {
  it('says which month, how many items, how many lack English, and each new failure', () => {
    const report: FeedReport = {
      listing: 'https://aisi.go.jp/activity/activity_information/',
      at: '2026-05-20T00:00:00.000Z',
      dryRun: false,
      listed: 3,
      added: [
        {
          url: 'https://aisi.go.jp/activity/activity_information/260518/',
          id: 'digest-2026-04',
          title: 'AI政策動向マンスリー情報 2026年4月',
          month: '2026-04',
          items: 4,
          lackingEnglish: 3,
          from: 'pdf',
          warnings: ['x.pdf:12: unrecognised section heading "【中東】"'],
        },
      ],
      present: [],
      refused: [{ url: 'https://aisi.go.jp/a/', reason: 'no <digest> layout & more', fresh: true }],
      failed: [{ url: 'https://aisi.go.jp/b/', reason: 'HTTP 404 Not Found', fresh: false }],
      skipped: 0,
      deferred: 0,
    };
    const en = feedMessage(report, 'en') ?? '';
    expect(en).toContain(
      ':inbox_tray: Added *AI政策動向マンスリー情報 2026年4月* (April 2026) from <https://aisi.go.jp/activity/activity_information/260518/|https://aisi.go.jp/activity/activity_information/260518/>: 4 items, 3 without English.',
    );
    expect(en).toContain('its linked PDF was');
    expect(en).toContain(':warning: To look at: x.pdf:12: unrecognised section heading "【中東】"');
    // Reasons are escaped: no text from a page can forge a link or a mention.
    expect(en).toContain(
      'Not added: <https://aisi.go.jp/a/|https://aisi.go.jp/a/> — no &lt;digest&gt; layout &amp; more',
    );
    // A failure said before is not said again.
    expect(en).not.toContain('aisi.go.jp/b/');
    const ja = feedMessage(report, 'ja') ?? '';
    expect(ja).toContain('(2026年4月)を');
    expect(ja).toContain('4件、うち英語なし3件');
  });
});
