import { AppError } from '../../shared/contract/errors';
import type { Staff, StaffCategory, StaffFilterParsed, StaffStatus } from '../../shared/contract/staff';
import type BetterSqlite3 from 'better-sqlite3';
import { compareVi, compareViPersonName, foldVi, givenName } from '../../shared/text/vn';
import { getUnit, subtreeIds } from '../../db/repositories/units';
import {
  allLiveStaffSync,
  dataVersion,
  getStaff,
  insertStaff,
  queryStaff,
  softDeleteStaff,
  updateStaff,
  watchStaffChanges,
  type StaffRow,
} from '../../db/repositories/staff';
import type { CoreContext } from '../core/context';
import type { HandlerMap } from './types';
import { staffExportHandler, staffImportHandlers } from './staff-import';

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

// --- in-memory search index ---------------------------------------------------------
// Searching 30,000 people with SQL LIKE and sorting every answer with the Vietnamese
// collator took 30–400 ms per keystroke. The core instead keeps every live staff member
// once, already in Vietnamese order, with the folded names joined in one string: a search
// is one indexOf scan and the hits come out sorted. The index belongs to one connection
// (a restore opens a new one) and is rebuilt when the staff table changed in a way it did
// not see: TEMP triggers count every change made through this connection (import,
// exchange, raw SQL), SQLite's data_version every change by another connection (the CLI).

interface StaffIndex {
  changes: number;
  dataVersion: number;
  /** in Vietnamese person order (given name, then full name), like compareViPersonName */
  entries: { staff: Staff; key: string }[];
  /** folded names joined by \n (never in a key or a query), with each entry's start offset */
  haystack: string | null;
  starts: Int32Array | null;
  /** the last query and the entries holding it (before the filters): typing only narrows */
  last: { key: string; hits: number[] } | null;
}

const indexes = new WeakMap<BetterSqlite3.Database, StaffIndex>();

function buildIndex(sqlite: BetterSqlite3.Database, changes: number, version: number): StaffIndex {
  const rows = allLiveStaffSync(sqlite);
  const entries = rows.map((r) => ({ staff: Object.freeze(toStaff(r)), key: r.name_key, given: givenName(r.full_name) }));
  // rank the few hundred distinct given names once, so most comparisons are integer ones
  const givens = [...new Set(entries.map((e) => e.given))].sort(compareVi);
  const rank = new Map<string, number>();
  givens.forEach((g, i) => rank.set(g, i > 0 && compareVi(givens[i - 1]!, g) === 0 ? rank.get(givens[i - 1]!)! : i));
  const ranked = entries.map((e) => ({ e, r: rank.get(e.given)! }));
  ranked.sort((a, b) => a.r - b.r || compareVi(a.e.staff.fullName, b.e.staff.fullName));
  return { changes, dataVersion: version, entries: ranked.map(({ e }) => ({ staff: e.staff, key: e.key })), haystack: null, starts: null, last: null };
}

/** The connection's index, rebuilt if stale; null inside a transaction (read SQL instead). */
function staffIndex(ctx: CoreContext): StaffIndex | null {
  const sqlite = ctx.conn.sqlite;
  if (sqlite.inTransaction) return null;
  const changes = watchStaffChanges(sqlite)();
  const version = dataVersion(sqlite);
  let idx = indexes.get(sqlite);
  if (!idx || idx.changes !== changes || idx.dataVersion !== version) {
    idx = buildIndex(sqlite, changes, version);
    indexes.set(sqlite, idx);
  }
  return idx;
}

function searchIndex(idx: StaffIndex, searchKey: string, unitIds: Set<string> | null, status: string | null, officeId: string | null): Staff[] {
  const keep = (s: Staff) =>
    (status === null || s.status === status) && (officeId === null || s.officeId === officeId) && (unitIds === null || (s.unitId !== null && unitIds.has(s.unitId)));
  const out: Staff[] = [];
  if (!searchKey) {
    for (const e of idx.entries) if (keep(e.staff)) out.push(e.staff);
    return out;
  }
  const hits = entriesHolding(idx, searchKey);
  for (const i of hits) if (keep(idx.entries[i]!.staff)) out.push(idx.entries[i]!.staff);
  return out;
}

