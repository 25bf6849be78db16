import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyMiddlewareArgs, HTTPModuleFunctions, type HTTPReceiver, type Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../util/logger.js';
import { errorId } from '../util/logger.js';
import type { Routes } from './routes.js';

/**
 * What to do with a verified request body before Bolt sees it:
 * - `pass`: a payload some listener takes;
 * - `ack`: a well-formed payload no listener takes — answered 200 at once (never by Bolt's 3 s
 *   timeout), with `reply` for a slash command so the user learns why nothing happens;
 * - `reject`: a body Bolt cannot handle (not an object, no type, unknown type, malformed fields) —
 *   answered 400 at once.
 */
export type Verdict =
  | { kind: 'pass' }
  | { kind: 'ack'; reason: string; reply?: { response_type: 'ephemeral'; text: string } }
  | { kind: 'reject'; reason: string };

const obj = z.record(z.string(), z.unknown());
const event = z.looseObject({ type: z.string() });
const command = z.looseObject({
  command: z.string(),
  text: z.string().optional(),
  response_url: z.string().optional(),
  channel_id: z.string().optional(),
});
const blockActions = z.looseObject({
  actions: z.array(z.looseObject({ action_id: z.string().optional() })).min(1),
});
const shortcut = z.looseObject({ type: z.string(), callback_id: z.string() });
const view = z.looseObject({ view: z.looseObject({ callback_id: z.string().optional() }) });

const pass: Verdict = { kind: 'pass' };
const reject = (reason: string): Verdict => ({ kind: 'reject', reason });
const ack = (reason: string, reply?: string): Verdict => ({
  kind: 'ack',
  reason,
  ...(reply ? { reply: { response_type: 'ephemeral' as const, text: reply } } : {}),
});

/**
 * Sorts a parsed request body the way Bolt would route it, checking the fields Bolt reads on the
 * way, so that nothing Bolt would crash on or leave unanswered reaches it. Pure; the routes are
 * the ones the listeners registered.
 */
