// Backups on real files in temp folders: naming, consistency under writes, integrity,
// atomicity when a step fails, pruning, the daily rule, and settings.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../electron/core/core';
import { createCore } from '../../../electron/core/core';
import { threadId } from 'node:worker_threads';
import {
  backupBytes,
  backupFileName,
  backupStem,
  ownBackupStems,
  createBackup,
  defaultSteps,
  type BackupSteps,
  dailyBackupDue,
  forgetBackupChecks,
  listBackups,
  parseBackupFileName,
  pruneBackups,
} from '../../../electron/services/backup';
import { checkAndSyncOnThread, probeOnThread } from '../../../electron/services/backup/check-thread';
import { runCli } from '../../../electron/cli/tdkt';
import { isAppError } from '../../../shared/contract/errors';
import { OFFICE, testCore } from '../../support/core';
import { tempDb, tempDir } from '../../support/tmp';
import { addManyStaff, BACKUP_CHECKS_FILE, backupsDir, filesIn, tableRows } from './helpers';

const cores: Core[] = [];
async function core(opts: Parameters<typeof testCore>[0] = {}) {
  const c = await testCore(opts);
  cores.push(c);
  return c;
}
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('backup file names', () => {
  it('round-trips <database>-YYYYMMDD-HHmmss-<reason>.sqlite in local time, named for the database it copies', () => {
    const at = new Date(2025, 2, 5, 7, 8, 9);
    expect(backupFileName(at, 'daily')).toBe('tdkt-20250305-070809-daily.sqlite');
    expect(backupFileName(at, 'before-restore', 2)).toBe('tdkt-20250305-070809-before-restore-2.sqlite');
    expect(parseBackupFileName('tdkt-20250305-070809-before-restore-2.sqlite')).toEqual({ stem: 'tdkt', createdAt: at, reason: 'before-restore', seq: 2 });
    for (const bad of ['.tdkt-20250305-070809-daily.sqlite.ab12.partial', 'tdkt-20250305-070809-other.sqlite', 'tdkt.sqlite']) {
      expect(parseBackupFileName(bad)).toBeNull();
    }
    // the default file keeps the names backups always had; another file's carry its name
    expect(backupStem('/data/TDKT Desktop/tdkt.sqlite')).toBe('tdkt');
    expect(backupStem('/data/so-noi-vu-2024.sqlite')).toBe('so-noi-vu-2024');
    expect(backupFileName(at, 'daily', 1, 'so-noi-vu-2024')).toBe('so-noi-vu-2024-20250305-070809-daily.sqlite');
    expect(parseBackupFileName('so-noi-vu-2024-20250305-070809-daily.sqlite')?.stem).toBe('so-noi-vu-2024');
    // asked for one database's backups, another's are not among them
    expect(parseBackupFileName('so-noi-vu-2024-20250305-070809-daily.sqlite', new Set(['tdkt']))).toBeNull();
    expect(parseBackupFileName('tdkt-20250305-070809-daily.sqlite', new Set(['so-noi-vu-2024']))).toBeNull();
    // "tdkt-…" was every backup's name before: a file of another name takes them as its own,
    // unless a tdkt.sqlite beside it claims them
    expect([...ownBackupStems('/data/tdkt.sqlite', () => false)]).toEqual(['tdkt']);
    expect([...ownBackupStems('/data/so-noi-vu-2024.sqlite', () => false)]).toEqual(['so-noi-vu-2024', 'tdkt']);
    expect([...ownBackupStems('/data/so-noi-vu-2024.sqlite', (f) => f === path.join('/data', 'tdkt.sqlite'))]).toEqual(['so-noi-vu-2024']);
  });
});

