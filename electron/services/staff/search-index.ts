// The core's in-memory staff search index. Searching 30,000 people with SQL LIKE and sorting
// every answer with the Vietnamese collator took 30–400 ms per keystroke. The index keeps
// every live staff member once, already in Vietnamese order, with
// - posting lists of the folded names' 1-, 2- and 3-letter fragments: a query of up to three
//   letters is one list (already in order), a longer one checks only the people in its rarest
//   3-letter fragment's list;
// - the filters' columns (status, office, unit) as small integers in typed arrays, so 20,000
//   hits are filtered without touching 20,000 objects;
// and a search answers the positions of the matches: only the window the screen shows is
// turned into objects.
//
// The index belongs to one connection (a restore opens a new one) and is rebuilt when the
// staff table changed in a way it did not see: TEMP triggers count every change made through
// this connection (import, exchange, raw SQL), SQLite's data_version every change by another
// connection (the CLI). A handler's own single write patches it instead.
import type BetterSqlite3 from 'better-sqlite3';
import type { Staff, StaffCategory, StaffStatus } from '../../../shared/contract/staff';
import { compareVi, compareViPersonName, foldQuery, givenName, matchesQuery } from '../../../shared/text/vn';
import { dataVersion, liveStaffAfter, watchStaffChanges, type StaffRow } from '../../../db/repositories/staff';
import { drain, runInSlices, type Steps } from '../../../shared/awards/steps';

export function toStaff(r: StaffRow): Staff {
  return {
    id: r.id,
    fullName: r.full_name,
    gender: r.gender as Staff['gender'],
    birthDate: r.birth_date,
    unitId: r.unit_id,
    position: r.position,
    category: r.category as StaffCategory | null,
    isLeader: r.is_leader === 1,
    employmentStart: r.employment_start,
    employmentEnd: r.employment_end,
    status: r.status as StaffStatus,
    note: r.note,
    updatedAt: r.updated_at,
    officeId: r.origin_office_id,
  };
}

export interface StaffIndexFilter {
  /** folded (foldVi) */
  searchKey: string;
  unitIds: ReadonlySet<string> | null;
  status: string | null;
  officeId: string | null;
}

interface Columns {
  staff: Staff[];
  keys: string[];
  /** codes of status, office, unit per position (0: none) */
  status: Uint16Array;
  office: Uint16Array;
  unit: Uint16Array;
  codes: { status: Map<string, number>; office: Map<string, number>; unit: Map<string, number> };
  /** grams[n - 1]: each n-letter fragment of the folded names → the positions holding it, ascending */
  grams: Map<string, Int32Array>[] | null;
}

export interface StaffIndex {
  changes: number;
  dataVersion: number;
  /** in Vietnamese person order (given name, then full name), like compareViPersonName */
  entries: { staff: Staff; key: string }[];
  /** derived from `entries`, built on the first search after a change */
  columns: Columns | null;
}

const GRAM = 3;
const indexes = new WeakMap<BetterSqlite3.Database, StaffIndex>();

/** Staff rows read between two yields of buildIndexSteps (≈15–25 ms at province scale). */
const ROWS_PER_READ = 4000;

/** The index, built in slices: reading the table a range at a time, then ordering it. */
function* buildIndexSteps(sqlite: BetterSqlite3.Database, changes: number, version: number): Steps<StaffIndex> {
  const entries: Array<{ staff: Staff; key: string; given: string }> = [];
  for (let after = 0; ; ) {
    const rows = liveStaffAfter(sqlite, after, ROWS_PER_READ);
    for (const r of rows) entries.push({ staff: Object.freeze(toStaff(r)), key: r.name_key, given: givenName(r.full_name) });
    if (rows.length < ROWS_PER_READ) break;
    after = rows[rows.length - 1]!.rowid;
    yield;
  }
  // rank the few hundred distinct given names once, so most comparisons are integer ones
  const givens = [...new Set(entries.map((e) => e.given))].sort(compareVi);
  const rank = new Map<string, number>();
  givens.forEach((g, i) => rank.set(g, i > 0 && compareVi(givens[i - 1]!, g) === 0 ? rank.get(givens[i - 1]!)! : i));
  const ranked = entries.map((e) => ({ e, r: rank.get(e.given)! }));
  yield;
  // a stable sort: equal names keep table order
  ranked.sort((a, b) => a.r - b.r || compareVi(a.e.staff.fullName, b.e.staff.fullName));
  return { changes, dataVersion: version, entries: ranked.map(({ e }) => ({ staff: e.staff, key: e.key })), columns: null };
}

function code(map: Map<string, number>, value: string | null): number {
  if (value === null) return 0;
  let c = map.get(value);
  if (c === undefined) map.set(value, (c = map.size + 1));
  return c;
}

