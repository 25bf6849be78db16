import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionOf, instrumentOf } from '../../src/analyze/instrument.js';
import { answerLines, answerModel, renderAnswerBlocks } from '../../src/present/answer.js';
import { englishLine } from '../../src/present/english.js';
import type { AskResult } from '../../src/query/ask.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { FIXTURES } from '../helpers.js';

/** Items cut from the real digests (bodies shortened): titles exactly as printed. */
const items = JSON.parse(readFileSync(join(FIXTURES, 'english', 'items.json'), 'utf8')) as StoredItem[];
const byId = (id: string) => {
  const it = items.find((i) => i.id === id);
  if (!it) throw new Error(`fixture ${id} missing`);
  return { ...it, instrument: instrumentOf(it.title) } as StoredItem;
};

describe('the English line', () => {
  it.each([
    ['digest-2026-01/us/1', 'California (the US) · brought into force · law · “SB53”'],
    ['digest-2026-01/europe/1', 'Ofcom (the UK) · opened an investigation into · investigation · “Grok”'],
    ['digest-2025-12/us/2', 'OMB (the US) · published · guideline · “WokeAI”, “M 26 04”'],
    ['digest-2025-12/domestic/5', 'MIC (Japan) · opened a consultation on · consultation'],
    ['digest-2025-07/us/1', 'the US · published · executive order · “AI Action Plan”'],
    ['digest-2025-12/aisi/9', 'J-AISI (Japan) · spoke at · event · “FISC”'],
  ])('%s → %s', (id, line) => {
    expect(englishLine(byId(id))).toBe(line);
  });

  it('never claims an action or an instrument the title does not name', () => {
    for (const it of items) {
      const line = englishLine({ ...it, instrument: instrumentOf(it.title) } as StoredItem);
      const action = actionOf(it.title);
      if (!action) expect(line).not.toMatch(/published|signed|enacted|held|spoke at/);
      // Every quoted name is printed in the title itself.
      for (const m of line.matchAll(/“([^”]+)”/g)) expect(it.title.normalize('NFKC')).toContain(m[1]);
    }
  });

  it('an item with nothing to say in English still gets a line', () => {
    const bare = {
      ...byId('digest-2026-01/us/1'),
      title: '概要',
      countries: [],
      category: 'report-section',
      kind: 'section',
    } as StoredItem;
    expect(englishLine({ ...bare, instrument: undefined } as StoredItem)).toBe('Report section');
  });
});

describe('the instrument of an item', () => {
  it.each([
    ['カリフォルニア州、フロンティアAI透明性法(SB53)を施行', 'law'],
    [
      '総務省、「AIのセキュリティ確保のための技術的対策に係るガイドライン」(案) に対する意見募集',
      'consultation',
    ],
    ['欧州委員会、AI法に基づく汎用AIモデルの提供者の義務範囲に関するガイドラインを発表', 'guideline'],
    ['英国Ofcom、英国オンライン安全法に基づきGrokとXの調査を開始', 'investigation'],
    ['人工知能基本計画が閣議決定', 'strategy'],
    ['ニューヨーク州知事、RAISE法に署名', 'law'],
    ['第4回AISI国際ネットワーク会合に参加', 'event'],
  ])('%s → %s', (title, instrument) => {
    expect(instrumentOf(title)).toBe(instrument);
  });

  it('is absent when the title names none', () => {
    expect(instrumentOf('NIST、2つのAI経済セキュリティセンターの設立を発表')).toBeUndefined();
  });
});

