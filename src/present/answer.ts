import type { Dimension } from '../commands/inherit.js';
import type { AskResult, AskResultItem } from '../query/ask.js';
import type { Lang } from '../query/understand.js';
import { type Block, button, capBlocks, context, mrkdwnText, section } from './blocks.js';
import { say, sayAll } from './catalogue.js';
import { itemHeading } from './english.js';
import { distinctPages, itemSection, itemTextLine, itemWords, labelledLinks } from './item-section.js';
import { CATEGORY_LABEL, countryList, formatDate, REGION_LABEL } from './labels.js';
import { escapeMrkdwn, fitLines, LIMITS, link, truncate, truncatePlain } from './mrkdwn.js';

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

/** One part of the echoed interpretation, which filter it is, and whether it came from the earlier question. */
export interface UnderstoodPart {
  text: string;
  inherited: boolean;
  dim: Dimension;
}

/** An answer item; `english` is the English line (or an object with one) when the answers core provides it. */
export type AnswerItem = AskResultItem & { english?: unknown };

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
  /** The words the question used, and those of them the corpus could not match (when abstaining). */
  terms: string[];
  unmatched: string[];
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
  const part = (text: string, dim: Dimension) =>
    understood.push({ text, inherited: inherited.has(dim), dim });
  if (i.countries.length) part(countryList(i.countries, lang), 'places');
  const regions = i.regions.filter((g) => !(g === 'europe' && i.countries.includes('EU')));
  if (regions.length)
    part(`${say(lang, 'region')}: ${regions.map((g) => REGION_LABEL[g]?.[lang] ?? g).join(', ')}`, 'places');
  if (i.period) part(i.period.label, 'period');
  if (i.terms.length) part(i.terms.map((t) => (lang === 'ja' ? `「${t}」` : `“${t}”`)).join(', '), 'terms');
  const closest = r.results.length ? [] : (r.suggestions ?? []);
  return {
    lang,
    question: r.query,
    understood,
    total: r.total,
    offset: o.offset ?? 0,
    items: r.results,
    ...(r.notices?.length ? { notice: sayAll(lang, r.notices) } : r.message ? { notice: r.message } : {}),
    suggestions: closest.length ? [] : fallbackSuggestions(r),
    closest,
    terms: i.terms,
    unmatched: r.unmatched ?? [],
    ...(o.sharedBy ? { sharedBy: o.sharedBy } : {}),
  };
}

/**
 * Whether the question's own words (not what a follow-up inherited) matched anything: a place,
 * a period, or a word the corpus has. A thread reply that matched nothing is chatter, not a
 * question to the bot (src/conversation/addressed.ts).
 */
