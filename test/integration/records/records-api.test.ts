// The records procedures: year-end grid (one transaction, titles as grid decisions),
// decisions with recipient snapshots, initiatives/disciplines/registrations, timelines,
// statistics, catalogue and settings — and the CLI commands.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { runCli } from '../../../electron/cli/tdkt';
import { GOOD_ROWS, historyWorkbook } from '../../fixtures/records/office-history';
import { tempDir } from '../../support/tmp';
import { b64, count, historyOffice } from './helpers';
import Database from 'better-sqlite3';
import { createCore } from '../../../electron/core/core';
import { eligibilityKept } from '../../../electron/api/records';
import { clearSnapshots } from '../../../db/repositories/snapshots';
import { closingYearOf } from '../../../shared/awards/years';

const noTitles = { LDTT: false, CSTDCS: false };

describe('year-end grid', () => {
  it('saves ratings and titles in one go; titles become recipients of the unit’s grid decision', async () => {
    const { core, ids, units } = await historyOffice();
    const grid = await core.invoke('records.yearGrid', { unitId: units.ncc, year: 2024 });
    // Vietnamese order: by given name (An, Cường, Dung, Em, Phương)
    expect(grid.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn An', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương']);
    expect(grid.rows.every((r) => r.rating === null && !r.titles.LDTT.held)).toBe(true);

    const saved = await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: 2024,
      unitUnderReview: false,
      rows: [
        { staffId: ids.C, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: { LDTT: true, CSTDCS: true } },
        { staffId: ids.D, rating: 'HTTNV', maternityLeave: true, underReview: false, titles: { LDTT: true, CSTDCS: false } },
        { staffId: ids.E, rating: 'HTNV', maternityLeave: false, underReview: true, titles: noTitles },
      ],
      decisions: { LDTT: { number: '45/QĐ-SLĐTBXH', date: '20/12/2024' } },
    });
    expect(saved).toEqual({ personYears: 3, titlesAdded: 3, titlesRemoved: 0 });

    const after = await core.invoke('records.yearGrid', { unitId: units.ncc, year: 2024 });
    const byName = new Map(after.rows.map((r) => [r.staffId, r]));
    expect(byName.get(ids.C)).toMatchObject({ rating: 'HTXSNV', titles: { LDTT: { held: true, locked: false, decisionNo: '45/QĐ-SLĐTBXH' }, CSTDCS: { held: true, decisionNo: '' } } });
    expect(byName.get(ids.D)).toMatchObject({ rating: 'HTTNV', maternityLeave: true });
    expect(byName.get(ids.E)).toMatchObject({ rating: 'HTNV', underReview: true });
    expect(after.decisions.LDTT).toMatchObject({ number: '45/QĐ-SLĐTBXH', date: '2024-12-20' });
    expect(after.decisions.CSTDCS).toMatchObject({ number: '' });

    const list = await core.invoke('records.listDecisions', { year: 2024 });
    expect(list.map((d) => [d.formLabel, d.source, d.recipientCount, d.number]).sort()).toEqual([
      ['CSTĐCS', 'grid', 1, ''],
      ['LĐTT', 'grid', 2, '45/QĐ-SLĐTBXH'],
    ]);

    // untick D's LĐTT and C's CSTĐCS: removed; the emptied CSTĐCS decision is removed too
    const again = await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: 2024,
      rows: [
        { staffId: ids.C, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: { LDTT: true, CSTDCS: false } },
        { staffId: ids.D, rating: 'HTTNV', maternityLeave: true, underReview: false, titles: noTitles },
      ],
    });
    expect(again).toEqual({ personYears: 0, titlesAdded: 0, titlesRemoved: 2 });
    expect((await core.invoke('records.listDecisions', { year: 2024 })).map((d) => d.formLabel)).toEqual(['LĐTT']);
    core.close();
  });

  it('a title from a decision entered elsewhere is locked: unticking it refuses the whole save', async () => {
    const { core, ids, units } = await historyOffice();
    await core.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
    const grid = await core.invoke('records.yearGrid', { unitId: units.ncc, year: 2023 });
    expect(grid.rows.find((r) => r.staffId === ids.C)?.titles.LDTT).toMatchObject({ held: true, locked: true, decisionNo: '20/QĐ-SLĐTBXH' });
    const before = count(core, 'person_year');
    await expect(
      core.invoke('records.saveYearGrid', {
        unitId: units.ncc,
        year: 2023,
        rows: [
          { staffId: ids.F, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: noTitles }, // would change F's rating
          { staffId: ids.C, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: noTitles },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Lê Văn Cường: LĐTT năm 2023 được ghi trong quyết định số 20/QĐ-SLĐTBXH'),
    });
    expect(count(core, 'person_year')).toBe(before);
    const still = await core.invoke('records.yearGrid', { unitId: units.ncc, year: 2023 });
    expect(still.rows.find((r) => r.staffId === ids.F)?.rating).toBe('HTTNV');
    core.close();
  });

  it('refuses a bad rating with a Vietnamese message', async () => {
    const { core, ids, units } = await historyOffice();
    await expect(
      core.invoke('records.saveYearGrid', { unitId: units.ncc, year: 2024, rows: [{ staffId: ids.C, rating: 'GIOI' as never, maternityLeave: false, underReview: false, titles: noTitles }] }),
    ).rejects.toThrow('Xếp loại: chọn HTXSNV, HTTNV, HTNV hoặc KHTNV.');
    core.close();
  });
});

