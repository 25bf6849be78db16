import { isHttpUrl } from '../util/url.js';

/**
 * Slack mrkdwn helpers. Everything from the documents or from the asker goes through
 * {@link escapeMrkdwn}, so no text can ping @channel, mention a user or forge a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A link whose target is the source URL and whose label is escaped text. Slack reads `<url|label>`
 * up to the first `|`, so a `|` in the URL is sent as `%7C` (the same address): otherwise
 * `https://evil.example/x|www.meti.go.jp` would show a trusted-looking label. `&`, `<` and `>` go
 * as entities, which Slack turns back into the characters. Only http(s) addresses are linked; any
 * other is shown as its label alone.
 */
export function link(url: string, label: string): string {
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!isHttpUrl(url)) return text;
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${text}>`;
}

/** Slack's limits we render within. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElementText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 3000,
} as const;

/**
 * Cuts mrkdwn to `max` characters with an ellipsis, never inside a `<…>` link or mention and
 * never inside an `&amp;` entity; a link that does not fit is dropped whole.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const open = text.lastIndexOf('<', cut - 1);
  const close = text.lastIndexOf('>', cut - 1);
  if (open > close) cut = open;
  const amp = text.lastIndexOf('&', cut);
  if (
    amp >= 0 &&
    amp > cut - 6 &&
    /^&(?:amp|lt|gt);/.test(text.slice(amp)) &&
    amp + text.slice(amp).indexOf(';') >= cut
  )
    cut = amp;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Plain text (headers, buttons) cut with an ellipsis. */
export function truncatePlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Whole lines up to `max` characters (a message's `text`), the last one cut if it alone does not fit. */
export function fitLines(lines: string[], max: number): string {
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max) return out || truncate(line, max);
    out = next;
  }
  return out;
}
