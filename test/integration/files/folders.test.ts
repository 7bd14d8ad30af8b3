import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderRoots, listFolders } from '../../../electron/services/files/folders';
import { createCore } from '../../../electron/core/core';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-folders-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('choosing a folder (browser host)', () => {
  it('lists only visible sub-folders, in Vietnamese order, NFC, with the parent', () => {
    for (const n of ['Đơn vị', 'an toàn', 'Báo cáo', 'Ân', '.git', 'Zeta', 'bộ']) fs.mkdirSync(path.join(dir, n.normalize('NFD')));
    fs.writeFileSync(path.join(dir, 'tệp.docx'), 'x');
    const l = listFolders(dir, []);
    expect(l.path).toBe(path.resolve(dir));
    expect(l.parent).toBe(path.dirname(path.resolve(dir)));
    expect(l.folders.map((f) => f.name)).toEqual(['an toàn', 'Ân', 'Báo cáo', 'bộ', 'Đơn vị', 'Zeta']);
    expect(l.folders.every((f) => f.name === f.name.normalize('NFC'))).toBe(true);
    expect(fs.existsSync(l.folders[0]!.path)).toBe(true);
    expect(l.writable).toBe(true);
  });

  it('says in Vietnamese what to do with a folder that is gone (a pulled USB stick)', () => {
    expect(() => listFolders(path.join(dir, 'không-có'), [])).toThrow(/không tồn tại hoặc đã bị tháo ra \(USB\)\. Hãy chọn thư mục khác/);
    expect(() => listFolders(path.join(dir, 'tệp.docx'), [])).toThrow(/không tồn tại/);
  });

  it('offers home and the drives or mounted sticks of this system, each an existing folder', () => {
    const roots = folderRoots();
    expect(roots[0]).toMatchObject({ kind: 'home', path: os.homedir() });
    for (const r of roots) expect(fs.statSync(r.path).isDirectory()).toBe(true);
    expect(new Set(roots.map((r) => r.path)).size).toBe(roots.length);
  });

  it('answers through the core, validating the input', async () => {
    const core = await createCore({ dbPath: path.join(dir, 'db.sqlite'), host: 'test' });
    try {
      const r = await core.invoke('files.folders', { path: dir });
      expect(r.folders.length).toBe(6);
      const home = await core.invoke('files.folders', {});
      expect(home.path).toBe(path.resolve(os.homedir()));
      await expect(core.invoke('files.folders', { path: 'x'.repeat(5000) })).rejects.toThrow();
    } finally {
      core.close();
    }
  });
});
