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
  type registrationsAddInput,
} from '../../../shared/contract/records';
import { AWARD_CATALOG, type AwardCode } from '../../../shared/awards';
import { compareVi, foldQuery, foldVi, formatDateVi, matchesQuery, type FoldedQuery } from '../../../shared/text/vn';
import { farFutureProblem } from '../../../shared/records/dates';
import { officeUnitLabels } from '../../../shared/units/tree';
import { officeNameOf } from '../../../db/repositories/exchange';
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
  listRegistrationTuples,
  softDeleteRecord,
  staffLiteByIds,
  subtreeOf,
  unitsLite,
  updateDiscipline,
  updateInitiative,
  updateRegistration,
  type DisciplineListTuple,
  type InitiativeListTuple,
  type RegistrationListTuple,
  type StaffLite,
} from '../../../db/repositories/records';
import { indexedStaff, personNameRanks, staffIndex, type StaffIndex } from '../staff/search-index';

export interface ListFilter {
  year: number | null;
  unitId: string | null;
  search: string;
}

/** A person as the lists show them: an index entry, or a staff row shaped as one. */
interface Known {
  staff: { fullName: string; unitId: string | null };
  /** the folded name */
  key: string;
}

interface Lookup {
  /** the listed rows' people by staff id */
  person: (id: string) => Known | undefined;
  unitNames: Map<string, string>;
  scope: Set<string> | null;
  /** the search, folded (matchesQuery: "nguyen an" finds Nguyễn Văn An) */
  query: FoldedQuery;
}

/** The search matches the row's texts (a title and a name, say) read together. */
function matchesRow(q: FoldedQuery, ...texts: string[]): boolean {
  return matchesQuery(texts.join(' \u0000 '), q);
}

/**
 * The people of some rows: live ones from the staff index (reading all 30,000 staff rows per
 * call was most of a list's time), the others from the table — deleted people keep their
 * records; show their names. Without an index (inside a transaction) all from the table.
 */
function peopleOf(sqlite: BetterSqlite3.Database, idx: StaffIndex | null, staffIds: readonly string[]): (id: string) => Known | undefined {
  const live = idx ? indexedStaff(idx) : () => undefined;
  const rest = new Set<string>();
  for (const id of staffIds) if (!live(id)) rest.add(id);
  const others = new Map(staffLiteByIds(sqlite, [...rest]).map((s) => [s.id, { staff: s, key: s.nameKey }]));
  return (id) => live(id) ?? others.get(id);
}

function lookup(sqlite: BetterSqlite3.Database, f: ListFilter, idx: StaffIndex | null, staffIds: readonly string[]): Lookup {
  const units = unitsLite(sqlite);
  return {
    person: peopleOf(sqlite, idx, staffIds),
    // on screen, a name other units share comes with its parents: "Văn phòng (Sở Tài chính)", and
    // at the province with its office where two offices share it
    unitNames: officeUnitLabels(units, officeNameOf(sqlite)),
    scope: f.unitId ? subtreeOf(units, f.unitId) : null,
    query: foldQuery(f.search),
  };
}

const NO_FILTER: ListFilter = { year: null, unitId: null, search: '' };

/** `items` sorted by a comparison of their positions (stable: ties keep the rows' table order). */
function sortedBy<T>(items: readonly T[], compare: (a: number, b: number) => number): T[] {
  return Array.from(items.keys())
    .sort(compare)
    .map((i) => items[i]!);
}

function mustStaff(sqlite: BetterSqlite3.Database, id: string): StaffLite {
  const s = getStaffLite(sqlite, id);
  if (!s) throw new AppError('NOT_FOUND', 'Cán bộ đã chọn không còn trong danh sách (có thể đã bị xóa). Hãy chọn lại.');
  return s;
}

// ---- initiatives ----

function initiativeOut(r: InitiativeListTuple, p: Known | undefined, unitNames: Map<string, string>): InitiativeOut {
  return {
    id: r[0],
    staffId: r[1],
    staffName: p?.staff.fullName ?? '',
    unitName: (p?.staff.unitId && unitNames.get(p.staff.unitId)) || '',
    year: r[2],
    title: r[3],
    kind: r[4] as InitiativeOut['kind'],
    recognizingBody: r[5],
    scope: r[6] as InitiativeOut['scope'],
    recognizedOn: r[7],
    decisionNo: r[8],
    note: r[9],
  };
}

