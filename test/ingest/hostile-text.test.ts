import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { FIXTURES, memoryIo, tempData } from '../helpers.js';

const JAN = readFileSync(join(FIXTURES, 'ingest/digest-2026-01-head.txt'), 'utf8');
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('titles are one line of printable text from ingest on', () => {
  it('terminal escapes and bidi overrides in item and document titles are dropped, line breaks made spaces', async () => {
    const digest = JAN.replace(
      'AIインシデントレスポンス・アプローチブックを公開',
      '\u001b[2J\u001b[31mAIインシデントレスポンス\u0007・アプローチブック\u202eを公開\u001b[0m',
    );
    const dir = tempData({
      // A YAML double-quoted title may hold any escape, a line break included.
      'sources.yml':
        'documents:\n  - id: jan\n    path: jan.txt\n    title: "January\\e[2J\\n2026\\x9b"\n    kind: digest\n    layout: digest-numbered\n',
      'jan.txt': digest,
    });
    const c = ingestCorpus(dir);
    expect(c.problems).toEqual([]);
    const item = c.items.find((i) => i.id === 'jan/aisi/2');
    expect(item?.title).toBe('[2J[31mAIインシデントレスポンス・アプローチブックを公開[0m');
    expect(item?.source.documentTitle).toBe('January[2J 2026');
    for (const i of c.items) {
      expect(i.title).not.toMatch(CONTROLS);
      expect(i.title).not.toMatch(/\n/);
      expect(i.body).not.toMatch(CONTROLS);
    }
    // What the CLI prints of them carries no escape either.
    const io = memoryIo();
    expect(await main(['ingest', '--json', '--data', dir], io)).toBe(0);
    expect(io.out()).not.toContain('\\u001b');
    const summary = memoryIo();
    expect(await main(['ingest', '--data', dir], summary)).toBe(0);
    expect(summary.out()).not.toMatch(CONTROLS);
  });
});