describe('createBackup', () => {
  it('writes a checked, self-contained copy under its final name and nothing else', async () => {
    const c = await core();
    await c.invoke('staff.create', { fullName: 'Trần Thị Bích Ngọc' });
    const info = await c.invoke('backup.create', {});
    const dir = backupsDir(c);
    expect(info.path).toBe(path.join(dir, info.fileName));
    expect(info.fileName).toMatch(/^test-\d{8}-\d{6}-manual\.sqlite$/);
    expect(info.integrityOk).toBe(true);
    // no -wal/-shm beside the copy, no temp file left: a copy that stands alone on a USB stick
    expect(filesIn(dir)).toEqual([info.fileName]);
    const header = fs.readFileSync(info.path).subarray(0, 20);
    expect(header.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect([header[18], header[19]]).toEqual([1, 1]);
    expect(tableRows(info.path, 'staff')).toEqual(tableRows(c.ctx.conn.path, 'staff'));
    expect(filesIn(dir)).toEqual([info.fileName]);
  });

  it('writes to another folder (USB stick) and two backups in the same second get distinct names', async () => {
    const c = await core();
    const usb = tempDir('tdkt-usb-');
    const at = new Date(2025, 0, 2, 3, 4, 5);
    const a = await createBackup(c.ctx, { reason: 'manual', destDir: usb, now: at });
    const b = await createBackup(c.ctx, { reason: 'manual', destDir: usb, now: at });
    expect([a.fileName, b.fileName]).toEqual(['test-20250102-030405-manual.sqlite', 'test-20250102-030405-manual-2.sqlite']);
    expect(filesIn(usb)).toEqual([a.fileName, b.fileName].sort());
    expect(fs.existsSync(backupsDir(c))).toBe(false);
  });

  it('is consistent while writes happen during the copy', async () => {
    const c = await core();
    addManyStaff(c, 4000); // ~1.5 MB: the online backup copies it in several steps
    const before = (tableRows(c.ctx.conn.path, 'staff') as unknown[]).length;
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await c.invoke('staff.create', { fullName: `Lê Văn Ghi${written}` });
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const info = await createBackup(c.ctx, { reason: 'manual' });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(info.integrityOk).toBe(true);
    const copied = tableRows(info.path, 'staff') as { full_name: string }[];
    expect(copied.length).toBeGreaterThanOrEqual(before);
    expect(copied.length).toBeLessThanOrEqual(before + written);
    // every row in the copy is whole
    expect(copied.every((r) => typeof r.full_name === 'string' && r.full_name.length > 0)).toBe(true);
  });

  describe('atomicity: a failing step never leaves a file with the final name', () => {
    const cases: [string, Parameters<typeof createBackup>[1]['steps']][] = [
      [
        'copy throws half-way (USB stick pulled)',
        {
          copy: async (_ctx, dest) => {
            fs.writeFileSync(dest, Buffer.alloc(8192, 7));
            throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
          },
        },
      ],
      ['fsync fails', { fsync: () => { throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }); } }],
      ['rename fails', { rename: () => { throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }); } }],
    ];
    it.each(cases)('%s', async (_name, steps) => {
      const c = await core();
      await c.invoke('staff.create', { fullName: 'Phạm Văn Đồng' });
      const usb = tempDir('tdkt-usb-');
      const e = await rejection(createBackup(c.ctx, { reason: 'manual', destDir: usb, steps }));
      expect(isAppError(e) && e.code).toBe('DB_ERROR');
      expect((e as Error).message).toContain('Chưa sao lưu được');
      expect(filesIn(usb)).toEqual([]);
      expect(await listBackups(c.ctx, usb)).toEqual([]);
      // the live database is untouched and still works
      expect((await c.invoke('staff.list', {})).total).toBe(1);
    });

    it('a copy that is not a valid database is discarded', async () => {
      const c = await core();
      const usb = tempDir('tdkt-usb-');
      const e = await rejection(
        createBackup(c.ctx, { reason: 'manual', destDir: usb, steps: { copy: async (_ctx, dest) => fs.writeFileSync(dest, 'không phải SQLite') } }),
      );
      expect(isAppError(e) && e.code).toBe('DB_ERROR');
      expect(filesIn(usb)).toEqual([]);
    });
  });
});

describe('backup.download', () => {
  it('sends a checked backup as bytes, leaves nothing on disk; a database too large for one answer is refused with what to do instead', async () => {
    const c = await core();
    const r = await c.invoke('backup.download');
    const bytes = Buffer.from(r.base64, 'base64');
    expect(r.fileName).toMatch(/^test-\d{8}-\d{6}-manual\.sqlite$/);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(filesIn(backupsDir(c))).toEqual([]);
    // a province's database (hundreds of MB) would not fit in one base64 string
    const refused = await backupBytes(c.ctx, new Date(), bytes.length - 1).catch((e: Error) => e);
    expect((refused as Error).message).toContain('không tải về qua trình duyệt được');
    expect((refused as Error).message).toContain('Sao lưu ngay');
  });
});

