// Timelines (a person's or a unit's records year by year) and award statistics for the chart.
import type BetterSqlite3 from 'better-sqlite3';
import { AWARD_CATALOG, NO_UNIT_NAME, disciplineAtLeast, recordedFormName, statsByOffice, type AwardCode, type Rating } from '../../../shared/awards';
import { officeNameOf } from '../../../db/repositories/exchange';
import { AppError } from '../../../shared/contract/errors';
import { awardFormLabel, type AwardStatsRow, type Timeline, type TimelineYear } from '../../../shared/contract/records';
import { compareVi, formatDateVi } from '../../../shared/text/vn';
import {
  awardsOfStaff,
  awardsOfUnit,
  decisionSubjectsInYears,
  disciplinesOfStaff,
  getStaffLite,
  getUnitLite,
  initiativesOfStaff,
  personYearsOfStaff,
  recordYears,
  registrationsOfStaff,
  registrationsOfSubject,
  staffLiteWhere,
  staffRecordedInUnits,
  staffUnitCodes,
  subtreeOf,
  unitYearsOf,
  unitsByCode,
  unitsLite,
  yearUnitCodes,
  type DisciplineRow,
  type InitiativeRow,
  type PersonYearRow,
  type RegistrationRow,
  type StaffLite,
  type SubjectAwardRow,
} from '../../../db/repositories/records';
import { changeStamp } from '../../../db/repositories/snapshots';

function emptyYear(year: number): TimelineYear {
  return {
    year,
    unitName: '',
    rating: null,
    maternityLeave: false,
    underReview: false,
    registered: [],
    awards: [],
    initiatives: [],
    disciplines: [],
    memberSummary: null,
    initiativeOwners: [],
    disciplineOwners: [],
  };
}

function awardOut(a: SubjectAwardRow): TimelineYear['awards'][number] {
  const entry = a.award_code && a.award_code in AWARD_CATALOG ? AWARD_CATALOG[a.award_code as AwardCode] : null;
  return {
    decisionId: a.decision_id,
    code: a.award_code,
    label: awardFormLabel(a.award_code, a.other_form),
    kind: entry ? entry.kind : 'other',
    basis: a.basis as TimelineYear['awards'][number]['basis'],
    decisionNo: a.number,
    decisionDate: a.decision_date,
    issuer: a.issuer,
  };
}

function disciplineYears(d: DisciplineRow, lastYear: number): number[] {
  const from = Number(d.from_date.slice(0, 4));
  const to = d.to_date ? Number(d.to_date.slice(0, 4)) : Math.max(from, lastYear);
  const out: number[] = [];
  for (let y = from; y <= to && out.length < 30; y++) out.push(y);
  return out;
}

interface PersonRecords {
  years: PersonYearRow[];
  awards: SubjectAwardRow[];
  initiatives: InitiativeRow[];
  disciplines: DisciplineRow[];
  registrations: RegistrationRow[];
}

