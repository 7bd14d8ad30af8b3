import { AppError } from '../../shared/contract/errors';
import type { Unit, UnitKind } from '../../shared/contract/units';
import { foldVi } from '../../shared/text/vn';
import {
  findUnitBySiblingName,
  getUnit,
  insertUnit,
  listUnits,
  setUnitParent,
  setUnitsActive,
  subtreeIds,
  updateUnit,
  type UnitRow,
} from '../../db/repositories/units';
import type { CoreContext } from '../core/context';
import type { HandlerMap } from './types';

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    code: r.code,
    kind: r.kind as UnitKind,
    active: r.active === 1,
    sortOrder: r.sort_order,
    note: r.note,
    staffCount: Number(r.staff_count),
    updatedAt: r.updated_at,
    officeId: r.origin_office_id,
  };
}

async function mustGet(ctx: CoreContext, id: string): Promise<UnitRow> {
  const row = await getUnit(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị (có thể đã bị xóa). Hãy tải lại danh sách.');
  return row;
}

async function checkParent(ctx: CoreContext, id: string | null, parentId: string | null) {
  if (parentId === null) return;
  await mustGet(ctx, parentId).catch(() => {
    throw new AppError('NOT_FOUND', 'Đơn vị cấp trên đã chọn không còn tồn tại. Hãy chọn lại.');
  });
  if (id && (await subtreeIds(ctx.db, id)).includes(parentId)) {
    throw new AppError('CONFLICT', 'Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.');
  }
}

/** Sibling names are unique within one office's tree: at the province, two offices may both have a "Văn phòng". */
async function checkNameFree(ctx: CoreContext, parentId: string | null, name: string, officeId: string, exceptId?: string) {
  if (await findUnitBySiblingName(ctx.db, parentId, foldVi(name), officeId, exceptId)) {
    throw new AppError('CONFLICT', `Đã có đơn vị "${name}" cùng cấp. Hãy đặt tên khác hoặc sửa đơn vị đã có.`);
  }
}

export const unitsHandlers: HandlerMap<'units.list' | 'units.create' | 'units.update' | 'units.move' | 'units.setActive'> = {
  'units.list': async (input, ctx) => (await listUnits(ctx.db, input?.includeInactive ?? true)).map(toUnit),
  'units.create': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkParent(tctx, null, input.parentId);
      await checkNameFree(tctx, input.parentId, input.name, ctx.officeId);
      const id = await insertUnit(trx, ctx.officeId, { ...input, nameKey: foldVi(input.name) });
      return toUnit(await mustGet(tctx, id));
    }),
  'units.update': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const row = await mustGet(tctx, input.id);
      await checkParent(tctx, input.id, input.parentId);
      await checkNameFree(tctx, input.parentId, input.name, row.origin_office_id, input.id);
      await updateUnit(trx, input.id, { ...input, nameKey: foldVi(input.name) });
      return toUnit(await mustGet(tctx, input.id));
    }),
  'units.move': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const row = await mustGet(tctx, input.id);
      await checkParent(tctx, input.id, input.parentId);
      await checkNameFree(tctx, input.parentId, row.name, row.origin_office_id, input.id);
      await setUnitParent(trx, input.id, input.parentId);
      return toUnit(await mustGet(tctx, input.id));
    }),
  // Deactivating a unit deactivates its sub-units too; reactivating touches only the unit.
  'units.setActive': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const row = await mustGet(tctx, input.id);
      if (input.active && row.parent_id) {
        const parent = await mustGet(tctx, row.parent_id);
        if (parent.active === 0) {
          throw new AppError('CONFLICT', `Đơn vị cấp trên "${parent.name}" đang ngừng hoạt động — hãy kích hoạt đơn vị cấp trên trước.`);
        }
      }
      const ids = input.active ? [input.id] : await subtreeIds(trx, input.id);
      return { changed: await setUnitsActive(trx, ids, input.active) };
    }),
};
