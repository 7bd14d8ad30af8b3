// An entity's data in numbered parts (data/<kind>.json, data/<kind>.2.json, …): with a tiny
// part size, a bundle whose kinds span many parts travels export → verify → preview → apply
// and arrives row for row; a damaged part set (a tampered, missing, duplicated, extra or
// reordered part, a part over the per-part cap) is refused with a message naming the file,
// and the receiving database is unchanged. A bundle written by the single-file code of
// `main` still imports.
import fs from 'node:fs';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import {
  DEFAULT_LIMITS,
  MSG,
  bufferSource,
  entityKind,
  entityKinds,
  exportSettings,
  applyPlan,
  listZipEntries,
  planMerge,
  scanBundle,
  storedColumns,
  type Row,
} from '../../../electron/services/exchange';
import { tempDir } from '../../support/tmp';
import { OFFICE_A, craftZip, dumpDb, editJson, makeOffice, makeProvince, readBundle, readJson, repack, src, unpack, type Files, type ManifestJson } from './helpers';

type PartsManifest = ManifestJson & { parts?: Record<string, string[]> };

const PART_SIZE = 1024;
const EXTRA_STAFF = 24;

let a: Core;
let p: Core;
/** exported with PART_SIZE-byte parts, through the handler (written to a folder, read back) */
let bundle: Buffer;
let files: Files;
let manifest: PartsManifest;

const noTitles = { LDTT: false, CSTDCS: false };

beforeAll(async () => {
  a = await makeOffice(OFFICE_A);
  p = await makeProvince();
  const units = (await a.invoke('units.list')) as { id: string; name: string }[];
  const unitId = units.find((u) => u.name === 'Văn phòng')!.id;
  for (let i = 1; i <= EXTRA_STAFF; i++) {
    await a.invoke('staff.create', { fullName: `Hoàng Thị Mai Anh ${i}`, birthDate: `${String((i % 28) + 1).padStart(2, '0')}/05/1988`, unitId, position: 'Chuyên viên' });
  }
  // ratings for two years: person_year rows and their audit_log rows
  const staff = (await a.invoke('staff.list', {})).rows.filter((s) => s.unitId === unitId);
  for (const year of [2023, 2024]) {
    await a.invoke('records.saveYearGrid', {
      unitId,
      year,
      rows: staff.map((s, i) => ({ staffId: s.id, rating: i % 3 === 0 ? 'HTXSNV' : 'HTTNV', maternityLeave: false, underReview: false, titles: noTitles })),
    });
  }
  const before = exportSettings.partSize;
  exportSettings.partSize = PART_SIZE;
  try {
    const r = await a.invoke('exchange.exportBundle', { kind: 'office-to-province', folder: tempDir() });
    bundle = fs.readFileSync(r.path!);
  } finally {
    exportSettings.partSize = before;
  }
  files = unpack(bundle);
  manifest = readJson<PartsManifest>(files, 'manifest.json');
});

afterAll(() => {
  a?.close();
  p?.close();
});

/** A kind's rows as stored, by id (what an import must reproduce). */
function rowsOf(core: Core, kind: string, originOfficeId: string): Row[] {
  const k = entityKind(kind)!;
  const cols = storedColumns(k).map((c) => `"${c}"`).join(', ');
  return core.ctx.conn.sqlite.prepare(`SELECT ${cols} FROM "${k.table}" WHERE origin_office_id = ? ORDER BY id`).all(originOfficeId) as Row[];
}

type ReadProc = 'exchange.verify' | 'exchange.preview' | 'exchange.apply';
/** Refused by verify, preview and apply with exactly `msg`; the province database unchanged. */
async function expectRefusedBy(target: Core, bytes: Uint8Array, msg: string) {
  const before = dumpDb(target);
  for (const proc of ['exchange.verify', 'exchange.preview', 'exchange.apply'] as ReadProc[]) {
    const r = await target.call(proc, src(bytes));
    expect(r.ok, `${proc} should refuse`).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FILE_INVALID');
      expect(r.error.message).toBe(msg);
    }
  }
  expect(dumpDb(target)).toEqual(before);
}

