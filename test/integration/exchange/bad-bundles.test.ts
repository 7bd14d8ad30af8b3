// Every kind of bad bundle is refused with its Vietnamese message, by verify, preview
// and apply alike, and the province database is byte-for-byte the same afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import type { Core } from '../../../electron/core/core';
import { bufferSource, listZipEntries, DEFAULT_LIMITS, MSG } from '../../../electron/services/exchange';
import { OFFICE_A, craftZip, dumpDb, editJson, exportBytes, makeOffice, makeProvince, readBundle, readJson, repack, src, unpack, type Files, type ManifestJson } from './helpers';

let a: Core;
let p: Core;
let good: Buffer;
let files: Files;

beforeAll(async () => {
  a = await makeOffice(OFFICE_A);
  p = await makeProvince();
  good = await exportBytes(a);
  files = unpack(good);
});
afterAll(() => {
  a?.close();
  p?.close();
});

type StaffJson = Record<string, unknown>[];

/** Refused by verify, preview and apply with a message matching `msg`; DB unchanged. */
type ReadProc = 'exchange.verify' | 'exchange.preview' | 'exchange.apply';
async function expectRefused(bytes: Uint8Array, msg: string | RegExp, procs: ReadProc[] = ['exchange.verify', 'exchange.preview', 'exchange.apply']) {
  const before = dumpDb(p);
  for (const proc of procs) {
    const r = await p.call(proc, src(bytes));
    expect(r.ok, `${proc} should refuse`).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FILE_INVALID');
      if (typeof msg === 'string') expect(r.error.message).toContain(msg);
      else expect(r.error.message).toMatch(msg);
      expect(r.error.message).not.toMatch(/[A-Za-z]+Error|at \w+ \(/); // no stack traces
    }
  }
  expect(dumpDb(p)).toEqual(before);
}

