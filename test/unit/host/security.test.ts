import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowNavigation, isAllowedHostHeader, isAppUrl, isLoopbackAddress, RENDERER_CSP } from '../../../electron/host/security';
import { handleIpcCall } from '../../../electron/host/ipc';
import { resolveDbPath, defaultDataDir } from '../../../electron/host/paths';
import { findElectronBinary } from '../../../electron/start';

const APP = 'file:///opt/tdkt/resources/app.asar/dist/renderer/index.html';

describe('navigation allow-list', () => {
  it('allows only the app page itself', () => {
    expect(allowNavigation(APP, APP)).toBe(true);
    expect(allowNavigation(`${APP}#/staff`, APP)).toBe(true);
    expect(allowNavigation('https://example.com/', APP)).toBe(false);
    expect(allowNavigation('file:///etc/passwd', APP)).toBe(false);
    expect(allowNavigation('file:///opt/tdkt/resources/app.asar/dist/renderer/other.html', APP)).toBe(false);
    expect(allowNavigation('javascript:alert(1)', APP)).toBe(false);
    expect(isAppUrl('not a url', APP)).toBe(false);
  });

  it('takes the app page however its install path is escaped (Chromium and Node differ), and no other file', () => {
    // Windows, a user folder with characters the two escape differently: Node's pathToFileURL
    // writes "~", "[" and "]" escaped, Chromium's page URL as they are
    const ours = pathToFileURL('/C:/Users/NGUYE~1/[HR]/AppData/Local/Programs/TĐKT Desktop/resources/app.asar/dist/renderer/index.html').toString();
    const chromium = 'file:///C:/Users/NGUYE~1/[HR]/AppData/Local/Programs/T%C4%90KT%20Desktop/resources/app.asar/dist/renderer/index.html';
    expect(ours).toContain('NGUYE%7E1/%5BHR%5D');
    expect(isAppUrl(`${chromium}#/awards`, ours)).toBe(true);
    expect(isAppUrl(chromium.replace('NGUYE~1', 'NGUYEN'), ours)).toBe(false);
    expect(isAppUrl(chromium.replace('index.html', 'index2.html'), ours)).toBe(false);
    // a broken escape is not the app
    expect(isAppUrl(chromium.replace('%C4%90', '%C4'), ours)).toBe(false);
  });

  it('CSP forbids remote scripts and objects', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(RENDERER_CSP).not.toMatch(/https?:/);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
  });
});

describe('browser host address checks', () => {
  it('accepts loopback only', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.168.1.10', '10.0.0.1', '::ffff:10.0.0.1', '0.0.0.0', undefined, '']) expect(isLoopbackAddress(a)).toBe(false);
  });
  it('accepts only our own Host header (no DNS rebinding)', () => {
    expect(isAllowedHostHeader('127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedHostHeader('localhost:5000', 5000)).toBe(true);
    expect(isAllowedHostHeader('evil.example:5000', 5000)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1:5001', 5000)).toBe(false);
    expect(isAllowedHostHeader(undefined, 5000)).toBe(false);
  });
});

describe('IPC sender checks', () => {
  const calls: unknown[] = [];
  const core = {
    call: async (proc: string, input: unknown) => {
      calls.push([proc, input]);
      return { ok: true as const, data: 'ok' };
    },
  };

  it('relays calls from the app page', async () => {
    const r = await handleIpcCall({ senderFrame: { url: `${APP}#/staff`, parent: null } }, 'staff.list', {}, core, APP);
    expect(r).toEqual({ ok: true, data: 'ok' });
  });

  it('refuses other pages, sub-frames and missing frames before reaching the core', async () => {
    calls.length = 0;
    const bad = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: APP, parent: { url: APP } } },
      { senderFrame: null },
    ];
    for (const ev of bad) {
      const r = await handleIpcCall(ev, 'staff.list', {}, core, APP);
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown procedures and invalid input before reaching the core', async () => {
    calls.length = 0;
    const frame = { senderFrame: { url: APP, parent: null } };
    expect(await handleIpcCall(frame, 'fs.readFile', {}, core, APP)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    const r = await handleIpcCall(frame, 'staff.create', { fullName: 42 }, core, APP);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });
});

describe('data location and Electron detection', () => {
  it('resolves --db, then TDKT_DB, then the user-data folder', () => {
    expect(resolveDbPath(['--db', '/tmp/a.sqlite'], { TDKT_DB: '/tmp/b.sqlite' })).toBe('/tmp/a.sqlite');
    expect(resolveDbPath(['--db=/tmp/c.sqlite'], {})).toBe('/tmp/c.sqlite');
    expect(resolveDbPath([], { TDKT_DB: '/tmp/b.sqlite' })).toBe('/tmp/b.sqlite');
    expect(resolveDbPath([], { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/TDKT Desktop/tdkt.sqlite');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain('TDKT Desktop');
  });

  it('keeps Windows data in the local profile, and a database an earlier build kept in the roaming one stays in use', () => {
    const env = { APPDATA: 'C:\\Users\\u\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' };
    const local = 'C:\\Users\\u\\AppData\\Local\\TDKT Desktop\\tdkt.sqlite';
    const roaming = 'C:\\Users\\u\\AppData\\Roaming\\TDKT Desktop\\tdkt.sqlite';
    expect(defaultDataDir(env, 'win32')).toBe('C:\\Users\\u\\AppData\\Local\\TDKT Desktop');
    const having = (...files: string[]) => (f: string) => files.includes(f);
    // a first start: the local profile
    expect(resolveDbPath([], env, 'win32', having())).toBe(local);
    // an earlier build's database in the roaming profile, none in the local one: that one
    expect(resolveDbPath([], env, 'win32', having(roaming))).toBe(roaming);
    // both: the local one (the roaming one is an old copy)
    expect(resolveDbPath([], env, 'win32', having(local, roaming))).toBe(local);
    // Linux has no roaming profile
    expect(resolveDbPath([], { XDG_CONFIG_HOME: '/home/u/.config' }, 'linux', having('/x'))).toBe('/home/u/.config/TDKT Desktop/tdkt.sqlite');
  });

  it('falls back with a reason when Electron or its binary is missing', () => {
    const missing = findElectronBinary(() => {
      throw new Error('Cannot find module');
    });
    expect(missing).toMatchObject({ reason: expect.stringContaining('Electron') });
    const noBinary = findElectronBinary(() => '/nonexistent/electron');
    expect(noBinary).toMatchObject({ reason: expect.stringContaining('Electron') });
    const found = findElectronBinary(() => process.execPath);
    expect(found).toEqual({ path: process.execPath });
  });
});
