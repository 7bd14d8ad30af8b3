// The superior's word recorded on a dossier of one's own (dossiers.recordOutcome on an own,
// sent dossier: the answer came on paper), with the nominees the decision leaves out; and at
// the province, the approval of a dossier consolidated from received ones reaching those
// dossiers and, through the return bundles, the offices — each with its own people only.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { OFFICE_A, OFFICE_B, buildDossier, completeAndSubmit, exportBytes, importBundle, makeOffice, makeProvince, src } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const count = (core: Core, table: string) => (core.ctx.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
const written = (core: Core) => ['dossier_outcome', 'award_decision', 'award_recipient'].map((t) => count(core, t));

const APPROVAL = { outcome: 'approved', decisionNumber: '2150/QĐ-UBND', decisionDate: '15/12/2025', decisionIssuer: 'Chủ tịch UBND tỉnh Lào Cai', signer: 'Trần Văn Quang', createDecision: true } as const;

async function decisionsOf(core: Core, number: string) {
  const list = await core.invoke('records.listDecisions', { year: 2025, search: number });
  return Promise.all(list.map((d) => core.invoke('records.getDecision', { id: d.id })));
}

describe("the superior's answer on paper, recorded on one's own dossier", () => {
  it('is refused before the dossier is sent, then approves with the decision naming those not cut; a second word is refused', async () => {
    const b = await makeOffice(OFFICE_B);
    cores.push(b.core);
    const draft = await buildDossier(b, OFFICE_B, { docNumber: 12, submit: false });
    const early = await b.core.call('dossiers.recordOutcome', { id: draft.id, ...APPROVAL });
    expect(!early.ok && early.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Hồ sơ chưa gửi cấp trên') });
    const sent = await b.core.invoke('dossiers.submit', { id: draft.id });
    expect(sent.nominees.map((n) => n.name).sort()).toEqual(['Hoàng Văn Đức', 'Phạm Thị Hoa']);
    const hoa = sent.nominees.find((n) => n.name === 'Phạm Thị Hoa')!;
    const was = written(b.core);
    // every nominee cut: that is a return, not an approval; an id not in the dossier: reload
    const all = await b.core.call('dossiers.recordOutcome', { id: sent.id, ...APPROVAL, notApproved: sent.nominees.map((n) => n.id) });
    expect(!all.ok && all.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('chọn “Trả lại”') });
    const stranger = await b.core.call('dossiers.recordOutcome', { id: sent.id, ...APPROVAL, notApproved: ['khong-co'] });
    expect(!stranger.ok && stranger.error.code).toBe('NOT_FOUND');
    expect(written(b.core)).toEqual(was);

    const approved = await b.core.invoke('dossiers.recordOutcome', { id: sent.id, ...APPROVAL, notApproved: [hoa.id] });
    expect(approved).toMatchObject({ status: 'approved', outcome: { outcome: 'approved', decisionNumber: '2150/QĐ-UBND', decisionDate: '2025-12-15', decisionIssuer: 'Chủ tịch UBND tỉnh Lào Cai' } });
    const [dec, ...more] = await decisionsOf(b.core, '2150');
    expect(more).toEqual([]);
    expect(dec).toMatchObject({ awardCode: 'BK_TINH', issuer: 'Chủ tịch UBND tỉnh Lào Cai', signer: 'Trần Văn Quang', decisionDate: '2025-12-15' });
    expect(dec!.recipients.map((r) => r.name)).toEqual(['Hoàng Văn Đức']);
    // no cash recorded unless asked for
    expect([dec!.cashAmount, ...dec!.recipients.map((r) => r.cashAmount)]).toEqual([null, null]);
    // the list of own dossiers says so; an approved dossier is not reopened; no second word
    expect((await b.core.invoke('dossiers.list', { scope: 'own' })).map((d) => d.status)).toEqual(['approved']);
    const reopen = await b.core.call('dossiers.reopen', { id: sent.id });
    expect(reopen.ok).toBe(false);
    const twice = await b.core.call('dossiers.recordOutcome', { id: sent.id, outcome: 'returned', reason: 'x' });
    expect(!twice.ok && twice.error.message).toContain('Lần gửi này của hồ sơ đã có kết quả');
    // the decision deleted on the Quyết định tab by mistake: its outcome still names it, the Thùng rác gives it back
    await b.core.invoke('records.deleteDecision', { id: dec!.id });
    expect((await b.core.invoke('trash.list', { kind: 'decision' })).items.map((i) => [i.id, i.parts])).toEqual([[dec!.id, 1]]);
    await b.core.invoke('trash.restore', { kind: 'decision', id: dec!.id });
    expect((await decisionsOf(b.core, '2150'))[0]!.recipients.map((r) => r.name)).toEqual(['Hoàng Văn Đức']);
  });

  it('the decision recorded with the cash the rules set on its date, from the lương cơ sở the office entered too', async () => {
    const b = await makeOffice(OFFICE_B);
    cores.push(b.core);
    const sent = await b.core.invoke('dossiers.submit', { id: (await buildDossier(b, OFFICE_B, { docNumber: 14, submit: false })).id });
    // a Bằng khen tỉnh on 15/12/2025: 1,5 × 2.340.000 = 3.510.000 đ each
    await b.core.invoke('dossiers.recordOutcome', { id: sent.id, ...APPROVAL, cashByRules: true });
    const [dec] = await decisionsOf(b.core, '2150');
    expect(dec!.cashAmount).toBe(3510000);
    expect(dec!.recipients.map((r) => [r.name, r.cashAmount]).sort()).toEqual([
      ['Hoàng Văn Đức', 3510000],
      ['Phạm Thị Hoa', 3510000],
    ]);
    // a second dossier answered on a day the office's own lương cơ sở is in force: 1,5 × 2.530.000 = 3.795.000 → 3.800.000
    const s = await b.core.invoke('awards.getSettings');
    await b.core.invoke('awards.saveSettings', { ...s, baseSalaries: [{ from: '01/01/2026', amount: 2530000, basis: 'Nghị định số 1/2026/NĐ-CP' }] });
    const next = await b.core.invoke('dossiers.submit', { id: (await buildDossier(b, OFFICE_B, { docNumber: 15, submit: false })).id });
    await b.core.invoke('dossiers.recordOutcome', { id: next.id, ...APPROVAL, decisionNumber: '20/QĐ-UBND', decisionDate: '10/01/2026', cashByRules: true });
    const [later] = await Promise.all((await b.core.invoke('records.listDecisions', { year: null, search: '20/QĐ-UBND' })).map((d) => b.core.invoke('records.getDecision', { id: d.id })));
    expect(later!.cashAmount).toBe(3800000);
    expect(later!.recipients.every((r) => r.cashAmount === 3800000)).toBe(true);
  });

  it('a return lets the office mend and send again; the next word is for the next submission', async () => {
    const a = await makeOffice(OFFICE_A);
    cores.push(a.core);
    const sent = await buildDossier(a, OFFICE_A, { docNumber: 5 });
    const decisions = count(a.core, 'award_decision');
    const returned = await a.core.invoke('dossiers.recordOutcome', { id: sent.id, outcome: 'returned', reason: 'Bổ sung bản sao quyết định công nhận sáng kiến.' });
    expect(returned).toMatchObject({ status: 'returned', outcome: { outcome: 'returned', reason: 'Bổ sung bản sao quyết định công nhận sáng kiến.' } });
    expect(count(a.core, 'award_decision')).toBe(decisions);
    await a.core.invoke('dossiers.reopen', { id: sent.id });
    const again = await a.core.invoke('dossiers.submit', { id: sent.id });
    expect(again).toMatchObject({ status: 'submitted', submissionNo: 2 });
    const approved = await a.core.invoke('dossiers.recordOutcome', { id: sent.id, ...APPROVAL, createDecision: false });
    expect(approved.status).toBe('approved');
    expect(approved.outcomes.map((o) => [o.submissionNo, o.outcome])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
    expect(count(a.core, 'award_decision')).toBe(decisions);
  });
});

/** Offices A (one nominee) and B (two) send their dossiers; the province consolidates and sends them up. */
async function consolidatedAndSent() {
  const a = await makeOffice(OFFICE_A);
  const b = await makeOffice(OFFICE_B);
  const p = await makeProvince();
  cores.push(a.core, b.core, p);
  const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
  const db = await buildDossier(b, OFFICE_B, { docNumber: 12 });
  await importBundle(p, await exportBytes(a.core));
  await importBundle(p, await exportBytes(b.core));
  const c = await p.invoke('dossiers.consolidate', { ids: [da.id, db.id] });
  const sent = await completeAndSubmit(p, c.id);
  expect(sent.status).toBe('submitted');
  const back = async (o: typeof a) => importBundle(o.core, await exportBytes(p, 'province-to-office', o.core.ctx.officeId));
  return { a, b, p, da, db, c, sent, back };
}

describe('an answer typed in, then the superior\'s bundle', () => {
  it("the province's decision and outcome replace those the office typed: one award, not two", async () => {
    const a = await makeOffice(OFFICE_A);
    const p = await makeProvince();
    cores.push(a.core, p);
    const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
    await importBundle(p, await exportBytes(a.core));
    // the office types the answer from the paper, before the province's bundle comes
    await a.core.invoke('dossiers.recordOutcome', { id: da.id, ...APPROVAL });
    expect((await decisionsOf(a.core, '2150')).map((d) => d.recipients.map((r) => r.name))).toEqual([['Nguyễn Văn An']]);
    // the province records it too and sends its result back
    await p.invoke('dossiers.recordOutcome', { id: da.id, ...APPROVAL });
    const back = await exportBytes(p, 'province-to-office', a.core.ctx.officeId);
    // the preview says what the import replaces
    const preview = await a.core.invoke('exchange.preview', src(back));
    expect(preview.notes).toEqual([`Kết quả ghi tay của hồ sơ “${da.title}” (quyết định số 2150/QĐ-UBND) sẽ được thay bằng kết quả của cấp trên trong gói.`]);
    await importBundle(a.core, back);
    const decisions = await decisionsOf(a.core, '2150');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.recipients.map((r) => r.name)).toEqual(['Nguyễn Văn An']);
    const [atProvince] = await decisionsOf(p, '2150');
    expect(decisions[0]!.id).toBe(atProvince!.id);
    const d = await a.core.invoke('dossiers.get', { id: da.id });
    expect(d.outcomes).toHaveLength(1);
    expect(d.outcome).toMatchObject({ outcome: 'approved', officeName: expect.stringContaining('Sở Nội vụ') });
    // the typed answer the import replaced is the app's bookkeeping, not a deletion to undo
    expect((await a.core.invoke('trash.list', { kind: 'decision' })).total).toBe(0);
    // the award counts once in the statistics
    const stats = await a.core.invoke('records.stats', { yearFrom: 2025, yearTo: 2025 });
    expect(stats.filter((r) => r.form === 'BK_TINH').reduce((n, r) => n + r.count, 0)).toBe(1);
    // the next bundle up carries the deletions: the province holds the one decision too
    await importBundle(p, await exportBytes(a.core));
    expect(await decisionsOf(p, '2150')).toHaveLength(1);
  });
});

