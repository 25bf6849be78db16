import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { loadEnglish } from '../../src/english/files.js';
import { fixedNames } from '../../src/english/glossary.js';
import { englishGaps, pendingDocuments } from '../../src/english/pending.js';
import { englishStatus } from '../../src/english/status.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { loadSourceList } from '../../src/ingest/sources.js';
import {
  hashDataDir,
  loadIndex,
  readManifest,
  rebuildIndex,
  staleness,
} from '../../src/search/index-store.js';
import { FIXTURES, memoryIo } from '../helpers.js';
import { FakeDeepL, FakeOpenAi } from '../support/fake-translators.js';

/**
 * `policy-bot add` filling a new month's English through the real provider clients (deepl-node,
 * openai) talking to local fakes of both APIs on 127.0.0.1, with their failures scripted: rate
 * limits, server errors, timeouts, quota. The corpus is a small one of its own (February 2026)
 * and the month added is the March fixture, so nothing here depends on data/.
 */
const MONTH = join(FIXTURES, 'add', 'digest-2026-03.txt');
const TODAY = '2026-12-07';

function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-english-'));
  const dataDir = join(root, 'data');
  const indexDir = join(root, 'index');
  cpSync(join(FIXTURES, 'new-month'), dataDir, { recursive: true });
  rebuildIndex({ dataDir, indexDir });
  return { root, dataDir, indexDir };
}

/** Quick retries: the policy is the point here, not the pauses. */
const QUICK = { POLICY_BOT_TRANSLATE_BACKOFF_MS: '1', POLICY_BOT_TRANSLATE_ATTEMPTS: '3' };

async function add(d: ReturnType<typeof checkout>, env: NodeJS.ProcessEnv) {
  const io = memoryIo('', env);
  const code = await main(['add', MONTH, '--data', d.dataDir, '--index', d.indexDir, '--today', TODAY], io);
  return { code, out: io.out(), err: io.err() };
}

async function run(d: ReturnType<typeof checkout>, env: NodeJS.ProcessEnv, ...argv: string[]) {
  const io = memoryIo('', env);
  const code = await main([...argv, '--data', d.dataDir, '--index', d.indexDir, '--today', TODAY], io);
  return { code, out: io.out(), err: io.err() };
}

/** The added month's items, as the corpus now reads them. */
const monthItems = (dataDir: string) =>
  ingestCorpus(dataDir).items.filter((i) => i.source.document === 'digest-2026-03');

/** The `english:` mark of a document in data/sources.yml (`pending`, or undefined). */
const mark = (dataDir: string, id = 'digest-2026-03') =>
  loadSourceList(dataDir).documents.find((doc) => doc.id === id)?.english;

/**
 * What the English corpus test would hold against the added month of this data directory (the
 * fixture's February has no English of its own).
 */
function gapsOf(dataDir: string, id = 'digest-2026-03') {
  const corpus = ingestCorpus(dataDir);
  const status = englishStatus(
    corpus.items.filter((i) => i.source.document === id),
    loadEnglish(dataDir),
  );
  const gaps = englishGaps(status, pendingDocuments(corpus.documents.map((doc) => doc.doc)));
  return { missing: gaps.missing, stale: gaps.stale.filter((x) => x.document === id) };
}

/** The month is in data/ and index/ whatever happened to its English. */
function expectMonthIn(d: ReturnType<typeof checkout>) {
  expect(readFileSync(join(d.dataDir, 'sources.yml'), 'utf8')).toContain('id: digest-2026-03');
  const items = monthItems(d.dataDir);
  expect(items.length).toBeGreaterThan(0);
  const index = loadIndex(d.indexDir);
  for (const it of items) expect(index.byId.has(it.id)).toBe(true);
  return items;
}

beforeAll(async () => {
  await loadTokenizer();
});

