import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerModel, renderAnswerBlocks, renderShareSummary } from '../../src/present/answer.js';
import { renderCitationBlocks } from '../../src/present/citation.js';
import type { AskResult } from '../../src/query/ask.js';
import type { CiteResult } from '../../src/query/cite.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { renderDigest } from '../../src/weekly/render.js';
import { FIXTURES } from '../helpers.js';

/**
 * The Block Kit of a fixed set of answers, kept as fixtures (test/fixtures/slack-layout/) so a
 * layout change shows up in review as a diff of what Slack is sent. The inputs are answers
 * captured once from the real corpus (inputs.json), so adding a month changes nothing here.
 * After an intended layout change: `npx vitest run test/present/layout-snapshots -u`, then read
 * the diff. To capture the inputs again: `CAPTURE_LAYOUT_INPUTS=1 npx vitest run
 * test/present/layout-snapshots`.
 */

const DIR = join(FIXTURES, 'slack-layout');
const INPUTS = join(DIR, 'inputs.json');

interface Inputs {
  answers: Record<
    string,
    { result: AskResult; offset?: number; inherited?: ('places' | 'period' | 'terms')[] }
  >;
  citation: CiteResult;
  digest: { items: StoredItem[]; week: { from: string; to: string } };
}

/** Captures the inputs from the real corpus (only when asked to). */
async function capture(): Promise<void> {
  const { ask } = await import('../../src/query/ask.js');
  const { cite } = await import('../../src/query/cite.js');
  const { weekItems } = await import('../../src/weekly/select.js');
  const { realIndex } = await import('../slack/harness.js');
  const index = await realIndex();
  const today = '2026-11-23';
  const strip = ({ interp: _i, ...r }: AskResult & { interp?: unknown }) => r as AskResult;
  const sb53 = strip(ask(index, 'SB53', { today, limit: 5 }));
  const first = sb53.results[0] as AskResult['results'][number];
  const inputs: Inputs = {
    answers: {
      'en-us-page1': { result: strip(ask(index, 'US', { today, limit: 5 })) },
      'en-us-page2-followup': {
        result: strip(ask(index, 'US', { today, limit: 5, offset: 5 })),
        offset: 5,
        inherited: ['places'],
      },
      'ja-korea-january': { result: strip(ask(index, '韓国は1月に何をした?', { today, limit: 5 })) },
      'ja-red-teaming': { result: strip(ask(index, 'レッドチーミング', { today, limit: 5 })) },
      'en-suggestions-only': {
        result: strip(ask(index, 'red teaming penguins submarines', { today, limit: 5 })),
      },
      // English title and summary as the corpus will carry them (issue "English for English askers").
      'en-english-title-and-summary': {
        result: {
          ...sb53,
          results: [
            {
              ...first,
              title_en: 'California brings the Transparency in Frontier AI Act (SB 53) into force',
              summary_en:
                'The act requires large frontier AI developers to publish safety frameworks and report critical incidents (January 2026).',
              // Machine-made, not yet reviewed: the item says so.
              english_by: 'llm',
            },
          ],
        },
      },
    },
    citation: (() => {
      const c = cite(index, 'digest-2026-01/us/1', today);
      return { ...c, lang: 'en' };
    })(),
    digest: (() => {
      const week = { from: '2026-01-12', to: '2026-01-18' };
      return { week, items: weekItems(index.items, null, week) };
    })(),
  };
  mkdirSync(DIR, { recursive: true });
  writeFileSync(INPUTS, `${JSON.stringify(inputs, null, 2)}\n`);
}

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

describe('Block Kit layout snapshots (test/fixtures/slack-layout/)', async () => {
  // Inputs are captured only when asked: a missing file re-captured here would make every
  // snapshot below pass against whatever the code now renders.
  if (process.env.CAPTURE_LAYOUT_INPUTS) await capture();
  else if (!existsSync(INPUTS))
    throw new Error(
      `${INPUTS} is missing: capture it with CAPTURE_LAYOUT_INPUTS=1 npx vitest run test/present/layout-snapshots.test.ts`,
    );
  const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as Inputs;

  for (const [name, a] of Object.entries(inputs.answers)) {
    it(`answer: ${name}`, async () => {
      const m = answerModel(a.result, {
        ...(a.offset ? { offset: a.offset } : {}),
        ...(a.inherited ? { inherited: a.inherited } : {}),
      });
      const visibility = a.offset ? 'public' : 'ephemeral';
      await expect(json(renderAnswerBlocks(m, { answerId: 'A1', visibility }))).toMatchFileSnapshot(
        join(DIR, `answer-${name}.json`),
      );
    });
  }

  it('Share: the compact message and the details in its thread', async () => {
    const a = inputs.answers['en-us-page1'];
    if (!a) throw new Error('inputs.json has no en-us-page1');
    const m = answerModel(a.result, { sharedBy: 'U0SHARER' });
    await expect(json(renderShareSummary(m))).toMatchFileSnapshot(join(DIR, 'share-summary.json'));
    await expect(
      json(renderAnswerBlocks(m, { answerId: 'A2', visibility: 'public', detail: true })),
    ).toMatchFileSnapshot(join(DIR, 'share-details.json'));
  });

  it('citation', async () => {
    await expect(json(renderCitationBlocks(inputs.citation))).toMatchFileSnapshot(join(DIR, 'citation.json'));
  });

  it('weekly digest', async () => {
    const parts = renderDigest(inputs.digest.items, inputs.digest.week, { lang: 'en' });
    await expect(json(parts)).toMatchFileSnapshot(join(DIR, 'digest-en.json'));
    const ja = renderDigest(inputs.digest.items, inputs.digest.week, {
      lang: 'ja',
      filtersLabel: '🇺🇸 米国',
      places: { countries: ['US'], regions: [] },
    });
    await expect(json(ja)).toMatchFileSnapshot(join(DIR, 'digest-ja-us-first.json'));
  });
});