describe('an answer typed in and sent up', () => {
  it("gives way to the province's own word at the province, and the office ends with the province's", async () => {
    const a = await makeOffice(OFFICE_A);
    const p = await makeProvince();
    cores.push(a.core, p);
    const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
    await importBundle(p, await exportBytes(a.core));
    await a.core.invoke('dossiers.recordOutcome', { id: da.id, ...APPROVAL, decisionNumber: '99/QĐ-GHI-TAY' });
    // the office's next bundle carries its typed answer up: the province sees it answered …
    await importBundle(p, await exportBytes(a.core));
    expect(await p.invoke('dossiers.get', { id: da.id })).toMatchObject({ status: 'approved', outcome: { decisionNumber: '99/QĐ-GHI-TAY', typedByOrigin: true } });
    expect(await decisionsOf(p, '99/QĐ-GHI-TAY')).toHaveLength(1);
    // … yet records its own word, which replaces the typed one there
    const answered = await p.invoke('dossiers.recordOutcome', { id: da.id, ...APPROVAL });
    expect(answered.outcomes.map((o) => [o.decisionNumber, o.typedByOrigin])).toEqual([['2150/QĐ-UBND', false]]);
    expect(await decisionsOf(p, '99/QĐ-GHI-TAY')).toEqual([]);
    // and the office, importing the province's bundle, holds the province's answer only
    await importBundle(a.core, await exportBytes(p, 'province-to-office', a.core.ctx.officeId));
    expect((await a.core.invoke('dossiers.get', { id: da.id })).outcomes.map((o) => o.decisionNumber)).toEqual(['2150/QĐ-UBND']);
    expect(await decisionsOf(a.core, '99/QĐ-GHI-TAY')).toEqual([]);
    expect((await decisionsOf(a.core, '2150')).map((d) => d.recipients.map((r) => r.name))).toEqual([['Nguyễn Văn An']]);
  });
});

