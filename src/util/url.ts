import { z } from 'zod';

/**
 * The only addresses policy-bot takes in or shows: absolute `http:` / `https:` URLs with a host.
 * A `javascript:`, `data:` or `file:` address in a document, a saved page or data/sources.yml
 * would otherwise reach a citation or a Slack link that looks like the source's.
 */
export function isHttpUrl(value: string | null | undefined): boolean {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export const HTTP_URL_MESSAGE = 'only http:// and https:// addresses are accepted';

/** {@link isHttpUrl} as a zod string: every schema a URL enters through uses it. */
export const HttpUrl = z.string().refine(isHttpUrl, HTTP_URL_MESSAGE);
