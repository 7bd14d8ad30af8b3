// Generating a dossier again: a changed report gets its new text, the documents that did not
// change keep their bytes (not rendered or stored again); a change every report shows renders
// them all. A collective nominee's report recites its members year by year, counted as the
// records say: a person counts for the unit of that year's facts (else the current one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPlainText } from '../../../electron/services/documents/docx-text';
import type { DossierDetail } from '../../../shared/contract/dossiers';
import { OFFICE_B, buildDossier, makeOffice, openCore, type Office } from './helpers';

let office: Office;
let dossier: DossierDetail;
const dirs: string[] = [];

const storedFiles = (o: Office) => {
  const root = path.join(path.dirname(o.core.ctx.conn.path), 'attachments');
  return fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d)).filter((f) => !f.endsWith('.partial')));
};
const docText = async (o: Office, id: string) => docxPlainText(Buffer.from((await o.core.invoke('dossiers.downloadDocument', { id })).base64, 'base64'));
const reportsOf = (d: DossierDetail) => new Map(d.documents.filter((x) => x.kind === 'bao_cao').map((x) => [x.nomineeId!, x]));

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-dossier-regen-'));
  dirs.push(dir);
  office = await makeOffice(OFFICE_B, path.join(dir, 'office.sqlite'));
  dossier = await buildDossier(office, OFFICE_B, { docNumber: 7, submit: false });
  dossier = await office.core.invoke('dossiers.generate', { id: dossier.id });
});
afterAll(() => {
  office.core.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('regenerating a dossier', () => {
  it('a changed report has its new text; every other document keeps its bytes and nothing else is stored', async () => {
    const core = office.core;
    expect(dossier.nominees.length).toBeGreaterThanOrEqual(2);
    const before = dossier.documents;
    const filesBefore = storedFiles(office).length;
    const target = dossier.nominees[1]!;
    const report = await core.invoke('dossiers.getReport', { nomineeId: target.id });
    const sections = report.content.sections.map((s) => (s.id === 'nhiem_vu' ? { ...s, text: 'Phụ trách tiếp nhận hồ sơ một cửa; số hóa 1.250 hồ sơ trong năm.' } : s));
    await core.invoke('dossiers.saveReport', { nomineeId: target.id, content: { templateId: report.template.id, sections } });

    const after = await core.invoke('dossiers.generate', { id: dossier.id });
    expect(after.documents.map((d) => d.fileName)).toEqual(before.map((d) => d.fileName));
    const was = reportsOf({ ...dossier, documents: before });
    const now = reportsOf(after);
    expect(now.get(target.id)!.sha256).not.toBe(was.get(target.id)!.sha256);
    expect(await docText(office, now.get(target.id)!.id)).toContain('Phụ trách tiếp nhận hồ sơ một cửa; số hóa 1.250 hồ sơ trong năm.');
    expect(await docText(office, was.get(target.id)!.id).catch(() => '')).not.toContain('1.250 hồ sơ');
    for (const d of after.documents) {
      if (d.nomineeId === target.id) continue;
      expect(d.sha256, d.fileName).toBe(before.find((b) => b.fileName === d.fileName)!.sha256);
    }
    // the other reports still open with their own text
    const other = dossier.nominees[0]!;
    expect(await docText(office, now.get(other.id)!.id)).toContain(`Họ và tên: ${other.name}`);
    expect(storedFiles(office).length).toBe(filesBefore + 1);
  });

  it('when the files cannot be written, says so and keeps the documents it had', async () => {
    const core = office.core;
    const before = (await core.invoke('dossiers.get', { id: dossier.id })).documents;
    const root = path.join(path.dirname(core.ctx.conn.path), 'attachments');
    const aside = `${root}.aside`;
    fs.renameSync(root, aside);
    fs.writeFileSync(root, 'not a folder');
    try {
      const r = await core.call('dossiers.generate', { id: dossier.id });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FILE_INVALID');
        expect(r.error.message).toContain('Không ghi được văn bản vào thư mục');
      }
    } finally {
      fs.rmSync(root);
      fs.renameSync(aside, root);
    }
    expect((await core.invoke('dossiers.get', { id: dossier.id })).documents).toEqual(before);
  });

  it('a change every report shows (the dossier date) renders them all again', async () => {
    const core = office.core;
    const d = await core.invoke('dossiers.get', { id: dossier.id });
    const before = reportsOf(d);
    await core.invoke('dossiers.update', {
      id: d.id,
      data: {
        title: d.title,
        year: d.year,
        awardCode: d.awardCode,
        campaignId: null,
        basis: d.basis,
        procedure: d.procedure,
        sector: d.sector,
        docNumber: d.docNumber,
        docDate: '25/11/2025',
        addressee: d.addressee,
        signer: d.signer,
        cover: d.cover,
        note: '',
      },
    });
    const after = await core.invoke('dossiers.generate', { id: d.id });
    for (const [nomineeId, doc] of reportsOf(after)) {
      expect(doc.sha256).not.toBe(before.get(nomineeId)!.sha256);
      expect(await docText(office, doc.id)).toContain('Lào Cai, ngày 25 tháng 11 năm 2025');
    }
  });
});

describe('a collective nominee', () => {
  it('its report and timeline count the members of each year where that year\'s facts put them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-dossier-unit-'));
    dirs.push(dir);
    const core = await openCore(path.join(dir, 'unit.sqlite'));
    try {
      await core.invoke('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV', parentAgency: 'UBND tỉnh Lào Cai', headTitle: 'Giám đốc', headName: 'Nguyễn Văn Bình' });
      const p = (await core.invoke('units.create', { name: 'Phòng Công chức' })).id;
      const t = (await core.invoke('units.create', { name: 'Tổ Tuyển dụng', parentId: p })).id;
      const v = (await core.invoke('units.create', { name: 'Văn phòng Sở' })).id;
      const person = async (fullName: string, unitId: string, employmentStart: string | null) =>
        (await core.invoke('staff.create', { fullName, unitId, position: 'Chuyên viên', employmentStart })).id;
      const an = await person('Nguyễn Văn An', p, '01/01/2015');
      const binh = await person('Trần Thị Bình', t, '01/01/2020');
      const cuong = await person('Lê Văn Cường', p, '01/01/2018');
      await person('Phạm Thị Dung', p, '01/06/2025');
      const row = (staffId: string, rating: 'HTXSNV' | 'HTTNV' | 'HTNV', title = false) => ({ staffId, rating, maternityLeave: false, underReview: false, titles: { LDTT: title, CSTDCS: title } });
      await core.invoke('records.saveYearGrid', { unitId: p, year: 2024, rows: [row(an, 'HTXSNV'), row(cuong, 'HTTNV')] });
      // Cường moves to the Văn phòng; his 2025 facts are recorded there
      const c = await core.invoke('staff.get', { id: cuong });
      await core.invoke('staff.update', { id: cuong, data: { fullName: c.fullName, unitId: v, position: c.position, employmentStart: '01/01/2018' } });
      await core.invoke('records.saveYearGrid', {
        unitId: p,
        year: 2025,
        rows: [row(an, 'HTXSNV', true)],
        decisions: { LDTT: { number: '25/QĐ-SNV', date: '20/12/2025' }, CSTDCS: { number: '35/QĐ-SNV', date: '20/12/2025' } },
      });
      await core.invoke('records.saveYearGrid', { unitId: t, year: 2025, rows: [row(binh, 'HTTNV')] });
      await core.invoke('records.saveYearGrid', { unitId: v, year: 2025, rows: [row(cuong, 'HTNV')] });

      const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'TT_LDTT', title: '' });
      const added = await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'unit', unitId: p }] });
      const report = await core.invoke('dossiers.getReport', { nomineeId: added.nominees[0]!.id });
      const text = report.content.sections.map((s) => s.text).join('\n');
      // 2024: An and Cường (recorded here), Bình (in the subtree, working); Dung had not started
      expect(text).toContain('- Năm 2024: 03 cán bộ, trong đó 01 hoàn thành xuất sắc nhiệm vụ; 01 hoàn thành tốt nhiệm vụ.');
      // 2025: An, Bình, Dung (started in June); Cường's 2025 facts are in the Văn phòng
      expect(text).toContain('- Năm 2025: 03 cán bộ, trong đó 01 hoàn thành xuất sắc nhiệm vụ; 01 hoàn thành tốt nhiệm vụ; 01 Chiến sĩ thi đua cơ sở; 01 Lao động tiên tiến.');
      expect(added.nominees[0]!.summary).toBe('Năm 2025: 01 Chiến sĩ thi đua cơ sở, 01 Lao động tiên tiến');

      // the records' timeline of the units agrees
      const timeline = await core.invoke('records.timeline', { kind: 'unit', id: p });
      expect(timeline.years.map((y) => [y.year, y.memberSummary?.members, y.memberSummary?.ratings])).toEqual([
        [2025, 3, { HTXSNV: 1, HTTNV: 1 }],
        [2024, 3, { HTXSNV: 1, HTTNV: 1 }],
      ]);
      const office2 = await core.invoke('records.timeline', { kind: 'unit', id: v });
      expect(office2.years.map((y) => [y.year, y.memberSummary?.members, y.memberSummary?.ratings])).toEqual([[2025, 1, { HTNV: 1 }]]);
    } finally {
      core.close();
    }
  });
});
