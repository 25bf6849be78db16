import { type Cheerio, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isHttpUrl } from '../../util/url.js';

/** What a saved digest page yields: its article as digest text, and what the page says about itself. */
export interface HtmlPage {
  text: string;
  /** `<link rel="canonical">` (or `og:url`): the page's own address. */
  canonicalUrl?: string;
  /** `og:site_name`: who publishes it. */
  siteName?: string;
  /** What the page said that was not taken (a canonical address that is not http/https). */
  warnings?: string[];
}

/** Page furniture that is never the article: navigation, banners, footers, sidebars, related lists. */
const FURNITURE = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'nav',
  'header',
  'footer',
  'aside',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[aria-hidden="true"]',
  '[class*="breadcrumb"]',
  '[class*="related"]',
  '[id*="related"]',
  '[class*="sidebar"]',
  '[id*="sidebar"]',
  '[class*="pagination"]',
  '[class*="share"]',
].join(',');

/** Headings of lists a page appends to its article: related pages, news, tags, archives. */
const APPENDED =
  /^(?:関連(?:記事|情報|リンク|ページ)?|新着(?:情報)?|お知らせ|人気記事|タグ|カテゴリー?|アーカイブ|Related|Recent|Tags|Categories|Archives?)(?![A-Za-z])/i;

/** Where the article is, most specific first. */
const ARTICLE = ['article', 'main', '[role="main"]', '#main', '#content', '.content', 'body'];

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'hr',
]);

/** Anchor text that stands for its own address (possibly shortened): the `href` replaces it. */
const URL_TEXT = /^(?:https?:\/\/|www\.)|…|\.\.\.$/;

/** Collects one block's text into lines; links not shown as their address follow the block. */
class Lines {
  readonly lines: string[] = [];
  private current = '';
  private pendingUrls: string[] = [];
  text(s: string) {
    this.current += s;
  }
  url(href: string) {
    this.pendingUrls.push(href);
  }
  push(...lines: string[]) {
    this.break();
    this.lines.push(...lines);
  }
  break() {
    // Only <pre> text keeps its newlines (and indentation): it is already laid out as lines.
    if (this.current.includes('\n')) {
      for (const l of this.current.split(/\r?\n/)) if (l.trim()) this.lines.push(l.replace(/\s+$/, ''));
    } else {
      const t = this.current.replace(/[ \t\u00a0]+/g, ' ').trim();
      if (t) this.lines.push(t);
    }
    this.current = '';
  }
  endBlock() {
    this.break();
    this.lines.push(...this.pendingUrls);
    this.pendingUrls = [];
  }
}

/**
 * Turns a page saved from aisi.go.jp into digest text: the article only, one line per block,
 * numbered list entries as `  N. ` with their text indented (the numbered layout), bulleted
 * entries after a `-` line (the separated layouts), and every link's `href` exactly as written.
 */
export function readHtml(html: string): HtmlPage {
  const $ = load(html);
  // The page's own address is recorded in data/sources.yml and cited: only an http(s) one is
  // taken; a javascript:, data: or file: one is ignored and said so.
  const warnings: string[] = [];
  const declared = [
    ['<link rel="canonical">', $('link[rel="canonical"]').attr('href')?.trim()],
    ['<meta property="og:url">', $('meta[property="og:url"]').attr('content')?.trim()],
  ] as const;
  let canonicalUrl: string | undefined;
  for (const [where, url] of declared) {
    if (!url) continue;
    if (isHttpUrl(url)) {
      canonicalUrl ??= url;
      continue;
    }
    warnings.push(
      `the page's ${where} address ${JSON.stringify(url.slice(0, 120))} is not an http(s) address: ignored`,
    );
  }
  const siteName = $('meta[property="og:site_name"]').attr('content')?.trim();
  // A relative link means the page's own site: resolved against <base> or the canonical address.
  const declaredBase = $('base[href]').attr('href')?.trim();
  const base = isHttpUrl(declaredBase) ? declaredBase : canonicalUrl;
  const absolute = (href: string | undefined): string | undefined => {
    if (!href || /^https?:\/\//.test(href)) return href;
    if (!base || /^(?:#|mailto:|javascript:|tel:)/i.test(href)) return undefined;
    try {
      return new URL(href, base).href;
    } catch {
      return undefined;
    }
  };
  $(FURNITURE).remove();
  // Lists a page appends under a heading of their own (関連情報, 新着情報…), marked by no class.
  $('h1, h2, h3, h4, h5, h6').each((_, el) => {
    const h = $(el);
    if (!APPENDED.test(h.text().trim())) return;
    const level = Number(el.tagName.slice(1));
    const stop = Array.from({ length: level }, (_, i) => `h${i + 1}`).join(', ');
    h.nextUntil(stop).remove();
    h.remove();
  });
  let root: Cheerio<AnyNode> = $('body');
  for (const sel of ARTICLE) {
    const found = $(sel).first();
    if (found.length && found.text().trim()) {
      root = found;
      break;
    }
  }
  const render = (nodes: AnyNode[], pre: boolean): string[] => {
    const out = new Lines();
    const walk = (node: AnyNode, pre: boolean) => {
      if (node.type === 'text') {
        out.text(pre ? node.data : node.data.replace(/\s+/g, ' '));
        return;
      }
      if (node.type !== 'tag') return;
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (name === 'br') return out.break();
      if (name === 'a') {
        const href = absolute(el.attribs.href?.trim());
        const label = $(el).text().replace(/\s+/g, ' ').trim();
        if (href && isHttpUrl(href)) {
          if (URL_TEXT.test(label) || label === '') out.push(href);
          else {
            out.text(label);
            out.url(href);
          }
          return;
        }
      }
      if (name === 'ol' || name === 'ul') {
        out.endBlock();
        let n = Number(el.attribs.start ?? 1) - 1;
        for (const li of $(el).children('li').toArray()) {
          n += 1;
          const [first = '', ...rest] = render(li.children, pre);
          // Numbered entries print as the numbered layout does; bulleted ones after a `-` line.
          if (name === 'ol') out.push(`  ${li.attribs.value ?? n}. ${first}`, ...rest.map((l) => `    ${l}`));
          else out.push('-', first, ...rest);
        }
        return;
      }
      const block = BLOCK.has(name);
      if (block) out.endBlock();
      for (const k of el.children) walk(k, pre || name === 'pre');
      if (block) out.endBlock();
    };
    for (const n of nodes) walk(n, pre);
    out.endBlock();
    return out.lines;
  };
  const lines = render(root.toArray(), false).map((l) => l.replace(/\s+$/, ''));
  return {
    text: `${lines.join('\n')}\n`,
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(siteName ? { siteName } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}
