// Writes the generated data set through the app's own paths:
// - office profile: the `office.save` handler; units: the units repository (tree order);
//   staff: `bulkInsertStaff` (the Excel import's writer);
// - award records: the records repository's writers (upsertPersonYear, insertDecision,
//   insertRecipient, insertInitiative, insertDiscipline, insertRegistration) — the functions
//   the year-end grid, the decision editor and the Excel import call — in ONE SQLite
//   transaction for speed (the grid would open one per unit and year). LĐTT/CSTĐCS are
//   recorded the way the year-end grid records them: one grid decision per unit, year and
//   title (batch_key grid:<unit>:<year>:<code>), numbered; Bằng khen, CSTĐ tỉnh and the
//   collective titles as one decision per year each, like decisions entered by hand;
// - tasks: the tasks repository (insertTask, replaceTaskUnits: what `tasks.create` runs) in one
//   transaction — the handler, one call and transaction per task, took ≈50 ms a call here;
// - dossiers: the dossier handlers (create, addNominees, saveMeeting, prefillReports,
//   addAttachment, submit), nominees taken from the eligibility checker's proposals for the
//   dossier's year (one checker run per year, as `dossiers.candidates` does per call).
import type BetterSqlite3 from 'better-sqlite3';
import { insertUnit } from '../db/repositories/units';
import { bulkInsertStaff, type StaffFields } from '../db/repositories/staff';
import { nowIso } from '../db/ids';
import { insertTask, replaceTaskUnits } from '../db/repositories/tasks';
import {
  insertDecision,
  insertDiscipline,
  insertInitiative,
  insertRecipient,
  insertRegistration,
  upsertPersonYear,
  type DecisionFields,
} from '../db/repositories/records';
import type { Core } from '../electron/core/core';
import { gridBatchKey, numberKey } from '../electron/services/records/grid';
import { eligibilityFor } from '../electron/services/dossiers/records';
import type { AwardCode } from '../shared/awards';
import { foldVi } from '../shared/text/vn';
import { OFFICE } from './office';
import { resolveUnits, type Dataset } from './dataset';
import { nowMs } from './stats';

/** Units in tree order through the repository; returns the unit ids by key. */
export async function insertUnitTree(core: Core, ds: Dataset): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await core.ctx.db.transaction().execute(async (trx) => {
    for (const u of ds.units) {
      const parentId = u.parentKey ? ids.get(u.parentKey)! : null;
      ids.set(u.key, await insertUnit(trx, core.ctx.officeId, { ...u.fields, parentId }));
    }
  });
  return ids;
}

/** Units in tree order through the repository; returns the staff rows with real unit ids. */
export async function insertUnits(core: Core, ds: Dataset): Promise<StaffFields[]> {
  return resolveUnits(ds.staff, await insertUnitTree(core, ds));
}

export interface PopulateStep {
  step: string;
  rows: number;
  ms: number;
}

export interface Populated {
  steps: PopulateStep[];
  /** rows per table after populating */
  tables: Record<string, number>;
}

