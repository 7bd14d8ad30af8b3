// Initiatives, disciplines and start-of-year registrations: list (year, unit subtree, search
// without diacritics), save, soft delete.
import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import {
  type DisciplineOut,
  type InitiativeOut,
  type RegistrationOut,
  type disciplineInput,
  type initiativeInput,
  type registrationInput,
} from '../../../shared/contract/records';
import { AWARD_CATALOG, type AwardCode } from '../../../shared/awards';
import { compareVi, compareViPersonName, foldVi } from '../../../shared/text/vn';
import {
  achievedKeys,
  findRegistration,
  getDiscipline,
  getInitiative,
  getRegistration,
  getStaffLite,
  getUnitLite,
  insertDiscipline,
  insertInitiative,
  insertRegistration,
  listDisciplines,
  listInitiatives,
  listRegistrations,
  softDeleteRecord,
  staffLite,
  subtreeOf,
  unitsLite,
  updateDiscipline,
  updateInitiative,
  updateRegistration,
  type DisciplineRow,
  type InitiativeRow,
  type RegistrationRow,
  type StaffLite,
} from '../../../db/repositories/records';

export interface ListFilter {
  year: number | null;
  unitId: string | null;
  search: string;
}

interface Lookup {
  staff: Map<string, StaffLite>;
  unitNames: Map<string, string>;
  scope: Set<string> | null;
  key: string;
}

function lookup(sqlite: BetterSqlite3.Database, f: ListFilter): Lookup {
  const units = unitsLite(sqlite);
  return {
    // deleted people keep their records; show their names
    staff: new Map(staffLite(sqlite, true).map((s) => [s.id, s])),
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    scope: f.unitId ? subtreeOf(units, f.unitId) : null,
    key: foldVi(f.search),
  };
}

function mustStaff(sqlite: BetterSqlite3.Database, id: string): StaffLite {
  const s = getStaffLite(sqlite, id);
  if (!s) throw new AppError('NOT_FOUND', 'Cán bộ đã chọn không còn trong danh sách (có thể đã bị xóa). Hãy chọn lại.');
  return s;
}

// ---- initiatives ----

function initiativeOut(r: InitiativeRow, l: Lookup): InitiativeOut {
  const s = l.staff.get(r.staff_id);
  return {
    id: r.id,
    staffId: r.staff_id,
    staffName: s?.fullName ?? '',
    unitName: (s?.unitId && l.unitNames.get(s.unitId)) || '',
    year: r.year,
    title: r.title,
    kind: r.kind as InitiativeOut['kind'],
    recognizingBody: r.recognizing_body,
    scope: r.scope as InitiativeOut['scope'],
    recognizedOn: r.recognized_on,
    decisionNo: r.decision_no,
    note: r.note,
  };
}

export function initiativesList(sqlite: BetterSqlite3.Database, f: ListFilter): InitiativeOut[] {
  const l = lookup(sqlite, f);
  return listInitiatives(sqlite, f.year)
    .filter((r) => {
      const s = l.staff.get(r.staff_id);
      if (l.scope && !(s?.unitId && l.scope.has(s.unitId))) return false;
      return !l.key || r.title_key.includes(l.key) || (s?.nameKey ?? '').includes(l.key);
    })
    .map((r) => initiativeOut(r, l))
    .sort((a, b) => b.year - a.year || compareViPersonName(a.staffName, b.staffName) || compareVi(a.title, b.title));
}

export function saveInitiative(sqlite: BetterSqlite3.Database, origin: string, id: string | null, d: z.output<typeof initiativeInput>): InitiativeOut {
  return sqlite.transaction(() => {
    mustStaff(sqlite, d.staffId);
    if (d.recognizedOn && Number(d.recognizedOn.slice(0, 4)) !== d.year) {
      throw new AppError('INVALID_INPUT', `Ngày công nhận (${d.recognizedOn.slice(8, 10)}/${d.recognizedOn.slice(5, 7)}/${d.recognizedOn.slice(0, 4)}) không thuộc năm công nhận ${d.year} — sửa một trong hai.`);
    }
    const fields = {
      staffId: d.staffId,
      year: d.year,
      title: d.title,
      titleKey: foldVi(d.title),
      kind: d.kind,
      recognizingBody: d.recognizingBody,
      scope: d.scope,
      recognizedOn: d.recognizedOn,
      decisionNo: d.decisionNo,
      note: d.note,
    };
    let rowId = id;
    if (id) {
      if (!getInitiative(sqlite, id)) throw new AppError('NOT_FOUND', 'Không tìm thấy sáng kiến (có thể đã bị xóa). Hãy tải lại danh sách.');
      updateInitiative(sqlite, id, fields);
    } else rowId = insertInitiative(sqlite, origin, fields);
    return initiativeOut(getInitiative(sqlite, rowId!)!, lookup(sqlite, { year: null, unitId: null, search: '' }));
  })();
}

// ---- disciplines ----

function disciplineOut(r: DisciplineRow, l: Lookup): DisciplineOut {
  const s = l.staff.get(r.staff_id);
  return {
    id: r.id,
    staffId: r.staff_id,
    staffName: s?.fullName ?? '',
    unitName: (s?.unitId && l.unitNames.get(s.unitId)) || '',
    form: r.form as DisciplineOut['form'],
    fromDate: r.from_date,
    toDate: r.to_date,
    decisionNo: r.decision_no,
    issuer: r.issuer,
    note: r.note,
  };
}

