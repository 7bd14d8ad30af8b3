// Award records: queries only. Synchronous better-sqlite3 statements (prepared once per
// connection): the history loaders read a whole office (30,000 people × 10 years) in a few
// table scans joined in Maps, and multi-row writes run inside one SQLite transaction.
//
// Keys such as (person, year) are not UNIQUE in the schema (records merge from several
// offices): writers update the live row when there is one, readers take the latest
// updated_at when there are several.
import type BetterSqlite3 from 'better-sqlite3';
import type {
  AchievedTitle,
  AwardBasis,
  DisciplineForm,
  DisciplinePeriod,
  Initiative,
  InitiativeKind,
  InitiativeScope,
  PersonHistory,
  PersonYearFacts,
  Rating,
  UnitHistory,
  UnitYearFacts,
} from '../../shared/awards';
import { drain, type Steps } from '../../shared/awards/steps';
import { newId, nowIso } from '../ids';
import type { AwardDecisionTable, OwnColumns, RecordColumns } from '../schema';

type Db = BetterSqlite3.Database;
type Params = Record<string, unknown> | unknown[];

const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

function prep(db: Db, sql: string): BetterSqlite3.Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

function all<T>(db: Db, sql: string, params: Params = []): T[] {
  const s = prep(db, sql);
  return (Array.isArray(params) ? s.all(...params) : s.all(params)) as T[];
}

function get<T>(db: Db, sql: string, params: Params = []): T | undefined {
  const s = prep(db, sql);
  return (Array.isArray(params) ? s.get(...params) : s.get(params)) as T | undefined;
}

function run(db: Db, sql: string, params: Params = []): number {
  const s = prep(db, sql);
  return (Array.isArray(params) ? s.run(...params) : s.run(params)).changes;
}

// ---------------------------------------------------------------------------------------
// Units and staff (the small subset of columns the records need)

export interface UnitLite {
  id: string;
  name: string;
  parentId: string | null;
  active: boolean;
  sortOrder: number;
  /** the office the unit belongs to (at the province, the office that sent it) */
  officeId: string;
}

/** Live units; with `officeId`, that office's only (at the province, the units one office sent). */
export function unitsLite(db: Db, officeId?: string): UnitLite[] {
  return all<{ id: string; name: string; parent_id: string | null; active: number; sort_order: number; origin_office_id: string }>(
    db,
    `SELECT id, name, parent_id, active, sort_order, origin_office_id FROM unit WHERE deleted_at IS NULL${officeId === undefined ? '' : ' AND origin_office_id = ?'}`,
    officeId === undefined ? [] : [officeId],
  ).map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id, active: u.active === 1, sortOrder: u.sort_order, officeId: u.origin_office_id }));
}

export { subtreeOf } from '../../shared/units/tree';

export interface StaffLite {
  id: string;
  fullName: string;
  nameKey: string;
  gender: 'nam' | 'nu' | null;
  birthDate: string | null;
  unitId: string | null;
  status: string;
  employmentStart: string | null;
  employmentEnd: string | null;
}

const STAFF_LITE_COLS = 'id, full_name, name_key, gender, birth_date, unit_id, status, employment_start, employment_end';
type StaffTuple = [string, string, string, string | null, string | null, string | null, string, string | null, string | null];

function staffFromTuple(r: StaffTuple): StaffLite {
  return {
    id: r[0],
    fullName: r[1],
    nameKey: r[2],
    gender: r[3] === 'nam' || r[3] === 'nu' ? r[3] : null,
    birthDate: r[4],
    unitId: r[5],
    status: r[6],
    employmentStart: r[7],
    employmentEnd: r[8],
  };
}

/** Every staff row (arrays from SQLite, one object each: 30,000 rows in a few tens of ms). */
export function staffLite(db: Db, includeDeleted = false): StaffLite[] {
  const sql = `SELECT ${STAFF_LITE_COLS} FROM staff${includeDeleted ? '' : ' WHERE deleted_at IS NULL'}`;
  return (prep(db, sql).raw().all() as StaffTuple[]).map(staffFromTuple);
}

/** Some staff rows by id, deleted ones included (their records still show their names). */
export function staffLiteByIds(db: Db, ids: readonly string[]): StaffLite[] {
  if (ids.length === 0) return [];
  const sql = `SELECT ${STAFF_LITE_COLS} FROM staff WHERE id IN (SELECT value FROM json_each(?))`;
  return (prep(db, sql).raw().all(JSON.stringify(ids)) as StaffTuple[]).map(staffFromTuple);
}

export function getStaffLite(db: Db, id: string): StaffLite | undefined {
  const r = prep(db, `SELECT ${STAFF_LITE_COLS} FROM staff WHERE id = ? AND deleted_at IS NULL`).raw().get(id) as StaffTuple | undefined;
  return r && staffFromTuple(r);
}

/** Gender and position of some people (deleted ones too: a certificate names who was awarded). */
export function staffGenderPosition(db: Db, ids: readonly string[]): Map<string, { gender: 'nam' | 'nu' | null; position: string }> {
  const out = new Map<string, { gender: 'nam' | 'nu' | null; position: string }>();
  for (const [id, gender, position] of prep(db, `SELECT id, gender, position FROM staff WHERE id ${IN_IDS}`).raw().all(JSON.stringify([...new Set(ids)])) as Array<[string, string | null, string]>)
    out.set(id, { gender: gender === 'nam' || gender === 'nu' ? gender : null, position });
  return out;
}

export function getUnitLite(db: Db, id: string): UnitLite | undefined {
  const u = get<{ id: string; name: string; parent_id: string | null; active: number; sort_order: number; origin_office_id: string }>(
    db,
    'SELECT id, name, parent_id, active, sort_order, origin_office_id FROM unit WHERE id = ? AND deleted_at IS NULL',
    [id],
  );
  return u && { id: u.id, name: u.name, parentId: u.parent_id, active: u.active === 1, sortOrder: u.sort_order, officeId: u.origin_office_id };
}

/** Person → the unit recorded for that year (person_year.unit_id), latest row wins. */
export function yearUnits(db: Db, year: number): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const rows = prep(db, 'SELECT staff_id, unit_id FROM person_year WHERE year = ? AND deleted_at IS NULL ORDER BY updated_at').raw().all(year) as Array<
    [string, string | null]
  >;
  for (const r of rows) out.set(r[0], r[1]);
  return out;
}

export interface YearMember {
  staff: StaffLite;
  /** the unit in that year: the one recorded with the year's facts, else the current one */
  unitId: string | null;
}

/**
 * Who counts for a year: people with facts recorded for it, and people working now whose
 * employment had started by the end of that year. `unitIds` (a subtree) limits by the year's unit.
 */
