// The audit triggers: every audited table logs insert, update (only what changed) and soft
// delete with the current user profile; plans only once issued; the log refuses to change.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { historyOffice } from '../records/helpers';
import { OFFICE_A, buildDossier, makeOffice } from '../dossiers/helpers';
import { testCore } from '../../support/core';
import { logCount, logRows, sleep, useProfile, type LogRow } from './helpers';

const cores: Core[] = [];
const track = (c: Core) => (cores.push(c), c);
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const noTitles = { LDTT: false, CSTDCS: false };
const actions = (rows: LogRow[]) => rows.map((r) => r.action);
const ofRecord = (rows: LogRow[], id: string) => rows.filter((r) => r.record_id === id);

function expectActor(rows: LogRow[], actor: string, position: string, actorId: string) {
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r).toMatchObject({ actor, actor_position: position, actor_id: actorId, source: 'local' });
}

describe('audit triggers on award records', () => {
  it('decisions and recipients, ratings, unit years, registrations, initiatives, disciplines: insert, update, soft delete', async () => {
    const { core, ids, units } = await historyOffice();
    track(core);
    const me = await useProfile(core, 'Nguyễn Thị Thu', 'Chuyên viên Phòng TĐKT');
    expect(logCount(core)).toBe(0); // creating staff and units is not audited

    // decision with two recipients; edit the issuer and one recipient's cash; drop the other recipient; delete
    const d = await core.invoke('records.saveDecision', {
      data: { number: '120/QĐ-UBND', issuer: 'UBND tỉnh', awardCode: 'BK_TINH', year: 2024, recipients: [{ kind: 'person', staffId: ids.A }, { kind: 'unit', unitId: units.ncc }] },
    });
    const [ra, ru] = d.recipients;
    await core.invoke('records.saveDecision', {
      id: d.id,
      data: { number: '120/QĐ-UBND', issuer: 'UBND tỉnh Lào Cai', awardCode: 'BK_TINH', year: 2024, recipients: [{ id: ra!.id, kind: 'person', staffId: ids.A, cashAmount: 1_170_000 }] },
    });
    // saving the same values again logs nothing
    const before = logCount(core);
    await core.invoke('records.saveDecision', {
      id: d.id,
      data: { number: '120/QĐ-UBND', issuer: 'UBND tỉnh Lào Cai', awardCode: 'BK_TINH', year: 2024, recipients: [{ id: ra!.id, kind: 'person', staffId: ids.A, cashAmount: 1_170_000 }] },
    });
    expect(logCount(core)).toBe(before);
    await core.invoke('records.deleteDecision', { id: d.id });

    const dec = logRows(core, 'award_decision');
    expect(actions(ofRecord(dec, d.id))).toEqual(['insert', 'update', 'soft_delete']);
    const [ins, upd, del] = ofRecord(dec, d.id);
    expect(ins!.before).toBeNull();
    expect(ins!.after).toMatchObject({ number: '120/QĐ-UBND', issuer: 'UBND tỉnh', award_code: 'BK_TINH', year: 2024 });
    expect(ins!.after).not.toHaveProperty('number_key'); // derived search keys are not logged
    expect(upd!.before).toEqual({ issuer: 'UBND tỉnh' });
    expect(upd!.after).toEqual({ issuer: 'UBND tỉnh Lào Cai' });
    expect(del!.before).toMatchObject({ number: '120/QĐ-UBND', issuer: 'UBND tỉnh Lào Cai' });
    expect(del!.after).toBeNull();
    expectActor(dec, 'Nguyễn Thị Thu', 'Chuyên viên Phòng TĐKT', me);

    const rec = logRows(core, 'award_recipient');
    expect(actions(ofRecord(rec, ra!.id))).toEqual(['insert', 'update', 'soft_delete']);
    expect(ofRecord(rec, ra!.id)[1]).toMatchObject({ before: { cash_amount: null }, after: { cash_amount: 1_170_000 } });
    expect(actions(ofRecord(rec, ru!.id))).toEqual(['insert', 'soft_delete']);
    expect(rec.every((r) => r.owner_table === 'award_decision' && r.owner_id === d.id)).toBe(true);

    // the decision's history carries its recipients, oldest first
    const h = await core.invoke('audit.forRecord', { table: 'award_decision', id: d.id });
    expect(h.entries.map((e) => [e.table, e.action])).toEqual([
      ['award_decision', 'insert'],
      ['award_recipient', 'insert'],
      ['award_recipient', 'insert'],
      ['award_decision', 'update'],
      ['award_recipient', 'update'],
      ['award_recipient', 'soft_delete'],
      ['award_recipient', 'soft_delete'],
      ['award_decision', 'soft_delete'],
    ]);
    expect(h.entries[3]).toMatchObject({ actor: 'Nguyễn Thị Thu', actorPosition: 'Chuyên viên Phòng TĐKT', changes: [{ field: 'issuer', before: 'UBND tỉnh', after: 'UBND tỉnh Lào Cai' }] });
    expect(h.entries[0]!.recordTitle).toBe('Quyết định số 120/QĐ-UBND — Bằng khen tỉnh — năm 2024');
    expect(h.refs[ids.A]).toBe('Nguyễn Văn An');
    // a recipient's own history
    expect((await core.invoke('audit.forRecord', { table: 'award_recipient', id: ra!.id })).entries.map((e) => e.action)).toEqual(['insert', 'update', 'soft_delete']);

    // ratings (person_year) and a unit's year through the year-end grid
    await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: 2024,
      unitUnderReview: true,
      rows: [{ staffId: ids.C, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: noTitles }],
    });
    await core.invoke('records.saveYearGrid', {
      unitId: units.ncc,
      year: 2024,
      unitUnderReview: false,
      rows: [{ staffId: ids.C, rating: 'HTXSNV', maternityLeave: true, underReview: false, titles: noTitles }],
    });
    const py = logRows(core, 'person_year');
    expect(actions(py)).toEqual(['insert', 'update']);
    expect(py[0]!.after).toMatchObject({ staff_id: ids.C, year: 2024, rating: 'HTTNV', maternity_leave: 0 });
    expect(py[1]).toMatchObject({ before: { rating: 'HTTNV', maternity_leave: 0 }, after: { rating: 'HTXSNV', maternity_leave: 1 } });
    // no API soft-deletes a rating row: the trigger sees any writer
    core.ctx.conn.sqlite.prepare('UPDATE person_year SET deleted_at = ?, updated_at = ? WHERE id = ?').run(new Date().toISOString(), new Date().toISOString(), py[0]!.record_id);
    expect(actions(logRows(core, 'person_year'))).toEqual(['insert', 'update', 'soft_delete']);
    const uy = logRows(core, 'unit_year');
    expect(actions(uy)).toEqual(['insert', 'update']);
    expect(uy[1]).toMatchObject({ before: { under_review: 1 }, after: { under_review: 0 } });

    // registrations, initiatives, disciplines: save, edit, delete
    const reg = await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    await core.invoke('records.saveRegistration', { id: reg.id, data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS', note: 'đăng ký bổ sung' } });
    await core.invoke('records.deleteRegistration', { id: reg.id });
    const ini = await core.invoke('records.saveInitiative', { data: { staffId: ids.F, year: 2024, title: 'Số hóa hồ sơ', scope: 'co_so' } });
    await core.invoke('records.saveInitiative', { id: ini.id, data: { staffId: ids.F, year: 2024, title: 'Số hóa hồ sơ người có công', scope: 'tinh' } });
    await core.invoke('records.deleteInitiative', { id: ini.id });
    const dis = await core.invoke('records.saveDiscipline', { data: { staffId: ids.D, form: 'khien_trach', fromDate: '01/06/2023' } });
    await core.invoke('records.saveDiscipline', { id: dis.id, data: { staffId: ids.D, form: 'canh_cao', fromDate: '01/06/2023', toDate: '01/06/2024' } });
    await core.invoke('records.deleteDiscipline', { id: dis.id });
    for (const [table, id, changed] of [
      ['registration', reg.id, { before: { note: '' }, after: { note: 'đăng ký bổ sung' } }],
      ['initiative', ini.id, { before: { title: 'Số hóa hồ sơ', scope: 'co_so' }, after: { title: 'Số hóa hồ sơ người có công', scope: 'tinh' } }],
      ['discipline', dis.id, { before: { form: 'khien_trach', to_date: null }, after: { form: 'canh_cao', to_date: '2024-06-01' } }],
    ] as const) {
      const rows = logRows(core, table);
      expect(actions(rows), table).toEqual(['insert', 'update', 'soft_delete']);
      expect(rows.every((r) => r.record_id === id && r.owner_id === id)).toBe(true);
      expect(rows[1], table).toMatchObject(changed);
      expect(rows[2]!.before, table).toMatchObject(changed.after);
      expectActor(rows, 'Nguyễn Thị Thu', 'Chuyên viên Phòng TĐKT', me);
    }
    // every row has a distinct UUID-shaped id and this office as origin
    const all = logRows(core);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.origin_office_id).toBe(core.ctx.officeId);
      expect(r.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('a person’s year: ratings, registrations, initiatives, disciplines and awards of that year only', async () => {
    const { core, ids, units } = await historyOffice();
    track(core);
    await useProfile(core, 'Trần Văn Bình');
    for (const [year, rating] of [
      [2023, 'HTNV'],
      [2024, 'HTTNV'],
    ] as const) {
      await core.invoke('records.saveYearGrid', {
        unitId: units.ncc,
        year,
        rows: [{ staffId: ids.C, rating, maternityLeave: false, underReview: false, titles: { LDTT: year === 2024, CSTDCS: false } }],
      });
    }
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    await core.invoke('records.saveInitiative', { data: { staffId: ids.C, year: 2024, title: 'Cải tiến quy trình', scope: 'co_so' } });
    await core.invoke('records.saveInitiative', { data: { staffId: ids.D, year: 2024, title: 'Của người khác', scope: 'co_so' } });
    const h = await core.invoke('audit.forRecord', { table: 'person_year', staffId: ids.C, year: 2024 });
    expect(h.entries.map((e) => [e.table, e.action]).sort()).toEqual(
      [
        ['person_year', 'insert'],
        ['award_recipient', 'insert'],
        ['registration', 'insert'],
        ['initiative', 'insert'],
      ].sort(),
    );
    expect(h.entries.every((e) => e.actor === 'Trần Văn Bình')).toBe(true);
    expect(h.entries.find((e) => e.table === 'person_year')!.recordTitle).toBe('Lê Văn Cường — năm 2024');
    expect(h.entries.find((e) => e.table === 'person_year')!.changes).toContainEqual({ field: 'rating', before: null, after: 'HTTNV' });
  });
});

describe('audit triggers on dossiers', () => {
  it('the dossier and its nominees, reports, attachments and outcomes; the dossier’s history gathers them', async () => {
    const o = await makeOffice(OFFICE_A);
    track(o.core);
    const core = o.core;
    const me = await useProfile(core, 'Đỗ Văn Hải', 'Trưởng phòng');
    const d = await buildDossier(o, OFFICE_A, { docNumber: 5, submit: false });
    const nominee = d.nominees[0]!;
    // edit the report, remove the attachment, remove the nominee, delete the dossier
    const report = await core.invoke('dossiers.getReport', { nomineeId: nominee.id });
    const sections = report.content.sections.map((x, i) => (i === 0 ? { ...x, text: 'Hoàn thành xuất sắc nhiệm vụ được giao.' } : x));
    await core.invoke('dossiers.saveReport', { nomineeId: nominee.id, content: { templateId: report.content.templateId, sections } });
    await core.invoke('dossiers.removeAttachment', { id: d.attachments[0]!.id });
    await core.invoke('dossiers.removeNominee', { id: nominee.id });
    // an outcome row (written at the province in real life) is audited like the others
    const now = new Date().toISOString();
    const sqlite = core.ctx.conn.sqlite;
    sqlite
      .prepare("INSERT INTO dossier_outcome (id, origin_office_id, created_at, updated_at, deleted_at, dossier_id, submission_no, outcome, reason, decided_at) VALUES ('oc1', ?, ?, ?, NULL, ?, 1, 'returned', 'Thiếu minh chứng', ?)")
      .run(core.ctx.officeId, now, now, d.id, now);
    sqlite.prepare("UPDATE dossier_outcome SET reason = 'Thiếu biên bản họp', updated_at = ? WHERE id = 'oc1'").run(now);
    sqlite.prepare("UPDATE dossier_outcome SET deleted_at = ?, updated_at = ? WHERE id = 'oc1'").run(now, now);
    await core.invoke('dossiers.delete', { id: d.id });

    const byTable = (t: string) => logRows(core, t);
    expect(actions(byTable('dossier'))[0]).toBe('insert');
    expect(actions(byTable('dossier'))).toContain('update');
    expect(actions(byTable('dossier')).at(-1)).toBe('soft_delete');
    const meeting = byTable('dossier').find((r) => r.after && 'meeting_chair' in r.after && r.action === 'update');
    expect(meeting).toMatchObject({ before: { meeting_chair: '' }, after: { meeting_chair: OFFICE_A.headName } });
    const nomRows = ofRecord(byTable('dossier_nominee'), nominee.id);
    expect(actions(nomRows)[0]).toBe('insert');
    expect(nomRows.some((r) => r.action === 'update' && r.after?.votes_agree === 5)).toBe(true);
    expect(actions(nomRows).at(-1)).toBe('soft_delete');
    const rep = byTable('dossier_report');
    expect(actions(rep)).toEqual(['insert', 'update', 'soft_delete']);
    expect(rep[1]!.before).toHaveProperty('content');
    expect(rep[1]!.after!.content).toContain('Hoàn thành xuất sắc nhiệm vụ được giao.');
    expect(rep[1]!.before!.content).not.toContain('Hoàn thành xuất sắc nhiệm vụ được giao.');
    expect(actions(byTable('dossier_attachment'))).toEqual(['insert', 'soft_delete']);
    expect(actions(byTable('dossier_outcome'))).toEqual(['insert', 'update', 'soft_delete']);
    expect(byTable('dossier_outcome')[1]).toMatchObject({ before: { reason: 'Thiếu minh chứng' }, after: { reason: 'Thiếu biên bản họp' } });
    // generated documents are outputs, not audited
    expect(byTable('dossier_document')).toEqual([]);
    for (const t of ['dossier', 'dossier_nominee', 'dossier_report', 'dossier_attachment', 'dossier_outcome']) {
      const rows = byTable(t);
      expect(rows.every((r) => r.owner_table === 'dossier' && r.owner_id === d.id), t).toBe(true);
      if (t !== 'dossier_outcome') expectActor(rows, 'Đỗ Văn Hải', 'Trưởng phòng', me);
    }
    const h = await core.invoke('audit.forRecord', { table: 'dossier', id: d.id });
    expect(new Set(h.entries.map((e) => e.table))).toEqual(new Set(['dossier', 'dossier_nominee', 'dossier_report', 'dossier_attachment', 'dossier_outcome']));
    expect(h.entries.find((e) => e.table === 'dossier_report')!.recordTitle).toBe('Báo cáo thành tích — Nguyễn Văn An');
  });
});

describe('plans are audited once issued', () => {
  it('draft edits are not logged; issuing, later edits, un-issuing and deleting are', async () => {
    const core = track(await testCore());
    await useProfile(core, 'Lê Thị Hà', 'Phó Trưởng phòng');
    const rec = await core.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2026 });
    const saved = await core.invoke('plans.save', { id: rec.id, plan: { ...rec.plan, title: ['Bản nháp 1'] } });
    await core.invoke('plans.save', { id: rec.id, plan: { ...rec.plan, title: ['Bản nháp 2'] }, expectedUpdatedAt: saved.updatedAt });
    expect(logRows(core, 'plan')).toEqual([]);

    await core.invoke('plans.setStatus', { id: rec.id, status: 'da_ban_hanh' });
    let rows = logRows(core, 'plan');
    expect(actions(rows)).toEqual(['issue']);
    expect(rows[0]!.before).toEqual({ status: 'nhap' });
    expect(rows[0]!.after).toMatchObject({ status: 'da_ban_hanh', title: 'Bản nháp 2' });
    expect(JSON.parse(rows[0]!.after!.content as string)).toMatchObject({ title: ['Bản nháp 2'] });

    await core.invoke('plans.save', { id: rec.id, plan: { ...rec.plan, title: ['Kế hoạch đã ban hành, sửa lỗi chính tả'] } });
    rows = logRows(core, 'plan');
    expect(actions(rows)).toEqual(['issue', 'update']);
    expect(rows[1]).toMatchObject({ before: { title: 'Bản nháp 2' }, after: { title: 'Kế hoạch đã ban hành, sửa lỗi chính tả' }, actor: 'Lê Thị Hà' });
    expect(Object.keys(rows[1]!.before!).sort()).toEqual(['content', 'title']);

    // back to draft: logged; further draft edits are not; deleting a draft is not
    await core.invoke('plans.setStatus', { id: rec.id, status: 'nhap' });
    await core.invoke('plans.save', { id: rec.id, plan: { ...rec.plan, title: ['Nháp lại'] } });
    expect(actions(logRows(core, 'plan'))).toEqual(['issue', 'update', 'update']);
    expect(logRows(core, 'plan')[2]).toMatchObject({ before: { status: 'da_ban_hanh' }, after: { status: 'nhap' } });
    const draft = await core.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2027 });
    await core.invoke('plans.delete', { id: draft.id });
    expect(logRows(core).filter((r) => r.record_id === draft.id)).toEqual([]);
    // issue again, then delete: both logged
    await core.invoke('plans.setStatus', { id: rec.id, status: 'da_ban_hanh' });
    await core.invoke('plans.delete', { id: rec.id });
    expect(actions(logRows(core, 'plan'))).toEqual(['issue', 'update', 'update', 'issue', 'soft_delete']);
    const h = await core.invoke('audit.forRecord', { table: 'plan', id: rec.id });
    expect(h.entries.map((e) => e.action)).toEqual(['issue', 'update', 'update', 'issue', 'soft_delete']);
    expect(h.entries[0]!.changes).toEqual([{ field: 'status', before: 'nhap', after: 'da_ban_hanh' }]);
  });
});

