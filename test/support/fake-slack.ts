import { createHmac } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  args: Record<string, unknown>;
  /** The token the call was made with (its Authorization header, or a `token` argument). */
  token?: string;
}

/** A workspace that can install the app through the fake OAuth flow (the distributed app). */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  /** The code Slack hands the redirect for this workspace's install. */
  code: string;
}

export interface Failure {
  error?: string;
  /** HTTP status; 429 answers with Retry-After. */
  status?: number;
  retryAfter?: number;
}

interface Posted {
  ts: string;
  user?: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client JSON-encodes structured arguments (blocks, metadata) in form posts.
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

/**
 * A local stand-in for Slack's Web API and for response_url endpoints: records every call and
 * answers like Slack (auth.test, chat.postMessage with increasing ts, conversations.history with
 * metadata…). Failures can be queued per method, including rate limits with Retry-After.
 */
export class FakeSlack {
  readonly calls: Call[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  readonly channels = new Map<string, Posted[]>();
  /**
   * What conversations.info says about a channel, and whether the bot may post there. A channel
   * not listed is a public channel the bot is in; `missing` is one it cannot see (a private
   * channel it was not invited to).
   */
  readonly channelInfo = new Map<
    string,
    { is_private?: boolean; is_member: boolean; is_archived?: boolean } | 'missing'
  >();
  /**
   * What users.info says about a user: workspace admins and owners. A user not listed is a
   * member who is neither.
   */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean }>();
  private readonly failures = new Map<string, Failure[]>();
  /** Workspaces the fake OAuth flow knows, by code; auth.test answers for their tokens. */
  readonly workspaces: FakeWorkspace[] = [];
  /**
   * chat.postMessage calls this matches are accepted — the message is in the channel, with its
   * metadata — but never answered: the caller is stuck exactly where a process killed between
   * Slack taking its message and the response would be.
   */
  hangPosts: ((args: Record<string, unknown>) => boolean) | undefined;
  /**
   * Runs after a chat.postMessage is accepted (the message is in the channel) and before Slack
   * answers: a test makes something fail exactly there — the database going down between Slack
   * taking a digest part and the app recording it.
   */
  afterPost: ((args: Record<string, unknown>) => Promise<void>) | undefined;
  private readonly hanging: ServerResponse[] = [];
  private server: Server | undefined;
  private tsCounter = Math.floor(Date.now() / 1000);
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /** Messages other people post in a channel (a busy channel between a crash and a restart). */
  flood(channel: string, n: number): void {
    const list = this.channels.get(channel) ?? [];
    for (let i = 0; i < n; i += 1) {
      this.tsCounter += 1;
      list.push({ ts: `${this.tsCounter}.000200`, text: `chatter ${i}`, user: 'U0THER' });
    }
    this.channels.set(channel, list);
  }

