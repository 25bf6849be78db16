import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { DATA_DIR, FIXTURES, memoryIo, useFakeSlack } from '../helpers.js';
import { postFresh, spawnApp } from '../support/app-process.js';
import { slashCommand } from '../support/fake-slack.js';

const ROOT = join(import.meta.dirname, '..', '..');

const fake = useFakeSlack();

describe('live reload of the running app (HTTP receiver, real Bolt, fake Slack)', () => {
  it('a month added to data/ while the app runs is answered without a restart; a broken data/ keeps the last good index', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-bot-live-'));
    const dataDir = join(root, 'data');
    const indexDir = join(root, 'index');
    cpSync(DATA_DIR, dataDir, { recursive: true });
    cpSync(join(ROOT, 'index'), indexDir, { recursive: true });
    const app = await spawnApp(fake, {
      POLICY_BOT_STATE_PATH: join(root, 'state', 'state.sqlite'),
      POLICY_BOT_DATA_DIR: dataDir,
      POLICY_BOT_INDEX_DIR: indexDir,
    });
    const { child, port } = app;
    let n = 0;
    const askApp = async (q: string) => {
      const id = `live-${++n}`;
      expect(await postFresh(port, slashCommand(q, fake.responseUrl(id)))).toBe(200);
      const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === id), 20_000);
      return JSON.stringify(body.blocks ?? body.text);
    };
    // Read the fixture's URLs from the fixture itself: the answer must carry them once it is live.
    // Moved to March 2099, a month the real corpus will not have, so the add is never a duplicate.
    const fixture = readFileSync(join(FIXTURES, 'add/digest-2026-03.txt'), 'utf8')
      .replaceAll('2026/03/', '2099/03/')
      .replaceAll('2026年3月', '2099年3月');
    const monthFile = join(root, 'digest-2099-03.txt');
    writeFileSync(monthFile, fixture);
    const newUrl = /https:\/\/aisi\.go\.jp\/\S+/.exec(fixture)?.[0] as string;
    try {
      await fake.waitFor(() => (app.logs().includes('digest: next run') ? true : undefined), 30_000);
      expect(await askApp('what happened in March 2099')).not.toContain(newUrl);
      const io = memoryIo();
      expect(await main(['add', monthFile, '--data', dataDir, '--index', indexDir], io)).toBe(0);
      // Acks keep coming while the app notices and reloads.
      const during = await Promise.all([askApp('SB53'), askApp('韓国')]);
      for (const answer of during) expect(answer.length).toBeGreaterThan(10);
      await fake.waitFor(() => (app.logs().includes('reload done') ? true : undefined), 30_000);
      expect(await askApp('what happened in March 2099')).toContain(newUrl);
      // The new items are recorded as first seen now, so the next weekly digest carries them once.
      const db = new Database(join(root, 'state', 'state.sqlite'), { readonly: true });
      const seen = db.prepare("SELECT item_id FROM items_seen WHERE item_id LIKE 'digest-2099-03/%'").all();
      db.close();
      expect(seen.length).toBe(fixture.split('\n').filter((l) => /^\s+\d+\. \(/.test(l)).length);

      // A broken data/ file: the reload fails, says why, and the new month is still served.
      writeFileSync(join(dataDir, 'sources.yml'), 'documents: [ this is not valid');
      await fake.waitFor(() => (app.logs().includes('reload failed') ? true : undefined), 30_000);
      expect(app.logs()).toMatch(/reload failed, still serving the last good index/);
      expect(app.logs()).toContain('sources.yml');
      expect(await askApp('what happened in March 2099')).toContain(newUrl);

      // `policy-bot reload` signals the app through its pid file.
      const reloadIo = memoryIo('', { POLICY_BOT_STATE_PATH: join(root, 'state', 'state.sqlite') });
      const before = (app.logs().match(/reloading the index \(SIGHUP\)/g) ?? []).length;
      expect(await main(['reload'], reloadIo)).toBe(0);
      await fake.waitFor(
        () =>
          (app.logs().match(/reloading the index \(SIGHUP\)/g) ?? []).length > before ? true : undefined,
        10_000,
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- app log ---\n${app.logs().slice(-3000)}`);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