export function membersForYear(db: Db, year: number, unitIds: ReadonlySet<string> | null, staff = staffLite(db)): YearMember[] {
  const recorded = yearUnits(db, year);
  const yearEnd = `${year}-12-31`;
  const out: YearMember[] = [];
  for (const s of staff) {
    const has = recorded.has(s.id);
    if (!has && !(s.status === 'dang_cong_tac' && (!s.employmentStart || s.employmentStart <= yearEnd))) continue;
    const unitId = (has ? recorded.get(s.id) : null) ?? s.unitId;
    if (unitIds && (!unitId || !unitIds.has(unitId))) continue;
    out.push({ staff: s, unitId });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Histories for the checker
//
// The checker needs every person's records over all years. They are read into a HistoryBase
// (year-independent, the whole office) and each check assembles its year's PersonHistory[]
// from it, sharing the per-person arrays (the checker only reads them). `cachedHistories`
// keeps one base per connection: TEMP triggers note which people, decisions and units this
// connection changed, and only those are re-read; a commit by another connection (SQLite's
// data_version) reloads everything — as the staff search index does (db/repositories/staff.ts).

export interface HistoryScope {
  year: number;
  /** the unit subtree (null: the whole office) */
  unitIds: ReadonlySet<string> | null;
  /** unit id given to people without a unit (PersonHistory.unitId cannot be empty) */
  noUnitId: string;
}

export interface LoadedHistories {
  people: PersonHistory[];
  units: UnitHistory[];
  /** people[i] is members[i] */
  members: YearMember[];
  unitsById: Map<string, UnitLite>;
}

interface TitleRow {
  award_code: string;
  basis: string;
  year: number;
  number: string;
  decision_date: string | null;
}

function toTitle(r: TitleRow): AchievedTitle {
  const t: AchievedTitle = { year: r.year, code: r.award_code, basis: r.basis as AwardBasis };
  if (r.number) t.decisionNo = r.number;
  if (r.decision_date) t.decisionDate = r.decision_date;
  return t;
}

const RATING_CODES: ReadonlyArray<Rating | null> = [null, 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
const RATING_CASE = `CASE rating WHEN 'HTXSNV' THEN 1 WHEN 'HTTNV' THEN 2 WHEN 'HTNV' THEN 3 WHEN 'KHTNV' THEN 4 ELSE 0 END`;
/** (rating·4 + maternity·2 + review) of a person_year row */
const FACTS_CODE = `(${RATING_CASE}) * 4 + maternity_leave * 2 + under_review`;

/**
 * The 20 possible PersonYearFacts (rating × maternity × review), by (rating·4 + m·2 + r):
 * shared and frozen — the checker only reads them, and 300,000 years allocate nothing.
 */
const FACTS: ReadonlyArray<PersonYearFacts> = Array.from({ length: 32 }, (_, n) => {
  const f: PersonYearFacts = {};
  const rating = RATING_CODES[Math.floor(n / 4)];
  if (rating) f.rating = rating;
  if (n & 2) f.maternityLeave = true;
  if (n & 1) f.underReview = true;
  return Object.freeze(f);
});

/** The code of a year's facts, as FACTS_CODE packs them (-1: no facts); a kept run stores it per person. */
export function yearFactsCode(f: PersonYearFacts | undefined): number {
  if (!f) return -1;
  return (f.rating ? RATING_CODES.indexOf(f.rating) : 0) * 4 + (f.maternityLeave ? 2 : 0) + (f.underReview ? 1 : 0);
}

/** The shared, frozen facts of a code (undefined for a code that packs none). */
export function yearFactsOf(code: number): PersonYearFacts | undefined {
  return Number.isInteger(code) && code >= 0 && code < 20 ? FACTS[code] : undefined;
}

/** Call `fn` for each non-negative integer of "12,345,6" without creating substrings. */
function forEachInt(packed: string, fn: (n: number) => void): void {
  let n = 0;
  let has = false;
  for (let i = 0; i < packed.length; i++) {
    const c = packed.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      has = true;
    } else {
      if (has) fn(n);
      n = 0;
      has = false;
    }
  }
  if (has) fn(n);
}

/** Shared, frozen empty list for people without titles, initiatives or disciplines. */
const NONE: never[] = Object.freeze([]) as never[];

/** One person's records over all years (shared by every check built from the base: read-only). */
interface PersonRecords {
  years: Record<number, PersonYearFacts>;
  titles: AchievedTitle[];
  initiatives: Initiative[];
  disciplines: DisciplinePeriod[];
}

/** Year-independent records of the whole office. */
export interface HistoryBase {
  /** live staff, in table order */
  staff: Map<string, StaffLite>;
  /** by staff id, for every live staff member */
  records: Map<string, PersonRecords>;
  units: UnitLite[];
  unitsById: Map<string, UnitLite>;
  unitYears: Map<string, Record<number, UnitYearFacts>>;
  unitTitles: Map<string, AchievedTitle[]>;
  /** award_decision rowid → its title (live decisions with a catalogue code), shared and frozen */
  decisionTitles: Map<number, AchievedTitle>;
  /** year → person → the unit recorded with that year's facts; read when a year is first checked */
  yearUnits: Map<number, Map<string, string | null>>;
  /** "year|noUnitId" → person → the PersonHistory last assembled (the same objects while unchanged) */
  assembled: Map<string, Map<string, { person: PersonHistory; member: YearMember }>>;
}

const NO_YEARS: Record<number, UnitYearFacts> = Object.freeze({});

const emptyRecords = (): PersonRecords => ({ years: {}, titles: NONE, initiatives: NONE, disciplines: NONE });

function addTitle(rec: PersonRecords, t: AchievedTitle): void {
  if (rec.titles === NONE) rec.titles = [t];
  else rec.titles.push(t);
}

function addInitiative(rec: PersonRecords, r: InitiativeTuple): void {
  const i: Initiative = { year: r[1], title: r[2], scope: r[3] as InitiativeScope, kind: r[4] as InitiativeKind };
  if (r[5]) i.date = r[5];
  if (rec.initiatives === NONE) rec.initiatives = [i];
  else rec.initiatives.push(i);
}

function addDiscipline(rec: PersonRecords, r: DisciplineTuple): void {
  const d: DisciplinePeriod = { form: r[1] as DisciplineForm, from: r[2] };
  if (r[3]) d.to = r[3];
  if (r[4]) d.decisionNo = r[4];
  if (rec.disciplines === NONE) rec.disciplines = [d];
  else rec.disciplines.push(d);
}

type InitiativeTuple = [string, number, string, string, string, string | null];
type DisciplineTuple = [string, string, string, string | null, string];
const INITIATIVE_SQL = 'SELECT staff_id, year, title, scope, kind, recognized_on FROM initiative WHERE deleted_at IS NULL';
const DISCIPLINE_SQL = 'SELECT staff_id, form, from_date, to_date, decision_no FROM discipline WHERE deleted_at IS NULL';
const DECISION_SQL = 'SELECT rowid AS rid, award_code, basis, year, number, decision_date FROM award_decision WHERE deleted_at IS NULL AND award_code IS NOT NULL';
/** `AND … IN (ids)` for the refresh queries: the ids go as one JSON parameter */
const IN_IDS = 'IN (SELECT value FROM json_each(?))';

/** Units, unit-year facts and the collectives' titles (a few hundred rows). */
function readUnitParts(db: Db, base: HistoryBase): void {
  base.units = unitsLite(db);
  base.unitsById = new Map(base.units.map((u) => [u.id, u]));
  base.unitYears = new Map();
  for (const r of prep(db, 'SELECT unit_id, year, under_review FROM unit_year WHERE deleted_at IS NULL ORDER BY updated_at').raw().all() as Array<[string, number, number]>) {
    let years = base.unitYears.get(r[0]);
    if (!years) base.unitYears.set(r[0], (years = {}));
    years[r[1]] = r[2] ? { underReview: true } : {};
  }
  base.unitTitles = new Map();
  // unit recipients always have a unit id (CHECK): "> ''" lets SQLite find them through the
  // unit index (IS NOT NULL scans all 230,000 recipients)
  for (const r of all<TitleRow & { unit_id: string }>(
    db,
    `SELECT r.unit_id AS unit_id, d.award_code, d.basis, d.year, d.number, d.decision_date
       FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id
      WHERE r.unit_id > '' AND r.subject_kind = 'unit' AND r.deleted_at IS NULL AND d.deleted_at IS NULL AND d.award_code IS NOT NULL`,
  )) {
    const list = base.unitTitles.get(r.unit_id);
    if (list) list.push(toTitle(r));
    else base.unitTitles.set(r.unit_id, [toTitle(r)]);
  }
}

function readDecisionTitles(db: Db, rowids: readonly number[] | null): Array<[number, AchievedTitle]> {
  const rows = rowids ? all<TitleRow & { rid: number }>(db, `${DECISION_SQL} AND rowid ${IN_IDS}`, [JSON.stringify(rowids)]) : all<TitleRow & { rid: number }>(db, DECISION_SQL);
  return rows.map((r) => [r.rid, Object.freeze(toTitle(r))]);
}

/** People read between two yields of readHistoryBaseSteps (tens of milliseconds at province scale). */
const PEOPLE_PER_READ = 3000;

/** The whole office's records, read in a handful of scans (most of them on covering indexes). */
export function readHistoryBase(db: Db): HistoryBase {
  return drain(readHistoryBaseSteps(db));
}

/**
 * readHistoryBase in slices of PEOPLE_PER_READ people (ranges of staff ids, read through the
 * indexes that start with staff_id), yielding between them. Not a snapshot by itself: a
 * caller that yields meanwhile must account for writes made in between (currentBaseSteps).
 */
export function* readHistoryBaseSteps(db: Db): Steps<HistoryBase> {
  const staff = new Map<string, StaffLite>();
  const records = new Map<string, PersonRecords>();
  // in table order (rowid), as staffLite reads them, a slice at a time
  const limit = PEOPLE_PER_READ * 3;
  for (let after = -Infinity; ; ) {
    const rows = prep(db, `SELECT ${STAFF_LITE_COLS}, rowid FROM staff WHERE rowid > ? AND deleted_at IS NULL ORDER BY rowid LIMIT ${limit}`)
      .raw()
      .all(after) as Array<[...StaffTuple, number]>;
    for (const r of rows) {
      const s = staffFromTuple(r as unknown as StaffTuple);
      staff.set(s.id, s);
      records.set(s.id, emptyRecords());
    }
    if (rows.length < limit) break;
    after = rows[rows.length - 1]![9];
    yield;
  }
  const base: HistoryBase = {
    staff,
    records,
    units: [],
    unitsById: new Map(),
    unitYears: new Map(),
    unitTitles: new Map(),
    decisionTitles: new Map(),
    yearUnits: new Map(),
    assembled: new Map(),
  };
  yield;
  base.decisionTitles = new Map(readDecisionTitles(db, null));
  readUnitParts(db, base);
  yield;
  for (const r of prep(db, DISCIPLINE_SQL).raw().all() as DisciplineTuple[]) {
    const rec = records.get(r[0]);
    if (rec) addDiscipline(rec, r);
  }

  // ranges of ids in SQLite's order (BINARY: ids are ASCII, so the same as JS's sort)
  const ids = [...staff.keys()].sort();
  const yearsAlike = new Map<string, PersonRecords['years']>();
  for (let i = 0; i < ids.length; i += PEOPLE_PER_READ) {
    yield;
    // the first range starts at '' and the last ends at the highest possible string, so rows of
    // deleted staff between the ranges are read once (and skipped) rather than missed
    const from = i === 0 ? '' : ids[i]!;
    const to = i + PEOPLE_PER_READ < ids.length ? ids[i + PEOPLE_PER_READ]! : null;
    readRecordsBetween(db, base, from, to, yearsAlike);
  }
  return base;
}

/**
 * People's years, titles and initiatives for staff ids in [from, to) (to null: no end). People
 * whose years read alike share one frozen years object (`yearsAlike`, keyed by SQLite's packed
 * string): an office has far fewer patterns than people (8,708 for the bench's 30,000), and each
 * object keyed by year is a hash table to V8 — making 30,000 of them was a tenth of reading the
 * office. Nothing writes a base's years: a person re-read gets new ones (refreshPeople).
 */
function readRecordsBetween(db: Db, base: HistoryBase, from: string, to: string | null, yearsAlike: Map<string, PersonRecords['years']>): void {
  const { records } = base;
  const range = to === null ? 'staff_id >= ?' : 'staff_id >= ? AND staff_id < ?';
  const params = to === null ? [from] : [from, to];
  // One row per person with the years packed by SQLite as integers (returning 300,000 rows
  // to JS, or splitting strings, costs far more): (year·8 + rating)·4 + maternity·2 + review.
  let duplicates: Set<string> | null = null;
  for (const [staffId, packed] of prep(
    db,
    `SELECT staff_id, group_concat(year * 32 + ${FACTS_CODE}) FROM person_year INDEXED BY person_year_staff WHERE ${range} AND deleted_at IS NULL GROUP BY staff_id`,
  )
    .raw()
    .all(...params) as Array<[string, string | null]>) {
    const rec = records.get(staffId);
    if (!rec || !packed) continue;
    const alike = yearsAlike.get(packed);
    if (alike) {
      rec.years = alike;
      continue;
    }
    let repeated = false;
    forEachInt(packed, (n) => {
      const year = Math.floor(n / 32);
      if (rec.years[year]) repeated = true;
      rec.years[year] = FACTS[n % 32]!;
    });
    // a repeated year is resolved below, in this person's own object
    if (repeated) (duplicates ??= new Set()).add(staffId);
    else yearsAlike.set(packed, Object.freeze(rec.years));
  }
  // duplicates of a (person, year) key are rare (records merged from offices): latest updated_at wins
  if (duplicates) readPersonYears(db, base, duplicates, false);

  // titles: recipients as packed decision rowids, resolved through decisionTitles (deleted
  // decisions and free-text forms are not there, so the join needs only the id index)
  for (const [staffId, packed] of prep(
    db,
    `SELECT r.staff_id, group_concat(d.rowid)
       FROM award_recipient r INDEXED BY award_recipient_staff JOIN award_decision d ON d.id = r.decision_id
      WHERE r.${range} AND r.deleted_at IS NULL AND r.subject_kind = 'person' GROUP BY r.staff_id`,
  )
    .raw()
    .all(...params) as Array<[string, string | null]>) {
    const rec = records.get(staffId);
    if (!rec || !packed) continue;
    forEachInt(packed, (rid) => {
      const t = base.decisionTitles.get(rid);
      if (t) addTitle(rec, t);
    });
  }

  for (const r of prep(db, `${INITIATIVE_SQL} AND ${range}`).raw().all(...params) as InitiativeTuple[]) {
    const rec = records.get(r[0]);
    if (rec) addInitiative(rec, r);
  }
}

/**
 * person_year rows of some people (latest updated_at wins): their years, and with `units`
 * their entries in the year → unit maps already read.
 */
function readPersonYears(db: Db, base: HistoryBase, ids: ReadonlySet<string>, units: boolean): void {
  for (const [staffId, year, code, unitId] of prep(
    db,
    `SELECT staff_id, year, ${FACTS_CODE}, unit_id FROM person_year WHERE deleted_at IS NULL AND staff_id ${IN_IDS} ORDER BY updated_at`,
  )
    .raw()
    .all(JSON.stringify([...ids])) as Array<[string, number, number, string | null]>) {
    const rec = base.records.get(staffId);
    if (!rec) continue;
    rec.years[year] = FACTS[code]!;
    if (units) base.yearUnits.get(year)?.set(staffId, unitId);
  }
}

/** Re-read everything about these people (added, edited, deleted or restored). */
function refreshPeople(db: Db, base: HistoryBase, ids: ReadonlySet<string>): void {
  const json = JSON.stringify([...ids]);
  const live = new Set<string>();
  for (const r of prep(db, `SELECT ${STAFF_LITE_COLS} FROM staff WHERE deleted_at IS NULL AND id ${IN_IDS}`).raw().all(json) as StaffTuple[]) {
    const s = staffFromTuple(r);
    base.staff.set(s.id, s); // an existing entry keeps its place; a new person goes last, as in table order
    base.records.set(s.id, emptyRecords());
    live.add(s.id);
  }
  for (const id of ids) {
    if (!live.has(id)) {
      base.staff.delete(id);
      base.records.delete(id);
    }
    for (const m of base.yearUnits.values()) m.delete(id);
    for (const m of base.assembled.values()) m.delete(id);
  }
  if (live.size === 0) return;
  readPersonYears(db, base, live, true);
  for (const [staffId, rid] of prep(
    db,
    `SELECT r.staff_id, d.rowid FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id
      WHERE r.deleted_at IS NULL AND r.subject_kind = 'person' AND r.staff_id ${IN_IDS}`,
  )
    .raw()
    .all(json) as Array<[string, number]>) {
    const rec = base.records.get(staffId);
    const t = base.decisionTitles.get(rid);
    if (rec && t) addTitle(rec, t);
  }
  for (const r of prep(db, `${INITIATIVE_SQL} AND staff_id ${IN_IDS}`).raw().all(json) as InitiativeTuple[]) {
    const rec = base.records.get(r[0]);
    if (rec) addInitiative(rec, r);
  }
  for (const r of prep(db, `${DISCIPLINE_SQL} AND staff_id ${IN_IDS}`).raw().all(json) as DisciplineTuple[]) {
    const rec = base.records.get(r[0]);
    if (rec) addDiscipline(rec, r);
  }
}

/** Person → the unit recorded for that year, from the base (read on first use). */
function yearUnitsOf(db: Db, base: HistoryBase, year: number): Map<string, string | null> {
  let m = base.yearUnits.get(year);
  if (!m) base.yearUnits.set(year, (m = yearUnits(db, year)));
  return m;
}

/**
 * A year's PersonHistory[] and UnitHistory[] for a unit subtree (or the whole office), from
 * a base. Collectives: every unit of the scope with at least one member that year; a unit's
 * members include those of its sub-units.
 */
export function historiesFromBase(db: Db, base: HistoryBase, scope: HistoryScope): LoadedHistories {
  return drain(historiesFromBaseSteps(db, base, scope));
}

/** historiesFromBase yielding every PEOPLE_PER_READ people. */
function* historiesFromBaseSteps(db: Db, base: HistoryBase, scope: HistoryScope): Steps<LoadedHistories> {
  const { year, unitIds, noUnitId } = scope;
  const { unitsById } = base;
  // who counts, as membersForYear: facts recorded for the year, or working now and started by its end
  const recorded = yearUnitsOf(db, base, year);
  const assembledKey = `${year}|${noUnitId}`;
  let assembled = base.assembled.get(assembledKey);
  if (!assembled) base.assembled.set(assembledKey, (assembled = new Map()));
  const yearEnd = `${year}-12-31`;
  const members: YearMember[] = [];
  const people: PersonHistory[] = [];
  let seen = 0;
  for (const s of base.staff.values()) {
    if (++seen % PEOPLE_PER_READ === 0) yield;
    const has = recorded.has(s.id);
    if (!has && !(s.status === 'dang_cong_tac' && (!s.employmentStart || s.employmentStart <= yearEnd))) continue;
    const unitId = (has ? recorded.get(s.id) : null) ?? s.unitId;
    if (unitIds && (!unitId || !unitIds.has(unitId))) continue;
    // a person re-read since (refreshPeople) is not in `assembled` any more
    let a = assembled.get(s.id);
    if (!a || a.member.unitId !== unitId || a.member.staff !== s) {
      const rec = base.records.get(s.id)!;
      const p: PersonHistory = {
        personId: s.id,
        name: s.fullName,
        unitId: unitId ?? noUnitId,
        years: rec.years,
        titles: rec.titles,
        initiatives: rec.initiatives,
        disciplines: rec.disciplines,
      };
      if (s.gender) p.gender = s.gender;
      a = { person: p, member: { staff: s, unitId } };
      assembled.set(s.id, a);
    }
    members.push(a.member);
    people.push(a.person);
  }

  return { people, units: collectivesOf(members, base, unitIds).units, members, unitsById };
}

/**
 * A year's collectives: every unit of the scope with at least one member, in the order its
 * first member comes; each member counts for its unit and every ancestor of it within the
 * scope (each unit's chain worked out once; a parent loop in the data stops where it repeats).
 * `chainOf` gives a unit's chain (itself and its ancestors in the scope).
 */
export function collectivesOf(
  members: ReadonlyArray<{ readonly staff: { readonly id: string }; readonly unitId: string | null }>,
  parts: Pick<HistoryBase, 'unitsById' | 'unitYears' | 'unitTitles'>,
  unitIds: ReadonlySet<string> | null,
): { units: UnitHistory[]; chainOf: (unitId: string) => string[] } {
  const { unitsById } = parts;
  const chains = new Map<string, string[]>();
  const chainOf = (unitId: string): string[] => {
    let chain = chains.get(unitId);
    if (chain) return chain;
    chain = [];
    const seen = new Set<string>();
    for (let u = unitsById.get(unitId); u && !seen.has(u.id); u = u.parentId ? unitsById.get(u.parentId) : undefined) {
      seen.add(u.id);
      if (!unitIds || unitIds.has(u.id)) chain.push(u.id);
    }
    chains.set(unitId, chain);
    return chain;
  };
  const memberIds = new Map<string, string[]>();
  for (const m of members) {
    if (!m.unitId) continue;
    for (const id of chainOf(m.unitId)) {
      const list = memberIds.get(id);
      if (list) list.push(m.staff.id);
      else memberIds.set(id, [m.staff.id]);
    }
  }
  const units: UnitHistory[] = [];
  for (const [unitId, ids] of memberIds) {
    const u = unitsById.get(unitId)!;
    // the same objects every time while unchanged: the checker then reuses the unit's verdicts
    units.push({ unitId, name: u.name, memberIds: ids, years: parts.unitYears.get(unitId) ?? NO_YEARS, titles: parts.unitTitles.get(unitId) ?? NONE });
  }
  return { units, chainOf };
}

/** A year's histories read afresh (nothing kept): see cachedHistories for the checker's path. */
export function loadHistories(db: Db, scope: HistoryScope): LoadedHistories {
  return historiesFromBase(db, readHistoryBase(db), scope);
}

// --- the base kept per connection -------------------------------------------------------

/** What this connection changed since the base was last brought up to date. */
interface HistoryWatch {
  /** every watched row written (a cached answer is stale when it moved) */
  changes: number;
  people: Set<string>;
  decisions: Set<number>;
  units: boolean;
  /** more changed than REFRESH_LIMIT: everything is read again (and the sets stop growing) */
  overflow: boolean;
}

const watches = new WeakMap<Db, HistoryWatch>();

/** Above this many changed people (an import, a bundle) reading everything again is cheaper. */
const REFRESH_LIMIT = 3000;

/**
 * TEMP triggers on every table the histories and the checker's view read. They belong to the
 * connection, never to the file, and report through a function of this connection:
 * p = a person's own rows, r = an award recipient, d = a decision, u = units, g = other (registrations).
 */
function watchHistories(db: Db): HistoryWatch {
  const known = watches.get(db);
  if (known) return known;
  const watch: HistoryWatch = { changes: 0, people: new Set(), decisions: new Set(), units: false, overflow: false };
  db.function('tdkt_history_changed', { deterministic: false, directOnly: true }, (kind: unknown, a: unknown, b: unknown) => {
    watch.changes++;
    if (watch.overflow) return null;
    if (watch.people.size + watch.decisions.size > REFRESH_LIMIT) {
      watch.overflow = true;
      watch.people.clear();
      watch.decisions.clear();
    } else if (kind === 'p') {
      if (typeof a === 'string') watch.people.add(a);
    } else if (kind === 'r') {
      if (b === 'unit') watch.units = true;
      else if (typeof a === 'string') watch.people.add(a);
    } else if (kind === 'd') {
      if (typeof a === 'number' || typeof a === 'bigint') watch.decisions.add(Number(a));
    } else if (kind === 'u') {
      watch.units = true;
    }
    return null;
  });
  const triggers: string[] = [];
  const on = (table: string, call: (row: 'NEW' | 'OLD') => string) => {
    triggers.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS tdkt_history_${table}_ai AFTER INSERT ON main.${table} BEGIN SELECT ${call('NEW')}; END;`,
      `CREATE TEMP TRIGGER IF NOT EXISTS tdkt_history_${table}_au AFTER UPDATE ON main.${table} BEGIN SELECT ${call('OLD')}, ${call('NEW')}; END;`,
      `CREATE TEMP TRIGGER IF NOT EXISTS tdkt_history_${table}_ad AFTER DELETE ON main.${table} BEGIN SELECT ${call('OLD')}; END;`,
    );
  };
  on('staff', (r) => `tdkt_history_changed('p', ${r}.id, NULL)`);
  for (const t of ['person_year', 'initiative', 'discipline']) on(t, (r) => `tdkt_history_changed('p', ${r}.staff_id, NULL)`);
  on('award_recipient', (r) => `tdkt_history_changed('r', ${r}.staff_id, ${r}.subject_kind)`);
  on('award_decision', (r) => `tdkt_history_changed('d', ${r}.rowid, NULL)`);
  for (const t of ['unit', 'unit_year']) on(t, () => `tdkt_history_changed('u', NULL, NULL)`);
  on('registration', () => `tdkt_history_changed('g', NULL, NULL)`);
  db.exec(triggers.join('\n'));
  watches.set(db, watch);
  return watch;
}

interface KeptBase {
  base: HistoryBase;
  changes: number;
  dataVersion: number;
  generation: number;
}

const kept = new WeakMap<Db, KeptBase>();
let generations = 0;

export interface CachedHistories extends LoadedHistories {
  /**
   * Changes whenever anything the checker or its view reads has changed (registrations
   * included); the same number means the same data. -1: read inside a transaction, not kept.
   */
  generation: number;
}

/** Bring the connection's base up to date: nothing read when nothing changed. */
function* currentBaseSteps(db: Db): Steps<KeptBase> {
  const w = watchHistories(db);
  for (let attempt = 0; ; attempt++) {
    const version = db.pragma('data_version', { simple: true }) as number;
    const k = kept.get(db);
    if (k && k.dataVersion === version && k.changes === w.changes) return k;
    if (!k || k.dataVersion !== version || w.overflow) {
      // Everything read again, in slices with no transaction across them: what this
      // connection writes meanwhile lands in the watch (re-read on the next turn of the loop),
      // a commit by another connection moves data_version (everything read again, then in
      // one transaction so that it cannot repeat).
      w.people.clear();
      w.decisions.clear();
      w.units = false;
      w.overflow = false;
      const changes = w.changes;
      const base = attempt === 0 ? yield* readHistoryBaseSteps(db) : db.transaction(() => drain(readHistoryBaseSteps(db)))();
      kept.set(db, { base, changes, dataVersion: version, generation: ++generations });
      continue;
    }
    const base = k.base;
    const people = w.people;
    // one read transaction: every query sees the same snapshot
    db.transaction(() => {
      if (w.decisions.size) {
        const rowids = [...w.decisions];
        for (const rid of rowids) base.decisionTitles.delete(rid);
        for (const [rid, t] of readDecisionTitles(db, rowids)) base.decisionTitles.set(rid, t);
        // every recipient of a changed decision has a changed title
        for (const [staffId, kind] of prep(
          db,
          `SELECT staff_id, subject_kind FROM award_recipient WHERE decision_id IN (SELECT id FROM award_decision WHERE rowid ${IN_IDS})`,
        )
          .raw()
          .all(JSON.stringify(rowids)) as Array<[string | null, string]>) {
          if (kind === 'unit') w.units = true;
          else if (staffId) people.add(staffId);
        }
      }
      if (w.units) readUnitParts(db, base);
      if (people.size) refreshPeople(db, base, people);
    })();
    w.people.clear();
    w.decisions.clear();
    w.units = false;
    k.changes = w.changes;
    k.dataVersion = version;
    k.generation = ++generations;
    return k;
  }
}

/**
 * loadHistories through the connection's kept base: the first call reads the office, later
 * ones re-read only what changed. Inside a transaction (writes not yet committed) the
 * histories are read afresh and nothing is kept.
 */
export function cachedHistories(db: Db, scope: HistoryScope): CachedHistories {
  if (db.inTransaction) return { ...loadHistories(db, scope), generation: -1 };
  return drain(cachedHistoriesSteps(db, scope));
}

/** cachedHistories in slices (reading the whole office yields between ranges of people); never inside a transaction. */
export function* cachedHistoriesSteps(db: Db, scope: HistoryScope): Steps<CachedHistories> {
  const k = yield* currentBaseSteps(db);
  yield;
  // the year's units first (a scan of the year's rows), then the histories
  yearUnitsOf(db, k.base, scope.year);
  yield;
  return { ...(yield* historiesFromBaseSteps(db, k.base, scope)), generation: k.generation };
}

// --- reading for a patch: a few people -----------------------------------------------

/** What bringing a kept run up to date reads of the records (the records service's patch). */
export interface PatchReads {
  /** the touched people's histories for the year (those who count for it, in the scope) */
  touched: LoadedHistories;
  /** every unit, the unit-year facts and the collectives' titles */
  parts: Pick<HistoryBase, 'unitsById' | 'unitYears' | 'unitTitles'>;
}

/**
 * The touched people read as refreshPeople reads them and assembled as historiesFromBase
 * assembles them, with the units, in one transaction. A few milliseconds.
 */
export function readForPatch(db: Db, ids: ReadonlySet<string>, scope: HistoryScope): PatchReads {
  return db.transaction(() => {
    const base: HistoryBase = {
      staff: new Map(),
      records: new Map(),
      units: [],
      unitsById: new Map(),
      unitYears: new Map(),
      unitTitles: new Map(),
      decisionTitles: new Map(),
      yearUnits: new Map([[scope.year, new Map()]]),
      assembled: new Map(),
    };
    readUnitParts(db, base);
    if (ids.size) {
      // the titles of the decisions these people received
      const rowids = prep(db, `SELECT DISTINCT d.rowid FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id WHERE r.staff_id ${IN_IDS}`)
        .pluck()
        .all(JSON.stringify([...ids])) as number[];
      base.decisionTitles = new Map(readDecisionTitles(db, rowids));
      refreshPeople(db, base, ids);
    }
    return { touched: historiesFromBase(db, base, scope), parts: base };
  })();
}

/** Live staff ids → position in table order (the order a full read gives people). */
export function staffOrder(db: Db): Map<string, number> {
  const order = new Map<string, number>();
  const ids = prep(db, 'SELECT id FROM staff WHERE deleted_at IS NULL ORDER BY rowid').pluck().all() as string[];
  for (let i = 0; i < ids.length; i++) order.set(ids[i]!, i);
  return order;
}

/** The recipients of some decisions (all of them, deleted ones too: a change may have removed them). */
export function recipientsOfDecisions(db: Db, decisionIds: readonly string[]): { people: string[]; units: boolean } {
  const out = { people: [] as string[], units: false };
  for (const [staffId, kind] of prep(db, `SELECT staff_id, subject_kind FROM award_recipient WHERE decision_id ${IN_IDS}`)
    .raw()
    .all(JSON.stringify(decisionIds)) as Array<[string | null, string]>) {
    if (kind === 'unit') out.units = true;
    else if (staffId) out.people.push(staffId);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Person-year and unit-year facts

export interface PersonYearRow {
  id: string;
  staff_id: string;
  year: number;
  unit_id: string | null;
  rating: string | null;
  maternity_leave: number;
  under_review: number;
  note: string;
  updated_at: string;
}

export function personYearsOf(db: Db, staffId: string): PersonYearRow[] {
  return all<PersonYearRow>(
    db,
    'SELECT id, staff_id, year, unit_id, rating, maternity_leave, under_review, note, updated_at FROM person_year WHERE staff_id = ? AND deleted_at IS NULL ORDER BY year, updated_at',
    [staffId],
  );
}

/** Facts of a year for many people: staff id → row (latest wins). */
/** The year's facts by person (the latest row wins): of these people, or of everyone. */
export function personYearsForYear(db: Db, year: number, staffIds?: readonly string[]): Map<string, PersonYearRow> {
  const out = new Map<string, PersonYearRow>();
  const rows = staffIds
    ? personYearsOfStaff(db, staffIds, { from: year, to: year })
    : all<PersonYearRow>(
        db,
        'SELECT id, staff_id, year, unit_id, rating, maternity_leave, under_review, note, updated_at FROM person_year WHERE year = ? AND deleted_at IS NULL ORDER BY updated_at',
        [year],
      );
  for (const r of rows) out.set(r.staff_id, r);
  return out;
}

export interface PersonYearFields {
  staffId: string;
  year: number;
  /** unit in that year; only written when the row is created or had none */
  unitId: string | null;
  rating: Rating | null;
  maternityLeave: boolean;
  underReview: boolean;
}

/** Insert or update the live (staff, year) row. Returns true when something changed. */
/**
 * One person's facts for one year. INDEXED BY: without statistics SQLite prefers
 * person_year_year_units here (it gives the ORDER BY for free) and scans the whole year — 2 ms a
 * lookup at 30,000 people, so a year-end grid or a 10-year import slowed to a crawl; a person's
 * year is a few rows of person_year_staff. (Exported for the query-plan test.)
 */
export const PERSON_YEAR_OF_SQL =
  'SELECT id, staff_id, year, unit_id, rating, maternity_leave, under_review, note, updated_at FROM person_year INDEXED BY person_year_staff WHERE staff_id = ? AND year = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1';

export function upsertPersonYear(db: Db, origin: string, f: PersonYearFields, now = nowIso()): boolean {
  const cur = get<PersonYearRow>(db, PERSON_YEAR_OF_SQL, [f.staffId, f.year]);
  const m = f.maternityLeave ? 1 : 0;
  const u = f.underReview ? 1 : 0;
  if (!cur) {
    if (f.rating === null && !m && !u) return false;
    run(
      db,
      `INSERT INTO person_year (id, origin_office_id, created_at, updated_at, deleted_at, staff_id, year, unit_id, rating, maternity_leave, under_review, note)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, '')`,
      [newId(), origin, now, now, f.staffId, f.year, f.unitId, f.rating, m, u],
    );
    return true;
  }
  const unitId = cur.unit_id ?? f.unitId;
  if (cur.rating === f.rating && cur.maternity_leave === m && cur.under_review === u && cur.unit_id === unitId) return false;
  run(db, 'UPDATE person_year SET rating = ?, maternity_leave = ?, under_review = ?, unit_id = ?, updated_at = ? WHERE id = ?', [
    f.rating,
    m,
    u,
    unitId,
    now,
    cur.id,
  ]);
  return true;
}

export function unitYearReview(db: Db, unitId: string, year: number): boolean {
  const r = get<{ under_review: number }>(
    db,
    'SELECT under_review FROM unit_year WHERE unit_id = ? AND year = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1',
    [unitId, year],
  );
  return r?.under_review === 1;
}

export function unitYearsOf(db: Db, unitId: string): Array<{ year: number; under_review: number }> {
  return all(db, 'SELECT year, under_review FROM unit_year WHERE unit_id = ? AND deleted_at IS NULL ORDER BY year, updated_at', [unitId]);
}

export function upsertUnitYear(db: Db, origin: string, unitId: string, year: number, underReview: boolean, now = nowIso()): void {
  const cur = get<{ id: string; under_review: number }>(
    db,
    'SELECT id, under_review FROM unit_year WHERE unit_id = ? AND year = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1',
    [unitId, year],
  );
  const u = underReview ? 1 : 0;
  if (!cur) {
    if (!u) return;
    run(
      db,
      `INSERT INTO unit_year (id, origin_office_id, created_at, updated_at, deleted_at, unit_id, year, under_review, note) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, '')`,
      [newId(), origin, now, now, unitId, year, u],
    );
  } else if (cur.under_review !== u) {
    run(db, 'UPDATE unit_year SET under_review = ?, updated_at = ? WHERE id = ?', [u, now, cur.id]);
  }
}

// ---------------------------------------------------------------------------------------
// Decisions and recipients

export type DecisionRow = OwnColumns<AwardDecisionTable> & Pick<RecordColumns, 'id' | 'updated_at'>;

export interface DecisionFields {
  number: string;
  numberKey: string;
  decisionDate: string | null;
  issuer: string;
  signer: string;
  awardCode: string | null;
  otherForm: string;
  basis: AwardBasis;
  year: number;
  campaignId: string | null;
  cashAmount: number | null;
  source: 'manual' | 'grid' | 'import';
  batchKey: string | null;
  note: string;
}

const DECISION_COLS =
  'id, number, number_key, decision_date, issuer, signer, award_code, other_form, basis, year, campaign_id, cash_amount, source, batch_key, note, updated_at';

export function getDecision(db: Db, id: string): DecisionRow | undefined {
  return get<DecisionRow>(db, `SELECT ${DECISION_COLS} FROM award_decision WHERE id = ? AND deleted_at IS NULL`, [id]);
}

export function decisionByBatch(db: Db, batchKey: string): DecisionRow | undefined {
  return get<DecisionRow>(
    db,
    `SELECT ${DECISION_COLS} FROM award_decision WHERE batch_key = ? AND deleted_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
    [batchKey],
  );
}

