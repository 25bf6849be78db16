import { describe, expect, it } from 'vitest';
import {
  linkLabels,
  loadPublisherTable,
  reporterOf,
  siteLabel,
  sourcePublisher,
} from '../../src/present/publishers.js';
import { tempData } from '../helpers.js';

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

  it('a bad table is an error naming the file and the entry', () => {
    const dir = tempData({ 'publishers.yml': 'hosts:\n  Not A Host: { en: X }\n' });
    expect(() => loadPublisherTable(dir)).toThrow(/publishers\.yml: hosts\.Not A Host/);
  });
});
