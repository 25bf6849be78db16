import { describe, expect, it } from 'vitest';
import { countriesIn } from '../../src/geo/detect.js';
import { homeCountry, LONG_BODY, placeNearConcept } from '../../src/query/passages.js';
import type { TermGroup } from '../../src/query/understand.js';
import { useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();
const concept = (form: string): TermGroup => ({
  label: form,
  alternatives: [[form]],
  boost: [],
  weak: false,
  untranslated: false,
});
const named = (s: string) => countriesIn(s.normalize('NFKC'), { mode: 'document', skipVenues: true });
/** A two-kanji-or-more word of a line (what a concept's form looks like). */
const wordOf = (line: string) => line.normalize('NFKC').match(/[\u4e00-\u9fff]{3,}/)?.[0];

describe('a long section answers a place and a subject only where one passage names both', () => {
  /** Long sections that name a foreign country in one body line only, not in the title. */
  const cases = () => {
    const home = homeCountry(corpus.index());
    return corpus
      .index()
      .items.filter((it) => it.kind === 'section' && it.body.length > LONG_BODY)
      .flatMap((it) => {
        const lines = it.body.split(/\n+/).filter((l) => l.trim());
        return lines.flatMap((line) =>
          named(line)
            .filter((c) => c !== home && !named(it.title).includes(c))
            .filter((c) => lines.filter((l) => named(l).includes(c)).length === 1)
            .map((c) => ({ it, c, line, others: lines.filter((l) => !named(l).includes(c)) })),
        );
      });
  };

  it('the corpus has such sections (else this test would prove nothing)', () => {
    expect(cases().length).toBeGreaterThan(0);
  });

  it('a word of the passage naming the country: answers', () => {
    let checked = 0;
    for (const { it, c, line } of cases()) {
      const w = wordOf(line);
      if (!w) continue;
      checked++;
      expect(placeNearConcept(it, [c], [concept(w)])).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a word only found in other passages: no answer', () => {
    let checked = 0;
    for (const { it, c, line, others } of cases()) {
      const w = others.map(wordOf).find((x) => x && !line.normalize('NFKC').includes(x));
      if (!w) continue;
      checked++;
      expect(placeNearConcept(it, [c], [concept(w)])).toBe(false);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('short items and the home country are never checked', () => {
    const short = corpus.index().items.find((it) => it.body.length <= LONG_BODY);
    expect(short && placeNearConcept(short, ['US'], [concept('存在しない語')])).toBe(true);
    expect(homeCountry(corpus.index())).toBe('JP');
  });
});