export interface DecisionListRow extends DecisionRow {
  recipient_count: number;
  campaign_name: string | null;
}

/**
 * The decision list. The live recipients are counted in award_recipient_decision_subjects
 * alone (migration 12): with the decision_id-only index each count read every recipient's
 * table row, 270 ms for a province. (Exported for the query-plan test.)
 */
export const DECISION_LIST_SQL = `SELECT ${DECISION_COLS.split(', ').map((c) => `d.${c}`).join(', ')},
      (SELECT COUNT(*) FROM award_recipient r WHERE r.decision_id = d.id AND r.deleted_at IS NULL) AS recipient_count,
      c.name AS campaign_name
    FROM award_decision d LEFT JOIN campaign c ON c.id = d.campaign_id
    WHERE d.deleted_at IS NULL`;

export function listDecisions(db: Db, f: { year: number | null }): DecisionListRow[] {
  return f.year === null ? all<DecisionListRow>(db, DECISION_LIST_SQL) : all<DecisionListRow>(db, `${DECISION_LIST_SQL} AND d.year = ?`, [f.year]);
}

/** Existing decision (not a grid decision) with the same number, date, form, year and basis (import reuses it). */
export function findDecision(
  db: Db,
  k: { numberKey: string; decisionDate: string | null; awardCode: string | null; otherForm: string; year: number; basis: string },
): DecisionRow | undefined {
  return get<DecisionRow>(
    db,
    `SELECT ${DECISION_COLS} FROM award_decision
      WHERE deleted_at IS NULL AND batch_key IS NULL AND number_key = ? AND decision_date IS ? AND award_code IS ? AND other_form = ? AND year = ? AND basis = ?
      ORDER BY updated_at DESC LIMIT 1`,
    [k.numberKey, k.decisionDate, k.awardCode, k.otherForm, k.year, k.basis],
  );
}

