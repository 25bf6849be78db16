import type { Dimension } from '../commands/inherit.js';
import { urlKey } from '../events/group.js';
import type { AskResult, AskResultItem } from '../query/ask.js';
import type { Lang } from '../query/understand.js';
import { actions, type Block, type Button, capBlocks, context, divider, section } from './blocks.js';
import { say } from './catalogue.js';
import { itemHeading } from './english.js';
import { CATEGORY_LABEL, countryList, formatDate, REGION_LABEL, siteName } from './labels.js';
import { escapeMrkdwn, LIMITS, link, truncate } from './mrkdwn.js';

export const PAGE_SIZE = 5;

/** What a paging, sharing or feedback button carries back: the stored answer and a page offset. */
export interface AnswerRef {
  /** The answer's id in the state database. */
  a: string;
  /** Where the page starts. */
  o: number;
}

/** A button value naming a stored answer and a page: small, so it never nears Slack's 2000-character limit. */
export function encodeRef(ref: AnswerRef): string {
  return JSON.stringify({ a: ref.a, o: ref.o });
}

/** Reads a button value we wrote; anything else (forged, truncated, old) is `undefined`. */
export function decodeRef(value: string | undefined): AnswerRef | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as Partial<AnswerRef>;
    if (typeof v.a === 'string' && typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0)
      return { a: v.a, o: v.o };
  } catch {
    // not ours
  }
  return undefined;
}

/** What a Cite button carries: the item id and the asker's language. */
export interface CiteRef {
  i: string;
  l: Lang;
}

/** A Cite button's value: the item id and the language to cite it in. */
export function encodeCite(ref: CiteRef): string {
  return JSON.stringify({ i: ref.i.slice(0, 1000), l: ref.l });
}

/** Reads a Cite button value we wrote; anything else is `undefined`. */
export function decodeCite(value: string | undefined): CiteRef | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as Partial<CiteRef>;
    if (typeof v.i === 'string' && v.i && (v.l === 'en' || v.l === 'ja')) return { i: v.i, l: v.l };
  } catch {
    // not ours
  }
  return undefined;
}

/** One part of the echoed interpretation, and whether it came from the earlier question. */
export interface UnderstoodPart {
  text: string;
  inherited: boolean;
}

/** An answer item; `english` is the English title (or an object with one) when the answers core provides it. */
export type AnswerItem = AskResultItem & { english?: unknown };

/** Text out of a field that may be a string or an object naming its text (`title`, `text`, `question`). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['title', 'text', 'question', 'q', 'label', 'en'])
      if (typeof o[k] === 'string' && (o[k] as string).trim()) return (o[k] as string).trim();
  }
  return undefined;
}

/** The English title shown under the Japanese one for English askers. */
export const englishTitle = (it: AnswerItem): string | undefined => textOf(it.english);

/** The message model shared by Block Kit and plain text: one answer page. */
export interface AnswerModel {
  lang: Lang;
  question: string;
  understood: UnderstoodPart[];
  total: number;
  offset: number;
  items: AnswerItem[];
  notice?: string;
  /** Other questions to try when nothing matched. */
  suggestions: string[];
  /** When the answer abstains: the closest items, shown apart and labelled as suggestions, not answers. */
  closest: AnswerItem[];
  sharedBy?: string;
}

function fallbackSuggestions(r: AskResult): string[] {
  const ja = r.lang === 'ja';
  if (r.results.length) return [];
  if (r.interpretation.period)
    return ja ? ['2026年1月の韓国', '2025年12月の米国'] : ['Korea in January 2026', 'US in December 2025'];
  if (r.interpretation.countries.length)
    return ja ? ['韓国 1月', 'EU ガイドライン'] : ['Korea in January', 'EU guidelines'];
  return ja ? ['レッドチーミング', 'SB53の出典'] : ['red teaming guidelines', 'source for SB53'];
}

/**
 * Builds one page of an answer from the search core's result. `inherited` names the filters a
 * follow-up took from the earlier question, so the echo can say where they came from.
 */
export function answerModel(
  r: AskResult,
  o: { offset?: number; sharedBy?: string; inherited?: Dimension[] } = {},
): AnswerModel {
  const lang = r.lang;
  const i = r.interpretation;
  const inherited = new Set(o.inherited ?? []);
  const understood: UnderstoodPart[] = [];
  if (i.countries.length)
    understood.push({ text: countryList(i.countries, lang), inherited: inherited.has('places') });
  const regions = i.regions.filter((g) => !(g === 'europe' && i.countries.includes('EU')));
  if (regions.length)
    understood.push({
      text: `${say(lang, 'region')}: ${regions.map((g) => REGION_LABEL[g]?.[lang] ?? g).join(', ')}`,
      inherited: inherited.has('places'),
    });
  if (i.period) understood.push({ text: i.period.label, inherited: inherited.has('period') });
  if (i.terms.length)
    understood.push({
      text: i.terms.map((t) => (lang === 'ja' ? `「${t}」` : `“${t}”`)).join(', '),
      inherited: inherited.has('terms'),
    });
  const closest = r.results.length ? [] : (r.suggestions ?? []);
  return {
    lang,
    question: r.query,
    understood,
    total: r.total,
    offset: o.offset ?? 0,
    items: r.results,
    ...(r.message ? { notice: r.message } : {}),
    suggestions: closest.length ? [] : fallbackSuggestions(r),
    closest,
    ...(o.sharedBy ? { sharedBy: o.sharedBy } : {}),
  };
}

