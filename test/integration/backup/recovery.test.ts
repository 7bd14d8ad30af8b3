// A database that cannot be opened starts the hosts in recovery: the reason, the backups next
// to the file, a restore or a new file — and the file that did not open is never lost.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore, type HostCore } from '../../../electron/core/recovery';
import { runCli } from '../../../electron/cli/tdkt';
import { testCore } from '../../support/core';
import { tempDb } from '../../support/tmp';
import { addManyStaff, filesIn, tableRows } from './helpers';
import { createCore } from '../../../electron/core/core';

const open: HostCore[] = [];
async function host(dbPath: string, kind: 'web' | 'cli' = 'web') {
  const c = await openCore({ dbPath, host: kind });
  open.push(c);
  return c;
}
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** A database with an office, a unit and two people, and a backup of it; then the file is ruined by `ruin`. */
async function ruined(ruin: (dbPath: string) => void) {
  const dbPath = tempDb();
  const c = await testCore({ dbPath });
  const unit = await c.invoke('units.create', { name: 'Văn phòng Sở' });
  await c.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id });
  await c.invoke('staff.create', { fullName: 'Trần Thị Bích' });
  const backup = await c.invoke('backup.create', {});
  c.close();
  for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
  ruin(dbPath);
  return { dbPath, backup, dir: path.join(path.dirname(dbPath), 'backups') };
}

const garbage = (dbPath: string) => fs.writeFileSync(dbPath, Buffer.alloc(8192, 'hỏng'));

async function names(c: HostCore) {
  return (await c.invoke('staff.list', { status: 'all' })).rows.map((s) => s.fullName).sort();
}