function buildColumns(entries: StaffIndex['entries']): Columns {
  const n = entries.length;
  const cols: Columns = {
    staff: new Array<Staff>(n),
    keys: new Array<string>(n),
    status: new Uint16Array(n),
    office: new Uint16Array(n),
    unit: new Uint16Array(n),
    codes: { status: new Map(), office: new Map(), unit: new Map() },
    grams: null,
  };
  entries.forEach(({ staff, key }, i) => {
    cols.staff[i] = staff;
    cols.keys[i] = key;
    cols.status[i] = code(cols.codes.status, staff.status);
    cols.office[i] = code(cols.codes.office, staff.officeId);
    cols.unit[i] = code(cols.codes.unit, staff.unitId);
  });
  return cols;
}

/** Keys whose fragments are listed between two yields of buildGramsSteps. */
const KEYS_PER_SLICE = 8000;

/** Posting lists of every 1- to GRAM-letter fragment. */
function* buildGramsSteps(keys: readonly string[]): Steps<Map<string, Int32Array>[]> {
  const lists: Map<string, number[]>[] = Array.from({ length: GRAM }, () => new Map());
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && i % KEYS_PER_SLICE === 0) yield;
    const key = keys[i]!;
    for (let n = 1; n <= GRAM; n++) {
      const map = lists[n - 1]!;
      for (let at = 0; at + n <= key.length; at++) {
        const g = key.slice(at, at + n);
        const list = map.get(g);
        // positions come in order, so a repeat within one name is the list's last element
        if (!list) map.set(g, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
  }
  yield;
  return lists.map((m) => new Map([...m].map(([g, l]) => [g, Int32Array.from(l)])));
}

/** The index being built in slices by the hosts' warm-up, per connection. */
const pending = new WeakMap<BetterSqlite3.Database, Steps<unknown>>();

/** The connection's index, rebuilt if stale; null inside a transaction (read SQL instead). */
export function staffIndex(sqlite: BetterSqlite3.Database): StaffIndex | null {
  if (sqlite.inTransaction) return null;
  // a build under way is finished now rather than started again
  const steps = pending.get(sqlite);
  if (steps) {
    pending.delete(sqlite);
    drain(steps);
  }
  const changes = watchStaffChanges(sqlite)();
  const version = dataVersion(sqlite);
  let idx = indexes.get(sqlite);
  if (!idx || idx.changes !== changes || idx.dataVersion !== version) {
    idx = drain(buildIndexSteps(sqlite, changes, version));
    indexes.set(sqlite, idx);
  }
  return idx;
}

/**
 * The index with its search lists, built in slices. It carries the change counts read before
 * its first slice: a write while it was read makes it stale, and the next search builds it afresh.
 */
function* warmUpSteps(sqlite: BetterSqlite3.Database): Steps<void> {
  const changes = watchStaffChanges(sqlite)();
  const version = dataVersion(sqlite);
  let idx = indexes.get(sqlite);
  if (!idx || idx.changes !== changes || idx.dataVersion !== version) idx = yield* buildIndexSteps(sqlite, changes, version);
  yield;
  const cols = (idx.columns ??= buildColumns(idx.entries));
  if (!cols.grams) {
    yield;
    cols.grams = yield* buildGramsSteps(cols.keys);
  }
  indexes.set(sqlite, idx);
}

/**
 * Build the connection's index and its search lists ahead of the first search (≈0.4 s for
 * 30,000 people) at once.
 */
export function warmUpStaffIndex(sqlite: BetterSqlite3.Database): void {
  if (!sqlite.inTransaction) drain(warmUpSteps(sqlite));
}

/**
 * warmUpStaffIndex in slices of tens of milliseconds with `pause()` between them: the hosts
 * start it as the core opens, so the renderer's first calls are answered between slices and
 * its first click on the staff list finds the index built. A search arriving meanwhile
 * finishes the rest at once; a build already under way is replaced (an import made it stale).
 * Resolves when done, when replaced, or when the connection was closed.
 */
export async function makeStaffIndexReady(sqlite: BetterSqlite3.Database, pause: () => Promise<void>): Promise<void> {
  if (sqlite.inTransaction) return;
  await runInSlices(pending, sqlite, warmUpSteps(sqlite), pause);
}

const connectionIds = new WeakMap<BetterSqlite3.Database, string>();

/**
 * A token that changes whenever the staff table may have changed: a write through this
 * connection (the TEMP triggers' count), a commit by another connection (data_version), or
 * another connection altogether (a restore). The pickers keep their list while it holds.
 */
export function staffVersion(sqlite: BetterSqlite3.Database): string {
  let conn = connectionIds.get(sqlite);
  if (!conn) connectionIds.set(sqlite, (conn = Math.random().toString(36).slice(2, 10)));
  return `${conn}.${watchStaffChanges(sqlite)()}.${dataVersion(sqlite)}`;
}

/** Tests: whether a build is under way, and whether the kept index is current with its search lists. */
export function staffIndexState(sqlite: BetterSqlite3.Database): { building: boolean; ready: boolean } {
  const idx = indexes.get(sqlite);
  const current = !!idx && idx.changes === watchStaffChanges(sqlite)() && idx.dataVersion === dataVersion(sqlite);
  return { building: pending.has(sqlite), ready: current && !!idx.columns?.grams };
}

/** The matches of a filter, in the index's (Vietnamese) order. */
export interface StaffMatches {
  total: number;
  /** the staff at match positions [from, to) */
  slice(from: number, to?: number): Staff[];
}

export function searchStaffIndex(idx: StaffIndex, f: StaffIndexFilter): StaffMatches {
  const cols = (idx.columns ??= buildColumns(idx.entries));
  // a filter value no one has matches no one (code -1 never equals a stored code)
  const status = f.status === null ? 0 : (cols.codes.status.get(f.status) ?? -1);
  const office = f.officeId === null ? 0 : (cols.codes.office.get(f.officeId) ?? -1);
  let units: Uint8Array | null = null;
  if (f.unitIds) {
    units = new Uint8Array(cols.codes.unit.size + 1);
    for (const id of f.unitIds) {
      const c = cols.codes.unit.get(id);
      if (c !== undefined) units[c] = 1;
    }
  }
  const keep = (i: number) => (status === 0 || cols.status[i] === status) && (office === 0 || cols.office[i] === office) && (units === null || units[cols.unit[i]!] === 1);

  let positions: Int32Array;
  let n = 0;
  if (!f.searchKey) {
    positions = new Int32Array(cols.staff.length);
    for (let i = 0; i < cols.staff.length; i++) if (keep(i)) positions[n++] = i;
  } else {
    const q = foldQuery(f.searchKey);
    if (q.words.length <= 1) {
      const { list, exact } = candidates(cols, f.searchKey);
      positions = new Int32Array(list.length);
      for (let j = 0; j < list.length; j++) {
        const i = list[j]!;
        if ((exact || cols.keys[i]!.includes(f.searchKey)) && keep(i)) positions[n++] = i;
      }
    } else {
      // several words (matchesQuery: as typed, or each starting a word): a name matching either
      // way holds every word, so it is in every word's candidates; checking their intersection
      // only ("nguyen van": ≈4,000 names, not the ≈11,000 of either word) halved the p95
      const lists = q.words.map((w) => candidates(cols, w).list).sort((a, b) => a.length - b.length);
      let list = lists[0]!;
      for (let k = 1; k < lists.length && list.length > 0; k++) list = intersect(list, lists[k]!);
      positions = new Int32Array(list.length);
      for (let j = 0; j < list.length; j++) {
        const i = list[j]!;
        if (matchesQuery(cols.keys[i]!, q) && keep(i)) positions[n++] = i;
      }
    }
  }
  const total = n;
  return {
    total,
    slice(from, to = total) {
      const out: Staff[] = [];
      for (let k = Math.max(0, from); k < Math.min(to, total); k++) out.push(cols.staff[positions[k]!]!);
      return out;
    },
  };
}

const NO_HITS = new Int32Array(0);

/** The positions in both ascending lists, ascending. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

/** Positions that may hold `searchKey`, ascending; `exact` when every one of them does. */
function candidates(cols: Columns, searchKey: string): { list: Int32Array; exact: boolean } {
  const grams = (cols.grams ??= drain(buildGramsSteps(cols.keys)));
  if (searchKey.length <= GRAM) return { list: grams[searchKey.length - 1]!.get(searchKey) ?? NO_HITS, exact: true };
  // a name holding the query holds each of its fragments: the shortest list bounds the hits
  const trigrams = grams[GRAM - 1]!;
  let list: Int32Array | undefined;
  for (let at = 0; at + GRAM <= searchKey.length; at++) {
    const l = trigrams.get(searchKey.slice(at, at + GRAM));
    if (!l) return { list: NO_HITS, exact: true };
    if (!list || l.length < list.length) list = l;
  }
  return { list: list!, exact: false };
}

/**
 * Keep the index current after one write by a staff handler (create, update, delete), instead
 * of rebuilding it: only when that write is the one change since the index was built.
 */
export function patchStaffIndex(sqlite: BetterSqlite3.Database, id: string, row: StaffRow | null): void {
  const idx = indexes.get(sqlite);
  if (!idx || sqlite.inTransaction) return;
  const changes = watchStaffChanges(sqlite)();
  if (idx.changes !== changes - 1 || idx.dataVersion !== dataVersion(sqlite)) return;
  const at = idx.entries.findIndex((e) => e.staff.id === id);
  if (at >= 0) idx.entries.splice(at, 1);
  if (row && row.deleted_at === null) {
    const staff = Object.freeze(toStaff(row));
    // after equal names, as a rebuild (rowid order among equals) would place a new row
    let lo = 0;
    let hi = idx.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareViPersonName(idx.entries[mid]!.staff.fullName, staff.fullName) <= 0) lo = mid + 1;
      else hi = mid;
    }
    idx.entries.splice(lo, 0, { staff, key: row.name_key });
  }
  idx.columns = null;
  idx.changes = changes;
}

