// The error log beside the data file: what is written (unexpected failures of calls, a window's
// reports, an automatic backup that failed, a file that did not open), what is not (the app's
// own errors, which already say what to fix), reading it back newest first across the rotated
// file, and never failing the call that writes it.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../../electron/core/core';
import { openCore } from '../../../electron/core/recovery';
import { startAutoBackups } from '../../../electron/services/backup';
import { appendErrorLog, errorLogFileFor, MAX_BYTES, readErrorLog } from '../../../electron/services/diagnostics/error-log';
import { OFFICE, testCore } from '../../support/core';
import { tempDb } from '../../support/tmp';

const cores: Array<{ close(): void }> = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});
const keep = <T extends { close(): void }>(c: T): T => (cores.push(c), c);

describe('the error log file', () => {
  it('keeps entries newest first, rotates past its size and reads across both files, skipping a damaged line', () => {
    const db = tempDb();
    let t = Date.parse('2026-11-24T08:00:00Z');
    const now = () => new Date((t += 1000));
    expect(readErrorLog(db)).toEqual({ file: errorLogFileFor(db), entries: [], total: 0 });
    expect(appendErrorLog(db, { source: 'core', where: 'staff.list', message: 'một', stack: 'Error: một\n    at x' }, now)).toBe(true);
    expect(appendErrorLog(db, { source: 'screen', where: 'Đơn vị', message: 'hai' }, now)).toBe(true);
    // a line cut by a power loss
    fs.appendFileSync(errorLogFileFor(db), '{"at":"2026-11-24T08:00:03Z","sou');
    fs.appendFileSync(errorLogFileFor(db), '\n');
    const r = readErrorLog(db);
    expect(r.total).toBe(2);
    expect(r.entries.map((e) => e.message)).toEqual(['hai', 'một']);
    expect(r.entries[1]).toMatchObject({ source: 'core', where: 'staff.list', stack: 'Error: một\n    at x', at: '2026-11-24T08:00:01.000Z' });

    // past MAX_BYTES the file is renamed and a new one started: both are read, the oldest dropped at the next turn
    const big = 'x'.repeat(7000);
    const n = Math.ceil((MAX_BYTES * 2.5) / 7100);
    for (let i = 0; i < n; i++) appendErrorLog(db, { source: 'window', where: 'plans', message: `${i} ${big}` }, now);
    const dir = path.dirname(errorLogFileFor(db));
    expect(fs.readdirSync(dir).sort()).toEqual(['tdkt-errors.1.log', 'tdkt-errors.log']);
    for (const f of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(MAX_BYTES);
    const after = readErrorLog(db, 5);
    expect(after.entries.map((e) => e.message.split(' ')[0])).toEqual([n - 1, n - 2, n - 3, n - 4, n - 5].map(String));
    // the first two entries were in the file renamed away and then dropped
    expect(after.total).toBeLessThan(n + 2);
    expect(after.total).toBeGreaterThan(n / 2);
    // a message too long for one line is cut
    appendErrorLog(db, { source: 'window', where: 'plans', message: 'y'.repeat(20000) }, now);
    expect(readErrorLog(db, 1).entries[0]!.message.length).toBeLessThanOrEqual(8001);
  });

  it('a log that cannot be written says so and throws nothing', () => {
    const db = tempDb();
    // where the log folder would go, a file
    fs.writeFileSync(path.join(path.dirname(db), 'logs'), 'not a folder');
    expect(appendErrorLog(db, { source: 'core', where: 'x', message: 'y' })).toBe(false);
    expect(readErrorLog(db).total).toBe(0);
  });
});

describe('what the core writes to it', () => {
  it('a call that fails unexpectedly is written with the procedure and the stack; the app own errors are not', async () => {
    const core = keep(await createCore({ dbPath: tempDb(), host: 'test', version: '9.8.7' }));
    await core.invoke('office.save', OFFICE);
    // refused input, a missing record: the user is told what to fix, nothing to log
    expect((await core.call('units.create', { name: '' })).ok).toBe(false);
    expect((await core.call('staff.get', { id: 'khong-co' })).ok).toBe(false);
    expect((await core.invoke('errors.list')).total).toBe(0);

    // a table gone from under the app (the file changed by another program): SQLite's own error
    core.ctx.conn.sqlite.exec('ALTER TABLE unit RENAME TO unit_moved');
    const r = await core.call('units.list', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
    const log = await core.invoke('errors.list');
    expect(log.total).toBe(1);
    expect(log.entries[0]).toMatchObject({ source: 'core', where: 'units.list', version: '9.8.7' });
    expect(log.entries[0]!.message).toContain('no such table: unit');
    expect(log.entries[0]!.stack).toMatch(/\n\s+at /);
    expect(log.file).toBe(errorLogFileFor(core.ctx.conn.path));
  });

  it('the window reports a screen that crashed; errors.clear empties the log', async () => {
    const core = keep(await testCore());
    expect(await core.invoke('errors.report', { source: 'screen', where: 'Thùng rác', message: "Cannot read properties of undefined (reading 'length')", stack: 'TypeError\n    at TrashPage' })).toEqual({
      logged: true,
    });
    await core.invoke('errors.report', { source: 'window', where: 'plans', message: 'lỗi thử' });
    // input checked as every call's
    const tooLong = await core.call('errors.report', { source: 'window', where: 'x', message: 'y'.repeat(4001) });
    expect(tooLong.ok).toBe(false);
    const bad = await core.call('errors.report', { source: 'core', where: 'x', message: 'y' });
    expect(bad.ok).toBe(false);
    const log = await core.invoke('errors.list', { limit: 1 });
    expect(log.total).toBe(2);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ source: 'window', where: 'plans', message: 'lỗi thử' });
    expect(await core.invoke('errors.clear')).toEqual({ cleared: true });
    expect((await core.invoke('errors.list')).total).toBe(0);
  });

  it('a file that does not open is written, and the recovery screen reads and adds to the log', async () => {
    const db = tempDb();
    fs.writeFileSync(db, 'this is not a database, it is a letter');
    const core = keep(await openCore({ dbPath: db, host: 'test', version: '1.2.3' }));
    const log = (await core.invoke('errors.list')) as { total: number; entries: Array<{ source: string; where: string; message: string; stack?: string }> };
    expect(log.total).toBe(1);
    expect(log.entries[0]).toMatchObject({ source: 'core', where: 'mở cơ sở dữ liệu' });
    expect(log.entries[0]!.message).toContain('không phải cơ sở dữ liệu TĐKT');
    // what SQLite said is kept under it
    expect(log.entries[0]!.stack).toMatch(/not a database|file is not a database/i);
    expect(await core.invoke('errors.report', { source: 'screen', where: 'Khôi phục', message: 'm' })).toEqual({ logged: true });
    expect(((await core.invoke('errors.list')) as { total: number }).total).toBe(2);
  });

  it('an automatic backup that fails is told by backup.status until one succeeds, and written to the log', async () => {
    const dbPath = tempDb();
    const core = keep(await createCore({ dbPath, host: 'web' }));
    await core.invoke('office.save', OFFICE);
    await core.invoke('units.create', { name: 'Văn phòng' });
    expect((await core.invoke('backup.status')).autoFailed).toBeNull();
    // where the backups folder would go, a file: the copy cannot be made
    const blocker = path.join(path.dirname(dbPath), 'backups');
    fs.writeFileSync(blocker, '');
    const stop = startAutoBackups(core.ctx);
    await expect.poll(async () => (await core.invoke('backup.status')).autoFailed, { timeout: 5000 }).not.toBeNull();
    stop();
    const failed = (await core.invoke('backup.status')).autoFailed!;
    expect(Number.isNaN(Date.parse(failed.at))).toBe(false);
    expect(failed.message.length).toBeGreaterThan(0);
    const log = await core.invoke('errors.list');
    expect(log.entries[0]).toMatchObject({ source: 'backup', where: 'sao lưu tự động (hằng ngày)' });
    // the folder can be made again: the next automatic backup succeeds and the warning goes
    fs.rmSync(blocker);
    const again = startAutoBackups(core.ctx);
    await expect.poll(async () => (await core.invoke('backup.status')).autoFailed, { timeout: 5000 }).toBeNull();
    again();
    expect(fs.readdirSync(blocker).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);

    // the backup as the host closes: the window is gone, so the log is where it is told
    fs.rmSync(blocker, { recursive: true });
    fs.writeFileSync(blocker, '');
    expect((await core.call('backup.quit', {})).ok).toBe(false);
    expect((await core.invoke('errors.list')).entries[0]).toMatchObject({ source: 'backup', where: 'sao lưu tự động (khi đóng ứng dụng)' });
  });
});
