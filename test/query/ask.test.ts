import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { askJson } from '../../src/present/ask-json.js';
import { type AskResult, ask, warmUp, warmUpGently } from '../../src/query/ask.js';
import { buildIndex, type SearchIndex } from '../../src/search/index-store.js';
import { DATA_DIR, memoryIo } from '../helpers.js';
import { monthList, uncoveredMonth } from '../support/corpus-facts.js';

let index: SearchIndex;
beforeAll(async () => {
  await loadTokenizer();
  index = buildIndex(DATA_DIR).index;
});
const TODAY = '2026-11-23';
const run = (q: string, limit = 10) => askJson(ask(index, q, { today: TODAY, limit }));
const urls = (r: AskResult) => r.results.flatMap((x) => x.urls);

describe('answers on the real corpus', () => {
  it('what did Korea do in January → the AI Basic Act, in English and Japanese', () => {
    for (const q of ['what did Korea do in January', '韓国は1月に何をした?']) {
      const r = run(q);
      expect(r.interpretation.countries).toEqual(['KR']);
      expect(r.interpretation.period).toMatchObject({ from: '2026-01-01', to: '2026-01-31' });
      expect(r.results.map((x) => x.id)).toEqual(['digest-2026-01/asia/2']);
      expect(urls(r)).toContain('https://www.korea.kr/news/policyNewsView.do?newsId=148958380');
    }
  });

  it('a question that is only filters lists every match, newest first', () => {
    const r = run('Korea', 50);
    const dated = r.results.filter((x) => x.date);
    expect(dated.length).toBeGreaterThanOrEqual(6);
    const starts = dated.map((x) => x.date?.start as string);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(r.results.every((x) => x.countries.includes('KR'))).toBe(true);
  });

  it.each([
    ['source for SB53', 'https://legiscan.com/CA/text/SB53/2025'],
    ['sb 53', 'https://legiscan.com/CA/text/SB53/2025'],
    ['ＳＢ５３', 'https://legiscan.com/CA/text/SB53/2025'],
    ['NIST AI 800-2', 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.800-2.ipd.pdf'],
    [
      'EN 304 223',
      'https://www.etsi.org/newsroom/press-releases/2627-etsi-releases-world-leading-standard-for-securing-ai',
    ],
    ['Grok', 'https://ec.europa.eu/commission/presscorner/detail/en/ip_26_203'],
    ['RAISE Act', 'https://www.nysenate.gov/legislation/bills/2025/S6953/amendment/B'],
    ['人工知能基本計画', 'https://www8.cao.go.jp/cstp/ai/ai_plan/aiplan_20251223'],
    [
      'レッドチーミング',
      'https://aisi.go.jp/output/output_framework/guide_to_red_teaming_methodology_on_ai_safety/',
    ],
  ])('%s finds %s', (q, url) => {
    expect(urls(run(q))).toContain(url);
  });

  it('a generic verb ranks but does not filter: what did Singapore announce in January', () => {
    const ids = run('What did Singapore announce in January?').results.map((x) => x.id);
    expect(ids[0]).toBe('digest-2026-01/asia/3'); // 発表
    expect(ids).toContain('digest-2026-01/aisi/5'); // 参加: no verb match, still about Singapore in January
  });

  it('a URL in the question is looked up as a source: the event citing it, with every source', () => {
    const r = run('source for https://aisi.go.jp/activity/activity_security/260109');
    // The digest item and the report section are one event (issue 14): one result, two sources.
    expect(r.results.map((x) => x.id)).toEqual(['digest-2026-01/aisi/2']);
    expect(r.results[0]?.sources.map((s) => s.id)).toEqual([
      'digest-2026-01/aisi/2',
      'aisi-annual-report-2025/1.2/1/5',
    ]);
    expect(r.interpretation.terms).toEqual([]);
    const none = run('https://example.com/nothing');
    expect(none.results).toEqual([]);
    expect(none.message).toMatch(/^No item cites that URL\./);
  });

  it('the first result of a code lookup is the item itself', () => {
    expect(run('source for SB53').results[0]?.id).toBe('digest-2026-01/us/1');
    expect(run('cite SB243').results[0]?.id).toBe('digest-2026-01/us/2');
  });

  it('an event overlapping the period matches (the 12/24–26 videos match December 25)', () => {
    expect(run('December 25').results.map((x) => x.id)).toContain('digest-2025-12/aisi/11');
  });

  it.each([
    ['Mexico', `No items about Mexico. The digests cover ${monthList('en')}.`],
    ['メキシコ', `メキシコに関する項目はありません。マンスリー情報の対象期間は${monthList('ja')}です。`],
    [`what happened in ${uncoveredMonth().en}`, `No items dated ${uncoveredMonth().en}.`],
    ['quantum entanglement', /Nothing about “quantum entanglement” \(量子縺れ\) in the corpus\./],
  ])('%s is an honest empty answer', (q, message) => {
    const r = run(q);
    expect(r.results).toEqual([]);
    expect(r.message).toContain(typeof message === 'string' ? message : '');
    if (message instanceof RegExp) expect(r.message).toMatch(message);
  });

  it('keeps the JSON contract', () => {
    const r = run('韓国 1月');
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['query', 'interpretation', 'results']));
    expect(Object.keys(r.interpretation)).toEqual(expect.arrayContaining(['countries', 'period', 'terms']));
    const [first] = r.results;
    expect(first).toBeDefined();
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining(['id', 'kind', 'date', 'title', 'snippet', 'urls', 'countries', 'source']),
    );
    expect(first?.source).toMatchObject({
      document: 'AI政策動向マンスリー情報 2026年1月',
      section: '海外/アジア #2',
    });
  });
});

