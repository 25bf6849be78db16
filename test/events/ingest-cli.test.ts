import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { groupEvents } from '../../src/events/group.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { DATA_DIR, memoryIo } from '../helpers.js';

describe('policy-bot ingest prints the events grouped across documents', () => {
  it('every group, each member with the rule that grouped it, and the URLs kept apart', async () => {
    const io = memoryIo();
    expect(await main(['ingest', '--data', DATA_DIR], io)).toBe(0);
    const out = io.out();
    const { merged } = groupEvents(ingestCorpus(DATA_DIR).items);
    expect(out).toContain(`${merged.length} events reported in several documents`);
    for (const g of merged) {
      expect(out).toContain(`  ${g.id}  `);
      for (const m of g.members.slice(1)) expect(out).toMatch(new RegExp(`\\+ ${m.item.id} — \\S.*: \\S`));
    }
    expect(out).toMatch(/URLs listed in several documents by different events \(kept apart\)/);
  });
});
