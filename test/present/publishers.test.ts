import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  linkLabels,
  loadPublisherTable,
  reporterOf,
  siteLabel,
  sourcePublisher,
} from '../../src/present/publishers.js';
import { DATA_DIR, tempData } from '../helpers.js';

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

  it('names the reporter of an item: its document’s publisher, shortened', () => {
    const source = { document: 'digest-2026-01', documentTitle: 'AI政策動向マンスリー情報 2026年1月' };
    expect(reporterOf(source, 'en')).toBe('AISI');
    expect(reporterOf({ document: 'no-such-doc', documentTitle: 'Some document' }, 'en')).toBe(
      'Some document',
    );
  });

  it('a document added while the app runs is named by its publisher at once, not after a restart', () => {
    const data = mkdtempSync(join(tmpdir(), 'policy-bot-publishers-'));
    cpSync(join(DATA_DIR, 'sources.yml'), join(data, 'sources.yml'));
    vi.stubEnv('POLICY_BOT_DATA_DIR', data);
    try {
      const source = { document: 'digest-2099-01', documentTitle: 'AI政策動向マンスリー情報 2099年1月' };
      expect(reporterOf(source, 'en')).toBe(source.documentTitle);
      // The month is added (as `add` writes it): an entry with the digests' publisher.
      const list = parse(readFileSync(join(data, 'sources.yml'), 'utf8')) as {
        documents: { id: string; publisher?: string }[];
      };
      const digest = list.documents.find((d) => d.id.startsWith('digest-') && d.publisher);
      if (!digest) throw new Error('no digest with a publisher in data/sources.yml');
      list.documents.unshift({ ...digest, id: 'digest-2099-01', path: 'digests/2099-01.txt' } as never);
      writeFileSync(join(data, 'sources.yml'), stringify(list));
      const later = new Date(Date.now() + 2000);
      utimesSync(join(data, 'sources.yml'), later, later);
      expect(reporterOf(source, 'en')).toBe('AISI');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a bad table is an error naming the file and the entry', () => {
    const dir = tempData({ 'publishers.yml': 'hosts:\n  Not A Host: { en: X }\n' });
    expect(() => loadPublisherTable(dir)).toThrow(/publishers\.yml: hosts\.Not A Host/);
  });
});