export function disciplinesList(sqlite: BetterSqlite3.Database, f: ListFilter): DisciplineOut[] {
  const l = lookup(sqlite, f);
  return listDisciplines(sqlite)
    .filter((r) => {
      // a year filter keeps the measures in force at some point of that year
      if (f.year !== null && !(r.from_date <= `${f.year}-12-31` && (r.to_date === null || r.to_date >= `${f.year}-01-01`))) return false;
      const s = l.staff.get(r.staff_id);
      if (l.scope && !(s?.unitId && l.scope.has(s.unitId))) return false;
      return !l.key || (s?.nameKey ?? '').includes(l.key) || foldVi(r.decision_no).includes(l.key);
    })
    .map((r) => disciplineOut(r, l))
    .sort((a, b) => b.fromDate.localeCompare(a.fromDate) || compareViPersonName(a.staffName, b.staffName));
}

export function saveDiscipline(sqlite: BetterSqlite3.Database, origin: string, id: string | null, d: z.output<typeof disciplineInput>): DisciplineOut {
  return sqlite.transaction(() => {
    mustStaff(sqlite, d.staffId);
    const fields = { staffId: d.staffId, form: d.form, fromDate: d.fromDate, toDate: d.toDate, decisionNo: d.decisionNo, issuer: d.issuer, note: d.note };
    let rowId = id;
    if (id) {
      if (!getDiscipline(sqlite, id)) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định kỷ luật (có thể đã bị xóa). Hãy tải lại danh sách.');
      updateDiscipline(sqlite, id, fields);
    } else rowId = insertDiscipline(sqlite, origin, fields);
    return disciplineOut(getDiscipline(sqlite, rowId!)!, lookup(sqlite, { year: null, unitId: null, search: '' }));
  })();
}

// ---- registrations ----

function registrationOut(r: RegistrationRow, l: Lookup, achieved: Set<string>): RegistrationOut {
  const s = r.staff_id ? l.staff.get(r.staff_id) : undefined;
  const unitId = r.subject_kind === 'person' ? s?.unitId ?? null : r.unit_id;
  return {
    id: r.id,
    year: r.year,
    kind: r.subject_kind,
    staffId: r.staff_id,
    unitId: r.unit_id,
    name: r.subject_kind === 'person' ? s?.fullName ?? '' : (r.unit_id && l.unitNames.get(r.unit_id)) || '',
    unitName: r.subject_kind === 'person' ? (unitId && l.unitNames.get(unitId)) || '' : '',
    awardCode: r.award_code as AwardCode,
    note: r.note,
    achieved: achieved.has(`${r.subject_kind}|${r.staff_id ?? r.unit_id}|${r.year}|${r.award_code}`),
  };
}

export function registrationsList(sqlite: BetterSqlite3.Database, f: ListFilter): RegistrationOut[] {
  const l = lookup(sqlite, f);
  const achieved = achievedKeys(sqlite, f.year);
  return listRegistrations(sqlite, f.year)
    .filter((r) => {
      const s = r.staff_id ? l.staff.get(r.staff_id) : undefined;
      const unitId = r.subject_kind === 'person' ? s?.unitId : r.unit_id;
      if (l.scope && !(unitId && l.scope.has(unitId))) return false;
      const name = r.subject_kind === 'person' ? s?.nameKey ?? '' : foldVi((r.unit_id && l.unitNames.get(r.unit_id)) || '');
      return !l.key || name.includes(l.key);
    })
    .map((r) => registrationOut(r, l, achieved))
    .sort((a, b) => b.year - a.year || Number(a.kind === 'person') - Number(b.kind === 'person') || compareViPersonName(a.name, b.name));
}

export function saveRegistration(sqlite: BetterSqlite3.Database, origin: string, id: string | null, d: z.output<typeof registrationInput>): RegistrationOut {
  return sqlite.transaction(() => {
    const entry = AWARD_CATALOG[d.awardCode];
    if (d.kind === 'person') {
      mustStaff(sqlite, d.staffId!);
      if (!entry.subjects.includes('individual')) throw new AppError('INVALID_INPUT', `"${entry.name}" là danh hiệu tập thể — cá nhân không đăng ký được. Chọn danh hiệu cá nhân.`);
    } else {
      if (!getUnitLite(sqlite, d.unitId!)) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại.');
      if (!entry.subjects.includes('collective')) throw new AppError('INVALID_INPUT', `"${entry.name}" là danh hiệu cá nhân — tập thể không đăng ký được. Chọn danh hiệu tập thể.`);
    }
    const fields = { year: d.year, kind: d.kind, staffId: d.staffId, unitId: d.unitId, awardCode: d.awardCode, note: d.note };
    const dup = findRegistration(sqlite, { ...fields, staffId: d.kind === 'person' ? d.staffId : null, unitId: d.kind === 'unit' ? d.unitId : null });
    if (dup && dup !== id) throw new AppError('CONFLICT', `Đã có đăng ký "${entry.shortName}" năm ${d.year} cho đối tượng này.`);
    let rowId = id;
    if (id) {
      if (!getRegistration(sqlite, id)) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đăng ký (có thể đã bị xóa). Hãy tải lại danh sách.');
      updateRegistration(sqlite, id, fields);
    } else rowId = insertRegistration(sqlite, origin, fields);
    const row = getRegistration(sqlite, rowId!)!;
    return registrationOut(row, lookup(sqlite, { year: null, unitId: null, search: '' }), achievedKeys(sqlite, row.year));
  })();
}

export function deleteRecord(sqlite: BetterSqlite3.Database, table: 'initiative' | 'discipline' | 'registration', id: string): boolean {
  const ok = softDeleteRecord(sqlite, table, id);
  if (!ok) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi (có thể đã bị xóa). Hãy tải lại danh sách.');
  return ok;
}