describe('bad bundles are refused and change nothing', () => {
  it('the good bundle itself verifies (sanity)', async () => {
    expect((await p.invoke('exchange.verify', src(good))).originOfficeId).toBe(a.ctx.officeId);
    // and so does a hand-repacked copy (the crafting helper is faithful)
    expect((await p.invoke('exchange.verify', src(repack(files)))).bundleId).toBeTruthy();
    expect((await p.invoke('exchange.verify', src(repack(files, { method: 0 })))).bundleId).toBeTruthy();
  });

  it('an empty file', async () => {
    await expectRefused(new Uint8Array(0), MSG.empty);
  });

  it('a file that is not a zip', async () => {
    await expectRefused(strToU8('Đây không phải gói dữ liệu, chỉ là một tệp văn bản.'.repeat(20)), MSG.notZip);
    await expectRefused(new Uint8Array([1, 2, 3]), MSG.notZip);
  });

  it('a truncated file', async () => {
    await expectRefused(good.subarray(0, Math.floor(good.length / 2)), MSG.truncated);
    await expectRefused(good.subarray(0, good.length - 10), MSG.truncated);
  });

  it('a flipped byte inside an entry (hash mismatch)', async () => {
    // stored entries: the flipped byte reaches the hash unchanged
    const stored = Buffer.from(repack(files, { method: 0 }));
    const e = listZipEntries(bufferSource(stored), DEFAULT_LIMITS).find((x) => x.name === 'data/staff.json')!;
    stored[e.dataOffset + Math.floor(e.size / 2)]! ^= 0x01;
    await expectRefused(stored, MSG.hashMismatch('data/staff.json'));
    // deflated entries: the flip breaks the stream or the hash — either way the entry is named
    const deflated = Buffer.from(good);
    const d = listZipEntries(bufferSource(deflated), DEFAULT_LIMITS).find((x) => x.name === 'data/staff.json')!;
    deflated[d.dataOffset + Math.floor(d.compressedSize / 2)]! ^= 0x10;
    await expectRefused(deflated, /Gói dữ liệu bị hỏng hoặc bị sửa đổi: tệp data\/staff\.json/);
  });

  it('an edited manifest', async () => {
    await expectRefused(
      repack(files, {
        editManifest: (m) => {
          m.counts.staff = 99;
        },
      }),
      MSG.countMismatch('Cán bộ', 99, 3),
    );
    await expectRefused(
      repack(files, {
        editManifest: (m) => {
          m.entries.find((x) => x.path === 'data/unit.json')!.sha256 = '0'.repeat(64);
        },
      }),
      MSG.hashMismatch('data/unit.json'),
    );
    await expectRefused(
      repack(files, {
        editManifest: (m) => {
          m.entries = m.entries.filter((x) => x.path !== 'data/staff.json');
        },
      }),
      MSG.notListed('data/staff.json'),
    );
    await expectRefused(
      repack(files, {
        editManifest: (m) => {
          m.entries.push({ path: 'data/ghost.json', size: 2, sha256: 'a'.repeat(64) });
        },
      }),
      MSG.missingEntry('data/ghost.json'),
    );
    await expectRefused(
      repack(files, {
        editManifest: (m) => {
          m.bundleId = 'không phải uuid';
        },
      }),
      /Danh mục gói \(manifest\.json\) không hợp lệ hoặc đã bị sửa: trường bundleId/,
    );
    await expectRefused(
      craftZip(Object.entries({ ...files, 'manifest.json': strToU8('{ hỏng') }).map(([name, data]) => ({ name, data }))),
      MSG.manifestJson,
    );
    await expectRefused(repack(files, { editManifest: (m) => void (m.format = 'zip') }), MSG.notBundle);
    const noManifest = { ...files };
    delete noManifest['manifest.json'];
    await expectRefused(craftZip(Object.entries(noManifest).map(([name, data]) => ({ name, data }))), MSG.noManifest);
  });

  it('a wrong formatVersion', async () => {
    await expectRefused(repack(files, { editManifest: (m) => void (m.formatVersion = 2) }), MSG.newerVersion(2));
    await expectRefused(repack(files, { editManifest: (m) => void (m.formatVersion = '1') }), MSG.badVersion('1'));
    await expectRefused(repack(files, { editManifest: (m) => void (m.formatVersion = 0) }), MSG.badVersion(0));
  });

  it('path traversal and unsafe names', async () => {
    const cases: [string, string][] = [
      ['../evil', 'trỏ ra ngoài gói (..)'],
      ['data/../../evil.json', 'trỏ ra ngoài gói (..)'],
      ['/abs', 'là đường dẫn tuyệt đối'],
      ['C:\\x', 'có dấu gạch ngược (\\)'],
      ['C:/x', 'có ký hiệu ổ đĩa'],
      ['evil.txt', 'nằm ngoài các thư mục cho phép'],
      ['bin/evil.exe', 'nằm trong thư mục "bin" không được phép'],
      ['data//x.json', 'có đoạn đường dẫn rỗng'],
    ];
    for (const [name, why] of cases) {
      await expectRefused(repack(files, { extra: [{ name, data: strToU8('x') }] }), MSG.unsafePath(name, why));
      // listed in the manifest too: still refused by the path check
      await expectRefused(
        repack(files, { extra: [{ name, data: strToU8('x') }], editManifest: (m) => void m.entries.push({ path: name, size: 1, sha256: 'b'.repeat(64) }) }),
        MSG.unsafePath(name, why),
      );
    }
  });

  it('zip bombs: a declared huge size, an abnormal ratio, an entry that inflates past its declared size', async () => {
    const huge = 3 * 1024 * 1024 * 1024;
    await expectRefused(
      repack(files, { extra: [{ name: 'attachments/bomb.bin', data: new Uint8Array(1000), declaredSize: huge }] }),
      MSG.entryTooBig('attachments/bomb.bin', huge, DEFAULT_LIMITS.maxEntrySize),
    );
    const zeros = new Uint8Array(16 * 1024 * 1024);
    await expectRefused(repack(files, { extra: [{ name: 'attachments/zeros.bin', data: zeros }] }), /tỉ lệ nén bất thường .*bom nén/);
    // the data file claims 10 bytes (manifest agrees) but inflates to far more
    const lying = { ...files };
    const staff = lying['data/staff.json']!;
    const bytes = craftZip([
      ...Object.entries(lying)
        .filter(([n]) => n !== 'manifest.json' && n !== 'data/staff.json')
        .map(([name, data]) => ({ name, data })),
      { name: 'data/staff.json', data: staff, declaredSize: 10 },
      {
        name: 'manifest.json',
        data: strToU8(
          JSON.stringify({
            ...readJson<ManifestJson>(files, 'manifest.json'),
            entries: readJson<ManifestJson>(files, 'manifest.json').entries.map((e) => (e.path === 'data/staff.json' ? { ...e, size: 10 } : e)),
          }),
        ),
      },
    ]);
    await expectRefused(bytes, MSG.sizeMismatch('data/staff.json'));
  });

  it('caps on totals and entry counts are checked before inflating', async () => {
    const limits = { ...DEFAULT_LIMITS, maxTotalSize: 100, maxEntries: 3 };
    await expect(readBundle(bufferSource(good), { selfOfficeId: p.ctx.officeId, limits })).rejects.toThrow(/quá nhiều tệp/);
    await expect(readBundle(bufferSource(good), { selfOfficeId: p.ctx.officeId, limits: { ...limits, maxEntries: 100 } })).rejects.toThrow(
      /tổng dung lượng giải nén/,
    );
    await expect(readBundle(bufferSource(good), { selfOfficeId: p.ctx.officeId, limits: { ...DEFAULT_LIMITS, maxFileSize: 100 } })).rejects.toThrow(
      /Tệp gói dữ liệu quá lớn/,
    );
  });

  it('an extra entry not listed in the manifest', async () => {
    await expectRefused(repack(files, { extra: [{ name: 'attachments/extra.pdf', data: strToU8('%PDF') }] }), MSG.notListed('attachments/extra.pdf'));
    await expectRefused(repack(files, { extra: [{ name: 'data/staff2.json', data: strToU8('[]') }] }), MSG.notListed('data/staff2.json'));
    // listed, but no record claims it
    await expectRefused(repack({ ...files, 'attachments/x.pdf': strToU8('%PDF') }, { fixManifest: true }), /tệp attachments\/x\.pdf không thuộc bản ghi nào/);
    // listed, but an entity this version does not know
    await expectRefused(repack({ ...files, 'data/award.json': strToU8('[]') }, { fixManifest: true }), MSG.unknownEntity('data/award.json'));
  });

  it('JSON failing the schema', async () => {
    const bad = editJson<StaffJson>(files, 'data/staff.json', (s) => void (s[1]!.gender = 'khác'));
    await expectRefused(repack(bad, { fixManifest: true }), /Gói dữ liệu có dữ liệu không hợp lệ trong data\/staff\.json: bản ghi thứ 2 \(mã [0-9a-f-]+\): trường gender/);
    const extraField = editJson<StaffJson>(files, 'data/staff.json', (s) => void (s[0]!.salary = 1));
    await expectRefused(repack(extraField, { fixManifest: true }), /data\/staff\.json: bản ghi thứ 1 .*salary/);
    const noName = editJson<StaffJson>(files, 'data/staff.json', (s) => void (s[0]!.full_name = ''));
    await expectRefused(repack(noName, { fixManifest: true }), /trường full_name: không được để trống/);
    const dup = editJson<StaffJson>(files, 'data/staff.json', (s) => void s.push(s[0]!));
    await expectRefused(
      repack(dup, { fixManifest: true, editManifest: (m) => void (m.counts.staff = 4) }),
      /xuất hiện hai lần/,
    );
    await expectRefused(repack({ ...files, 'data/staff.json': strToU8('[{"id": ') }, { fixManifest: true }), MSG.dataJson('data/staff.json'));
    await expectRefused(repack({ ...files, 'data/staff.json': strToU8('{}') }, { fixManifest: true }), /phải là một danh sách bản ghi/);
  });

  it('records of another office inside an office-to-province bundle', async () => {
    const forged = editJson<StaffJson>(files, 'data/staff.json', (s) => void (s[0]!.origin_office_id = p.ctx.officeId));
    await expectRefused(repack(forged, { fixManifest: true }), MSG.foreignRecords('Cán bộ'));
  });

  it('a reference to a record that is neither in the bundle nor here', async () => {
    const orphan = editJson<StaffJson>(files, 'data/staff.json', (s) => void (s[0]!.unit_id = '0190a000-0000-7000-8000-000000000000'));
    await expectRefused(repack(orphan, { fixManifest: true }), /thiếu đơn vị \(mã 0190a000-0000-7000-8000-000000000000\) mà cán bộ "Nguyễn Văn An, 05\/03\/1980" tham chiếu tới/, [
      'exchange.preview',
      'exchange.apply',
    ]);
    // verify checks the bundle itself, which is intact
    expect((await p.invoke('exchange.verify', src(repack(orphan, { fixManifest: true })))).bundleId).toBeTruthy();
  });

  it('a bundle from this same office', async () => {
    const own = await exportBytes(p);
    await expectRefused(own, MSG.selfOrigin);
    expect(MSG.selfOrigin).toMatch(/^Gói dữ liệu này do chính cơ quan bạn tạo ra/);
  });

  it('a province-to-office bundle meant for another office', async () => {
    await p.invoke('exchange.apply', src(good));
    const back = await exportBytes(p, 'province-to-office', a.ctx.officeId);
    const other = await makeOffice({ ...OFFICE_A, name: 'Cơ quan khác', abbreviation: 'CQK' });
    try {
      const before = dumpDb(other);
      const r = await other.call('exchange.preview', src(back));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('được gửi cho cơ quan khác');
      expect(dumpDb(other)).toEqual(before);
    } finally {
      other.close();
    }
  });
});