describe('the reminder to copy a backup off the disk (backup.status)', () => {
  const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

  it('none for an empty database nor one holding only the office profile; then until a backup leaves the automatic folder; again after 30 days', async () => {
    const empty = await core({ office: false });
    expect(await empty.invoke('backup.status')).toEqual({ lastExternal: null, daysSinceExternal: null, remind: false, autoFailed: null });

    const dbPath = tempDb();
    const c = await testCore({ dbPath });
    cores.push(c);
    expect(await c.invoke('backup.status')).toMatchObject({ lastExternal: null, remind: false });
    await c.invoke('units.create', { name: 'Văn phòng' });
    expect(await c.invoke('backup.status')).toMatchObject({ lastExternal: null, remind: true });
    // neither a backup into the automatic folder nor a download counts
    await c.invoke('backup.create', {});
    await c.invoke('backup.create', { destDir: backupsDir(c) });
    await c.invoke('backup.download');
    expect((await c.invoke('backup.status')).remind).toBe(true);

    const usb = tempDir('tdkt-usb-');
    const onUsb = await c.invoke('backup.create', { destDir: usb });
    const status = await c.invoke('backup.status');
    expect(status).toEqual({ lastExternal: { path: onUsb.path, createdAt: onUsb.createdAt }, daysSinceExternal: 0, remind: false, autoFailed: null });
    c.close();
    cores.pop();

    // the same file a month and a day later
    const later = await testCore({ dbPath, office: false, today: localDay(new Date(Date.now() + 31 * 24 * 3600 * 1000)) });
    cores.push(later);
    expect(await later.invoke('backup.status')).toMatchObject({ daysSinceExternal: 31, remind: true });
  });
});

