// Launches the browser host: `npm run serve`, or `npm start` where Electron is unavailable.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startCoreWorker } from './core-client';
import { startWebHost } from './web';
import { argValue, resolveDbPath } from './paths';
import { isAppError } from '../../shared/contract/errors';

declare const __APP_VERSION__: string;

/** `distDir`: the folder holding core-worker.cjs (the bundle's own folder). */
export async function runWebHost(argv: string[], fallbackReason: string | null, distDir: string = __dirname): Promise<void> {
  const dbPath = resolveDbPath(argv);
  const portArg = argValue(argv, '--port') ?? process.env.TDKT_PORT;
  const port = portArg ? Number(portArg) : 0;
  let core;
  try {
    core = await startCoreWorker(path.join(distDir, 'core-worker.cjs'), {
      dbPath,
      host: 'web',
      version: __APP_VERSION__,
      fallbackReason,
    });
  } catch (e) {
    console.error(isAppError(e) ? e.message : String(e));
    process.exit(2);
  }
  const host = await startWebHost({ core, staticDir: path.join(distDir, '..', 'renderer'), port });
  if (fallbackReason) console.log(`TĐKT Desktop chạy trong trình duyệt vì: ${fallbackReason}`);
  console.log(`Cơ sở dữ liệu: ${dbPath}`);
  console.log(`Mở ứng dụng tại: ${host.launchUrl}`);
  // machine-readable line for tests and scripts
  console.log(`TDKT_URL=${host.launchUrl}`);
  if (!argv.includes('--no-open') && !process.env.CI && process.env.TDKT_NO_OPEN !== '1') openBrowser(host.launchUrl);

  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function openBrowser(url: string) {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const p = spawn(cmd, args, { stdio: 'ignore', detached: true });
    p.on('error', () => console.log('Không tự mở được trình duyệt — hãy sao chép đường dẫn trên vào trình duyệt.'));
    p.unref();
  } catch {
    console.log('Không tự mở được trình duyệt — hãy sao chép đường dẫn trên vào trình duyệt.');
  }
}
