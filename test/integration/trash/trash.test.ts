// Thùng rác: what a user deletes is listed, newest first, worded as its screen names it, and comes
// back with what was deleted with it; a restore that would orphan or duplicate something is
// refused with what to do, and writes nothing; the restore travels in bundles.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { TrashList } from '../../../shared/contract/trash';
import { cliAt } from '../../support/cli';
import { testCore } from '../../support/core';
import { tempDb } from '../../support/tmp';
import { historyOffice } from '../records/helpers';
import { completeAndSubmit } from '../dossiers/helpers';
import { OFFICE_A, exportBytes, makeOffice, makeProvince, sleep, src, staffByName } from '../exchange/helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const titles = (l: TrashList) => l.items.map((i) => `${i.kind}: ${i.title}`);
const live = (core: Core, table: string, id: string) =>
  (core.ctx.conn.sqlite.prepare(`SELECT deleted_at IS NULL AS live FROM ${table} WHERE id = ?`).pluck().get(id) as number) === 1;

describe('Thùng rác', () => {
  it('lists the deletions newest first and restores each kind with its parts', async () => {
    const { core, ids, units } = await historyOffice();
    cores.push(core);
    await core.invoke('audit.profiles.save', { name: 'Lê Thị Hoa', position: 'Chuyên viên', makeCurrent: true });
    const decision = await core.invoke('records.saveDecision', {
      data: { number: '120/QĐ-UBND', awardCode: 'BK_TINH', year: 2024, issuer: 'UBND tỉnh Lào Cai', recipients: [{ kind: 'person', staffId: ids.A }, { kind: 'person', staffId: ids.B }] },
    });
    const initiative = await core.invoke('records.saveInitiative', { data: { staffId: ids.C, year: 2024, title: 'Số hoá hồ sơ khen thưởng', scope: 'co_so' } });
    const discipline = await core.invoke('records.saveDiscipline', { data: { staffId: ids.D, form: 'khien_trach', fromDate: '01/03/2024', toDate: null, decisionNo: '05/QĐ' } });
    const campaign = await core.invoke('campaigns.create', { name: 'Chuyển đổi số', kind: 'chuyen_de', yearFrom: 2024, yearTo: 2025, status: 'da_ban_hanh' } as never);
    const plan = await core.invoke('plans.createFromTemplate', { templateId: 'thematic-campaign', year: 2024, campaignId: campaign.id });
    const task = await core.invoke('tasks.create', { year: 2025, quarter: 2, title: 'Kiểm tra công tác thi đua quý II' });
    const dossier = await core.invoke('dossiers.create', { year: 2024, awardCode: 'BK_TINH' });
    await core.invoke('dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: ids.E }] });
    const reports = () => core.ctx.conn.sqlite.prepare('SELECT COUNT(*) FROM dossier_report r JOIN dossier_nominee n ON n.id = r.nominee_id WHERE n.dossier_id = ? AND r.deleted_at IS NULL').pluck().get(dossier.id);
    const reportsBefore = reports();
    await core.invoke('records.saveYearGrid', { unitId: units.ncc, year: 2024, rows: [{ staffId: ids.D, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }] });
    const ldttOfD = async () => {
      const v = await core.invoke('eligibility.check', { year: 2024 });
      const s = v.people.find((p) => p.id === ids.D)!;
      return s.candidates.map((i) => v.candidates[i]!).find((c) => c.code === 'LDTT')!.verdict;
    };
    // the reprimand in force keeps her from LĐTT
    expect(await ldttOfD()).not.toBe('du_dieu_kien');

    expect((await core.invoke('trash.list')).total).toBe(0);
    // deleted one after the other: the list shows the last first
    const steps: Array<() => Promise<unknown>> = [
      () => core.invoke('records.deleteDecision', { id: decision.id }),
      () => core.invoke('records.deleteInitiative', { id: initiative.id }),
      () => core.invoke('records.deleteDiscipline', { id: discipline.id }),
      () => core.invoke('plans.delete', { id: plan.id }),
      () => core.invoke('campaigns.delete', { id: campaign.id }),
      () => core.invoke('tasks.delete', { id: task.id }),
      () => core.invoke('dossiers.delete', { id: dossier.id }),
      () => core.invoke('staff.delete', { id: ids.G }),
    ];
    for (const step of steps) {
      await step();
      await sleep(3);
    }
    expect(await ldttOfD()).toBe('du_dieu_kien');
    const bin = await core.invoke('trash.list');
    expect(bin.total).toBe(8);
    expect(titles(bin)).toEqual([
      expect.stringMatching(/^staff: /),
      expect.stringMatching(/^dossier: /),
      'task: Kiểm tra công tác thi đua quý II',
      'campaign: Chuyển đổi số',
      expect.stringMatching(/^plan: /),
      expect.stringMatching(/^discipline: Khiển trách — /),
      'initiative: Số hoá hồ sơ khen thưởng',
      'decision: Quyết định số 120/QĐ-UBND',
    ]);
    expect(bin.counts).toMatchObject({ staff: 1, campaign: 1, plan: 1, task: 1, decision: 1, initiative: 1, discipline: 1, registration: 0, dossier: 1, nominee: 0 });
    const d = bin.items.find((i) => i.kind === 'decision')!;
    expect(d).toMatchObject({ detail: 'Bằng khen tỉnh · năm 2024 · UBND tỉnh Lào Cai · 2 người, tập thể', parts: 2, blocked: null, deletedBy: 'Lê Thị Hoa' });
    expect(bin.items.find((i) => i.kind === 'task')!.detail).toBe('Quý 2/2025');
    // who deleted them: the audit trail's entry, or (people, campaigns, tasks) migration 15's
    expect(new Set(bin.items.map((i) => i.deletedBy))).toEqual(new Set(['Lê Thị Hoa']));
    // the plan's campaign is deleted too: the campaign first
    expect(bin.items.find((i) => i.kind === 'plan')!.blocked).toBe('Phong trào "Chuyển đổi số" của kế hoạch cũng đã bị xóa: hãy khôi phục phong trào trước.');
    // search without diacritics, and by kind
    expect(titles(await core.invoke('trash.list', { search: 'so hoa ho so khen thuong' }))).toContain('initiative: Số hoá hồ sơ khen thưởng');
    expect(titles(await core.invoke('trash.list', { search: 'so hoa ho so khen thuong', kind: 'initiative' }))).toEqual(['initiative: Số hoá hồ sơ khen thưởng']);
    expect(await core.invoke('trash.list', { search: 'khong co gi nhu the' })).toMatchObject({ items: [], total: 0, counts: { staff: 1 } });
    // words in any order, the kind's name among them
    expect(titles(await core.invoke('trash.list', { search: 'quy ii nhiem vu' }))).toEqual(['task: Kiểm tra công tác thi đua quý II']);
    expect((await core.invoke('trash.list', { kind: 'decision' })).items.map((i) => i.id)).toEqual([decision.id]);
    expect((await core.invoke('trash.list', { limit: 3 })).items).toHaveLength(3);

    // the decision comes back with both recipients; the audit trail says so
    expect(await core.invoke('trash.restore', { kind: 'decision', id: decision.id })).toEqual({ kind: 'decision', id: decision.id, title: 'Quyết định số 120/QĐ-UBND', parts: 2, splitFrom: null });
    expect((await core.invoke('records.listDecisions', { search: '120' })).map((x) => x.recipientCount)).toEqual([2]);
    const history = await core.invoke('audit.forRecord', { table: 'award_decision', id: decision.id });
    expect(history.entries.filter((e) => e.recordId === decision.id).map((e) => e.action)).toEqual(['insert', 'soft_delete', 'restore']);
    expect(history.entries.at(-1)!.actor).toBe('Lê Thị Hoa');

    // refused while its campaign is deleted; nothing written
    await expect(core.invoke('trash.restore', { kind: 'plan', id: plan.id })).rejects.toThrow('hãy khôi phục phong trào trước');
    expect(live(core, 'plan', plan.id)).toBe(false);
    await core.invoke('trash.restore', { kind: 'campaign', id: campaign.id });
    await core.invoke('trash.restore', { kind: 'plan', id: plan.id });
    expect((await core.invoke('plans.list', {})).map((p) => p.id)).toContain(plan.id);

    // the dossier with its nominee and the nominee's report
    expect(await core.invoke('trash.restore', { kind: 'dossier', id: dossier.id })).toMatchObject({ parts: 1 });
    expect((await core.invoke('dossiers.get', { id: dossier.id })).nominees.map((n) => n.staffId)).toEqual([ids.E]);
    expect(reports()).toBe(reportsBefore);

    // the person is found again by the staff search (its index built before, patched by the restore)
    const g = bin.items.find((i) => i.kind === 'staff')!.title;
    expect((await core.invoke('staff.list', { search: g })).rows.map((s) => s.id)).not.toContain(ids.G);
    await core.invoke('trash.restore', { kind: 'staff', id: ids.G });
    expect((await core.invoke('staff.list', { search: g })).rows.map((s) => s.id)).toContain(ids.G);
    for (const [kind, id] of [['task', task.id], ['initiative', initiative.id], ['discipline', discipline.id]] as const) await core.invoke('trash.restore', { kind, id });
    expect((await core.invoke('trash.list')).total).toBe(0);
    // the checker sees the reprimand again
    expect(await ldttOfD()).not.toBe('du_dieu_kien');
    // twice: the record is no longer in the bin
    await expect(core.invoke('trash.restore', { kind: 'task', id: task.id })).rejects.toThrow('không còn trong Thùng rác');
  });

  it('refuses what would orphan or duplicate a record, and names what to do', async () => {
    const { core, ids, units } = await historyOffice();
    cores.push(core);
    // an initiative of a person deleted after it: the person first
    const initiative = await core.invoke('records.saveInitiative', { data: { staffId: ids.A, year: 2024, title: 'Cải tiến biểu mẫu', scope: 'co_so' } });
    await core.invoke('records.deleteInitiative', { id: initiative.id });
    await core.invoke('staff.delete', { id: ids.A });
    const a = (await core.invoke('trash.list', { kind: 'initiative' })).items[0]!;
    expect(a.blocked).toMatch(/^Cán bộ .+ cũng đã bị xóa: hãy khôi phục cán bộ trước\.$/);
    await expect(core.invoke('trash.restore', { kind: 'initiative', id: initiative.id })).rejects.toThrow('hãy khôi phục cán bộ trước');
    await core.invoke('trash.restore', { kind: 'staff', id: ids.A });
    await core.invoke('trash.restore', { kind: 'initiative', id: initiative.id });
    expect(live(core, 'initiative', initiative.id)).toBe(true);

    // a person added again after the deletion: restoring would make two
    const b = await core.invoke('staff.get', { id: ids.B });
    await core.invoke('staff.delete', { id: ids.B });
    await core.invoke('staff.create', { fullName: b.fullName, birthDate: b.birthDate, gender: b.gender, unitId: b.unitId });
    await expect(core.invoke('trash.restore', { kind: 'staff', id: ids.B })).rejects.toThrow(/\(có thể đã được thêm lại, hoặc bản ghi này đã được gộp vào người đó\)/);
    expect(live(core, 'staff', ids.B)).toBe(false);

    // a registration made again
    const reg = await core.invoke('records.saveRegistration', { data: { year: 2025, kind: 'unit', unitId: units.vp, awardCode: 'TT_LDTT' } });
    await core.invoke('records.deleteRegistration', { id: reg.id });
    await core.invoke('records.saveRegistration', { data: { year: 2025, kind: 'unit', unitId: units.vp, awardCode: 'TT_LDTT' } });
    await expect(core.invoke('trash.restore', { kind: 'registration', id: reg.id })).rejects.toThrow('không cần khôi phục');

    // a grid cell emptied, then ticked again: the grid made a new decision
    const grid = (ldtt: boolean) =>
      core.invoke('records.saveYearGrid', { unitId: units.ncc, year: 2024, rows: [{ staffId: ids.C, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: ldtt, CSTDCS: false } }] });
    await grid(true);
    await grid(false);
    const emptied = (await core.invoke('trash.list', { kind: 'decision' })).items;
    expect(emptied).toHaveLength(1);
    expect(emptied[0]).toMatchObject({ title: 'Quyết định chưa có số', parts: 1, blocked: null });
    await grid(true);
    expect((await core.invoke('trash.list', { kind: 'decision' })).items[0]!.blocked).toMatch(/^Bảng tổng hợp cuối năm đã ghi lại LĐTT năm 2024 của đơn vị này/);
    await expect(core.invoke('trash.restore', { kind: 'decision', id: emptied[0]!.id })).rejects.toThrow('hãy sửa ở bảng tổng hợp');

    // bad input: a kind the bin does not hold, an id not deleted
    await expect(core.invoke('trash.restore', { kind: 'unit' as never, id: units.vp })).rejects.toThrow('Loại bản ghi không khôi phục được ở Thùng rác.');
    await expect(core.invoke('trash.restore', { kind: 'staff', id: ids.C })).rejects.toThrow('không còn trong Thùng rác');
  });

  it('a nominee taken out of a dossier comes back with the report typed for them', async () => {
    const { core, ids } = await historyOffice();
    cores.push(core);
    const d = await core.invoke('dossiers.create', { year: 2024, awardCode: 'GIAY_KHEN' });
    const detail = await core.invoke('dossiers.addNominees', { id: d.id, nominees: [ids.A, ids.E].map((staffId) => ({ kind: 'person' as const, staffId })) });
    const em = detail.nominees.find((n) => n.staffId === ids.E)!;
    const draft = await core.invoke('dossiers.getReport', { nomineeId: em.id });
    const typed = 'Phụ trách tiếp nhận hồ sơ một cửa; số hóa 1.250 hồ sơ trong năm.';
    await core.invoke('dossiers.saveReport', { nomineeId: em.id, content: { ...draft.content, sections: draft.content.sections.map((x) => (x.id === 'nhiem_vu' ? { ...x, text: typed } : x)) } });
    await core.invoke('dossiers.removeNominee', { id: em.id });
    const item = (await core.invoke('trash.list', { kind: 'nominee' })).items[0]!;
    expect(item).toMatchObject({ id: em.id, title: 'Hoàng Văn Em', blocked: null });
    expect(item.detail).toMatch(/hồ sơ ".+" · cùng báo cáo thành tích đã soạn$/);
    await core.invoke('trash.restore', { kind: 'nominee', id: em.id });
    expect((await core.invoke('dossiers.get', { id: d.id })).nominees.map((n) => n.id).sort()).toEqual(detail.nominees.map((n) => n.id).sort());
    const back = await core.invoke('dossiers.getReport', { nomineeId: em.id });
    expect(back.saved).toBe(true);
    expect(back.content.sections.find((x) => x.id === 'nhiem_vu')!.text).toBe(typed);

    // added again after the removal: nothing to restore
    await core.invoke('dossiers.removeNominee', { id: em.id });
    await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId: ids.E }] });
    await expect(core.invoke('trash.restore', { kind: 'nominee', id: em.id })).rejects.toThrow('Hoàng Văn Em đã có lại trong hồ sơ');
    // the dossier sent since: reopen it first
    const again = (await core.invoke('dossiers.get', { id: d.id })).nominees.find((n) => n.staffId === ids.E)!;
    await core.invoke('dossiers.removeNominee', { id: again.id });
    await core.invoke('dossiers.prefillReports', { id: d.id });
    await completeAndSubmit(core, d.id);
    await expect(core.invoke('trash.restore', { kind: 'nominee', id: again.id })).rejects.toThrow('bấm "Mở lại để sửa" trong hồ sơ rồi khôi phục');
    await core.invoke('dossiers.reopen', { id: d.id });
    await core.invoke('trash.restore', { kind: 'nominee', id: again.id });
    expect((await core.invoke('dossiers.get', { id: d.id })).nominees).toHaveLength(2);
  });

  it("evidence files, and a task's files and notes, come back; what they belong to first", async () => {
    const { core, ids } = await historyOffice();
    cores.push(core);
    const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text}`).toString('base64');
    const d = await core.invoke('dossiers.create', { year: 2024, awardCode: 'GIAY_KHEN' });
    const detail = await core.invoke('dossiers.addNominees', { id: d.id, nominees: [{ kind: 'person', staffId: ids.A }] });
    const nominee = detail.nominees[0]!;
    const own = await core.invoke('dossiers.addAttachment', { dossierId: d.id, nomineeId: nominee.id, fileName: 'QĐ công nhận sáng kiến.pdf', fileBase64: pdf('a') });
    const common = await core.invoke('dossiers.addAttachment', { dossierId: d.id, nomineeId: null, fileName: 'Biên bản bình xét.pdf', fileBase64: pdf('b') });
    const file = (x: typeof own, name: string) => x.attachments.find((a) => a.fileName === name)!.id;
    const ownId = file(own, 'QĐ công nhận sáng kiến.pdf');
    const commonId = file(common, 'Biên bản bình xét.pdf');
    await core.invoke('dossiers.removeAttachment', { id: commonId });
    const ev = (await core.invoke('trash.list', { kind: 'evidence' })).items;
    expect(ev.map((i) => [i.title, i.blocked])).toEqual([['Biên bản bình xét.pdf', null]]);
    expect(ev[0]!.detail).toMatch(/^hồ sơ ".+" · 1 KB$/);
    await core.invoke('trash.restore', { kind: 'evidence', id: commonId });
    expect((await core.invoke('dossiers.get', { id: d.id })).attachments.map((a) => a.fileName).sort()).toEqual(['Biên bản bình xét.pdf', 'QĐ công nhận sáng kiến.pdf']);
    // a nominee's evidence taken out with them is not listed on its own: it comes back with them
    await core.invoke('dossiers.removeNominee', { id: nominee.id });
    expect((await core.invoke('trash.list', { kind: 'evidence' })).total).toBe(0);
    await core.invoke('trash.restore', { kind: 'nominee', id: nominee.id });
    expect((await core.invoke('dossiers.get', { id: d.id })).attachments.map((a) => a.id)).toContain(ownId);

    const task = await core.invoke('tasks.create', { year: 2025, quarter: 1, title: 'Tổng hợp thành tích' });
    await core.invoke('tasks.addNote', { taskId: task.id, text: 'Đã nhận báo cáo của 5 đơn vị; còn thiếu Phòng Người có công.' });
    const withFile = await core.invoke('tasks.addAttachment', { taskId: task.id, fileName: 'Báo cáo.pdf', fileBase64: pdf('c') });
    const t = await core.invoke('tasks.get', { id: task.id });
    const noteId = t.notes[0]!.id;
    // one after the other: the list shows the last first
    await core.invoke('tasks.deleteNote', { id: noteId });
    await sleep(3);
    await core.invoke('tasks.deleteAttachment', { id: withFile.id });
    await sleep(3);
    await core.invoke('tasks.delete', { id: task.id });
    const bin = await core.invoke('trash.list');
    expect(bin.items.map((i) => [i.kind, i.title])).toEqual([
      ['task', 'Tổng hợp thành tích'],
      ['task_file', 'Báo cáo.pdf'],
      ['task_note', 'Đã nhận báo cáo của 5 đơn vị; còn thiếu Phòng Người có công.'],
    ]);
    expect(bin.items[2]!.blocked).toBe('Nhiệm vụ "Tổng hợp thành tích" cũng đã bị xóa: hãy khôi phục nhiệm vụ trước.');
    await expect(core.invoke('trash.restore', { kind: 'task_note', id: noteId })).rejects.toThrow('hãy khôi phục nhiệm vụ trước');
    await core.invoke('trash.restore', { kind: 'task', id: task.id });
    await core.invoke('trash.restore', { kind: 'task_note', id: noteId });
    await core.invoke('trash.restore', { kind: 'task_file', id: withFile.id });
    const back = await core.invoke('tasks.get', { id: task.id });
    expect([back.notes.map((n) => n.id), back.attachments.map((a) => a.id)]).toEqual([[noteId], [withFile.id]]);
  });

  it('several ticked come back together, what they hang on first, or none of them', async () => {
    const { core, ids } = await historyOffice();
    cores.push(core);
    const idea = await core.invoke('records.saveInitiative', { data: { staffId: ids.A, year: 2024, title: 'Số hoá hồ sơ khen thưởng', scope: 'co_so' } });
    const task = await core.invoke('tasks.create', { year: 2025, quarter: 1, title: 'Tổng hợp thành tích' });
    await core.invoke('tasks.addNote', { taskId: task.id, text: 'Đã nhận báo cáo của 5 đơn vị.' });
    const noteId = (await core.invoke('tasks.get', { id: task.id })).notes[0]!.id;
    await core.invoke('records.deleteInitiative', { id: idea.id });
    await core.invoke('staff.delete', { id: ids.A });
    await core.invoke('tasks.deleteNote', { id: noteId });
    await core.invoke('tasks.delete', { id: task.id });
    const bin = () => core.invoke('trash.list').then((l) => l.items.map((i) => i.kind).sort());
    const before = await bin();
    // the note without its task: refused, named; the person and the initiative stay deleted too
    await expect(
      core.invoke('trash.restoreMany', {
        items: [
          { kind: 'initiative', id: idea.id },
          { kind: 'staff', id: ids.A },
          { kind: 'task_note', id: noteId },
        ],
      }),
    ).rejects.toThrow('Chưa khôi phục bản ghi nào. Ghi chú tiến độ "Đã nhận báo cáo của 5 đơn vị.": Nhiệm vụ "Tổng hợp thành tích" cũng đã bị xóa');
    expect(await bin()).toEqual(before);
    expect([live(core, 'staff', ids.A), live(core, 'initiative', idea.id)]).toEqual([false, false]);
    // ticked in any order: the person before her initiative, the task before its note
    expect(
      await core.invoke('trash.restoreMany', {
        items: [
          { kind: 'task_note', id: noteId },
          { kind: 'initiative', id: idea.id },
          { kind: 'task', id: task.id },
          { kind: 'staff', id: ids.A },
        ],
      }),
    ).toEqual({ restored: 4 });
    expect(await bin()).toEqual([]);
    expect((await core.invoke('tasks.get', { id: task.id })).notes.map((n) => n.id)).toEqual([noteId]);
  });

  it("holds only this office's deletions, and a restore travels to the province", async () => {
    const a = await makeOffice(OFFICE_A);
    const p = await makeProvince();
    cores.push(a, p);
    await p.invoke('exchange.apply', { ...src(await exportBytes(a)), resolveAll: null });
    const ngoc = (await staffByName(a)).get('Trần Thị Bích Ngọc')!;
    await sleep(5);
    await a.invoke('staff.delete', { id: ngoc.id });
    await p.invoke('exchange.apply', { ...src(await exportBytes(a)), resolveAll: null });
    expect(live(p, 'staff', ngoc.id)).toBe(false);
    // the province did not delete it: its bin is empty
    expect((await p.invoke('trash.list')).total).toBe(0);
    await expect(p.invoke('trash.restore', { kind: 'staff', id: ngoc.id })).rejects.toThrow('không còn trong Thùng rác');

    await sleep(5);
    await a.invoke('trash.restore', { kind: 'staff', id: ngoc.id });
    const bundle = await exportBytes(a);
    expect((await p.invoke('exchange.preview', src(bundle))).totals).toMatchObject({ changed: 1, conflict: 0 });
    await p.invoke('exchange.apply', { ...src(bundle), resolveAll: null });
    expect(live(p, 'staff', ngoc.id)).toBe(true);
  });

  it('tdkt trash list / restore', async () => {
    const db = tempDb();
    const core = await testCore({ dbPath: db });
    const unit = await core.invoke('units.create', { name: 'Văn phòng Sở' });
    const an = await core.invoke('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unitId: unit.id });
    await core.invoke('staff.delete', { id: an.id });
    core.close();
    const cli = cliAt(db);
    const list = await cli('trash', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}\tstaff\t${an.id}\tNguyễn Văn An\tVăn phòng Sở · sinh ngày 05/03/1980\t\nTổng số: 1 bản ghi\\.$`));
    expect(JSON.parse((await cli('trash', 'list', '--kind', 'staff', '--json')).out).items.map((i: { id: string }) => i.id)).toEqual([an.id]);
    expect((await cli('trash', 'list', '--kind', 'unit')).code).toBe(2);
    expect((await cli('trash', 'restore', 'staff')).err).toContain('Thiếu loại và mã bản ghi');
    expect(await cli('trash', 'restore', 'staff', an.id)).toMatchObject({ code: 0, out: 'Đã khôi phục cán bộ: Nguyễn Văn An.' });
    expect((await cli('trash', 'list')).out).toBe('Thùng rác trống.');
    expect(await cli('trash', 'restore', 'staff', an.id)).toMatchObject({ code: 1, err: expect.stringContaining('không còn trong Thùng rác') });
  });
});
