import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { DATA_DIR, FIXTURES, memoryIo, useFakeSlack } from '../helpers.js';
import { postFresh, spawnApp } from '../support/app-process.js';
import { FakePublisher } from '../support/fake-publisher.js';
import { BOT_TOKEN, SIGNING_SECRET, slashCommand } from '../support/fake-slack.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ADMIN = 'C0ADMIN001';

/**
 * The fixture digest page (test/fixtures/add/digest-page.html, April 2026) moved to a month of
 * 2099, which the real corpus will never have, so these adds are never duplicates. Each month
 * gets an item URL of its own to look for in the answers.
 */
function monthPage(month: '04' | '05'): { html: string; marker: string } {
  const marker = `https://example.org/feed-test-2099-${month}`;
  const html = readFileSync(join(FIXTURES, 'add', 'digest-page.html'), 'utf8')
    .replaceAll('(2026/04/', `(2099/${month}/`)
    .replaceAll('4月1日~4月30日', `${Number(month)}月1日~${Number(month)}月30日`)
    .replace('https://example.org/seoul-forum-2026', marker);
  return { html, marker };
}

const listing = (paths: string[]) =>
  `<!doctype html><html><body><main><h1>お知らせ</h1><ul>${paths
    .map((p, i) => `<li><a href="${p}">AI政策動向マンスリー情報(${i + 4}月)</a></li>`)
    .reverse()
    .join('')}</ul></main></body></html>`;

const fake = useFakeSlack();
const site = new FakePublisher();
beforeAll(() => site.start());
afterAll(() => site.stop());

describe('the running app watches the publisher (HTTP receiver, real Bolt, fake Slack, local publisher)', () => {
  it('adds a month at its check, reloads and tells the admin channel; `policy-bot fetch` adds the next one and the app serves it without a restart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-bot-feed-app-'));
    const dataDir = join(root, 'data');
    const indexDir = join(root, 'index');
    const statePath = join(root, 'state', 'state.sqlite');
    cpSync(DATA_DIR, dataDir, { recursive: true });
    cpSync(join(ROOT, 'index'), indexDir, { recursive: true });
    const april = monthPage('04');
    const may = monthPage('05');
    site.routes.set('/news/', { body: listing(['/news/209904/']), type: 'text/html; charset=utf-8' });
    site.routes.set('/news/209904/', { body: april.html, type: 'text/html; charset=utf-8' });
    const env = {
      POLICY_BOT_STATE_PATH: statePath,
      POLICY_BOT_DATA_DIR: dataDir,
      POLICY_BOT_INDEX_DIR: indexDir,
      POLICY_BOT_FEED_URL: site.url('/news/'),
      POLICY_BOT_ADMIN_CHANNEL: ADMIN,
    };
    const app = await spawnApp(fake, env);
    let n = 0;
    const askApp = async (q: string) => {
      const id = `feed-${++n}`;
      expect(await postFresh(app.port, slashCommand(q, fake.responseUrl(id)))).toBe(200);
      const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === id), 20_000);
      return JSON.stringify(body.blocks ?? body.text);
    };
    const adminMessages = () => (fake.channels.get(ADMIN) ?? []).map((m) => m.text ?? '');
    try {
      // The app's own check (the first one is due at start): added, reloaded, then announced.
      const [first] = await fake.waitFor(
        () => (adminMessages().length ? adminMessages() : undefined),
        90_000,
      );
      expect(first).toContain(
        `:inbox_tray: Added *AI政策動向マンスリー情報 2099年4月* (April 2099) from <${site.url('/news/209904/')}|${site.url('/news/209904/')}>: 4 items, 4 without English.`,
      );
      expect(await askApp('what happened in April 2099')).toContain(april.marker);

      // The next month appears on the listing; `policy-bot fetch` adds it with the app's memory.
      site.routes.set('/news/', {
        body: listing(['/news/209904/', '/news/209905/']),
        type: 'text/html; charset=utf-8',
      });
      site.routes.set('/news/209905/', { body: may.html, type: 'text/html; charset=utf-8' });
      expect(await askApp('what happened in May 2099')).not.toContain(may.marker);
      const asked = site.requests.length;

      const io = memoryIo('', {
        ...env,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      expect(await main(['fetch', '--data', dataDir, '--index', indexDir], io)).toBe(0);
      expect(io.out()).toContain(
        `added digest-2099-05 (4 items, 4 without English) from ${site.url('/news/209905/')}`,
      );
      // April, added by the app, is not downloaded again.
      expect(site.requests.slice(asked)).not.toContain('/news/209904/');
      // The admin channel hears of May from the command as it would from the app.
      await fake.waitFor(() => (adminMessages().length === 2 ? true : undefined), 10_000);
      expect(adminMessages()[1]).toContain('*AI政策動向マンスリー情報 2099年5月* (May 2099)');
      // The running app notices data/ and serves May without a restart.
      // (The watcher waits for data/ to settle, then rebuilds in a child: asked until it is live.)
      const until = Date.now() + 60_000;
      for (;;) {
        const answer = await askApp('what happened in May 2099');
        if (answer.includes(may.marker)) break;
        if (Date.now() > until) expect(answer).toContain(may.marker);
        await new Promise((r) => setTimeout(r, 500));
      }
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- app log ---\n${app.logs().slice(-4000)}`);
    } finally {
      app.child.kill('SIGTERM');
    }
  }, 180_000);
});
