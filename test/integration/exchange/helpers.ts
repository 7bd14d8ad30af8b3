// Exchange test helpers: offices with units and staff, a dump of every table, and a tiny
// zip writer that can lie (declared sizes, names) to craft malicious bundles.
import crypto from 'node:crypto';
import { deflateSync, strFromU8, strToU8, unzipSync } from 'fflate';
import type { Core } from '../../../electron/core/core';
import { entityKinds, scanBundle, type ByteSource, type IncomingRecord, type ReadOptions, type ScannedBundle } from '../../../electron/services/exchange';
import { testCore } from '../../support/core';
import { tempDb } from '../../support/tmp';

/** A bundle verified with every record kept, kind by kind (the app itself keeps none of them). */
export async function readBundle(src: ByteSource, opts: ReadOptions): Promise<ScannedBundle & { records: Map<string, IncomingRecord[]> }> {
  const records = new Map<string, IncomingRecord[]>(entityKinds().map((k) => [k.name, []]));
  const scanned = await scanBundle(src, opts, (kind, list) => {
    const out = records.get(kind.name)!;
    for (const r of list) out.push(r);
  });
  return { ...scanned, records };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OfficeSetup {
  name: string;
  abbreviation: string;
  units: { name: string; parent?: string }[];
  staff: { fullName: string; birthDate: string; unit: string; position?: string }[];
}

export const OFFICE_A: OfficeSetup = {
  name: 'Phòng Nội vụ xã Bảo Thắng',
  abbreviation: 'PNVBT',
  units: [{ name: 'Văn phòng' }, { name: 'Bộ phận một cửa', parent: 'Văn phòng' }, { name: 'Phòng Văn hóa - Xã hội' }],
  staff: [
    { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unit: 'Văn phòng', position: 'Chánh văn phòng' },
    { fullName: 'Trần Thị Bích Ngọc', birthDate: '20/11/1985', unit: 'Bộ phận một cửa' },
    { fullName: 'Lê Đức Thắng', birthDate: '01/07/1979', unit: 'Phòng Văn hóa - Xã hội', position: 'Chuyên viên' },
  ],
};

export const OFFICE_B: OfficeSetup = {
  name: 'Phòng Nội vụ xã Sa Pa',
  abbreviation: 'PNVSP',
  units: [{ name: 'Văn phòng' }],
  staff: [
    { fullName: 'Phạm Thị Hoa', birthDate: '12/12/1990', unit: 'Văn phòng' },
    { fullName: 'Hoàng Văn Đức', birthDate: '02/02/1975', unit: 'Văn phòng', position: 'Phó Chủ tịch' },
  ],
};

export const PROVINCE = { name: 'Sở Nội vụ tỉnh Lào Cai', abbreviation: 'SNV' };

export async function makeOffice(setup: OfficeSetup, dbPath = tempDb()): Promise<Core> {
  const core = await testCore({ dbPath, office: false });
  await core.invoke('office.save', {
    name: setup.name,
    levelCode: 'xa',
    placeName: 'Lào Cai',
    abbreviation: setup.abbreviation,
  });
  const unitIds = new Map<string, string>();
  for (const u of setup.units) {
    const created = await core.invoke('units.create', { name: u.name, parentId: u.parent ? unitIds.get(u.parent)! : null });
    unitIds.set(u.name, created.id);
  }
  for (const s of setup.staff) {
    await core.invoke('staff.create', { fullName: s.fullName, birthDate: s.birthDate, unitId: unitIds.get(s.unit)!, position: s.position ?? '' });
  }
  return core;
}

export async function makeProvince(dbPath = tempDb()): Promise<Core> {
  const core = await testCore({ dbPath, office: false });
  await core.invoke('office.save', { name: PROVINCE.name, levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: PROVINCE.abbreviation });
  return core;
}

/**
 * A province holding OFFICE_A's and OFFICE_B's bundles, each office having given a Giấy khen in
 * 2025 (A: Nguyễn Văn An and Lê Đức Thắng; B: Phạm Thị Hoa).
 */
export async function provinceWithAwards(): Promise<Core> {
  const province = await makeProvince();
  for (const [setup, who] of [
    [OFFICE_A, ['Nguyễn Văn An', 'Lê Đức Thắng']],
    [OFFICE_B, ['Phạm Thị Hoa']],
  ] as const) {
    const core = await makeOffice(setup);
    const staff = await staffByName(core);
    await core.invoke('records.saveDecision', {
      data: { number: '5/QĐ', year: 2025, awardCode: 'GIAY_KHEN', recipients: who.map((n) => ({ kind: 'person', staffId: staff.get(n)!.id })) } as never,
    });
    await province.invoke('exchange.apply', src(await exportBytes(core)));
    core.close();
  }
  return province;
}

/** Every table's rows, ordered: equal dumps mean nothing changed. */
export function dumpDb(core: Core): Record<string, unknown[]> {
  const sqlite = core.ctx.conn.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all();
  out['pragma.user_version'] = [sqlite.pragma('user_version', { simple: true })];
  return out;
}

export async function exportBytes(core: Core, kind: 'office-to-province' | 'province-to-office' | 'full' = 'office-to-province', targetOfficeId?: string): Promise<Buffer> {
  const r = await core.invoke('exchange.exportBundle', { kind, targetOfficeId: targetOfficeId ?? null });
  return Buffer.from(r.file!.base64, 'base64');
}

export const src = (bytes: Uint8Array, fileName = 'goi.tdkt') => ({ fileName, fileBase64: Buffer.from(bytes).toString('base64') });

export async function staffByName(core: Core, status: 'all' | 'dang_cong_tac' = 'all') {
  const r = await core.invoke('staff.list', { status });
  return new Map(r.rows.map((s) => [s.fullName, s]));
}

// ---- crafting zips ----------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface CraftEntry {
  name: string;
  data: Uint8Array;
  /** 8 = deflate (default), 0 = stored */
  method?: 0 | 8;
  /** lie about the uncompressed size in both headers */
  declaredSize?: number;
}

