import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { applyAdd, planAdd } from '../../src/ingest/add.js';
import { loadSourceList } from '../../src/ingest/sources.js';
import {
  linkLabels,
  loadPublisherTable,
  reporterOf,
  siteLabel,
  sourcePublisher,
} from '../../src/present/publishers.js';
import { buildIndex } from '../../src/search/index-store.js';
import { DATA_DIR, FIXTURES, tempData } from '../helpers.js';

describe('publishers by host (data/publishers.yml)', () => {
  it('names the publisher of a page by its host or a parent domain', () => {
    expect(sourcePublisher('https://legiscan.com/CA/text/SB53/2025', 'en')).toBe('LegiScan');
    expect(sourcePublisher('https://www.gov.uk/government/news/x', 'en')).toBe('GOV.UK');
    expect(sourcePublisher('https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.800-2.ipd.pdf', 'en')).toBe('NIST');
    expect(sourcePublisher('https://www8.cao.go.jp/cstp/ai/', 'ja')).toBe('内閣府');
    expect(sourcePublisher('https://unknown.example/x', 'en')).toBeUndefined();
    expect(sourcePublisher('not a url', 'en')).toBeUndefined();
  });

  it('labels links by publisher, numbers pages of one publisher, names PDFs as such', () => {
    expect(
      linkLabels(
        [
          'https://www.korea.kr/news/policyNewsView.do?newsId=148958380',
          'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156740669',
          'https://www.whitehouse.gov/wp-content/uploads/2025/07/Americas-AI-Action-Plan.pdf',
        ],
        'en',
      ),
    ).toEqual(['Korea.kr', 'Korea.kr (2)', 'The White House PDF: Americas AI Action Plan']);
    // A site the table does not know: the site and the page's own name, not a bare host.
    expect(siteLabel('https://unknown.example/events/ai-week.html', 'en')).toBe('unknown.example: ai week');
    expect(siteLabel('https://unknown.example/', 'en')).toBe('unknown.example');
  });

  const digestPublisher = () => {
    const d = loadSourceList(DATA_DIR).documents.find((x) => x.kind === 'digest' && x.publisher);
    if (!d?.publisher) throw new Error('no digest with a publisher in data/sources.yml');
    return d.publisher;
  };

  it('names the reporter of an item: its document’s publisher, shortened', () => {
    const source = {
      documentTitle: 'AI政策動向マンスリー情報 2026年1月',
      documentPublisher: digestPublisher(),
    };
    expect(reporterOf(source, 'en')).toBe('AISI');
    expect(reporterOf({ documentTitle: 'Some document' }, 'en')).toBe('Some document');
  });

  it('a month added is cited by its reporter: its items carry their document’s publisher', async () => {
    await loadTokenizer();
    const data = join(mkdtempSync(join(tmpdir(), 'policy-bot-publishers-')), 'data');
    cpSync(DATA_DIR, data, { recursive: true });
    // A month the corpus will never have, as `add` writes it (its publisher copied from the digests').
    const text = readFileSync(join(FIXTURES, 'add', 'digest-2026-03.txt'), 'utf8')
      .replaceAll('2026/03/', '2099/03/')
      .replaceAll('2026年3月', '2099年3月');
    const plan = await planAdd({ dataDir: data, file: 'month.txt', bytes: Buffer.from(text) });
    await applyAdd(data, plan, async () => {});
    const { index } = buildIndex(data);
    const added = index.items.filter((it) => it.source.document === plan.entry.id);
    expect(added.length).toBeGreaterThan(0);
    for (const it of added) {
      expect(it.source.documentPublisher).toBe(digestPublisher());
      expect(reporterOf(it.source, 'en')).toBe('AISI');
    }
  });

  it('a bad table is an error naming the file and the entry', () => {
    const dir = tempData({ 'publishers.yml': 'hosts:\n  Not A Host: { en: X }\n' });
    expect(() => loadPublisherTable(dir)).toThrow(/publishers\.yml: hosts\.Not A Host/);
  });
});
