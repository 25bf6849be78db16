import { describe, expect, it } from 'vitest';
import { baseForms } from '../../src/query/glossary.js';

describe('baseForms', () => {
  it('strips English endings to the forms a glossary may list', () => {
    expect(baseForms('guidelines')).toContain('guideline');
    expect(baseForms('agencies')).toContain('agency');
    expect(baseForms('regulated')).toContain('regulate');
    expect(baseForms('opened')).toContain('open');
    expect(baseForms('training')).toContain('train');
  });

  it('never undoes a doubling that did not happen (scraped is of scrape, not scrap; used is no "us")', () => {
    expect(baseForms('scraped')).toContain('scrape');
    expect(baseForms('scraped')).not.toContain('scrap');
    expect(baseForms('scraping')).not.toContain('scrap');
    expect(baseForms('used')).not.toContain('us');
  });
});