function personTimelineOf(s: StaffLite, unitNames: ReadonlyMap<string, string>, r: PersonRecords, thisYear: number): Timeline {
  const years = new Map<number, TimelineYear>();
  const at = (y: number) => {
    let t = years.get(y);
    if (!t) years.set(y, (t = emptyYear(y)));
    return t;
  };
  for (const py of r.years) {
    const t = at(py.year);
    t.rating = (py.rating as Rating | null) ?? null;
    t.maternityLeave = py.maternity_leave === 1;
    t.underReview = py.under_review === 1;
    t.unitName = (py.unit_id && unitNames.get(py.unit_id)) || '';
  }
  for (const a of r.awards) at(a.year).awards.push(awardOut(a));
  for (const i of r.initiatives) {
    at(i.year).initiatives.push({ id: i.id, title: i.title, kind: i.kind as never, scope: i.scope as never, recognizedOn: i.recognized_on });
  }
  for (const d of r.disciplines) {
    for (const y of disciplineYears(d, thisYear)) {
      at(y).disciplines.push({ id: d.id, form: d.form as never, fromDate: d.from_date, toDate: d.to_date, decisionNo: d.decision_no });
    }
  }
  for (const reg of r.registrations) at(reg.year).registered.push(reg.award_code);
  const unitName = (s.unitId && unitNames.get(s.unitId)) || '';
  const detail = [s.birthDate ? `sinh ngày ${formatDateVi(s.birthDate)}` : '', unitName].filter(Boolean).join(' — ');
  return { kind: 'person', id: s.id, name: s.fullName, detail, years: [...years.values()].sort((a, b) => b.year - a.year) };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Timelines of many people at once (a dossier's nominees): what personTimeline gives for each,
 * in one query per kind of record. People no longer on the staff list are left out.
 */
export function personTimelines(sqlite: BetterSqlite3.Database, staffIds: readonly string[], thisYear: number): Map<string, Timeline> {
  const people = [...new Set(staffIds)].map((id) => getStaffLite(sqlite, id)).filter((s): s is StaffLite => !!s);
  const ids = people.map((s) => s.id);
  const out = new Map<string, Timeline>();
  if (ids.length === 0) return out;
  const unitNames = new Map(unitsLite(sqlite).map((u) => [u.id, u.name]));
  const years = groupBy(personYearsOfStaff(sqlite, ids), (r) => r.staff_id);
  const awards = groupBy(awardsOfStaff(sqlite, ids), (r) => r.staff_id);
  const initiatives = groupBy(initiativesOfStaff(sqlite, ids), (r) => r.staff_id);
  const disciplines = groupBy(disciplinesOfStaff(sqlite, ids), (r) => r.staff_id);
  const registrations = groupBy(registrationsOfStaff(sqlite, ids), (r) => r.staff_id);
  for (const s of people) {
    out.set(
      s.id,
      personTimelineOf(
        s,
        unitNames,
        {
          years: years.get(s.id) ?? [],
          awards: awards.get(s.id) ?? [],
          initiatives: initiatives.get(s.id) ?? [],
          disciplines: disciplines.get(s.id) ?? [],
          registrations: registrations.get(s.id) ?? [],
        },
        thisYear,
      ),
    );
  }
  return out;
}

export function personTimeline(sqlite: BetterSqlite3.Database, staffId: string, thisYear: number): Timeline {
  const t = personTimelines(sqlite, [staffId], thisYear).get(staffId);
  if (!t) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ (có thể đã bị xóa). Hãy tải lại danh sách.');
  return t;
}

export interface UnitTimelineOptions {
  /** member summaries only for these years (a report needs the last few); default: every year with records */
  memberYears?: { from: number; to: number };
}

export function unitTimeline(sqlite: BetterSqlite3.Database, unitId: string, thisYear: number, o: UnitTimelineOptions = {}): Timeline {
  const u = getUnitLite(sqlite, unitId);
  if (!u) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
  const units = unitsLite(sqlite);
  const scope = subtreeOf(units, unitId);
  const years = new Map<number, TimelineYear>();
  const at = (y: number) => {
    let t = years.get(y);
    if (!t) years.set(y, (t = { ...emptyYear(y), unitName: u.name }));
    return t;
  };
  for (const r of unitYearsOf(sqlite, unitId)) at(r.year).underReview = r.under_review === 1;
  for (const a of awardsOfUnit(sqlite, unitId)) at(a.year).awards.push(awardOut(a));
  for (const r of registrationsOfSubject(sqlite, 'unit', unitId)) at(r.year).registered.push(r.award_code);

  // members, year by year: the years where any member has a record
  const current = staffLiteWhere(sqlite, { unitIds: [...scope] });
  const everyone = current.map((s) => s.id);
  const names = new Map(current.map((s) => [s.id, s.fullName]));
  const memberYears = new Set<number>();
  const window = o.memberYears;
  if (window) {
    // a year without facts, awards or initiatives has no member summary: the window's years suffice
    for (let y = window.from; y <= window.to; y++) memberYears.add(y);
  } else {
    for (const year of recordYears(sqlite)) memberYears.add(year);
    for (const y of years.keys()) memberYears.add(y);
  }
  const awardsByYear = new Map<number, SubjectAwardRow[]>();
  const allAwards = awardsOfStaff(sqlite, everyone);
  for (const a of allAwards) {
    if (!window) memberYears.add(a.year);
    const list = awardsByYear.get(a.year);
    if (list) list.push(a);
    else awardsByYear.set(a.year, [a]);
  }
  const inits = initiativesOfStaff(sqlite, everyone);
  const discs = disciplinesOfStaff(sqlite, everyone);
  if (!window) for (const i of inits) memberYears.add(i.year);
  const wanted = [...memberYears].sort((a, b) => a - b);

  // who counts in a year (as membersForYear): facts recorded in the subtree that year (the
  // latest row decides the unit; without one, the current unit), or working in it now and
  // started by the year's end. Everyone who may count: in the subtree now, or recorded in it.
  const inScope = new Set(everyone);
  const movedAway = staffRecordedInUnits(sqlite, [...scope], wanted).filter((id) => !inScope.has(id));
  const candidates = [...current, ...staffLiteWhere(sqlite, { ids: movedAway })];
  const facts = new Map<number, Map<string, PersonYearRow>>();
  const range = { from: wanted[0] ?? 0, to: wanted[wanted.length - 1] ?? -1 };
  for (const r of wanted.length ? personYearsOfStaff(sqlite, candidates.map((s) => s.id), range) : []) {
    let m = facts.get(r.year);
    if (!m) facts.set(r.year, (m = new Map()));
    m.set(r.staff_id, r);
  }
  for (const y of wanted) {
    const recorded = facts.get(y) ?? new Map<string, PersonYearRow>();
    const yearEnd = `${y}-12-31`;
    const ids = new Set<string>();
    for (const s of candidates) {
      const rec = recorded.get(s.id);
      if (!rec && !(s.status === 'dang_cong_tac' && (!s.employmentStart || s.employmentStart <= yearEnd))) continue;
      const uid = (rec ? rec.unit_id : null) ?? s.unitId;
      if (uid && scope.has(uid)) ids.add(s.id);
    }
    if (ids.size === 0 && !years.has(y)) continue;
    const ratings: Partial<Record<Rating, number>> = {};
    let rated = 0;
    for (const id of ids) {
      const r = recorded.get(id)?.rating as Rating | null | undefined;
      if (r) {
        ratings[r] = (ratings[r] ?? 0) + 1;
        rated++;
      }
    }
    // by the name documents print (a province's and a ministry's Bằng khen apart)
    const titleCounts = new Map<string, { label: string; count: number; docName: string }>();
    for (const a of awardsByYear.get(y) ?? []) {
      if (!a.staff_id || !ids.has(a.staff_id)) continue;
      const docName = recordedFormName(a.award_code, a.other_form, a.issuer);
      const t = titleCounts.get(docName);
      if (t) t.count++;
      else titleCounts.set(docName, { label: awardFormLabel(a.award_code, a.other_form), count: 1, docName });
    }
    const hasMemberRecords = rated > 0 || titleCounts.size > 0 || inits.some((i) => i.year === y && ids.has(i.staff_id));
    if (!hasMemberRecords && !years.has(y)) continue;
    const t = at(y);
    if (hasMemberRecords) t.memberSummary = {
      members: ids.size,
      ratings,
      titles: [...titleCounts.values()].sort((a, b) => b.count - a.count || compareVi(a.label, b.label)),
    };
    for (const i of inits) {
      if (i.year !== y || !ids.has(i.staff_id)) continue;
      t.initiatives.push({ id: i.id, title: i.title, kind: i.kind as never, scope: i.scope as never, recognizedOn: i.recognized_on });
      t.initiativeOwners.push(names.get(i.staff_id) ?? '');
    }
    for (const d of discs) {
      if (!ids.has(d.staff_id) || !disciplineYears(d, thisYear).includes(y)) continue;
      t.disciplines.push({ id: d.id, form: d.form as never, fromDate: d.from_date, toDate: d.to_date, decisionNo: d.decision_no });
      t.disciplineOwners.push(`${names.get(d.staff_id) ?? ''}${disciplineAtLeast(d.form as never, 'canh_cao') ? ' (từ cảnh cáo trở lên)' : ''}`);
    }
  }
  const parent = u.parentId ? units.find((x) => x.id === u.parentId)?.name ?? '' : '';
  const detail = [parent ? `thuộc ${parent}` : '', `${everyone.length} người đang công tác`].filter(Boolean).join(' — ');
  const out = [...years.values()].filter((t) => t.memberSummary || t.awards.length || t.registered.length || t.underReview);
  return { kind: 'unit', id: u.id, name: u.name, detail, years: out.sort((a, b) => b.year - a.year) };
}

/** One decision's recipients counted by unit code (people by their unit of that year), in the order first met. */
interface DecisionCounts {
  year: number;
  awardCode: string | null;
  otherForm: string;
  /** people awarded, by the unit they counted for that year */
  persons: Map<number, number>;
  /** collectives awarded, by unit */
  collectives: Map<number, number>;
}

/**
 * Units travel as codes (unit rowids; 0 none, -1 an unknown id), people as positions in the
 * staff table: a string-keyed Map per recipient and per person-year took seconds. Still
 * ~300 ms for ten years of a province: SQLite packing 240,000 person-years and 230,000 recipients.
 */
function decisionCounts(sqlite: BetterSqlite3.Database, from: number, to: number): DecisionCounts[] {
  const decisions = decisionSubjectsInYears(sqlite, from, to);
  const unitOfCode = unitsByCode(sqlite);
  const codeOfUnit = new Map([...unitOfCode].map(([code, id]) => [id, code]));
  const staff = staffUnitCodes(sqlite);
  const position = new Map(staff.ids.map((id, i) => [id, i]));
  // a person's unit in a year: the one recorded with the year's facts, else (none recorded, or
  // recorded without a unit) the person's unit now
  const NO_FACTS = -2;
  const yearUnits = new Map<number, Int32Array>();
  const twice = new Set<string>();
  for (const year of new Set(decisions.filter((d) => d.staffIds.length).map((d) => d.year))) {
    const units = new Int32Array(staff.ids.length).fill(NO_FACTS);
    const facts = yearUnitCodes(sqlite, year);
    facts.ids.forEach((id, k) => {
      const p = position.get(id);
      if (p === undefined) return;
      if (units[p] !== NO_FACTS) twice.add(id);
      units[p] = facts.units[k]!;
    });
    yearUnits.set(year, units);
  }
  // two live rows for a person's year (records merged from offices): the latest updated_at wins
  if (twice.size) {
    for (const r of personYearsOfStaff(sqlite, [...twice], { from, to })) {
      const units = yearUnits.get(r.year);
      if (units) units[position.get(r.staff_id)!] = r.unit_id === null ? 0 : codeOfUnit.get(r.unit_id) ?? -1;
    }
  }
  return decisions.map((d) => {
    const persons = new Map<number, number>();
    const collectives = new Map<number, number>();
    const units = yearUnits.get(d.year);
    for (const id of d.staffIds) {
      const p = position.get(id);
      const recorded = p === undefined || !units ? NO_FACTS : units[p]!;
      const code = recorded > 0 || recorded === -1 ? recorded : p === undefined ? 0 : staff.units[p]!;
      persons.set(code, (persons.get(code) ?? 0) + 1);
    }
    for (const code of d.units) collectives.set(code, (collectives.get(code) ?? 0) + 1);
    return { year: d.year, awardCode: d.awardCode, otherForm: d.otherForm, persons, collectives };
  });
}

/**
 * Per connection: each year's decision counts, under the change stamp they were read at (it
 * moves with every write to the decisions, recipients, person-years, staff and units, by any
 * connection), so a chart redrawn for another unit or range reads nothing again.
 */
const keptCounts = new WeakMap<BetterSqlite3.Database, { stamp: number; years: Map<number, DecisionCounts[]> }>();

function decisionCountsKept(sqlite: BetterSqlite3.Database, from: number, to: number): DecisionCounts[] {
  // inside a transaction the stamp may yet be rolled back: nothing kept
  const stamp = sqlite.inTransaction ? -1 : changeStamp(sqlite);
  let kept = keptCounts.get(sqlite);
  if (!kept || kept.stamp !== stamp) {
    kept = { stamp, years: new Map() };
    if (stamp >= 0) keptCounts.set(sqlite, kept);
    else keptCounts.delete(sqlite);
  }
  const missing: number[] = [];
  for (let y = from; y <= to; y++) if (!kept.years.has(y)) missing.push(y);
  if (missing.length) {
    const read = decisionCounts(sqlite, missing[0]!, missing[missing.length - 1]!);
    for (const y of missing) kept.years.set(y, []);
    // the range read may hold years kept already: those stay as they are
    for (const c of read) if (missing.includes(c.year)) kept.years.get(c.year)!.push(c);
  }
  const out: DecisionCounts[] = [];
  for (let y = from; y <= to; y++) out.push(...kept.years.get(y)!);
  return out;
}

/**
 * Awards counted by year, form and unit. A person counts for the unit of that year; units
 * are grouped under the direct children of the chosen unit (or the top-level units).
 */
export function awardStats(sqlite: BetterSqlite3.Database, f: { yearFrom: number; yearTo: number; unitId: string | null }): AwardStatsRow[] {
  const from = Math.min(f.yearFrom, f.yearTo);
  const to = Math.max(f.yearFrom, f.yearTo);
  const units = unitsLite(sqlite);
  const byId = new Map(units.map((u) => [u.id, u]));
  const scope = f.unitId ? subtreeOf(units, f.unitId) : null;
  /** the ancestor directly under the chosen unit (or a root), or the chosen unit itself */
  const groupOf = (unitId: string | null): string | null => {
    if (!unitId) return null;
    let u = byId.get(unitId);
    const seen = new Set<string>();
    while (u && !seen.has(u.id)) {
      seen.add(u.id);
      if (f.unitId ? u.id === f.unitId || u.parentId === f.unitId : !u.parentId) return u.id;
      u = u.parentId ? byId.get(u.parentId) : undefined;
    }
    return null;
  };
  const unitOfCode = unitsByCode(sqlite);
  /** per unit code: within the chosen subtree, and its group (null: none) */
  const groups = new Map<number, { inScope: boolean; group: string | null }>();
  const groupOfCode = (code: number) => {
    let g = groups.get(code);
    if (!g) {
      // no unit and unknown ids count as no unit; deleted units are not among the live ones
      const unitId = code > 0 ? unitOfCode.get(code) ?? null : null;
      groups.set(code, (g = { inScope: !scope || (!!unitId && scope.has(unitId)), group: groupOf(unitId) }));
    }
    return g;
  };
  const counts = new Map<string, AwardStatsRow>();
  for (const d of decisionCountsKept(sqlite, from, to)) {
    const form = d.awardCode ?? `khac:${d.otherForm}`;
    for (const [map, kind] of [
      [d.persons, 'persons'],
      [d.collectives, 'collectives'],
    ] as const) {
      for (const [code, n] of map) {
        const g = groupOfCode(code);
        if (!g.inScope) continue;
        const key = `${d.year}|${g.group ?? ''}|${form}`;
        let row = counts.get(key);
        if (!row) {
          row = {
            year: d.year,
            unitId: g.group,
            unitName: g.group ? byId.get(g.group)?.name ?? '' : NO_UNIT_NAME,
            form,
            formLabel: awardFormLabel(d.awardCode, d.otherForm),
            count: 0,
            persons: 0,
            collectives: 0,
          };
          counts.set(key, row);
        }
        row.count += n;
        row[kind] += n;
      }
    }
  }
  return [...counts.values()].sort((a, b) => a.year - b.year || compareVi(a.unitName, b.unitName) || compareVi(a.formLabel, b.formLabel));
}

/**
 * awardStats' counts summed by the office each unit belongs to (at the province, a row per office
 * and form); `own`: this office, named from its profile.
 */
export function awardStatsByOffice(sqlite: BetterSqlite3.Database, rows: readonly AwardStatsRow[], own: { id: string; name: string }): AwardStatsRow[] {
  const byId = new Map(unitsLite(sqlite).map((u) => [u.id, u]));
  const officeName = officeNameOf(sqlite);
  return statsByOffice(
    rows,
    (unitId) => {
      const u = byId.get(unitId);
      return u ? { id: u.officeId, name: (u.officeId === own.id && own.name) || officeName(u.officeId) } : null;
    },
    NO_UNIT_NAME,
  );
}