describe('decisions, initiatives, disciplines, registrations', () => {
  it('refuses a decision dated before the year it rewards or a date whose year is mistyped, and keeps a date already recorded', async () => {
    const { core, ids } = await historyOffice('2025-03-01');
    const person = [{ kind: 'person' as const, staffId: ids.B }];
    await expect(core.invoke('records.saveDecision', { data: { number: '5/QĐ', decisionDate: '20/12/2023', year: 2024, awardCode: 'LDTT', recipients: person } })).rejects.toThrow(
      'Ngày quyết định 20/12/2023 trước năm thành tích 2024 — quyết định khen thành tích năm 2024 không thể ký trước năm đó; kiểm tra lại ngày hoặc năm.',
    );
    await expect(core.invoke('records.saveDecision', { data: { number: '5/QĐ', decisionDate: '20/12/2099', year: 2024, awardCode: 'LDTT', recipients: person } })).rejects.toThrow(
      'Ngày quyết định 20/12/2099 ở quá xa trong tương lai (hôm nay là 01/03/2025) — kiểm tra lại năm.',
    );
    // up to a year ahead is taken (a decision typed before it is signed)
    const d = await core.invoke('records.saveDecision', { data: { number: '5/QĐ', decisionDate: '15/01/2026', year: 2024, awardCode: 'LDTT', recipients: person } });
    expect(d.decisionDate).toBe('2026-01-15');
    // an old record's implausible date (written before this rule) does not block other edits
    core.ctx.conn.sqlite.prepare(`UPDATE award_decision SET decision_date = '2023-01-01' WHERE id = ?`).run(d.id);
    const kept = await core.invoke('records.saveDecision', { id: d.id, data: { number: '5/QĐ-SNV', decisionDate: '01/01/2023', year: 2024, awardCode: 'LDTT', recipients: person } });
    expect(kept.number).toBe('5/QĐ-SNV');
    // a discipline's dates: a mistyped year refused
    await expect(core.invoke('records.saveDiscipline', { data: { staffId: ids.B, form: 'khien_trach', fromDate: '01/02/2052' } })).rejects.toThrow('Ngày bắt đầu 01/02/2052 ở quá xa trong tương lai');
    expect(await core.invoke('records.listDisciplines', { year: null, unitId: null, search: '' })).toEqual([]);
    core.close();
  });

  it('a decision keeps the recipients’ names and units as they were', async () => {
    const { core, ids, units } = await historyOffice();
    const d = await core.invoke('records.saveDecision', {
      data: {
        number: '120/QĐ-UBND',
        decisionDate: '15/01/2025',
        issuer: 'UBND tỉnh Lào Cai',
        signer: 'Trịnh Xuân Trường',
        awardCode: 'BK_TINH',
        basis: 'thuong_xuyen',
        year: 2024,
        cashAmount: 3_510_000,
        recipients: [
          { kind: 'person', staffId: ids.A, cashAmount: 3_510_000 },
          { kind: 'unit', unitId: units.ncc },
        ],
      },
    });
    expect(d.recipients.map((r) => [r.kind, r.name, r.unitName, r.cashAmount])).toEqual([
      ['person', 'Nguyễn Văn An', 'Văn phòng Sở', 3_510_000],
      ['unit', 'Phòng Người có công', '', null],
    ]);
    // rename the person: the decision keeps the old name
    await core.invoke('staff.update', { id: ids.A, data: { fullName: 'Nguyễn Văn Ân', birthDate: '1980-03-05', unitId: units.vp } });
    const d2 = await core.invoke('records.saveDecision', {
      id: d.id,
      data: { ...{ number: '120/QĐ-UBND', awardCode: 'BK_TINH', year: 2024 }, recipients: d.recipients.slice(0, 1).map((r) => ({ id: r.id, kind: r.kind, staffId: r.staffId })) },
    });
    expect(d2.recipients.map((r) => r.name)).toEqual(['Nguyễn Văn An']);
    expect(d2.recipientCount).toBe(1);
    // duplicates and empty forms are refused
    await expect(
      core.invoke('records.saveDecision', { data: { year: 2024, awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: ids.B }, { kind: 'person', staffId: ids.B }] } }),
    ).rejects.toThrow('"Trần Thị Bích" có hai lần trong danh sách được khen — bỏ bớt một dòng.');
    await expect(core.invoke('records.saveDecision', { data: { year: 2024 } })).rejects.toThrow(/Hình thức khen thưởng: chọn một danh hiệu/);
    // an other form as free text
    const other = await core.invoke('records.saveDecision', { data: { year: 2024, otherForm: 'Huy hiệu 30 năm tuổi Đảng', recipients: [{ kind: 'person', staffId: ids.B }] } });
    expect(other.formLabel).toBe('Huy hiệu 30 năm tuổi Đảng');
    // search without diacritics
    expect((await core.invoke('records.listDecisions', { search: 'huy hieu' })).map((x) => x.id)).toEqual([other.id]);
    // words in any order, each at the start of a word ("ubnd" in "120/QĐ-UBND", not "bnd")
    expect((await core.invoke('records.listDecisions', { search: 'ubnd 120' })).map((x) => x.id)).toEqual([d.id]);
    expect(await core.invoke('records.listDecisions', { search: 'bnd 120' })).toEqual([]);
    expect(await core.invoke('records.deleteDecision', { id: other.id })).toEqual({ deleted: true });
    expect(count(core, 'award_recipient')).toBe(1);
    core.close();
  });

  it('initiatives, disciplines and registrations: add, edit, filter, delete; registered vs achieved', async () => {
    const { core, ids, units } = await historyOffice();
    const i = await core.invoke('records.saveInitiative', {
      data: { staffId: ids.F, year: 2024, title: 'Số hóa hồ sơ người có công', scope: 'co_so', recognizingBody: 'Hội đồng sáng kiến Sở', recognizedOn: '12/10/2024' },
    });
    expect(i).toMatchObject({ staffName: 'Vũ Thị Phương', unitName: 'Phòng Người có công', kind: 'sang_kien', recognizedOn: '2024-10-12' });
    await expect(core.invoke('records.saveInitiative', { data: { staffId: ids.F, year: 2023, title: 'X', scope: 'co_so', recognizedOn: '12/10/2024' } })).rejects.toThrow(
      'không thuộc năm công nhận 2023',
    );
    expect((await core.invoke('records.listInitiatives', { search: 'so hoa' })).map((x) => x.id)).toEqual([i.id]);
    expect(await core.invoke('records.listInitiatives', { unitId: units.vp })).toEqual([]);

    const disc = await core.invoke('records.saveDiscipline', { data: { staffId: ids.D, form: 'canh_cao', fromDate: '01/06/2023', toDate: null } });
    expect(disc).toMatchObject({ form: 'canh_cao', fromDate: '2023-06-01', toDate: null });
    await expect(core.invoke('records.saveDiscipline', { data: { staffId: ids.D, form: 'canh_cao', fromDate: '01/06/2023', toDate: '01/01/2023' } })).rejects.toThrow(
      'Ngày hết hiệu lực kỷ luật phải sau ngày bắt đầu.',
    );
    // an open-ended measure is listed in later years too
    expect((await core.invoke('records.listDisciplines', { year: 2025 })).length).toBe(1);

    const reg = await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    expect(reg).toMatchObject({ name: 'Lê Văn Cường', achieved: false });
    await expect(core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } })).rejects.toThrow(
      'Đã có đăng ký "CSTĐCS" năm 2024',
    );
    await expect(core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'TT_LDTT' } })).rejects.toThrow('là danh hiệu tập thể');
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'unit', unitId: units.ncc, awardCode: 'TT_LDTT' } });
    await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: 2024,
      rows: [{ staffId: ids.C, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: { LDTT: true, CSTDCS: true } }],
    });
    const regs = await core.invoke('records.listRegistrations', { year: 2024 });
    expect(regs.map((r) => [r.kind, r.name, r.awardCode, r.achieved])).toEqual([
      ['unit', 'Phòng Người có công', 'TT_LDTT', false],
      ['person', 'Lê Văn Cường', 'CSTDCS', true],
    ]);
    // the grid shows what was registered
    const grid = await core.invoke('records.yearGrid', { unitId: units.ncc, year: 2024 });
    expect(grid.rows.find((r) => r.staffId === ids.C)?.registered).toEqual(['CSTDCS']);

    for (const [proc, id] of [
      ['records.deleteInitiative', i.id],
      ['records.deleteDiscipline', disc.id],
      ['records.deleteRegistration', reg.id],
    ] as const) {
      expect(await core.invoke(proc, { id })).toEqual({ deleted: true });
      await expect(core.invoke(proc, { id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    core.close();
  });
});