describe('pruning and the daily rule', () => {
  it('keeps the newest N automatic backups, never manual ones or other folders', async () => {
    const c = await core();
    await c.invoke('backup.settings.set', { keep: 3 });
    const usb = tempDir('tdkt-usb-');
    const elsewhere = await createBackup(c.ctx, { reason: 'manual', destDir: usb, now: new Date(2024, 0, 1) });
    const manual = await createBackup(c.ctx, { reason: 'manual', now: new Date(2024, 0, 1, 12) });
    const autos = [];
    for (let d = 1; d <= 5; d++) {
      const reason = (['start', 'quit', 'daily'] as const)[d % 3]!;
      autos.push(await createBackup(c.ctx, { reason, now: new Date(2025, 0, d, 8) }));
    }
    const left = (await listBackups(c.ctx)).map((b) => b.fileName);
    expect(left).toEqual([...autos.slice(2).reverse().map((b) => b.fileName), manual.fileName]);
    expect(filesIn(usb)).toEqual([elsewhere.fileName]);

    // lowering the setting prunes at once
    const s = await c.invoke('backup.settings.set', { keep: 1 });
    expect(s).toEqual({ keep: 1, folder: backupsDir(c) });
    expect((await listBackups(c.ctx)).map((b) => b.fileName)).toEqual([autos[4]!.fileName, manual.fileName]);
    expect(await pruneBackups(c.ctx, 1)).toEqual([]);
  });

  it("two databases kept in one folder never list, restore or prune each other's backups", async () => {
    const dir = tempDir('tdkt-two-');
    const main = await core({ dbPath: path.join(dir, 'tdkt.sqlite') });
    const copy = await core({ dbPath: path.join(dir, 'thu-nghiem.sqlite') });
    await main.invoke('staff.create', { fullName: 'Nguyễn Văn An' });
    await copy.invoke('staff.create', { fullName: 'Trần Thị Thử' });
    await main.invoke('backup.settings.set', { keep: 2 });
    await copy.invoke('backup.settings.set', { keep: 2 });
    const mains = [];
    for (let d = 1; d <= 2; d++) mains.push(await createBackup(main.ctx, { reason: 'start', now: new Date(2025, 0, d, 8) }));
    // the other database's automatic backups, newer and more than its count: before, pruning
    // counted them together and deleted the main database's
    for (let d = 3; d <= 6; d++) await createBackup(copy.ctx, { reason: 'start', now: new Date(2025, 0, d, 8) });
    expect(backupsDir(main)).toBe(backupsDir(copy));
    expect(mains.map((b) => b.fileName)).toEqual(['tdkt-20250101-080000-start.sqlite', 'tdkt-20250102-080000-start.sqlite']);
    expect((await listBackups(main.ctx)).map((b) => b.fileName)).toEqual(mains.map((b) => b.fileName).reverse());
    const copies = (await listBackups(copy.ctx)).map((b) => b.fileName);
    expect(copies).toEqual(['thu-nghiem-20250106-080000-start.sqlite', 'thu-nghiem-20250105-080000-start.sqlite']);
    expect(filesIn(backupsDir(main)).filter((n) => n.endsWith('.sqlite')).sort()).toEqual([...mains.map((b) => b.fileName), ...copies].sort());
    // each list offers only its own database's backups to restore
    expect((await main.invoke('backup.list')).backups.map((b) => b.fileName)).not.toContain(copies[0]);
    expect(tableRows(mains[1]!.path, 'staff').map((r) => (r as { full_name: string }).full_name)).toEqual(['Nguyễn Văn An']);
    // a new file there, not set up yet (a first run), is offered every backup in the folder:
    // brought from another computer, they may carry the name the file had there
    const fresh = await core({ dbPath: path.join(dir, 'moi.sqlite'), office: false });
    expect((await fresh.invoke('backup.list')).backups.map((b) => b.fileName).sort()).toEqual([...mains.map((b) => b.fileName), ...copies].sort());
    await fresh.invoke('office.save', OFFICE);
    expect((await fresh.invoke('backup.list')).backups).toEqual([]);

    // alone in its folder, a file of another name keeps the "tdkt-…" backups made before backups
    // were named for their database: listed, and pruned with its own
    const alone = tempDir('tdkt-alone-');
    const office = await core({ dbPath: path.join(alone, 'office.sqlite') });
    await office.invoke('staff.create', { fullName: 'Lê Thị Cũ' });
    const own = await createBackup(office.ctx, { reason: 'start', now: new Date(2025, 0, 2, 8) });
    expect(own.fileName).toBe('office-20250102-080000-start.sqlite');
    const legacy = path.join(backupsDir(office), 'tdkt-20250101-080000-start.sqlite');
    fs.copyFileSync(own.path, legacy);
    expect((await listBackups(office.ctx)).map((b) => b.fileName)).toEqual([own.fileName, 'tdkt-20250101-080000-start.sqlite']);
    expect(await pruneBackups(office.ctx, 1)).toEqual([legacy]);
  });

  /** createBackup's steps with the check counted (and its quick flag recorded), done as by default */
  function countedChecks() {
    const seen: boolean[] = [];
    const steps: Partial<BackupSteps> = {
      check: (ctx, file, label, o) => {
        seen.push(o.quick);
        return defaultSteps.check(ctx, file, label, o);
      },
    };
    return { seen, steps };
  }

  it('checks each backup once: pruning checks nothing, a new session reads the results kept in the folder, a changed file is checked again', async () => {
    const c = await core();
    let opened = 0;
    const openFile = c.ctx.openFile;
    c.ctx.openFile = (file, o) => {
      opened++;
      return openFile(file, o);
    };
    const { seen, steps } = countedChecks();
    for (let d = 1; d <= 4; d++) await createBackup(c.ctx, { reason: 'daily', now: new Date(2025, 0, d, 8), steps });
    // one check per backup written (on its thread), and the prune after each opens none of the older ones
    expect(seen).toHaveLength(4);
    expect(opened).toBe(0);
    const dir = backupsDir(c);
    const index = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_CHECKS_FILE), 'utf8')) as Record<string, { ok: boolean }>;
    expect(Object.keys(index).sort()).toEqual(filesIn(dir));
    expect(Object.values(index).every((r) => r.ok)).toBe(true);

    // a new session: the list comes from the folder's results, no file is opened
    forgetBackupChecks();
    const listed = await listBackups(c.ctx, undefined, { inThisThread: true });
    expect(listed.map((b) => b.integrityOk)).toEqual([true, true, true, true]);
    expect(opened).toBe(0);
    // … and the start of a new session (a backup, then the prune) checks only the new backup
    forgetBackupChecks();
    await createBackup(c.ctx, { reason: 'start', now: new Date(2025, 0, 5, 8), steps });
    expect(seen).toHaveLength(5);
    expect(opened).toBe(0);

    // a file that changed since (damaged, replaced) is checked again, and found bad
    const victim = listed[1]!.path;
    expect(fs.existsSync(victim)).toBe(true);
    const bytes = fs.readFileSync(victim);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(victim, bytes);
    fs.utimesSync(victim, new Date(), new Date(Date.now() + 5000));
    forgetBackupChecks();
    expect((await listBackups(c.ctx, undefined, { inThisThread: true })).find((b) => b.path === victim)?.integrityOk).toBe(false);
    expect(opened).toBe(1);
  });

  it('an automatic backup gets the quick check, a manual one the full integrity check; the list checks unknown files in full', async () => {
    const c = await core();
    const { seen, steps } = countedChecks();
    await createBackup(c.ctx, { reason: 'quit', steps });
    await createBackup(c.ctx, { reason: 'manual', steps });
    expect(seen).toEqual([true, false]);
    const pragmas: string[] = [];
    const openFile = c.ctx.openFile;
    c.ctx.openFile = (file, o) => {
      const db = openFile(file, o);
      const pragma = db.pragma.bind(db);
      db.pragma = ((source: string, options?: { simple?: boolean }) => {
        pragmas.push(source);
        return pragma(source, options);
      }) as typeof db.pragma;
      return db;
    };
    forgetBackupChecks();
    fs.rmSync(path.join(backupsDir(c), BACKUP_CHECKS_FILE));
    expect((await listBackups(c.ctx, undefined, { inThisThread: true })).every((b) => b.integrityOk)).toBe(true);
    expect(pragmas.filter((p) => p === 'integrity_check')).toHaveLength(2);

    // by default those checks run on a thread: the core opens none of the files, and a damaged
    // one is found all the same
    pragmas.length = 0;
    const [good, victim] = (await listBackups(c.ctx)).map((b) => b.path) as [string, string];
    const bytes = fs.readFileSync(victim);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(victim, bytes);
    forgetBackupChecks();
    fs.rmSync(path.join(backupsDir(c), BACKUP_CHECKS_FILE));
    const listed = await listBackups(c.ctx);
    expect(listed.find((b) => b.path === good)?.integrityOk).toBe(true);
    expect(listed.find((b) => b.path === victim)?.integrityOk).toBe(false);
    expect(pragmas).toEqual([]);
  });

  it('the copy and check of a new backup run on a thread of their own, with the same probe: quick or full; a damaged copy is refused; a thread that fails leaves it to the core', async () => {
    const c = await core();
    await c.invoke('staff.create', { fullName: 'Phạm Văn Đồng' });
    const info = await createBackup(c.ctx, { reason: 'manual' });
    for (const quick of [true, false]) {
      const answer = await probeOnThread({ nativeBinding: null, source: null, file: info.path, selfContained: false, quick, fsync: true });
      expect(answer.threadId).not.toBe(threadId);
      expect(answer).toMatchObject({ pragma: quick ? 'quick_check' : 'integrity_check', messages: ['ok'], hasLog: true, fsynced: true, copied: false });
    }
    // the thread copies the live file itself (its own read-only connection) while the core writes on
    const copy = path.join(tempDir('tdkt-copy-'), 'copy.sqlite');
    const writing = c.invoke('staff.create', { fullName: 'Lê Thị Sau' });
    const answer = await probeOnThread({ nativeBinding: null, source: c.ctx.conn.path, file: copy, selfContained: true, quick: true, fsync: true });
    await writing;
    expect(answer).toMatchObject({ copied: true, messages: ['ok'], fsynced: true });
    expect((tableRows(copy, 'staff') as { full_name: string }[]).map((r) => r.full_name)).toContain('Phạm Văn Đồng');
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    // a copy damaged after its header: the thread finds it, the core refuses it with a message
    const bad = path.join(tempDir('tdkt-bad-'), 'copy.sqlite');
    const bytes = fs.readFileSync(info.path);
    bytes.fill(0x41, 4096, 12288);
    fs.writeFileSync(bad, bytes);
    const e = await rejection(checkAndSyncOnThread(c.ctx.openFile, null, bad, 'copy.sqlite', { selfContained: true, quick: false, fsync: () => {}, syncOnThread: true }));
    expect(isAppError(e) && e.code).toBe('FILE_INVALID');
    expect((e as Error).message).toContain('Tệp sao lưu "copy.sqlite" bị hỏng');

    // a thread whose SQLite cannot load judges nothing: the core copies, checks and syncs itself
    const fallback = path.join(tempDir('tdkt-fallback-'), 'copy.sqlite');
    let copiedHere = 0;
    let synced = 0;
    const report = await checkAndSyncOnThread(c.ctx.openFile, path.join(tempDir('tdkt-none-'), 'missing.node'), fallback, 'copy.sqlite', {
      selfContained: true,
      quick: true,
      fsync: () => synced++,
      syncOnThread: true,
      copyFrom: c.ctx.conn.path,
      copyHere: async () => {
        copiedHere++;
        await c.ctx.conn.sqlite.backup(fallback);
      },
    });
    expect(report.schemaVersion).toBeGreaterThan(0);
    expect([copiedHere, synced]).toEqual([1, 1]);
    expect((tableRows(fallback, 'staff') as { full_name: string }[]).map((r) => r.full_name)).toContain('Lê Thị Sau');
  });

  it('removes stale partial files left by a crash, not fresh ones', async () => {
    const c = await core();
    const dir = backupsDir(c);
    fs.mkdirSync(dir, { recursive: true });
    const stale = path.join(dir, '.tdkt-20240101-000000-daily.sqlite.aaaa.partial');
    const fresh = path.join(dir, '.tdkt-20250101-000000-daily.sqlite.bbbb.partial');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'x');
    const old = new Date(Date.now() - 3 * 3600_000);
    fs.utimesSync(stale, old, old);
    await pruneBackups(c.ctx, 10);
    expect(filesIn(dir)).toEqual([path.basename(fresh)]);
  });

  it('a daily backup is due when the newest automatic one is older than 24 h', async () => {
    const c = await core();
    const now = new Date(2025, 5, 10, 12);
    expect(dailyBackupDue(c.ctx, now)).toBe(true);
    await createBackup(c.ctx, { reason: 'manual', now: new Date(2025, 5, 10, 11) });
    expect(dailyBackupDue(c.ctx, now)).toBe(true); // manual ones do not count
    await createBackup(c.ctx, { reason: 'quit', now: new Date(2025, 5, 9, 11) });
    expect(dailyBackupDue(c.ctx, now)).toBe(true);
    await createBackup(c.ctx, { reason: 'start', now: new Date(2025, 5, 10, 1) });
    expect(dailyBackupDue(c.ctx, now)).toBe(false);
  });

  it('deciding whether a daily backup is due checks no file (a folder brought from another computer)', async () => {
    const c = await core();
    const b = await createBackup(c.ctx, { reason: 'start', now: new Date(2025, 5, 10, 1) });
    // another computer's backups, copied in: none checked here yet
    const copied = path.join(backupsDir(c), 'test-20250611-080000-daily.sqlite');
    fs.copyFileSync(b.path, copied);
    forgetBackupChecks();
    fs.rmSync(path.join(backupsDir(c), BACKUP_CHECKS_FILE), { force: true });
    expect(dailyBackupDue(c.ctx, new Date(2025, 5, 11, 12))).toBe(false);
    expect(fs.existsSync(path.join(backupsDir(c), BACKUP_CHECKS_FILE))).toBe(false);
  });

  it('settings: default 10, bounds checked with a Vietnamese message', async () => {
    const c = await core();
    expect(await c.invoke('backup.settings.get')).toEqual({ keep: 10, folder: backupsDir(c) });
    const r = await c.call('backup.settings.set', { keep: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('ít nhất 1');
  });
});

