// The office's builder through the core: proposals, the checklist blocking then passing,
// reports, attachments, and the guards (submitted dossiers are locked, bad input is refused).
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { testCore } from '../../support/core';
import { OFFICE_A, PDF, TODAY, makeOffice, openCore } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function office() {
  const o = await makeOffice(OFFICE_A);
  cores.push(o.core);
  return o;
}

const codes = (c: { items: { level: string; code: string }[] }) => c.items.map((i) => `${i.level}:${i.code}`);

describe('dossier builder', () => {
  it('needs the office profile first', async () => {
    const core = await testCore({ office: false });
    cores.push(core);
    const r = await core.call('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'OFFICE_NOT_SET' });
  });

  it('creates a dossier with a title, the deciding authority as addressee and the office head as signer', async () => {
    const { core } = await office();
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    expect(d).toMatchObject({
      title: 'Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025',
      addressee: 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai',
      signer: { prefix: '', position: 'Trưởng phòng', name: 'Đỗ Văn Hải' },
      status: 'draft',
      editable: true,
      own: true,
      nominees: [],
    });
    expect(d.coverDefaults.bases[0]).toContain('Luật Thi đua, khen thưởng');
    expect((await core.invoke('dossiers.list')).map((x) => x.id)).toEqual([d.id]);
  });

  it("the list's search: a dossier found by its own text or by a nominee's name, whom it found shown", async () => {
    const { core, staffIds } = await office();
    const an = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    await core.invoke('dossiers.addNominees', { id: an.id, nominees: [{ kind: 'person', staffId: staffIds.get('Nguyễn Văn An')! }] });
    // the same award, so the same title: the nominees tell the two apart
    const ngoc = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    const added = await core.invoke('dossiers.addNominees', {
      id: ngoc.id,
      nominees: [
        { kind: 'person', staffId: staffIds.get('Trần Thị Bích Ngọc')! },
        { kind: 'person', staffId: staffIds.get('Lê Đức Thắng')! },
      ],
    });
    const ldtt = await core.invoke('dossiers.create', { year: 2024, awardCode: 'LDTT' });
    const found = async (search: string) =>
      (await core.invoke('dossiers.list', { search })).map((d) => [d.id === an.id ? 'an' : d.id === ngoc.id ? 'ngoc' : d.id === ldtt.id ? 'ldtt' : d.id, d.matchedNominees, d.moreMatchedNominees]);

    expect(await found('')).toHaveLength(3);
    // a nominee's name, typed without diacritics, in any case
    expect(await found('BICH NGOC')).toEqual([['ngoc', ['Trần Thị Bích Ngọc'], 0]]);
    // the words may come in another order, each at the start of a word ("an nguyen"), not inside one
    expect(await found('an nguyen')).toEqual([['an', ['Nguyễn Văn An'], 0]]);
    expect(await found('thang')).toEqual([['ngoc', ['Lê Đức Thắng'], 0]]);
    // the dossier's own text: the award's name, its title
    expect(await found('lao dong tien tien')).toEqual([['ldtt', [], 0]]);
    expect((await found('bang khen')).sort()).toEqual([
      ['an', [], 0],
      ['ngoc', [], 0],
    ]);
    expect(await found('không có ai')).toEqual([]);

    // a nominee taken out of the dossier no longer finds it
    const thang = added.nominees.find((n) => n.name === 'Lê Đức Thắng')!;
    await core.invoke('dossiers.removeNominee', { id: thang.id });
    expect(await found('thang')).toEqual([]);

    const long = await core.call('dossiers.list', { search: 'x'.repeat(201) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.message).toContain('tối đa 200 ký tự');
  });

  it('proposes eligible people and, separately, those nearly eligible with what is missing', async () => {
    const { core } = await office();
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    const c = await core.invoke('dossiers.candidates', { id: d.id });
    expect(c.judged).toBe(true);
    expect(c.eligible.map((x) => x.name)).toEqual(['Nguyễn Văn An']);
    expect(c.nearly.map((x) => [x.name, x.missing])).toEqual([['Trần Thị Bích Ngọc', ['thiếu 1 năm CSTĐCS liên tục: 2024 chưa có']]]);
    await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId: c.eligible[0]!.id }] });
    expect((await core.invoke('dossiers.candidates', { id: d.id })).eligible[0]!.inDossier).toBe(true);
    // adding the same person twice keeps one
    const again = await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId: c.eligible[0]!.id }] });
    expect(again.nominees).toHaveLength(1);
    // a catalogue-only award is not judged: no proposals
    const gk = await core.invoke('dossiers.create', { year: 2025, awardCode: 'GIAY_KHEN' });
    expect(await core.invoke('dossiers.candidates', { id: gk.id })).toMatchObject({ judged: false, eligible: [], nearly: [] });
  });

  it('proposals tell apart units that share a name: a person\'s unit and a collective are named with their parents', async () => {
    const core = await openCore();
    cores.push(core);
    await core.invoke('office.save', { name: 'UBND tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'UBND', headTitle: 'Chủ tịch', headName: 'Nguyễn Văn Bình' });
    const row = (staffId: string) => ({ staffId, rating: 'HTXSNV' as const, maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } });
    const people = new Map<string, string>();
    for (const so of ['Sở Tài chính', 'Sở Y tế']) {
      const root = (await core.invoke('units.create', { name: so, kind: 'don_vi_truc_thuoc' })).id;
      const vp = (await core.invoke('units.create', { name: 'Văn phòng', parentId: root })).id;
      const ids: string[] = [];
      for (const name of ['An', 'Bình']) {
        const id = (await core.invoke('staff.create', { fullName: `Nguyễn Văn ${name} ${so.slice(3)}`, unitId: vp, position: 'Chuyên viên' })).id;
        people.set(id, so);
        ids.push(id);
      }
      await core.invoke('records.saveYearGrid', { unitId: vp, year: 2025, rows: ids.map(row) });
    }
    // a unit of its own name stays as it is
    const own = (await core.invoke('units.create', { name: 'Thanh tra tỉnh' })).id;
    const lone = (await core.invoke('staff.create', { fullName: 'Lê Thị Cúc', unitId: own, position: 'Thanh tra viên' })).id;
    await core.invoke('records.saveYearGrid', { unitId: own, year: 2025, rows: [row(lone)] });

    const ldtt = await core.invoke('dossiers.candidates', { id: (await core.invoke('dossiers.create', { year: 2025, awardCode: 'LDTT' })).id });
    expect(ldtt.eligible).toHaveLength(5);
    for (const c of ldtt.eligible) expect(c.unitName).toBe(c.id === lone ? 'Thanh tra tỉnh' : `Văn phòng (${people.get(c.id)})`);
    const tt = await core.invoke('dossiers.candidates', { id: (await core.invoke('dossiers.create', { year: 2025, awardCode: 'TT_LDTT' })).id });
    expect(tt.eligible.filter((c) => c.name === 'Văn phòng').map((c) => c.unitName).sort()).toEqual(['Sở Tài chính', 'Sở Y tế']);
  });

  it('the checklist blocks (meeting, votes, reports, eligibility, mixed authority) and passes once fixed', async () => {
    const { core, staffIds, unitIds } = await office();
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    let detail = await core.invoke('dossiers.addNominees', {
      id: d.id,
      nominees: [
        { kind: 'person', staffId: staffIds.get('Nguyễn Văn An')! },
        { kind: 'person', staffId: staffIds.get('Trần Thị Bích Ngọc')! },
        { kind: 'person', staffId: staffIds.get('Lê Đức Thắng')!, awardCode: 'CSTDCS' },
      ],
    });
    let c = await core.invoke('dossiers.checklist', { id: d.id });
    expect(c.ok).toBe(false);
    expect(codes(c)).toEqual(
      expect.arrayContaining(['block:no_meeting', 'block:missing_report', 'block:not_eligible', 'block:mixed_authority']),
    );
    const ngoc = c.items.find((i) => i.code === 'not_eligible' && i.message.includes('Trần Thị Bích Ngọc'))!;
    expect(ngoc.message).toContain('thiếu 1 năm CSTĐCS liên tục: 2024 chưa có');
    expect(ngoc.nomineeId).toBe(detail.nominees[1]!.id);

    // generating is refused while anything blocks, with the list
    const gen = await core.call('dossiers.generate', { id: d.id });
    expect(gen.ok).toBe(false);
    if (!gen.ok) {
      expect(gen.error.code).toBe('CONFLICT');
      expect(gen.error.message).toContain('Chưa tạo được văn bản: hồ sơ còn');
      expect(gen.error.message).toContain('Trần Thị Bích Ngọc');
    }

    // fix: drop the two, meet and vote (one vote too low first), write the report
    await core.invoke('dossiers.removeNominee', { id: detail.nominees[2]!.id });
    detail = await core.invoke('dossiers.removeNominee', { id: detail.nominees[1]!.id });
    const an = detail.nominees[0]!;
    const meeting = { date: '18/11/2025', place: 'Phòng họp', chair: 'Đỗ Văn Hải', secretary: 'Lý Thị Mai', membersPresent: ['Đỗ Văn Hải', 'Lý Thị Mai', 'Tạ Văn Nam'] };
    await core.invoke('dossiers.saveMeeting', { id: d.id, meeting, votes: [{ nomineeId: an.id, agree: 1, total: 3 }] });
    c = await core.invoke('dossiers.checklist', { id: d.id });
    expect(codes(c)).toEqual(['block:vote_below', 'block:missing_report', 'warning:missing_evidence']);
    detail = await core.invoke('dossiers.saveMeeting', { id: d.id, meeting, votes: [{ nomineeId: an.id, agree: 3, total: 3 }] });
    expect(detail.nominees[0]!.votePercent).toBe(100);
    const draft = await core.invoke('dossiers.getReport', { nomineeId: an.id });
    expect(draft).toMatchObject({ saved: false, editable: true, template: { id: 'nd98_2023.mau03' } });
    const content = { ...draft.content, sections: draft.content.sections.map((s) => (s.id === 'nhiem_vu' ? { ...s, text: 'Chánh văn phòng: tham mưu tổng hợp, thi đua - khen thưởng.' } : s)) };
    const saved = await core.invoke('dossiers.saveReport', { nomineeId: an.id, content });
    expect(saved.saved).toBe(true);
    expect(saved.content.sections.find((s) => s.id === 'nhiem_vu')!.text).toBe('Chánh văn phòng: tham mưu tổng hợp, thi đua - khen thưởng.');
    // "fresh" gives the pre-filled text again without saving it
    const fresh = await core.invoke('dossiers.getReport', { nomineeId: an.id, fresh: true });
    expect(fresh.saved).toBe(false);
    expect((await core.invoke('dossiers.getReport', { nomineeId: an.id })).content).toEqual(saved.content);

    c = await core.invoke('dossiers.checklist', { id: d.id });
    expect(c.ok).toBe(true);
    // An's BK_TINH rests on CSTĐCS: he has an initiative, so evidence is expected (warning)
    expect(codes(c)).toEqual(['warning:missing_evidence']);
    await core.invoke('dossiers.addAttachment', { dossierId: d.id, nomineeId: an.id, fileName: 'qd.pdf', fileBase64: PDF.toString('base64') });
    expect((await core.invoke('dossiers.checklist', { id: d.id })).items).toEqual([]);

    // a collective cannot take an individual-only title
    const cs = await core.invoke('dossiers.create', { year: 2025, awardCode: 'CSTDCS' });
    await core.invoke('dossiers.addNominees', { id: cs.id, nominees: [{ kind: 'unit', unitId: unitIds.get('Văn phòng')! }] });
    expect(codes(await core.invoke('dossiers.checklist', { id: cs.id }))).toContain('block:wrong_subject');
  });

  it('a report written on an older template is flagged after the dossier date moves into a newer form', async () => {
    const { core, staffIds } = await office();
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH', sector: 'noi_vu' });
    const detail = await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId: staffIds.get('Nguyễn Văn An')! }] });
    await core.invoke('dossiers.prefillReports', { id: d.id });
    expect((await core.invoke('dossiers.getReport', { nomineeId: detail.nominees[0]!.id })).template.id).toBe('nd98_2023.mau03');
    await core.invoke('dossiers.update', { id: d.id, data: { ...detail, title: detail.title, docDate: '15/01/2026', campaignId: null } });
    const r = await core.invoke('dossiers.getReport', { nomineeId: detail.nominees[0]!.id });
    expect(r.template.id).toBe('nd98_2023.mau03');
    expect(r.inForce).toMatchObject({ id: 'tt20_2025.mau1_3', caveats: ['ngày hiệu lực chưa xác minh'] });
    expect(codes(await core.invoke('dossiers.checklist', { id: d.id }))).toContain('warning:template_outdated');
  });

  it('a submitted dossier is locked until reopened; deleting is only for drafts never sent', async () => {
    const { core, staffIds } = await office();
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    const detail = await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId: staffIds.get('Nguyễn Văn An')! }] });
    const an = detail.nominees[0]!;
    await core.invoke('dossiers.saveMeeting', {
      id: d.id,
      meeting: { date: '18/11/2025', place: 'Phòng họp', chair: 'A', secretary: 'B', membersPresent: ['A', 'B'] },
      votes: [{ nomineeId: an.id, agree: 2, total: 2 }],
    });
    await core.invoke('dossiers.prefillReports', { id: d.id });
    const sent = await core.invoke('dossiers.submit', { id: d.id });
    expect(sent).toMatchObject({ status: 'submitted', state: 'da_gui', submissionNo: 1, editable: false });
    expect(sent.documents).toHaveLength(4);
    const locked = await core.call('dossiers.updateNominee', { id: an.id, data: { awardCode: 'BK_TINH', summary: 'x' } });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.message).toContain('Mở lại để sửa');
    const del = await core.call('dossiers.delete', { id: d.id });
    expect(del.ok).toBe(false);
    const reopened = await core.invoke('dossiers.reopen', { id: d.id });
    expect(reopened).toMatchObject({ editable: true, status: 'draft', submissionNo: 1 });
    await core.invoke('dossiers.updateNominee', { id: an.id, data: { awardCode: 'BK_TINH', summary: 'Tóm tắt sửa lại', votesAgree: 2, votesTotal: 2 } });
    expect((await core.invoke('dossiers.get', { id: d.id })).nominees[0]!.summary).toBe('Tóm tắt sửa lại');

    const other = await core.invoke('dossiers.create', { year: 2025, awardCode: 'LDTT' });
    expect(await core.invoke('dossiers.delete', { id: other.id })).toEqual({ deleted: true });
    expect((await core.invoke('dossiers.list')).map((x) => x.id)).toEqual([d.id]);
  });

  it('attachments: stored by hash, downloaded intact, removed; bad uploads refused', async () => {
    const { core } = await office();
    const d = await core.invoke('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    const bad = await core.call('dossiers.addAttachment', { dossierId: d.id, fileName: 'x.pdf', fileBase64: 'abc' });
    expect(bad.ok).toBe(false);
    const empty = await core.call('dossiers.addAttachment', { dossierId: d.id, fileName: 'x.pdf', fileBase64: '' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toContain('rỗng');
    const withFile = await core.invoke('dossiers.addAttachment', { dossierId: d.id, fileName: '../../Quyết định.pdf', fileBase64: PDF.toString('base64'), note: 'QĐ' });
    const a = withFile.attachments[0]!;
    expect(a).toMatchObject({ fileName: 'Quyết định.pdf', mimeType: 'application/pdf', size: PDF.length, nomineeId: null });
    const f = await core.invoke('dossiers.downloadAttachment', { id: a.id });
    expect(Buffer.from(f.base64, 'base64').equals(PDF)).toBe(true);
    expect((await core.invoke('dossiers.removeAttachment', { id: a.id })).attachments).toEqual([]);
  });

  it('unknown ids are refused with a message saying what to do', async () => {
    const core = await openCore(undefined, TODAY);
    cores.push(core);
    expect(core.ctx.today()).toBe(TODAY);
    const missing = await core.call('dossiers.get', { id: 'khong-co' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('Không tìm thấy hồ sơ đề nghị');
  });
});