describe('record lists where units share a name', () => {
  it('a person\'s unit and a collective registrant are named with their parents, and found by them', async () => {
    const { core } = await historyOffice();
    const so = [] as Array<{ so: string; vp: string; staff: string }>;
    for (const name of ['Sở Tài chính', 'Sở Y tế']) {
      const root = (await core.invoke('units.create', { name, kind: 'don_vi_truc_thuoc' })).id;
      const vp = (await core.invoke('units.create', { name: 'Văn phòng', parentId: root })).id;
      const staff = (await core.invoke('staff.create', { fullName: `Hà Văn ${name.slice(3)}`, unitId: vp })).id;
      so.push({ so: name, vp, staff });
    }
    for (const x of so) {
      await core.invoke('records.saveInitiative', { data: { staffId: x.staff, year: 2024, title: `Sáng kiến của ${x.so}`, scope: 'co_so' } });
      await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'unit', unitId: x.vp, awardCode: 'TT_LDTT' } });
    }
    const initiatives = await core.invoke('records.listInitiatives', { search: 'sang kien cua so' });
    expect(initiatives.map((i) => [i.title, i.unitName])).toEqual(
      expect.arrayContaining([
        ['Sáng kiến của Sở Tài chính', 'Văn phòng (Sở Tài chính)'],
        ['Sáng kiến của Sở Y tế', 'Văn phòng (Sở Y tế)'],
      ]),
    );
    const regs = (await core.invoke('records.listRegistrations', { year: 2024 })).filter((r) => r.kind === 'unit' && r.name.startsWith('Văn phòng ('));
    expect(regs.map((r) => r.name).sort()).toEqual(['Văn phòng (Sở Tài chính)', 'Văn phòng (Sở Y tế)']);
    // each word searched starts a word of the row, a title's and a name's together, in any order
    expect((await core.invoke('records.listInitiatives', { search: 'ha van sang kien y te' })).map((i) => i.title)).toEqual(['Sáng kiến của Sở Y tế']);
    expect((await core.invoke('records.listInitiatives', { search: 'te y kien' })).map((i) => i.title)).toEqual(['Sáng kiến của Sở Y tế']);
    // a word inside another does not count ("ai" in "tai")
    expect((await core.invoke('records.listInitiatives', { search: 'kien ai' })).map((i) => i.title)).toEqual([]);
    // the parents' words find them
    expect((await core.invoke('records.listRegistrations', { year: 2024, search: 'van phong y te' })).map((r) => r.name)).toEqual(['Văn phòng (Sở Y tế)']);
    core.close();
  });
});

