import { beforeAll, describe, expect, it } from 'vitest';
import { answerModel, renderAnswerBlocks, renderAnswerText } from '../../src/present/answer.js';
import { escapeMrkdwn, LIMITS, link, truncate } from '../../src/present/mrkdwn.js';
import type { AskResult } from '../../src/query/ask.js';
import { ask } from '../../src/query/ask.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { realIndex, texts } from '../slack/harness.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});

const hostile: AskResult = {
  query: '<!here> please & <@U123>',
  lang: 'en',
  interpretation: { countries: [], regions: [], period: null, terms: ['<!here>'] },
  total: 1,
  results: [
    {
      id: 'x/y/1',
      kind: 'event',
      date: { start: '2026-01-01', end: '2026-01-02' },
      title: 'Title with <!channel> & <https://evil.example|a link>',
      snippet: 'Body <@U999> & more',
      urls: ['https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3', 'https://example.org/b'],
      countries: ['IN'],
      category: 'overseas-report',
      region: 'asia',
      source: { document: 'Doc <b>', section: 'S & T #1', documentId: 'x', line: 1 },
    },
  ],
};

describe('answer messages', () => {
  it('escapeMrkdwn &, < and > everywhere, and link to exactly the source URL', () => {
    const { blocks, text } = renderAnswerBlocks(answerModel(hostile, '2026-11-23', 0, 'U42'));
    const all = [...texts(blocks), text].join('\n');
    expect(all).not.toMatch(/<!channel>|<!here>|<@U999>|<@U123>|<https:\/\/evil/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('“&lt;!here&gt; please &amp; &lt;@U123&gt;”');
    // Slack unescapes &amp; inside the link target, so the link opens exactly the source URL.
    expect(all).toContain(
      '<https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&amp;reg=3|Title with &lt;!channel&gt;',
    );
    expect(all).toContain('2026-01-01 – 2026-01-02');
  });

  it('the console renders the same model as plain text with the exact URLs', () => {
    const text = renderAnswerText(answerModel(hostile, '2026-11-23'));
    expect(text).toContain('https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3');
    expect(text).toContain('Title with <!channel>');
  });

  it('stays within Slack limits whatever the answer', () => {
    const long: AskResult = {
      ...hostile,
      total: 5,
      results: Array.from({ length: 5 }, (_, i) => ({
        ...(hostile.results[0] as AskResult['results'][number]),
        id: `x/y/${i}`,
        title: 'T'.repeat(5000),
        snippet: 'S'.repeat(5000),
        urls: Array.from({ length: 60 }, (_, k) => `https://example.org/${i}/${k}/${'p'.repeat(40)}`),
      })),
    };
    const { blocks, text } = renderAnswerBlocks(answerModel(long, '2026-11-23'));
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (const b of blocks) {
      const t = (b.text as { text?: string } | undefined)?.text;
      if (b.type === 'section') expect(t?.length).toBeLessThanOrEqual(3000);
      if (b.type === 'header') expect(t?.length).toBeLessThanOrEqual(150);
      for (const el of (b.elements as { text?: string | { text: string } }[] | undefined) ?? []) {
        const s = typeof el.text === 'string' ? el.text : el.text?.text;
        if (s) expect(s.length).toBeLessThanOrEqual(LIMITS.contextElementText);
      }
    }
    // A cut never leaves half a link.
    for (const s of texts(blocks)) expect((s.match(/</g) ?? []).length).toBe((s.match(/>/g) ?? []).length);
  });

  it('truncate never cuts inside a link or an entity', () => {
    const s = `${'a'.repeat(20)} ${link('https://example.org/x?a=1&b=2', 'label')} tail`;
    for (let max = 5; max < s.length; max++) {
      const cut = truncate(s, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect((cut.match(/</g) ?? []).length).toBe((cut.match(/>/g) ?? []).length);
      expect(cut).not.toMatch(/&(?:a|am|amp|l|lt|g|gt)?…$/);
    }
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it('echoes the interpretation with flags, period, terms and the count', () => {
    const { blocks } = renderAnswerBlocks(
      answerModel(
        ask(index, 'Korea guidelines December 2025', { today: '2026-11-23', limit: 5 }),
        '2026-11-23',
      ),
    );
    const line = texts(blocks)[0] ?? '';
    expect(line).toContain('🇰🇷 South Korea');
    expect(line).toContain('period: December 2025');
    expect(line).toContain('terms: guidelines');
    expect(line).toMatch(/\d+ results?/);
  });
});