describe('the ask command', () => {
  it('reads one question per stdin line and prints one JSON line each, in order', async () => {
    const io = memoryIo('SB53\nMexico\n\n韓国 1月\n');
    expect(await main(['ask', '-', '--today', TODAY, '--limit', '3'], io)).toBe(0);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AskResult);
    expect(lines.map((l) => l.query)).toEqual(['SB53', 'Mexico', '', '韓国 1月']);
    expect(lines[2]?.results).toEqual([]);
    expect(lines[2]?.message).toContain('Ask about a country, a period or a topic');
    expect(lines[0]?.results[0]?.id).toBe('digest-2026-01/us/1');
    expect(lines[1]?.results).toEqual([]);
  });

  it('prints a readable answer with interpretation, dates, countries, URLs and source', async () => {
    const io = memoryIo();
    expect(await main(['ask', 'what did Korea do in January', '--today', TODAY], io)).toBe(0);
    const out = io.out();
    expect(out).toContain('Understood: 🇰🇷 South Korea · January 2026');
    expect(out).toContain('Jan 22, 2026 · 🇰🇷 South Korea');
    expect(out).toContain('https://www.korea.kr/briefing/pressReleaseView.do?newsId=156740908');
    expect(out).toContain('AI政策動向マンスリー情報 2026年1月 · 海外/アジア #2');
  });

  it('rejects a malformed --today clearly', async () => {
    const io = memoryIo();
    expect(await main(['ask', 'x', '--today', '2026-13-45'], io)).toBe(1);
    expect(io.err()).toContain('--today must be a date like 2026-01-31');
  });
});

describe('warmUp', () => {
  it('changes no answer: a warmed index and a cold one answer every question alike', async () => {
    const cold = buildIndex(DATA_DIR).index;
    const warm = warmUp(buildIndex(DATA_DIR).index);
    const gentle = await warmUpGently(buildIndex(DATA_DIR).index);
    const questions = [
      'what did Korea do in January',
      'レッドチーミング',
      'SB 53',
      'EU last month',
      'horse racing',
    ];
    for (const q of questions) {
      const a = askJson(ask(cold, q, { today: TODAY }));
      const b = askJson(ask(warm, q, { today: TODAY }));
      expect(b).toEqual(a);
      expect(askJson(ask(gentle, q, { today: TODAY }))).toEqual(a);
    }
    expect(questions.some((q) => askJson(ask(warm, q, { today: TODAY })).results.length > 0)).toBe(true);
  });
});
