// Browser host: the real renderer and the real core on 127.0.0.1, one token per launch.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isProcedureName } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import type { CoreClient } from './core-client';
import { RENDERER_CSP, isAllowedHostHeader, isLoopbackAddress } from './security';

export const TOKEN_HEADER = 'x-tdkt-token';
const MAX_BODY = 100 * 1024 * 1024;

export interface WebHostOptions {
  core: Pick<CoreClient, 'call'>;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  /** url with the token in the fragment (never sent to the server or written to logs) */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('TOO_LARGE'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse) {
  const root = path.resolve(staticDir);
  let rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      return;
    }
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(data);
  });
}

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  let port = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      if (!isLoopbackAddress(req.socket.remoteAddress) || !isAllowedHostHeader(req.headers.host, port)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Chỉ truy cập được từ chính máy này.');
        return;
      }
      const url = req.url ?? '/';
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST') {
          res.writeHead(405, { allow: 'POST' }).end();
          return;
        }
        if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
          sendJson(res, 401, {
            ok: false,
            error: { code: 'FORBIDDEN', message: 'Phiên làm việc không hợp lệ. Hãy mở ứng dụng bằng đường dẫn được in ra khi khởi động.' },
          });
          return;
        }
        const proc = decodeURIComponent(url.slice(5).split('?')[0] ?? '');
        if (!isProcedureName(proc)) {
          sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: `Chức năng "${proc}" không tồn tại.` } });
          return;
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : undefined;
        } catch (e) {
          const tooLarge = e instanceof Error && e.message === 'TOO_LARGE';
          sendJson(res, tooLarge ? 413 : 400, {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: tooLarge ? 'Tệp gửi lên lớn quá 100 MB.' : 'Dữ liệu gửi lên không đúng định dạng JSON.',
            },
          });
          return;
        }
        sendJson(res, 200, await opts.core.call(proc, input));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(opts.staticDir, url, res);
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: `Lỗi máy chủ nội bộ: ${String(e)}` } });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        launchUrl: `${url}#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
