import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { bufferedConsole, runCli, stdoutWriter } from '../../../electron/cli/tdkt';
import { Writable } from 'node:stream';
import { tempDb, tempDir } from '../../support/tmp';
import { BAD_ROW, FIXTURE_PEOPLE, FIXTURE_UNITS, STAFF_BAD_ROW_PATH, STAFF_GOOD_PATH } from '../../fixtures/staff/make-fixtures';
import { createCore } from '../../../electron/core/core';
import { appendErrorLog } from '../../../electron/services/diagnostics/error-log';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const OFFICE_ARGS = ['office', 'set', '--name', 'Sở Lao động - Thương binh và Xã hội', '--abbr', 'SLĐTBXH', '--place', 'Thái Bình', '--level', 'so_nganh'];

describe('tdkt CLI', () => {
  it('sets and shows the office', async () => {
    const db = tempDb();
    expect((await cli(['--db', db, 'office', 'show'])).out).toContain('Chưa thiết lập');
    const set = await cli(['--db', db, ...OFFICE_ARGS]);
    expect(set.code).toBe(0);
    const show = await cli(['--db', db, 'office', 'show', '--json']);
    expect(JSON.parse(show.out)).toMatchObject({ abbreviation: 'SLĐTBXH', placeName: 'Thái Bình' });
    // no head's title set: the one documents sign with, from the office's name
    expect((await cli(['--db', db, 'office', 'show'])).out).toContain('Thủ trưởng:         Giám đốc (theo tên cơ quan)');
  });

  it('bad input exits non-zero with a clear message', async () => {
    const db = tempDb();
    const bad = await cli(['--db', db, 'office', 'set', '--name', 'X', '--abbr', 'có dấu cách', '--place', 'Y', '--level', 'so_nganh']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Chữ viết tắt tên cơ quan');
    const unknown = await cli(['--db', db, 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Lệnh không hợp lệ');
    const missing = await cli(['--db', db, 'staff', 'import', '/no/such/file.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Không đọc được tệp');
  });

  it('imports staff all-or-nothing, lists and searches them, checks the database', async () => {
    const db = tempDb();
    await cli(['--db', db, ...OFFICE_ARGS]);
    const core = await createCore({ dbPath: db, host: 'test' });
    for (const name of FIXTURE_UNITS) await core.invoke('units.create', { name });
    core.close();

    const bad = await cli(['--db', db, 'staff', 'import', STAFF_BAD_ROW_PATH]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(BAD_ROW.message);
    expect(JSON.parse((await cli(['--db', db, 'staff', 'list', '--json'])).out)).toEqual([]);

    const good = await cli(['--db', db, 'staff', 'import', STAFF_GOOD_PATH]);
    expect(good.code).toBe(0);
    expect(good.out).toContain(`Đã nhập ${FIXTURE_PEOPLE.length} cán bộ.`);

    const again = await cli(['--db', db, 'staff', 'import', STAFF_GOOD_PATH]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/đã có trong cơ sở dữ liệu/);

    const first = FIXTURE_PEOPLE[0]!;
    const folded = first.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();
    const found = JSON.parse((await cli(['--db', db, 'staff', 'list', '--search', folded, '--json'])).out) as { fullName: string }[];
    expect(found.map((s) => s.fullName)).toEqual([first.fullName]);

    const units = await cli(['--db', db, 'units', 'list']);
    expect(units.out).toContain('Văn phòng Sở');

    const check = await cli(['--db', db, 'db', 'check', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, schemaVersion: expect.any(Number), dataOnNetwork: false });
    expect((await cli(['--db', db, 'db', 'check'])).out).not.toContain('ổ mạng');
    // a file on a network drive (the hosts' test hook: no share here) is said to be one
    process.env.TDKT_DATA_ON_NETWORK = '1';
    try {
      const shared = await cli(['--db', db, 'db', 'check']);
      expect(shared.out).toContain('Vị trí: ổ mạng (thư mục dùng chung) — tệp được mở không dùng WAL; chỉ mở tệp này từ một máy tại một thời điểm.');
      expect(JSON.parse((await cli(['--db', db, 'db', 'check', '--json'])).out)).toMatchObject({ dataOnNetwork: true });
    } finally {
      delete process.env.TDKT_DATA_ON_NETWORK;
    }
  });

  it('writes the import templates, which the imports read back', async () => {
    const db = tempDb();
    await cli(['--db', db, ...OFFICE_ARGS]);
    const dir = tempDir();
    expect((await cli(['--db', db, 'staff', 'template'])).code).toBe(2);
    const staff = await cli(['--db', db, 'staff', 'template', '--out', dir]);
    expect(staff).toMatchObject({ code: 0, out: `Đã ghi tệp mẫu: ${path.join(dir, 'mau-nhap-danh-sach-can-bo.xlsx')}` });
    const records = path.join(dir, 'ho-so.xlsx');
    expect((await cli(['--db', db, 'records', 'template', '--out', records])).code).toBe(0);
    // blank, they hold a header row and no one: the imports say so rather than failing to read them
    const dry = await cli(['--db', db, 'staff', 'import', path.join(dir, 'mau-nhap-danh-sach-can-bo.xlsx'), '--dry-run']);
    expect(dry.err).toContain('có dòng tiêu đề (dòng 4) nhưng không có dòng dữ liệu nào bên dưới');
    expect(fs.statSync(records).size).toBeGreaterThan(5000);
  });

  it('errors list prints the error log, newest first; errors clear empties it; both on a file that did not open too', async () => {
    const db = tempDb();
    expect((await cli(['--db', db, 'errors', 'list'])).out).toContain('Chưa có lỗi nào được ghi.');
    appendErrorLog(db, { source: 'screen', where: 'Thùng rác', message: 'một\ndòng hai', at: '2026-11-24T08:00:00.000Z' });
    appendErrorLog(db, { source: 'backup', where: 'sao lưu tự động (hằng ngày)', message: 'ENOSPC', at: '2026-11-24T09:00:00.000Z' });
    const list = await cli(['--db', db, 'errors', 'list']);
    expect(list.code).toBe(0);
    const lines = list.out.split('\n');
    expect(lines[0]).toBe(`Nhật ký lỗi: ${path.join(path.dirname(db), 'logs', 'tdkt-errors.log')}`);
    expect(lines[1]).toMatch(/^24\/11\/2026 \d{2}:00:00\tSao lưu\tsao lưu tự động \(hằng ngày\)\tENOSPC$/);
    expect(lines[2]).toMatch(/\tMàn hình\tThùng rác\tmột dòng hai$/);
    expect(JSON.parse((await cli(['--db', db, 'errors', 'list', '--json'])).out)).toMatchObject({ total: 2 });
    expect((await cli(['--db', db, 'errors', 'clear'])).out).toBe('Đã xóa nhật ký lỗi.');
    expect((await cli(['--db', db, 'errors', 'list'])).out).toContain('Chưa có lỗi nào được ghi.');

    // a file that does not open: its failure is in the log, which the CLI still reads and clears
    const bad = path.join(tempDir(), 'hong.sqlite');
    fs.writeFileSync(bad, 'not a database');
    const failed = await cli(['--db', bad, 'errors', 'list']);
    expect(failed.code).toBe(0);
    expect(failed.out).toMatch(/\tThao tác\tmở cơ sở dữ liệu\tTệp .* không phải cơ sở dữ liệu TĐKT/);
    expect((await cli(['--db', bad, 'errors', 'clear'])).code).toBe(0);
  });

  it('the installed bin runs the built CLI', () => {
    const bin = path.resolve(__dirname, '..', '..', '..', 'bin', 'tdkt.cjs');
    const db = path.join(tempDir(), 'bin.sqlite');
    const r = spawnSync(process.execPath, [bin, '--db', db, 'db', 'check'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('integrity_check: ok');
    const u = spawnSync(process.execPath, [bin, '--db', db, 'nonsense'], { encoding: 'utf8' });
    expect(u.status).toBe(2);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('output to a reader that went away stops quietly; another write failure is said and exits 1', async () => {
    const failing = (code: string) => {
      const got: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
          got.push(chunk.toString('utf8'));
          done(Object.assign(new Error(`write ${code}`), { code }));
        },
      });
      return { stream, got };
    };
    const saved = process.exitCode;
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    try {
      const pipe = failing('EPIPE');
      const write = stdoutWriter(pipe.stream);
      write(Buffer.from('một\n'));
      await new Promise((r) => setImmediate(r));
      write(Buffer.from('hai\n'));
      expect(pipe.got).toEqual(['một\n']);
      expect(errors).toEqual([]);
      expect(process.exitCode).toBe(saved);

      const full = failing('ENOSPC');
      const write2 = stdoutWriter(full.stream);
      write2(Buffer.from('ba\n'));
      await new Promise((r) => setImmediate(r));
      write2(Buffer.from('bốn\n'));
      expect(full.got).toEqual(['ba\n']);
      expect(errors).toEqual(['Không ghi được kết quả ra: write ENOSPC']);
      expect(process.exitCode).toBe(1);
    } finally {
      spy.mockRestore();
      process.exitCode = saved;
    }
  });

  it('the console writes its lines in 64 KB blocks, an error flushing what came before it', () => {
    const written: string[] = [];
    const io = bufferedConsole((b) => written.push(`out:${Buffer.from(b).toString('utf8')}`), (s) => written.push(`err:${s}`));
    io.out('một');
    io.out('hai');
    expect(written).toEqual([]);
    io.err('lỗi');
    expect(written).toEqual(['out:một\nhai\n', 'err:lỗi']);
    const line = 'x'.repeat(999);
    for (let i = 0; i < 100; i++) io.out(line);
    // the 66th line of 1,000 bytes (with its newline) passes 64 KB: a block; the rest waits for flush
    expect(written.length).toBe(3);
    expect(written[2]!.slice(4).split('\n')).toHaveLength(67);
    io.flush();
    io.flush();
    expect(written.length).toBe(4);
    const lines = written.slice(2).flatMap((w) => w.slice(4).split('\n').slice(0, -1));
    expect(lines).toEqual(Array.from({ length: 100 }, () => line));
    // Vietnamese text, and a line longer than a block, come out whole and in order
    const long = 'Nguyễn Thị Ánh '.repeat(20_000);
    io.out('trước');
    io.out(long);
    io.out('sau');
    io.flush();
    expect(written.slice(4).map((w) => w.slice(4)).join('')).toBe(`trước\n${long}\nsau\n`);
  });
});