describe('automatic backups of the hosts', () => {
  it('a host core backs up at start (daily when none is recent); the CLI does not', async () => {
    const dbPath = tempDb();
    const dir = path.join(path.dirname(dbPath), 'backups');
    // a first start: nothing entered yet, so nothing to back up at start or at quit — and no
    // older backup in the folder is pruned for it
    const first = await createCore({ dbPath, host: 'web', autoBackups: true });
    expect(await first.invoke('backup.quit')).toBeNull();
    await first.invoke('office.save', OFFICE);
    first.close();
    expect(filesIn(dir)).toEqual([]);

    const c = await createCore({ dbPath, host: 'web', autoBackups: true });
    cores.push(c);
    await expect.poll(() => filesIn(dir).filter((n) => n.endsWith('.sqlite')).length, { timeout: 5000 }).toBe(1);
    expect(filesIn(dir)[0]).toMatch(/-daily\.sqlite$/);
    const quit = await c.invoke('backup.quit');
    expect(quit?.reason).toBe('quit');

    const cliDb = tempDb();
    const out: string[] = [];
    expect(await runCli(['--db', cliDb, 'units', 'list'], { out: (s) => out.push(s), err: (s) => out.push(s) })).toBe(0);
    expect(fs.existsSync(path.join(path.dirname(cliDb), 'backups'))).toBe(false);
  });
});