describe('the log itself', () => {
  it('cannot be updated or deleted, by any path', async () => {
    const { core, ids } = await historyOffice();
    track(core);
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    const sqlite = core.ctx.conn.sqlite;
    const n = logCount(core);
    expect(n).toBe(1);
    expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'người khác'").run()).toThrow(/chỉ được ghi thêm: không thể sửa/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/chỉ được ghi thêm: không thể xóa/);
    await expect(core.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/không thể xóa/);
    await expect(core.ctx.db.updateTable('audit_log').set({ before_json: '{}' }).execute()).rejects.toThrow(/không thể sửa/);
    expect(() => sqlite.prepare("INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log").run()).toThrow(/không thể sửa/);
    expect(() => sqlite.prepare("INSERT OR IGNORE INTO audit_log SELECT * FROM audit_log").run()).toThrow(/không thể sửa/);
    expect(logRows(core)[0]!.actor).toBe('');
    expect(logCount(core)).toBe(1);
  });

  it('switching the user profile changes the actor; no profile means an empty actor; a removed profile stops being current', async () => {
    const { core, ids } = await historyOffice();
    track(core);
    expect(await core.invoke('audit.profiles.list')).toEqual({ profiles: [], currentId: null });
    const reg = await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    // the first profile saved becomes current even without makeCurrent
    const s1 = await core.invoke('audit.profiles.save', { name: 'Nguyễn Thị Thu', position: 'Chuyên viên' });
    const thu = s1.currentId!;
    const s2 = await core.invoke('audit.profiles.save', { name: 'Phạm Văn Minh', position: 'Trưởng phòng' });
    const minh = s2.profiles.find((p) => p.name === 'Phạm Văn Minh')!.id;
    expect(s2.currentId).toBe(thu);
    await core.invoke('records.saveRegistration', { id: reg.id, data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS', note: 'a' } });
    await core.invoke('audit.profiles.setCurrent', { id: minh });
    await core.invoke('records.saveRegistration', { id: reg.id, data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS', note: 'b' } });
    // renaming a profile does not rewrite history
    await core.invoke('audit.profiles.save', { id: minh, name: 'Phạm Văn Minh', position: 'Phó Giám đốc' });
    await core.invoke('records.saveRegistration', { id: reg.id, data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS', note: 'c' } });
    await core.invoke('audit.profiles.remove', { id: minh });
    expect(await core.invoke('audit.profiles.list')).toEqual({ profiles: [{ id: thu, name: 'Nguyễn Thị Thu', position: 'Chuyên viên' }], currentId: null });
    await core.invoke('records.deleteRegistration', { id: reg.id });
    expect(logRows(core, 'registration').map((r) => [r.action, r.actor, r.actor_position])).toEqual([
      ['insert', '', ''],
      ['update', 'Nguyễn Thị Thu', 'Chuyên viên'],
      ['update', 'Phạm Văn Minh', 'Trưởng phòng'],
      ['update', 'Phạm Văn Minh', 'Phó Giám đốc'],
      ['soft_delete', '', ''],
    ]);
    // the same person twice is refused; an unknown profile cannot be made current
    await expect(core.invoke('audit.profiles.save', { name: 'nguyen thi thu', position: 'chuyen vien' })).rejects.toThrow(/Đã có hồ sơ người dùng/);
    await expect(core.invoke('audit.profiles.setCurrent', { id: minh })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.invoke('audit.profiles.save', { name: '   ' })).rejects.toThrow(/Họ và tên/);
  });

  it('audit.list filters by day, table and actor (without diacritics), newest first', async () => {
    const { core, ids } = await historyOffice();
    track(core);
    await useProfile(core, 'Nguyễn Thị Thu');
    await core.invoke('records.saveRegistration', { data: { year: 2024, kind: 'person', staffId: ids.C, awardCode: 'CSTDCS' } });
    await sleep(5);
    await useProfile(core, 'Phạm Văn Minh');
    await core.invoke('records.saveInitiative', { data: { staffId: ids.C, year: 2024, title: 'Cải tiến', scope: 'co_so' } });
    const all = await core.invoke('audit.list', {});
    expect(all.entries.map((e) => [e.table, e.actor])).toEqual([
      ['initiative', 'Phạm Văn Minh'],
      ['registration', 'Nguyễn Thị Thu'],
    ]);
    expect(all.truncated).toBe(false);
    expect((await core.invoke('audit.list', { actor: 'thu' })).entries.map((e) => e.table)).toEqual(['registration']);
    expect((await core.invoke('audit.list', { table: 'initiative' })).entries.map((e) => e.actor)).toEqual(['Phạm Văn Minh']);
    const d = new Date();
    const today = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    expect((await core.invoke('audit.list', { from: today, to: today })).entries).toHaveLength(2);
    expect((await core.invoke('audit.list', { to: '01/01/2020' })).entries).toHaveLength(0);
  });
});
