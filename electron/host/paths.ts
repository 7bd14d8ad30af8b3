// Where data lives. Matches Electron's userData folder for productName "TĐKT Desktop",
// so the browser host and the Electron app open the same database.
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'TDKT Desktop';
export const DB_FILE_NAME = 'tdkt.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

/** --db FILE, then TDKT_DB, then the user-data folder. */
export function resolveDbPath(argv: string[], env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--db');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]!);
  const eq = argv.find((a) => a.startsWith('--db='));
  if (eq) return path.resolve(eq.slice(5));
  if (env.TDKT_DB) return path.resolve(env.TDKT_DB);
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}

export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(name + '='));
  return eq?.slice(name.length + 1);
}
