import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startWebHost, type WebHost, TOKEN_HEADER } from '../../../electron/host/web';
import { testCore } from '../../support/core';
import { tempDir } from '../../support/tmp';
import type { Core } from '../../../electron/core/core';

function rawRequest(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser host', () => {
  let core: Core;
  let host: WebHost;
  let staticDir: string;
  beforeAll(async () => {
    core = await testCore();
    staticDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'tdkt-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>TĐKT</title>');
    host = await startWebHost({ core, staticDir });
  });
  afterAll(async () => {
    await host.close();
    core.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 and puts a per-launch token in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a CSP header', async () => {
    const r = await rawRequest(host.port, { path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses path traversal', async () => {
    const r = await rawRequest(host.port, { path: '/../../etc/passwd', headers: { host: `127.0.0.1:${host.port}` } });
    expect([403, 404]).toContain(r.status);
    expect(r.body).not.toContain('root:');
  });

  it('refuses API calls without or with a wrong token', async () => {
    const none = await rawRequest(host.port, { path: '/api/office.get', method: 'POST', headers: { host: `127.0.0.1:${host.port}` }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await rawRequest(host.port, {
      path: '/api/office.get',
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: 'x'.repeat(host.token.length) },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await rawRequest(host.port, {
      path: '/api/office.get',
      method: 'POST',
      headers: { host: `attacker.example:${host.port}`, [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it('answers contract calls with the token, including Vietnamese validation errors', async () => {
    const ok = await rawRequest(host.port, {
      path: '/api/office.get',
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { abbreviation: 'SLĐTBXH' } });
    const bad = await rawRequest(host.port, {
      path: '/api/units.create',
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ name: '' }),
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Tên đơn vị: không được để trống.' } });
    const garbage = await rawRequest(host.port, {
      path: '/api/units.create',
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token },
      body: '{not json',
    });
    expect(garbage.status).toBe(400);
    const unknown = await rawRequest(host.port, {
      path: '/api/db.dropEverything',
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
  });

  it('is not reachable on other interfaces', async () => {
    const os = await import('node:os');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no other interface on this machine: nothing to probe
    const err = await new Promise<string>((resolve) => {
      const req = http.request({ host: external.address, port: host.port, path: '/', timeout: 2000 }, () => resolve('connected'));
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      req.on('timeout', () => {
        req.destroy();
        resolve('timeout');
      });
      req.end();
    });
    expect(err).not.toBe('connected');
  });
});

describe('core worker', () => {
  it('runs the core in a worker thread and relays calls', async () => {
    const { startCoreWorker } = await import('../../../electron/host/core-client');
    const workerFile = path.resolve(__dirname, '..', '..', '..', 'dist', 'electron', 'core-worker.cjs');
    if (!fs.existsSync(workerFile)) throw new Error('dist/ missing: run npm run build (npm test does)');
    const dbPath = path.join(tempDir(), 'w.sqlite');
    const client = await startCoreWorker(workerFile, { dbPath, host: 'test' });
    const r = await client.call('units.create', { name: 'Văn phòng Sở' });
    expect(r).toMatchObject({ ok: true, data: { name: 'Văn phòng Sở' } });
    const list = await client.call('units.list', {});
    expect(list).toMatchObject({ ok: true, data: [{ name: 'Văn phòng Sở' }] });
    await client.close();
    const after = await client.call('units.list', {});
    expect(after.ok).toBe(false);
  });

  it('starts in recovery on a database it cannot open, and says why to every other call', async () => {
    const { startCoreWorker } = await import('../../../electron/host/core-client');
    const workerFile = path.resolve(__dirname, '..', '..', '..', 'dist', 'electron', 'core-worker.cjs');
    const file = path.join(tempDir(), 'bad.sqlite');
    fs.writeFileSync(file, 'garbage '.repeat(1000));
    const client = await startCoreWorker(workerFile, { dbPath: file, host: 'test' });
    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ ok: true, data: { recovery: { kind: 'damaged' }, officeConfigured: false } });
    const units = await client.call('units.list', {});
    expect(units).toMatchObject({ ok: false, error: { code: 'DB_ERROR' } });
    if (!units.ok) expect(units.error.message).toMatch(/không phải cơ sở dữ liệu TĐKT/);
    await client.close();
  });
});
