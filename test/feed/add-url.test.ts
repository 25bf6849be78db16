import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { hashDataDir, readManifest, rebuildIndex, staleness } from '../../src/search/index-store.js';
import { FIXTURES, memoryIo } from '../helpers.js';
import { FakePublisher } from '../support/fake-publisher.js';
import { POST, servePublisher } from '../support/publisher-site.js';

const site = new FakePublisher();
beforeAll(async () => {
  await loadTokenizer();
  await site.start();
  servePublisher(site);
  site.routes.set('/old-address/', { redirect: POST('260518') });
  site.routes.set('/logo.png', { body: Buffer.from([0x89, 0x50, 0x4e, 0x47]), type: 'image/png' });
});
afterAll(() => site.stop());

function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-addurl-'));
  const dataDir = join(root, 'data');
  const indexDir = join(root, 'index');
  cpSync(join(FIXTURES, 'new-month'), dataDir, { recursive: true });
  rebuildIndex({ dataDir, indexDir });
  return { root, dataDir, indexDir };
}

/** Small download limits through the environment, as an operator would set them. */
const ENV = { POLICY_BOT_DOWNLOAD_TIMEOUT: '0.5', POLICY_BOT_DOWNLOAD_MAX_MB: '0.25' };

async function add(c: ReturnType<typeof checkout>, url: string, ...flags: string[]) {
  const io = memoryIo('', ENV);
  const code = await main(['add', url, ...flags, '--data', c.dataDir, '--index', c.indexDir], io);
  return { code, out: io.out(), err: io.err() };
}

describe('policy-bot add URL', () => {
  it('downloads the page and adds the month as from a file, recording the URL', async () => {
    const c = checkout();
    const url = site.url(POST('260518'));
    const r = await add(c, url);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`digest-2026-04: AI政策動向マンスリー情報 2026年4月, 4 items, page ${url}`);
    const sources = parseYaml(readFileSync(join(c.dataDir, 'sources.yml'), 'utf8')) as {
      documents: { id: string; url?: string }[];
    };
    expect(sources.documents.find((d) => d.id === 'digest-2026-04')?.url).toBe(url);
    expect(staleness(readManifest(c.indexDir), c.dataDir)).toBeUndefined();
    // Then its English, as for a file: no provider here, so the month stays english: pending.
    expect(r.out).toContain('English: 4 items of digest-2026-04 have no English');
    expect(r.out).toContain('data/sources.yml marks digest-2026-04 english: pending');
  });

  it('follows a redirect on the same host; records the address it was given', async () => {
    const c = checkout();
    const r = await add(c, site.url('/old-address/'), '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`page ${site.url('/old-address/')}`);
  });

  it('reads the PDF a page links when the page itself holds no digest', async () => {
    const c = checkout();
    const r = await add(c, site.url(POST('260618')), '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `page not read: ${site.url(POST('260618'))} (text extracted from the HTML): no digest layout recognised`,
    );
    expect(r.out).toContain(
      `read the PDF the page links instead: ${site.url('/assets/pdf/ai-monthly-202605.pdf')}`,
    );
    expect(r.out).toContain('pdf → layout digest-pdf-text');
    expect(r.out).toMatch(/items separated by “・” \(\d+ lines\)/);
  });

  it.each([
    ['a 404', () => site.url(POST('260418')), () => 'HTTP 404 Not Found'],
    ['a page that never finishes', () => site.url(POST('260718')), () => 'no complete answer within 0.5 s'],
    [
      'a redirect to another host',
      () => site.url(POST('260818')),
      () =>
        `redirected to ${site.otherHostUrl(POST('260818'))}, on another host: only redirects within 127.0.0.1:${site.port} are followed`,
    ],
    ['an oversized body', () => site.url(POST('260918')), () => 'more than the 0.25 MB limit'],
    ['an image', () => site.url('/logo.png'), () => 'content type image/png, not an HTML page or a PDF'],
  ])('%s: names the URL and the reason, writes nothing', async (_, url, reason) => {
    const c = checkout();
    const data = hashDataDir(c.dataDir);
    const index = hashDataDir(c.indexDir);
    const r = await add(c, url());
    expect(r.code).toBe(1);
    expect(r.err).toBe(`policy-bot: ${url()}: ${reason()}\npolicy-bot: nothing was written\n`);
    expect(hashDataDir(c.dataDir)).toEqual(data);
    expect(hashDataDir(c.indexDir)).toEqual(index);
  });

  it('a page that is no digest is refused with its problems, line by line', async () => {
    const c = checkout();
    const data = hashDataDir(c.dataDir);
    const r = await add(c, site.url(POST('261018')));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^problem: http:\/\/127\.0\.0\.1:\d+\/activity\/activity_information\/261018\/ \(text extracted from the HTML\):\d+: invalid date "\(2026\/09\/31\)"/,
    );
    expect(r.err).toContain('nothing was written');
    expect(hashDataDir(c.dataDir)).toEqual(data);
  });

  it('only http and https', async () => {
    const c = checkout();
    const r = await add(c, 'ftp://aisi.go.jp/digest.pdf');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'ftp://aisi.go.jp/digest.pdf: only http and https addresses are downloaded, not ftp',
    );
  });
});
