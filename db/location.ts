// Whether a data file's folder lies on another computer (a shared folder, a mapped network
// drive, an NFS or SMB mount). SQLite's WAL mode needs memory shared between the processes
// using the file, which a network file system cannot give: two machines opening such a file
// in WAL mode can damage it. There the file is opened with a rollback journal instead, and
// the app says where the file is and what to prefer.
import fs from 'node:fs';

/** statfs f_type of network file systems (Linux magic numbers: NFS, SMB, CIFS, SMB2, 9P, AFS, Coda). */
const NETWORK_FS_TYPES = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x01021997, 0x5346414f, 0x73757245]);

export interface LocationProbe {
  /** the folder's real path (Windows: a mapped drive's comes back as \\server\share\…) */
  realpath(dir: string): string;
  /** statfs f_type of the folder's file system (Linux) */
  fsType(dir: string): number;
}

const nodeProbe: LocationProbe = {
  realpath: (dir) => fs.realpathSync.native(dir),
  fsType: (dir) => fs.statfsSync(dir).type,
};

/** A Windows path naming another computer: \\server\share\… (not \\?\C:\… or \\.\ devices). */
export function isUncPath(p: string): boolean {
  const s = p.replace(/\//g, '\\');
  if (/^\\\\\?\\UNC\\/i.test(s)) return true;
  return /^\\\\[^\\?.][^\\]*\\[^\\]+/.test(s);
}

/**
 * True when `dir` (an existing folder) is on a network drive. Anything that cannot be told
 * (a probe failing, macOS, a FUSE mount) counts as local: the check only ever makes the
 * journal safer, never less safe.
 */
export function onNetworkDrive(dir: string, platform: NodeJS.Platform = process.platform, probe: LocationProbe = nodeProbe): boolean {
  try {
    if (platform === 'win32') return isUncPath(dir) || isUncPath(probe.realpath(dir));
    if (platform === 'linux') return NETWORK_FS_TYPES.has(probe.fsType(dir));
    return false;
  } catch {
    return false;
  }
}
