import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { StateStores } from '../store/state.js';
import type { Metrics } from './metrics.js';

/** Whether this process should get traffic, and if not, why (each reason one line). */
export interface Readiness {
  ready: boolean;
  reasons: string[];
}

/**
 * Readiness for a load balancer: the index is loaded and warmed, the state database answers
 * (within `timeoutMs`), and the process is not shutting down. Questions are answered with the
 * database down, but a replica whose database is down cannot dedupe, continue threads or page,
 * so traffic should go to one that can.
 */
export async function readiness(o: {
  indexReady: () => boolean;
  state?: StateStores;
  /** Why there is no state (a SQLite fault at start). */
  stateFault?: string;
  stopping?: () => boolean;
  timeoutMs?: number;
}): Promise<Readiness> {
  const reasons: string[] = [];
  if (o.stopping?.()) reasons.push('shutting down');
  if (!o.indexReady()) reasons.push('the index is not loaded and warmed yet');
  if (!o.state) reasons.push(`no state database: ${o.stateFault ?? 'not configured'}`);
  else {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        o.state.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${o.state?.where} did not answer within ${o.timeoutMs ?? 2000} ms`)),
            o.timeoutMs ?? 2000,
          );
        }),
      ]);
    } catch (err) {
      reasons.push(`state database unavailable: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  return { ready: reasons.length === 0, reasons };
}

function text(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The operations endpoints on the HTTP receiver, beside `/slack/events`: `/healthz` (the process
 * is alive and serving HTTP), `/readyz` (200, or 503 with the reasons, one per line) and
 * `/metrics` (Prometheus text format). They carry no Slack signature and show no secret.
 */
export function opsRoutes(o: { ready: () => Promise<Readiness>; metrics?: Metrics }): CustomRoute[] {
  const routes: CustomRoute[] = [
    { path: '/healthz', method: ['GET', 'HEAD'], handler: (_req, res) => text(res, 200, 'ok\n') },
    {
      path: '/readyz',
      method: ['GET', 'HEAD'],
      handler: (_req, res) => {
        o.ready().then(
          (r) => text(res, r.ready ? 200 : 503, r.ready ? 'ready\n' : `not ready\n${r.reasons.join('\n')}\n`),
          (err) => text(res, 503, `not ready\n${err instanceof Error ? err.message : String(err)}\n`),
        );
      },
    },
  ];
  const metrics = o.metrics;
  if (metrics)
    routes.push({
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        metrics.registry.metrics().then(
          (body) => text(res, 200, body, metrics.registry.contentType),
          (err) => text(res, 500, `metrics failed: ${String(err)}\n`),
        );
      },
    });
  return routes;
}
