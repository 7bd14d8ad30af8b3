// renderDocx writes word/document.xml itself and takes the rest of the package from a
// skeleton the `docx` package builds; renderDocxViaModel builds the same file through the
// `docx` object model end to end. Both must give the same document: every part of the
// package byte for byte (but the times in docProps/core.xml), and a zip whose checksums hold.
import zlib from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderDocxViaModel, type RenderDocxOptions } from '../../../electron/services/documents/docx';
import { docxPlainText } from '../../../electron/services/documents/docx-text';
import { tableCrc32 } from '../../../electron/services/documents/docx-xml';
import type { OfficialDocument } from '../../../shared/documents/model';
import { baoCaoDocument, bienBanDocument, toTrinhDocument, type DossierDocInput } from '../../../shared/dossiers/documents';
import type { NomineeInfo } from '../../../shared/dossiers/model';
import { prefillReport } from '../../../shared/dossiers/prefill';
import { reportTemplate } from '../../../shared/dossiers/templates';
import { samplePlan } from './sample';

const nominee = (i: number, kind: 'person' | 'unit' = 'person'): NomineeInfo => ({
  id: `n${i}`,
  kind,
  subjectId: `s${i}`,
  awardCode: 'CSTDCS',
  name: `Nguyễn "Văn" Ánh'${i} & <Tổ ${i}>`,
  position: 'Chuyên viên',
  unitName: 'Phòng Tổ chức - Hành chính',
  summary: 'Hai năm\tliền\u0001 hoàn thành xuất sắc nhiệm vụ',
  votesAgree: 5,
  votesTotal: 7,
  birthDate: '1980-03-05',
  gender: 'nu',
});

const input: DossierDocInput = {
  office: { name: 'Sở Nội vụ tỉnh Lào Cai', parentAgency: 'UBND tỉnh Lào Cai', abbreviation: 'SNV', placeName: 'Lào Cai', headTitle: 'Giám đốc', headName: 'Nguyễn Văn Bình', superiorName: '' },
  today: '2025-12-10',
  year: 2025,
  awardCode: 'CSTDCS',
  campaignName: 'Thi đua "Dân vận khéo"',
  docNumber: 12,
  docDate: '2025-12-10',
  addressee: 'Giám đốc Sở Nội vụ',
  signer: { prefix: 'KT.', authorityTitle: 'GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: 'Lê Thị Hoa' },
  cover: { bases: [], intro: '', closing: '' },
  meeting: { date: '2025-11-18', time: '14 giờ 00', place: 'Phòng họp số 2', chair: 'Nguyễn Văn Bình', chairTitle: 'Giám đốc', secretary: 'Trần Mai', membersPresent: ['Nguyễn Văn Bình', 'Trần Mai'], membersTotal: 7, number: 3 },
  nominees: [nominee(1), nominee(2), nominee(3, 'unit')],
  minVotePercent: 50,
};

function report(n: NomineeInfo): OfficialDocument {
  const t = reportTemplate('nd98_2023.mau03')!;
  const content = prefillReport(
    t,
    {
      kind: n.kind,
      name: n.name,
      birthDate: n.birthDate,
      gender: n.gender,
      position: n.position,
      unitName: n.unitName,
      officeName: input.office.name,
      years: [2023, 2024, 2025].map((year) => ({ year, rating: 'HTXSNV' as const })),
      awards: [2023, 2024].map((year) => ({ year, code: 'LDTT', label: 'Lao động tiên tiến', kind: 'title' as const, decisionNo: `${year - 2000}/QĐ-SNV`, decisionDate: `${year}-12-20`, issuer: 'Sở Nội vụ' })),
      initiatives: [],
    },
    2025,
  );
  return baoCaoDocument(input, n, t, content);
}

/** Underlined and mixed runs, line breaks (\n and \r\n), a stray CR, empty cells, a group row, two addressees, a co-signer, no recipients. */
function edgeDocument(): OfficialDocument {
  const plan = samplePlan();
  return {
    ...plan,
    addressees: ['Ủy ban nhân dân tỉnh', 'Sở Tài chính <STC>'],
    closing: [[{ text: 'Dòng một\r\ndòng hai\rcòn đây', underline: true }, { text: ' — nghiêng', italic: true, bold: false }]],
    recipients: [],
    coSigner: { position: 'THƯ KÝ', note: '(Ký, ghi rõ họ tên)', name: '' },
    body: [
      ...plan.body,
      { kind: 'paragraph', runs: [], noIndent: true, align: 'right' },
      {
        kind: 'table',
        table: {
          columns: [{ header: 'A', width: 0 }, { header: 'B "b"', width: 3, align: 'right' }, { header: '', width: 2, align: 'justify' }],
          rows: [{ group: true, cells: [[{ text: 'Nhóm' }], [], []] }, { cells: [] }, { cells: [[{ text: 'x' }], [{ text: "y'" }], [{ text: 'z', bold: true }]] }],
        },
      },
    ],
  };
}

const CASES: [string, OfficialDocument | OfficialDocument[], RenderDocxOptions][] = [
  ['plan with its landscape appendix', samplePlan(), { title: 'Kế hoạch thi đua' }],
  ['plan without page numbers', samplePlan(), { pageNumbers: false }],
  ['tờ trình with the danh sách', toTrinhDocument(input), { title: 'Tờ trình' }],
  ['biên bản', bienBanDocument(input), {}],
  ['báo cáo thành tích', report(input.nominees[0]!), { title: 'Báo cáo — <Ánh> & "Tổ"', creator: 'Phòng TĐKT', description: "Mô tả 'x'" }],
  ['two documents in one file', [samplePlan(), report(input.nominees[2]!)], {}],
  ['edge cases', edgeDocument(), {}],
];

const STAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

function parts(bytes: Uint8Array): [string, string][] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]);
}