const partsOf = (kind: string) => manifest.parts?.[kind] ?? [];

describe('data in numbered parts', () => {
  it('the writer cuts each kind into parts under the part size, listed in order in the manifest', () => {
    for (const kind of ['staff', 'person_year', 'audit_log']) expect(partsOf(kind).length, kind).toBeGreaterThanOrEqual(3);
    for (const [kind, paths] of Object.entries(manifest.parts!)) {
      expect(paths).toEqual(paths.map((_, i) => (i === 0 ? `data/${kind}.json` : `data/${kind}.${i + 1}.json`)));
      let total = 0;
      for (const path of paths) {
        const entry = manifest.entries.find((e) => e.path === path)!;
        expect(entry.size).toBe(files[path]!.length);
        const list = readJson<unknown[]>(files, path);
        // a part passes the size only when one record alone is bigger
        expect(entry.size <= PART_SIZE || list.length === 1, `${path}: ${entry.size} bytes, ${list.length} records`).toBe(true);
        expect(list.length).toBeGreaterThan(0);
        total += list.length;
      }
      expect(total).toBe(manifest.counts[kind]);
    }
    // a kind that fits in one part is one data/<kind>.json, unlisted — as bundles always were
    expect(manifest.parts).not.toHaveProperty('office');
    expect(readJson<unknown[]>(files, 'data/office.json')).toHaveLength(1);
    expect(readJson<unknown[]>(files, 'data/dossier.json')).toEqual([]);
    // concatenated in part order, the records are the kind's rows in their export order (by id)
    const staffIds = partsOf('staff').flatMap((path) => readJson<Row[]>(files, path).map((r) => r.id));
    expect(staffIds).toEqual(rowsOf(a, 'staff', a.ctx.officeId).map((r) => r.id));
    expect(staffIds).toHaveLength(OFFICE_A.staff.length + EXTRA_STAFF);
  });

  it('verify → preview → apply in another database: the same rows arrive', async () => {
    const info = await p.invoke('exchange.verify', src(bundle));
    const total = Object.values(manifest.counts).reduce((s, n) => s + n, 0);
    expect(info.entryCount).toBe(manifest.entries.length + 1);
    expect(info.counts.find((c) => c.entity === 'audit_log')!.count).toBe(manifest.counts.audit_log);
    const preview = await p.invoke('exchange.preview', src(bundle));
    expect(preview.totals).toEqual({ new: total, changed: 0, same: 0, conflict: 0, deleted: 0 });
    const applied = await p.invoke('exchange.apply', src(bundle));
    expect(applied.written).toBe(total);
    for (const k of entityKinds()) expect(rowsOf(p, k.name, a.ctx.officeId), k.name).toEqual(rowsOf(a, k.name, a.ctx.officeId));
    // applied once: the same bundle again changes nothing
    expect((await p.invoke('exchange.apply', src(bundle))).alreadyApplied).toBe(true);
  });

  it('records are joined in part order whatever the order of the entries in the zip', async () => {
    const reversed = craftZip(Object.entries(files).reverse().map(([name, data]) => ({ name, data })));
    expect(listZipEntries(bufferSource(reversed), DEFAULT_LIMITS)[0]!.name).toBe('manifest.json');
    const read = await readBundle(bufferSource(reversed), { selfOfficeId: p.ctx.officeId });
    for (const kind of ['staff', 'person_year', 'audit_log']) {
      const inParts = partsOf(kind).flatMap((path) => readJson<Row[]>(files, path).map((r) => r.id));
      expect(read.records.get(kind)!.map((r) => r.row.id), kind).toEqual(inParts);
    }
  });
});