/** Office profile, units, staff, 10 years of award records, tasks and dossiers into a fresh core's database. */
export async function populate(core: Core, ds: Dataset, log: (m: string) => void = () => {}): Promise<Populated> {
  const steps: PopulateStep[] = [];
  const step = async <T>(name: string, fn: () => Promise<T> | T, rows: (v: T) => number): Promise<T> => {
    const t0 = nowMs();
    const v = await fn();
    steps.push({ step: name, rows: rows(v), ms: nowMs() - t0 });
    log(`  ${name}: ${rows(v).toLocaleString('en')} rows, ${Math.round(nowMs() - t0)} ms`);
    return v;
  };
  const sqlite = core.ctx.conn.sqlite;
  await core.invoke('office.save', OFFICE);
  const unitIds = await step('units', () => insertUnitTree(core, ds), (m) => m.size);
  await step('staff (bulkInsertStaff)', () => bulkInsertStaff(sqlite, core.ctx.officeId, resolveUnits(ds.staff, unitIds)), (n) => n);
  // bulkInsertStaff inserts in list order: rowid order is the data set's order
  const staffIds = (sqlite.prepare('SELECT id FROM staff ORDER BY rowid').pluck().all() as string[]);
  if (staffIds.length !== ds.staff.length) throw new Error(`expected ${ds.staff.length} staff rows, found ${staffIds.length}`);
  await step('award records (repositories, one transaction)', () => writeRecords(sqlite, core.ctx.officeId, ds, staffIds, unitIds), (n) => n);
  await step('tasks (tasks repository, one transaction)', () => writeTasks(core, ds, staffIds, unitIds), (n) => n);
  await step('dossiers (dossier handlers)', () => writeDossiers(core, ds, log), (n) => n);
  const tables: Record<string, number> = {};
  for (const t of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]) {
    tables[t] = sqlite.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number;
  }
  return { steps, tables };
}

const PROVINCE = 'Ủy ban nhân dân tỉnh Lào Cai';

function writeRecords(sqlite: BetterSqlite3.Database, origin: string, ds: Dataset, staffIds: string[], unitIds: Map<string, string>): number {
  const rec = ds.records;
  const unitName = new Map(ds.units.map((u) => [u.key, u.fields.name]));
  const parentName = new Map(ds.units.map((u) => [u.key, u.parentKey ? unitName.get(u.parentKey)! : OFFICE.name]));
  const staffUnitKey = (i: number) => ds.staff[i]!.unitId!;
  let rows = 0;
  const tx = sqlite.transaction(() => {
    const now = nowIso();
    for (const p of rec.personYears) {
      upsertPersonYear(
        sqlite,
        origin,
        { staffId: staffIds[p.staff]!, year: p.year, unitId: unitIds.get(staffUnitKey(p.staff)) ?? null, rating: p.rating, maternityLeave: p.maternity, underReview: false },
        now,
      );
      rows++;
    }
    const numbers = new Map<string, number>();
    const decision = (code: AwardCode, year: number, issuer: string, suffix: string, extra: Partial<DecisionFields>): string => {
      const k = (numbers.get(`${year}${suffix}`) ?? 0) + 1;
      numbers.set(`${year}${suffix}`, k);
      const number = `${k}/QĐ-${suffix}`;
      rows++;
      return insertDecision(
        sqlite,
        origin,
        {
          number,
          numberKey: numberKey(number),
          decisionDate: `${year}-12-${String(15 + (k % 14)).padStart(2, '0')}`,
          issuer,
          signer: '',
          awardCode: code,
          otherForm: '',
          basis: 'thuong_xuyen',
          year,
          campaignId: null,
          cashAmount: null,
          source: 'manual',
          batchKey: null,
          note: '',
          ...extra,
        },
        now,
      );
    };
    // LĐTT / CSTĐCS: grid decisions per (unit, year, title); the others: one decision per year and title
    const grid = new Map<string, string>();
    const yearly = new Map<string, string>();
    const sortOrder = new Map<string, number>();
    for (const t of rec.titles) {
      const uKey = staffUnitKey(t.staff);
      const uId = unitIds.get(uKey)!;
      let decisionId: string;
      if (t.code === 'LDTT' || t.code === 'CSTDCS') {
        const key = gridBatchKey(uId, t.year, t.code);
        decisionId =
          grid.get(key) ??
          decision(t.code, t.year, OFFICE.name, OFFICE.abbreviation, { source: 'grid', batchKey: key, note: `Ghi từ bảng nhập cuối năm ${t.year} — ${unitName.get(uKey)!}` });
        grid.set(key, decisionId);
      } else {
        const key = `${t.year}:${t.code}`;
        decisionId = yearly.get(key) ?? decision(t.code, t.year, PROVINCE, 'UBND', {});
        yearly.set(key, decisionId);
      }
      const order = (sortOrder.get(decisionId) ?? 0) + 1;
      sortOrder.set(decisionId, order);
      insertRecipient(
        sqlite,
        origin,
        { decisionId, kind: 'person', staffId: staffIds[t.staff]!, unitId: null, name: ds.staff[t.staff]!.fullName, unitName: unitName.get(uKey)!, cashAmount: null, sortOrder: order },
        now,
      );
      rows++;
    }
    for (const t of rec.unitTitles) {
      const key = `${t.year}:${t.code}`;
      const decisionId = yearly.get(key) ?? decision(t.code, t.year, t.code === 'TT_LDXS' ? PROVINCE : OFFICE.name, t.code === 'TT_LDXS' ? 'UBND' : OFFICE.abbreviation, {});
      yearly.set(key, decisionId);
      const order = (sortOrder.get(decisionId) ?? 0) + 1;
      sortOrder.set(decisionId, order);
      insertRecipient(
        sqlite,
        origin,
        { decisionId, kind: 'unit', staffId: null, unitId: unitIds.get(t.unit)!, name: unitName.get(t.unit)!, unitName: parentName.get(t.unit)!, cashAmount: null, sortOrder: order },
        now,
      );
      rows++;
    }
    for (const i of rec.initiatives) {
      insertInitiative(
        sqlite,
        origin,
        {
          staffId: staffIds[i.staff]!,
          year: i.year,
          title: i.title,
          titleKey: foldVi(i.title),
          kind: i.kind,
          recognizingBody: i.scope === 'tinh' ? 'Hội đồng sáng kiến tỉnh' : `Hội đồng sáng kiến ${OFFICE.name}`,
          scope: i.scope,
          recognizedOn: i.recognizedOn,
          decisionNo: i.decisionNo,
          note: '',
        },
        now,
      );
      rows++;
    }
    for (const d of rec.disciplines) {
      insertDiscipline(sqlite, origin, { staffId: staffIds[d.staff]!, form: d.form, fromDate: d.from, toDate: d.to, decisionNo: d.decisionNo, issuer: OFFICE.name, note: '' }, now);
      rows++;
    }
    for (const g of rec.registrations) {
      insertRegistration(
        sqlite,
        origin,
        { year: g.year, kind: g.kind, staffId: g.staff === null ? null : staffIds[g.staff]!, unitId: g.unit === null ? null : unitIds.get(g.unit)!, awardCode: g.code, note: '' },
        now,
      );
      rows++;
    }
  });
  tx();
  return rows;
}