function decisionParams(f: DecisionFields) {
  return {
    number: f.number,
    number_key: f.numberKey,
    decision_date: f.decisionDate,
    issuer: f.issuer,
    signer: f.signer,
    award_code: f.awardCode,
    other_form: f.otherForm,
    basis: f.basis,
    year: f.year,
    campaign_id: f.campaignId,
    cash_amount: f.cashAmount,
    source: f.source,
    batch_key: f.batchKey,
    note: f.note,
  };
}

export function insertDecision(db: Db, origin: string, f: DecisionFields, now = nowIso()): string {
  const id = newId();
  run(
    db,
    `INSERT INTO award_decision (id, origin_office_id, created_at, updated_at, deleted_at, number, number_key, decision_date, issuer, signer,
       award_code, other_form, basis, year, campaign_id, cash_amount, source, batch_key, note)
     VALUES (@id, @origin, @now, @now, NULL, @number, @number_key, @decision_date, @issuer, @signer,
       @award_code, @other_form, @basis, @year, @campaign_id, @cash_amount, @source, @batch_key, @note)`,
    { id, origin, now, ...decisionParams(f) },
  );
  return id;
}

export function updateDecision(db: Db, id: string, f: DecisionFields, now = nowIso()): void {
  run(
    db,
    `UPDATE award_decision SET number = @number, number_key = @number_key, decision_date = @decision_date, issuer = @issuer, signer = @signer,
       award_code = @award_code, other_form = @other_form, basis = @basis, year = @year, campaign_id = @campaign_id,
       cash_amount = @cash_amount, source = @source, batch_key = @batch_key, note = @note, updated_at = @now
     WHERE id = @id`,
    { id, now, ...decisionParams(f) },
  );
}

