// The bundle on disk: atomic write into a folder, read back, manifest contents; the merge
// rules as a table; and a plug-in entity kind carrying attachments end to end.
import { entityKinds } from '../../../electron/services/exchange/registry';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../../../electron/core/core';
import { DEFAULT_LIMITS, MSG, bufferSource, classify, listZipEntries, registerEntityKind, unregisterEntityKind, text, type EntityKind, type IncomingRecord, type Row } from '../../../electron/services/exchange';
import { staffKind } from '../../../electron/services/exchange/kinds/core';
import { tempDir } from '../../support/tmp';
import { OFFICE_A, exportBytes, makeOffice, makeProvince, readJson, sha256, src, unpack, type ManifestJson } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

describe('bundle file', () => {
  it('is written atomically into a folder, read back, and carries a complete manifest', async () => {
    const a = await makeOffice(OFFICE_A);
    cores.push(a);
    const an = (await a.invoke('staff.list', {})).rows.find((s) => s.fullName === 'Nguyễn Văn An')!;
    await a.invoke('staff.delete', { id: an.id });
    const dir = tempDir();
    const r = await a.invoke('exchange.exportBundle', { kind: 'office-to-province', folder: dir });
    expect(r.file).toBeNull();
    expect(r.path).toBe(path.join(dir, r.fileName));
    expect(r.fileName).toMatch(/^TDKT_PNVBT_gui-cap-tren_\d{8}-\d{6}\.tdkt$/);
    expect(fs.readdirSync(dir)).toEqual([r.fileName]); // no .partial left behind
    expect(fs.statSync(r.path!).size).toBe(r.sizeBytes);

    const files = unpack(fs.readFileSync(r.path!));
    const m = readJson<ManifestJson>(files, 'manifest.json');
    expect(m).toMatchObject({
      format: 'tdkt-bundle',
      formatVersion: 1,
      kind: 'office-to-province',
      originOfficeId: a.ctx.officeId,
      originOfficeName: OFFICE_A.name,
      bundleId: r.bundleId,
      counts: { office: 1, unit: 3, staff: 3 },
    });
    // one data file per registered entity kind (empty kinds too), nothing else
    expect(m.entries.map((e) => e.path).sort()).toEqual(entityKinds().map((k) => `data/${k.name}.json`).sort());
    for (const e of m.entries) {
      expect(e.size).toBe(files[e.path]!.length);
      expect(e.sha256).toBe(sha256(files[e.path]!));
    }
    // the deletion travels as a tombstone; the office's level travels by name too
    const staff = readJson<Row[]>(files, 'data/staff.json');
    expect(staff.find((s) => s.id === an.id)!.deleted_at).not.toBeNull();
    expect(staff.every((s) => s._base === null && !('name_key' in s))).toBe(true);
    expect(readJson<Row[]>(files, 'data/office.json')[0]).toMatchObject({ id: a.ctx.officeId, level_code: 'xa', level_name: 'Xã, phường, đặc khu' });

    // the province reads it by path too
    const p = await makeProvince();
    cores.push(p);
    expect((await p.invoke('exchange.verify', { path: r.path! })).fileName).toBe(r.fileName);
    const history = await a.invoke('exchange.history');
    expect(history[0]).toMatchObject({ direction: 'out', bundleId: r.bundleId, fileName: r.fileName, records: { staff: 3 } });
  });

  it('a missing folder or a file instead of a folder is refused clearly', async () => {
    const a = await makeOffice(OFFICE_A);
    cores.push(a);
    const missing = await a.call('exchange.exportBundle', { kind: 'office-to-province', folder: path.join(tempDir(), 'khong-co') });
    expect(!missing.ok && missing.error.message).toMatch(/Không tìm thấy thư mục .* Hãy cắm USB hoặc chọn thư mục khác/);
    const file = path.join(tempDir(), 'a.txt');
    fs.writeFileSync(file, 'x');
    const notDir = await a.call('exchange.exportBundle', { kind: 'office-to-province', folder: file });
    expect(!notDir.ok && notDir.error.message).toContain('không phải là thư mục');
    const noFile = await a.call('exchange.verify', { path: path.join(tempDir(), 'x.tdkt') });
    expect(!noFile.ok && noFile.error.message).toContain('Không đọc được tệp');
  });

  it('an office that has not set up its profile cannot export', async () => {
    const { testCore } = await import('../../support/core');
    const c = await testCore({ office: false });
    cores.push(c);
    const r = await c.call('exchange.exportBundle', { kind: 'office-to-province' });
    expect(!r.ok && r.error.code).toBe('OFFICE_NOT_SET');
  });
});