/** True when there are results after this page. */
export const hasMore = (m: AnswerModel): boolean => m.offset + m.items.length < m.total;

/**
 * The echo line without decoration: `Understood: 🇰🇷 South Korea · December 2025 (from your
 * earlier question) — 3 results`. `esc` escapes the asker's words for mrkdwn (identity for text).
 */
export function understoodLine(m: AnswerModel, esc: (s: string) => string = (s) => s): string {
  const parts: string[] = [];
  m.understood.forEach((p, n) => {
    const next = m.understood[n + 1];
    const endsRun = p.inherited && !next?.inherited;
    parts.push(`${esc(p.text)}${endsRun ? ` (${say(m.lang, 'fromEarlier')})` : ''}`);
  });
  const what = parts.length ? parts.join(' · ') : say(m.lang, 'nothingSpecific');
  const count =
    m.total > m.items.length
      ? say(m.lang, 'showing', { from: m.offset + 1, to: m.offset + m.items.length, total: m.total })
      : say(m.lang, 'results', { n: m.total });
  return `${say(m.lang, 'understood')}: ${what} — ${count}`;
}

function metaLine(it: AnswerItem, lang: Lang): string {
  const cat = CATEGORY_LABEL[it.category]?.[lang] ?? it.category;
  return [formatDate(it.date, lang), countryList(it.countries, lang), cat].filter(Boolean).join(' · ');
}

function itemMrkdwn(it: AnswerItem, number: number, lang: Lang): string {
  const en = lang === 'en' ? englishTitle(it) : undefined;
  const english = en ? `\n_${escapeMrkdwn(en)}_` : '';
  const snippet = it.snippet ? `\n${escapeMrkdwn(it.snippet)}` : '';
  return `*${number}. ${escapeMrkdwn(it.title)}*${english}\n${metaLine(it, lang)}${snippet}`;
}

/** One link per page: a report's `…/260109/` and a digest's `…/260109` are the same page. */
function distinctPages(urls: string[]): string[] {
  const seen = new Set<string>();
  return urls.filter((u) => {
    const k = urlKey(u);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Where an item is reported: its document and section, or every document of a merged event. */
export function sourcesText(it: AnswerItem, lang: Lang, esc: (s: string) => string = (s) => s): string {
  const all = it.sources ?? [];
  if (all.length <= 1)
    return `${say(lang, 'source')}: ${esc(it.source.document)} · ${esc(it.source.section)}`;
  const one = (s: (typeof all)[number]) =>
    `${esc(s.document)} · ${esc(s.section)} (${formatDate(s.date ?? undefined, lang)})`;
  return `${say(lang, 'sources')}: ${all.map(one).join(' / ')}`;
}

function itemContext(it: AnswerItem, lang: Lang): string {
  const links = distinctPages(it.urls)
    .map((u) => link(u, siteName(u)))
    .join('  ');
  const where = sourcesText(it, lang, escapeMrkdwn);
  return links ? `${links}\n${where}` : where;
}

/** Where an answer is shown decides its buttons: a private page pages in place and may be shared. */
export interface AnswerView {
  /** The stored answer this page belongs to; without it the page has no paging or feedback buttons. */
  answerId?: string;
  /** `ephemeral`: only the asker sees it. `public`: everyone in the channel, thread or DM. */
  visibility: 'ephemeral' | 'public';
}

/** 👍/👎 on an answer, as Slack's native feedback buttons; the value names the stored answer. */
export function feedbackBlock(answerId: string, lang: Lang): Block {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: 'answer_feedback',
        positive_button: {
          text: { type: 'plain_text', text: '👍' },
          value: JSON.stringify({ a: answerId, v: 'up' }),
          accessibility_label: say(lang, 'positive'),
        },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          value: JSON.stringify({ a: answerId, v: 'down' }),
          accessibility_label: say(lang, 'negative'),
        },
      },
    ],
  };
}