  callsTo(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      const chunks: Buffer[] = [];
      req.on('data', (c) => {
        raw += String(c);
        chunks.push(Buffer.from(c));
      });
      req.on('end', () => {
        const url = req.url ?? '';
        if (url.startsWith('/upload/')) {
          void this.receiveUpload(url, req.headers, Buffer.concat(chunks), res);
          return;
        }
        const body = parseBody(req, raw);
        if (url.startsWith('/respond/')) {
          this.responses.push({ id: url.slice('/respond/'.length), body });
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
          return;
        }
        const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
        const bearer = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
        const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
        this.calls.push({ method, args: body, ...(token ? { token } : {}) });
        const failure = this.failures.get(method)?.shift();
        if (failure?.status === 429) {
          res.writeHead(429, {
            'retry-after': String(failure.retryAfter ?? 1),
            'content-type': 'application/json',
          });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        if (failure) {
          res.writeHead(failure.status ?? 200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: failure.error ?? 'internal_error' }));
          return;
        }
        if (method === 'chat.postMessage' && this.hangPosts?.(body)) {
          this.answer(method, body);
          this.hanging.push(res);
          return;
        }
        if (method === 'chat.postMessage' && this.afterPost) {
          const answer = this.answer(method, body, token);
          void this.afterPost(body).then(() => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(answer));
          });
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body, token)));
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  private answer(method: string, args: Record<string, unknown>, token?: string): Record<string, unknown> {
    const workspace = this.workspaces.find((w) => w.botToken === token);
    switch (method) {
      case 'oauth.v2.access': {
        // Slack's answer to the redirect's code, for the app's client id and secret.
        const w = this.workspaces.find((x) => x.code === args.code);
        if (!w || typeof args.client_id !== 'string' || typeof args.client_secret !== 'string')
          return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A123456',
          authed_user: { id: 'UINSTALLER' },
          scope: 'chat:write,commands,app_mentions:read',
          token_type: 'bot',
          access_token: w.botToken,
          bot_user_id: w.botUserId,
          team: { id: w.teamId, name: w.teamName },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case 'auth.test':
        if (workspace)
          return {
            ok: true,
            url: `https://${workspace.teamName.toLowerCase()}.slack.com/`,
            team: workspace.teamName,
            user: 'policy-bot',
            team_id: workspace.teamId,
            user_id: workspace.botUserId,
            bot_id: `B${workspace.teamId}`,
          };
        return {
          ok: true,
          url: 'https://test.slack.com/',
          team: 'Test',
          user: 'policy-bot',
          team_id: 'T0001',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage': {
        const channel = String(args.channel);
        const info = this.channelInfo.get(channel);
        if (info === 'missing') return { ok: false, error: 'channel_not_found' };
        if (info && !info.is_member) return { ok: false, error: 'not_in_channel' };
        this.tsCounter += 1;
        const ts = `${this.tsCounter}.000100`;
        const posted: Posted = {
          ts,
          ...(typeof args.text === 'string' ? { text: args.text } : {}),
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
          ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
          ...(args.metadata ? { metadata: args.metadata as Posted['metadata'] } : {}),
        };
        this.channels.set(channel, [...(this.channels.get(channel) ?? []), posted]);
        return { ok: true, channel, ts, message: { ...posted, type: 'message', bot_id: 'BBOT' } };
      }
      case 'conversations.history': {
        // Newest first, within [oldest, latest], `limit` per page, older pages through the cursor.
        const oldest = args.oldest === undefined ? Number.NEGATIVE_INFINITY : Number(args.oldest);
        const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
        const limit = Math.min(Math.max(Number(args.limit ?? 100) || 100, 1), 999);
        const start =
          typeof args.cursor === 'string' && args.cursor ? Number(args.cursor.replace(/^off:/, '')) : 0;
        const all = [...(this.channels.get(String(args.channel)) ?? [])]
          .filter((m) => Number(m.ts) > oldest && Number(m.ts) <= latest)
          .reverse();
        const page = all.slice(start, start + limit).map((m) => ({
          type: 'message',
          ts: m.ts,
          text: m.text,
          ...(m.user ? { user: m.user } : { bot_id: 'BBOT' }),
          ...(m.metadata && args.include_all_metadata ? { metadata: m.metadata } : {}),
        }));
        const more = start + limit < all.length;
        return {
          ok: true,
          messages: page,
          has_more: more,
          ...(more ? { response_metadata: { next_cursor: `off:${start + limit}` } } : {}),
        };
      }
      case 'conversations.info': {
        const id = String(args.channel);
        const info = this.channelInfo.get(id) ?? { is_member: true };
        if (info === 'missing') return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: {
            id,
            is_channel: !info.is_private,
            is_private: Boolean(info.is_private),
            is_member: info.is_member,
            is_archived: Boolean(info.is_archived),
          },
        };
      }
      case 'users.info': {
        const id = String(args.user ?? '');
        if (!/^[UW][A-Z0-9]+$/.test(id)) return { ok: false, error: 'user_not_found' };
        const u = this.users.get(id) ?? {};
        return {
          ok: true,
          user: {
            id,
            team_id: 'T0001',
            name: id.toLowerCase(),
            deleted: false,
            is_bot: false,
            is_admin: Boolean(u.is_admin),
            is_owner: Boolean(u.is_owner),
            is_primary_owner: Boolean(u.is_primary_owner),
          },
        };
      }
      case 'conversations.join': {
        const id = String(args.channel);
        const info = this.channelInfo.get(id) ?? { is_member: true };
        if (info === 'missing') return { ok: false, error: 'channel_not_found' };
        if (info.is_archived) return { ok: false, error: 'is_archived' };
        if (info.is_private) return { ok: false, error: 'method_not_supported_for_channel_type' };
        this.channelInfo.set(id, { ...info, is_member: true });
        return { ok: true, channel: { id, is_member: true } };
      }
      default:
        return this.filesAnswer(method, args) ?? { ok: true };
    }
  }

  /** Waits until `pick` finds something in the recorded traffic, or fails after `ms`. */
  async waitFor<T>(pick: () => T | undefined, ms = 5000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const found = pick();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error('FakeSlack.waitFor: timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  // Files (the files.uploadV2 flow: files.getUploadURLExternal, a POST of the bytes to the
  // upload URL, files.completeUploadExternal) and the DM it shares them in (conversations.open).

  /** Files by id: what getUploadURLExternal was told, the bytes uploaded, where it was shared. */
  readonly files = new Map<
    string,
    {
      filename: string;
      length: number;
      bytes?: Buffer;
      completed?: { channel_id?: string; title?: string; initial_comment?: string };
    }
  >();
  private fileCounter = 0;

  /** A completed upload's bytes as text (UTF-8, BOM kept), by filename. */
  uploadedText(filename: string): string | undefined {
    for (const f of this.files.values())
      if (f.filename === filename && f.completed && f.bytes) return f.bytes.toString('utf8');
    return undefined;
  }

  private async receiveUpload(
    url: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
    res: ServerResponse,
  ): Promise<void> {
    const id = url.slice('/upload/'.length);
    const file = this.files.get(id);
    if (!file) {
      res.writeHead(404).end('no such upload');
      return;
    }
    // The Web API client sends the bytes as multipart/form-data; a raw body is taken as is.
    let bytes = body;
    const type = String(headers['content-type'] ?? '');
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://upload.local/', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string');
      if (part && typeof part !== 'string') bytes = Buffer.from(await part.arrayBuffer());
    }
    file.bytes = bytes;
    this.calls.push({ method: 'upload', args: { file_id: id, length: bytes.length } });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  private filesAnswer(method: string, args: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (method) {
      case 'conversations.open': {
        const user = String(args.users ?? '').split(',')[0];
        return user
          ? { ok: true, channel: { id: `D${user}` } }
          : { ok: false, error: 'users_list_not_supplied' };
      }
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (typeof args.filename !== 'string' || !args.filename || !Number.isInteger(length) || length <= 0)
          return { ok: false, error: 'invalid_arguments' };
        this.fileCounter += 1;
        const id = `F${String(this.fileCounter).padStart(8, '0')}`;
        this.files.set(id, { filename: args.filename, length });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as
          | { id: string; title?: string }[]
          | undefined;
        if (!Array.isArray(list) || !list.length) return { ok: false, error: 'invalid_arguments' };
        const done = [];
        for (const f of list) {
          const file = this.files.get(f.id);
          // Slack refuses to complete an upload whose bytes never arrived or differ in length.
          if (!file?.bytes || file.bytes.length !== file.length)
            return { ok: false, error: 'file_not_found' };
          file.completed = {
            ...(typeof args.channel_id === 'string' ? { channel_id: args.channel_id } : {}),
            ...(f.title ? { title: f.title } : {}),
            ...(typeof args.initial_comment === 'string' ? { initial_comment: args.initial_comment } : {}),
          };
          done.push({ id: f.id, name: file.filename, title: f.title ?? file.filename });
        }
        return { ok: true, files: done };
      }
      default:
        return undefined;
    }
  }
}

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'f');
export const BOT_TOKEN = 'xoxb-1234567890-test-token-secret';