describe('merge rules (classify)', () => {
  const T1 = '2025-01-01T00:00:00.000Z';
  const T2 = '2025-02-01T00:00:00.000Z';
  const T3 = '2025-03-01T00:00:00.000Z';
  const row = (updated: string, position: string, deleted: string | null = null): Row => ({
    id: 's1',
    origin_office_id: 'o1',
    created_at: T1,
    updated_at: updated,
    deleted_at: deleted,
    full_name: 'A',
    gender: null,
    birth_date: null,
    unit_id: null,
    position,
    category: null,
    is_leader: 0,
    employment_start: null,
    employment_end: null,
    status: 'dang_cong_tac',
    note: '',
  });
  const inc = (r: Row, base: string | null = null): IncomingRecord => ({ row: r, base });
  const cases: [string, Row | null, IncomingRecord, string | null, string, boolean][] = [
    ['unknown record → new', null, inc(row(T1, 'x')), null, 'new', true],
    ['unknown tombstone → stored silently', null, inc(row(T2, 'x', T2)), null, 'same', true],
    ['identical → same', row(T1, 'x'), inc(row(T1, 'x')), T1, 'same', false],
    ['sender edited, local untouched since last received → changed', row(T1, 'x'), inc(row(T2, 'y')), T1, 'changed', true],
    ['sender deleted, local untouched → deleted', row(T1, 'x'), inc(row(T2, 'x', T2)), T1, 'deleted', true],
    ['sender edited on top of our version (base) → changed', row(T2, 'mine'), inc(row(T3, 'theirs'), T2), null, 'changed', true],
    ['both edited since the last exchange → conflict', row(T2, 'mine'), inc(row(T3, 'theirs'), T1), T1, 'conflict', false],
    ['both edited, never exchanged → conflict', row(T2, 'mine'), inc(row(T3, 'theirs')), null, 'conflict', false],
    ['version already received, local edited since → same (local wins)', row(T3, 'mine'), inc(row(T2, 'old')), T2, 'same', false],
    ['older than what was received → same', row(T3, 'new'), inc(row(T1, 'old')), T3, 'same', false],
  ];
  for (const [name, local, incoming, lr, status, write] of cases) {
    it(name, () => {
      const r = classify(staffKind, local, incoming, lr);
      expect(r.status).toBe(status);
      expect(r.write).toBe(write);
    });
  }
});

// A kind defined by "another engineer": notes with an attached file each.
describe('a plug-in entity kind with attachments', () => {
  const stored = new Map<string, Uint8Array>();
  const blobs = new Map<string, Uint8Array>();
  const noteKind: EntityKind = {
    name: 'test_note',
    table: 'test_note',
    label: 'Ghi chú thử',
    order: 40,
    columns: ['staff_id', 'body', 'file_name'],
    schema: z.object({ staff_id: z.string().nullable(), body: text(500, true), file_name: text(100) }),
    references: { staff_id: 'staff' },
    describe: (r) => String(r.body),
    keyFields: [{ column: 'body', label: 'Nội dung' }],
    files: {
      folder: 'attachments',
      collect: (_sqlite, rows) => rows.filter((r) => r.file_name).map((r) => ({ path: `${r.id}/${r.file_name}`, bytes: () => blobs.get(r.id as string)! })),
      expected: (records) => records.filter((r) => r.file_name).map((r) => `attachments/${r.id}/${r.file_name}`),
      store: (files) => {
        for (const f of files) stored.set(f.path, f.bytes);
      },
    },
  };
  const createTable = (c: Core) =>
    c.ctx.conn.sqlite.exec(`CREATE TABLE test_note (id TEXT PRIMARY KEY NOT NULL, origin_office_id TEXT NOT NULL, created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL, deleted_at TEXT, staff_id TEXT REFERENCES staff(id), body TEXT NOT NULL, file_name TEXT NOT NULL DEFAULT '')`);

  beforeAll(() => registerEntityKind(noteKind));
  afterAll(() => unregisterEntityKind('test_note'));

  it('registration checks names and order', () => {
    expect(() => registerEntityKind(noteKind)).toThrow(/already registered/);
    expect(() => registerEntityKind({ ...noteKind, name: 'x_bad', order: 25 })).toThrow(/order above "staff"/);
    expect(() => registerEntityKind({ ...noteKind, name: 'Bad-Name' })).toThrow(/lower_snake_case/);
  });

  it('travels with its files; a tampered attachment is refused', async () => {
    const a = await makeOffice(OFFICE_A);
    const p = await makeProvince();
    cores.push(a, p);
    createTable(a);
    createTable(p);
    const staffId = (await a.invoke('staff.list', {})).rows[0]!.id;
    const now = new Date().toISOString();
    const pdf = new TextEncoder().encode('%PDF-1.4 minh chứng '.repeat(50));
    a.ctx.conn.sqlite
      .prepare('INSERT INTO test_note VALUES (?, ?, ?, ?, NULL, ?, ?, ?)')
      .run('0190a000-0000-7000-8000-0000000000aa', a.ctx.officeId, now, now, staffId, 'Bằng khen 2024', 'minh-chung.pdf');
    blobs.set('0190a000-0000-7000-8000-0000000000aa', pdf);

    const bytes = await exportBytes(a);
    const files = unpack(bytes);
    expect(files['attachments/0190a000-0000-7000-8000-0000000000aa/minh-chung.pdf']).toEqual(pdf);
    const preview = await p.invoke('exchange.preview', src(bytes));
    expect(preview.groups.find((g) => g.entity === 'test_note')).toMatchObject({ new: 1, entityLabel: 'Ghi chú thử' });
    await p.invoke('exchange.apply', src(bytes));
    expect(p.ctx.conn.sqlite.prepare('SELECT body, staff_id FROM test_note').all()).toEqual([{ body: 'Bằng khen 2024', staff_id: staffId }]);
    expect(stored.get('attachments/0190a000-0000-7000-8000-0000000000aa/minh-chung.pdf')).toEqual(pdf);

    // PDFs are stored uncompressed: a flipped byte reaches the hash check
    const tampered = Buffer.from(bytes);
    const e = listZipEntries(bufferSource(tampered), DEFAULT_LIMITS).find((x) => x.name.endsWith('minh-chung.pdf'))!;
    expect(e.method).toBe(0);
    tampered[e.dataOffset + 10]! ^= 0xff;
    const r = await p.call('exchange.verify', src(tampered));
    expect(!r.ok && r.error.message).toBe(MSG.hashMismatch('attachments/0190a000-0000-7000-8000-0000000000aa/minh-chung.pdf'));
  });
});
