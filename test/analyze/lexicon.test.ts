import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import {
  Actor,
  actorsLexicon,
  glossaryEntries,
  instrumentsLexicon,
  katakanaLexicon,
  placesLexicon,
  questionWords,
  readLexiconFile,
  stopwordLists,
} from '../../src/analyze/lexicon.js';
import { buildIndex, readManifest, saveIndex, staleness } from '../../src/search/index-store.js';
import { buildVocabulary } from '../../src/search/vocabulary.js';
import { DATA_DIR } from '../helpers.js';

beforeAll(async () => {
  await loadTokenizer();
});

describe('data/lexicon', () => {
  it('every lexicon file loads and validates', () => {
    expect(glossaryEntries().length).toBeGreaterThan(0);
    expect(questionWords().en.length).toBeGreaterThan(0);
    expect(stopwordLists().stop_tags).toContain('助詞');
    expect(katakanaLexicon().words.length).toBeGreaterThan(0);
    expect(placesLexicon().countries.map((c) => c.code)).toContain('JP');
    expect(actorsLexicon().length).toBeGreaterThan(0);
    expect(instrumentsLexicon().instruments.length).toBeGreaterThan(0);
  });

  it('actor ids are unique', () => {
    const ids = actorsLexicon().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a bad entry is an error naming the file and the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bot-lexicon-'));
    const path = join(dir, 'actors.yml');
    writeFileSync(
      path,
      'actors:\n  - { id: ok, country: JP, level: national, kind: ministry, en: [A], ja: [] }\n  - { id: bad, country: Japan, level: national, kind: x, en: [B], ja: [] }\n',
    );
    const schema = z.object({ actors: z.array(Actor) });
    expect(() => readLexiconFile(path, schema, 'data/lexicon/actors.yml')).toThrow(
      /data\/lexicon\/actors\.yml: actors\[1\]\.country: expected ISO 3166.*"id":"bad"/,
    );
    writeFileSync(path, 'actors: [\n');
    expect(() => readLexiconFile(path, schema, 'data/lexicon/actors.yml')).toThrow(
      /^policy-bot: lexicon data\/lexicon\/actors\.yml: /,
    );
  });

  it('an edit to a lexicon file makes the index stale by itself (data/ is hashed)', () => {
    const data = mkdtempSync(join(tmpdir(), 'policy-bot-data-'));
    cpSync(DATA_DIR, data, { recursive: true });
    const indexDir = mkdtempSync(join(tmpdir(), 'policy-bot-index-'));
    saveIndex(buildIndex(data).index, indexDir);
    expect(staleness(readManifest(indexDir), data)).toBeUndefined();
    writeFileSync(
      join(data, 'lexicon', 'glossary.yml'),
      `${'# edited\n'}entries:\n  - { en: [x], ja: [y] }\n`,
    );
    expect(staleness(readManifest(indexDir), data)).toMatch(/data changed: lexicon\/glossary\.yml/);
  });
});

describe('layering', () => {
  it('src/analyze imports nothing from src/query or src/present', () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'analyze');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from '\.\.\/(?:query|present)\//);
    }
  });
});

describe('the glossary holds reviewed overrides, not what the dictionary gives', () => {
  // Judged against the dictionary, not against today's corpus: the vocabulary links a word the
  // moment a month uses it, so an entry the dictionary already gives is a repeat whatever months
  // are added (a corpus-based check failed as soon as a month brought 法案).
  it('no entry only repeats the JMdict vocabulary (one Japanese form, found by every English word)', async () => {
    await loadTokenizer();
    const entries = glossaryEntries();
    const uses = new Map<string, number>();
    for (const e of entries) for (const j of e.ja) uses.set(j, (uses.get(j) ?? 0) + 1);
    const repeats = entries.filter((e) => {
      const ja = e.ja[0] as string;
      if (e.ja.length !== 1 || uses.get(ja) !== 1) return false;
      const links = buildVocabulary([ja]).english;
      return e.en.every((w) => links.get(w)?.includes(ja));
    });
    expect(repeats.map((e) => e.en[0])).toEqual([]);
  });
});
