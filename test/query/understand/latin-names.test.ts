import { describe, expect, it } from 'vitest';
import { itemText, useRealCorpus } from '../../support/real-corpus.js';

const corpus = useRealCorpus();

describe('a name typed with two letters swapped', () => {
  // Names the digests print in Latin letters; a test checks only those the corpus holds.
  const names = ['etsi', 'ofcom', 'caisi', 'anthropic', 'openai', 'deepmind'];

  it('is read as the corpus name it becomes (ESTI → ETSI), and its items answer', () => {
    const held = names.filter((n) => corpus.corpusHas(n));
    expect(held.length).toBeGreaterThan(0);
    let checked = 0;
    for (const name of held) {
      const typed = `${name[0]}${name[2]}${name[1]}${name.slice(3)}`.toUpperCase();
      const r = corpus.ask(`what did ${typed} publish on AI`);
      const group = r.interp.groups.find((g) => g.label.toUpperCase() === typed);
      // (a swap that is a word of its own, or another name's swap, is left as typed)
      if (!group || group.readAs?.toLowerCase() !== name) continue;
      checked += 1;
      expect(r.interpretation.missing).not.toContain(group.label);
      // and the answer says how the word was read, in the case it was typed
      const words = r.notices?.find((n) => n.code === 'wordsRead');
      expect(words?.args?.readAs).toEqual({ [typed]: name.toUpperCase() });
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(name);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a dictionary word is never read as a name one swap away', () => {
    // "form" is a word: it stays a concept as typed, never becomes "from" or a name.
    const r = corpus.ask('Form guidance');
    expect(r.interp.groups.find((g) => g.label === 'Form')?.readAs).toBeUndefined();
  });
});

describe('a name the corpus prints as one word, typed as two', () => {
  it('is read as the name (deep mind → DeepMind, open ai → OpenAI)', () => {
    const names = [
      ['deep mind', 'deepmind'],
      ['open ai', 'openai'],
    ].filter(([, joined]) => corpus.corpusHas(joined as string));
    expect(names.length).toBeGreaterThan(0);
    for (const [typed, joined] of names) {
      const r = corpus.ask(`${typed} uk`);
      expect(r.interp.groups.map((g) => g.label.toLowerCase())).toContain(joined);
      expect(r.results.length).toBeGreaterThan(0);
      for (const item of corpus.itemsOf(r.results)) expect(itemText(item)).toContain(joined as string);
    }
  });

  it('two words that are a glossary phrase stay the phrase (red teaming)', () => {
    expect(corpus.ask('red teaming guide').interp.groups.map((g) => g.label)).toContain('red teaming');
  });
});

describe('a name typed with a letter left out or one too many', () => {
  it('is read as the one corpus name it becomes (RAIS → RAISE, grock → Grok)', () => {
    const names = ['grok', 'raise', 'ofcom', 'caisi', 'kanana'].filter((n) => corpus.corpusHas(n));
    expect(names.length).toBeGreaterThan(0);
    let checked = 0;
    for (const name of names) {
      for (const typed of [name.slice(0, -1), `${name.slice(0, 2)}${name[1]}${name.slice(2)}`]) {
        const r = corpus.ask(`${typed} investigation`);
        const group = r.interp.groups.find((g) => g.label.toLowerCase() === typed);
        if (!group || group.readAs?.toLowerCase() !== name) continue;
        checked += 1;
        expect(r.interpretation.missing).not.toContain(group.label);
      }
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('never changes one letter for another (Groq is not Grok), nor reads a dictionary word', () => {
    const r = corpus.ask('Groq chips');
    expect(r.interp.groups.find((g) => g.label === 'Groq')?.readAs).toBeUndefined();
    // (a letter added into a dictionary word only for a word typed with a capital: RAIS, not rais)
    expect(corpus.ask('rais').interp.groups[0]?.readAs).toBeUndefined();
    expect(corpus.ask('RAIS').interp.groups[0]?.readAs?.toLowerCase()).toBe(
      corpus.corpusHas('raise') ? 'raise' : undefined,
    );
    expect(corpus.ask('graph data').interp.groups.find((g) => g.label === 'graph')?.readAs).toBeUndefined();
  });

  it('a three-letter word only by a swap into a glossary word (lwa → law)', () => {
    const r = corpus.ask('california companion chatbot lwa');
    expect(r.interp.groups.find((g) => g.label === 'lwa')?.readAs).toBe('law');
  });
});

describe('a four-letter word with a letter left out of a glossary word', () => {
  it('is read as that word (draf → draft), never by another edit', () => {
    expect(corpus.ask('nist tevv zero draf').interp.groups.find((g) => g.label === 'draf')?.readAs).toBe(
      'draft',
    );
    // (one letter changed is no reading for so short a word: "drag" stays)
    expect(corpus.ask('drag policy').interp.groups.find((g) => g.label === 'drag')?.readAs).toBeUndefined();
  });
});
