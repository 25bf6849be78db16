import { beforeAll, describe, expect, it } from 'vitest';
import { answerLines, answerModel, renderAnswerBlocks } from '../../src/present/answer.js';
import { say } from '../../src/present/catalogue.js';
import { formatDate } from '../../src/present/labels.js';
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
      urls: [
        'https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3',
        'https://example.org/b',
        'https://example.org/b/',
      ],
      countries: ['IN'],
      category: 'overseas-report',
      region: 'asia',
      source: { document: 'Doc <b>', section: 'S & T #1', documentId: 'x', line: 1 },
      sources: [
        {
          id: 'x/y/1',
          document: 'Doc <b>',
          documentId: 'x',
          section: 'S & T #1',
          date: { start: '2026-01-01', end: '2026-01-02' },
          urls: ['https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3', 'https://example.org/b'],
        },
        {
          id: 'r/1/2',
          document: 'Report <i> & more',
          documentId: 'r',
          section: '1.2 › <!here>',
          date: null,
          urls: ['https://example.org/b/'],
        },
      ],
    },
  ],
};

describe('answer messages', () => {
  it('escapeMrkdwn &, < and > everywhere, and link to exactly the source URL', () => {
    const { blocks, text } = renderAnswerBlocks(answerModel(hostile, { sharedBy: 'U42' }), {
      answerId: 'A1',
      visibility: 'ephemeral',
    });
    const detail = renderAnswerBlocks(answerModel(hostile), {
      answerId: 'A1',
      visibility: 'public',
      detail: true,
    });
    const all = [...texts(blocks), text, ...texts(detail.blocks)].join('\n');
    expect(all).not.toMatch(/<!channel>|<!here>|<@U999>|<@U123>|<https:\/\/evil/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('“&lt;!here&gt; please &amp; &lt;@U123&gt;”');
    // Slack unescapes &amp; inside the link target, so the link opens exactly the source URL.
    // The link text is the publisher's name (data/publishers.yml); the target is the exact URL.
    expect(all).toContain('<https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&amp;reg=3|PIB India>');
    // The title is the link to the first source, escaped (a | in it cannot end the link).
    expect(all).toContain(
      '*<https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&amp;reg=3|1. Title with &lt;!channel&gt; &amp; &lt;https://evil.example¦a link&gt;>*',
    );
    expect(all).toContain('Jan 1–2, 2026');
    // A merged event lists every source, escaped; one link per page (…/b and …/b/ are one page).
    expect(all).toContain(
      'Sources: Doc &lt;b&gt; · S &amp; T #1 (Jan 1–2, 2026) / Report &lt;i&gt; &amp; more',
    );
    expect(all).toContain('1.2 › &lt;!here&gt; (undated)');
    expect(
      texts(blocks)
        .join('\n')
        .match(/\|example\.org>/g),
    ).toHaveLength(1);
    for (const b of detail.blocks)
      expect(
        texts(b)
          .join('\n')
          .match(/\|example\.org>/g)?.length ?? 0,
      ).toBeLessThanOrEqual(1);
    // …and the page is there: once in the item's section, once in its details.
    expect(
      texts(detail.blocks)
        .join('\n')
        .match(/\|example\.org>/g),
    ).toHaveLength(2);
  });

  it('the console renders the same model as plain text with the exact URLs', () => {
    const text = answerLines(answerModel(hostile)).join('\n');
    expect(text).toContain('https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3');
    expect(text).toContain('Title with <!channel>');
    expect(text).toContain(
      'Sources: Doc <b> · S & T #1 (Jan 1–2, 2026) / Report <i> & more · 1.2 › <!here> (undated)',
    );
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
    const { blocks, text } = renderAnswerBlocks(answerModel(long), {
      answerId: 'A1',
      visibility: 'ephemeral',
    });
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
      answerModel(ask(index, 'Korea guidelines December 2025', { today: '2026-11-23', limit: 5 }), {
        inherited: ['period'],
      }),
      { visibility: 'public' },
    );
    const line = texts(blocks)[0] ?? '';
    expect(line).toContain(
      'Understood: 🇰🇷 South Korea · December 2025 (from your earlier question) · “guidelines”',
    );
    expect(line).toMatch(/\d+ results?/);
  });
});