/** Indexes of the entries whose folded name holds `searchKey`, in index order. */
function entriesHolding(idx: StaffIndex, searchKey: string): number[] {
  const hits: number[] = [];
  if (idx.last && searchKey.includes(idx.last.key)) {
    // the next keystroke of a query: a name holding the longer text holds the shorter one, so
    // only the previous hits need looking at (a few hundred instead of 30,000 names)
    for (const i of idx.last.hits) if (idx.entries[i]!.key.includes(searchKey)) hits.push(i);
    idx.last = { key: searchKey, hits };
    return hits;
  }
  if (idx.haystack === null || idx.starts === null) {
    idx.starts = new Int32Array(idx.entries.length);
    let at = 0;
    idx.entries.forEach((e, i) => {
      idx.starts![i] = at;
      at += e.key.length + 1;
    });
    idx.haystack = idx.entries.map((e) => e.key).join('\n');
  }
  const { haystack, starts } = idx;
  let i = 0;
  let from = 0;
  for (;;) {
    const hit = haystack.indexOf(searchKey, from);
    if (hit < 0) break;
    // the entry holding offset `hit`: hits only move forward, so walking is O(n) in total
    while (i + 1 < starts.length && starts[i + 1]! <= hit) i++;
    hits.push(i);
    // next search starts after this entry: one hit per person
    from = starts[i]! + idx.entries[i]!.key.length + 1;
    i++;
    if (i >= starts.length) break;
  }
  idx.last = { key: searchKey, hits };
  return hits;
}

/**
 * Keep the index current after one write by this module (create, update, delete), instead
 * of rebuilding it: only when that write is the one change since the index was built.
 */
function patchIndex(ctx: CoreContext, id: string, row: StaffRow | null) {
  const sqlite = ctx.conn.sqlite;
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
  idx.haystack = null;
  idx.starts = null;
  idx.last = null;
  idx.changes = changes;
}

/** Staff matching a filter, in Vietnamese order (given name, then full name). */
export async function findStaff(ctx: CoreContext, f: StaffFilterParsed): Promise<Staff[]> {
  const unitIds = f.unitId ? (f.includeSubunits ? await subtreeIds(ctx.db, f.unitId) : [f.unitId]) : null;
  const searchKey = foldVi(f.search ?? '');
  const status = f.status === 'all' ? null : f.status;
  const idx = staffIndex(ctx);
  const officeId = f.officeId ?? null;
  if (idx) return searchIndex(idx, searchKey, unitIds ? new Set(unitIds) : null, status, officeId);
  const rows = await queryStaff(ctx.db, { searchKey, unitIds, status, officeId });
  // Schwartzian sort: extract once, compare with the vi collator
  return rows
    .map(toStaff)
    .sort((a, b) => compareViPersonName(a.fullName, b.fullName));
}

async function checkUnit(ctx: CoreContext, unitId: string | null) {
  if (unitId && !(await getUnit(ctx.db, unitId))) {
    throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
  }
}

async function mustGet(ctx: CoreContext, id: string): Promise<StaffRow> {
  const r = await getStaff(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ (có thể đã bị xóa). Hãy tải lại danh sách.');
  return r;
}

const defaultFilter = { search: '', unitId: null, includeSubunits: true, status: 'dang_cong_tac' as const, officeId: null };

export const staffHandlers: HandlerMap<
  | 'staff.list'
  | 'staff.get'
  | 'staff.create'
  | 'staff.update'
  | 'staff.delete'
  | 'staff.importPreview'
  | 'staff.importApply'
  | 'staff.export'
> = {
  'staff.list': async (input, ctx) => {
    const rows = await findStaff(ctx, input ?? defaultFilter);
    const offset = input?.offset ?? 0;
    const window = input?.limit !== undefined ? rows.slice(offset, offset + input.limit) : offset ? rows.slice(offset) : rows;
    return { rows: window, total: rows.length, offset };
  },
  'staff.get': async ({ id }, ctx) => toStaff(await mustGet(ctx, id)),
  'staff.create': async (input, ctx) => {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkUnit(tctx, input.unitId);
      const id = await insertStaff(trx, ctx.officeId, { ...input, nameKey: foldVi(input.fullName) });
      return mustGet(tctx, id);
    });
    patchIndex(ctx, row.id, row);
    return toStaff(row);
  },
  'staff.update': async ({ id, data }, ctx) => {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await mustGet(tctx, id);
      await checkUnit(tctx, data.unitId);
      await updateStaff(trx, id, { ...data, nameKey: foldVi(data.fullName) });
      return mustGet(tctx, id);
    });
    patchIndex(ctx, id, row);
    return toStaff(row);
  },
  'staff.delete': async ({ id }, ctx) => {
    await mustGet(ctx, id);
    const deleted = await softDeleteStaff(ctx.db, id);
    patchIndex(ctx, id, null);
    return { deleted };
  },
  ...staffImportHandlers,
  'staff.export': staffExportHandler,
};