describe('recovery', () => {
  it('a file that is not a database: the reason, the backups, a bad candidate refused with nothing moved, then a restore that sets the file aside', async () => {
    const { dbPath, backup, dir } = await ruined(garbage);
    const before = fs.readFileSync(dbPath);
    const c = await host(dbPath);

    const info = await c.invoke('app.info');
    expect(info.recovery?.kind).toBe('damaged');
    expect(info.recovery?.message).toContain('đã bị hỏng');
    expect(info.officeConfigured).toBe(false);
    expect(await c.invoke('office.get')).toBeNull();
    expect(await c.invoke('backup.quit')).toBeNull();
    const refused = await c.call('staff.list', {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('DB_ERROR');
      expect(refused.error.message).toContain('khôi phục từ bản sao lưu');
    }
    const listed = await c.invoke('backup.list');
    expect(listed.backups.map((b) => b.path)).toEqual([backup.path]);

    // a window may restore only what it was shown; a damaged upload is refused: nothing moves
    const outside = await c.call('backup.restore', { path: dbPath });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.code).toBe('FORBIDDEN');
    const bad = await c.call('backup.restore', { fileName: 'cu.sqlite', fileBase64: Buffer.alloc(4096, 'x').toString('base64') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('cu.sqlite');
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    expect(filesIn(dir)).toEqual([path.basename(backup.path)]);
    expect((await c.invoke('app.info')).recovery?.kind).toBe('damaged');

    const r = await c.invoke('backup.restore', { path: backup.path });
    expect(r.safetyBackup.reason).toBe('unopened');
    expect(r.safetyBackup.integrityOk).toBe(false);
    expect(fs.readFileSync(r.safetyBackup.path).equals(before)).toBe(true);
    expect(r.schemaVersion).toBeGreaterThan(0);
    // the app is itself again, on the backup's data
    expect((await c.invoke('app.info')).recovery).toBeNull();
    expect((await c.invoke('office.get'))?.abbreviation).toBe('SLĐTBXH');
    expect(await names(c)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    await c.invoke('staff.create', { fullName: 'Lê Văn Cường' });
    expect(await names(c)).toHaveLength(3);
    // the set-aside file is listed with the backups, never as one to restore
    const after = await c.invoke('backup.list');
    expect(after.backups.find((b) => b.reason === 'unopened')?.integrityOk).toBe(false);
  });

  it('a file of a newer version: start on a new file, the old one set aside whole and never pruned', async () => {
    const { dbPath, dir } = await ruined((p) => {
      const db = new Database(p);
      db.pragma('user_version = 999');
      db.close();
    });
    const original = tableRows(dbPath, 'staff');
    const c = await host(dbPath);
    const info = await c.invoke('app.info');
    expect(info.recovery?.kind).toBe('too_new');
    expect(info.recovery?.message).toContain('phiên bản mới hơn');

    const { setAside } = await c.invoke('recovery.startNew');
    expect(setAside.reason).toBe('unopened');
    expect(path.dirname(setAside.path)).toBe(dir);
    expect(tableRows(setAside.path, 'staff')).toEqual(original);
    const now = await c.invoke('app.info');
    expect(now.recovery).toBeNull();
    expect(now.officeConfigured).toBe(false);
    expect(await names(c)).toEqual([]);
    // pruning keeps automatic backups only: the set-aside file stays whatever the count
    await c.invoke('office.save', { name: 'Sở Lao động - Thương binh và Xã hội', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SLĐTBXH' });
    await c.invoke('backup.settings.set', { keep: 1 });
    expect(fs.existsSync(setAside.path)).toBe(true);
  });

  it('a file that cannot be reached is never replaced, and opens once the cause is gone', async () => {
    const dbPath = tempDb();
    fs.mkdirSync(dbPath); // a folder where the file should be: SQLite cannot open it
    const c = await host(dbPath);
    const info = await c.invoke('app.info');
    expect(info.recovery?.kind).toBe('unavailable');
    expect(info.recovery?.message).toMatch(/^Không mở được cơ sở dữ liệu/);
    for (const call of [c.call('recovery.startNew', {}), c.call('backup.restore', { fileName: 'a.sqlite', fileBase64: 'AA==' })]) {
      const r = await call;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    }
    expect(fs.statSync(dbPath).isDirectory()).toBe(true);
    const still = await c.call('recovery.retry', {});
    expect(still.ok).toBe(false);

    fs.rmdirSync(dbPath);
    expect(await c.invoke('recovery.retry')).toEqual({ opened: true });
    expect((await c.invoke('app.info')).recovery).toBeNull();
  });

  it("another program's SQLite file is not written into", async () => {
    const dbPath = tempDb();
    const other = new Database(dbPath);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Nguyễn Văn An')");
    other.close();
    const c = await host(dbPath);
    expect((await c.invoke('app.info')).recovery?.kind).toBe('damaged');
    c.close();
    open.pop();
    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['contacts']);
    check.close();
  });

  it('the CLI lists and restores the backups of a file that cannot be opened; other commands say how', async () => {
    const { dbPath, backup } = await ruined(garbage);
    const run = async (args: string[]) => {
      const out: string[] = [];
      const code = await runCli(['--db', dbPath, ...args], { out: (s) => out.push(s), err: (s) => out.push(s) });
      return { code, text: out.join('\n') };
    };
    const units = await run(['units', 'list']);
    expect(units.code).toBe(1);
    expect(units.text).toContain('tdkt backup restore');
    const list = await run(['backup', 'list']);
    expect(list.code).toBe(0);
    expect(list.text).toContain(backup.path);
    const restore = await run(['backup', 'restore', backup.path]);
    expect(restore.code).toBe(0);
    expect(restore.text).toContain('unopened');
    const again = await run(['units', 'list']);
    expect(again.code).toBe(0);
    expect(again.text).toContain('Văn phòng Sở');
  });

  it('damage inside a file that opens: calls say so in Vietnamese, the window is told, a failed check keeps it, a restore clears it', async () => {
    const dbPath = tempDb();
    const seed = await testCore({ dbPath });
    addManyStaff(seed, 2000);
    const backup = await seed.invoke('backup.create', {});
    const staffRoot = seed.ctx.conn.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'staff'").pluck().get() as number;
    const pageSize = seed.ctx.conn.sqlite.pragma('page_size', { simple: true }) as number;
    seed.close();
    for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
    // the staff table's root page (an interior page over 2,000 rows) overwritten, the rest whole
    const fd = fs.openSync(dbPath, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize - 8, 0xa5), 0, pageSize - 8, (staffRoot - 1) * pageSize + 8);
    fs.closeSync(fd);

    const c = await createCore({ dbPath, host: 'web' });
    open.push(c);
    expect((await c.invoke('app.info')).damage).toBeNull();
    const r = await c.call('staff.list', {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DB_ERROR');
      expect(r.error.message).toContain('bị hỏng một phần');
    }
    expect((await c.invoke('app.info')).damage).toContain('bị hỏng một phần');
    const check = await c.invoke('db.check');
    expect(check.ok).toBe(false);
    expect((await c.invoke('app.info')).damage).toContain('Kiểm tra toàn vẹn không đạt');

    // the damaged file's copy cannot pass a check: it is set aside as it is, and the restore goes on
    const restored = await c.invoke('backup.restore', { path: backup.path });
    expect(restored.safetyBackup.reason).toBe('unopened');
    expect(restored.safetyBackup.integrityOk).toBe(false);
    expect(fs.statSync(restored.safetyBackup.path).size).toBeGreaterThan(pageSize * 10);
    expect((await c.invoke('app.info')).damage).toBeNull();
    expect((await c.invoke('staff.list', {})).rows).toHaveLength(2000);
  });

  it("an automatic backup whose copy fails its check marks the live file as damaged", async () => {
    const c = await testCore();
    const { createBackup } = await import('../../../electron/services/backup');
    const failed = await createBackup(c.ctx, {
      reason: 'start',
      steps: {
        check: async () => {
          const { AppError } = await import('../../../shared/contract/errors');
          throw new AppError('FILE_INVALID', 'Tệp sao lưu "x" bị hỏng (kiểm tra toàn vẹn không đạt: page 7 is never used).');
        },
      },
    }).catch((e: Error) => e);
    expect((failed as Error).message).toContain('Dữ liệu hiện tại có thể bị hỏng');
    expect((await c.invoke('app.info')).damage).toContain('page 7 is never used');
    // a check that passes clears it
    expect((await c.invoke('db.check')).ok).toBe(true);
    expect((await c.invoke('app.info')).damage).toBeNull();
    c.close();
  });
});
