// The log travels with the records: an office's bundle carries the log rows of the records it
// carries; the province shows them on the record, attributes its own import writes to the
// import (not to its user), never conflicts on log rows, and sends its own entries back.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { OFFICE_A, PROVINCE, YEAR, buildDossier, exportBytes, importBundle, makeOffice, makeProvince, src } from '../dossiers/helpers';
import { editJson, readJson, repack, unpack } from '../exchange/helpers';
import { logRows, useProfile, type LogRow } from './helpers';

const cores: Core[] = [];
const track = (c: Core) => (cores.push(c), c);
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

type Row = Record<string, unknown>;
const IMPORT_FROM_A = `Nhập gói dữ liệu từ ${OFFICE_A.name}`;

describe('audit log in exchange bundles', () => {
  it('office → province → office: carried, shown on the record, import writes attributed to the import, append-only merge', async () => {
    const a = await makeOffice(OFFICE_A);
    track(a.core);
    const p = track(await makeProvince());
    await useProfile(a.core, 'Đỗ Văn Hải', 'Trưởng phòng');
    await useProfile(p, 'Nguyễn Văn Bình', 'Chuyên viên Sở');
    const d = await buildDossier(a, OFFICE_A, { docNumber: 5 });
    // a draft dossier stays at the office, and so does its log
    const draft = await a.core.invoke('dossiers.create', { year: YEAR, awardCode: 'CSTDCS' });
    const an = a.staffIds.get('Nguyễn Văn An')!;

    // the bundle carries exactly the log rows of the records it carries, all written at the office
    const bytes = await exportBytes(a.core);
    const files = unpack(bytes);
    const carried = readJson<Row[]>(files, 'data/audit_log.json');
    const carriedIds = new Set<string>();
    for (const k of ['person_year', 'initiative', 'award_decision', 'award_recipient', 'dossier', 'dossier_nominee', 'dossier_report', 'dossier_attachment']) {
      for (const r of readJson<Row[]>(files, `data/${k}.json`)) carriedIds.add(`${k}:${r.id as string}`);
    }
    const local = logRows(a.core);
    const expected = local.filter((r) => carriedIds.has(`${r.record_table}:${r.record_id}`));
    expect(carried.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(carried.some((r) => r.record_id === draft.id)).toBe(false);
    expect(carried.every((r) => r.origin_office_id === a.core.ctx.officeId && r.deleted_at === null)).toBe(true);
    expect(carried.find((r) => r.record_table === 'dossier' && r.action === 'insert')).toMatchObject({ actor: 'Đỗ Văn Hải', actor_position: 'Trưởng phòng', source: 'local' });

    // the province: the sender's rows as they were, plus its own rows for the import's writes
    const preview = await p.invoke('exchange.preview', src(bytes));
    expect(preview.groups.find((g) => g.entity === 'audit_log')).toMatchObject({ new: carried.length, conflict: 0 });
    await importBundle(p, bytes);
    const atP = logRows(p);
    const received = atP.filter((r) => r.origin_office_id === a.core.ctx.officeId);
    expect(received.map((r) => r.id).sort()).toEqual(carried.map((r) => r.id as string).sort());
    const mine = atP.filter((r) => r.origin_office_id === p.ctx.officeId);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r).toMatchObject({ actor: IMPORT_FROM_A, actor_position: '', actor_id: null, source: 'import', action: 'insert' });
    // nothing of the import is attributed to the province's user
    expect(atP.some((r) => r.actor === 'Nguyễn Văn Bình')).toBe(false);
    expect(p.ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_session').get()).toEqual({ n: 0 });
    // no received-version bookkeeping for log rows
    expect(p.ctx.conn.sqlite.prepare("SELECT COUNT(*) AS n FROM exchange_record_state WHERE entity = 'audit_log'").get()).toEqual({ n: 0 });

    // the province sees the dossier's history: the office's edits by its user, then the arrival here
    const h = await p.invoke('audit.forRecord', { table: 'dossier', id: d.id });
    const dossierRows = h.entries.filter((e) => e.table === 'dossier');
    expect(dossierRows[0]).toMatchObject({ action: 'insert', actor: 'Đỗ Văn Hải', actorPosition: 'Trưởng phòng', source: 'local', originOfficeName: OFFICE_A.name });
    expect(dossierRows.some((e) => e.action === 'update' && e.changes.some((c) => c.field === 'state' && c.after === 'da_gui'))).toBe(true);
    expect(dossierRows.at(-1)).toMatchObject({ action: 'insert', actor: IMPORT_FROM_A, source: 'import', originOfficeName: PROVINCE.name });
    expect(h.entries.some((e) => e.table === 'dossier_nominee')).toBe(true);
    // and a person's year
    const py = await p.invoke('audit.forRecord', { table: 'person_year', staffId: an, year: YEAR });
    expect(py.entries.map((e) => [e.table, e.source])).toContainEqual(['person_year', 'import']);

    // the same bundle again: nothing; a fresh export of unchanged data: log rows are all "same"
    const count = atP.length;
    expect(await importBundle(p, bytes)).toMatchObject({ alreadyApplied: true });
    const again = await p.invoke('exchange.preview', src(await exportBytes(a.core)));
    expect(again.totals).toMatchObject({ new: 0, changed: 0, conflict: 0, deleted: 0 });
    expect(again.groups.find((g) => g.entity === 'audit_log')).toMatchObject({ new: 0, same: carried.length, conflict: 0 });
    expect(logRows(p)).toHaveLength(count);

    // a bundle whose copy of a log row was altered: ignored, never a conflict, never overwrites
    const victim = carried.find((r) => r.record_table === 'dossier')!;
    const altered = repack(
      editJson<Row[]>(unpack(await exportBytes(a.core)), 'data/audit_log.json', (rows) => {
        const r = rows.find((x) => x.id === victim.id)!;
        r.actor = 'Người khác';
      }),
      { fixManifest: true },
    );
    const pv = await p.invoke('exchange.preview', src(altered));
    expect(pv.totals.conflict).toBe(0);
    await importBundle(p, altered);
    expect(logRows(p).find((r) => r.id === victim.id)!.actor).toBe('Đỗ Văn Hải');

    // a log row cannot arrive deleted: such a bundle is refused before anything is written
    const deleted = repack(
      editJson<Row[]>(unpack(await exportBytes(a.core)), 'data/audit_log.json', (rows) => {
        rows[0]!.deleted_at = new Date().toISOString();
      }),
      { fixManifest: true },
    );
    const refused = await p.call('exchange.preview', src(deleted));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_INVALID' } });

    // the province approves (its user); the outcome and the decision go back with their log
    await p.invoke('dossiers.recordOutcome', {
      id: d.id,
      outcome: 'approved',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '10/12/2025',
      decisionIssuer: 'Chủ tịch UBND tỉnh Lào Cai',
      signer: 'Trần Văn Quang',
      createDecision: true,
    });
    const byBinh = logRows(p).filter((r) => r.actor === 'Nguyễn Văn Bình');
    expect(new Set(byBinh.map((r) => r.record_table))).toEqual(new Set(['dossier_outcome', 'award_decision', 'award_recipient']));
    const back = await exportBytes(p, 'province-to-office', a.core.ctx.officeId);
    const backLog = readJson<Row[]>(unpack(back), 'data/audit_log.json');
    for (const r of byBinh) expect(backLog.some((x) => x.id === r.id)).toBe(true);
    const pvBack = await a.core.invoke('exchange.preview', src(back));
    expect(pvBack.totals.conflict).toBe(0);
    await importBundle(a.core, back);
    const hA = await a.core.invoke('audit.forRecord', { table: 'dossier', id: d.id });
    const outcome = hA.entries.find((e) => e.table === 'dossier_outcome' && e.actor === 'Nguyễn Văn Bình');
    expect(outcome).toMatchObject({ action: 'insert', source: 'local', originOfficeName: PROVINCE.name });
    expect(outcome!.changes).toContainEqual({ field: 'decision_number', before: null, after: '1234/QĐ-UBND' });
    expect(hA.entries.some((e) => e.table === 'dossier_outcome' && e.actor === `Nhập gói dữ liệu từ ${PROVINCE.name}` && e.source === 'import')).toBe(true);

    // the office's next bundle carries only rows written at the office (the reader demands it) and imports cleanly
    const next = await exportBytes(a.core);
    const nextLog = readJson<Row[]>(unpack(next), 'data/audit_log.json');
    expect(nextLog.every((r) => r.origin_office_id === a.core.ctx.officeId)).toBe(true);
    const pvNext = await p.invoke('exchange.preview', src(next));
    expect(pvNext.totals.conflict).toBe(0);
    await importBundle(p, next);
    const rowsAtP = logRows(p);
    expect(new Set(rowsAtP.map((r: LogRow) => r.id)).size).toBe(rowsAtP.length);
  });
});