describe('a dossier the province consolidated and sent up', () => {
  it("replaces the answer an office typed in for its dossier with the province's: one decision, one outcome", async () => {
    const { a, p, da, c, back } = await consolidatedAndSent();
    // office A has the UBND's decision on paper and types it in on its own dossier
    await a.core.invoke('dossiers.recordOutcome', { id: da.id, ...APPROVAL });
    await p.invoke('dossiers.recordOutcome', { id: c.id, ...APPROVAL });
    const bundle = await exportBytes(p, 'province-to-office', a.core.ctx.officeId);
    expect((await a.core.invoke('exchange.preview', src(bundle))).notes).toEqual([
      `Kết quả ghi tay của hồ sơ “${da.title}” (quyết định số 2150/QĐ-UBND) sẽ được thay bằng kết quả của cấp trên trong gói.`,
    ]);
    await back(a);
    const decisions = await decisionsOf(a.core, '2150');
    expect(decisions.map((d) => d.recipients.map((r) => r.name))).toEqual([['Nguyễn Văn An']]);
    expect(decisions[0]!.id).toBe((await decisionsOf(p, '2150'))[0]!.id);
    const d = await a.core.invoke('dossiers.get', { id: da.id });
    expect(d.outcomes).toHaveLength(1);
    expect(d).toMatchObject({ status: 'approved', outcome: { decisionId: decisions[0]!.id } });
  });

  it("passes the superior's approval to the received dossiers, and each office gets the decision with its own people", async () => {
    const { a, b, p, da, db, c, sent, back } = await consolidatedAndSent();
    // the superior returns it: the province mends its own dossier, the offices' wait on
    await p.invoke('dossiers.recordOutcome', { id: c.id, outcome: 'returned', reason: 'Bổ sung biên bản họp Hội đồng có chữ ký.' });
    expect((await p.invoke('dossiers.get', { id: c.id })).sources.map((s) => s.status)).toEqual(['submitted', 'submitted']);
    await p.invoke('dossiers.reopen', { id: c.id });
    await p.invoke('dossiers.submit', { id: c.id });

    // approved, Phạm Thị Hoa cut
    const hoa = sent.nominees.find((n) => n.name === 'Phạm Thị Hoa')!;
    const approved = await p.invoke('dossiers.recordOutcome', { id: c.id, ...APPROVAL, notApproved: [hoa.id] });
    expect(approved.status).toBe('approved');
    expect(approved.sources.map((s) => s.status)).toEqual(['approved', 'approved']);
    // one decision at the province, naming who was approved
    const [dec, ...more] = await decisionsOf(p, '2150');
    expect(more).toEqual([]);
    expect(dec!.recipients.map((r) => r.name).sort()).toEqual(['Hoàng Văn Đức', 'Nguyễn Văn An']);
    for (const id of [da.id, db.id])
      expect((await p.invoke('dossiers.get', { id })).outcome).toMatchObject({ outcome: 'approved', decisionNumber: '2150/QĐ-UBND', decisionIssuer: 'Chủ tịch UBND tỉnh Lào Cai', decisionId: dec!.id });

    // the return bundles: each office learns its dossier was approved, and records the decision
    // with its own people only (the other office's are not its to hold)
    for (const [o, d, names] of [
      [a, da, ['Nguyễn Văn An']],
      [b, db, ['Hoàng Văn Đức']],
    ] as const) {
      await back(o);
      expect(await o.core.invoke('dossiers.get', { id: d.id })).toMatchObject({ status: 'approved', outcome: { decisionNumber: '2150/QĐ-UBND' } });
      const [there, ...others] = await decisionsOf(o.core, '2150');
      expect(others).toEqual([]);
      expect(there).toMatchObject({ number: '2150/QĐ-UBND', issuer: 'Chủ tịch UBND tỉnh Lào Cai', awardCode: 'BK_TINH' });
      expect(there!.recipients.map((r) => r.name)).toEqual(names);
    }
  });

  it('answers a received dossier none of whose people the decision names as not approved; its office gets no decision', async () => {
    const { a, b, p, db, c, sent, back } = await consolidatedAndSent();
    const cut = sent.nominees.filter((n) => n.name !== 'Nguyễn Văn An').map((n) => n.id);
    expect(cut).toHaveLength(2);
    const approved = await p.invoke('dossiers.recordOutcome', { id: c.id, ...APPROVAL, notApproved: cut });
    expect(Object.fromEntries(approved.sources.map((s) => [s.officeName, s.status]))).toEqual({ [OFFICE_A.name]: 'approved', [OFFICE_B.name]: 'returned' });
    const reason = `Không có người, tập thể nào của hồ sơ được khen thưởng tại Quyết định số 2150/QĐ-UBND ngày 15/12/2025 của Chủ tịch UBND tỉnh Lào Cai (hồ sơ đã được tổng hợp trình cấp trên trong hồ sơ “${c.title}”).`;
    expect((await p.invoke('dossiers.get', { id: db.id })).outcome).toMatchObject({ outcome: 'returned', reason, decisionId: null });
    await back(b);
    expect(await b.core.invoke('dossiers.get', { id: db.id })).toMatchObject({ status: 'returned', outcome: { reason } });
    expect(await decisionsOf(b.core, '2150')).toEqual([]);
    await back(a);
    expect((await decisionsOf(a.core, '2150')).map((d) => d.recipients.map((r) => r.name))).toEqual([['Nguyễn Văn An']]);
  });

  it('leaves alone a received dossier answered or sent again since it was consolidated', async () => {
    const { a, p, da, db, c } = await consolidatedAndSent();
    // office A mends and sends its dossier again meanwhile; office B's is answered by the province
    await a.core.invoke('dossiers.reopen', { id: da.id });
    await a.core.invoke('dossiers.submit', { id: da.id });
    await importBundle(p, await exportBytes(a.core));
    await p.invoke('dossiers.recordOutcome', { id: db.id, outcome: 'returned', reason: 'Thiếu minh chứng.' });
    const before = (await p.invoke('dossiers.get', { id: c.id })).sources;
    expect(before.map((s) => [s.officeName, s.status, s.resubmitted])).toEqual([
      [OFFICE_A.name, 'submitted', true],
      [OFFICE_B.name, 'returned', false],
    ]);
    const approved = await p.invoke('dossiers.recordOutcome', { id: c.id, ...APPROVAL });
    expect(approved.sources).toEqual(before);
    expect((await p.invoke('dossiers.get', { id: da.id })).outcomes).toEqual([]);
    expect((await p.invoke('dossiers.get', { id: db.id })).outcomes.map((o) => o.outcome)).toEqual(['returned']);
  });
});
