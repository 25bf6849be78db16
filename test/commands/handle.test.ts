import { beforeAll, describe, expect, it } from 'vitest';
import { handleCommand, type Reply } from '../../src/commands/handle.js';
import { inherit } from '../../src/commands/inherit.js';
import { parseCommand } from '../../src/commands/parse.js';
import { MESSAGE_CODES, say } from '../../src/present/catalogue.js';
import { renderReplyText } from '../../src/present/reply.js';
import { detectLang, understand } from '../../src/query/understand.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import { realIndex } from '../slack/harness.js';

const TODAY = '2026-11-23';
let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});

const run = (text: string, previous?: Reply & { kind: 'answer' }) =>
  handleCommand(
    { index, today: TODAY },
    {
      command: parseCommand(text),
      lang: detectLang(text),
      ...(previous ? { previous: previous.state } : {}),
    },
  );

describe('inherit', () => {
  it('a follow-up keeps what it says and takes the rest from the earlier question', () => {
    const earlier = understand('red teaming in the US in December 2025', TODAY);
    const { interp, inherited } = inherit(understand('what about Korea?', TODAY), earlier);
    expect(interp.countries).toEqual(['KR']);
    expect(interp.period).toEqual(earlier.period);
    expect(interp.groups.map((g) => g.label)).toEqual(earlier.groups.map((g) => g.label));
    expect(inherited).toEqual(['period', 'terms']);
    const all = inherit(understand('Korea January 2026 guidelines', TODAY), earlier);
    expect(all.inherited).toEqual([]);
  });
});

describe('handleCommand', () => {
  it('answers "more" with the next page, and says so at the end instead of an empty page', async () => {
    let reply = await run('US');
    expect(reply.kind).toBe('answer');
    const seen = new Set<string>();
    for (let guard = 0; reply.kind === 'answer' && guard < 100; guard++) {
      for (const id of reply.state.itemIds) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      reply = await run('more', reply);
    }
    expect(reply).toMatchObject({ kind: 'message', code: 'endOfAnswer' });
    expect(seen.size).toBe(((await run('US')) as Reply & { kind: 'answer' }).state.total);
  });

  it('cite N cites the Nth item shown, and says when there is no such item', async () => {
    const answer = (await run('US')) as Reply & { kind: 'answer' };
    const second = await run('cite 2', answer);
    expect(second.kind === 'citation' && second.citation.item?.id).toBe(answer.state.itemIds[1]);
    expect(await run('cite 99', answer)).toMatchObject({ kind: 'message', code: 'noSuchItem' });
  });

  it('replies in the language the user typed, subcommands included', async () => {
    for (const text of ['購読解除', '購読状況', 'ダイジェスト 2026-01-19']) {
      const reply = await run(text);
      expect(reply.kind === 'message' && reply.lang).toBe('ja');
      expect(renderReplyText(reply)).toMatch(/[\u3040-\u30ff]/);
    }
    expect(await run('unsubscribe')).toMatchObject({ kind: 'message', lang: 'en' });
  });

  it('a follow-up that changes the subject is answered on its own rather than emptied by inheritance', async () => {
    const earlier = (await run('Korea January 2026')) as Reply & { kind: 'answer' };
    const alone = (await run('SB53')) as Reply & { kind: 'answer' };
    const follow = (await run('SB53', earlier)) as Reply & { kind: 'answer' };
    expect(alone.state.total).toBeGreaterThan(0);
    expect(follow.state.total).toBeGreaterThan(0);
  });
});

describe('the message catalogue', () => {
  it('says every message in English and Japanese', () => {
    const args = { n: 2, from: 1, to: 5, total: 9, shown: 5, user: 'U1', id: 'E1', reason: 'x', date: 'x' };
    for (const code of MESSAGE_CODES) {
      const en = say('en', code, args);
      const ja = say('ja', code, args);
      expect(en.length, code).toBeGreaterThan(0);
      expect(ja.length, code).toBeGreaterThan(0);
    }
  });
});
