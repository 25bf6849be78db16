import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { Item } from '../../src/ingest/item.js';
import { citationText } from '../../src/present/citation.js';
import { toStored } from '../../src/search/stored-item.js';
import { DATA_DIR } from '../helpers.js';
import { listedDocumentIds } from '../support/corpus-facts.js';

const corpus = ingestCorpus(DATA_DIR);
const byId = new Map(corpus.items.map((i) => [i.id, i]));
const get = (id: string) => {
  const item = byId.get(id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

describe('the real corpus', () => {
  it('parses without problems and every item satisfies the schema', () => {
    expect(corpus.problems).toEqual([]);
    expect(corpus.documents.map((d) => d.doc.id)).toEqual(listedDocumentIds());
    for (const it of corpus.items) expect(Item.safeParse(it).success).toBe(true);
  });

  // The counts table of the ingestion issue: events per section, in document order.
  it.each([
    [
      'digest-2026-01',
      { aisi: 7, domestic: 2, us: 5, europe: 4, asia: 3, 'domestic-reports': 1, 'overseas-reports': 2 },
      24,
    ],
    [
      'digest-2025-12',
      { aisi: 11, domestic: 5, us: 4, europe: 2, asia: 8, 'domestic-reports': 0, 'overseas-reports': 4 },
      34,
    ],
    [
      'digest-2025-07',
      { aisi: 5, domestic: 2, us: 1, europe: 4, asia: 4, 'domestic-reports': 3, 'overseas-reports': 5 },
      24,
    ],
  ])('%s has the expected events per section', (docId, sections, total) => {
    const items = corpus.items.filter((i) => i.source.document === docId);
    expect(items).toHaveLength(total);
    for (const [slug, n] of Object.entries(sections)) {
      const inSection = items.filter((i) => i.id.startsWith(`${docId}/${slug}/`));
      expect(inSection.map((i) => i.source.ordinal)).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    }
    expect(items.every((i) => i.kind === 'event' && i.date)).toBe(true);
  });

  it('accounts for every non-empty line exactly once (item or reasoned skip), in every document', () => {
    for (const d of corpus.documents) {
      const text = readFileSync(join(DATA_DIR, d.doc.path), 'utf8').split(/\r?\n/);
      const owner = new Map<number, string[]>();
      for (const it of d.items)
        for (const l of it.source.lines) owner.set(l, [...(owner.get(l) ?? []), it.id]);
      for (const s of d.skipped) {
        expect(s.reason.length).toBeGreaterThan(5);
        owner.set(s.line, [...(owner.get(s.line) ?? []), `skip: ${s.reason}`]);
      }
      const unaccounted: string[] = [];
      const doubled: string[] = [];
      text.forEach((line, i) => {
        const owners = owner.get(i + 1) ?? [];
        if (line.trim() && owners.length === 0) unaccounted.push(`${d.doc.path}:${i + 1}: ${line}`);
        if (owners.length > 1) doubled.push(`${d.doc.path}:${i + 1}: ${owners.join(' + ')}`);
      });
      expect(unaccounted).toEqual([]);
      expect(doubled).toEqual([]);
    }
  });

  it('every item of a document with a page names that page, and its citation says so', () => {
    const withPage = corpus.documents.filter((d) => d.doc.url);
    for (const d of withPage) {
      expect(d.items.length).toBeGreaterThan(0);
      for (const it of d.items) {
        expect(it.source.documentUrl).toBe(d.doc.url);
        expect(citationText(toStored(it))).toContain(`Digest page: ${d.doc.url}`);
      }
    }
    for (const d of corpus.documents.filter((x) => !x.doc.url))
      for (const it of d.items) expect(it.source.documentUrl).toBeUndefined();
  });

  it('derives the same ids on every run', () => {
    const again = ingestCorpus(DATA_DIR);
    expect(again.items.map((i) => i.id)).toEqual(corpus.items.map((i) => i.id));
    expect(new Set(corpus.items.map((i) => i.id)).size).toBe(corpus.items.length);
    expect(get('digest-2026-01/asia/2').title).toBe('韓国、AI基本法を施行');
    expect(get('aisi-annual-report-2025/1.2/1/5').title).toBe(
      'AI インシデントレスポンス・アプローチブックを公開',
    );
  });

  it('keeps date ranges', () => {
    expect(get('digest-2026-01/aisi/3').date).toEqual({ start: '2026-01-14', end: '2026-01-28' });
    expect(get('digest-2026-01/aisi/4').date).toEqual({ start: '2026-01-15', end: '2026-01-16' });
    expect(get('digest-2025-12/aisi/4').date).toEqual({ start: '2025-12-04', end: '2025-12-05' });
    expect(get('digest-2025-12/aisi/11').date).toEqual({ start: '2025-12-24', end: '2025-12-26' });
    expect(get('digest-2026-01/us/1').date).toEqual({ start: '2026-01-01', end: '2026-01-01' });
  });

  it('reads the year of each digest from its items', () => {
    const covered = new Map(
      corpus.documents.filter((d) => d.coverage).map((d) => [d.doc.id, d.coverage?.from]),
    );
    expect(covered.get('digest-2026-01')).toBe('2026-01-01');
    expect(covered.get('digest-2025-12')).toBe('2025-12-01');
    expect(covered.get('digest-2025-07')).toBe('2025-07-01');
    // Every digest: the month most of its items start in.
    for (const d of corpus.documents.filter((x) => x.doc.kind === 'digest')) {
      const month = d.coverage?.from.slice(0, 7);
      const starts = d.items.filter((i) => i.date?.start.startsWith(month ?? '?')).length;
      expect(starts * 2, d.doc.id).toBeGreaterThan(d.items.length);
    }
  });

  it('cleans URLs exactly: glued notes, PDF bullets, broken Markdown links, angle brackets', () => {
    const video = get('digest-2025-12/aisi/1');
    expect(video.urls).toEqual(['https://www.youtube.com/watch?v=dpS1S0UEvjU']);
    expect(video.urlNotes).toEqual({ 'https://www.youtube.com/watch?v=dpS1S0UEvjU': '動画' });
    expect(get('digest-2025-12/aisi/2').urls[1]).toBe(
      'https://aisi.go.jp/assets/pdf/251202_Data_quality_management_guidebook.pdf',
    );
    // The PDF layout's " -" bullet is not part of the URL, and ends the item.
    expect(get('digest-2025-07/aisi/1').urls).toEqual([
      'https://www.henkaku.center/en/reports/2025-07-05-AI-Safety-workshop-report-intro/',
    ]);
    expect(get('digest-2025-07/domestic/1').urls).toHaveLength(2);
    const network = get('aisi-annual-report-2025/1.2/3/2');
    const broken =
      'https://www.gov.uk/government/news/efforts-to-share-best-practices-on-ai-measurement-and-evaluations-driven-forward-through-the-international-network-for-advanced-ai-measurement-evalua';
    expect(network.urls).toContain(broken);
    // The same announcement printed whole in the December digest.
    expect(get('digest-2025-12/aisi/4').urls[0]).toBe(broken);
    expect(network.urls).toContain(
      'https://www.aisi.gov.uk/blog/international-ai-network-consensus-and-open-questions',
    );
    expect(get('aisi-annual-report-2025/1.2/1/3').urls).toEqual([
      'https://aisi.go.jp/output/output_information/250912/',
      'https://github.com/Japan-AISI/aisev',
    ]);
    for (const it of corpus.items) {
      for (const u of it.urls) expect(u).toMatch(/^https?:\/\/[^\s<>()（）]+[^\s<>.,-]$|\)$/);
      expect(new Set(it.urls).size).toBe(it.urls.length);
    }
  });

  it('keeps the report heading path and splits at circled numbers and roman numerals', () => {
    expect(get('aisi-annual-report-2025/1.2/1/5').source.section).toEqual([
      '1 AIセーフティ・インスティテュート(AISI)の設置およびこれまでの取り組み',
      '1.2 主要なイベントとアクション',
      '1) 評価手法・ガイドの体系化',
      '⑤ AI インシデントレスポンス・アプローチブックを公開',
    ]);
    expect(get('aisi-annual-report-2025/2.1/3/ii').title).toBe('国際機関などによる取り組み');
    // A heading wrapped onto a second line keeps both lines in its title.
    expect(get('aisi-annual-report-2025/1.2/4/3').title).toBe(
      'AI セーフティに関する活動マップとターミノロジーのチャレンジ (活動の全体像の可視化)',
    );
    expect(corpus.items.filter((i) => i.source.document === 'aisi-annual-report-2025')).toHaveLength(47);
  });

  it('keeps briefing tables as readable text', () => {
    const table = get('briefing-aisi-ai-summits/18');
    expect(table.body).toContain(
      '設立: 日本 AI Safety Institute 2024年2月 / 英国 AI Security Institute 2023年11月',
    );
    expect(table.body).not.toMatch(/<b>|\|---/);
  });

  it.each([
    ['digest-2025-12/asia/1', ['EU', 'SG']],
    ['digest-2025-12/asia/3', ['CN', 'ASEAN']],
    ['digest-2026-01/europe/1', ['GB']],
    ['digest-2026-01/europe/4', ['EU']],
    ['digest-2026-01/us/1', ['US']],
    ['digest-2026-01/aisi/5', ['JP', 'SG']],
    ['digest-2026-01/domestic/1', ['JP', 'ASEAN']],
    ['digest-2026-01/asia/2', ['KR']],
    ['digest-2025-12/aisi/4', ['JP']],
    ['digest-2025-07/aisi/4', ['JP', 'CA']],
    ['digest-2025-12/overseas-reports/1', ['US', 'AU', 'CA', 'DE', 'NL', 'GB', 'NZ']],
    ['digest-2025-07/overseas-reports/5', ['DE']],
  ])('%s is about %j', (id, countries) => {
    expect(get(id).countries).toEqual(countries);
  });

  it('derives the region of overseas reports from their countries', () => {
    expect(get('digest-2026-01/overseas-reports/2').region).toBe('asia');
    expect(get('digest-2025-12/overseas-reports/1').region).toBe('international');
    expect(get('digest-2025-07/overseas-reports/1').region).toBe('international');
    expect(get('digest-2025-12/asia/1').region).toBe('asia');
  });
});