/** Tasks through the tasks repository (insertTask, replaceTaskUnits — what `tasks.create` runs), one transaction. */
async function writeTasks(core: Core, ds: Dataset, staffIds: string[], unitIds: Map<string, string>): Promise<number> {
  const unitName = new Map(ds.units.map((u) => [u.key, u.fields.name]));
  const ref = (role: 'lead' | 'coordinating', key: string) => ({ role, unit_id: unitIds.get(key)!, unit_name: unitName.get(key)!, name_key: foldVi(unitName.get(key)!) });
  const order = new Map<number, number>();
  await core.ctx.db.transaction().execute(async (trx) => {
    for (const t of ds.tasks) {
      const sortOrder = (order.get(t.year) ?? 0) + 1;
      order.set(t.year, sortOrder);
      const id = await insertTask(trx, core.ctx.officeId, {
        year: t.year,
        quarter: t.quarter,
        due_date: t.dueDate,
        title: t.title,
        title_key: foldVi(t.title),
        description: t.description,
        timing: '',
        status: t.status,
        completed_on: t.status === 'hoan_thanh' ? (t.dueDate ?? `${t.year}-12-31`) : null,
        responsible_staff_id: t.responsible === null ? null : staffIds[t.responsible]!,
        responsible_name: '',
        source: 'manual',
        plan_id: null,
        plan_task_id: null,
        calendar_key: null,
        copied_from_id: null,
        sort_order: sortOrder,
      });
      await replaceTaskUnits(trx, core.ctx.officeId, id, [ref('lead', t.lead), ...t.coordinating.map((c) => ref('coordinating', c))]);
    }
  });
  return ds.tasks.length;
}