export function setDecisionNumber(db: Db, id: string, number: string, numberKey: string, date: string | null, now = nowIso()): void {
  run(db, 'UPDATE award_decision SET number = ?, number_key = ?, decision_date = ?, updated_at = ? WHERE id = ?', [number, numberKey, date, now, id]);
}

export function softDeleteDecision(db: Db, id: string, now = nowIso()): boolean {
  run(db, 'UPDATE award_recipient SET deleted_at = ?, updated_at = ? WHERE decision_id = ? AND deleted_at IS NULL', [now, now, id]);
  return run(db, 'UPDATE award_decision SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', [now, now, id]) > 0;
}

export interface RecipientRow {
  id: string;
  decision_id: string;
  subject_kind: 'person' | 'unit';
  staff_id: string | null;
  unit_id: string | null;
  name: string;
  unit_name: string;
  cash_amount: number | null;
  sort_order: number;
}

const RECIPIENT_COLS = 'id, decision_id, subject_kind, staff_id, unit_id, name, unit_name, cash_amount, sort_order';

export function recipientsOf(db: Db, decisionId: string): RecipientRow[] {
  return all<RecipientRow>(
    db,
    `SELECT ${RECIPIENT_COLS} FROM award_recipient WHERE decision_id = ? AND deleted_at IS NULL ORDER BY sort_order, name`,
    [decisionId],
  );
}

