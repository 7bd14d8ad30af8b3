// The bugs the fuzzer (fuzz.test.ts) found, one crafted file each, through the real
// procedures. Before the fixes these files hung the core for minutes, crashed it out of
// memory, or were refused with the JavaScript engine's English error text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { OFFICE } from '../support/core';
import { FIXTURE_UNITS, STAFF_GOOD_PATH } from '../fixtures/staff/make-fixtures';
import { GOOD_ROWS, historyWorkbook } from '../fixtures/records/office-history';
import { OFFICE_A, crc32, exportBytes, makeOffice, repack, src, unpack } from '../integration/exchange/helpers';
import { dumpDb, messageProblem } from './fuzz-support';

const REFERENCE_PLANS = path.resolve(__dirname, '../../../shared/reference/plans');
const SHEET = 'xl/worksheets/sheet1.xml';
const DOC = 'word/document.xml';

let work: string;
let core: Core;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-regress-'));
  core = await createCore({ dbPath: path.join(work, 'db.sqlite'), host: 'test', today: () => '2025-03-01' });
  await core.invoke('office.save', OFFICE);
  for (const name of FIXTURE_UNITS) await core.invoke('units.create', { name });
});

afterAll(() => {
  core?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Refused by every procedure with a clean Vietnamese message matching `msg`, quickly, database unchanged. */
async function expectRefused(procs: string[], input: unknown, msg: RegExp, maxMs = 10_000) {
  const before = dumpDb(core);
  for (const proc of procs) {
    const t0 = performance.now();
    const r = await core.call(proc, input);
    const ms = performance.now() - t0;
    expect(r.ok, `${proc} should refuse`).toBe(false);
    if (!r.ok) {
      expect(messageProblem(r.error), r.error.message).toBeNull();
      expect(r.error.message).toMatch(msg);
    }
    expect(ms, `${proc} took ${ms.toFixed(0)} ms`).toBeLessThan(maxMs);
  }
  expect(dumpDb(core)).toBe(before);
}

function editXlsx(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

const XLSX_PROCS = ['staff.importPreview', 'staff.importApply', 'records.importPreview', 'records.importApply'];

describe('Excel imports: crafted packages are refused before exceljs loads them', () => {
  const good = () => new Uint8Array(fs.readFileSync(STAFF_GOOD_PATH));

  it('a row numbered past Excel’s last row (2,000,000,000) is refused at once (before: scanned row by row for minutes)', async () => {
    const bytes = editXlsx(good(), (f) => {
      const r = 2_000_000_000;
      f[SHEET] = strToU8(strFromU8(f[SHEET]!).replace('</sheetData>', `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>Nguyễn Văn A</t></is></c></row></sheetData>`));
    });
    await expectRefused(XLSX_PROCS, { fileName: 'ds.xlsx', fileBase64: b64(bytes) }, /dòng số 2000000000, vượt quá giới hạn 1048576 dòng của Excel/);
    // the last row Excel has is still fine
    const ok = editXlsx(good(), (f) => {
      const r = 1_048_576;
      f[SHEET] = strToU8(strFromU8(f[SHEET]!).replace('</sheetData>', `<row r="${r}"><c r="J${r}" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>`));
    });
    const r = await core.call('staff.importPreview', { fileName: 'ds.xlsx', fileBase64: b64(ok) });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it('a merge over whole columns is refused before loading (before: exceljs created every merged cell — A5:B1048576 took 12 s and 1 GB, A1:XFD1048576 tens of GB)', async () => {
    for (const ref of ['A5:B1048576', 'A1:XFD1048576']) {
      const bytes = editXlsx(good(), (f) => {
        const s = strFromU8(f[SHEET]!);
        f[SHEET] = strToU8(s.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="${ref}"/>`));
      });
      await expectRefused(XLSX_PROCS, { fileName: 'ds.xlsx', fileBase64: b64(bytes) }, new RegExp(`vùng gộp ô quá lớn \\(${ref}\\)`));
    }
    const merges = (n: number, width: number) =>
      editXlsx(good(), (f) => {
        const list = Array.from({ length: n }, (_, i) => `<mergeCell ref="J${20 + i}:${String.fromCharCode(73 + width)}${20 + i}"/>`).join('');
        f[SHEET] = strToU8(strFromU8(f[SHEET]!).replace(/<mergeCells[^>]*>/, (m) => `${m}${list}`));
      });
    // many small merges: fine up to 500,000 cells, refused above
    const some = await core.call('staff.importPreview', { fileName: 'ds.xlsx', fileBase64: b64(merges(5_000, 2)) });
    expect(some.ok, JSON.stringify(some).slice(0, 300)).toBe(true);
    await expectRefused(['staff.importPreview'], { fileName: 'ds.xlsx', fileBase64: b64(merges(30_000, 17)) }, /quá nhiều ô gộp \(hơn 500\.000 ô/);
  });

  it('a zip bomb — a sheet that inflates past 200 MB, honest or lying about its size — is refused (before: inflated in full; 300 MB took 4 s and 1.4 GB)', async () => {
    // raw deflate blocks ending on a byte boundary (sync flush) can be concatenated: 1 MiB of
    // spaces compresses to about 1 KB, repeated 220 times
    const files = unzipSync(good());
    const [head, tail] = strFromU8(files[SHEET]!).split('<sheetData>') as [string, string];
    const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    const spaces = zlib.deflateRawSync(Buffer.alloc(1 << 20, 0x20), sync);
    const sheetData = Buffer.concat([zlib.deflateRawSync(Buffer.from(`${head}<sheetData>`), sync), ...Array<Buffer>(220).fill(spaces), zlib.deflateRawSync(Buffer.from(tail))]);
    const inflated = Buffer.byteLength(`${head}<sheetData>`) + 220 * (1 << 20) + Buffer.byteLength(tail);
    for (const declared of [inflated, 1000]) {
      const entries = Object.entries(files).map(([name, data]) =>
        name === SHEET
          ? { name, comp: sheetData, crc: 0, size: declared }
          : { name, comp: zlib.deflateRawSync(data), crc: crc32(data), size: data.length },
      );
      const bytes = zipRaw(entries);
      expect(bytes.length).toBeLessThan(400_000);
      await expectRefused(['staff.importPreview', 'records.importApply'], { fileName: 'ds.xlsx', fileBase64: b64(bytes) }, /quá lớn khi giải nén \(hơn 200 MB/);
    }
  });

  it('a real records workbook still imports (the checks cost little)', async () => {
    const bytes = await historyWorkbook(GOOD_ROWS);
    const r = await core.call('records.importPreview', { fileName: 'kt.xlsx', fileBase64: b64(bytes) });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });
});

/** A zip of already-deflated entries (crc and size as given: a bomb can lie). */
function zipRaw(entries: { name: string; comp: Uint8Array; crc: number; size: number }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(e.crc, 14);
    lh.writeUInt32LE(e.comp.length, 18);
    lh.writeUInt32LE(e.size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.crc, 16);
    ch.writeUInt32LE(e.comp.length, 20);
    ch.writeUInt32LE(e.size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    parts.push(lh, name, Buffer.from(e.comp));
    central.push(ch, name);
    offset += 30 + name.length + e.comp.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

describe('plan .docx: numbers from the file are held to Word’s limits', () => {
  const reference = () => new Uint8Array(fs.readFileSync(path.join(REFERENCE_PLANS, '000_a9ce567325fa68b9.docx')));
  const NUMBERING = (lvl: string, override = '') =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:abstractNum w:abstractNumId="0">${lvl}</w:abstractNum><w:num w:numId="77"><w:abstractNumId w:val="0"/>${override}</w:num></w:numbering>`;
  const numbered = (ilvl: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="77"/></w:numPr></w:pPr><w:r><w:t>MỤC ĐÍCH, YÊU CẦU</w:t></w:r></w:p>`;

  function docx(edit: (f: Record<string, Uint8Array>, doc: string) => string): Uint8Array {
    const files = unzipSync(reference());
    files[DOC] = strToU8(edit(files, strFromU8(files[DOC]!)));
    return zipSync(files);
  }

  async function expectImported(bytes: Uint8Array, label: string) {
    const t0 = performance.now();
    const r = await core.call('plans.import', { fileName: 'ke-hoach.docx', fileBase64: b64(bytes) });
    expect(r.ok, `${label}: ${JSON.stringify(r)}`).toBe(true);
    expect(performance.now() - t0, label).toBeLessThan(10_000);
  }

  it('w:start="1e999" with Roman numerals imports (before: toRoman(Infinity) never returned)', async () => {
    for (const [start, fmt] of [
      ['1e999', 'upperRoman'],
      ['1e15', 'upperRoman'],
      ['10000000000', 'lowerLetter'],
    ]) {
      const bytes = docx((f, doc) => {
        f['word/numbering.xml'] = strToU8(NUMBERING(`<w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl>`));
        return doc.replace('<w:body>', `<w:body>${numbered('0')}`);
      });
      await expectImported(bytes, `start ${start} ${fmt}`);
    }
  });

  it('w:ilvl="abc" / "1e999" and a negative start import (before: refused with the engine text "Invalid array length" / "Invalid count value")', async () => {
    for (const ilvl of ['abc', '1e999', '4294967295']) {
      const bytes = docx((f, doc) => {
        const lvl = `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>`;
        f['word/numbering.xml'] = strToU8(NUMBERING(lvl, `<w:lvlOverride w:ilvl="${ilvl}">${lvl}</w:lvlOverride>`));
        return doc.replace('<w:body>', `<w:body>${numbered(ilvl)}`);
      });
      await expectImported(bytes, `ilvl ${ilvl}`);
    }
    const negative = docx((f, doc) => {
      f['word/numbering.xml'] = strToU8(NUMBERING('<w:lvl w:ilvl="0"><w:start w:val="-100"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>'));
      return doc.replace('<w:body>', `<w:body>${numbered('0')}`);
    });
    await expectImported(negative, 'start -100 lowerLetter');
  });

  it('w:gridSpan="1e999" in a table of the body imports (before: one row grew to billions of cells, out of memory)', async () => {
    for (const span of ['1e999', '100000000']) {
      const bytes = docx((_f, doc) => {
        const table =
          '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Chủ trì</w:t></w:r></w:p></w:tc></w:tr>' +
          `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tổ chức phát động</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
        const parts = doc.split('</w:p>');
        const mid = Math.floor(parts.length / 2);
        parts[mid] = table + parts[mid]!;
        return parts.join('</w:p>');
      });
      await expectImported(bytes, `gridSpan ${span}`);
    }
  });

  it('markup nested 20,000 levels deep is refused in Vietnamese (before: "… Maximum call stack size exceeded")', async () => {
    const bytes = docx((_f, doc) => doc.replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(20_000)}<w:p><w:r><w:t>Sâu</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(20_000)}`));
    await expectRefused(['plans.import'], { fileName: 'ke-hoach.docx', fileBase64: b64(bytes) }, /Không đọc được tệp Word: cấu trúc văn bản bất thường/);
  });
});

describe('exchange bundles: a missing manifest value is named, not shown as "undefined"', () => {
  it('formatVersion and counts left out', async () => {
    const a = await makeOffice(OFFICE_A, path.join(work, 'office-a.sqlite'));
    const files = unpack(await exportBytes(a));
    a.close();
    const procs = ['exchange.verify', 'exchange.preview', 'exchange.apply'];
    await expectRefused(procs, src(repack(files, { editManifest: (m) => void delete m.formatVersion })), /phiên bản định dạng không hợp lệ \(không ghi\)/);
    await expectRefused(procs, src(repack(files, { editManifest: (m) => void ((m as Record<string, unknown>).formatVersion = { v: 1 }) })), /không hợp lệ \(\{"v":1\}\)/);
    await expectRefused(procs, src(repack(files, { editManifest: (m) => void delete (m as Record<string, unknown>).counts })), /trường counts: thiếu trường này/);
  });
});
