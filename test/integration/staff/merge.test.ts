// "Gộp cán bộ trùng": one person entered twice is found, the records merged into one — years,
// awards, initiatives, registrations, nominations and tasks moved, the like of what the kept
// record has dropped, its empty fields filled — or refused, nothing written, where only the user
// can settle it (two ratings of one year, a dossier naming both).
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { cliAt } from '../../support/cli';
import { testCore } from '../../support/core';
import { tempDb } from '../../support/tmp';
import { historyOffice } from '../records/helpers';
import { OFFICE_A, exportBytes, makeOffice, makeProvince, sleep, src, staffByName } from '../exchange/helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const noTitles = { LDTT: false, CSTDCS: false };

describe('gộp cán bộ trùng', () => {
  it('finds one person entered twice and merges the records into the one kept', async () => {
    const { core, ids, units } = await historyOffice();
    cores.push(core);
    const sql = core.ctx.conn.sqlite;
    const a = await core.invoke('staff.get', { id: ids.A });
    // the same person typed again in another unit, with a position the first record lacks
    const twin = await core.invoke('staff.create', { fullName: a.fullName, birthDate: '10/05/1985', gender: a.gender, unitId: units.ncc, position: 'Chuyên viên' });
    await core.invoke('staff.update', { id: ids.A, data: { fullName: a.fullName, birthDate: '10/05/1985', gender: a.gender, unitId: a.unitId, position: '' } });
    // two namesakes without a birth date: the same unit makes a group, another unit does not
    const x1 = await core.invoke('staff.create', { fullName: 'Đỗ Văn Tâm', unitId: units.vp });
    const x2 = await core.invoke('staff.create', { fullName: 'Đỗ Văn Tâm', unitId: units.vp });
    await core.invoke('staff.create', { fullName: 'Đỗ Văn Tâm', unitId: units.ncc });

    const grid = (unitId: string, year: number, staffId: string, rating: string, titles = noTitles) =>
      core.invoke('records.saveYearGrid', { unitId, year, rows: [{ staffId, rating: rating as never, maternityLeave: false, underReview: false, titles }] });
    await grid(units.vp, 2022, ids.A, 'HTTNV');
    // a blank 2021 on the kept record (an import's empty row) gives way to the other's rating
    sql.prepare(`INSERT INTO person_year (id, origin_office_id, created_at, updated_at, staff_id, year, unit_id) VALUES ('blank-2021', ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', ?, 2021, ?)`).run(core.ctx.officeId, ids.A, units.vp);
    await grid(units.ncc, 2021, twin.id, 'HTNV');
    await grid(units.vp, 2023, ids.A, 'HTTNV', { LDTT: true, CSTDCS: false });
    await grid(units.ncc, 2022, twin.id, 'HTNV');
    await grid(units.ncc, 2023, twin.id, 'HTTNV');
    await grid(units.ncc, 2024, twin.id, 'HTXSNV', { LDTT: true, CSTDCS: true });
    await core.invoke('records.saveInitiative', { data: { staffId: ids.A, year: 2023, title: 'Số hoá hồ sơ', scope: 'co_so' } });
    await core.invoke('records.saveInitiative', { data: { staffId: twin.id, year: 2023, title: 'Số hóa hồ sơ', scope: 'co_so' } });
    await core.invoke('records.saveInitiative', { data: { staffId: twin.id, year: 2024, title: 'Một cửa liên thông', scope: 'co_so' } });
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: twin.id, awardCode: 'CSTDCS' } });
    await core.invoke('records.saveDecision', { data: { number: '9/QĐ', year: 2024, awardCode: 'GIAY_KHEN', recipients: [ids.A, twin.id].map((staffId) => ({ kind: 'person', staffId })) } });
    const task = await core.invoke('tasks.create', { year: 2025, quarter: 1, title: 'Tổng hợp hồ sơ', responsibleStaffId: twin.id } as never);
    const dossier = await core.invoke('dossiers.create', { year: 2024, awardCode: 'GIAY_KHEN' });
    await core.invoke('dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: twin.id }] });

    const found = await core.invoke('staff.duplicates');
    expect(found.ignored).toBe(0);
    expect(found.groups.map((g) => g.people.map((p) => p.id))).toEqual(
      expect.arrayContaining([
        [ids.A, twin.id],
        [x1.id, x2.id],
      ]),
    );
    expect(found.groups).toHaveLength(2);
    const group = found.groups.find((g) => g.people[0]!.id === ids.A)!;
    expect(group.people[1]).toMatchObject({ unitLabel: 'Phòng Người có công', firstYear: 2021, lastYear: 2024, counts: { years: 4, awards: 3, initiatives: 2, registrations: 1, nominations: 1, tasks: 1, disciplines: 0 } });
    expect(group.people[0]!.counts).toMatchObject({ years: 3, awards: 2, initiatives: 1 });

    // "Không phải trùng" for the namesakes
    const tam = found.groups.find((g) => g.people[0]!.id === x1.id)!;
    expect(await core.invoke('staff.ignoreDuplicates', { key: tam.key })).toEqual({ ignored: 1 });
    expect(await core.invoke('staff.duplicates')).toMatchObject({ ignored: 1, groups: [{ key: group.key }] });

    // 2022 rated differently: refused, nothing written
    const before = sql.prepare('SELECT COUNT(*) FROM person_year WHERE staff_id = ? AND deleted_at IS NULL').pluck();
    await expect(core.invoke('staff.merge', { keepId: ids.A, mergeIds: [twin.id] })).rejects.toThrow(
      `Chưa gộp gì. Năm 2022 (HTTNV / HTNV): hai bản ghi của ${a.fullName} (sinh ngày 10/05/1985) xếp loại khác nhau — sửa ở thẻ "Nhập cuối năm" cho khớp rồi gộp.`,
    );
    expect(before.get(twin.id)).toBe(4);
    expect((await core.invoke('staff.get', { id: twin.id })).id).toBe(twin.id);
    await grid(units.ncc, 2022, twin.id, 'HTTNV');

    // a dossier naming both: refused
    await core.invoke('dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: ids.A }] });
    await expect(core.invoke('staff.merge', { keepId: ids.A, mergeIds: [twin.id] })).rejects.toThrow('đề nghị cả hai bản ghi');
    const d = await core.invoke('dossiers.get', { id: dossier.id });
    await core.invoke('dossiers.removeNominee', { id: d.nominees.find((n) => n.staffId === ids.A)!.id });

    const r = await core.invoke('staff.merge', { keepId: ids.A, mergeIds: [twin.id] });
    expect(r).toMatchObject({ merged: 1, filled: ['Chức vụ'], kept: { id: ids.A, position: 'Chuyên viên', unitId: a.unitId } });
    // 2022 and 2023 rated alike, the same initiative (diacritics aside), the shared decision, the blank 2021: dropped
    expect(r.moved).toEqual({ years: 2, awards: 2, initiatives: 1, disciplines: 0, registrations: 1, nominations: 1, tasks: 1 });
    expect(r.dropped).toBe(5);
    const years = sql.prepare('SELECT year, rating, unit_id FROM person_year WHERE staff_id = ? AND deleted_at IS NULL ORDER BY year').all(ids.A);
    expect(years).toEqual([
      { year: 2021, rating: 'HTNV', unit_id: units.ncc },
      { year: 2022, rating: 'HTTNV', unit_id: units.vp },
      { year: 2023, rating: 'HTTNV', unit_id: units.vp },
      { year: 2024, rating: 'HTXSNV', unit_id: units.ncc },
    ]);
    expect((await core.invoke('records.listDecisions', { search: '9/QĐ' })).map((x) => x.recipientCount)).toEqual([1]);
    expect((await core.invoke('tasks.get', { id: task.id })).responsibleStaffId).toBe(ids.A);
    expect((await core.invoke('dossiers.get', { id: dossier.id })).nominees.map((n) => n.staffId)).toEqual([ids.A]);
    // the other record is gone: from the list, the duplicates, and the checker
    // (G is a namesake born another day: never a duplicate)
    expect((await core.invoke('staff.list', { search: a.fullName })).rows.map((s) => s.id).sort()).toEqual([ids.A, ids.G].sort());
    expect(await core.invoke('staff.duplicates')).toMatchObject({ groups: [], ignored: 1 });
    // marked by mistake: "Hiện lại" lists the namesakes again
    await core.invoke('staff.unignoreDuplicates');
    expect((await core.invoke('staff.duplicates')).groups.map((g) => g.key)).toEqual([tam.key]);
    // a group whose records are gone is forgotten when another is marked
    await core.invoke('staff.ignoreDuplicates', { key: `${twin.id}|${ids.A}` });
    await core.invoke('staff.ignoreDuplicates', { key: tam.key });
    expect(JSON.parse(core.ctx.conn.sqlite.prepare("SELECT value FROM setting WHERE key = 'staff.duplicates.ignored'").pluck().get() as string)).toEqual([tam.key]);
    const view = await core.invoke('eligibility.check', { year: 2024 });
    expect(view.people.map((p) => p.id)).not.toContain(twin.id);
    const mine = view.people.find((p) => p.id === ids.A)!;
    expect(mine.candidates.map((i) => view.candidates[i]!).find((c) => c.code === 'CSTDCS')).toBeDefined();
    // the Thùng rác splits it apart again ("Tách lại"): everything back as before the merge
    const item = (await core.invoke('trash.list', { kind: 'staff' })).items[0]!;
    expect(item).toMatchObject({ id: twin.id, blocked: null, mergedInto: a.fullName, detail: expect.stringMatching(/^đã gộp vào bản ghi Nguyễn Văn An · /) });
    expect(sql.prepare('SELECT position FROM staff WHERE id = ?').pluck().get(ids.A)).toBe('Chuyên viên');
    const split = await core.invoke('trash.restore', { kind: 'staff', id: twin.id });
    expect(split).toMatchObject({ splitFrom: a.fullName, parts: 8 });
    const yearsOf = (id: string) => sql.prepare('SELECT year, rating FROM person_year WHERE staff_id = ? AND deleted_at IS NULL ORDER BY year').all(id);
    expect(yearsOf(ids.A)).toEqual([
      { year: 2021, rating: null },
      { year: 2022, rating: 'HTTNV' },
      { year: 2023, rating: 'HTTNV' },
    ]);
    expect(yearsOf(twin.id)).toEqual([
      { year: 2021, rating: 'HTNV' },
      { year: 2022, rating: 'HTTNV' },
      { year: 2023, rating: 'HTTNV' },
      { year: 2024, rating: 'HTXSNV' },
    ]);
    expect(sql.prepare('SELECT position FROM staff WHERE id = ?').pluck().get(ids.A)).toBe('');
    expect((await core.invoke('records.listDecisions', { search: '9/QĐ' })).map((x) => x.recipientCount)).toEqual([2]);
    expect((await core.invoke('tasks.get', { id: task.id })).responsibleStaffId).toBe(twin.id);
    expect((await core.invoke('staff.duplicates')).groups.map((g) => g.people.map((p) => p.id))).toEqual([[ids.A, twin.id]]);
    const view2 = await core.invoke('eligibility.check', { year: 2024 });
    expect(view2.people.map((p) => p.id)).toContain(twin.id);
    // and merged again, the same way
    await core.invoke('staff.merge', { keepId: ids.A, mergeIds: [twin.id] });
    expect(yearsOf(ids.A)).toHaveLength(4);

    // records of other offices, a record merged away, a record merged into itself: refused
    await expect(core.invoke('staff.merge', { keepId: ids.A, mergeIds: [twin.id] })).rejects.toThrow('Không tìm thấy cán bộ (có thể đã bị xóa hoặc đã được gộp)');
    await expect(core.invoke('staff.merge', { keepId: ids.A, mergeIds: [ids.A] })).rejects.toThrow('Bản ghi giữ lại không thể đồng thời là bản ghi được gộp.');
    await expect(core.invoke('staff.merge', { keepId: ids.A, mergeIds: [] })).rejects.toThrow('Chọn ít nhất một bản ghi để gộp vào.');
  });

  it('the merge travels to the province: the records moved, the other record deleted', async () => {
    const a = await makeOffice(OFFICE_A);
    const p = await makeProvince();
    cores.push(a, p);
    const an = (await staffByName(a)).get('Nguyễn Văn An')!;
    const twin = await a.invoke('staff.create', { fullName: an.fullName, birthDate: an.birthDate, unitId: an.unitId });
    await a.invoke('records.saveYearGrid', { unitId: an.unitId!, year: 2024, rows: [{ staffId: twin.id, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: noTitles }] });
    await p.invoke('exchange.apply', { ...src(await exportBytes(a)), resolveAll: null });
    await sleep(5);
    await a.invoke('staff.merge', { keepId: an.id, mergeIds: [twin.id] });
    const bundle = await exportBytes(a);
    expect((await p.invoke('exchange.preview', src(bundle))).totals).toMatchObject({ conflict: 0, deleted: 1 });
    await p.invoke('exchange.apply', { ...src(bundle), resolveAll: null });
    const ps = p.ctx.conn.sqlite;
    expect(ps.prepare('SELECT deleted_at IS NOT NULL FROM staff WHERE id = ?').pluck().get(twin.id)).toBe(1);
    expect(ps.prepare('SELECT staff_id FROM person_year WHERE year = 2024 AND deleted_at IS NULL').pluck().all()).toEqual([an.id]);
  });

  it('tdkt staff duplicates / merge', async () => {
    const db = tempDb();
    const core = await testCore({ dbPath: db });
    const unit = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const one = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unitId: unit.id });
    const two = await core.invoke('staff.create', { fullName: 'Nguyễn  Văn An', birthDate: '05/03/1980', gender: 'nam' });
    core.close();
    const cli = cliAt(db);
    const found = await cli('staff', 'duplicates');
    expect(found.out.split('\n')).toEqual([
      '',
      `${one.id}\tNguyễn Văn An\t05/03/1980\tVăn phòng Sở\t—\tĐang công tác\t0 năm xếp loại, 0 khen thưởng, 0 sáng kiến, 0 kỷ luật, 0 đăng ký, 0 đề nghị, 0 nhiệm vụ`,
      `${two.id}\tNguyễn Văn An\t05/03/1980\t—\t—\tĐang công tác\t0 năm xếp loại, 0 khen thưởng, 0 sáng kiến, 0 kỷ luật, 0 đăng ký, 0 đề nghị, 0 nhiệm vụ`,
      '1 nhóm có thể trùng.',
    ]);
    expect((await cli('staff', 'merge', one.id)).code).toBe(2);
    expect(await cli('staff', 'merge', one.id, two.id)).toMatchObject({
      code: 0,
      out: 'Đã gộp 1 bản ghi vào Nguyễn Văn An: chuyển 0 năm xếp loại, 0 khen thưởng, 0 sáng kiến, 0 kỷ luật, 0 đăng ký, 0 đề nghị, 0 nhiệm vụ; bỏ 0 bản ghi trùng nội dung; điền thêm: Giới tính.',
    });
    expect((await cli('staff', 'duplicates')).out).toBe('Không thấy cán bộ nào bị nhập trùng.');
  });

  it('tdkt staff move / status: several people at once, all or none', async () => {
    const db = tempDb();
    const core = await testCore({ dbPath: db });
    const vp = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const tt = await core.invoke('units.create', { name: 'Thanh tra Sở' });
    const an = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', unitId: vp.id, employmentStart: '01/03/2010' });
    const binh = await core.invoke('staff.create', { fullName: 'Trần Thị Bình', unitId: vp.id, employmentStart: '01/09/2021' });
    core.close();
    const cli = cliAt(db);
    expect((await cli('staff', 'move', an.id)).code).toBe(2);
    expect(await cli('staff', 'move', '--unit', tt.id, an.id, binh.id)).toMatchObject({ code: 0, out: 'Đã chuyển 2 người sang "Thanh tra Sở".' });
    expect((await cli('staff', 'list', '--unit', tt.id)).out).toContain('Tổng số: 2 người.');
    const early = await cli('staff', 'status', '--status', 'nghi_huu', '--end', '30/06/2020', an.id, binh.id);
    expect(early.code).toBe(1);
    expect(early.err).toContain('trước ngày bắt đầu công tác của Trần Thị Bình (01/09/2021)');
    expect(await cli('staff', 'status', '--status', 'nghi_huu', '--end', '30/06/2026', an.id, binh.id)).toMatchObject({ code: 0, out: 'Đã đổi trạng thái của 2 người.' });
    expect((await cli('staff', 'list', '--status', 'nghi_huu')).out).toContain('Tổng số: 2 người.');
  });
});
