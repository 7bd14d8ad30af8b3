// Restore on real files: exact content comes back, the current data is kept first, every
// handler works on the reopened database, and bad candidates leave the live one untouched.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/core';
import { createCore } from '../../../electron/core/core';
import { createBackup, listBackups, restoreBackup } from '../../../electron/services/backup';
import { LATEST_VERSION } from '../../../db/migrations';
import { runCli } from '../../../electron/cli/tdkt';
import { testCore } from '../../support/core';
import { tempDb, tempDir } from '../../support/tmp';
import { addManyStaff, backupsDir, filesIn, staffNames, tableRows } from './helpers';

const cores: Core[] = [];
async function core(opts: Parameters<typeof testCore>[0] = {}) {
  const c = await testCore(opts);
  cores.push(c);
  return c;
}
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('restoreBackup', () => {
  it('brings back exact content, keeps the current data as before-restore, and every handler keeps working', async () => {
    const c = await core();
    const unit = await c.invoke('units.create', { name: 'Văn phòng Sở' });
    const a = await c.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id, birthDate: '05/03/1980' });
    const backup = await c.invoke('backup.create', {});
    const snapshot = { staff: tableRows(backup.path, 'staff'), unit: tableRows(backup.path, 'unit'), office: tableRows(backup.path, 'office') };

    await c.invoke('staff.create', { fullName: 'Trần Thị Bích Ngọc' });
    await c.invoke('staff.update', { id: a.id, data: { fullName: 'Nguyễn Văn An Sửa', unitId: unit.id } });
    await c.invoke('units.create', { name: 'Phòng Người có công' });
    const officeId = c.ctx.officeId;
    const oldConn = c.ctx.conn;

    const r = await c.invoke('backup.restore', { path: backup.path });
    expect(r.safetyBackup.reason).toBe('before-restore');
    expect(r.safetyBackup.integrityOk).toBe(true);
    expect(r.schemaVersion).toBe(LATEST_VERSION);
    expect(c.ctx.conn).not.toBe(oldConn);
    expect(c.ctx.officeId).toBe(officeId);

    const live = c.ctx.conn.path;
    expect(tableRows(live, 'staff')).toEqual(snapshot.staff);
    expect(tableRows(live, 'unit')).toEqual(snapshot.unit);
    expect(tableRows(live, 'office')).toEqual(snapshot.office);
    // the data as it was just before the restore is in the safety copy
    const kept = (tableRows(r.safetyBackup.path, 'staff') as { full_name: string }[]).map((s) => s.full_name).sort();
    expect(kept).toEqual(['Nguyễn Văn An Sửa', 'Trần Thị Bích Ngọc']);
    expect((await listBackups(c.ctx)).map((b) => b.reason).sort()).toEqual(['before-restore', 'manual']);

    // handlers on the reopened database: reads, writes, transactions, bulk paths, info
    expect(await staffNames(c)).toEqual(['Nguyễn Văn An']);
    expect((await c.invoke('units.list', {})).map((u) => u.name)).toEqual(['Văn phòng Sở']);
    const b = await c.invoke('staff.create', { fullName: 'Lê Đức Thắng', unitId: unit.id });
    await c.invoke('staff.update', { id: b.id, data: { fullName: 'Lê Đức Thắng', unitId: unit.id, position: 'Chánh Văn phòng' } });
    addManyStaff(c, 3);
    expect((await c.invoke('staff.list', { search: 'thang' })).rows.map((s) => s.position)).toEqual(['Chánh Văn phòng']);
    expect((await c.invoke('office.get'))?.abbreviation).toBe('SLĐTBXH');
    expect((await c.invoke('db.check')).ok).toBe(true);
    expect((await c.invoke('app.info')).dbPath).toBe(live);
    // no stale side files or staging copies beside the live database
    expect(filesIn(path.dirname(live)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('restores an uploaded file (bytes) and refuses garbage with a message that says what to do', async () => {
    const c = await core();
    await c.invoke('staff.create', { fullName: 'Hoàng Văn Thụ' });
    const usb = tempDir('tdkt-usb-');
    const backup = await createBackup(c.ctx, { reason: 'manual', destDir: usb });
    await c.invoke('staff.create', { fullName: 'Võ Thị Sáu' });
    const fileBase64 = fs.readFileSync(backup.path).toString('base64');
    await c.invoke('backup.restore', { fileName: backup.fileName, fileBase64 });
    expect(await staffNames(c)).toEqual(['Hoàng Văn Thụ']);

    const bad = await c.call('backup.restore', { fileName: 'anh.png', fileBase64: Buffer.from('\x89PNG\r\n\x1a\n' + 'x'.repeat(2000)).toString('base64') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('FILE_INVALID');
      expect(bad.error.message).toContain('không phải tệp sao lưu của TĐKT Desktop');
    }
    const notBase64 = await c.call('backup.restore', { fileName: 'x', fileBase64: '***' });
    expect(notBase64.ok).toBe(false);
  });

  describe('refuses bad candidates and leaves the live database unchanged', () => {
    async function setup() {
      const c = await core();
      addManyStaff(c, 600);
      await c.invoke('staff.create', { fullName: 'Đặng Thùy Trâm' });
      const good = await createBackup(c.ctx, { reason: 'manual', destDir: tempDir('tdkt-src-') });
      const liveRows = tableRows(c.ctx.conn.path, 'staff');
      return { c, good, liveRows };
    }
    async function expectRefused(c: Core, file: string, liveRows: unknown[], message: string) {
      const before = (await listBackups(c.ctx)).length;
      const r = await c.call('backup.restore', { path: file });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FILE_INVALID');
        expect(r.error.message).toContain(message);
      }
      expect(tableRows(c.ctx.conn.path, 'staff')).toEqual(liveRows);
      expect((await listBackups(c.ctx)).length).toBe(before); // no before-restore copy: nothing was replaced
      expect((await c.invoke('staff.list', { search: 'tram' })).total).toBe(1);
      expect(filesIn(path.dirname(c.ctx.conn.path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    }

    it('a damaged file (pages overwritten)', async () => {
      const { c, good, liveRows } = await setup();
      const bytes = fs.readFileSync(good.path);
      const page = 4096;
      expect(bytes.length).toBeGreaterThan(page * 20);
      for (let p = 3; p < 12; p++) bytes.fill(0xa5, p * page + 8, (p + 1) * page);
      const bad = path.join(tempDir(), 'hong.sqlite');
      fs.writeFileSync(bad, bytes);
      await expectRefused(c, bad, liveRows, 'bị hỏng');
    });

    it('a truncated file', async () => {
      const { c, good, liveRows } = await setup();
      const bad = path.join(tempDir(), 'cut.sqlite');
      const bytes = fs.readFileSync(good.path);
      fs.writeFileSync(bad, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expectRefused(c, bad, liveRows, 'bị hỏng');
    });

    it('not a SQLite file', async () => {
      const { c, liveRows } = await setup();
      const bad = path.join(tempDir(), 'ghi-chu.sqlite');
      fs.writeFileSync(bad, 'Đây là một tệp văn bản, không phải dữ liệu.'.repeat(100));
      await expectRefused(c, bad, liveRows, 'không phải cơ sở dữ liệu SQLite');
    });

    it('a SQLite database of another program', async () => {
      const { c, liveRows } = await setup();
      const other = path.join(tempDir(), 'khac.sqlite');
      const db = new Database(other);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'x\');');
      db.close();
      await expectRefused(c, other, liveRows, 'không phải dữ liệu của TĐKT Desktop');
    });

    it('a backup made by a newer version of the app', async () => {
      const { c, good, liveRows } = await setup();
      const newer = path.join(tempDir(), 'moi-hon.sqlite');
      fs.copyFileSync(good.path, newer);
      const db = new Database(newer);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
      await expectRefused(c, newer, liveRows, 'phiên bản mới hơn');
    });

    it('a missing file', async () => {
      const { c } = await setup();
      const r = await c.call('backup.restore', { path: path.join(tempDir(), 'khong-co.sqlite') });
      expect(r.ok || r.error.code).toBe('NOT_FOUND');
    });
  });

  it('a swap that fails half-way puts the database back as it was', async () => {
    const c = await core();
    await c.invoke('staff.create', { fullName: 'Nguyễn Thị Minh Khai' });
    const backup = await createBackup(c.ctx, { reason: 'manual' });
    await c.invoke('staff.create', { fullName: 'Trần Phú' });
    const liveRows = tableRows(c.ctx.conn.path, 'staff');
    const e = await restoreBackup(c.ctx, { path: backup.path }, { steps: { rename: () => { throw new Error('EBUSY: resource busy'); } } }).catch((x: unknown) => x);
    expect((e as Error).message).toContain('Dữ liệu đã được giữ nguyên');
    expect(tableRows(c.ctx.conn.path, 'staff')).toEqual(liveRows);
    expect(await staffNames(c)).toEqual(['Nguyễn Thị Minh Khai', 'Trần Phú']);
    await c.invoke('staff.create', { fullName: 'Lý Tự Trọng' });
    expect((await c.invoke('staff.list', {})).total).toBe(3);
  });

  it('a file the user chose is restored from where it lies, checked as an upload is', async () => {
    const c = await createCore({ dbPath: tempDb(), host: 'electron' });
    cores.push(c);
    await c.invoke('staff.create', { fullName: 'Nguyễn Thị Minh Khai' });
    const usb = tempDir('tdkt-usb-');
    const chosen = await createBackup(c.ctx, { reason: 'manual', destDir: usb });
    await c.invoke('staff.create', { fullName: 'Trần Phú' });
    const r = await c.invoke('backup.restore', { chosenPath: chosen.path });
    expect(r.restoredFrom).toBe(path.resolve(chosen.path));
    expect(await staffNames(c)).toEqual(['Nguyễn Thị Minh Khai']);
    // the file stays where it was; a file that is not a backup, or not there, changes nothing
    expect(fs.existsSync(chosen.path)).toBe(true);
    const junk = path.join(usb, 'ghi-chu.sqlite');
    fs.writeFileSync(junk, 'không phải cơ sở dữ liệu');
    for (const p of [junk, path.join(usb, 'khong-co.sqlite'), c.ctx.conn.path]) {
      const bad = await c.call('backup.restore', { chosenPath: p });
      expect(bad.ok).toBe(false);
    }
    expect(await staffNames(c)).toEqual(['Nguyễn Thị Minh Khai']);
  });

  it('the window may restore only listed backups; other files go up as bytes', async () => {
    const dbPath = tempDb();
    const c = await createCore({ dbPath, host: 'web' });
    cores.push(c);
    const usb = tempDir('tdkt-usb-');
    const outside = await createBackup(c.ctx, { reason: 'manual', destDir: usb });
    const r = await c.call('backup.restore', { path: outside.path });
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
    const listed = await c.invoke('backup.create', {});
    expect((await c.call('backup.restore', { path: listed.path })).ok).toBe(true);
  });

  it('backup.download returns a fresh consistent copy and leaves nothing on disk', async () => {
    const c = await core();
    await c.invoke('staff.create', { fullName: 'Nguyễn Văn Trỗi' });
    const f = await c.invoke('backup.download');
    expect(f.fileName).toMatch(/^test-\d{8}-\d{6}-manual\.sqlite$/);
    const file = path.join(tempDir(), f.fileName);
    fs.writeFileSync(file, Buffer.from(f.base64, 'base64'));
    expect((tableRows(file, 'staff') as { full_name: string }[]).map((s) => s.full_name)).toEqual(['Nguyễn Văn Trỗi']);
    expect(fs.existsSync(backupsDir(c))).toBe(false);
  });
});

describe('tdkt backup (CLI)', () => {
  it('create --out, list, restore FILE', async () => {
    const db = tempDb();
    expect((await cli(['--db', db, 'office', 'set', '--name', 'Sở Nội vụ', '--abbr', 'SNV', '--place', 'Lào Cai', '--level', 'so_nganh'])).code).toBe(0);
    const usb = tempDir('tdkt-usb-');
    const made = await cli(['--db', db, 'backup', 'create', '--out', usb, '--json']);
    expect(made.code).toBe(0);
    const info = JSON.parse(made.out) as { path: string; integrityOk: boolean };
    expect(path.dirname(info.path)).toBe(usb);
    expect(info.integrityOk).toBe(true);

    const auto = await cli(['--db', db, 'backup', 'create']);
    expect(auto.code).toBe(0);
    expect(auto.out).toContain('Đã sao lưu vào');
    const list = await cli(['--db', db, 'backup', 'list']);
    expect(list.out).toContain('Sao lưu thủ công');
    expect(list.out).toContain('tốt');

    expect((await cli(['--db', db, 'office', 'set', '--name', 'Sở Nội vụ mới'])).code).toBe(0);
    const restored = await cli(['--db', db, 'backup', 'restore', info.path]);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Dữ liệu trước khi khôi phục được giữ tại');
    expect(JSON.parse((await cli(['--db', db, 'office', 'show', '--json'])).out)).toMatchObject({ name: 'Sở Nội vụ' });

    const junk = path.join(tempDir(), 'x.sqlite');
    fs.writeFileSync(junk, 'rác');
    const refused = await cli(['--db', db, 'backup', 'restore', junk]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('không phải tệp sao lưu');
    expect((await cli(['--db', db, 'backup', 'restore'])).code).toBe(2);
  });
});
