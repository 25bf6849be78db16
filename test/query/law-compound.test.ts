import { describe, expect, it } from 'vitest';
import { itemText, useRealCorpus } from '../support/real-corpus.js';

const corpus = useRealCorpus();
const together = (text: string) => text.replace(/[\s・]+/g, '');

describe('a law named by a word and 法 (AI法, the AI Act) is that law written together', () => {
  it.each(['ai act', 'AI法', 'the eu ai act'])('%s: every answer writes AI法 as one word', (q) => {
    const r = corpus.ask(q);
    expect(r.results.length).toBeGreaterThan(0);
    for (const it of corpus.itemsOf(r.results)) expect(together(itemText(it))).toContain('ai法');
  });

  it('an item that says AI and 法 apart (another law about AI) is not an answer to it', () => {
    // derived from the corpus: items with both words but never written together
    const apart = corpus
      .index()
      .items.filter((it) => {
        const t = itemText(it);
        return t.includes('ai') && t.includes('法') && !together(t).includes('ai法');
      })
      .map((it) => it.id);
    expect(apart.length).toBeGreaterThan(0);
    const ids = corpus.ask('ai act').results.map((r) => r.id);
    for (const id of apart) expect(ids).not.toContain(id);
  });
});

describe('a Latin name written with 法 in a Japanese question is read as that law', () => {
  /** Latin law names the corpus's titles write together with 法 (RAISE法, AI法). */
  const names = () => [
    ...new Set(
      corpus
        .index()
        .items.flatMap((it) => [
          ...it.title.normalize('NFKC').matchAll(/([A-Za-z][A-Za-z0-9]{1,})法(?![案律人])/g),
        ])
        .map((m) => m[1] as string),
    ),
  ];

  it('the corpus writes some (else this proves nothing)', () => {
    expect(names().length).toBeGreaterThan(0);
  });

  it('each, asked in Japanese, is answered by items writing it together', () => {
    for (const name of names()) {
      const r = corpus.ask(`${name}法について`);
      expect(r.results.length, name).toBeGreaterThan(0);
      expect(together(itemText(corpus.itemsOf(r.results)[0] as never)), name).toContain(
        `${name.toLowerCase()}法`,
      );
    }
  });

  it('a name of four letters or more misspelt by one letter before Act is read as the name', () => {
    for (const name of names().filter((n) => n.length >= 5 && /^[A-Z]+$/.test(n))) {
      const typo = name.slice(0, -1);
      const r = corpus.ask(`${typo} Act`);
      const g = r.interp.groups.find((x) => x.label === typo);
      expect(g?.readAs, typo).toBe(name);
      expect(r.results.length, typo).toBeGreaterThan(0);
    }
  });
});
