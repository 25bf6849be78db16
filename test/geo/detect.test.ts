import { beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_CASES } from '../../bench/heldout.js';
import { loadNatural } from '../../bench/natural.js';
import { QUALITY_CASES } from '../../bench/questions.js';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { countriesIn, type FindOptions, findMentions, type Mention } from '../../src/geo/detect.js';
import { allNames } from '../../src/geo/gazetteer.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { DATA_DIR } from '../helpers.js';

/**
 * The scan before the first-character table: every name searched through the whole text with
 * indexOf, candidates in name order. Kept here as the reference the fast scan must equal
 * (abbreviation lists and venues are handled by the same code in both, after the scan).
 */
function referenceNameCandidates(text: string, mode: FindOptions['mode']): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (const name of allNames()) {
    // The case rule as findMentions applies it; a question's lowercase agency codes are the one
    // exception, which the comparison below leaves to the fast scan's own test (codes listed).
    const caseSensitive = name.cased && mode === 'document';
    const properNoun = mode === 'document' && name.lang === 'en' && !name.cased;
    const hay = caseSensitive ? text : lower;
    const needle = caseSensitive ? name.text : name.text.toLowerCase();
    let from = 0;
    for (;;) {
      const at = hay.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      if (properNoun && !/[A-Z]/.test(text[at] ?? '')) continue;
      out.push(`${at}:${at + needle.length}:${name.code}`);
    }
  }
  return out;
}

const spans = (ms: Mention[]) => ms.map((m) => `${m.start}:${m.end}:${m.code}:${m.text}`);

describe('findMentions', () => {
  const { items } = ingestCorpus(DATA_DIR);
  const texts = items.map((it) => `${it.title}\n${it.body}`);

  it('finds, in every item of the corpus, only names the per-name reference scan finds there', () => {
    let mentions = 0;
    for (const text of texts) {
      const found = findMentions(text, { mode: 'document' });
      const reference = new Set(referenceNameCandidates(text, 'document'));
      for (const m of found) {
        // Abbreviations (米, 英…) come from the list/glued patterns, not from the name scan.
        if (m.end - m.start === 1 || /^(?:NZ|EU|US|UK)$/.test(m.text)) continue;
        expect(reference.has(`${m.start}:${m.end}:${m.code}`), `${m.text} in ${text.slice(0, 40)}`).toBe(
          true,
        );
        mentions++;
      }
    }
    // The corpus names countries: a scan that found nothing would pass the loop above.
    expect(mentions).toBeGreaterThan(items.length / 4);
  });

  it('picks the longest name at a place, and the earlier-listed name of two equally long ones', () => {
    expect(
      spans(findMentions('米国カリフォルニア州とEUのAI法', { mode: 'document' })).map((s) => s.split(':')[3]),
    ).toEqual(expect.arrayContaining(['EU']));
    const ny = findMentions('New York and York', { mode: 'question' });
    expect(ny[0]?.text).toBe('New York');
    expect(ny[0]?.end).toBe(8);
    // Overlapping shorter names inside a longer one are not reported again.
    expect(ny.filter((m) => m.start < 8).length).toBe(1);
  });

  it('reads questions in any case, agency codes of four letters or more in lowercase too', () => {
    const questions = [
      ...QUALITY_CASES.map((c) => c.q),
      ...HELDOUT_CASES.map((c) => c.q),
      ...loadNatural().questions.map((q) => q.q),
    ];
    let named = 0;
    for (const q of questions) {
      const found = findMentions(q, { mode: 'question' });
      // In text order and never overlapping.
      for (let i = 1; i < found.length; i++)
        expect((found[i] as Mention).start).toBeGreaterThanOrEqual((found[i - 1] as Mention).end);
      named += found.length;
    }
    expect(named).toBeGreaterThan(questions.length / 5);
    expect(countriesIn('what did korea and the uk do', { mode: 'question' })).toEqual(['KR', 'GB']);
    expect(countriesIn('what did Korea and the UK do', { mode: 'question' })).toEqual(['KR', 'GB']);
  });
});

describe('a kanji name glued to more kanji in a question', () => {
  beforeAll(loadTokenizer);
  it('is a place only where it is a word of its own (大分県 and 大分の, not 大分岐)', () => {
    const codes = (q: string) => findMentions(q, { mode: 'question' }).map((m) => m.text);
    expect(codes('大分岐のレポート')).toEqual([]);
    expect(codes('大分県のAI')).toContain('大分県');
    expect(codes('大分のAI')).toContain('大分');
    // (a direction before a name is read as an area, in places.ts)
    expect(codes('西日本のAI')).toContain('日本');
    expect(codes('米国製のAI')).toContain('米国');
    // a word of kuromoji's that holds the whole name keeps it (日本人, 北海道庁, 大分県庁)
    for (const [q, name] of [
      ['日本人のAI利用', '日本'],
      ['北海道庁のAI', '北海道'],
      ['大分県庁のAI', '大分県'],
      ['東京都内の自治体', '東京都'],
      ['中国共産党のAI', '中国'],
    ] as const)
      expect(codes(q), q).toContain(name);
  });
});

describe('a one-kanji country typed alone in a question (英 12月, 韓 7月なんかある？)', () => {
  beforeAll(async () => {
    await loadTokenizer();
  });
  it('is the country in a question, never inside a word, and not read so in a document', () => {
    const q = (t: string) => countriesIn(t, { mode: 'question' });
    expect(q('英 12月の動き')).toEqual(['GB']);
    expect(q('韓 7月 なんかある？')).toEqual(['KR']);
    expect(q('米の大統領令')).toEqual(['US']);
    expect(q('印、12月')).toEqual(['IN']);
    // 中 and 日 alone are as often "inside" and "day"
    expect(q('検討中の指針')).toEqual([]);
    expect(q('15日の発表')).toEqual([]);
    expect(q('中 12月')).toEqual(['CN']);
    expect(countriesIn('英 12月の動き', { mode: 'document' })).toEqual([]);
  });
});

describe('a katakana name glued to more katakana', () => {
  beforeAll(loadTokenizer);
  it('is the country where kuromoji reads the name as its own word (オランダ|デジタルインフラ庁)', () => {
    const doc: FindOptions = { mode: 'document' };
    expect(countriesIn('オランダデジタルインフラ庁は8月25日、指針を公表した。', doc)).toEqual(['NL']);
    // (not the start of a longer name: インドネシア is no India, ドイツテレコム a company)
    expect(countriesIn('インドネシアの通信省', doc)).toEqual(['ID']);
    expect(countriesIn('ドイツテレコムが発表', doc)).toEqual([]);
  });
});
