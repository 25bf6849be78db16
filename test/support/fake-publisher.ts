import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake publisher answers on one path. */
export type Route =
  /** A body with its content type (and status, default 200). */
  | { body: string | Buffer; type: string; status?: number }
  /** A redirect (302 unless said) to an address, absolute or relative. */
  | { redirect: string; status?: number }
  /** Headers sent, then nothing: a server that never finishes its answer. */
  | { hang: true }
  /** `bytes` bytes streamed in 16 KB chunks without a Content-Length. */
  | { stream: number; type: string };

/**
 * A local stand-in for the publisher's web site (node:http on 127.0.0.1): listing pages, digest
 * pages and PDFs from fixtures, plus the ways a download goes wrong — a 404, a page that never
 * finishes, a redirect to another host, a body over the size limit. Records every path asked for.
 */
export class FakePublisher {
  readonly routes = new Map<string, Route>();
  readonly requests: string[] = [];
  private server: Server | undefined;
  port = 0;

  /** The site's address for a path: `http://127.0.0.1:PORT/path`. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The same path under another host name of the same machine: another host to the downloader. */
  otherHostUrl(path: string): string {
    return `http://localhost:${this.port}${path}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      this.requests.push(path);
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
        return;
      }
      if ('hang' in route) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
        return;
      }
      if ('redirect' in route) {
        res.writeHead(route.status ?? 302, { location: route.redirect }).end();
        return;
      }
      if ('stream' in route) {
        res.writeHead(200, { 'content-type': route.type });
        const chunk = Buffer.alloc(16 * 1024, 'a');
        let sent = 0;
        const more = () => {
          while (sent < route.stream) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => {});
        more();
        return;
      }
      res.writeHead(route.status ?? 200, { 'content-type': route.type }).end(route.body);
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