export interface RecipientFields {
  decisionId: string;
  kind: 'person' | 'unit';
  staffId: string | null;
  unitId: string | null;
  name: string;
  unitName: string;
  cashAmount: number | null;
  sortOrder: number;
}

export function insertRecipient(db: Db, origin: string, f: RecipientFields, now = nowIso()): string {
  const id = newId();
  run(
    db,
    `INSERT INTO award_recipient (id, origin_office_id, created_at, updated_at, deleted_at, decision_id, subject_kind, staff_id, unit_id, name, unit_name, cash_amount, sort_order)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, origin, now, now, f.decisionId, f.kind, f.staffId, f.unitId, f.name, f.unitName, f.cashAmount, f.sortOrder],
  );
  return id;
}

export function updateRecipient(db: Db, id: string, cashAmount: number | null, sortOrder: number, now = nowIso()): void {
  run(db, 'UPDATE award_recipient SET cash_amount = ?, sort_order = ?, updated_at = ? WHERE id = ? AND (cash_amount IS NOT ? OR sort_order <> ?)', [
    cashAmount,
    sortOrder,
    now,
    id,
    cashAmount,
    sortOrder,
  ]);
}

export function softDeleteRecipient(db: Db, id: string, now = nowIso()): void {
  run(db, 'UPDATE award_recipient SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL', [now, now, id]);
}

export interface HeldTitleRow {
  recipient_id: string;
  staff_id: string;
  award_code: string;
  decision_id: string;
  number: string;
  source: string;
}

/** Live person recipients of decisions with `codes` for a year (who holds LĐTT 2024 …). */
/** People's titles of these codes in a year: of these people (one index seek each), or of everyone. */
export function heldTitles(db: Db, year: number, codes: readonly string[], staffIds?: readonly string[]): HeldTitleRow[] {
  return all<HeldTitleRow>(
    db,
    `SELECT r.id AS recipient_id, r.staff_id, d.award_code, d.id AS decision_id, d.number, d.source
       FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id
      WHERE r.deleted_at IS NULL AND d.deleted_at IS NULL AND r.subject_kind = 'person' AND d.year = ?
        AND d.award_code IN (SELECT value FROM json_each(?))${staffIds ? ' AND r.staff_id IN (SELECT value FROM json_each(?))' : ''}
      ORDER BY d.updated_at`,
    staffIds ? [year, JSON.stringify(codes), JSON.stringify(staffIds)] : [year, JSON.stringify(codes)],
  );
}

export interface SubjectAwardRow {
  decision_id: string;
  award_code: string | null;
  other_form: string;
  basis: string;
  year: number;
  number: string;
  decision_date: string | null;
  issuer: string;
  subject_kind: string;
  staff_id: string | null;
  unit_id: string | null;
}

const SUBJECT_AWARD_SELECT = `SELECT d.id AS decision_id, d.award_code, d.other_form, d.basis, d.year, d.number, d.decision_date, d.issuer,
    r.subject_kind, r.staff_id, r.unit_id
   FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id
  WHERE r.deleted_at IS NULL AND d.deleted_at IS NULL`;

export function awardsOfStaff(db: Db, staffIds: readonly string[]): SubjectAwardRow[] {
  if (staffIds.length === 0) return [];
  return all<SubjectAwardRow>(db, `${SUBJECT_AWARD_SELECT} AND r.staff_id IN (SELECT value FROM json_each(?)) ORDER BY d.year, d.decision_date`, [
    JSON.stringify(staffIds),
  ]);
}

export function awardsOfUnit(db: Db, unitId: string): SubjectAwardRow[] {
  return all<SubjectAwardRow>(db, `${SUBJECT_AWARD_SELECT} AND r.subject_kind = 'unit' AND r.unit_id = ? ORDER BY d.year, d.decision_date`, [unitId]);
}

// Award statistics: who received what, and each person's unit per year, as lists packed by
// SQLite (group_concat) and decoded here. Returning 230,000 recipient and 240,000 person-year
// rows to JS, or joining them row by row in SQL, took seconds.

const SEP = '\x1f';
/** A unit as the packed lists give it: its rowid; 0 for none, -1 for an id no unit row has. */
const UNIT_CODE = (col: string) => `CASE WHEN ${col} IS NULL THEN 0 ELSE ifnull(u.rowid, -1) END`;

const split = (packed: string | null): string[] => (packed === null ? [] : packed.split(SEP));

/** "12,-1,0" → [12, -1, 0] */
function ints(packed: string | null): Int32Array {
  if (packed === null) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < packed.length; i++) if (packed.charCodeAt(i) === 44) count++;
  const out = new Int32Array(count);
  let k = 0;
  let n = 0;
  let sign = 1;
  for (let i = 0; i <= packed.length; i++) {
    const c = i < packed.length ? packed.charCodeAt(i) : 44;
    if (c === 44) {
      out[k++] = sign * n;
      n = 0;
      sign = 1;
    } else if (c === 45) sign = -1;
    else n = n * 10 + (c - 48);
  }
  return out;
}

/** Subjects with their units' codes, position by position. */
export interface UnitCoded {
  ids: string[];
  units: Int32Array;
}

/** Every unit row (deleted ones too) by its code. */
export function unitsByCode(db: Db): Map<number, string> {
  return new Map(prep(db, 'SELECT rowid, id FROM unit').raw().all() as Array<[number, string]>);
}

/** Every staff row (deleted people keep their records) with its current unit's code. */
export function staffUnitCodes(db: Db): UnitCoded {
  const [ids, units] = prep(db, `SELECT group_concat(s.id, char(31)), group_concat(${UNIT_CODE('s.unit_id')}) FROM staff s LEFT JOIN unit u ON u.id = s.unit_id`)
    .raw()
    .get() as [string | null, string | null];
  return { ids: split(ids), units: ints(units) };
}

/**
 * A year's person_year rows: staff ids with the code of the unit recorded, in no particular
 * order — a person with two live rows for the year needs personYearsOfStaff (latest updated_at
 * wins). INDEXED BY: the covering index (SQLite may otherwise take person_year_year and read
 * every table row).
 */
export const YEAR_UNIT_CODES_SQL = `SELECT group_concat(py.staff_id, char(31)), group_concat(${UNIT_CODE('py.unit_id')})
  FROM person_year py INDEXED BY person_year_year_units LEFT JOIN unit u ON u.id = py.unit_id WHERE py.year = ? AND py.deleted_at IS NULL`;

export function yearUnitCodes(db: Db, year: number): UnitCoded {
  const [ids, units] = prep(db, YEAR_UNIT_CODES_SQL).raw().get(year) as [string | null, string | null];
  return { ids: split(ids), units: ints(units) };
}

export interface DecisionSubjects {
  year: number;
  awardCode: string | null;
  otherForm: string;
  /** the live person recipients' staff ids */
  staffIds: string[];
  /** the live unit recipients' codes */
  units: Int32Array;
}

/** Live decisions of some years, in year order, with their live recipients (read from award_recipient_decision_subjects). */
export const DECISION_SUBJECTS_SQL = `SELECT d.year, d.award_code, d.other_form,
    (SELECT group_concat(r.staff_id, char(31)) FROM award_recipient r WHERE r.decision_id = d.id AND r.deleted_at IS NULL AND r.subject_kind = 'person'),
    (SELECT group_concat(${UNIT_CODE('r.unit_id')}) FROM award_recipient r LEFT JOIN unit u ON u.id = r.unit_id
      WHERE r.decision_id = d.id AND r.deleted_at IS NULL AND r.subject_kind = 'unit')
   FROM award_decision d WHERE d.deleted_at IS NULL AND d.year BETWEEN ? AND ?`;

export function decisionSubjectsInYears(db: Db, from: number, to: number): DecisionSubjects[] {
  const rows = prep(db, DECISION_SUBJECTS_SQL)
    .raw()
    .all(from, to) as Array<[number, string | null, string, string | null, string | null]>;
  return rows.map((r) => ({ year: r[0], awardCode: r[1], otherForm: r[2], staffIds: split(r[3]), units: ints(r[4]) }));
}

// ---------------------------------------------------------------------------------------
// Initiatives

export interface InitiativeRow {
  id: string;
  staff_id: string;
  year: number;
  title: string;
  title_key: string;
  kind: string;
  recognizing_body: string;
  scope: string;
  recognized_on: string | null;
  decision_no: string;
  note: string;
}

const INITIATIVE_COLS = 'id, staff_id, year, title, title_key, kind, recognizing_body, scope, recognized_on, decision_no, note';

/** An initiative as an array (the list reads 30,000: objects cost); its folded title only when asked. */
export type InitiativeListTuple = [
  id: string,
  staffId: string,
  year: number,
  title: string,
  kind: string,
  recognizingBody: string,
  scope: string,
  recognizedOn: string | null,
  decisionNo: string,
  note: string,
  titleKey?: string,
];

/** Live initiatives (of a year), in table order. */
export function listInitiatives(db: Db, year: number | null, withTitleKey: boolean): InitiativeListTuple[] {
  const cols = `id, staff_id, year, title, kind, recognizing_body, scope, recognized_on, decision_no, note${withTitleKey ? ', title_key' : ''}`;
  const sql = `SELECT ${cols} FROM initiative WHERE deleted_at IS NULL${year === null ? '' : ' AND year = ?'}`;
  return prep(db, sql)
    .raw()
    .all(...(year === null ? [] : [year])) as InitiativeListTuple[];
}

export function initiativesOfStaff(db: Db, staffIds: readonly string[]): InitiativeRow[] {
  if (staffIds.length === 0) return [];
  return all<InitiativeRow>(db, `SELECT ${INITIATIVE_COLS} FROM initiative WHERE deleted_at IS NULL AND staff_id IN (SELECT value FROM json_each(?)) ORDER BY year`, [
    JSON.stringify(staffIds),
  ]);
}

export function getInitiative(db: Db, id: string): InitiativeRow | undefined {
  return get<InitiativeRow>(db, `SELECT ${INITIATIVE_COLS} FROM initiative WHERE id = ? AND deleted_at IS NULL`, [id]);
}

export interface InitiativeFields {
  staffId: string;
  year: number;
  title: string;
  titleKey: string;
  kind: InitiativeKind;
  recognizingBody: string;
  scope: InitiativeScope;
  recognizedOn: string | null;
  decisionNo: string;
  note: string;
}

function initiativeParams(f: InitiativeFields) {
  return {
    staff_id: f.staffId,
    year: f.year,
    title: f.title,
    title_key: f.titleKey,
    kind: f.kind,
    recognizing_body: f.recognizingBody,
    scope: f.scope,
    recognized_on: f.recognizedOn,
    decision_no: f.decisionNo,
    note: f.note,
  };
}

export function insertInitiative(db: Db, origin: string, f: InitiativeFields, now = nowIso()): string {
  const id = newId();
  run(
    db,
    `INSERT INTO initiative (id, origin_office_id, created_at, updated_at, deleted_at, staff_id, year, title, title_key, kind, recognizing_body, scope, recognized_on, decision_no, note)
     VALUES (@id, @origin, @now, @now, NULL, @staff_id, @year, @title, @title_key, @kind, @recognizing_body, @scope, @recognized_on, @decision_no, @note)`,
    { id, origin, now, ...initiativeParams(f) },
  );
  return id;
}

export function updateInitiative(db: Db, id: string, f: InitiativeFields, now = nowIso()): void {
  run(
    db,
    `UPDATE initiative SET staff_id = @staff_id, year = @year, title = @title, title_key = @title_key, kind = @kind, recognizing_body = @recognizing_body,
       scope = @scope, recognized_on = @recognized_on, decision_no = @decision_no, note = @note, updated_at = @now WHERE id = @id`,
    { id, now, ...initiativeParams(f) },
  );
}

/** A live initiative with the same person, year and title (import skips it). */
export function findInitiative(db: Db, staffId: string, year: number, titleKey: string): string | undefined {
  return get<{ id: string }>(db, 'SELECT id FROM initiative WHERE staff_id = ? AND year = ? AND title_key = ? AND deleted_at IS NULL', [staffId, year, titleKey])?.id;
}

// ---------------------------------------------------------------------------------------
// Disciplines

export interface DisciplineRow {
  id: string;
  staff_id: string;
  form: string;
  from_date: string;
  to_date: string | null;
  decision_no: string;
  issuer: string;
  note: string;
}

const DISCIPLINE_COLS = 'id, staff_id, form, from_date, to_date, decision_no, issuer, note';

/** A discipline as an array, DISCIPLINE_COLS in order. */
export type DisciplineListTuple = [id: string, staffId: string, form: string, fromDate: string, toDate: string | null, decisionNo: string, issuer: string, note: string];

/** Live disciplines in table order; with a year, those in force at some point of it. */
export function listDisciplines(db: Db, year: number | null): DisciplineListTuple[] {
  const sql = `SELECT ${DISCIPLINE_COLS} FROM discipline WHERE deleted_at IS NULL${year === null ? '' : ' AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)'}`;
  return prep(db, sql)
    .raw()
    .all(...(year === null ? [] : [`${year}-12-31`, `${year}-01-01`])) as DisciplineListTuple[];
}

export function disciplinesOfStaff(db: Db, staffIds: readonly string[]): DisciplineRow[] {
  if (staffIds.length === 0) return [];
  return all<DisciplineRow>(db, `SELECT ${DISCIPLINE_COLS} FROM discipline WHERE deleted_at IS NULL AND staff_id IN (SELECT value FROM json_each(?)) ORDER BY from_date`, [
    JSON.stringify(staffIds),
  ]);
}

export function getDiscipline(db: Db, id: string): DisciplineRow | undefined {
  return get<DisciplineRow>(db, `SELECT ${DISCIPLINE_COLS} FROM discipline WHERE id = ? AND deleted_at IS NULL`, [id]);
}

export interface DisciplineFields {
  staffId: string;
  form: DisciplineForm;
  fromDate: string;
  toDate: string | null;
  decisionNo: string;
  issuer: string;
  note: string;
}

function disciplineParams(f: DisciplineFields) {
  return { staff_id: f.staffId, form: f.form, from_date: f.fromDate, to_date: f.toDate, decision_no: f.decisionNo, issuer: f.issuer, note: f.note };
}

export function insertDiscipline(db: Db, origin: string, f: DisciplineFields, now = nowIso()): string {
  const id = newId();
  run(
    db,
    `INSERT INTO discipline (id, origin_office_id, created_at, updated_at, deleted_at, staff_id, form, from_date, to_date, decision_no, issuer, note)
     VALUES (@id, @origin, @now, @now, NULL, @staff_id, @form, @from_date, @to_date, @decision_no, @issuer, @note)`,
    { id, origin, now, ...disciplineParams(f) },
  );
  return id;
}

export function updateDiscipline(db: Db, id: string, f: DisciplineFields, now = nowIso()): void {
  run(
    db,
    `UPDATE discipline SET staff_id = @staff_id, form = @form, from_date = @from_date, to_date = @to_date, decision_no = @decision_no,
       issuer = @issuer, note = @note, updated_at = @now WHERE id = @id`,
    { id, now, ...disciplineParams(f) },
  );
}

// ---------------------------------------------------------------------------------------
// Registrations

export interface RegistrationRow {
  id: string;
  year: number;
  subject_kind: 'person' | 'unit';
  staff_id: string | null;
  unit_id: string | null;
  award_code: string;
  note: string;
}

const REGISTRATION_COLS = 'id, year, subject_kind, staff_id, unit_id, award_code, note';

/** A registration as an array, REGISTRATION_COLS in order (the list reads 28,000: objects cost). */
export type RegistrationListTuple = [id: string, year: number, subjectKind: 'person' | 'unit', staffId: string | null, unitId: string | null, awardCode: string, note: string];

export function listRegistrationTuples(db: Db, year: number | null): RegistrationListTuple[] {
  const sql = `SELECT ${REGISTRATION_COLS} FROM registration WHERE deleted_at IS NULL${year === null ? '' : ' AND year = ?'}`;
  return prep(db, sql)
    .raw()
    .all(...(year === null ? [] : [year])) as RegistrationListTuple[];
}

export function listRegistrations(db: Db, year: number | null): RegistrationRow[] {
  return listRegistrationTuples(db, year).map((r) => ({ id: r[0], year: r[1], subject_kind: r[2], staff_id: r[3], unit_id: r[4], award_code: r[5], note: r[6] }));
}

export function registrationsOfSubject(db: Db, kind: 'person' | 'unit', id: string): RegistrationRow[] {
  return all<RegistrationRow>(
    db,
    `SELECT ${REGISTRATION_COLS} FROM registration WHERE deleted_at IS NULL AND subject_kind = ? AND ${kind === 'person' ? 'staff_id' : 'unit_id'} = ? ORDER BY year`,
    [kind, id],
  );
}

// Timelines of many subjects at once (a dossier's nominees, a unit's members): one query
// per kind of record instead of one per person (registration_staff, person_year_staff).

/** Registrations of these people, ordered by year. */
export function registrationsOfStaff(db: Db, staffIds: readonly string[]): RegistrationRow[] {
  if (staffIds.length === 0) return [];
  return all<RegistrationRow>(
    db,
    `SELECT ${REGISTRATION_COLS} FROM registration WHERE deleted_at IS NULL AND subject_kind = 'person' AND staff_id IN (SELECT value FROM json_each(?)) ORDER BY year`,
    [JSON.stringify(staffIds)],
  );
}

/** Year facts of these people (optionally only `from`–`to`), ordered as personYearsOf: by year, then updated_at. */
/** Some people's facts, optionally within years: one seek per person (see PERSON_YEAR_OF_SQL), not a scan of the years. */
export const personYearsOfStaffSql = (withYears: boolean) =>
  `SELECT id, staff_id, year, unit_id, rating, maternity_leave, under_review, note, updated_at FROM person_year INDEXED BY person_year_staff
      WHERE deleted_at IS NULL AND staff_id IN (SELECT value FROM json_each(?))${withYears ? ' AND year BETWEEN ? AND ?' : ''} ORDER BY year, updated_at`;

export function personYearsOfStaff(db: Db, staffIds: readonly string[], years?: { from: number; to: number }): PersonYearRow[] {
  if (staffIds.length === 0) return [];
  return all<PersonYearRow>(db, personYearsOfStaffSql(!!years), years ? [JSON.stringify(staffIds), years.from, years.to] : [JSON.stringify(staffIds)]);
}

/** People with year facts recorded in these units in these years (person_year_year: one lookup per year and unit). */
export function staffRecordedInUnits(db: Db, unitIds: readonly string[], years: readonly number[]): string[] {
  if (unitIds.length === 0 || years.length === 0) return [];
  return (
    prep(
      db,
      'SELECT DISTINCT staff_id FROM person_year WHERE year IN (SELECT value FROM json_each(?)) AND unit_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL',
    )
      .raw()
      .all(JSON.stringify(years), JSON.stringify(unitIds)) as [string][]
  ).map((r) => r[0]);
}

/** Live staff whose current unit is one of these (staff_unit), or with these ids. */
export function staffLiteWhere(db: Db, by: { unitIds: readonly string[] } | { ids: readonly string[] }): StaffLite[] {
  const [column, list] = 'unitIds' in by ? ['unit_id', by.unitIds] : ['id', by.ids];
  if (list.length === 0) return [];
  const sql = `SELECT ${STAFF_LITE_COLS} FROM staff WHERE ${column} IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`;
  return (prep(db, sql).raw().all(JSON.stringify(list)) as StaffTuple[]).map(staffFromTuple);
}

export function getRegistration(db: Db, id: string): RegistrationRow | undefined {
  return get<RegistrationRow>(db, `SELECT ${REGISTRATION_COLS} FROM registration WHERE id = ? AND deleted_at IS NULL`, [id]);
}

export function findRegistration(db: Db, r: { year: number; kind: 'person' | 'unit'; staffId: string | null; unitId: string | null; awardCode: string }): string | undefined {
  return get<{ id: string }>(
    db,
    'SELECT id FROM registration WHERE deleted_at IS NULL AND year = ? AND subject_kind = ? AND staff_id IS ? AND unit_id IS ? AND award_code = ?',
    [r.year, r.kind, r.staffId, r.unitId, r.awardCode],
  )?.id;
}

export interface RegistrationFields {
  year: number;
  kind: 'person' | 'unit';
  staffId: string | null;
  unitId: string | null;
  awardCode: string;
  note: string;
}

export function insertRegistration(db: Db, origin: string, f: RegistrationFields, now = nowIso()): string {
  const id = newId();
  run(
    db,
    `INSERT INTO registration (id, origin_office_id, created_at, updated_at, deleted_at, year, subject_kind, staff_id, unit_id, award_code, note)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
    [id, origin, now, now, f.year, f.kind, f.kind === 'person' ? f.staffId : null, f.kind === 'unit' ? f.unitId : null, f.awardCode, f.note],
  );
  return id;
}

