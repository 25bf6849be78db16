import { beforeAll, describe, expect, it } from 'vitest';
import { renderCitationBlocks } from '../../src/present/citation.js';
import { citeMarkdown } from '../../src/present/cite-formats.js';
import { link } from '../../src/present/mrkdwn.js';
import { cite } from '../../src/query/cite.js';
import type { SearchIndex } from '../../src/search/index-store.js';
import type { StoredItem } from '../../src/search/stored-item.js';
import { realIndex, texts } from '../slack/harness.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await realIndex();
});

/** Slack's reading of `<target|label>`: the target ends at the first `|`, entities are turned back. */
function slackReads(mrkdwn: string): { target: string; label: string }[] {
  const entities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...mrkdwn.matchAll(/<([^>|]*)\|([^>]*)>/g)].map((m) => ({
    target: entities(m[1] ?? ''),
    label: entities(m[2] ?? ''),
  }));
}

describe('mrkdwn links', () => {
  it('a | in the URL is sent as %7C, so the label cannot be forged from the address', () => {
    const url = 'https://evil.example/x|www.meti.go.jp';
    const m = link(url, 'evil.example');
    expect(m).toBe('<https://evil.example/x%7Cwww.meti.go.jp|evil.example>');
    expect(slackReads(m)).toEqual([
      { target: 'https://evil.example/x%7Cwww.meti.go.jp', label: 'evil.example' },
    ]);
  });

  it('& < > go as entities Slack turns back into the exact URL; the label is escaped text', () => {
    const url = 'https://example.org/a?x=1&y=<2>';
    const m = link(url, 'a <b> & |c|');
    expect(m).toBe('<https://example.org/a?x=1&amp;y=&lt;2&gt;|a &lt;b&gt; &amp; ¦c¦>');
    expect(slackReads(m)).toEqual([{ target: url, label: 'a <b> & ¦c¦' }]);
  });

  it('a non-http(s) address is never a link: only its label is shown', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'slack://open'])
      expect(link(url, 'label')).toBe('label');
  });

  it('the Slack citation of an item whose URL holds a | links to the whole address', () => {
    const c = cite(index, 'digest-2026-01/us/1', '2026-11-23');
    const item = c.item as StoredItem;
    const hostile = { ...item, urls: ['https://evil.example/x|www.meti.go.jp'] };
    const all = texts(renderCitationBlocks({ ...c, item: hostile, sources: [hostile] }).blocks).join('\n');
    const links = slackReads(all);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.target).not.toContain('|');
    expect(links.map((l) => l.target)).toContain('https://evil.example/x%7Cwww.meti.go.jp');
  });

  it('an item from an older index with a javascript: page address is linked nowhere', () => {
    const item = index.items.find((i) => i.kind === 'event') as StoredItem;
    const old: StoredItem = {
      ...item,
      urls: [],
      source: { ...item.source, documentUrl: 'javascript:alert(1)' },
    };
    expect(citeMarkdown(old, 'en')).not.toContain('javascript:');
    const c = cite(index, item.id, '2026-11-23');
    const all = texts(renderCitationBlocks({ ...c, item: old, sources: [old] }).blocks).join('\n');
    expect(all).not.toMatch(/<javascript:/);
  });
});