describe('add with DeepL', () => {
  const deepl = new FakeDeepL();
  beforeEach(() => deepl.start());
  afterEach(() => deepl.stop());
  const env = () => ({ ...QUICK, DEEPL_API_KEY: deepl.key, DEEPL_SERVER_URL: deepl.url });

  it('fills every item of the month, marked by: deepl with the date, the fixed names as a glossary, and updates index/', async () => {
    const d = checkout();
    const r = await add(d, env());
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(r.out).toContain(`${items.length} of ${items.length} items of digest-2026-03 translated by DeepL`);
    // The glossary: made once from the lexicon, then named in every translation.
    const glossary = fixedNames();
    const created = deepl.to('/v2/glossaries').filter((q) => q.method === 'POST');
    expect(created).toHaveLength(1);
    const sent = new URLSearchParams(created[0]?.body);
    expect(sent.get('source_lang')).toBe('ja');
    expect(sent.get('target_lang')).toBe('en');
    expect(sent.get('entries')?.split('\n')).toEqual(glossary.map((t) => `${t.ja}\t${t.en}`));
    const translate = deepl.to('/v2/translate');
    expect(translate.length).toBeGreaterThan(0);
    for (const q of translate) {
      const form = new URLSearchParams(q.body);
      expect(form.get('glossary_id')).toBe('g-1');
      expect(form.get('source_lang')).toBe('ja');
      expect(form.get('target_lang')).toBe('en-GB');
    }
    const entries = loadEnglish(d.dataDir);
    const index = loadIndex(d.indexDir);
    for (const it of items) {
      const e = entries.get(it.id);
      expect(e, it.id).toMatchObject({ ja: it.title, by: 'deepl', date: TODAY, document: 'digest-2026-03' });
      expect(e?.title.startsWith('[en] ')).toBe(true);
      expect(index.byId.get(it.id)?.en).toEqual({
        title: e?.title,
        summary: e?.summary,
        by: 'deepl',
        date: TODAY,
      });
      // A fixed name in the title reaches the English through the glossary.
      for (const t of glossary) if (it.title.includes(t.ja)) expect(e?.title).toContain(t.en);
    }
    // Titles name fixed terms in this fixture (総務省, NIST's Japanese name is not in the title).
    expect(items.some((it) => glossary.some((t) => it.title.includes(t.ja)))).toBe(true);
    // Complete: no english: pending mark left on the month, and index/ is current with that.
    expect(mark(d.dataDir)).toBeUndefined();
    expect(r.out).toContain('English complete for digest-2026-03');
    expect(staleness(readManifest(d.indexDir), d.dataDir)).toBeUndefined();
    // A second fill finds the glossary by its name and makes no other.
    const again = await run(d, env(), 'english', 'fill');
    expect(again.code).toBe(0);
    expect(deepl.to('/v2/glossaries').filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it('a rate limit (429) is retried and the English arrives', async () => {
    const d = checkout();
    deepl.trouble('/v2/translate', { status: 429, body: { message: 'Too many requests' } }, { status: 429 });
    const r = await add(d, env());
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(deepl.to('/v2/translate')).toHaveLength(3);
    expect(r.err).toMatch(/rate-limit \(try 1: .*\), trying again in 1 ms/);
    const entries = loadEnglish(d.dataDir);
    for (const it of items) expect(entries.get(it.id)?.by).toBe('deepl');
  });

  it('server errors past the retries: the month goes in, the English follows with english fill', async () => {
    const d = checkout();
    deepl.trouble('/v2/translate', { status: 500 }, { status: 503 }, { status: 502 });
    const r = await add(d, env());
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(deepl.to('/v2/translate')).toHaveLength(3);
    expect(r.out).toContain('Stopped: server after 3 tries');
    expect(r.out).toContain(`${items.length} items still have no English`);
    // The month stays marked english: pending (said), so the corpus test excuses it meanwhile.
    expect(mark(d.dataDir)).toBe('pending');
    expect(r.out).toContain('data/sources.yml marks digest-2026-03 english: pending');
    expect(gapsOf(d.dataDir).missing).toEqual([]);
    const missing = await run(d, env(), 'english', '--missing', '--json');
    const listed = JSON.parse(missing.out) as { missing: { id: string }[] };
    for (const it of items) expect(listed.missing.map((m) => m.id)).toContain(it.id);
    // The service is back: the English follows.
    const fill = await run(d, env(), 'english', 'fill', '--document', 'digest-2026-03');
    expect(fill.code).toBe(0);
    expect(fill.out).toContain(`${items.length} of ${items.length} items of digest-2026-03 translated`);
    // english fill completed it: the mark is taken off.
    expect(mark(d.dataDir)).toBeUndefined();
    expect(staleness(readManifest(d.indexDir), d.dataDir)).toBeUndefined();
    const entries = loadEnglish(d.dataDir);
    for (const it of items) expect(entries.get(it.id)?.by).toBe('deepl');
    const after = JSON.parse(
      (await run(d, env(), 'english', '--missing', '--json', '--document', 'digest-2026-03')).out,
    );
    expect(after.missing).toEqual([]);
  });

  it('a request that never answers times out, is retried, then given up without blocking the add', async () => {
    const d = checkout();
    deepl.trouble('/v2/translate', { hang: true }, { hang: true });
    const r = await add(d, {
      ...env(),
      POLICY_BOT_TRANSLATE_ATTEMPTS: '2',
      POLICY_BOT_TRANSLATE_TIMEOUT_MS: '200',
    });
    expect(r.code).toBe(0);
    expectMonthIn(d);
    expect(deepl.to('/v2/translate')).toHaveLength(2);
    expect(r.out).toContain('Stopped: timeout after 2 tries');
  });

  it('a used-up quota (456) ends the run at once: retrying cannot help', async () => {
    const d = checkout();
    deepl.trouble('/v2/translate', { status: 456, body: { message: 'Quota Exceeded' } });
    const r = await add(d, env());
    expect(r.code).toBe(0);
    expectMonthIn(d);
    expect(deepl.to('/v2/translate')).toHaveLength(1);
    expect(r.out).toContain('Stopped: quota after 1 try');
    expect(loadEnglish(d.dataDir).size).toBe(0);
  });

  it('a glossary the server refuses is said, and the month is translated without it', async () => {
    const d = checkout();
    deepl.trouble('/v2/glossaries', { status: 400, body: { message: 'Invalid glossary' } });
    const r = await add(d, env());
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(deepl.to('/v2/glossaries')).toHaveLength(1);
    expect(r.out).toContain('Note: the glossary could not be set up (');
    expect(r.out).toContain(`${items.length} of ${items.length} items of digest-2026-03 translated by DeepL`);
    expect(deepl.to('/v2/translate').length).toBeGreaterThan(0);
    for (const q of deepl.to('/v2/translate'))
      expect(new URLSearchParams(q.body).has('glossary_id')).toBe(false);
  });

  it('a refused key is said once, and the month still goes in', async () => {
    const d = checkout();
    const r = await add(d, { ...env(), DEEPL_API_KEY: 'wrong' });
    expect(r.code).toBe(0);
    expectMonthIn(d);
    expect(r.out).toContain('Stopped: auth after 1 try');
    expect(deepl.to('/v2/translate')).toHaveLength(0);
  });
});

describe('add with an OpenAI-compatible endpoint', () => {
  const llm = new FakeOpenAi();
  beforeEach(() => llm.start());
  afterEach(() => llm.stop());
  const env = () => ({
    ...QUICK,
    OPENAI_BASE_URL: llm.url,
    OPENAI_API_KEY: llm.key,
    OPENAI_MODEL: 'test-model',
  });

  it('fills every item, marked by: llm, each prompt listing the fixed names the item uses', async () => {
    const d = checkout();
    const r = await add(d, env());
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(r.out).toContain(
      `${items.length} of ${items.length} items of digest-2026-03 translated by test-model at ${llm.url}`,
    );
    const chats = llm.chats;
    expect(chats).toHaveLength(items.length);
    const glossary = fixedNames();
    // Items of this fixture use fixed names, so prompts must list some.
    expect(items.some((it) => glossary.some((t) => `${it.title}\n${it.body}`.includes(t.ja)))).toBe(true);
    for (const [n, it] of items.entries()) {
      const chat = chats[n];
      expect(chat?.model).toBe('test-model');
      const user = chat?.messages.find((m) => m.role === 'user')?.content ?? '';
      expect(user).toContain(`Title: ${it.title}`);
      for (const t of glossary)
        if (`${it.title}\n${it.body}`.includes(t.ja)) expect(user).toContain(`- ${t.ja} = ${t.en}`);
    }
    const entries = loadEnglish(d.dataDir);
    for (const it of items)
      expect(entries.get(it.id)).toMatchObject({
        ja: it.title,
        by: 'llm',
        date: TODAY,
        title: expect.stringMatching(/^\[en\] /),
      });
  });

  it('429 (Retry-After), 5xx and an answer that is not JSON are retried', async () => {
    const d = checkout();
    llm.trouble(
      '/v1/chat/completions',
      {
        status: 429,
        retryAfter: 0,
        body: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } },
      },
      { status: 503 },
    );
    llm.badOutput = 1;
    const r = await add(d, { ...env(), POLICY_BOT_TRANSLATE_ATTEMPTS: '4' });
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(llm.chats).toHaveLength(items.length + 3);
    expect(r.err).toContain('rate-limit (try 1');
    expect(r.err).toContain('server (try 2');
    expect(r.err).toContain('bad-output (try 3');
    expect(loadEnglish(d.dataDir).size).toBe(items.length);
  });

  it('a timeout past the retries stops the run; what was translated before it stays', async () => {
    const d = checkout();
    const first = await run(d, env(), 'english', 'fill');
    expect(first.code).toBe(0); // the February month of the fixture corpus
    const before = llm.chats.length;
    llm.trouble('/v1/chat/completions', { hang: true }, { hang: true });
    const r = await add(d, {
      ...env(),
      POLICY_BOT_TRANSLATE_ATTEMPTS: '2',
      POLICY_BOT_TRANSLATE_TIMEOUT_MS: '200',
    });
    expect(r.code).toBe(0);
    expectMonthIn(d);
    expect(llm.chats.length - before).toBe(2);
    expect(r.out).toContain('Stopped: timeout after 2 tries');
    // February's English, written earlier, is untouched.
    const feb = ingestCorpus(d.dataDir).items.filter((i) => i.source.document === 'digest-2026-02');
    const entries = loadEnglish(d.dataDir);
    for (const it of feb) expect(entries.get(it.id)?.by).toBe('llm');
  });

  it('a used-up quota (429 insufficient_quota) is not retried', async () => {
    const d = checkout();
    llm.trouble('/v1/chat/completions', {
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota',
          code: 'insufficient_quota',
          type: 'insufficient_quota',
        },
      },
    });
    const r = await add(d, env());
    expect(r.code).toBe(0);
    expectMonthIn(d);
    expect(llm.chats).toHaveLength(1);
    expect(r.out).toContain('Stopped: quota after 1 try');
  });
});

