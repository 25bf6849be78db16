import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main } from '../../src/cli.js';
import { eventsOf } from '../../src/events/group.js';
import { countryName } from '../../src/geo/gazetteer.js';
import { contextOf, renderCitationBlocks } from '../../src/present/citation.js';
import { citeCsl, citeLine, citeMarkdown, mdText } from '../../src/present/cite-formats.js';
import { cite } from '../../src/query/cite.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { memoryIo } from '../helpers.js';
import { realIndex, texts } from '../slack/harness.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});
const TODAY = '2026-11-23';

/** CSL-JSON's item types (csl-data.json); a reference manager rejects any other. */
const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;

/** The csl-data.json schema's required fields (id, type), the title, and well-formed dates and URL. */
const datePart = z
  .array(z.number().int())
  .min(1)
  .max(3)
  .refine(
    ([y, m, d]) =>
      (y as number) > 1900 &&
      (m === undefined || (m >= 1 && m <= 12)) &&
      (d === undefined || (d >= 1 && d <= 31)),
  );
const CslItem = z.object({
  id: z.string().min(1),
  type: z.enum(CSL_TYPES),
  title: z.string().min(1),
  issued: z.object({ 'date-parts': z.array(datePart).min(1).max(2) }).optional(),
  URL: z.string().url().optional(),
  author: z.array(z.object({ literal: z.string().min(1) })).optional(),
  'container-title': z.string().optional(),
  'original-title': z.string().min(1).optional(),
});
const CslData = z.array(CslItem).min(1);

