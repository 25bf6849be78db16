import { sectionCitation } from '../query/ask.js';
import type { CiteResult } from '../query/cite.js';
import type { Lang } from '../query/understand.js';
import type { StoredItem } from '../search/stored-item.js';
import { type Block, context, section } from './blocks.js';
import { CATEGORY_LABEL, countryList, formatDate } from './labels.js';
import { escapeMrkdwn, link, truncate } from './mrkdwn.js';

/** Where an item is in the corpus, as one pastes it: `AI政策動向マンスリー情報 2026年1月 · 海外/アジア #2`. */
export function location(item: StoredItem): string {
  return `${item.source.documentTitle} · ${sectionCitation(item)}`;
}

/** The citation as plain lines, ready to paste anywhere. */
export function citationText(item: StoredItem): string {
  const date = item.date ? formatDate(item.date, 'en') : 'undated';
  const page = item.source.documentUrl ? [`Digest page: ${item.source.documentUrl}`] : [];
  return [
    `${item.title} (${date}; ${item.countries.join(', ') || '—'})`,
    location(item),
    ...item.urls,
    ...page,
  ].join('\n');
}

const T = {
  en: {
    cite: 'Citation',
    also: 'Also cited in',
    none: 'Nothing to cite',
    paste: 'Ready to paste',
    id: 'id',
    page: 'Digest page',
  },
  ja: {
    cite: '引用',
    also: '同じURLを含む項目',
    none: '引用できる項目がありません',
    paste: 'コピー用',
    id: 'ID',
    page: '掲載ページ',
  },
} as const;

export function renderCitationBlocks(c: CiteResult, lang: Lang = c.lang): { text: string; blocks: Block[] } {
  const t = T[lang];
  const item = c.item;
  if (!item) {
    const msg = `${t.none}. ${c.message ?? ''}`.trim();
    return { text: escapeMrkdwn(msg), blocks: [section(`:warning: ${escapeMrkdwn(msg)}`)] };
  }
  const title = item.urls[0] ? `*${link(item.urls[0], item.title)}*` : `*${escapeMrkdwn(item.title)}*`;
  const meta = [
    formatDate(item.date, lang),
    countryList(item.countries, lang),
    CATEGORY_LABEL[item.category]?.[lang] ?? item.category,
  ]
    .filter(Boolean)
    .join(' · ');
  const urls = item.urls.map((u) => `• ${link(u, u)}`).join('\n');
  // The digest itself, where its page is known (data/sources.yml `url`).
  const page = item.source.documentUrl
    ? `\n${t.page}: ${link(item.source.documentUrl, item.source.documentUrl)}`
    : '';
  const blocks: Block[] = [
    context(`:bookmark: ${t.cite} · ${t.id} \`${escapeMrkdwn(item.id)}\``),
    section(`${title}\n${meta}\n${escapeMrkdwn(location(item))}${urls ? `\n${urls}` : ''}${page}`),
    section(truncate(`${t.paste}:\n\`\`\`${escapeMrkdwn(citationText(item))}\`\`\``, 2900)),
  ];
  if (c.alsoIn.length)
    blocks.push(context(`${t.also}: ${c.alsoIn.map((a) => escapeMrkdwn(location(a))).join(' / ')}`));
  return {
    text: `${escapeMrkdwn(item.title)} — ${escapeMrkdwn(location(item))}${item.urls[0] ? ` ${escapeMrkdwn(item.urls[0])}` : ''}`,
    blocks,
  };
}

export function renderCitationText(c: CiteResult, lang: Lang = c.lang): string {
  const t = T[lang];
  if (!c.item) return `${t.none}. ${c.message ?? ''}`.trim();
  const lines = [`${t.cite} (${c.item.id}):`, citationText(c.item)];
  if (c.alsoIn.length) lines.push(`${t.also}: ${c.alsoIn.map(location).join(' / ')}`);
  return lines.join('\n');
}
