import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf } from '../../src/events/group.js';
import { contextOf } from '../../src/present/citation.js';
import { citeLine } from '../../src/present/cite-formats.js';
import { ask } from '../../src/query/ask.js';
import { cite } from '../../src/query/cite.js';
import { buildIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { CRAFTED_QUESTION, craftedCorpus, FORMULA_TITLES } from '../support/crafted-corpus.js';
import { buttonClick, send, slashCommand } from '../support/fake-slack.js';
import { exportOption, type Harness, realIndex, selectOption, startHarness, texts } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
const TODAY = '2026-11-23';
const USER = 'U2147483697';

const response = (id: string) => h.fake.waitFor(() => h.fake.responses.find((r) => r.id === id));

describe('Export on an answer (files upload to the asker)', () => {
  it('Export CSV uploads every result, not the page, to the clicker’s DM through the files.uploadV2 flow', async () => {
    const q = 'AISI';
    await send(h.port, slashCommand(q, h.fake.responseUrl('ans')), 'form');
    const { body } = await response('ans');
    // Export CSV / Export Markdown are the answer menu's options.
    const value = exportOption(body.blocks, 'csv');
    expect(value).toBeDefined();
    expect(exportOption(body.blocks, 'md')).toBeDefined();
    const res = await send(h.port, selectOption('answer_menu', value, h.fake.responseUrl('exp')), 'form');
    expect(res.status).toBe(200);
    const note = await response('exp');
    const all = ask(h.deps.index(), q, { today: TODAY, limit: 100_000 });
    expect(all.total).toBeGreaterThan(5); // more than one page
    expect(String(note.body.text)).toContain(`Exported ${all.total} results`);
    expect(note.body.response_type).toBe('ephemeral');
    // The three steps, in order, and the file shared in the clicker's DM.
    const order = h.fake.calls
      .map((c) => c.method)
      .filter((m) =>
        [
          'conversations.open',
          'files.getUploadURLExternal',
          'upload',
          'files.completeUploadExternal',
        ].includes(m),
      );
    expect(order).toEqual([
      'conversations.open',
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(h.fake.callsTo('conversations.open')[0]?.args.users).toBe(USER);
    const file = [...h.fake.files.values()].find((f) => f.completed);
    expect(file?.completed?.channel_id).toBe(`D${USER}`);
    expect(file?.filename).toMatch(/\.csv$/);
    const text = h.fake.uploadedText(file?.filename as string) as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.results.map((r) => r.id));
  });

  it('Export Markdown uploads a .md file; a failed upload is told to the clicker', async () => {
    await send(h.port, slashCommand('韓国', h.fake.responseUrl('ans2')), 'form');
    const value = exportOption((await response('ans2')).body.blocks, 'md');
    await send(h.port, selectOption('answer_menu', value, h.fake.responseUrl('exp2')), 'form');
    expect(String((await response('exp2')).body.text)).toMatch(/件の結果を.+\.mdとして書き出しました/);
    const md = [...h.fake.files.values()].find((f) => f.filename.endsWith('.md') && f.completed);
    expect(md?.bytes?.toString('utf8')).toMatch(/^# 韓国/);
    h.fake.failNext('files.getUploadURLExternal', { error: 'not_allowed_token_type' });
    await send(h.port, selectOption('answer_menu', value, h.fake.responseUrl('exp3')), 'form');
    expect(String((await response('exp3')).body.text)).toContain('アップロードできませんでした');
  });

  it('a forged export value is refused without an upload', async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    await send(h.port, buttonClick('export_csv', '{"a":"nope","o":0}', h.fake.responseUrl('forged')), 'form');
    await response('forged');
    await send(
      h.port,
      selectOption('answer_menu', '{"a":"nope","o":0,"x":"csv"}', h.fake.responseUrl('forged2')),
      'form',
    );
    await response('forged2');
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(before);
  });
});

describe('Export CSV of a document with formula titles (OWASP CSV injection)', () => {
  let crafted: Harness;
  beforeAll(async () => {
    await realIndex(); // loads the tokenizer the build needs
    const index = buildIndex(craftedCorpus()).index;
    crafted = await startHarness({ index: () => index });
  });
  afterAll(async () => {
    await crafted.stop();
  });

  it('the uploaded CSV holds every crafted title as text, with a leading apostrophe', async () => {
    const wait = (id: string) => crafted.fake.waitFor(() => crafted.fake.responses.find((r) => r.id === id));
    await send(crafted.port, slashCommand(CRAFTED_QUESTION, crafted.fake.responseUrl('c-ans')), 'form');
    const value = exportOption((await wait('c-ans')).body.blocks, 'csv');
    expect(value).toBeDefined();
    await send(crafted.port, selectOption('answer_menu', value, crafted.fake.responseUrl('c-exp')), 'form');
    await wait('c-exp');
    const file = [...crafted.fake.files.values()].find((f) => f.completed && f.filename.endsWith('.csv'));
    const rows = parse(crafted.fake.uploadedText(file?.filename as string) as string, {
      bom: true,
    }) as string[][];
    const title = rows[0]?.indexOf('title') ?? -1;
    expect(
      rows
        .slice(1)
        .map((r) => r[title])
        .sort(),
    ).toEqual(FORMULA_TITLES.map((t) => `'${t.normalize('NFKC')}`).sort());
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('/policy cite', () => {
  it('shows the one-liner in a copyable code block and every source of a merged event', async () => {
    const g = eventsOf(h.deps.index()).merged[0];
    const member = g?.members[1]?.item.id ?? 'digest-2026-01/asia/2';
    await send(h.port, slashCommand(`cite ${member}`, h.fake.responseUrl('cite1')), 'form');
    const all = texts((await response('cite1')).body.blocks).join('\n');
    const c = cite(h.deps.index(), member, TODAY);
    const line = citeLine(c.item as StoredItem, 'en', contextOf(c))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    expect(all).toContain(`\`\`\`${line}\`\`\``);
    for (const m of g?.members ?? []) expect(all).toContain(m.item.source.documentTitle);
  });
});