describe('citation formats', () => {
  it('CSL-JSON validates for every item of the corpus, with its exact first URL and its date', () => {
    for (const item of index.items) {
      const c = cite(index, item.id, TODAY);
      const csl = CslData.parse(
        JSON.parse(JSON.stringify(citeCsl(c.item as StoredItem, 'en', contextOf(c)))),
      );
      const one = csl[0];
      expect(one?.id).toBe(c.item?.id);
      if (c.item?.urls[0]) expect(one?.URL).toBe(c.item.urls[0]);
      if (c.item?.date)
        expect(one?.issued?.['date-parts'][0]).toEqual(c.item.date.start.split('-').map(Number));
    }
  });

  it('an undated report section is issued on its document’s publication date when known', () => {
    const section = index.items.find((i) => !i.date && !eventsOf(index).of(i.id)?.members[1]) as StoredItem;
    const published = index.manifest.documents.find((d) => d.id === section.source.document)?.published;
    const c = cite(index, section.id, TODAY);
    const csl = citeCsl(c.item as StoredItem, 'en', contextOf(c))[0];
    if (published) expect(csl?.issued?.['date-parts'][0]).toEqual(published.split('-').map(Number));
    else expect(csl?.issued).toBeUndefined();
  });

  it('a merged event cites its primary and notes the other sources', () => {
    for (const g of eventsOf(index).merged) {
      const c = cite(index, g.members[1]?.item.id as string, TODAY);
      const csl = citeCsl(c.item as StoredItem, 'en', contextOf(c))[0];
      expect(csl?.id).toBe(g.id);
      for (const m of g.members.slice(1)) expect(csl?.note).toContain(m.item.source.documentTitle);
    }
  });

  it('one line in the asker’s language: the reporter, its own title, date, document, exact URL', () => {
    const c = cite(index, 'aisi-annual-report-2025/1.2/1/5', TODAY);
    const { en: _en, ...item } = c.item as StoredItem;
    const url = item.urls[0] as string;
    const doc = item.source.documentTitle;
    // AISI's own page: AISI reports it and publishes the page.
    expect(citeLine(item, 'en', contextOf(c))).toBe(
      `AISI, "${item.title}" (${item.date?.start}), ${doc}, ${url}`,
    );
    expect(citeLine(item, 'ja', contextOf(c))).toBe(
      `AISI「${item.title}」(${item.date?.start})『${doc}』 ${url}`,
    );
  });

  it('names the linked page’s publisher by its host and AISI as the reporter — never a country', () => {
    // Issue 21 (4): this citation read `US, "カリフォルニア州、…(SB53)を施行" (2026-01-01), https://legiscan.com/…`.
    const c = cite(index, 'digest-2026-01/us/1', TODAY);
    // Its own headline: the item without its English (data/english/), tested on its own below.
    const { en: _en, ...item } = c.item as StoredItem;
    expect(item.urls[0]).toMatch(/^https:\/\/legiscan\.com\//);
    const en = citeLine(item, 'en', contextOf(c));
    expect(en).toBe(
      `AISI, "${item.title}" (${item.date?.start}), ${item.source.documentTitle}; source: LegiScan, ${item.urls[0]}`,
    );
    expect(citeLine(item, 'ja', contextOf(c))).toContain(`出典: LegiScan ${item.urls[0]}`);
    expect(citeMarkdown(item, 'en', contextOf(c))).toContain('— LegiScan; reported by AISI');
    // No citation of the corpus is authored by a country or a region.
    const places = new Set(
      index.items.flatMap((i) => i.countries.map((k) => countryName(k, 'en').replace(/^the /, ''))),
    );
    for (const it of index.items) {
      const who = citeLine(it, 'en').split(',')[0] as string;
      expect(places.has(who), `${it.id}: ${who}`).toBe(false);
    }
    // An English title, when the item has one, is what an English asker's citation quotes.
    const withEnglish: StoredItem = {
      ...item,
      en: {
        title: 'California brings SB 53 into force',
        summary: 'A summary.',
        by: 'person',
        date: '2026-02-01',
      },
    };
    expect(citeLine(withEnglish, 'en')).toContain(`"California brings SB 53 into force" [${item.title}]`);
    expect(citeLine(withEnglish, 'ja')).toContain(`「${item.title}」`);
  });

  it('English readers get the English title with the original beside it; Japanese readers the original', () => {
    const c = cite(index, 'aisi-annual-report-2025/1.2/1/5', TODAY);
    const item = c.item as StoredItem;
    const en = item.en?.title as string;
    expect(en).toMatch(/[A-Za-z]/);
    const url = item.urls[0] as string;
    const doc = item.source.documentTitle;
    // The reporter's format (issue 21) with both titles (issue 20).
    expect(citeLine(item, 'en', contextOf(c))).toBe(
      `AISI, "${en}" [${item.title}] (${item.date?.start}), ${doc}, ${url}`,
    );
    expect(citeLine(item, 'ja', contextOf(c))).not.toContain(en);
    expect(citeMarkdown(item, 'en')).toBe(
      `[${en}](${url}) \\[${item.title}\\] — ${mdText(`reported by AISI, ${doc}, ${item.date?.start}`)}`,
    );
    const csl = citeCsl(item, 'en')[0];
    expect(csl?.title).toBe(en);
    expect(csl?.['original-title']).toBe(item.title);
    expect(citeCsl(item, 'ja')[0]).toMatchObject({ title: item.title });
    expect(citeCsl(item, 'ja')[0]?.['original-title']).toBeUndefined();
    // Machine-made English is said to be so in the reference's note, a person's is not (set here:
    // whether the data's entry has been reviewed yet is not what is tested).
    const by = (who: 'person' | 'deepl' | 'llm'): StoredItem => ({
      ...item,
      en: { ...(item.en as NonNullable<StoredItem['en']>), by: who },
    });
    expect(citeCsl(by('llm'), 'en')[0]?.note).toBe(
      'English title: machine translation (a language model), not yet reviewed',
    );
    expect(citeCsl(by('deepl'), 'en')[0]?.note).toContain('English title: machine translation (DeepL)');
    expect(citeCsl(by('person'), 'en')[0]?.note).toBeUndefined();
    expect(citeCsl(by('llm'), 'ja')[0]?.note).toBeUndefined();
    // English written from a title the source has since changed is left out of citations.
    const changed = { ...item, en: { ...(item.en as NonNullable<StoredItem['en']>), stale: true as const } };
    expect(citeLine(changed, 'en')).not.toContain(en);
    expect(citeCsl(changed, 'en')[0]?.title).toBe(item.title);
  });

  it('every item of the corpus is cited with its English for English readers', () => {
    expect(index.items.filter((i) => i.en).length).toBeGreaterThan(0);
    for (const item of index.items) {
      const csl = citeCsl(item, 'en')[0];
      expect(csl?.title, item.id).toBe(item.en?.stale ? item.title : (item.en?.title ?? item.title));
    }
  });

  it('Markdown links survive brackets, parentheses and spaces', () => {
    const base = index.items.find((i) => i.kind === 'event' && i.date && i.urls[0]) as StoredItem;
    const { en: _en, ...plain } = base;
    const hostile: StoredItem = {
      ...plain,
      title: 'A [draft] guide (v2) *bold* `code`',
      urls: ['https://example.org/a_(b) c?x=1&y=2'],
    };
    const md = citeMarkdown(hostile, 'en');
    const m = md.match(/^\[((?:\\.|[^\]\\])*)\]\((\S+)\) — /);
    expect(m, md).not.toBeNull();
    expect(m?.[1]?.replace(/\\(.)/g, '$1')).toBe(hostile.title);
    expect(decodeURI(m?.[2] as string)).toBe('https://example.org/a_(b) c?x=1&y=2');
    // With an English title as hostile, and the original in escaped brackets after the link.
    const both: StoredItem = {
      ...hostile,
      en: { title: 'The [draft] guide *v2*', summary: 's', by: 'person', date: '2026-12-07' },
    };
    const md2 = citeMarkdown(both, 'en');
    const m2 = md2.match(/^\[((?:\\.|[^\]\\])*)\]\((\S+)\) \\\[((?:\\.|[^\]\\])*)\\\] — /);
    expect(m2, md2).not.toBeNull();
    expect(m2?.[1]?.replace(/\\(.)/g, '$1')).toBe('The [draft] guide *v2*');
    expect(m2?.[3]?.replace(/\\(.)/g, '$1')).toBe(hostile.title);
  });

  it('the Slack citation shows the one-liner in a code block, escaped for mrkdwn', () => {
    const c = cite(index, 'digest-2026-01/us/1', TODAY);
    const line = citeLine(c.item as StoredItem, 'en', contextOf(c));
    const all = texts(renderCitationBlocks(c).blocks).join('\n');
    const esc = line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(all).toContain(`\`\`\`${esc}\`\`\``);
  });
});

