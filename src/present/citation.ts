import { sectionCitation } from '../query/ask.js';
import type { CiteResult } from '../query/cite.js';
import type { Lang } from '../query/understand.js';
import type { StoredItem } from '../search/stored-item.js';
import { isHttpUrl } from '../util/url.js';
import { type Block, context, section } from './blocks.js';
import { say, sayAll } from './catalogue.js';
import { type CiteContext, citedEnglishTitle, citedTitle, citeLine, citeMarkdown } from './cite-formats.js';
import { CATEGORY_LABEL, countryList, formatDate } from './labels.js';
import { escapeMrkdwn, link, truncate } from './mrkdwn.js';
import { linkLabels } from './publishers.js';

/** Where an item is in the corpus, as one pastes it: `AI政策動向マンスリー情報 2026年1月 · 海外/アジア #2`. */
export function location(item: StoredItem): string {
  return `${item.source.documentTitle} · ${sectionCitation(item)}`;
}

/** The citation as plain lines, ready to paste anywhere. */
export function citationText(item: StoredItem, lang: Lang = 'en'): string {
  const date = formatDate(item.date, lang);
  const page = isHttpUrl(item.source.documentUrl)
    ? [`${say(lang, 'digestPage')}: ${item.source.documentUrl}`]
    : [];
  // English readers: the English title first, the original beneath it.
  const en = citedEnglishTitle(item, lang);
  return [
    `${en ?? item.title} (${date}; ${countryList(item.countries, lang) || '—'})`,
    ...(en ? [item.title] : []),
    location(item),
    ...item.urls,
    ...page,
  ].join('\n');
}

export function renderCitationBlocks(c: CiteResult, lang: Lang = c.lang): { text: string; blocks: Block[] } {
  const item = c.item;
  const ctx = contextOf(c);
  if (!item) {
    const msg = `${say(lang, 'nothingToCite')}. ${c.notices ? sayAll(lang, c.notices) : ''}`.trim();
    return { text: escapeMrkdwn(msg), blocks: [section(`:warning: ${escapeMrkdwn(msg)}`)] };
  }
  const headline = citedTitle(item, lang);
  const title = item.urls[0] ? `*${link(item.urls[0], headline)}*` : `*${escapeMrkdwn(headline)}*`;
  const beneath = headline !== item.title ? `\n_${escapeMrkdwn(item.title)}_` : '';
  const meta = [
    formatDate(item.date, lang),
    countryList(item.countries, lang),
    CATEGORY_LABEL[item.category]?.[lang] ?? item.category,
  ]
    .filter(Boolean)
    .join(' · ');
  const labels = linkLabels(item.urls, lang);
  const urls = item.urls.map((u, i) => `• ${link(u, labels[i] as string)}`).join('\n');
  // The digest itself, where its page is known (data/sources.yml `url`), named by its title.
  const docUrl = item.source.documentUrl;
  const page =
    docUrl && isHttpUrl(docUrl)
      ? `\n${say(lang, 'digestPage')}: ${link(docUrl, item.source.documentTitle)}`
      : '';
  const blocks: Block[] = [
    context(`:bookmark: ${say(lang, 'citation')} · ${say(lang, 'itemId')} \`${escapeMrkdwn(item.id)}\``),
    section(
      truncate(
        `${title}${beneath}\n${meta}\n${escapeMrkdwn(location(item))}${urls ? `\n${urls}` : ''}${page}${otherSources(c, lang, true)}`,
        2900,
      ),
    ),
    // The one-liner and the Markdown link, each in its own code block so one click copies it.
    section(
      truncate(
        `${say(lang, 'readyToPaste')}:\n\`\`\`${escapeMrkdwn(citeLine(item, lang, ctx))}\`\`\`\n${say(lang, 'markdownLink')}:\n\`\`\`${escapeMrkdwn(citeMarkdown(item, lang, ctx))}\`\`\``,
        2900,
      ),
    ),
  ];
  if (c.alsoIn.length)
    blocks.push(
      context(`${say(lang, 'alsoCitedIn')}: ${c.alsoIn.map((a) => escapeMrkdwn(location(a))).join(' / ')}`),
    );
  return {
    text: `${escapeMrkdwn(item.title)} — ${escapeMrkdwn(location(item))}${item.urls[0] ? ` ${escapeMrkdwn(item.urls[0])}` : ''}`,
    blocks,
  };
}

/** The event's other sources (a report section of the same event), each with its date and URLs. */
function otherSources(c: CiteResult, lang: Lang, mrkdwn: boolean): string {
  const others = (c.sources ?? []).slice(1);
  if (!others.length) return '';
  const esc = mrkdwn ? escapeMrkdwn : (t: string) => t;
  const lines = others.map((o) => {
    const labels = linkLabels(o.urls, lang);
    const urls = o.urls.map((u, i) => (mrkdwn ? link(u, labels[i] as string) : u)).join(' ');
    return `• ${esc(location(o))} (${formatDate(o.date, lang)})${urls ? ` ${urls}` : ''}`;
  });
  return `\n${say(lang, 'reportedIn')}:\n${lines.join('\n')}`;
}

/** What the citation formats need of a cite result. */
export function contextOf(c: CiteResult): CiteContext {
  return { ...(c.sources ? { sources: c.sources } : {}), ...(c.published ? { published: c.published } : {}) };
}

export function renderCitationText(c: CiteResult, lang: Lang = c.lang): string {
  if (!c.item) return `${say(lang, 'nothingToCite')}. ${c.notices ? sayAll(lang, c.notices) : ''}`.trim();
  const ctx = contextOf(c);
  const lines = [
    `${say(lang, 'citation')} (${c.item.id}):`,
    citationText(c.item, lang),
    '',
    `${say(lang, 'readyToPaste')}: ${citeLine(c.item, lang, ctx)}`,
    `${say(lang, 'markdownLink')}: ${citeMarkdown(c.item, lang, ctx)}`,
  ];
  const more = otherSources(c, lang, false);
  if (more) lines.push(more.slice(1));
  if (c.alsoIn.length) lines.push(`${say(lang, 'alsoCitedIn')}: ${c.alsoIn.map(location).join(' / ')}`);
  return lines.join('\n');
}