/** A zip built by hand, so tests control every header field. */
export function craftZip(entries: CraftEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const method = e.method ?? 8;
    const comp = method === 8 ? deflateSync(e.data) : e.data;
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const lh = new DataView(new ArrayBuffer(30));
    lh.setUint32(0, 0x04034b50, true);
    lh.setUint16(4, 20, true);
    lh.setUint16(6, 0x800, true);
    lh.setUint16(8, method, true);
    lh.setUint16(12, 0x21, true);
    lh.setUint32(14, crc, true);
    lh.setUint32(18, comp.length, true);
    lh.setUint32(22, size, true);
    lh.setUint16(26, name.length, true);
    const ch = new DataView(new ArrayBuffer(46));
    ch.setUint32(0, 0x02014b50, true);
    ch.setUint16(4, 20, true);
    ch.setUint16(6, 20, true);
    ch.setUint16(8, 0x800, true);
    ch.setUint16(10, method, true);
    ch.setUint16(14, 0x21, true);
    ch.setUint32(16, crc, true);
    ch.setUint32(20, comp.length, true);
    ch.setUint32(24, size, true);
    ch.setUint16(28, name.length, true);
    ch.setUint32(42, offset, true);
    parts.push(new Uint8Array(lh.buffer), name, comp);
    central.push(new Uint8Array(ch.buffer), name);
    offset += 30 + name.length + comp.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, entries.length, true);
  eocd.setUint16(10, entries.length, true);
  eocd.setUint32(12, cdSize, true);
  eocd.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...central, new Uint8Array(eocd.buffer)]);
}

export type Files = Record<string, Uint8Array>;

/** The entries of a (good) bundle. */
export function unpack(bytes: Uint8Array): Files {
  return unzipSync(bytes);
}

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

export interface ManifestJson {
  formatVersion: unknown;
  entries: { path: string; size: number; sha256: string }[];
  counts: Record<string, number>;
  [k: string]: unknown;
}

export function readJson<T>(files: Files, p: string): T {
  return JSON.parse(strFromU8(files[p]!)) as T;
}

/**
 * Re-zip entries; `fixManifest` recomputes the manifest's entry list from the files (so a
 * test can change a data file and still pass the hash check), `editManifest` changes it.
 */
export function repack(
  files: Files,
  opts: { fixManifest?: boolean; editManifest?: (m: ManifestJson) => void; extra?: CraftEntry[]; method?: 0 | 8 } = {},
): Uint8Array {
  const m = readJson<ManifestJson>(files, 'manifest.json');
  if (opts.fixManifest) {
    m.entries = Object.keys(files)
      .filter((p) => p !== 'manifest.json')
      .map((p) => ({ path: p, size: files[p]!.length, sha256: sha256(files[p]!) }));
  }
  opts.editManifest?.(m);
  const all: CraftEntry[] = Object.entries({ ...files, 'manifest.json': strToU8(JSON.stringify(m)) }).map(([name, data]) => ({
    name,
    data,
    method: opts.method,
  }));
  return craftZip([...all, ...(opts.extra ?? [])]);
}

export function editJson<T>(files: Files, p: string, edit: (v: T) => void): Files {
  const v = readJson<T>(files, p);
  edit(v);
  return { ...files, [p]: strToU8(JSON.stringify(v)) };
}