describe('a bundle is read a part at a time', () => {
  /** every data part, in the order the reader hands them on, with its record count */
  const partCounts = () =>
    entityKinds().flatMap((k) => (manifest.parts?.[k.name] ?? (files[`data/${k.name}.json`] ? [`data/${k.name}.json`] : [])).map((path) => [k.name, readJson<Row[]>(files, path).length]));

  it('each part’s records are handed on as the part is checked — the reader keeps none of them', async () => {
    const handed: Array<[string, number]> = [];
    await scanBundle(bufferSource(bundle), { selfOfficeId: p.ctx.officeId }, (kind, records) => {
      handed.push([kind.name, records.length]);
    });
    expect(handed).toEqual(partCounts());
    expect(handed.length).toBeGreaterThan(entityKinds().length / 2);
  });

  it('a part whose text is not in NFC (typed on another system) is validated again when written: the names arrive normalised', async () => {
    const q = await makeProvince();
    try {
      const part = partsOf('staff')[1]!;
      const edited = editJson<Row[]>(files, part, (rows) => {
        rows[0]!.full_name = String(rows[0]!.full_name).normalize('NFD');
      });
      const original = readJson<Row[]>(files, part)[0]!;
      expect(readJson<Row[]>(edited, part)[0]!.full_name).not.toBe(original.full_name);
      const applied = await q.invoke('exchange.apply', src(repack(edited, { fixManifest: true })));
      expect(applied.written).toBe(Object.values(manifest.counts).reduce((s, n) => s + n, 0));
      expect(rowsOf(q, 'staff', a.ctx.officeId)).toEqual(rowsOf(a, 'staff', a.ctx.officeId));
      const stored = q.ctx.conn.sqlite.prepare('SELECT full_name FROM staff WHERE id = ?').get(original.id) as { full_name: string };
      expect(stored.full_name).toBe(original.full_name);
      expect(stored.full_name).toBe(stored.full_name.normalize('NFC'));
    } finally {
      q.close();
    }
  });

  it('a part that changes between the comparison and the write (the file copied over on the USB stick) stops the apply; nothing is written', async () => {
    const q = await makeProvince();
    try {
      const stored = Buffer.from(repack(files, { method: 0 }));
      const before = dumpDb(q);
      const plan = await planMerge(q.ctx.conn.sqlite, bufferSource(stored), { selfOfficeId: q.ctx.officeId });
      expect(plan.totals.new).toBe(Object.values(manifest.counts).reduce((s, n) => s + n, 0));
      // a part of a kind written after the staff: the staff rows written first are rolled back
      const changed = partsOf('person_year')[1]!;
      const e = listZipEntries(bufferSource(stored), DEFAULT_LIMITS).find((x) => x.name === changed)!;
      stored[e.dataOffset + Math.floor(e.size / 2)]! ^= 0x01;
      expect(() => applyPlan(q.ctx.conn.sqlite, plan, new Map(), { fileName: 'x.tdkt', appliedAt: new Date().toISOString() })).toThrow(MSG.changedSince(changed));
      expect(MSG.changedSince(changed)).toMatch(/đã thay đổi trong lúc nhập.*Chưa ghi gì/);
      expect(dumpDb(q)).toEqual(before);
      // the file as it was applies
      stored[e.dataOffset + Math.floor(e.size / 2)]! ^= 0x01;
      const again = await planMerge(q.ctx.conn.sqlite, bufferSource(stored), { selfOfficeId: q.ctx.officeId });
      expect(applyPlan(q.ctx.conn.sqlite, again, new Map(), { fileName: 'x.tdkt', appliedAt: new Date().toISOString() }).written).toBe(again.records);
      expect(rowsOf(q, 'person_year', a.ctx.officeId)).toEqual(rowsOf(a, 'person_year', a.ctx.officeId));
    } finally {
      q.close();
    }
  });
});