describe('policy-bot cite', () => {
  it('--format text|md|csl-json print the three forms; a bad format is refused', async () => {
    const id = eventsOf(index).merged[0]?.members[1]?.item.id ?? (index.items[0] as StoredItem).id;
    const primary = eventsOf(index).of(id)?.primary as StoredItem;
    const text = memoryIo();
    expect(await main(['cite', id, '--format', 'text'], text)).toBe(0);
    expect(text.out().trim()).toBe(citeLine(primary, 'en', contextOf(cite(index, id, TODAY))));
    const md = memoryIo();
    expect(await main(['cite', id, '--format', 'md', '--lang', 'ja'], md)).toBe(0);
    expect(md.out()).toMatch(/^\[.+\]\(https:\/\/\S+\) — /);
    const csl = memoryIo();
    expect(await main(['cite', id, '--format', 'csl-json'], csl)).toBe(0);
    expect(CslData.parse(JSON.parse(csl.out()))[0]?.id).toBe(primary.id);
    const full = memoryIo();
    expect(await main(['cite', id], full)).toBe(0);
    for (const m of eventsOf(index).of(id)?.members ?? [])
      expect(full.out()).toContain(m.item.source.documentTitle);
    const bad = memoryIo();
    expect(await main(['cite', id, '--format', 'bibtex'], bad)).toBe(2);
    expect(bad.err()).toContain('--format must be one of text, md, csl-json');
  });
});