/** Central directory entries, each checked against its local data: CRC-32, sizes, offsets. */
function checkZip(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(buf.length - 22);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const csize = buf.readUInt32LE(at + 20);
    const usize = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    expect(buf.readUInt32LE(local + 14)).toBe(crc);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + csize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    expect(data.length, name).toBe(usize);
    expect(zlib.crc32(data) >>> 0, name).toBe(crc);
    names.push(name);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return names;
}

describe('fast DOCX writer', () => {
  it('computes zip CRC-32 without zlib.crc32 too (Node 20 before 20.15)', () => {
    const samples = [Buffer.alloc(0), Buffer.from('a'), Buffer.from('Thi đua, khen thưởng 2025', 'utf8'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 131) & 0xff))];
    for (const b of samples) expect(tableCrc32(b)).toBe(zlib.crc32(b) >>> 0);
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it.each(CASES)('%s: the same package as the docx object model, part for part', async (_name, doc, opts) => {
    const fast = parts(await renderDocx(doc, opts));
    const model = parts(await renderDocxViaModel(doc, opts));
    expect(fast.map(([n]) => n)).toEqual(model.map(([n]) => n));
    for (const [i, [name, xml]] of fast.entries()) {
      const ref = model[i]![1];
      if (name === 'docProps/core.xml') expect(xml.replace(STAMP, 'T'), name).toBe(ref.replace(STAMP, 'T'));
      else expect(xml, name).toBe(ref);
    }
  });

  it('writes a well-formed zip: every entry inflates to its recorded size and CRC-32', async () => {
    for (const [, doc, opts] of CASES) {
      const bytes = await renderDocx(doc, opts);
      expect(checkZip(bytes)).toEqual(Object.keys(unzipSync(bytes)));
    }
  });

  it('escapes text and the title; drops control characters as Word requires', async () => {
    const bytes = await renderDocx(report(input.nominees[0]!), { title: 'Báo cáo — <Ánh> & "Tổ"' });
    const text = docxPlainText(bytes);
    expect(text).toContain(`Họ và tên: Nguyễn "Văn" Ánh'1 & <Tổ 1>`);
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core).toContain('<dc:title>Báo cáo — &lt;Ánh&gt; &amp; &quot;Tổ&quot;</dc:title>');
    const xml = strFromU8(unzipSync(await renderDocx(toTrinhDocument(input)))['word/document.xml']!);
    expect(xml).toContain('Hai năm\tliền hoàn thành xuất sắc nhiệm vụ');
    expect(xml).not.toContain('\u0001');
  });

  it('the same input and time give the same bytes; the time is the document properties\' created/modified', async () => {
    const created = new Date('2025-12-10T00:00:00.000Z');
    const a = await renderDocx(report(input.nominees[1]!), { title: 'Báo cáo', created });
    const b = await renderDocx(report(input.nominees[1]!), { title: 'Báo cáo', created });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = strFromU8(unzipSync(a)['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-10T00:00:00.000Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-10T00:00:00.000Z</dcterms:modified>');
    const other = await renderDocx(report(input.nominees[0]!), { title: 'Báo cáo', created });
    expect(Buffer.from(other).equals(Buffer.from(a))).toBe(false);
  });
});
