// Where data lives: the Electron app's user-data folder (main.ts sets it from defaultDataDir),
// so the browser host and the Electron app open the same database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'TDKT Desktop';
export const DB_FILE_NAME = 'tdkt.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // the local profile on Windows: a domain may copy the roaming one (%APPDATA%) to a server at
  // every log-off, or redirect it to a network share, where SQLite's WAL cannot work
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(os.homedir(), 'AppData', 'Local'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

/** Where Windows builds before 24/11/2026 kept the data (the roaming profile); null elsewhere. */
export function legacyDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform !== 'win32') return null;
  return path.win32.join(env.APPDATA ?? path.win32.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
}

/**
 * --db FILE, then TDKT_DB, then the user-data folder — or, when that holds no database yet and
 * the roaming profile holds one (an earlier build's), that one: data already kept stays in use.
 */
export function resolveDbPath(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string {
  const i = argv.indexOf('--db');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]!);
  const eq = argv.find((a) => a.startsWith('--db='));
  if (eq) return path.resolve(eq.slice(5));
  if (env.TDKT_DB) return path.resolve(env.TDKT_DB);
  const join = platform === 'win32' ? path.win32.join : path.join;
  const file = join(defaultDataDir(env, platform), DB_FILE_NAME);
  const legacy = legacyDataDir(env, platform);
  if (legacy && !exists(file) && exists(join(legacy, DB_FILE_NAME))) return join(legacy, DB_FILE_NAME);
  return file;
}

/**
 * Test hook of every host: TDKT_DATA_ON_NETWORK=1 opens the data file as if it lay on a network
 * drive (there is no network share in the tests). Unset in normal use, where the folder's file
 * system tells (db/location.ts).
 */
export function assumedOnNetwork(env: NodeJS.ProcessEnv = process.env): { network: true } | Record<string, never> {
  return env.TDKT_DATA_ON_NETWORK === '1' ? { network: true } : {};
}

export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(name + '='));
  return eq?.slice(name.length + 1);
}
