import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake answers instead of a translation: an HTTP error, or no answer at all (a timeout). */
export interface Trouble {
  status?: number;
  /** Sent as Retry-After (seconds). */
  retryAfter?: number;
  /** Sent as the body (JSON). */
  body?: unknown;
  /** Never answer: the client's timeout must end the request. */
  hang?: boolean;
}

/** One request a fake received. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** The fake's "translation": marked as such, with the glossary's terms put in. */
export function fakeTranslate(text: string, glossary: ReadonlyMap<string, string>): string {
  let out = text;
  // Longer terms first, so 英国AISI wins over AISI.
  for (const [ja, en] of [...glossary].sort((a, b) => b[0].length - a[0].length))
    out = out.split(ja).join(en);
  return `[en] ${out}`;
}

/**
 * A local HTTP server (127.0.0.1, a free port) with scripted trouble: `trouble(path, …)` queues
 * failures answered to the next requests of that path, in order, before it answers normally.
 * Every request is recorded. Subclasses answer their API's endpoints.
 */
abstract class FakeApi {
  readonly received: Received[] = [];
  private readonly queued = new Map<string, Trouble[]>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  port = 0;

  trouble(path: string, ...troubles: Trouble[]): void {
    this.queued.set(path, [...(this.queued.get(path) ?? []), ...troubles]);
  }

  /** Requests to one path (method and path without the query). */
  to(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Starts afresh: nothing received, no trouble queued, no state of an earlier run. */
  async start(): Promise<void> {
    this.received.length = 0;
    this.queued.clear();
    this.reset();
    const server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        raw += c;
      });
      req.on('end', () => {
        const path = (req.url ?? '/').split('?')[0] as string;
        this.received.push({ method: req.method ?? 'GET', path, headers: req.headers, body: raw });
        const t = this.queued.get(path)?.shift();
        if (t?.hang) {
          this.hanging.add(res);
          return;
        }
        if (t) {
          res.writeHead(t.status ?? 500, {
            'content-type': 'application/json',
            ...(t.retryAfter !== undefined ? { 'retry-after': String(t.retryAfter) } : {}),
          });
          res.end(JSON.stringify(t.body ?? { message: 'scripted failure' }));
          return;
        }
        this.answer(req.method ?? 'GET', path, raw, req, res);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Forgets what the API keeps between requests (glossaries…). */
  protected reset(): void {}

  protected json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  protected abstract answer(
    method: string,
    path: string,
    raw: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): void;
}

/**
 * DeepL's API as deepl-node calls it: POST /v2/translate (form: text…, source_lang, target_lang,
 * glossary_id, context), GET and POST /v2/glossaries (form: name, source_lang, target_lang,
 * entries_format=tsv, entries). Checks the DeepL-Auth-Key header.
 */
export class FakeDeepL extends FakeApi {
  readonly glossaries = new Map<string, { name: string; entries: Map<string, string> }>();
  key = 'test-key';

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  protected override reset(): void {
    this.glossaries.clear();
  }

  protected answer(method: string, path: string, raw: string, req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== `DeepL-Auth-Key ${this.key}`)
      return this.json(res, 403, { message: 'Wrong endpoint or key' });
    const form = new URLSearchParams(raw);
    if (method === 'GET' && path === '/v2/glossaries')
      return this.json(res, 200, {
        glossaries: [...this.glossaries].map(([id, g]) => this.info(id, g.name, g.entries.size)),
      });
    if (method === 'POST' && path === '/v2/glossaries') {
      const entries = new Map<string, string>();
      for (const line of (form.get('entries') ?? '').split('\n')) {
        const [ja, en] = line.split('\t');
        if (ja && en) entries.set(ja, en);
      }
      if (form.get('entries_format') !== 'tsv' || !entries.size)
        return this.json(res, 400, { message: 'Invalid glossary entries' });
      const id = `g-${this.glossaries.size + 1}`;
      this.glossaries.set(id, { name: form.get('name') ?? '', entries });
      return this.json(res, 201, this.info(id, form.get('name') ?? '', entries.size));
    }
    if (method === 'POST' && path === '/v2/translate') {
      const texts = form.getAll('text');
      if (!texts.length || form.get('target_lang')?.toLowerCase() !== 'en-gb')
        return this.json(res, 400, { message: 'Bad request' });
      const glossaryId = form.get('glossary_id');
      const glossary = glossaryId ? this.glossaries.get(glossaryId) : undefined;
      if (glossaryId && !glossary) return this.json(res, 404, { message: 'Glossary not found' });
      return this.json(res, 200, {
        translations: texts.map((t) => ({
          detected_source_language: 'JA',
          text: fakeTranslate(t, glossary?.entries ?? new Map()),
          billed_characters: t.length,
        })),
      });
    }
    return this.json(res, 404, { message: 'Not found' });
  }

  private info(id: string, name: string, count: number) {
    return {
      glossary_id: id,
      name,
      ready: true,
      source_lang: 'ja',
      target_lang: 'en',
      creation_time: '2026-12-07T00:00:00Z',
      entry_count: count,
    };
  }
}

/**
 * An OpenAI-compatible chat endpoint as the `openai` package calls it: POST /v1/chat/completions
 * with a bearer key. Its "model" answers the JSON asked for, from the title and the fixed names
 * listed in the prompt; `badOutput` answers prose instead for the next requests.
 */
export class FakeOpenAi extends FakeApi {
  key = 'sk-test';
  badOutput = 0;

  protected override reset(): void {
    this.badOutput = 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** The chat requests' bodies, parsed. */
  get chats(): { model: string; messages: { role: string; content: string }[] }[] {
    return this.to('/v1/chat/completions').map((r) => JSON.parse(r.body));
  }

  protected answer(method: string, path: string, raw: string, req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== `Bearer ${this.key}`)
      return this.json(res, 401, {
        error: { message: 'Incorrect API key provided', code: 'invalid_api_key' },
      });
    if (method !== 'POST' || path !== '/v1/chat/completions')
      return this.json(res, 404, { error: { message: 'Not found' } });
    const body = JSON.parse(raw) as { model: string; messages: { role: string; content: string }[] };
    const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
    const title = /^Title: (.*)$/m.exec(user)?.[1] ?? '';
    const glossary = new Map<string, string>();
    for (const m of user.matchAll(/^- (.+?) = (.+)$/gm)) glossary.set(m[1] as string, m[2] as string);
    let content = JSON.stringify({
      title: fakeTranslate(title, glossary),
      summary: `${fakeTranslate(title, glossary)} (summary)`,
    });
    if (this.badOutput > 0) {
      this.badOutput -= 1;
      content = 'Sure! Here is the translation you asked for.';
    }
    return this.json(res, 200, {
      id: `chatcmpl-${this.received.length}`,
      object: 'chat.completion',
      created: 1765065600,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
}