/** Signs a request body the way Slack does: v0=HMAC-SHA256(secret, "v0:ts:body"). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  retryNum?: number;
  signature?: string;
}

/** Posts a correctly signed request to the app's /slack/events. */
export async function send(
  port: number,
  body: string,
  type: 'form' | 'json',
  o: SendOptions = {},
): Promise<Response> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': o.signature ?? sign(body, timestamp, o.secret),
      ...(o.retryNum !== undefined
        ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
    body,
  });
}

/** A slash command payload shaped like Slack's documented example. */
export function slashCommand(text: string, responseUrl: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'gIkuvaNzQIHg97ATvDxqgjtO',
    team_id: 'T0001',
    team_domain: 'example',
    enterprise_id: 'E0001',
    enterprise_name: 'Globular%20Construct%20Inc',
    channel_id: 'C2147483705',
    channel_name: 'test',
    user_id: 'U2147483697',
    user_name: 'Steve',
    command: '/policy',
    text,
    response_url: responseUrl,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    api_app_id: 'A123456',
    is_enterprise_install: 'false',
    ...extra,
  }).toString();
}

let eventCounter = 0;
function nextEventId(): string {
  eventCounter += 1;
  return `Ev${Date.now()}${eventCounter}`;
}
/** An Events API envelope (event_callback) around an inner event, from workspace T0001 unless told. */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = nextEventId(),
  from: { teamId: string; botUserId: string } = { teamId: 'T0001', botUserId: 'UBOT' },
): string {
  return JSON.stringify({
    token: 'XXYYZZ',
    team_id: from.teamId,
    api_app_id: 'A123456',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: from.teamId,
        user_id: from.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

/** An interactivity payload (block_actions or message_action), form-encoded as Slack sends it. */
export function interaction(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
