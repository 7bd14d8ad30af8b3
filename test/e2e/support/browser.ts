// e2e plumbing: the built browser host as a child process on a temp database, and Debian's
// Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The office the journeys set up first (office.save). */
export const E2E_OFFICE = {
  name: 'Sở Nội vụ tỉnh Lào Cai',
  parentAgency: 'UBND tỉnh Lào Cai',
  levelCode: 'so_nganh',
  placeName: 'Lào Cai',
  abbreviation: 'SNV',
  headTitle: 'Giám đốc',
  headName: 'Nguyễn Văn Bình',
  superiorName: 'UBND tỉnh Lào Cai',
};
const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface HostProcess {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Start dist/electron/web-main.cjs on `dbPath`; resolves with its launch URL (token included). */
export function startHost(dbPath: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const main = path.join(ROOT, 'dist', 'electron', 'web-main.cjs');
  if (!fs.existsSync(main)) throw new Error('dist/ missing: run `npm run build` first (npm test does).');
  const proc = spawn(process.execPath, [main, '--db', dbPath, '--no-open'], {
    env: { ...process.env, TDKT_NO_OPEN: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /TDKT_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          proc,
          stop: () =>
            new Promise<void>((r) => {
              if (proc.exitCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill('SIGTERM');
            }),
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}: ${out}`));
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export const hasChromium = fs.existsSync(CHROMIUM);

/** Call the host's API directly (set-up steps of e2e tests), with the launch token. */
export async function hostApi<T>(host: HostProcess, proc: string, input?: unknown): Promise<T> {
  const token = /[#&]token=([A-Za-z0-9_-]+)/.exec(host.url)![1]!;
  const base = host.url.split('#')[0]!;
  // a connection of its own for each call: fetch's pool may keep a socket to a host stopped
  // earlier on the same port, and a call sent on it fails with "other side closed"
  const payload = input === undefined ? '' : JSON.stringify(input);
  const text = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      `${base}api/${proc}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-tdkt-token': token } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => resolve(data));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const body = JSON.parse(text) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}

/**
 * A test file's Chromium, launched before its tests, and the hosts its tests start: after the
 * file's tests every host still running is stopped and the browser closed. Call it inside the
 * file's describe.
 */
export function e2eSession(): { readonly browser: Browser; startHost: typeof startHost } {
  let browser: Browser | null = null;
  const hosts: HostProcess[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const h of hosts) await h.stop();
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running (e2eSession outside a describe?)');
      return browser;
    },
    async startHost(dbPath, env) {
      const h = await startHost(dbPath, env);
      hosts.push(h);
      return h;
    },
  };
}