// ---- person order for other lists ----

interface PersonRanks {
  changes: number;
  dataVersion: number;
  /** staff id → position in `entries` */
  at: Map<string, number>;
  /** position → the first position of its run of equal names (compareViPersonName = 0) */
  first: Int32Array;
}

/** Per index object; patchStaffIndex edits one in place, so its change count is checked too. */
const personRanks = new WeakMap<StaffIndex, PersonRanks>();

function ranksOf(idx: StaffIndex): PersonRanks {
  const kept = personRanks.get(idx);
  if (kept && kept.changes === idx.changes && kept.dataVersion === idx.dataVersion) return kept;
  const n = idx.entries.length;
  const r: PersonRanks = { changes: idx.changes, dataVersion: idx.dataVersion, at: new Map(), first: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const name = idx.entries[i]!.staff.fullName;
    r.at.set(idx.entries[i]!.staff.id, i);
    r.first[i] = i > 0 && compareViPersonName(idx.entries[i - 1]!.staff.fullName, name) === 0 ? r.first[i - 1]! : i;
  }
  personRanks.set(idx, r);
  return r;
}

/** Live staff members' entries in the index, by id. */
export function indexedStaff(idx: StaffIndex): (id: string) => StaffIndex['entries'][number] | undefined {
  const { at } = ranksOf(idx);
  return (id) => {
    const p = at.get(id);
    return p === undefined ? undefined : idx.entries[p];
  };
}

