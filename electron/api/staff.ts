import { AppError } from '../../shared/contract/errors';
import type { Staff, StaffChoiceTuple, StaffFilterParsed } from '../../shared/contract/staff';
import { compareViPersonName, foldVi, formatDateVi } from '../../shared/text/vn';
import { birthDateProblem, startBeforeBirthProblem } from '../../shared/staff/dates';
import { getUnit, subtreeIds } from '../../db/repositories/units';
import { getStaff, insertStaff, moveStaffTo, queryStaff, softDeleteStaff, updateStaff, type StaffRow } from '../../db/repositories/staff';
import type { CoreContext } from '../core/context';
import { patchStaffIndex, searchStaffIndex, staffIndex, staffVersion, toStaff, type StaffMatches } from '../services/staff/search-index';
import type { HandlerMap } from './types';
import { staffExportHandler, staffImportHandlers, staffTemplateHandler } from './staff-import';
import { findDuplicates, ignoreDuplicates, mergeStaff, unignoreDuplicates } from '../services/staff/merge';
import { bulkDeleteStaff, bulkMoveStaff, bulkSetStatus } from '../services/staff/bulk';

export { toStaff };

/** Staff matching a filter, in Vietnamese order (given name, then full name). */
export async function findStaff(ctx: CoreContext, f: StaffFilterParsed): Promise<Staff[]> {
  return (await matchStaff(ctx, f)).slice(0);
}

