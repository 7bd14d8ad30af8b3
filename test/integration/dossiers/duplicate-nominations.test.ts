// The checklist warns of a nominee the office proposes twice for one award and year, or who
// already has it — not of the dossier's own answer, nor of dossiers tied by consolidation.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { historyOffice } from '../records/helpers';
import { completeAndSubmit } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

describe('duplicate nominations', () => {
  it('warns of a nominee in two dossiers of one award and year, and of one already awarded it', async () => {
    const { core, ids } = await historyOffice();
    cores.push(core);
    const make = async (title: string, staffIds: string[], year = 2024) => {
      const d = await core.invoke('dossiers.create', { year, awardCode: 'GIAY_KHEN', title });
      await core.invoke('dossiers.addNominees', { id: d.id, nominees: staffIds.map((staffId) => ({ kind: 'person' as const, staffId })) });
      return d.id;
    };
    const first = await make('Đề nghị tặng Giấy khen đợt 1', [ids.A, ids.B]);
    const second = await make('Đề nghị tặng Giấy khen đợt 2', [ids.A, ids.C]);
    // another year's dossier is another achievement
    await make('Đề nghị tặng Giấy khen năm 2023', [ids.A], 2023);
    const warnings = async (id: string) =>
      (await core.invoke('dossiers.checklist', { id })).items.filter((i) => i.code === 'duplicate_nomination' || i.code === 'already_awarded').map((i) => i.message);

    expect(await warnings(first)).toEqual([
      'Ông/bà Nguyễn Văn An: cũng được đề nghị Giấy khen năm 2024 trong hồ sơ "Đề nghị tặng Giấy khen đợt 2" — một thành tích chỉ đề nghị một lần. Hãy bỏ khỏi một trong hai hồ sơ.',
    ]);
    expect((await warnings(second))[0]).toContain('trong hồ sơ "Đề nghị tặng Giấy khen đợt 1"');

    // already awarded for the year by a decision recorded by hand
    await core.invoke('records.saveDecision', { data: { number: '7/QĐ-SNV', decisionDate: '20/01/2025', year: 2024, awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: ids.B }] } });
    expect(await warnings(first)).toContain('Ông/bà Trần Thị Bích: đã có Giấy khen năm 2024 (quyết định số 7/QĐ-SNV ngày 20/01/2025). Hãy kiểm tra lại trước khi đề nghị.');
    // … but not by the answer to this very dossier, nor an award of another year or form
    core.ctx.conn.sqlite
      .prepare(
        `INSERT INTO award_decision (id, origin_office_id, created_at, updated_at, number, award_code, year, source, batch_key) VALUES ('ans', ?, '2025-02-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', '9/QĐ', 'GIAY_KHEN', 2024, 'manual', ?)`,
      )
      .run(core.ctx.officeId, `dossier:${second}:GIAY_KHEN`);
    core.ctx.conn.sqlite
      .prepare(`INSERT INTO award_recipient (id, origin_office_id, created_at, updated_at, decision_id, subject_kind, staff_id, name) VALUES ('ans-c', ?, '2025-02-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z', 'ans', 'person', ?, 'Lê Văn Cường')`)
      .run(core.ctx.officeId, ids.C);
    await core.invoke('records.saveDecision', { data: { number: '3/QĐ-SNV', year: 2023, awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: ids.C }] } });
    await core.invoke('records.saveDecision', { data: { number: '4/QĐ-SNV', year: 2024, awardCode: 'BK_TINH', recipients: [{ kind: 'person', staffId: ids.C }] } });
    expect((await warnings(second)).filter((m) => m.includes('Cường'))).toEqual([]);

    // once a dossier is answered, its nominees' awards are the answer's: no more warnings
    await core.invoke('dossiers.prefillReports', { id: first });
    await completeAndSubmit(core, first);
    expect((await warnings(first)).length).toBeGreaterThan(0);
    await core.invoke('dossiers.recordOutcome', { id: first, outcome: 'approved', decisionNumber: '15/QĐ-SNV', decisionDate: '15/12/2025', decisionIssuer: 'Sở Nội vụ', signer: 'Lê Văn Sở', createDecision: false });
    expect(await warnings(first)).toEqual([]);

    // taken out of one dossier: the other no longer warns
    expect((await warnings(second))[0]).toContain('trong hồ sơ "Đề nghị tặng Giấy khen đợt 1"');
    const d2 = await core.invoke('dossiers.get', { id: second });
    await core.invoke('dossiers.removeNominee', { id: d2.nominees.find((n) => n.staffId === ids.A)!.id });
    expect(await warnings(second)).toEqual([]);
  });

  it('the proposals mark those another dossier already proposes for the award', async () => {
    const { core, ids, units } = await historyOffice();
    cores.push(core);
    const row = (staffId: string) => ({ staffId, rating: 'HTTNV' as const, maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } });
    await core.invoke('records.saveYearGrid', { unitId: units.vp, year: 2024, rows: [row(ids.A), row(ids.B)] });
    const one = await core.invoke('dossiers.create', { year: 2024, awardCode: 'LDTT', title: 'Lao động tiên tiến đợt 1' });
    await core.invoke('dossiers.addNominees', { id: one.id, nominees: [{ kind: 'person', staffId: ids.A }] });
    const two = await core.invoke('dossiers.create', { year: 2024, awardCode: 'LDTT', title: 'Lao động tiên tiến đợt 2' });
    const c = await core.invoke('dossiers.candidates', { id: two.id });
    const marks = Object.fromEntries(c.eligible.filter((x) => x.id === ids.A || x.id === ids.B).map((x) => [x.id, [x.inDossier, x.elsewhere]]));
    expect(marks).toEqual({ [ids.A]: [false, 'Lao động tiên tiến đợt 1'], [ids.B]: [false, null] });
    // in its own dossier it is "đã trong hồ sơ", not elsewhere
    const own = (await core.invoke('dossiers.candidates', { id: one.id })).eligible.find((x) => x.id === ids.A)!;
    expect([own.inDossier, own.elsewhere]).toEqual([true, null]);
  });
});