export function ownWordsMatched(m: AnswerModel): boolean {
  return m.understood.some(
    (p) => !p.inherited && (p.dim !== 'terms' || m.terms.some((t) => !m.unmatched.includes(t))),
  );
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

/** Where an item is reported: its document and section, or every document of a merged event. */
export function sourcesText(it: AnswerItem, lang: Lang, esc: (s: string) => string = (s) => s): string {
  const all = it.sources ?? [];
  if (all.length <= 1)
    return `${say(lang, 'source')}: ${esc(it.source.document)} · ${esc(it.source.section)}`;
  const one = (s: (typeof all)[number]) =>
    `${esc(s.document)} · ${esc(s.section)} (${formatDate(s.date ?? undefined, lang)})`;
  return `${say(lang, 'sources')}: ${all.map(one).join(' / ')}`;
}

/** The details under an item in the detailed layout: every page, labelled, and every document reporting it. */
function itemDetails(it: AnswerItem, lang: Lang): Block {
  const pages = distinctPages(it.urls);
  const links = pages.length > 1 ? labelledLinks(pages, lang, 10) : '';
  const where = sourcesText(it, lang, escapeMrkdwn);
  return context(links ? `${links}\n${where}` : where);
}

/** Where an answer is shown decides its buttons: a private page pages in place and may be shared. */
export interface AnswerView {
  /** The stored answer this page belongs to; without it the page has no paging or feedback buttons. */
  answerId?: string;
  /** `ephemeral`: only the asker sees it. `public`: everyone in the channel, thread or DM. */
  visibility: 'ephemeral' | 'public';
  /** The detailed layout (every source under each item): a shared answer's thread. */
  detail?: boolean;
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

/** What an answer's overflow menu carries: the stored answer, the page, and the export chosen. */
function encodeMenu(ref: AnswerRef, x: 'csv' | 'md'): string {
  return JSON.stringify({ a: ref.a, o: ref.o, x });
}

/** Reads an answer menu value we wrote; anything else is `undefined`. */
export function decodeMenu(value: string | undefined): (AnswerRef & { x: 'csv' | 'md' }) | undefined {
  const ref = decodeRef(value);
  if (!ref || !value) return undefined;
  try {
    const x = (JSON.parse(value) as { x?: unknown }).x;
    return x === 'csv' || x === 'md' ? { ...ref, x } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The answer's actions: one primary button (Show more when there is a next page, else Share on a
 * private answer), Previous and Share beside it, and the exports in an overflow menu — at most
 * three buttons and a menu, so the row does not wrap on a phone.
 */
function answerActions(m: AnswerModel, view: AnswerView, id: string): Block | undefined {
  const elements: Record<string, unknown>[] = [];
  const push = (text: string, actionId: string, value: string, primary = false) =>
    elements.push(button({ text, actionId, value, ...(primary ? { style: 'primary' } : {}) }));
  const more = hasMore(m);
  if (view.visibility === 'ephemeral' && m.offset > 0)
    push(
      say(m.lang, 'previous'),
      'page_previous',
      encodeRef({ a: id, o: Math.max(0, m.offset - PAGE_SIZE) }),
    );
  if (more)
    push(
      say(m.lang, 'showMore', { n: m.total - m.offset - m.items.length }),
      'show_more',
      encodeRef({ a: id, o: m.offset + m.items.length }),
      true,
    );
  if (view.visibility === 'ephemeral' && m.items.length && !m.sharedBy)
    push(say(m.lang, 'share'), 'share_answer', encodeRef({ a: id, o: m.offset }), !more);
  // The whole answer as a file, uploaded to the clicker (every result, not this page).
  if (m.items.length) {
    const ref = { a: id, o: m.offset };
    const option = (label: string, x: 'csv' | 'md') => ({
      text: { type: 'plain_text', text: label, emoji: true },
      value: encodeMenu(ref, x),
    });
    elements.push({
      type: 'overflow',
      action_id: 'answer_menu',
      options: [option(say(m.lang, 'exportCsv'), 'csv'), option(say(m.lang, 'exportMarkdown'), 'md')],
    });
  }
  return elements.length ? { type: 'actions', elements } : undefined;
}

/**
 * Block Kit for an answer page, plus its plain `text` (notifications, screen readers), which
 * lists every item shown. Compact: one section per item (title linked to its first source, date
 * · country · labelled links, one line of text, the item menu with Cite); the detailed layout
 * adds every page and every reporting document under each item.
 */
export function renderAnswerBlocks(m: AnswerModel, view: AnswerView): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  // A shared answer's details go in the thread of the message that says who shared it.
  if (m.sharedBy && !view.detail)
    blocks.push(context(`${say(m.lang, 'sharedBy', { user: m.sharedBy })}: “${escapeMrkdwn(m.question)}”`));
  blocks.push(context(`:mag: ${understoodLine(m, escapeMrkdwn)}`));
  if (m.notice)
    blocks.push({
      type: 'section',
      text: mrkdwnText(`:information_source: ${escapeMrkdwn(m.notice)}`),
    });
  m.items.forEach((it, n) => {
    blocks.push(itemSection(it, m.offset + n + 1, m.lang));
    if (view.detail) blocks.push(itemDetails(it, m.lang));
  });
  if (m.closest.length) {
    blocks.push(context(`*${say(m.lang, 'closest')}*`));
    m.closest.forEach((it, n) => {
      blocks.push(itemSection(it, n + 1, m.lang));
    });
  }
  if (m.suggestions.length)
    blocks.push(
      context(`${say(m.lang, 'try')}: ${m.suggestions.map((s) => `“${escapeMrkdwn(s)}”`).join('  ·  ')}`),
    );
  const id = view.answerId;
  if (id) {
    const row = answerActions(m, view, id);
    if (row) blocks.push(row);
    // Empty answers get 👍/👎 too: they are the ones most worth hearing about.
    blocks.push(feedbackBlock(id, m.lang));
  }
  return { text: answerText(m), blocks: capBlocks(blocks) };
}

/**
 * The answer as its top-level `text`: the echo, then every item shown as `n. title (date)` (and
 * the suggestions, labelled), cut to Slack's limit a whole line at a time.
 */
function answerText(m: AnswerModel): string {
  const lines = [understoodLine(m, escapeMrkdwn)];
  if (m.notice && !m.items.length) lines.push(escapeMrkdwn(m.notice));
  m.items.forEach((it, n) => {
    lines.push(escapeMrkdwn(truncatePlain(itemTextLine(it, m.offset + n + 1, m.lang), 300)));
  });
  if (m.closest.length) {
    lines.push(`${say(m.lang, 'closest')}:`);
    m.closest.forEach((it, n) => {
      lines.push(escapeMrkdwn(truncatePlain(itemTextLine(it, n + 1, m.lang), 300)));
    });
  }
  return fitLines(lines, LIMITS.fallbackText);
}

/**
 * What Share posts in the channel: who shared it and the question, the echo, and each item as one
 * line (`n. title` linked to its source, date, country); the full answer follows in its thread.
 */
export function renderShareSummary(m: AnswerModel): { text: string; blocks: Block[] } {
  const lines = m.items.map((it, n) => {
    const w = itemWords(it, m.lang);
    const first = distinctPages(it.urls)[0];
    const label = `${m.offset + n + 1}. ${w.headline}`;
    const title = first ? link(first, label) : escapeMrkdwn(label);
    const meta = [
      formatDate(it.date, m.lang),
      countryList(it.countries, m.lang),
      ...w.notes.map((note) => `_${escapeMrkdwn(note)}_`),
    ];
    return `${title} — ${meta.filter(Boolean).join(' · ')}`;
  });
  const blocks: Block[] = [
    context(`${say(m.lang, 'sharedBy', { user: m.sharedBy ?? '' })}: “${escapeMrkdwn(m.question)}”`),
    section(truncate(`${understoodLine(m, escapeMrkdwn)}\n${lines.join('\n')}`, LIMITS.sectionText)),
    context(say(m.lang, 'detailsInThread')),
  ];
  return { text: answerText(m), blocks };
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
