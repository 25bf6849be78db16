import type { AskResult, AskResultItem } from '../query/ask.js';
import type { Lang } from '../query/understand.js';
import { actions, type Block, capBlocks, context, divider, section } from './blocks.js';
import { CATEGORY_LABEL, countryList, formatCountries, formatDate, REGION_LABEL } from './labels.js';
import { escapeMrkdwn, LIMITS, link, truncate } from './mrkdwn.js';

export const PAGE_SIZE = 5;

/** What a "Show more" or "Share" button carries back: the question, where the page starts, the day it was asked. */
export interface AnswerRef {
  q: string;
  o: number;
  t: string;
}

export function encodeRef(ref: AnswerRef): string {
  // Button values are limited to 2000 characters; a question longer than that is cut.
  const q = ref.q.slice(0, 1500);
  return JSON.stringify({ ...ref, q });
}

export function decodeRef(value: string | undefined): AnswerRef | undefined {
  if (!value) return undefined;
  try {
    const v = JSON.parse(value) as Partial<AnswerRef>;
    if (typeof v.q === 'string' && typeof v.o === 'number' && typeof v.t === 'string')
      return { q: v.q, o: v.o, t: v.t };
  } catch {
    // not ours
  }
  return undefined;
}

/** The message model shared by Block Kit and plain text: one answer page. */
export interface AnswerModel {
  lang: Lang;
  question: string;
  understood: string[];
  total: number;
  offset: number;
  items: AskResultItem[];
  notice?: string;
  suggestions: string[];
  /** When the answer abstains: the closest items, shown apart and labelled as suggestions. */
  closest?: AskResultItem[];
  more?: AnswerRef;
  share?: AnswerRef;
  sharedBy?: string;
}

const T = {
  en: {
    understood: 'Understood',
    nothing: 'your question as a whole',
    results: (n: number) => `${n} result${n === 1 ? '' : 's'}`,
    showing: (a: number, b: number, n: number) => `showing ${a}–${b} of ${n}`,
    more: (n: number) => `Show more (${n})`,
    share: 'Share in channel',
    try: 'Try',
    closest: 'Closest items (suggestions, not answers)',
    also: 'Also',
    source: 'Source',
    period: 'period',
    terms: 'terms',
    region: 'region',
    sharedBy: (u: string) => `Shared by <@${u}>`,
  },
  ja: {
    understood: '解釈',
    nothing: '質問全体',
    results: (n: number) => `${n}件`,
    showing: (a: number, b: number, n: number) => `${n}件中${a}〜${b}件目`,
    more: (n: number) => `さらに表示 (${n})`,
    share: 'チャンネルに共有',
    try: '例',
    closest: '近い項目(候補であり、回答ではありません)',
    also: '他のURL',
    source: '出典',
    period: '期間',
    terms: '語',
    region: '地域',
    sharedBy: (u: string) => `<@${u}> さんが共有`,
  },
} as const;

function suggestionsFor(r: AskResult): string[] {
  const ja = r.lang === 'ja';
  if (r.results.length) return [];
  if (r.interpretation.period)
    return ja ? ['2026年1月の韓国', '2025年12月の米国'] : ['Korea in January 2026', 'US in December 2025'];
  if (r.interpretation.countries.length)
    return ja ? ['韓国 1月', 'EU ガイドライン'] : ['Korea in January', 'EU guidelines'];
  return ja ? ['レッドチーミング', 'SB53の出典'] : ['red teaming guidelines', 'source for SB53'];
}

/** Builds one page of an answer from the search core's result. */
export function answerModel(r: AskResult, today: string, offset = 0, sharedBy?: string): AnswerModel {
  const ja = r.lang === 'ja';
  const i = r.interpretation;
  const understood: string[] = [];
  if (i.countries.length) understood.push(countryList(i.countries, r.lang, ja ? '・' : ', '));
  const regions = i.regions.filter((g) => !(g === 'europe' && i.countries.includes('EU')));
  if (regions.length)
    understood.push(`${T[r.lang].region}: ${regions.map((g) => REGION_LABEL[g]?.[r.lang] ?? g).join(', ')}`);
  if (i.period) understood.push(`${T[r.lang].period}: ${i.period.label}`);
  if (i.terms.length) understood.push(`${T[r.lang].terms}: ${i.terms.join(', ')}`);
  const shown = r.results.length;
  return {
    lang: r.lang,
    question: r.query,
    understood,
    total: r.total,
    offset,
    items: r.results,
    ...(r.message ? { notice: r.message } : {}),
    suggestions: suggestionsFor(r),
    ...(r.suggestions?.length ? { closest: r.suggestions } : {}),
    ...(offset + shown < r.total ? { more: { q: r.query, o: offset + shown, t: today } } : {}),
    ...(shown ? { share: { q: r.query, o: offset, t: today } } : {}),
    ...(sharedBy ? { sharedBy } : {}),
  };
}