describe('a damaged part set is refused, naming the file, and changes nothing', () => {
  const middle = () => partsOf('staff')[1]!;
  const withManifest = (edit: (m: PartsManifest) => void, f: Files = files) => repack(f, { editManifest: (m) => edit(m as PartsManifest) });
  // a province that has not received the bundle
  let q: Core;
  beforeAll(async () => {
    q = await makeProvince();
  });
  afterAll(() => q?.close());
  const expectRefused = (bytes: Uint8Array, msg: string) => expectRefusedBy(q, bytes, msg);

  it('the untouched bundle, repacked, still verifies (sanity)', async () => {
    expect((await q.invoke('exchange.verify', src(repack(files, { method: 0 })))).bundleId).toBe(manifest.bundleId);
  });

  it('a tampered middle part (hash)', async () => {
    const stored = Buffer.from(repack(files, { method: 0 }));
    const e = listZipEntries(bufferSource(stored), DEFAULT_LIMITS).find((x) => x.name === middle())!;
    stored[e.dataOffset + Math.floor(e.size / 2)]! ^= 0x01;
    await expectRefused(stored, MSG.hashMismatch(middle()));
  });

  it('a missing part: gone from the zip, or from the zip and the entry list', async () => {
    const rest = { ...files };
    delete rest[middle()];
    await expectRefused(repack(rest), MSG.missingEntry(middle()));
    const gone = withManifest((m) => void (m.entries = m.entries.filter((x) => x.path !== middle())), rest);
    await expectRefused(gone, MSG.partMissing(middle(), 'Cán bộ', 2, partsOf('staff').length));
    // and gone from the part list too: the parts after it are out of order
    const third = partsOf('staff')[2]!;
    await expectRefused(
      withManifest((m) => {
        m.entries = m.entries.filter((x) => x.path !== middle());
        m.parts!.staff = m.parts!.staff!.filter((x) => x !== middle());
      }, rest),
      MSG.partOrder(third, 'Cán bộ', 2, middle()),
    );
  });

  it('a duplicated part: listed twice, copied as an extra part, or a second zip entry of the same name', async () => {
    await expectRefused(
      withManifest((m) => void m.parts!.staff!.splice(2, 0, middle())),
      MSG.partTwice(middle(), 'Cán bộ'),
    );
    // a copy of part 2 appended as the next part, the manifest made to agree: its records repeat
    const n = partsOf('staff').length + 1;
    const copy = `data/staff.${n}.json`;
    const copied = readJson<Row[]>(files, middle());
    await expectRefused(
      repack(
        { ...files, [copy]: files[middle()]! },
        {
          fixManifest: true,
          editManifest: (m) => {
            (m as PartsManifest).parts!.staff!.push(copy);
            m.counts.staff! += copied.length;
          },
        },
      ),
      MSG.dataInvalid(copy, `mã bản ghi ${String(copied[0]!.id)} xuất hiện hai lần`),
    );
    await expectRefused(repack(files, { extra: [{ name: middle(), data: files[middle()]! }] }), MSG.duplicate(middle()));
  });

  it('parts reordered in the manifest', async () => {
    const [first, second, third] = partsOf('staff');
    await expectRefused(
      withManifest((m) => void (m.parts!.staff = [first!, third!, second!, ...m.parts!.staff!.slice(3)])),
      MSG.partOrder(third!, 'Cán bộ', 2, second!),
    );
    // the first part named anywhere but first
    await expectRefused(
      withManifest((m) => void (m.parts!.staff = [second!, first!, ...m.parts!.staff!.slice(2)])),
      MSG.partOrder(second!, 'Cán bộ', 1, first!),
    );
  });

  it('a part the part list does not name', async () => {
    // listed in the entries (hash fine) but not among the kind's parts
    const n = partsOf('staff').length + 1;
    const extra = `data/staff.${n}.json`;
    await expectRefused(repack({ ...files, [extra]: strToU8('[]') }, { fixManifest: true }), MSG.partExtra(extra, 'Cán bộ'));
    // a numbered part of a kind that has a single part
    await expectRefused(repack({ ...files, 'data/office.2.json': strToU8('[]') }, { fixManifest: true }), MSG.partExtra('data/office.2.json', 'Thông tin cơ quan'));
    // the part list names a kind this version does not know
    await expectRefused(
      withManifest((m) => void (m.parts!.award_medal = ['data/award_medal.json', 'data/award_medal.2.json'])),
      MSG.unknownEntity('data/award_medal.json'),
    );
  });

  it('a part over the per-part cap is refused before it is inflated; the same data in smaller parts passes', async () => {
    const biggest = manifest.entries.filter((e) => e.path.startsWith('data/')).reduce((x, y) => (y.size > x.size ? y : x));
    const limits = { ...DEFAULT_LIMITS, maxDataEntrySize: biggest.size };
    expect((await readBundle(bufferSource(bundle), { selfOfficeId: q.ctx.officeId, limits })).records.get('staff')).toHaveLength(manifest.counts.staff!);
    // one kind's parts joined into a single data file: over the cap
    const joined = JSON.stringify(partsOf('staff').flatMap((path) => readJson<unknown[]>(files, path)));
    expect(strToU8(joined).length).toBeGreaterThan(biggest.size);
    const one: Files = { ...files, 'data/staff.json': strToU8(joined) };
    for (const path of partsOf('staff').slice(1)) delete one[path];
    const single = repack(one, { fixManifest: true, editManifest: (m) => void delete (m as PartsManifest).parts!.staff });
    expect((await readBundle(bufferSource(single), { selfOfficeId: q.ctx.officeId })).records.get('staff')).toHaveLength(manifest.counts.staff!);
    await expect(readBundle(bufferSource(single), { selfOfficeId: q.ctx.officeId, limits })).rejects.toThrow(
      MSG.entryTooBig('data/staff.json', strToU8(joined).length, biggest.size),
    );
  });

  it('the total uncompressed cap still counts every part', async () => {
    const total = manifest.entries.reduce((s, e) => s + e.size, 0) + files['manifest.json']!.length;
    const limits = { ...DEFAULT_LIMITS, maxTotalSize: total - 1 };
    await expect(readBundle(bufferSource(bundle), { selfOfficeId: q.ctx.officeId, limits })).rejects.toThrow(/tổng dung lượng giải nén/);
    expect((await readBundle(bufferSource(bundle), { selfOfficeId: q.ctx.officeId, limits: { ...limits, maxTotalSize: total } })).totalSize).toBe(total);
  });
});