export function updateRegistration(db: Db, id: string, f: RegistrationFields, now = nowIso()): void {
  run(db, 'UPDATE registration SET year = ?, subject_kind = ?, staff_id = ?, unit_id = ?, award_code = ?, note = ?, updated_at = ? WHERE id = ?', [
    f.year,
    f.kind,
    f.kind === 'person' ? f.staffId : null,
    f.kind === 'unit' ? f.unitId : null,
    f.awardCode,
    f.note,
    now,
    id,
  ]);
}

/**
 * CROSS JOIN keeps the decisions outside (SQLite otherwise scans every recipient and looks up
 * its decision); their recipients are read from award_recipient_decision_subjects, not the table.
 */
export const ACHIEVED_KEYS_SQL = `SELECT r.subject_kind || '|' || COALESCE(r.staff_id, r.unit_id) || '|' || d.year || '|' || d.award_code
   FROM award_decision d CROSS JOIN award_recipient r ON r.decision_id = d.id
  WHERE d.deleted_at IS NULL AND r.deleted_at IS NULL AND d.award_code IS NOT NULL
    AND d.year || '|' || d.award_code IN (SELECT value FROM json_each(?))`;

/**
 * Achieved registrations: "kind|subject|year|code" keys that a live decision recorded, among
 * the decisions of these "year|code" pairs only (the registered titles: not all 230,000 recipients).
 */
