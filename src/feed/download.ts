/**
 * Downloads from the publisher with Node's own fetch (undici): one deadline for the whole
 * download, a size limit enforced while the body streams in, a content-type check, and
 * redirects followed by hand so that none leaves the publisher's host or http/https.
 */

/** What the bytes are: a page to read the article from, or a PDF. */
export type Format = 'html' | 'pdf';

export interface DownloadLimits {
  /** The whole download (every redirect and the body), in milliseconds. */
  timeoutMs: number;
  /** The largest body accepted, in bytes. */
  maxBytes: number;
}

export interface Downloaded {
  /** Where the body came from after redirects (same host). */
  finalUrl: string;
  format: Format;
  /** The body; a page in another charset is re-encoded as UTF-8. */
  bytes: Uint8Array;
}

/** A download that failed: the address and the reason, in one line. */
export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  /** What the body may be; anything else is refused by its content type. */
  accept: readonly Format[];
  /** POLICY_BOT_DOWNLOAD_TIMEOUT and POLICY_BOT_DOWNLOAD_MAX_MB (config.download). */
  limits: DownloadLimits;
  /** The only host redirects may go to (default: the address's own). */
  host?: string;
}

const MAX_REDIRECTS = 5;
const TYPES: Record<Format, string[]> = {
  html: ['text/html', 'application/xhtml+xml'],
  pdf: ['application/pdf', 'application/x-pdf'],
};
/** Servers that do not know a PDF from other bytes: accepted only when the body is one. */
const UNTYPED = ['application/octet-stream', 'binary/octet-stream', 'application/download'];

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MB`;

/** Parses an address and checks it is http or https; the reason otherwise. */
export function webAddress(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a web address';
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? url
    : `only http and https addresses are downloaded, not ${url.protocol.replace(/:$/, '')}`;
}

/**
 * Downloads `address`, or throws a {@link DownloadError} naming it and why: not http(s), a
 * redirect to another host or scheme, too many redirects, an HTTP error, a content type not in
 * `accept`, a body over the size limit, or no complete answer before the deadline.
 */
export async function download(address: string, opts: DownloadOptions): Promise<Downloaded> {
  const { limits } = opts;
  const start = webAddress(address);
  if (typeof start === 'string') throw new DownloadError(address, start);
  const host = opts.host ?? start.host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const fail = (reason: string): never => {
    throw new DownloadError(address, reason);
  };
  try {
    let url = start;
    let res: Response | undefined;
    for (let hop = 0; ; hop++) {
      if (url.host !== host) fail(`on another host (${url.host}): only ${host} is downloaded from`);
      res = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          accept: opts.accept.flatMap((f) => TYPES[f]).join(', '),
          'user-agent': 'policy-bot (monthly digest watcher)',
        },
      });
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) break;
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS) fail(`more than ${MAX_REDIRECTS} redirects`);
      const next = webAddress(new URL(location, url).href);
      if (typeof next === 'string') fail(`redirected to ${location}: ${next}`);
      const to = next as URL;
      if (to.host !== host)
        fail(`redirected to ${to.href}, on another host: only redirects within ${host} are followed`);
      url = to;
    }
    if (!res.ok) {
      await res.body?.cancel();
      fail(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    const declared = res.headers.get('content-type') ?? '';
    const media = declared.split(';')[0]?.trim().toLowerCase() ?? '';
    const format = opts.accept.find((f) => TYPES[f].includes(media));
    const maybePdf = !format && opts.accept.includes('pdf') && UNTYPED.includes(media);
    if (!format && !maybePdf) {
      await res.body?.cancel();
      const wanted = opts.accept.map((f) => (f === 'html' ? 'an HTML page' : 'a PDF')).join(' or ');
      fail(`${media ? `content type ${media}` : 'no content type'}, not ${wanted}`);
    }
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    if (length > limits.maxBytes) {
      await res.body?.cancel();
      fail(`${mb(length)}, over the ${mb(limits.maxBytes)} limit`);
    }
    const body = await readLimited(res, limits.maxBytes, () => controller.abort());
    if (body === 'too-large') return fail(`more than the ${mb(limits.maxBytes)} limit`);
    if (maybePdf && !Buffer.from(body.subarray(0, 5)).toString('latin1').startsWith('%PDF-'))
      fail(`content type ${media} and not a PDF`);
    const finalFormat: Format = format ?? 'pdf';
    const bytes = finalFormat === 'html' ? asUtf8(body, declared, fail) : body;
    return { finalUrl: url.href, format: finalFormat, bytes };
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (controller.signal.aborted)
      throw new DownloadError(address, `no complete answer within ${limits.timeoutMs / 1000} s`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new DownloadError(
      address,
      `cannot download it (${cause?.code ?? cause?.message ?? (err as Error).message})`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** The body, read chunk by chunk and abandoned as soon as it passes `max` bytes. */
async function readLimited(res: Response, max: number, abort: () => void): Promise<Uint8Array | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      abort();
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A page in the charset its content type declares, as UTF-8 (what the page reader expects). */
function asUtf8(body: Uint8Array, contentType: string, fail: (reason: string) => never): Uint8Array {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8') return body;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return fail(`charset ${charset} is not supported`);
  }
  try {
    return Buffer.from(decoder.decode(body), 'utf8');
  } catch {
    return fail(`not valid ${charset} as its content type declares`);
  }
}
