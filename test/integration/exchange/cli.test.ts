// `tdkt bundle export|verify|import` against real database files.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../electron/cli/tdkt';
import { tempDb, tempDir } from '../../support/tmp';
import { OFFICE_A, makeOffice, makeProvince, sleep } from './helpers';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tdkt bundle', () => {
  it('export → verify → import (dry run, real), conflicts exit 1 until resolved', async () => {
    const aDb = tempDb();
    const pDb = tempDb();
    const a = await makeOffice(OFFICE_A, aDb);
    const p = await makeProvince(pDb);
    const id = (await a.invoke('staff.list', {})).rows.find((s) => s.fullName === 'Lê Đức Thắng')!.id;
    a.close();
    p.close();
    const usb = tempDir('tdkt-usb-');

    const exp = await cli(['--db', aDb, 'bundle', 'export', '--out', usb]);
    expect(exp.code).toBe(0);
    const file = path.join(usb, fs.readdirSync(usb)[0]!);
    expect(exp.out).toContain(`Đã xuất và kiểm tra gói dữ liệu: ${file}`);

    const ver = await cli(['--db', pDb, 'bundle', 'verify', file]);
    expect(ver.code).toBe(0);
    expect(ver.out).toContain(`Cơ quan gửi: ${OFFICE_A.name}`);
    expect(ver.out).toContain('Cán bộ: 3');

    const dry = await cli(['--db', pDb, 'bundle', 'import', file, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out).preview.totals).toMatchObject({ new: 7 });
    expect(JSON.parse((await cli(['--db', pDb, 'staff', 'list', '--json'])).out)).toEqual([]);

    const imp = await cli(['--db', pDb, 'bundle', 'import', file]);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('Đã nhập gói: ghi 7 bản ghi.');
    expect(JSON.parse((await cli(['--db', pDb, 'staff', 'list', '--json'])).out)).toHaveLength(3);
    const again = await cli(['--db', pDb, 'bundle', 'import', file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nhập lại không thay đổi gì');

    // both sides edit the same person → conflict
    await sleep(5);
    const { createCore } = await import('../../../electron/core/core');
    for (const [db, pos] of [
      [pDb, 'Sửa ở tỉnh'],
      [aDb, 'Sửa ở xã'],
    ] as const) {
      const c = await createCore({ dbPath: db, host: 'test' });
      const s = await c.invoke('staff.get', { id });
      await c.invoke('staff.update', { id, data: { ...s, position: pos } });
      c.close();
    }
    fs.rmSync(file);
    expect((await cli(['--db', aDb, 'bundle', 'export', '--out', usb])).code).toBe(0);
    const file2 = path.join(usb, fs.readdirSync(usb)[0]!);
    const conflict = await cli(['--db', pDb, 'bundle', 'import', file2]);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toContain('Có 1 xung đột');
    expect(conflict.err).toContain('Lê Đức Thắng');
    expect(conflict.err).toContain('Chức vụ: "Sửa ở tỉnh" ↔ "Sửa ở xã"');
    expect((await cli(['--db', pDb, 'bundle', 'import', file2, '--keep-local', '--take-incoming'])).code).toBe(2);

    const taken = await cli(['--db', pDb, 'bundle', 'import', file2, '--take-incoming']);
    expect(taken.code).toBe(0);
    expect(taken.out).toContain('lấy bản trong gói 1');
    const list = JSON.parse((await cli(['--db', pDb, 'staff', 'list', '--json'])).out) as { id: string; position: string }[];
    expect(list.find((s) => s.id === id)!.position).toBe('Sửa ở xã');
  });

  it('bad bundles and bad usage', async () => {
    const pDb = tempDb();
    (await makeProvince(pDb)).close();
    const junk = path.join(tempDir(), 'junk.tdkt');
    fs.writeFileSync(junk, 'không phải zip');
    const r = await cli(['--db', pDb, 'bundle', 'verify', junk]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không phải gói dữ liệu TĐKT');
    expect((await cli(['--db', pDb, 'bundle', 'export'])).code).toBe(2);
    expect((await cli(['--db', pDb, 'bundle', 'export', '--out', tempDir(), '--kind', 'lung-tung'])).code).toBe(2);
    expect((await cli(['--db', pDb, 'bundle', 'import'])).code).toBe(2);
    const own = tempDir();
    expect((await cli(['--db', pDb, 'bundle', 'export', '--out', own])).code).toBe(0);
    const self = await cli(['--db', pDb, 'bundle', 'import', path.join(own, fs.readdirSync(own)[0]!)]);
    expect(self.code).toBe(1);
    expect(self.err).toContain('do chính cơ quan bạn tạo ra');
  });
});
