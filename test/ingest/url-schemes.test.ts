import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { AddError, planAdd } from '../../src/ingest/add.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { readHtml } from '../../src/ingest/readers/html.js';
import { rebuildIndex } from '../../src/search/index-store.js';
import { FIXTURES, memoryIo, tempData } from '../helpers.js';

/** Addresses that must never be taken for a page or an item: they run, embed or read files. */
const HOSTILE = [
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
];

const PAGE = readFileSync(join(FIXTURES, 'add', 'digest-page.html'), 'utf8');
const CANONICAL = 'https://aisi.go.jp/activity/activity_information/260518/';

/** The fixture page with its canonical address (and og:url) replaced, and one item left without a link of its own. */
function pageWith(canonical: string, ogUrl = canonical): string {
  return PAGE.replace(
    `<link rel="canonical" href="${CANONICAL}">`,
    `<link rel="canonical" href="${canonical}">`,
  )
    .replace(`<meta property="og:url" content="${CANONICAL}">`, `<meta property="og:url" content="${ogUrl}">`)
    .replace(
      '<a href="https://example.org/seoul-forum-2026">フォーラムの公式サイト</a>',
      'フォーラムの公式サイト',
    );
}

const CORPUS = join(FIXTURES, 'new-month');

beforeAll(async () => {
  await loadTokenizer();
});

describe('only http(s) addresses enter: saved pages', () => {
  it('a non-http(s) canonical address is ignored with a warning, never taken as the page', () => {
    for (const url of HOSTILE) {
      const page = readHtml(pageWith(url));
      expect(page.canonicalUrl).toBeUndefined();
      expect(page.warnings?.join('\n')).toContain('<link rel="canonical">');
      expect(page.warnings?.join('\n')).toContain('not an http(s) address: ignored');
    }
    // A good og:url still names the page when the canonical link is bad.
    expect(readHtml(pageWith(HOSTILE[0] as string, CANONICAL)).canonicalUrl).toBe(CANONICAL);
  });

  it('`add` of such a page records no page address and says why; `cite --format md` never prints one', async () => {
    for (const url of HOSTILE) {
      const root = mkdtempSync(join(tmpdir(), 'policy-bot-url-'));
      const dataDir = join(root, 'data');
      const indexDir = join(root, 'index');
      cpSync(CORPUS, dataDir, { recursive: true });
      rebuildIndex({ dataDir, indexDir });
      const file = join(root, 'page.html');
      writeFileSync(file, pageWith(url));
      const add = memoryIo();
      expect(await main(['add', file, '--data', dataDir, '--index', indexDir], add)).toBe(0);
      expect(add.err()).toContain('warning: page.html: the page\'s <link rel="canonical"> address');
      const scheme = url.slice(0, url.indexOf(':') + 1);
      expect(readFileSync(join(dataDir, 'sources.yml'), 'utf8')).not.toContain(scheme);
      const added = ingestCorpus(dataDir).items.filter((i) => i.source.document === 'digest-2026-04');
      expect(added.length).toBeGreaterThan(3);
      // The item without a link of its own is cited by its document's page: there is none now.
      expect(added.some((i) => i.urls.length === 0)).toBe(true);
      for (const item of added) {
        const io = memoryIo();
        expect(
          await main(['cite', item.id, '--format', 'md', '--data', dataDir, '--index', indexDir], io),
        ).toBe(0);
        expect(io.out()).toContain(item.title);
        expect(io.out()).not.toContain(scheme);
        expect(io.out()).not.toMatch(/\]\((?!https?:\/\/)/);
      }
    }
  });

  it('`add --url` takes only an http(s) address', async () => {
    for (const url of HOSTILE) {
      const io = memoryIo();
      expect(
        await main(
          ['add', join(FIXTURES, 'add', 'digest-page.html'), '--url', url, '--dry-run', '--data', CORPUS],
          io,
        ),
      ).toBe(2);
      expect(io.err()).toContain("--url must be the digest page's address (https://…)");
      await expect(
        planAdd({ dataDir: CORPUS, file: 'page.html', bytes: Buffer.from(PAGE), url }),
      ).rejects.toSatisfy(
        (e: unknown) => e instanceof AddError && /must be an http\(s\) address/.test(e.message),
      );
    }
  });
});

describe('only http(s) addresses enter: data/sources.yml and the items', () => {
  const DIGEST = readFileSync(join(FIXTURES, 'ingest', 'digest-2026-01-head.txt'), 'utf8');
  const sources = (url: string) =>
    `documents:\n  - id: jan\n    path: jan.txt\n    title: January\n    kind: digest\n    layout: digest-numbered\n    url: "${url}"\n`;

  it('an entry whose url is not http(s) is a problem naming the file, the line and the entry', async () => {
    for (const url of HOSTILE) {
      const dir = tempData({ 'sources.yml': sources(url), 'jan.txt': DIGEST });
      const io = memoryIo();
      expect(await main(['ingest', '--strict', '--data', dir], io)).toBe(1);
      expect(io.out()).toContain(
        `problem: ${join(dir, 'sources.yml')}:2: document 1 (id jan): url: only http:// and https:// addresses are accepted (got ${JSON.stringify(url)})`,
      );
      // Nothing of that document is served with the address.
      expect(ingestCorpus(dir).items.some((i) => i.source.documentUrl === url)).toBe(false);
    }
    const good = tempData({ 'sources.yml': sources('https://aisi.go.jp/x/'), 'jan.txt': DIGEST });
    expect(ingestCorpus(good).problems).toEqual([]);
  });

  it('a line in an item that is a non-http(s) address is body text, never one of its URLs', () => {
    const withLines = DIGEST.replace(
      '    https://aisi.go.jp/activity/activity_security/260109/',
      '    javascript:alert(1)\n    https://aisi.go.jp/activity/activity_security/260109/\n    file:///etc/passwd',
    );
    const dir = tempData({ 'sources.yml': sources('https://aisi.go.jp/x/'), 'jan.txt': withLines });
    const c = ingestCorpus(dir);
    const item = c.items.find((i) => i.title === 'AIインシデントレスポンス・アプローチブックを公開');
    expect(item?.urls).toEqual(['https://aisi.go.jp/activity/activity_security/260109/']);
    for (const i of c.items) for (const u of i.urls) expect(u).toMatch(/^https?:\/\//);
  });
});
