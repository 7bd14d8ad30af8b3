// A data file on a network drive is opened with a rollback journal, not WAL (whose shared
// memory cannot be shared between machines), and the app says so; a local file keeps WAL.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../../../db/connection';
import { isUncPath, onNetworkDrive, type LocationProbe } from '../../../db/location';
import { createCore } from '../../../electron/core/core';
import { tempDb } from '../../support/tmp';

const probe = (realpath: string, fsType = 0xef53): LocationProbe => ({ realpath: () => realpath, fsType: () => fsType });

describe('network drives', () => {
  it('tells a shared folder or a mapped drive from a local folder', () => {
    expect(isUncPath('\\\\may-chu\\tdkt\\du-lieu')).toBe(true);
    expect(isUncPath('//may-chu/tdkt')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\may-chu\\tdkt')).toBe(true);
    // long local paths and devices are not other computers
    expect(isUncPath('\\\\?\\C:\\Users\\u\\AppData\\Local\\TDKT Desktop')).toBe(false);
    expect(isUncPath('\\\\.\\PhysicalDrive0')).toBe(false);
    expect(isUncPath('C:\\Users\\u\\AppData\\Local\\TDKT Desktop')).toBe(false);
    expect(isUncPath('\\\\may-chu')).toBe(false);
    // Windows: a mapped drive's real path names the server
    expect(onNetworkDrive('Z:\\TDKT', 'win32', probe('\\\\may-chu\\chung\\TDKT'))).toBe(true);
    expect(onNetworkDrive('D:\\TDKT', 'win32', probe('D:\\TDKT'))).toBe(false);
    expect(onNetworkDrive('\\\\may-chu\\chung', 'win32', probe('\\\\may-chu\\chung'))).toBe(true);
    // Linux: NFS, SMB/CIFS mounts by their file system type; ext4 is local
    expect(onNetworkDrive('/mnt/chung', 'linux', probe('/mnt/chung', 0x6969))).toBe(true);
    expect(onNetworkDrive('/mnt/chung', 'linux', probe('/mnt/chung', 0xff534d42))).toBe(true);
    expect(onNetworkDrive('/home/u', 'linux', probe('/home/u', 0xef53))).toBe(false);
    // what cannot be told counts as local
    const failing: LocationProbe = {
      realpath: () => {
        throw new Error('EACCES');
      },
      fsType: () => {
        throw new Error('ENOSYS');
      },
    };
    expect(onNetworkDrive('Z:\\TDKT', 'win32', failing)).toBe(false);
    expect(onNetworkDrive('/mnt/x', 'linux', failing)).toBe(false);
    // this machine's temp folder is local
    expect(onNetworkDrive(fs.realpathSync(os.tmpdir()))).toBe(false);
  });

  it('a file there opens with a rollback journal, synced on every commit, its data intact; back on a local disk it is WAL again', async () => {
    const file = tempDb();
    const local = openDatabase(file);
    expect(local.network).toBe(false);
    expect(local.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    local.sqlite.prepare(`INSERT INTO setting (key, value) VALUES ('probe', 'trước')`).run();
    local.close();

    const shared = openDatabase(file, { network: true });
    expect(shared.network).toBe(true);
    expect(shared.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(shared.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(shared.sqlite.prepare(`SELECT value FROM setting WHERE key = 'probe'`).pluck().get()).toBe('trước');
    shared.sqlite.prepare(`UPDATE setting SET value = 'sau' WHERE key = 'probe'`).run();
    shared.close();

    const again = openDatabase(file);
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.sqlite.prepare(`SELECT value FROM setting WHERE key = 'probe'`).pluck().get()).toBe('sau');
    again.close();

    // the core tells the window, which shows where the file is and what to prefer
    const core = await createCore({ dbPath: file, host: 'test', network: true });
    try {
      expect(await core.invoke('app.info', {})).toMatchObject({ dbPath: file, dataOnNetwork: true });
    } finally {
      core.close();
    }
    const plain = await createCore({ dbPath: file, host: 'test' });
    try {
      expect((await plain.invoke('app.info', {})).dataOnNetwork).toBe(false);
    } finally {
      plain.close();
    }
  });
});