/** Block Kit for an answer page, plus its plain `text` fallback for notifications. */
export function renderAnswerBlocks(m: AnswerModel, view: AnswerView): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  if (m.sharedBy)
    blocks.push(context(`${say(m.lang, 'sharedBy', { user: m.sharedBy })}: “${escapeMrkdwn(m.question)}”`));
  blocks.push(context(`:mag: ${understoodLine(m, escapeMrkdwn)}`));
  if (m.notice)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `:information_source: ${escapeMrkdwn(m.notice)}` },
    });
  m.items.forEach((it, n) => {
    if (n > 0) blocks.push(divider());
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(itemMrkdwn(it, m.offset + n + 1, m.lang), LIMITS.sectionText) },
      accessory: {
        type: 'button',
        text: { type: 'plain_text', text: say(m.lang, 'cite'), emoji: true },
        action_id: 'cite_item',
        value: encodeCite({ i: it.id, l: m.lang }),
      },
    });
    blocks.push(context(itemContext(it, m.lang)));
  });
  if (m.closest.length) {
    blocks.push(context(`*${say(m.lang, 'closest')}*`));
    m.closest.forEach((it, n) => {
      blocks.push(section(truncate(itemMrkdwn(it, n + 1, m.lang), LIMITS.sectionText)));
      blocks.push(context(itemContext(it, m.lang)));
    });
  }
  if (m.suggestions.length)
    blocks.push(
      context(`${say(m.lang, 'try')}: ${m.suggestions.map((s) => `“${escapeMrkdwn(s)}”`).join('  ·  ')}`),
    );
  const buttons: Button[] = [];
  const id = view.answerId;
  if (id) {
    if (view.visibility === 'ephemeral' && m.offset > 0)
      buttons.push({
        text: say(m.lang, 'previous'),
        actionId: 'page_previous',
        value: encodeRef({ a: id, o: Math.max(0, m.offset - PAGE_SIZE) }),
      });
    if (hasMore(m))
      buttons.push({
        text: say(m.lang, 'showMore', { n: m.total - m.offset - m.items.length }),
        actionId: 'show_more',
        value: encodeRef({ a: id, o: m.offset + m.items.length }),
      });
    if (view.visibility === 'ephemeral' && m.items.length && !m.sharedBy)
      buttons.push({
        text: say(m.lang, 'share'),
        actionId: 'share_answer',
        value: encodeRef({ a: id, o: m.offset }),
      });
    // The whole answer as a file, uploaded to the clicker (every result, not this page).
    if (m.items.length) {
      const ref = encodeRef({ a: id, o: m.offset });
      buttons.push({ text: say(m.lang, 'exportCsv'), actionId: 'export_csv', value: ref });
      buttons.push({ text: say(m.lang, 'exportMarkdown'), actionId: 'export_md', value: ref });
    }
  }
  if (buttons.length) blocks.push(actions(buttons));
  // Empty answers get 👍/👎 too: they are the ones most worth hearing about.
  if (id) blocks.push(feedbackBlock(id, m.lang));
  return { text: truncate(fallbackText(m), LIMITS.fallbackText), blocks: capBlocks(blocks) };
}

function fallbackText(m: AnswerModel): string {
  const first = m.items[0];
  const head = understoodLine(m, escapeMrkdwn);
  if (!first) return `${head}${m.notice ? ` ${escapeMrkdwn(m.notice)}` : ''}`;
  return `${head}\n${formatDate(first.date, m.lang)} ${escapeMrkdwn(first.title)}${first.urls[0] ? ` ${escapeMrkdwn(first.urls[0])}` : ''}`;
}

/** The same page as plain lines (console, CLI): no mrkdwn, URLs exactly as in the source. */
export function answerLines(m: AnswerModel, o: { typeMore?: boolean } = {}): string[] {
  const out: string[] = [];
  if (m.sharedBy)
    out.push(
      `${say(m.lang, 'sharedBy', { user: m.sharedBy }).replace(/<@([^>]+)>/, '@$1')}: “${m.question}”`,
    );
  out.push(understoodLine(m));
  if (m.notice) out.push(m.notice);
  m.items.forEach((it, n) => {
    out.push('');
    // English askers: the English title first, the Japanese beneath, the summary (src/present/english.ts).
    const head = itemHeading(it, m.lang);
    out.push(`${m.offset + n + 1}. ${head.headline}`);
    for (const line of [head.original, head.gloss]) if (line) out.push(`   ${line}`);
    out.push(`   ${[metaLine(it, m.lang), ...head.notes].join(' · ')}`);
    if (head.text) out.push(`   ${head.text}`);
    // Each page once (a report's `…/260109/` is the digest's `…/260109`), spelled as its source does.
    for (const u of distinctPages(it.urls)) out.push(`   ${u}`);
    out.push(`   ${sourcesText(it, m.lang)}`);
  });
  if (m.closest.length) {
    out.push('', `${say(m.lang, 'closest')}:`);
    m.closest.forEach((it, n) => {
      const head = itemHeading(it, m.lang);
      out.push(`  ${n + 1}. ${head.headline}`);
      for (const line of [head.original, head.gloss]) if (line) out.push(`     ${line}`);
      out.push(`     ${[metaLine(it, m.lang), ...head.notes].join(' · ')}`);
      if (it.urls[0]) out.push(`     ${it.urls[0]}`);
    });
  }
  if (m.suggestions.length)
    out.push('', `${say(m.lang, 'try')}: ${m.suggestions.map((s) => `“${s}”`).join('  ·  ')}`);
  if (o.typeMore && hasMore(m))
    out.push('', say(m.lang, 'typeMore', { n: m.total - m.offset - m.items.length }));
  return out;
}
