// Launches the browser host: `npm run serve`, or `npm start` where Electron is unavailable.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startCoreWorker } from './core-client';
import { startWebHost } from './web';
import { argValue, assumedOnNetwork, resolveDbPath } from './paths';
import { isAppError } from '../../shared/contract/errors';

declare const __APP_VERSION__: string;

/** `distDir`: the folder holding core-worker.cjs (the bundle's own folder). */
export async function runWebHost(argv: string[], fallbackReason: string | null, distDir: string = __dirname): Promise<void> {
  const dbPath = resolveDbPath(argv);
  const portArg = argValue(argv, '--port') ?? process.env.TDKT_PORT;
  const port = portArg ? Number(portArg) : 0;
  // Test hook: TDKT_TODAY=yyyy-mm-dd fixes "today" for the core (overdue tasks, report dates) so
  // end-to-end tests see the same deadlines on any day. Unset in normal use; passed only if set.
  const today = process.env.TDKT_TODAY;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    console.error(`TDKT_TODAY="${today}" không hợp lệ: dùng dạng yyyy-mm-dd, hoặc bỏ biến này.`);
    process.exit(2);
  }
  let core;
  try {
    core = await startCoreWorker(path.join(distDir, 'core-worker.cjs'), {
      dbPath,
      host: 'web',
      version: __APP_VERSION__,
      fallbackReason,
      autoBackups: true,
      warmUp: true,
      ...(today ? { today } : {}),
      ...assumedOnNetwork(),
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

  // quit backup before the core closes; a second Ctrl+C leaves at once
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(0);
    stopping = true;
    await host.close();
    const r = await core.call('backup.quit', {});
    if (!r.ok) console.error(`Sao lưu khi đóng không thành công: ${r.error.message}`);
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