export function achievedKeys(db: Db, yearCodes: readonly string[]): Set<string> {
  if (yearCodes.length === 0) return new Set();
  const keys = prep(db, ACHIEVED_KEYS_SQL)
    .pluck()
    .all(JSON.stringify(yearCodes)) as Array<string | null>;
  return new Set(keys.filter((k): k is string => k !== null));
}

// ---------------------------------------------------------------------------------------
// Soft delete for the simple record tables

const SOFT_DELETABLE = new Set(['initiative', 'discipline', 'registration']);

export function softDeleteRecord(db: Db, table: 'initiative' | 'discipline' | 'registration', id: string, now = nowIso()): boolean {
  if (!SOFT_DELETABLE.has(table)) throw new Error(`not a record table: ${table}`);
  return run(db, `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL`, [now, now, id]) > 0;
}

export interface PersonYearFactsRow {
  staff_id: string;
  year: number;
  rating: Rating | null;
  maternity_leave: number;
  under_review: number;
}

/** Every live person-year row: `${staffId}|${year}` → facts (latest wins). */
export function allPersonYearFacts(db: Db): Map<string, PersonYearFactsRow> {
  const out = new Map<string, PersonYearFactsRow>();
  for (const r of all<PersonYearFactsRow>(db, 'SELECT staff_id, year, rating, maternity_leave, under_review FROM person_year WHERE deleted_at IS NULL ORDER BY updated_at')) {
    out.set(`${r.staff_id}|${r.year}`, r);
  }
  return out;
}

/** Years that have person-year facts, ascending. */
export function recordYears(db: Db): number[] {
  return all<{ year: number }>(db, 'SELECT DISTINCT year FROM person_year WHERE deleted_at IS NULL ORDER BY year').map((r) => r.year);
}

/** Every live person recipient of a catalogue award: (staff, year, code) facts for duplicate checks. */
export function personTitleKeys(db: Db): Set<string> {
  const rows = all<{ staff_id: string; year: number; award_code: string | null; other_form: string }>(
    db,
    `SELECT r.staff_id, d.year, d.award_code, d.other_form FROM award_recipient r JOIN award_decision d ON d.id = r.decision_id
      WHERE r.deleted_at IS NULL AND d.deleted_at IS NULL AND r.subject_kind = 'person'`,
  );
  return new Set(rows.map((r) => `${r.staff_id}|${r.year}|${r.award_code ?? `khac:${r.other_form}`}`));
}

export function campaignName(db: Db, id: string): string | undefined {
  return get<{ name: string }>(db, 'SELECT name FROM campaign WHERE id = ? AND deleted_at IS NULL', [id])?.name;
}