function itemMrkdwn(it: AskResultItem, lang: Lang): string {
  const cat = CATEGORY_LABEL[it.category]?.[lang] ?? it.category;
  const title = it.urls[0] ? `*${link(it.urls[0], it.title)}*` : `*${escapeMrkdwn(it.title)}*`;
  const meta = [formatDate(it.date, lang), formatCountries(it.countries, true), cat]
    .filter(Boolean)
    .join(' · ');
  const snippet = it.snippet ? `\n${escapeMrkdwn(it.snippet)}` : '';
  // English askers read one English line under the Japanese title (built from the item, never invented).
  const english = lang === 'en' && it.english ? `\n_${escapeMrkdwn(it.english)}_` : '';
  return `${title}${english}\n${meta}${snippet}`;
}

function itemContext(it: AskResultItem, lang: Lang): string {
  const others = it.urls.slice(1).map((u) => link(u, u.replace(/^https?:\/\//, '')));
  const where = `${escapeMrkdwn(it.source.document)} · ${escapeMrkdwn(it.source.section)} · \`${escapeMrkdwn(it.id)}\``;
  return others.length ? `${T[lang].also}: ${others.join('  ')}\n${where}` : where;
}

function understoodLine(m: AnswerModel): string {
  const t = T[m.lang];
  const what = m.understood.length ? m.understood.map(escapeMrkdwn).join(' · ') : t.nothing;
  const count =
    m.total > m.items.length
      ? t.showing(m.offset + 1, m.offset + m.items.length, m.total)
      : t.results(m.total);
  return `:mag: ${t.understood}: ${what} — ${count}`;
}

/** Block Kit for an answer page, plus its plain `text` fallback for notifications. */
export function renderAnswerBlocks(m: AnswerModel): { text: string; blocks: Block[] } {
  const t = T[m.lang];
  const blocks: Block[] = [];
  if (m.sharedBy) blocks.push(context(`${t.sharedBy(m.sharedBy)}: “${escapeMrkdwn(m.question)}”`));
  blocks.push(context(understoodLine(m)));
  if (m.notice) blocks.push(section(`:information_source: ${escapeMrkdwn(m.notice)}`));
  m.items.forEach((it, n) => {
    if (n > 0) blocks.push(divider());
    blocks.push(section(itemMrkdwn(it, m.lang)));
    blocks.push(context(itemContext(it, m.lang)));
  });
  if (m.closest?.length) {
    blocks.push(context(`*${t.closest}*`));
    for (const it of m.closest) blocks.push(section(itemMrkdwn(it, m.lang)));
  }
  if (m.suggestions.length)
    blocks.push(context(`${t.try}: ${m.suggestions.map((s) => `“${escapeMrkdwn(s)}”`).join('  ·  ')}`));
  const buttons = [];
  if (m.more)
    buttons.push({ text: t.more(m.total - m.more.o), actionId: 'show_more', value: encodeRef(m.more) });
  if (m.share && !m.sharedBy)
    buttons.push({ text: t.share, actionId: 'share_answer', value: encodeRef(m.share) });
  if (buttons.length) blocks.push(actions(buttons));
  return { text: truncate(fallbackText(m), LIMITS.fallbackText), blocks: capBlocks(blocks) };
}

function fallbackText(m: AnswerModel): string {
  const first = m.items[0];
  const head = understoodLine(m).replace(/^:mag: /, '');
  if (!first) return `${head}${m.notice ? ` ${escapeMrkdwn(m.notice)}` : ''}`;
  return `${head}\n${formatDate(first.date, m.lang)} ${escapeMrkdwn(first.title)}${first.urls[0] ? ` ${escapeMrkdwn(first.urls[0])}` : ''}`;
}

/** The same page as plain text, for the console: no mrkdwn, URLs exactly as in the source. */
export function renderAnswerText(m: AnswerModel): string {
  const t = T[m.lang];
  const out: string[] = [];
  if (m.sharedBy) out.push(`${t.sharedBy(m.sharedBy).replace(/<@([^>]+)>/, '@$1')}: “${m.question}”`);
  out.push(
    understoodLine(m)
      .replace(/^:mag: /, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
  if (m.notice) out.push(m.notice);
  m.items.forEach((it, n) => {
    const cat = CATEGORY_LABEL[it.category]?.[m.lang] ?? it.category;
    out.push('');
    out.push(`${m.offset + n + 1}. ${it.title}`);
    if (m.lang === 'en' && it.english) out.push(`   ${it.english}`);
    out.push(`   ${[formatDate(it.date, m.lang), it.countries.join(', '), cat].filter(Boolean).join(' · ')}`);
    if (it.snippet) out.push(`   ${it.snippet}`);
    for (const u of it.urls) out.push(`   ${u}`);
    out.push(`   ${t.source}: ${it.source.document} · ${it.source.section} (${it.id})`);
  });
  if (m.closest?.length) {
    out.push('', `${t.closest}:`);
    for (const it of m.closest) {
      out.push(`  - ${formatDate(it.date, m.lang)} ${it.title}`);
      if (m.lang === 'en' && it.english) out.push(`    ${it.english}`);
      if (it.urls[0]) out.push(`    ${it.urls[0]}`);
    }
  }
  if (m.suggestions.length) out.push('', `${t.try}: ${m.suggestions.map((s) => `“${s}”`).join('  ·  ')}`);
  if (m.more)
    out.push(
      '',
      m.lang === 'ja'
        ? `さらに${m.total - m.more.o}件 — 「more」と入力`
        : `${m.total - m.more.o} more — type "more"`,
    );
  return out.join('\n');
}