describe('without a provider', () => {
  it('add says how many items lack English; english --missing lists them; import fills them', async () => {
    const d = checkout();
    const r = await add(d, {});
    expect(r.code).toBe(0);
    const items = expectMonthIn(d);
    expect(r.out).toContain(
      `English: ${items.length} items of digest-2026-03 have no English (no translation provider is configured`,
    );
    // Marked english: pending and said so: the corpus test excuses the month…
    expect(mark(d.dataDir)).toBe('pending');
    expect(r.out).toContain('data/sources.yml marks digest-2026-03 english: pending');
    expect(gapsOf(d.dataDir)).toEqual({ missing: [], stale: [] });
    expect((await run(d, {}, 'english')).out).toMatch(/ {2}digest-2026-03: 0\/\d+, english: pending/);
    // …and would not without the mark: a document that is not pending must have its English.
    const sourcesPath = join(d.dataDir, 'sources.yml');
    const marked = readFileSync(sourcesPath, 'utf8');
    writeFileSync(sourcesPath, marked.replace(/\n\s+english: pending/, ''));
    expect(mark(d.dataDir)).toBeUndefined();
    expect(gapsOf(d.dataDir).missing.map((m) => m.id)).toEqual(items.map((it) => it.id));
    writeFileSync(sourcesPath, marked);
    const listed = await run(d, {}, 'english', '--missing', '--document', 'digest-2026-03');
    for (const it of items) expect(listed.out).toContain(`${it.id}  ${it.title}`);
    // The CSV template, filled in by a person, goes back in.
    const template = await run(d, {}, 'english', '--missing', '--csv', '--document', 'digest-2026-03');
    const rows = template.out.trim().split('\r\n');
    expect(rows[0]).toBe('id,ja,title,summary');
    const filled = rows.map((row, i) =>
      i === 0 ? row : `${row.replace(/,,$/, '')},Title ${i},"Summary, with a comma ""quoted"""`,
    );
    const file = join(d.root, 'english.csv');
    writeFileSync(file, `\uFEFF${filled.join('\r\n')}\r\n`);
    const imported = await run(d, {}, 'english', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`imported English for ${items.length} items (0 replaced)`);
    // Complete: the import takes the mark off, and the index is current with that.
    expect(mark(d.dataDir)).toBeUndefined();
    expect(imported.out).toContain('English complete for digest-2026-03');
    expect(staleness(readManifest(d.indexDir), d.dataDir)).toBeUndefined();
    const entries = loadEnglish(d.dataDir);
    for (const [i, it] of items.entries())
      expect(entries.get(it.id)).toMatchObject({
        ja: it.title,
        title: `Title ${i + 1}`,
        summary: 'Summary, with a comma "quoted"',
        by: 'person',
        date: TODAY,
      });
    const index = loadIndex(d.indexDir);
    for (const it of items) expect(index.byId.get(it.id)?.en?.by).toBe('person');
    const after = JSON.parse(
      (await run(d, {}, 'english', '--missing', '--json', '--document', 'digest-2026-03')).out,
    );
    expect(after.missing).toEqual([]);
  });

  it('an import with any bad row writes nothing and names each problem file:line', async () => {
    const d = checkout();
    const [first, second] = ingestCorpus(d.dataDir).items;
    const file = join(d.root, 'bad.csv');
    writeFileSync(
      file,
      [
        'id,title,summary,by',
        `${first?.id},An English title,One sentence.,person`,
        'digest-2026-02/nowhere/9,Title,Summary,person',
        `${second?.id},A title,,person`,
        `${first?.id},Again,Again.,robot`,
      ].join('\n'),
    );
    const before = hashDataDir(d.dataDir);
    const r = await run(d, {}, 'english', 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.csv:3: unknown item id "digest-2026-02/nowhere/9"');
    expect(r.err).toContain(`bad.csv:4: ${second?.id}: summary: the English summary is empty`);
    expect(r.err).toContain(`bad.csv:5: ${first?.id} is already on line 2`);
    expect(r.err).toContain('nothing was imported');
    expect(hashDataDir(d.dataDir)).toEqual(before);
  });

  it('imports the data files’ own YAML shape, keeping what the file says of by and date', async () => {
    const d = checkout();
    const [first] = ingestCorpus(d.dataDir).items;
    const file = join(d.root, 'english.yml');
    writeFileSync(
      file,
      `items:\n  ${first?.id}:\n    title: "From YAML"\n    summary: "A summary."\n    by: deepl\n    date: 2026-11-30\n`,
    );
    const r = await run(d, {}, 'english', 'import', file);
    expect(r.code).toBe(0);
    expect(loadEnglish(d.dataDir).get(first?.id as string)).toMatchObject({
      title: 'From YAML',
      by: 'deepl',
      date: '2026-11-30',
      ja: first?.title,
    });
  });

  it('a replaced month keeps the English of items that only moved, and lists the new one', async () => {
    const d = checkout();
    const before = ingestCorpus(d.dataDir).items;
    const yaml = join(d.root, 'feb.yml');
    writeFileSync(
      yaml,
      `items:\n${before.map((it, i) => `  ${it.id}:\n    title: "English ${i}"\n    summary: "Summary ${i}."\n`).join('')}`,
    );
    expect((await run(d, {}, 'english', 'import', yaml)).code).toBe(0);
    // The same month again, with a new first item: every AISI item after it moves down one.
    const text = readFileSync(join(d.dataDir, 'digests', '2026-02.txt'), 'utf8')
      .replace('  2. (2026/02/16~20)', '  3. (2026/02/16~20)')
      .replace('  1. （２０２６／０２／０３）', '  2. （２０２６／０２／０３）')
      .replace(
        '日本AISIの活動（２月１日～２月２８日）\n\n',
        '日本AISIの活動（２月１日～２月２８日）\n\n  1. (2026/02/02)新しい項目を公開\n    2026年2月2日、新しい項目を公開した。\n    https://example.org/new\n\n',
      );
    const file = join(d.root, 'feb-replaced.txt');
    writeFileSync(file, text);
    const io = memoryIo('', {});
    const code = await main(
      ['add', file, '--replace', '--data', d.dataDir, '--index', d.indexDir, '--today', TODAY],
      io,
    );
    expect(code, io.err()).toBe(0);
    const after = ingestCorpus(d.dataDir).items;
    expect(after).toHaveLength(before.length + 1);
    const entries = loadEnglish(d.dataDir);
    // Each earlier item's English is where that item is now (found by its title).
    before.forEach((old, i) => {
      const now = after.find((it) => it.title === old.title);
      expect(now && entries.get(now.id)?.title, old.id).toBe(`English ${i}`);
    });
    const added = after.find((it) => !before.some((b) => b.title === it.title));
    expect(io.out()).toContain('English: 1 item of digest-2026-02 has no English');
    const status = JSON.parse((await run(d, {}, 'english', '--missing', '--json')).out);
    expect(status).toEqual({
      missing: [{ id: added?.id, document: 'digest-2026-02', title: added?.title }],
      stale: [],
      orphans: [],
    });
  });
});