const COUNCIL = ['Nguyễn Văn Bình', 'Trần Thị Hương', 'Lê Minh Tuấn', 'Phạm Thu Trang', 'Hoàng Đức Long', 'Vũ Thị Lan', 'Đặng Quang Huy', 'Bùi Thị Mai', 'Đỗ Văn Nam'];

/** The council meeting of a dossier and a vote for every nominee (7–9 of 9 agree). */
export function meetingFor(year: number, nomineeIds: readonly string[]) {
  return {
    meeting: {
      date: `${year}-12-10`,
      time: '14 giờ 00',
      place: `Phòng họp ${OFFICE.name}`,
      chair: COUNCIL[0]!,
      chairTitle: 'Giám đốc, Chủ tịch Hội đồng',
      secretary: COUNCIL[3]!,
      membersPresent: COUNCIL,
      membersTotal: 11,
      number: 3,
    },
    votes: nomineeIds.map((nomineeId, i) => ({ nomineeId, agree: 7 + (i % 3), total: COUNCIL.length })),
  };
}

/** A small stand-in for a scanned evidence file (≈24 KB of PDF-looking bytes). */
export function evidenceBytes(seed: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% minh chung ${seed}\n`);
  const body = Buffer.alloc(24 * 1024);
  let x = seed * 2654435761;
  for (let i = 0; i < body.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    body[i] = x >>> 24;
  }
  return Buffer.concat([head, body]);
}

async function writeDossiers(core: Core, ds: Dataset, log: (m: string) => void): Promise<number> {
  const sqlite = core.ctx.conn.sqlite;
  const lookups = new Map<number, ReturnType<typeof eligibilityFor>>();
  const used = new Set<string>();
  let made = 0;
  let submitted = 0;
  for (const d of ds.dossiers) {
    let lookup = lookups.get(d.year);
    if (!lookup) lookups.set(d.year, (lookup = eligibilityFor(sqlite, d.year, OFFICE.name)));
    // every k-th eligible subject not yet in a dossier of that year and award
    const eligible = lookup.subjects(d.awardCode, 'du_dieu_kien').filter((s) => !used.has(`${d.year}:${d.awardCode}:${s.id}`));
    if (eligible.length === 0) continue;
    const step = Math.max(1, Math.floor(eligible.length / d.nominees));
    const chosen = eligible.filter((_, i) => i % step === 0).slice(0, d.nominees);
    for (const s of chosen) used.add(`${d.year}:${d.awardCode}:${s.id}`);
    const created = await core.invoke('dossiers.create', { year: d.year, awardCode: d.awardCode, title: '' });
    const withNominees = await core.invoke('dossiers.addNominees', {
      id: created.id,
      nominees: chosen.map((s) => ({ kind: s.kind, staffId: s.kind === 'person' ? s.id : null, unitId: s.kind === 'unit' ? s.id : null })),
    });
    await core.invoke('dossiers.saveMeeting', { id: created.id, ...meetingFor(d.year, withNominees.nominees.map((n) => n.id)) });
    await core.invoke('dossiers.prefillReports', { id: created.id });
    for (let k = 0; k < Math.min(d.attachments, withNominees.nominees.length); k++) {
      await core.invoke('dossiers.addAttachment', {
        dossierId: created.id,
        nomineeId: withNominees.nominees[k]!.id,
        fileName: `QD-cong-nhan-sang-kien-${k + 1}.pdf`,
        fileBase64: evidenceBytes(made * 10 + k).toString('base64'),
        note: 'Quyết định công nhận sáng kiến',
      });
    }
    if (d.submit) {
      await core.invoke('dossiers.submit', { id: created.id });
      submitted++;
    }
    made++;
  }
  log(`  dossiers: ${made} built, ${submitted} submitted`);
  return made;
}