describe('timelines, statistics, catalogue, settings', () => {
  it('a person’s and a unit’s timeline by year; awards counted by year, unit and form', async () => {
    const { core, ids, units } = await historyOffice();
    await core.invoke('records.importApply', { fileName: 'x.xlsx', fileBase64: b64(await historyWorkbook(GOOD_ROWS)) });
    await core.invoke('records.saveDiscipline', { data: { staffId: ids.C, form: 'khien_trach', fromDate: '01/03/2022', toDate: '31/03/2023' } });
    const tl = await core.invoke('records.timeline', { kind: 'person', id: ids.C });
    expect(tl).toMatchObject({ name: 'Lê Văn Cường', detail: 'sinh ngày 01/07/1979 — Phòng Người có công' });
    expect(tl.years.map((y) => y.year)).toEqual([2024, 2023, 2022]);
    const y2023 = tl.years.find((y) => y.year === 2023)!;
    expect(y2023.rating).toBe('HTXSNV');
    expect(y2023.awards.map((a) => [a.label, a.basis, a.decisionNo])).toEqual([
      ['CSTĐCS', 'dot_xuat', '35/QĐ-SLĐTBXH'],
      ['LĐTT', 'thuong_xuyen', '20/QĐ-SLĐTBXH'],
    ]);
    expect(y2023.disciplines.map((d) => d.form)).toEqual(['khien_trach']);

    const ut = await core.invoke('records.timeline', { kind: 'unit', id: units.vp });
    const u2023 = ut.years.find((y) => y.year === 2023)!;
    expect(u2023.memberSummary).toEqual({
      members: 2,
      ratings: { HTXSNV: 2 },
      titles: [
        { label: 'CSTĐCS', count: 2, docName: 'Chiến sĩ thi đua cơ sở' },
        { label: 'LĐTT', count: 2, docName: 'Lao động tiên tiến' },
      ],
    });
    expect(u2023.initiatives.map((i) => i.title)).toEqual(['Phần mềm quản lý hồ sơ người có công']);
    expect(u2023.initiativeOwners).toEqual(['Nguyễn Văn An']);

    const stats = await core.invoke('records.stats', { yearFrom: 2021, yearTo: 2024 });
    const sum = (f: (r: (typeof stats)[number]) => boolean) => stats.filter(f).reduce((n, r) => n + r.count, 0);
    expect(sum(() => true)).toBe(14);
    expect(sum((r) => r.year === 2023 && r.form === 'LDTT')).toBe(4);
    expect(sum((r) => r.unitName === 'Văn phòng Sở')).toBe(9);
    expect(stats.find((r) => r.form.startsWith('khac:'))?.formLabel).toBe('Kỷ niệm chương Vì sự nghiệp Lao động - Thương binh và Xã hội');
    const onlyNcc = await core.invoke('records.stats', { yearFrom: 2021, yearTo: 2024, unitId: units.ncc });
    expect(onlyNcc.every((r) => r.unitName === 'Phòng Người có công')).toBe(true);
    core.close();
  });

  it('the catalogue marks unverified entries; settings are validated, stored and used by the checker', async () => {
    const { core, ids } = await historyOffice();
    const cat = await core.invoke('awards.catalog');
    expect(cat.unverifiedLabel).toBe('chưa xác minh');
    expect(cat.entries.find((e) => e.code === 'LDTT')).toMatchObject({ name: 'Lao động tiên tiến', legalBasis: 'Luật TĐKT 2022, Điều 24', verified: true, levelLabel: 'cấp cơ sở' });
    expect(cat.entries.find((e) => e.code === 'TT_LDTT')?.verified).toBe(false);
    expect(cat.ruleSets.find((r) => r.id === 'du_thao_2026')).toMatchObject({ draft: true, verified: false });

    const s = await core.invoke('awards.getSettings');
    expect(s.provincial.cstdcsQuotaPercent).toBe(15);
    expect(s.deadlines.length).toBeGreaterThan(0);
    await expect(core.invoke('awards.saveSettings', { ...s, provincial: { ...s.provincial, cstdcsQuotaPercent: 150 } })).rejects.toThrow(
      'Tỷ lệ CSTĐCS tối đa: nhập số phần trăm từ 0 đến 100.',
    );
    await core.invoke('awards.saveSettings', { ...s, provincial: { ...s.provincial, cstdcsQuotaPercent: 100 }, enableDraftAmendment: true });
    expect((await core.invoke('awards.getSettings')).provincial.cstdcsQuotaPercent).toBe(100);

    await core.invoke('records.saveYearGrid', {
      unitId: (await core.invoke('units.list'))[0]!.id,
      year: 2026,
      rows: [{ staffId: ids.A, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: noTitles }],
    });
    const view = await core.invoke('eligibility.check', { year: 2026 });
    expect(view.ruleSet).toMatchObject({ id: 'du_thao_2026', draft: true });
    expect(view.warnings.map((w) => w.code)).toContain('draft_rule_set');
    expect(view.warnings.map((w) => w.code)).not.toContain('cstdcs_quota');
    core.close();
  });
});