describe('presentation', () => {
  it('dates read as people write them, per language', () => {
    expect(formatDate({ start: '2026-01-22', end: '2026-01-22' }, 'en')).toBe('Jan 22, 2026');
    expect(formatDate({ start: '2026-01-22', end: '2026-01-22' }, 'ja')).toBe('2026年1月22日');
    expect(formatDate({ start: '2025-12-01', end: '2025-12-31' }, 'en')).toBe('December 2025');
    expect(formatDate({ start: '2025-12-01', end: '2025-12-31' }, 'ja')).toBe('2025年12月');
    expect(formatDate({ start: '2025-11-28', end: '2025-12-03' }, 'en')).toBe('Nov 28 – Dec 3, 2025');
    expect(formatDate({ start: '2026-01-14', end: '2026-01-28' }, 'ja')).toBe('2026年1月14日〜28日');
  });

  it('countries are a flag and a name in the asker’s language, ids sit behind Cite, the English title under the Japanese one', () => {
    const en: AskResult = {
      ...hostile,
      interpretation: { ...hostile.interpretation, countries: ['US', 'KR'] },
      results: [
        {
          ...(hostile.results[0] as AskResult['results'][number]),
          countries: ['US', 'KR'],
          english: 'An English title',
        } as AskResult['results'][number],
      ],
    };
    const { blocks } = renderAnswerBlocks(answerModel(en), { answerId: 'A1', visibility: 'public' });
    const all = texts(blocks).join('\n');
    expect(all).toContain('🇺🇸 US, 🇰🇷 South Korea');
    expect(all).not.toContain('the US');
    // Without English data the keyword line stands in, labelled as a gloss (issue 20).
    expect(all).toContain(`_${say('en', 'gloss')}: An English title_`);
    expect(all).not.toContain('x/y/1');
    const menu = blocks.find(
      (b) => (b.accessory as { action_id?: string } | undefined)?.action_id === 'item_menu',
    )?.accessory as { options: { value: string; url?: string }[] };
    // Cite (the asker's language), Cite in the other language, Open the source.
    expect(menu.options.map((o) => JSON.parse(o.value))).toEqual([
      { i: 'x/y/1', l: 'en' },
      { i: 'x/y/1', l: 'ja' },
      { i: 'x/y/1', l: 'en', u: 1 },
    ]);
    expect(menu.options[2]?.url).toBe('https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3');
    const ja = renderAnswerBlocks(answerModel({ ...en, lang: 'ja' }), { visibility: 'public' });
    const jaText = texts(ja.blocks).join('\n');
    expect(jaText).toContain('🇺🇸 米国・🇰🇷 韓国');
    expect(jaText).not.toContain('An English title');
  });

  it('a private answer pages in place and may be shared; a public one offers neither Previous nor Share', () => {
    const many: AskResult = { ...hostile, total: 12 };
    const actionIds = (visibility: 'public' | 'ephemeral', offset: number) =>
      renderAnswerBlocks(answerModel(many, { offset }), { answerId: 'A1', visibility })
        .blocks.filter((b) => b.type === 'actions' || b.type === 'context_actions')
        .flatMap((b) => (b.elements as { action_id: string }[]).map((e) => e.action_id));
    expect(actionIds('ephemeral', 5)).toEqual([
      'page_previous',
      'show_more',
      'share_answer',
      'answer_menu',
      'answer_feedback',
    ]);
    // Export (the answer menu) is offered wherever the answer has results: it goes to the clicker.
    expect(actionIds('public', 5)).toEqual(['show_more', 'answer_menu', 'answer_feedback']);
    expect(actionIds('public', 11)).toEqual(['answer_menu', 'answer_feedback']);
    // One primary button: Show more while there is more, else Share.
    const primary = (offset: number) =>
      renderAnswerBlocks(answerModel(many, { offset }), { answerId: 'A1', visibility: 'ephemeral' })
        .blocks.flatMap((b) =>
          b.type === 'actions' ? (b.elements as { action_id: string; style?: string }[]) : [],
        )
        .filter((e) => e.style === 'primary')
        .map((e) => e.action_id);
    expect(primary(5)).toEqual(['show_more']);
    expect(primary(11)).toEqual(['share_answer']);
  });

  it('closest items from the answers core are labelled as suggestions when nothing matched', () => {
    const first = hostile.results[0];
    if (!first) throw new Error('fixture has no result');
    const none = { ...hostile, total: 0, results: [], suggestions: [first] } as AskResult;
    const all = texts(renderAnswerBlocks(answerModel(none), { visibility: 'public' }).blocks).join('\n');
    expect(all).toContain('Closest items (suggestions, not answers)');
    expect(all).toContain(
      first.title.slice(0, 10).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
  });
});