export function classifyBody(body: unknown, routes: Routes): Verdict {
  const o = obj.safeParse(body);
  if (!o.success || Array.isArray(body))
    return reject(
      `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}, not an object`,
    );
  const b = o.data;
  if (b.ssl_check === '1') return pass;
  if (b.type === 'url_verification')
    return typeof b.challenge === 'string' ? pass : reject('url_verification without a challenge');
  if (b.event !== undefined) {
    const e = event.safeParse(b.event);
    if (!e.success) return ack('an event_callback whose event has no type');
    return pass; // Bolt acknowledges events itself, before any listener runs
  }
  if (b.type === 'event_callback') return ack('an event_callback without an event');
  if (b.type === 'app_rate_limited') return ack('app_rate_limited notice');
  if (b.command !== undefined) {
    const c = command.safeParse(b);
    if (!c.success) return reject('a slash command with malformed fields');
    if (!routes.commands.includes(c.data.command))
      return ack(`unknown command ${c.data.command}`, `policy-bot does not handle ${c.data.command}.`);
    return pass;
  }
  if (b.name !== undefined || b.type === 'block_suggestion')
    return ack('options request (no options listener)');
  if (b.actions !== undefined || b.type === 'dialog_submission') {
    const a = blockActions.safeParse(b);
    if (!a.success) return reject('an action payload without actions');
    const ids = a.data.actions.map((x) => x.action_id);
    return ids.some((id) => id && routes.actions.includes(id))
      ? pass
      : ack(`unknown action ${ids.join(', ')}`);
  }
  if (b.type === 'shortcut' || b.type === 'message_action') {
    const s = shortcut.safeParse(b);
    if (!s.success) return reject('a shortcut without a callback_id');
    return routes.shortcuts.includes(s.data.callback_id)
      ? pass
      : ack(`unknown shortcut ${s.data.callback_id}`);
  }
  if (b.type === 'view_submission' || b.type === 'view_closed') {
    const v = view.safeParse(b);
    if (!v.success) return reject(`a ${b.type} without a view`);
    const id = v.data.view.callback_id;
    return id && routes.views.includes(id) ? pass : ack(`${b.type} ${id ?? ''} (no view listener)`);
  }
  if (b.type === undefined) return reject('the body has no type');
  return reject(`unknown payload type ${JSON.stringify(b.type).slice(0, 60)}`);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A request's kind for the ack metric: command, event, action, shortcut, view or other. */
function kindOf(body: unknown): string {
  const b = (body ?? {}) as Record<string, unknown>;
  if (b.command !== undefined) return 'command';
  if (b.event !== undefined || b.type === 'event_callback') return 'event';
  if (b.actions !== undefined) return 'action';
  if (b.type === 'shortcut' || b.type === 'message_action') return 'shortcut';
  if (b.type === 'view_submission' || b.type === 'view_closed') return 'view';
  return 'other';
}

/**
 * Puts {@link classifyBody} in front of Bolt's HTTPReceiver: the body is read and its signature
 * verified once (Bolt reuses the buffered body), then only payloads Bolt can handle go on.
 * Everything else is answered at once — 400 for what Bolt cannot handle, 200 for what no
 * listener takes — so a signed `null` or an unknown action neither crashes the process nor waits
 * for the 3 s timeout. Bolt keeps answering bad signatures (401) and oversized bodies (413).
 */
export function guardReceiver(
  receiver: HTTPReceiver,
  o: {
    signingSecret: string;
    routes: Routes;
    logger: Logger;
    bodyLimit?: number;
    /**
     * False when this signed slash command request (timestamp header and raw body) was seen
     * before: it is acknowledged and not answered again. Absent: every request is new.
     */
    firstCommand?: (timestamp: string, rawBody: Buffer) => Promise<boolean>;
    /** Told when each request has been answered: its kind and seconds from arrival to response. */
    onAck?: (kind: string, seconds: number) => void;
  },
): void {
  const target = receiver as unknown as { handleIncomingEvent: Handler };
  const inner = target.handleIncomingEvent.bind(receiver);
  const screen = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const arrived = performance.now();
    let kind = 'unsigned';
    if (o.onAck) {
      const onAck = o.onAck;
      res.once('finish', () => onAck(kind, (performance.now() - arrived) / 1000));
    }
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        {
          enabled: true,
          signingSecret: o.signingSecret,
          bodyLimit: o.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit,
        },
        req,
      );
    } catch (err) {
      if (HTTPModuleFunctions.isRawBodyError(err)) {
        o.logger.warn(`request refused: ${(err as Error).message}`);
        HTTPModuleFunctions.buildNoBodyResponse(
          res,
          (err as { statusCode: number }).statusCode === 413 ? 413 : 400,
        );
        return;
      }
      inner(req, res); // a bad signature: Bolt answers 401 from the buffered body
      return;
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch (err) {
      o.logger.warn(`request refused (400): malformed body: ${(err as Error).message}`);
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return;
    }
    kind = kindOf(body);
    const verdict = classifyBody(body, o.routes);
    if (verdict.kind === 'reject') {
      o.logger.warn(`request refused (400): ${verdict.reason}`);
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return;
    }
    if (verdict.kind === 'ack') {
      o.logger.warn(`request acknowledged, no listener takes it: ${verdict.reason}`);
      if (verdict.reply) HTTPModuleFunctions.buildContentResponse(res, verdict.reply);
      else HTTPModuleFunctions.buildNoBodyResponse(res, 200);
      return;
    }
    // A slash command is answered once: the same signed request again (a replay within Bolt's
    // 5-minute window) is acknowledged and dropped. Slack itself never retries slash commands.
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (
      o.firstCommand &&
      (body as { command?: unknown }).command !== undefined &&
      typeof timestamp === 'string' &&
      !(await o.firstCommand(timestamp, buffered.rawBody))
    ) {
      HTTPModuleFunctions.buildNoBodyResponse(res, 200);
      return;
    }
    inner(req, res);
  };
  target.handleIncomingEvent = (req, res) => {
    screen(req, res).catch((err) => {
      const id = errorId();
      o.logger.error(`[${id}] request screening failed:`, err);
      if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
    });
  };
}

/**
 * The same verdict as a global middleware, for Socket Mode (where there is no HTTP body to guard):
 * a payload no listener takes is acknowledged at once and logged instead of timing out.
 */
export function catchAll(routes: Routes, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const verdict = classifyBody(args.body, routes);
    if (verdict.kind === 'pass') {
      await args.next();
      return;
    }
    logger.warn(`payload acknowledged, no listener takes it: ${verdict.reason}`);
    const ackFn = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
    if (ackFn) await ackFn(verdict.kind === 'ack' ? verdict.reply : undefined);
  };
}
