// Two offices build and submit dossiers, carry them to the province in bundles; the province
// sees them, approves one (recording the award decision) and returns the other; return bundles
// bring the outcomes and the decision back; the returned dossier is fixed and sent again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { dumpDb } from '../exchange/helpers';
import { OFFICE_A, OFFICE_B, buildDossier, exportBytes, importBundle, makeOffice, makeProvince, src, storeFile } from './helpers';

const cores: Core[] = [];
const track = <T extends { close(): void }>(c: T) => (cores.push(c as unknown as Core), c);
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const count = (core: Core, table: string, where = 'deleted_at IS NULL') =>
  (core.ctx.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

async function setup() {
  const a = await makeOffice(OFFICE_A);
  const b = await makeOffice(OFFICE_B);
  track(a.core);
  track(b.core);
  const p = track(await makeProvince());
  const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
  const db = await buildDossier(b, OFFICE_B, { docNumber: 12 });
  return { a, b, p, da, db };
}

describe('dossiers in exchange bundles: offices → province → offices', () => {
  it('the province receives both dossiers with nominees, reports, documents and evidence; a second import changes nothing', async () => {
    const { a, b, p, da, db } = await setup();
    expect(da.status).toBe('submitted');
    expect(da.nominees.map((n) => n.name)).toEqual(['Nguyễn Văn An']);
    expect(db.nominees.map((n) => n.name).sort()).toEqual(['Hoàng Văn Đức', 'Phạm Thị Hoa']);

    // a draft dossier stays at the office
    const draft = await a.core.invoke('dossiers.create', { year: 2025, awardCode: 'CSTDCS' });

    const bundleA = await exportBytes(a.core);
    const bundleB = await exportBytes(b.core);
    const preview = await p.invoke('exchange.preview', src(bundleA));
    const groups = Object.fromEntries(preview.groups.map((g) => [g.entity, g.new]));
    expect(groups).toMatchObject({ dossier: 1, dossier_nominee: 1, dossier_report: 1, dossier_document: 4, dossier_attachment: 1, person_year: 5, initiative: 1 });
    expect(groups.award_decision).toBeGreaterThanOrEqual(2);
    await importBundle(p, bundleA);
    await importBundle(p, bundleB);

    const received = await p.invoke('dossiers.list', { scope: 'received' });
    expect(received.map((d) => [d.originOfficeName, d.nomineeCount, d.status]).sort()).toEqual([
      [OFFICE_A.name, 1, 'submitted'],
      [OFFICE_B.name, 2, 'submitted'],
    ]);
    expect(received.every((d) => !d.own)).toBe(true);
    expect(received.some((d) => d.id === draft.id)).toBe(false);
    expect(await p.invoke('dossiers.list', { scope: 'own' })).toEqual([]);

    // contents match, document and evidence bytes by hash
    for (const [office, mine] of [
      [a.core, da],
      [b.core, db],
    ] as const) {
      const there = await p.invoke('dossiers.get', { id: mine.id });
      expect(there.editable).toBe(false);
      expect(there.nominees.map((n) => [n.name, n.votesAgree, n.votesTotal, n.summary, n.hasReport])).toEqual(
        mine.nominees.map((n) => [n.name, n.votesAgree, n.votesTotal, n.summary, true]),
      );
      expect(there.meeting).toEqual(mine.meeting);
      expect(there.documents.map((d) => [d.fileName, d.sha256, d.size])).toEqual(mine.documents.map((d) => [d.fileName, d.sha256, d.size]));
      for (const d of mine.documents) expect(storeFile(p, d.sha256).equals(storeFile(office, d.sha256))).toBe(true);
      expect(there.attachments.map((x) => [x.fileName, x.sha256, x.nomineeName])).toEqual(mine.attachments.map((x) => [x.fileName, x.sha256, x.nomineeName]));
      const file = await p.invoke('dossiers.downloadAttachment', { id: there.attachments[0]!.id });
      expect(Buffer.from(file.base64, 'base64').equals(storeFile(office, mine.attachments[0]!.sha256))).toBe(true);
      // the report travelled as it was saved
      const reportThere = await p.invoke('dossiers.getReport', { nomineeId: there.nominees[0]!.id });
      const reportHere = await office.invoke('dossiers.getReport', { nomineeId: mine.nominees[0]!.id });
      expect(reportThere).toMatchObject({ saved: true, editable: false, content: reportHere.content });
      // the province can run the checklist: the nominees' records came along
      expect((await p.invoke('dossiers.checklist', { id: mine.id })).ok).toBe(true);
    }
    expect(count(p, 'dossier')).toBe(2);
    expect(count(p, 'dossier_nominee')).toBe(3);
    expect(count(p, 'dossier_document')).toBe(4 + 5);
    expect(count(p, 'dossier_attachment')).toBe(2);

    // the province cannot edit a received dossier
    const edit = await p.call('dossiers.removeNominee', { id: (await p.invoke('dossiers.get', { id: da.id })).nominees[0]!.id });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toContain('chỉ xem và ghi kết quả');

    // importing the same bundles again changes nothing
    const before = dumpDb(p);
    expect((await importBundle(p, bundleA)).alreadyApplied).toBe(true);
    expect((await importBundle(p, bundleB)).alreadyApplied).toBe(true);
    expect(dumpDb(p)).toEqual(before);
    // a re-export of an unchanged office compares as "same"
    const again = await p.invoke('exchange.preview', src(await exportBytes(a.core)));
    expect(again.totals).toMatchObject({ new: 0, changed: 0, conflict: 0, deleted: 0 });
  });

  it('approve one (with the decision), return the other; the offices import the outcomes; the returned one is sent again', async () => {
    const { a, b, p, da, db } = await setup();
    await importBundle(p, await exportBytes(a.core));
    await importBundle(p, await exportBytes(b.core));

    const approved = await p.invoke('dossiers.recordOutcome', {
      id: da.id,
      outcome: 'approved',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '10/12/2025',
      decisionIssuer: 'Chủ tịch UBND tỉnh Lào Cai',
      signer: 'Trần Văn Quang',
      createDecision: true,
    });
    expect(approved.status).toBe('approved');
    expect(approved.outcome).toMatchObject({ outcome: 'approved', decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-12-10' });
    const noReason = await p.call('dossiers.recordOutcome', { id: db.id, outcome: 'returned', reason: '' });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.message).toContain('hãy ghi lý do');
    const returned = await p.invoke('dossiers.recordOutcome', { id: db.id, outcome: 'returned', reason: 'Thiếu minh chứng sáng kiến của ông Hoàng Văn Đức.' });
    expect(returned.status).toBe('returned');
    const twice = await p.call('dossiers.recordOutcome', { id: db.id, outcome: 'approved', decisionNumber: '1' });
    expect(twice.ok).toBe(false);

    // the decision is in the province's records, with the nominee as recipient
    const decisions = await p.invoke('records.listDecisions', { year: 2025, search: '1234' });
    expect(decisions).toHaveLength(1);
    const dec = await p.invoke('records.getDecision', { id: decisions[0]!.id });
    expect(dec).toMatchObject({ awardCode: 'BK_TINH', number: '1234/QĐ-UBND', recipientCount: 1 });
    expect(dec.recipients[0]!.name).toBe('Nguyễn Văn An');

    const byStatus = Object.fromEntries((await p.invoke('dossiers.list', { scope: 'received' })).map((d) => [d.originOfficeName, d.status]));
    expect(byStatus).toEqual({ [OFFICE_A.name]: 'approved', [OFFICE_B.name]: 'returned' });
    // the received list is searched by the sending office too, and by the nominees
    const offices = async (search: string) => (await p.invoke('dossiers.list', { scope: 'received', search })).map((d) => d.originOfficeName);
    expect(await offices('sa pa')).toEqual([OFFICE_B.name]);
    expect(await offices('nguyen van an')).toEqual([OFFICE_A.name]);

    // return bundles: one per office
    const backA = await exportBytes(p, 'province-to-office', a.core.ctx.officeId);
    const backB = await exportBytes(p, 'province-to-office', b.core.ctx.officeId);
    const pv = await a.core.invoke('exchange.preview', src(backA));
    expect(pv.info.kind).toBe('province-to-office');
    expect(pv.totals.conflict).toBe(0);
    const g = Object.fromEntries(pv.groups.filter((x) => x.originOfficeId === p.ctx.officeId).map((x) => [x.entity, x.new]));
    expect(g).toMatchObject({ dossier_outcome: 1, award_decision: 1, award_recipient: 1 });
    // B's outcome does not go to A
    expect(pv.groups.some((x) => x.entity === 'dossier' || x.entity === 'dossier_nominee')).toBe(false);
    await importBundle(a.core, backA);
    await importBundle(b.core, backB);

    const atA = await a.core.invoke('dossiers.get', { id: da.id });
    expect(atA.status).toBe('approved');
    expect(atA.outcome).toMatchObject({ decisionNumber: '1234/QĐ-UBND', officeName: 'Sở Nội vụ tỉnh Lào Cai' });
    const aDecisions = await a.core.invoke('records.listDecisions', { year: 2025, search: '1234' });
    expect(aDecisions).toHaveLength(1);
    const t = await a.core.invoke('records.timeline', { kind: 'person', id: a.staffIds.get('Nguyễn Văn An')! });
    expect(t.years.find((y) => y.year === 2025)!.awards.map((x) => [x.code, x.decisionNo])).toContainEqual(['BK_TINH', '1234/QĐ-UBND']);
    // an approved dossier cannot be reopened
    const reopenA = await a.core.call('dossiers.reopen', { id: da.id });
    expect(reopenA.ok).toBe(false);

    const atB = await b.core.invoke('dossiers.get', { id: db.id });
    expect(atB.status).toBe('returned');
    expect(atB.outcome!.reason).toBe('Thiếu minh chứng sáng kiến của ông Hoàng Văn Đức.');
    expect(atB.editable).toBe(false);
    expect(await b.core.invoke('records.listDecisions', { year: 2025, search: '1234' })).toEqual([]);

    // B fixes and sends again: a new submission, "submitted" again at the province
    const reopened = await b.core.invoke('dossiers.reopen', { id: db.id });
    expect(reopened).toMatchObject({ editable: true, status: 'returned' });
    const duc = reopened.nominees.find((n) => n.name === 'Hoàng Văn Đức')!;
    await b.core.invoke('dossiers.addAttachment', { dossierId: db.id, nomineeId: duc.id, fileName: 'sang-kien-duc.pdf', fileBase64: Buffer.from('%PDF-1.4 Đức').toString('base64') });
    const resent = await b.core.invoke('dossiers.submit', { id: db.id });
    expect(resent).toMatchObject({ status: 'submitted', submissionNo: 2 });
    const up = await exportBytes(b.core);
    const pv2 = await p.invoke('exchange.preview', src(up));
    expect(pv2.totals.conflict).toBe(0);
    await importBundle(p, up);
    const atP = await p.invoke('dossiers.get', { id: db.id });
    expect(atP).toMatchObject({ status: 'submitted', submissionNo: 2 });
    expect(atP.attachments).toHaveLength(2);
    expect(atP.outcomes.map((o) => o.outcome)).toEqual(['returned']);
    expect(p.ctx.conn.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(a.core.ctx.conn.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
