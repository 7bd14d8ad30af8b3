// `npm start`: the Electron window where Electron's binary is installed, else the browser
// host with the reason printed. Runs on plain Node (no electron import here).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { runWebHost } from './host/web-launch';

export function findElectronBinary(requireFn: (id: string) => unknown = require): { path: string } | { reason: string } {
  let bin: unknown;
  try {
    bin = requireFn('electron');
  } catch {
    return { reason: 'gói Electron chưa được cài (npm không tải được bản chạy Electron, thường do máy không có Internet khi cài đặt)' };
  }
  if (typeof bin !== 'string' || !fs.existsSync(bin)) {
    return { reason: 'chưa có bản chạy Electron (không tải được khi cài đặt)' };
  }
  return { path: bin };
}

function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--browser')) return void runWebHost(argv, 'được yêu cầu chạy trong trình duyệt (--browser)');
  const found = findElectronBinary();
  if ('reason' in found) return void runWebHost(argv, found.reason);
  // better-sqlite3 must be built for Electron's ABI once (see build/scripts/electron-native.cjs)
  const root = path.join(__dirname, '..', '..');
  try {
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const native = require(path.join(root, 'build', 'scripts', 'electron-native.cjs')) as { buildElectronNative(root: string, v: string): string };
    native.buildElectronNative(root, electronVersion);
  } catch (e) {
    return void runWebHost(argv, `chưa dựng được thư viện SQLite cho Electron (${(e as Error).message.split('\n')[0]})`);
  }
  const started = Date.now();
  // the project folder, as `electron .`: Electron takes the app's name and entry from package.json
  const child = spawn(found.path, [root, ...argv], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    process.stderr.write(d);
  });
  child.on('exit', (code) => {
    // Electron that dies at once (no display, missing system libraries, wrong native module) → browser host
    if (code !== 0 && Date.now() - started < 15_000) {
      const why = stderr.split('\n').find((l) => l.trim()) ?? `mã thoát ${code}`;
      void runWebHost(argv, `Electron không khởi động được (${why.trim().slice(0, 200)})`);
    } else process.exit(code ?? 0);
  });
}

if (require.main === module) main();