export function initiativesList(sqlite: BetterSqlite3.Database, f: ListFilter): InitiativeOut[] {
  const idx = staffIndex(sqlite);
  const rows = listInitiatives(sqlite, f.year, foldVi(f.search) !== '');
  const l = lookup(sqlite, f, idx, rows.map((r) => r[1]));
  const out: InitiativeOut[] = [];
  for (const r of rows) {
    const p = l.person(r[1]);
    if (l.scope && !(p?.staff.unitId && l.scope.has(p.staff.unitId))) continue;
    if (l.query.words.length && !matchesRow(l.query, r[10]!, p?.key ?? '')) continue;
    out.push(initiativeOut(r, p, l.unitNames));
  }
  // by year, then person as compareViPersonName (the index's order), then title
  const years = Int32Array.from(out, (o) => o.year);
  const rank = personNameRanks(idx, out.map((o) => o.staffId), out.map((o) => o.staffName));
  return sortedBy(out, (a, b) => years[b]! - years[a]! || rank[a]! - rank[b]! || compareVi(out[a]!.title, out[b]!.title));
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
    const r = getInitiative(sqlite, rowId!)!;
    const row: InitiativeListTuple = [r.id, r.staff_id, r.year, r.title, r.kind, r.recognizing_body, r.scope, r.recognized_on, r.decision_no, r.note];
    const l = lookup(sqlite, NO_FILTER, null, [r.staff_id]);
    return initiativeOut(row, l.person(r.staff_id), l.unitNames);
  })();
}

// ---- disciplines ----

function disciplineOut(r: DisciplineListTuple, p: Known | undefined, unitNames: Map<string, string>): DisciplineOut {
  return {
    id: r[0],
    staffId: r[1],
    staffName: p?.staff.fullName ?? '',
    unitName: (p?.staff.unitId && unitNames.get(p.staff.unitId)) || '',
    form: r[2] as DisciplineOut['form'],
    fromDate: r[3],
    toDate: r[4],
    decisionNo: r[5],
    issuer: r[6],
    note: r[7],
  };
}

export function disciplinesList(sqlite: BetterSqlite3.Database, f: ListFilter): DisciplineOut[] {
  const idx = staffIndex(sqlite);
  // a year filter keeps the measures in force at some point of that year
  const rows = listDisciplines(sqlite, f.year);
  const l = lookup(sqlite, f, idx, rows.map((r) => r[1]));
  const out: DisciplineOut[] = [];
  for (const r of rows) {
    const p = l.person(r[1]);
    if (l.scope && !(p?.staff.unitId && l.scope.has(p.staff.unitId))) continue;
    if (l.query.words.length && !matchesRow(l.query, p?.key ?? '', foldVi(r[5]))) continue;
    out.push(disciplineOut(r, p, l.unitNames));
  }
  const rank = personNameRanks(idx, out.map((o) => o.staffId), out.map((o) => o.staffName));
  return sortedBy(out, (a, b) => out[b]!.fromDate.localeCompare(out[a]!.fromDate) || rank[a]! - rank[b]!);
}

/** Save a discipline; `today` (ISO) bounds its dates (a mistyped year) — dates already recorded stay as they are. */
export function saveDiscipline(sqlite: BetterSqlite3.Database, origin: string, id: string | null, d: z.output<typeof disciplineInput>, today: string): DisciplineOut {
  return sqlite.transaction(() => {
    mustStaff(sqlite, d.staffId);
    const existing = id ? getDiscipline(sqlite, id) : undefined;
    if (id && !existing) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định kỷ luật (có thể đã bị xóa). Hãy tải lại danh sách.');
    for (const [label, date, was] of [
      ['Ngày bắt đầu', d.fromDate, existing?.from_date],
      ['Ngày hết hiệu lực', d.toDate, existing?.to_date],
    ] as const) {
      const problem = date && date !== was ? farFutureProblem(date, today) : null;
      if (problem) throw new AppError('INVALID_INPUT', `${label} ${formatDateVi(date)} ${problem}`);
    }
    const fields = { staffId: d.staffId, form: d.form, fromDate: d.fromDate, toDate: d.toDate, decisionNo: d.decisionNo, issuer: d.issuer, note: d.note };
    let rowId = id;
    if (id) {
      updateDiscipline(sqlite, id, fields);
    } else rowId = insertDiscipline(sqlite, origin, fields);
    const r = getDiscipline(sqlite, rowId!)!;
    const row: DisciplineListTuple = [r.id, r.staff_id, r.form, r.from_date, r.to_date, r.decision_no, r.issuer, r.note];
    const l = lookup(sqlite, NO_FILTER, null, [r.staff_id]);
    return disciplineOut(row, l.person(r.staff_id), l.unitNames);
  })();
}

// ---- registrations ----

const achievedKey = (r: RegistrationListTuple) => `${r[2]}|${r[3] ?? r[4]}|${r[1]}|${r[5]}`;

/** `p`: the person of a person's registration */
function registrationOut(r: RegistrationListTuple, p: Known | undefined, unitNames: Map<string, string>, achieved: Set<string>): RegistrationOut {
  const person = r[2] === 'person';
  const unitId = person ? p?.staff.unitId ?? null : r[4];
  return {
    id: r[0],
    year: r[1],
    kind: r[2],
    staffId: r[3],
    unitId: r[4],
    name: person ? p?.staff.fullName ?? '' : (r[4] && unitNames.get(r[4])) || '',
    unitName: person ? (unitId && unitNames.get(unitId)) || '' : '',
    awardCode: r[5] as AwardCode,
    note: r[6],
    achieved: achieved.has(achievedKey(r)),
  };
}

