import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadEnglish } from '../../src/english/files.js';
import { englishGaps, pendingDocuments } from '../../src/english/pending.js';
import { englishStatus } from '../../src/english/status.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { eventResult } from '../../src/query/ask.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { DATA_DIR, memoryIo } from '../helpers.js';
import { realIndex } from '../slack/harness.js';
import { listedDocumentIds } from '../support/corpus-facts.js';

/**
 * The corpus's English, held to the corpus as data/sources.yml lists it today. A document marked
 * `english: pending` (what `policy-bot add` leaves on a month whose English it could not fill) is
 * excused until `english fill` or `english import` completes it and takes the mark off; any other
 * document without English fails here.
 */
const corpus = ingestCorpus(DATA_DIR);
const entries = loadEnglish(DATA_DIR);
const status = englishStatus(corpus.items, entries);
const pending = pendingDocuments(corpus.documents.map((d) => d.doc));
const gaps = englishGaps(status, pending);
/** Items of documents whose English is complete (not marked pending). */
const held = corpus.items.filter((i) => !pending.has(i.source.document));

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});

describe('the English of the corpus (data/english/)', () => {
  it('covers every listed document', () => {
    const documents = new Set(corpus.items.map((i) => i.source.document));
    expect([...documents].sort()).toEqual([...listedDocumentIds()].sort());
    expect(corpus.items.length).toBeGreaterThan(0);
  });

  it('gives every item an English title and summary (documents marked english: pending aside)', () => {
    expect(
      gaps.missing.map((m) => `${m.id} ${m.title}`),
      'items without English: `policy-bot english --missing` lists them; fill them with `policy-bot english fill` or `english import`',
    ).toEqual([]);
    expect(held.every((i) => entries.has(i.id))).toBe(true);
    expect(held.length).toBeGreaterThan(0);
  });

  it('marks pending only documents that still lack English (a complete one has its mark taken off)', () => {
    const open = new Set([...status.missing, ...status.stale].map((m) => m.document));
    for (const id of pending)
      expect(open.has(id), `${id} is complete: run policy-bot english fill`).toBe(true);
  });

  it('names only items that exist', () => {
    expect(
      status.orphans.map((o) => `${o.id} in data/english/${o.document}.yml`),
      'entries naming no item: move them to the item they describe, or remove them',
    ).toEqual([]);
  });

  it('was written from each item’s current Japanese title (a changed title is listed for review)', () => {
    // A changed source title fails the suite rather than warning: the English shown and cited must
    // be checked against the new title. Check it, then set `ja:` to the new title.
    expect(
      gaps.stale.map((s) => `${s.id}: now 「${s.title}」, English written from 「${s.ja}」`),
      'English to review: the source title changed since it was written',
    ).toEqual([]);
  });

  it('is what the index carries, and every result gives it', () => {
    for (const item of index.items) {
      const entry = entries.get(item.id);
      expect(item.en, item.id).toEqual(
        entry && { title: entry.title, summary: entry.summary, by: entry.by, date: entry.date },
      );
      const result = eventResult(index, item);
      const primary = index.byId.get(result.id);
      expect(result.title_en, item.id).toBe(primary?.en?.title);
      expect(result.summary_en, item.id).toBe(primary?.en?.summary);
      expect(result.english_by, item.id).toBe(primary?.en?.by);
    }
  });

  it('policy-bot english says where it stands, per listed document', async () => {
    const io = memoryIo();
    expect(await main(['english'], io)).toBe(0);
    expect(io.out()).toContain(`${status.covered} of ${corpus.items.length} items have English`);
    for (const id of listedDocumentIds()) {
      const mine = corpus.items.filter((i) => i.source.document === id);
      const covered = mine.filter((i) => entries.has(i.id)).length;
      expect(io.out()).toContain(`  ${id}: ${covered}/${mine.length}`);
      if (pending.has(id)) expect(io.out()).toMatch(new RegExp(`  ${id}: .*english: pending`));
      else expect(covered).toBe(mine.length);
    }
  });

  it('ask --json carries title_en, summary_en and english_by on every result', async () => {
    for (const question of ['AISI', '韓国 AI基本法', 'guidelines']) {
      const io = memoryIo();
      expect(await main(['ask', question, '--json', '--limit', '20'], io)).toBe(0);
      const json = JSON.parse(io.out()) as { results: Record<string, unknown>[] };
      expect(json.results.length, question).toBeGreaterThan(0);
      for (const r of json.results) {
        // A month whose English is still pending has none yet.
        if (pending.has(index.byId.get(String(r.id))?.source.document ?? '')) continue;
        expect(typeof r.title_en, `${question}: ${r.id}`).toBe('string');
        expect(typeof r.summary_en, `${question}: ${r.id}`).toBe('string');
        expect(['person', 'deepl', 'llm']).toContain(r.english_by);
      }
    }
  });
});