/** The matches of a filter: the search index's, or (inside a transaction) SQL + the collator sort. */
async function matchStaff(ctx: CoreContext, f: StaffFilterParsed): Promise<StaffMatches> {
  const unitIds = f.unitId ? (f.includeSubunits ? await subtreeIds(ctx.db, f.unitId) : [f.unitId]) : null;
  const searchKey = foldVi(f.search ?? '');
  const status = f.status === 'all' ? null : f.status;
  const officeId = f.officeId ?? null;
  const idx = staffIndex(ctx.conn.sqlite);
  if (idx) return searchStaffIndex(idx, { searchKey, unitIds: unitIds ? new Set(unitIds) : null, status, officeId });
  const rows = await queryStaff(ctx.db, { searchKey, unitIds, status, officeId });
  // Schwartzian sort: extract once, compare with the vi collator
  const list = rows.map(toStaff).sort((a, b) => compareViPersonName(a.fullName, b.fullName));
  return { total: list.length, slice: (from, to) => list.slice(from, to) };
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

/**
 * The dates the Excel import refuses are refused here too: a birth date in the future or giving an
 * age outside 15–100, work starting before birth. A record edited keeps dates it already had
 * (a retired person's old record stays editable).
 */
function checkDates(ctx: CoreContext, data: { birthDate: string | null; employmentStart: string | null }, before?: StaffRow): void {
  const { birthDate, employmentStart } = data;
  if (birthDate && birthDate !== before?.birth_date) {
    const problem = birthDateProblem(birthDate, ctx.today());
    if (problem) throw new AppError('INVALID_INPUT', `Ngày sinh ${formatDateVi(birthDate)} ${problem}`);
  }
  if (birthDate && employmentStart && (birthDate !== before?.birth_date || employmentStart !== before?.employment_start)) {
    const problem = startBeforeBirthProblem(employmentStart, birthDate);
    if (problem) throw new AppError('INVALID_INPUT', `${problem[0]!.toUpperCase()}${problem.slice(1)}`);
  }
}

const defaultFilter = { search: '', unitId: null, includeSubunits: true, status: 'dang_cong_tac' as const, officeId: null };

export const staffHandlers: HandlerMap<
  | 'staff.list'
  | 'staff.choices'
  | 'staff.get'
  | 'staff.create'
  | 'staff.update'
  | 'staff.delete'
  | 'staff.ids'
  | 'staff.bulkMove'
  | 'staff.bulkStatus'
  | 'staff.bulkDelete'
  | 'staff.duplicates'
  | 'staff.ignoreDuplicates'
  | 'staff.unignoreDuplicates'
  | 'staff.merge'
  | 'staff.importPreview'
  | 'staff.importApply'
  | 'staff.export'
  | 'staff.importTemplate'
> = {
  'staff.list': async (input, ctx) => {
    const matches = await matchStaff(ctx, input ?? defaultFilter);
    const offset = input?.offset ?? 0;
    // only the window asked for becomes objects to send
    return { rows: matches.slice(offset, input?.limit !== undefined ? offset + input.limit : undefined), total: matches.total, offset };
  },
  'staff.choices': async (input, ctx) => {
    const version = staffVersion(ctx.conn.sqlite);
    if (input?.known === version) return { version, rows: null };
    const everyone = (await matchStaff(ctx, { ...defaultFilter, status: 'all' })).slice(0);
    return { version, rows: everyone.map((s): StaffChoiceTuple => [s.id, s.fullName, s.unitId, s.birthDate, s.status]) };
  },
  'staff.get': async ({ id }, ctx) => toStaff(await mustGet(ctx, id)),
  'staff.create': async (input, ctx) => {
    checkDates(ctx, input);
    const row = await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkUnit(tctx, input.unitId);
      const id = await insertStaff(trx, ctx.officeId, { ...input, nameKey: foldVi(input.fullName) });
      return mustGet(tctx, id);
    });
    patchStaffIndex(ctx.conn.sqlite, row.id, row);
    return toStaff(row);
  },
  'staff.update': async ({ id, data }, ctx) => {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const before = await mustGet(tctx, id);
      checkDates(ctx, data, before);
      await checkUnit(tctx, data.unitId);
      await updateStaff(trx, id, { ...data, nameKey: foldVi(data.fullName) });
      // a transfer: this year's records follow the person, as on the list's "Chuyển đơn vị"
      if (data.unitId && data.unitId !== before.unit_id) moveStaffTo(ctx.conn.sqlite, [id], data.unitId, Number(ctx.today().slice(0, 4)));
      return mustGet(tctx, id);
    });
    patchStaffIndex(ctx.conn.sqlite, id, row);
    return toStaff(row);
  },
  'staff.delete': async ({ id }, ctx) => {
    await mustGet(ctx, id);
    const deleted = await softDeleteStaff(ctx.db, id);
    patchStaffIndex(ctx.conn.sqlite, id, null);
    return { deleted };
  },
  'staff.ids': async (input, ctx) => ({ ids: (await matchStaff(ctx, input ?? defaultFilter)).slice(0).map((s) => s.id) }),
  // many rows change: the search index is rebuilt at the next search rather than patched
  'staff.bulkMove': async ({ ids, unitId }, ctx) => bulkMoveStaff(ctx.conn.sqlite, ctx.officeId, ids, unitId, ctx.today()),
  'staff.bulkStatus': async ({ ids, status, employmentEnd }, ctx) => ({ changed: bulkSetStatus(ctx.conn.sqlite, ctx.officeId, ids, status, employmentEnd) }),
  'staff.bulkDelete': async ({ ids }, ctx) => bulkDeleteStaff(ctx.conn.sqlite, ctx.officeId, ids),
  'staff.duplicates': async (_input, ctx) => findDuplicates(ctx.conn.sqlite, ctx.officeId),
  'staff.ignoreDuplicates': async ({ key }, ctx) => ({ ignored: ignoreDuplicates(ctx.conn.sqlite, key) }),
  'staff.unignoreDuplicates': async (_input, ctx) => ({ ignored: unignoreDuplicates(ctx.conn.sqlite) }),
  'staff.merge': async ({ keepId, mergeIds }, ctx) => {
    const r = mergeStaff(ctx.conn.sqlite, ctx.officeId, keepId, mergeIds);
    return { ...r, kept: toStaff(r.kept) };
  },
  ...staffImportHandlers,
  'staff.export': staffExportHandler,
  'staff.importTemplate': staffTemplateHandler,
};