describe('the English line and suggestions in answers', () => {
  const result = (lang: 'en' | 'ja', abstain = false): AskResult => {
    const it = byId('digest-2026-01/us/1');
    const item = {
      id: it.id,
      kind: it.kind,
      date: it.date ?? null,
      title: it.title,
      snippet: '',
      urls: it.urls,
      countries: it.countries,
      category: it.category,
      region: it.region,
      source: { document: 'D', section: 'S #1', documentId: 'd', line: 1 },
      sources: [],
      english: englishLine(it),
    };
    return {
      query: 'q',
      lang,
      interpretation: { countries: [], regions: [], period: null, terms: [] },
      total: abstain ? 0 : 1,
      results: abstain ? [] : [item],
      ...(abstain ? { suggestions: [item], message: 'Nothing in the corpus matches “x”.' } : {}),
    };
  };

  it('English askers see the line under the Japanese title; Japanese askers do not', () => {
    const line = 'California (the US) · brought into force · law · “SB53”';
    expect(answerLines(answerModel(result('en'))).join('\n')).toContain(line);
    expect(answerLines(answerModel(result('ja'))).join('\n')).not.toContain(line);
  });

  it('abstaining answers show the closest items apart, labelled as suggestions', () => {
    const text = answerLines(answerModel(result('en', true))).join('\n');
    expect(text).toContain('Closest items (suggestions, not answers):');
    expect(text).toContain('カリフォルニア州、フロンティアAI透明性法(SB53)を施行');
    const { blocks } = renderAnswerBlocks(answerModel(result('en', true)), { visibility: 'public' });
    const all = JSON.stringify(blocks);
    expect(all).toContain('Closest items (suggestions, not answers)');
    expect(all).toContain('legiscan.com/CA/text/SB53/2025');
  });
});

describe('English askers read English first', () => {
  const it0 = byId('digest-2026-01/us/1');
  const base = {
    id: it0.id,
    kind: it0.kind,
    date: it0.date ?? null,
    title: it0.title,
    snippet: 'カリフォルニア州において施行された。',
    urls: it0.urls,
    countries: it0.countries,
    category: it0.category,
    region: it0.region,
    source: { document: 'D', section: 'S #1', documentId: 'd', line: 1 },
    sources: [],
    english: englishLine(it0),
  };
  const translated = {
    ...base,
    title_en: 'California brings the Frontier AI Transparency Act (SB53) into force',
    summary_en: 'California’s SB53 took effect on 1 January 2026.',
    english_by: 'person' as const,
  };
  const answer = (lang: 'en' | 'ja', items: AskResult['results']): AskResult => ({
    query: 'q',
    lang,
    interpretation: { countries: [], regions: [], period: null, terms: [] },
    total: items.length,
    results: items,
  });
  const lines = (lang: 'en' | 'ja', item: AskResult['results'][number]) =>
    answerLines(answerModel(answer(lang, [item])));

  it('the English title heads the item, the Japanese title beneath, the summary instead of the snippet', () => {
    const out = lines('en', translated);
    expect(out.slice(1, 6)).toEqual([
      '',
      `1. ${translated.title_en}`,
      `   ${base.title}`,
      expect.stringMatching(/^ {3}Jan 1, 2026 · .*US/),
      `   ${translated.summary_en}`,
    ]);
    expect(out.join('\n')).not.toContain(base.snippet);
    expect(out.join('\n')).not.toContain(base.english);
  });

  it('machine-made English says so; English whose source title changed says it is under review', () => {
    expect(lines('en', { ...translated, english_by: 'deepl' })[4]).toMatch(/ · machine translation$/);
    expect(lines('en', { ...translated, english_stale: true })[4]).toContain(
      'English under review: the source title has changed',
    );
    expect(lines('en', translated)[4]).not.toContain('machine translation');
  });

  it('without English, the Japanese title and the keyword line labelled as a gloss', () => {
    const out = lines('en', base);
    expect(out[2]).toBe(`1. ${base.title}`);
    expect(out[3]).toBe(`   Gloss: ${base.english}`);
    expect(out.join('\n')).toContain(base.snippet);
  });

  it('Japanese askers see what they saw before', () => {
    expect(lines('ja', translated)).toEqual(lines('ja', base));
    expect(lines('ja', translated).join('\n')).not.toMatch(/California|Gloss/);
  });
});

describe('the action of a title', () => {
  it('is the main clause’s verb, not one inside a parenthesis', () => {
    expect(
      actionOf(
        'Chief AI Officer ガイドの公開 (Chief AI Officer ガイドブック及び Chief AI Officer 設置・AI ガバナンス実務マニュアル)',
      ),
    ).toBe('published');
    expect(actionOf('ニューヨーク州知事、RAISE法に署名')).toBe('signed');
  });
});