/**
 * Sort keys that put people in compareViPersonName order without comparing most names: the
 * index holds every live person in that order already. ranks[i] < ranks[j] exactly when
 * compareViPersonName(names[i], names[j]) < 0, equal exactly when it is 0. A person found in
 * the index under that name takes its position (2·p + 1); any other name (deleted staff,
 * units) goes between the entries around it (2·p + a fraction), found by binary search. Without
 * an index (null inside a transaction) every name is placed that way, i.e. plainly sorted.
 */
export function personNameRanks(idx: StaffIndex | null, ids: ReadonlyArray<string | null>, names: readonly string[]): Float64Array {
  const out = new Float64Array(names.length);
  const entries = idx?.entries ?? [];
  const ranks = idx ? ranksOf(idx) : null;
  /** names not in the index → their rows, and the position of the first entry not before them */
  const others = new Map<string, { rows: number[]; gap: number }>();
  for (let i = 0; i < names.length; i++) {
    const id = ids[i];
    const name = names[i]!;
    const at = id != null && ranks ? ranks.at.get(id) : undefined;
    if (at !== undefined && entries[at]!.staff.fullName === name) {
      out[i] = 2 * ranks!.first[at]! + 1;
      continue;
    }
    let other = others.get(name);
    if (!other) {
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareViPersonName(entries[mid]!.staff.fullName, name) < 0) lo = mid + 1;
        else hi = mid;
      }
      others.set(name, (other = { rows: [], gap: lo }));
    }
    other.rows.push(i);
  }
  // per gap: a name equal to the entry after it ranks with that entry; the others go before it, in order
  const gaps = new Map<number, string[]>();
  for (const [name, { gap }] of others) {
    const list = gaps.get(gap);
    if (list) list.push(name);
    else gaps.set(gap, [name]);
  }
  const place = (name: string, rank: number) => {
    for (const row of others.get(name)!.rows) out[row] = rank;
  };
  for (const [gap, list] of gaps) {
    const next = gap < entries.length ? entries[gap]!.staff.fullName : null;
    const before: string[] = [];
    for (const name of list) {
      if (next !== null && compareViPersonName(next, name) === 0) place(name, 2 * ranks!.first[gap]! + 1);
      else before.push(name);
    }
    before.sort(compareViPersonName);
    const classes = new Int32Array(before.length);
    for (let k = 1; k < before.length; k++) classes[k] = classes[k - 1]! + (compareViPersonName(before[k - 1]!, before[k]!) === 0 ? 0 : 1);
    const count = before.length ? classes[before.length - 1]! + 1 : 1;
    before.forEach((name, k) => place(name, 2 * gap + classes[k]! / count));
  }
  return out;
}