/** Achieved among these registrations: only the decisions of their years and titles are read. */
function achievedOf(sqlite: BetterSqlite3.Database, rows: readonly RegistrationListTuple[]): Set<string> {
  return achievedKeys(sqlite, [...new Set(rows.map((r) => `${r[1]}|${r[5]}`))]);
}

/** A year's registrations as the reports count them: no names or units to look up. */
export function registrationFacts(sqlite: BetterSqlite3.Database, year: number): Array<Pick<RegistrationOut, 'kind' | 'awardCode' | 'achieved'>> {
  const rows = listRegistrationTuples(sqlite, year);
  const achieved = achievedOf(sqlite, rows);
  return rows.map((r) => ({ kind: r[2] as RegistrationOut['kind'], awardCode: r[5] as RegistrationOut['awardCode'], achieved: achieved.has(achievedKey(r)) }));
}

export function registrationsList(sqlite: BetterSqlite3.Database, f: ListFilter): RegistrationOut[] {
  const idx = staffIndex(sqlite);
  const rows = listRegistrationTuples(sqlite, f.year);
  const l = lookup(sqlite, f, idx, rows.filter((r) => r[2] === 'person' && r[3]).map((r) => r[3]!));
  const personOf = (r: RegistrationListTuple) => (r[2] === 'person' && r[3] ? l.person(r[3]) : undefined);
  const unitKeys = new Map<string, string>();
  const unitKey = (id: string | null) => {
    let k = unitKeys.get(id ?? '');
    if (k === undefined) unitKeys.set(id ?? '', (k = foldVi((id && l.unitNames.get(id)) || '')));
    return k;
  };
  const kept: RegistrationListTuple[] = [];
  const people: Array<Known | undefined> = [];
  for (const r of rows) {
    const p = personOf(r);
    const unitId = r[2] === 'person' ? p?.staff.unitId : r[4];
    if (l.scope && !(unitId && l.scope.has(unitId))) continue;
    if (l.query.words.length && !matchesRow(l.query, r[2] === 'person' ? p?.key ?? '' : unitKey(r[4]))) continue;
    kept.push(r);
    people.push(p);
  }
  const achieved = achievedOf(sqlite, kept);
  const out = kept.map((r, i) => registrationOut(r, people[i], l.unitNames, achieved));
  // by year, units before people, then name as compareViPersonName (the index's order)
  const years = Int32Array.from(out, (o) => o.year);
  const persons = Uint8Array.from(out, (o) => (o.kind === 'person' ? 1 : 0));
  const rank = personNameRanks(idx, out.map((o) => (o.kind === 'person' ? o.staffId : null)), out.map((o) => o.name));
  return sortedBy(out, (a, b) => years[b]! - years[a]! || persons[a]! - persons[b]! || rank[a]! - rank[b]!);
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
    const r = getRegistration(sqlite, rowId!)!;
    const row: RegistrationListTuple = [r.id, r.year, r.subject_kind, r.staff_id, r.unit_id, r.award_code, r.note];
    const person = r.subject_kind === 'person' && r.staff_id ? r.staff_id : null;
    const l = lookup(sqlite, NO_FILTER, null, person ? [person] : []);
    return registrationOut(row, person ? l.person(person) : undefined, l.unitNames, achievedOf(sqlite, [row]));
  })();
}

/** records.addRegistrations: each person registered for the title unless already; all or nothing. */
export function addRegistrations(sqlite: BetterSqlite3.Database, origin: string, d: z.output<typeof registrationsAddInput>): { created: number; already: number } {
  const entry = AWARD_CATALOG[d.awardCode];
  if (!entry.subjects.includes('individual') || entry.kind !== 'title') {
    throw new AppError('INVALID_INPUT', `"${entry.name}" không phải danh hiệu thi đua cá nhân để đăng ký. Chọn danh hiệu cá nhân (Lao động tiên tiến, Chiến sĩ thi đua…).`);
  }
  return sqlite.transaction(() => {
    let created = 0;
    let already = 0;
    for (const staffId of d.staffIds) {
      mustStaff(sqlite, staffId);
      const fields = { year: d.year, kind: 'person' as const, staffId, unitId: null, awardCode: d.awardCode, note: d.note };
      if (findRegistration(sqlite, fields)) already++;
      else {
        insertRegistration(sqlite, origin, fields);
        created++;
      }
    }
    return { created, already };
  })();
}

export function deleteRecord(sqlite: BetterSqlite3.Database, table: 'initiative' | 'discipline' | 'registration', id: string): boolean {
  const ok = softDeleteRecord(sqlite, table, id);
  if (!ok) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi (có thể đã bị xóa). Hãy tải lại danh sách.');
  return ok;
}
