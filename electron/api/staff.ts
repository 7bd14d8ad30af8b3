import { AppError } from '../../shared/contract/errors';
import type { Staff, StaffCategory, StaffStatus } from '../../shared/contract/staff';
import { compareViPersonName, foldVi } from '../../shared/text/vn';
import { getUnit, subtreeIds } from '../../db/repositories/units';
import {
  getStaff,
  insertStaff,
  queryStaff,
  softDeleteStaff,
  updateStaff,
  type StaffRow,
} from '../../db/repositories/staff';
import type { ProcParsedInput } from '../../shared/contract';
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
  };
}

/** Staff matching a filter, in Vietnamese order (given name, then full name). */
export async function findStaff(ctx: CoreContext, f: NonNullable<ProcParsedInput<'staff.list'>>): Promise<Staff[]> {
  const unitIds = f.unitId ? (f.includeSubunits ? await subtreeIds(ctx.db, f.unitId) : [f.unitId]) : null;
  const rows = await queryStaff(ctx.db, {
    searchKey: foldVi(f.search ?? ''),
    unitIds,
    status: f.status === 'all' ? null : f.status,
  });
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

const defaultFilter = { search: '', unitId: null, includeSubunits: true, status: 'dang_cong_tac' as const };

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
    return { rows, total: rows.length };
  },
  'staff.get': async ({ id }, ctx) => toStaff(await mustGet(ctx, id)),
  'staff.create': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkUnit(tctx, input.unitId);
      const id = await insertStaff(trx, ctx.officeId, { ...input, nameKey: foldVi(input.fullName) });
      return toStaff(await mustGet(tctx, id));
    }),
  'staff.update': async ({ id, data }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await mustGet(tctx, id);
      await checkUnit(tctx, data.unitId);
      await updateStaff(trx, id, { ...data, nameKey: foldVi(data.fullName) });
      return toStaff(await mustGet(tctx, id));
    }),
  'staff.delete': async ({ id }, ctx) => {
    await mustGet(ctx, id);
    return { deleted: await softDeleteStaff(ctx.db, id) };
  },
  ...staffImportHandlers,
  'staff.export': staffExportHandler,
};