describe('CLI', () => {
  it('records import (dry run, then for real) and eligibility in text and JSON', async () => {
    const { core } = await historyOffice(new Date().toISOString().slice(0, 10));
    const dbPath = core.ctx.conn.path;
    core.close();
    const dir = tempDir();
    const file = path.join(dir, 'lich-su.xlsx');
    fs.writeFileSync(file, await historyWorkbook(GOOD_ROWS));
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--db', dbPath, ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const dry = await run(['records', 'import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Kiểm tra xong, không có lỗi: 15 dòng của 6 người');
    expect(dry.out).toContain('(Chạy thử — chưa nhập.)');
    const real = await run(['records', 'import', file]);
    expect(real).toMatchObject({ code: 0, out: 'Đã nhập: 14 năm xếp loại, 14 danh hiệu/khen thưởng (10 quyết định mới), 2 sáng kiến.' });

    const text = await run(['eligibility', '--year', '2024']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Kiểm tra điều kiện khen thưởng năm 2024');
    expect(text.out).toMatch(/Trần Thị Bích — Văn phòng Sở\n {2}Đủ điều kiện: Lao động tiên tiến; Chiến sĩ thi đua cơ sở; Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng/);
    expect(text.out).toContain('Gần đủ Chiến sĩ thi đua cấp bộ, ngành, tỉnh: thiếu 1 năm CSTĐCS liên tục: 2022 chưa có [Luật TĐKT 2022, Điều 22]');
    expect(text.out).toContain('Lưu ý: Phòng Người có công: 2 người đủ điều kiện CSTĐCS');

    const json = await run(['eligibility', '--year', '2024', '--json']);
    const parsed = JSON.parse(json.out) as { people: Array<{ name: string; candidates: Array<{ code: string; verdict: string; items: Array<{ basis: string }> }> }> };
    const bich = parsed.people.find((p) => p.name === 'Trần Thị Bích')!;
    expect(bich.candidates.find((c) => c.code === 'CSTD_TINH')).toMatchObject({ verdict: 'gan_du' });
    expect(bich.candidates[0]!.items[0]!.basis).toBeTruthy();
    // a subject a line (a whole province is ≈100 MB of JSON), the head as a whole
    const whole = JSON.parse(json.out) as Record<string, unknown> & { people: unknown[]; units: unknown[] };
    expect(whole).toMatchObject({ year: 2024, ruleSet: { id: expect.any(String) }, counts: { LDTT: expect.any(Object) } });
    expect(whole).not.toHaveProperty('items');
    expect(whole.units.length).toBeGreaterThan(0);
    // one of the office's seven has no 2024 rating in the workbook: the text says how many
    expect(whole.unrated).toBe(1);
    expect(text.out).toContain(`Lưu ý: 1 trong ${whole.people.length} người chưa có xếp loại năm 2024`);
    expect(json.out.split('\n').filter((l) => /^ {4}\{".*\},?$/.test(l)).length).toBe(whole.people.length + whole.units.length);

    expect((await run(['eligibility'])).code).toBe(2);
    const bad = await run(['records', 'import', path.join(dir, 'khong-co.xlsx')]);
    expect(bad.code).toBe(2);
  });

  it("an import leaves the closing year's eligibility run in the file, so the next process's first check need not judge everyone", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { core } = await historyOffice(today);
    const dbPath = core.ctx.conn.path;
    core.close();
    clearFileRuns(dbPath);
    const file = path.join(tempDir(), 'lich-su.xlsx');
    fs.writeFileSync(file, await historyWorkbook(GOOD_ROWS));
    const run = (args: string[]) => runCli(['--db', dbPath, ...args], { out: () => undefined, err: () => undefined });
    const keeps = async () => {
      const c = await createCore({ dbPath, host: 'cli' });
      try {
        return await eligibilityKept(c.ctx);
      } finally {
        c.close();
      }
    };

    expect(await run(['records', 'import', file, '--dry-run'])).toBe(0);
    expect(await keeps()).toBe(false); // a dry run writes nothing, computes nothing
    expect(await run(['records', 'import', file])).toBe(0);
    expect(await keeps()).toBe(true);

    // the run kept answers as judging everyone from the records does
    const year = closingYearOf(today);
    const fromKept = await createCoreAnd(dbPath, (c) => c.invoke('eligibility.check', { year, limit: 500 }));
    clearFileRuns(dbPath);
    const fromRecords = await createCoreAnd(dbPath, (c) => c.invoke('eligibility.check', { year, limit: 500 }));
    expect({ ...fromKept, timing: null }).toEqual({ ...fromRecords, timing: null });
  });
});

function clearFileRuns(dbPath: string) {
  const d = new Database(dbPath);
  clearSnapshots(d);
  d.close();
}

async function createCoreAnd<T>(dbPath: string, f: (c: Awaited<ReturnType<typeof createCore>>) => Promise<T>): Promise<T> {
  const c = await createCore({ dbPath, host: 'cli' });
  try {
    return await f(c);
  } finally {
    c.close();
  }
}