describe('a bundle written by the single-file code of main still imports', () => {
  // written by `main` at b72f095 (before parts): office-to-province from "Phòng Nội vụ xã Bát
  // Xát" — 2 units, 3 staff, 2 ratings, the LĐTT decision and recipient, 4 audit rows — one
  // data/<kind>.json per kind and no `parts` in the manifest
  const FIXTURE = path.join(__dirname, 'fixtures', 'main-v1-office-to-province.tdkt');

  it('verify → preview → apply', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const old = unpack(bytes);
    const m = readJson<PartsManifest>(old, 'manifest.json');
    expect(m.parts).toBeUndefined();
    expect(Object.keys(old).filter((x) => x.startsWith('data/')).every((x) => /^data\/[a-z_]+\.json$/.test(x))).toBe(true);

    const province = await makeProvince();
    try {
      const info = await province.invoke('exchange.verify', src(bytes, 'cu.tdkt'));
      expect(info.originOfficeName).toBe('Phòng Nội vụ xã Bát Xát');
      const preview = await province.invoke('exchange.preview', src(bytes, 'cu.tdkt'));
      expect(preview.totals.new).toBe(1 + 2 + 3 + 2 + 1 + 1 + 4);
      await province.invoke('exchange.apply', src(bytes, 'cu.tdkt'));
      const names = province.ctx.conn.sqlite.prepare('SELECT full_name FROM staff WHERE origin_office_id = ?').pluck().all(m.originOfficeId) as string[];
      expect(names.sort()).toEqual(['Đặng Thu Trang', 'Nguyễn Thị Hằng', 'Vũ Đình Khải'].sort());
      const ratings = province.ctx.conn.sqlite.prepare('SELECT rating FROM person_year WHERE origin_office_id = ? ORDER BY rating').pluck().all(m.originOfficeId);
      expect(ratings).toEqual(['HTTNV', 'HTXSNV']);
      const carried = readJson<Row[]>(old, 'data/audit_log.json').map((r) => r.id);
      const here = province.ctx.conn.sqlite.prepare(`SELECT id FROM audit_log WHERE id IN (${carried.map(() => '?').join(',')})`).pluck().all(...carried);
      expect(here).toHaveLength(4);
    } finally {
      province.close();
    }
  });
});
