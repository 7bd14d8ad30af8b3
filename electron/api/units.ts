import { AppError } from '../../shared/contract/errors';
import type { Unit, UnitKind } from '../../shared/contract/units';
import { foldVi, formatDateVi } from '../../shared/text/vn';
import { parseUnitOutline } from '../../shared/units/outline';
import {
  childUnits,
  findUnitBySiblingName,
  workingStaffIds,
  setUnitNote,
  maxChildSortOrder,
  getUnit,
  insertUnit,
  listUnits,
  setUnitParent,
  setUnitsActive,
  subtreeIds,
  updateUnit,
  type UnitRow,
} from '../../db/repositories/units';
import { moveStaffTo } from '../../db/repositories/staff';
import { handOverOpenTasks } from '../services/tasks/handover';
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

/** Messages of an outline that cannot be created, the first few (the dialog shows them all as typed). */
const OUTLINE_ERRORS_SHOWN = 8;

/** The longest a unit's note may be (the form's limit). */
const NOTE_MAX = 1000;

export const unitsHandlers: HandlerMap<'units.list' | 'units.create' | 'units.createMany' | 'units.update' | 'units.move' | 'units.setActive' | 'units.merge'> = {
  'units.list': async (input, ctx) => (await listUnits(ctx.db, input?.includeInactive ?? true)).map(toUnit),
  'units.create': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkParent(tctx, null, input.parentId);
      await checkNameFree(tctx, input.parentId, input.name, ctx.officeId);
      const id = await insertUnit(trx, ctx.officeId, { ...input, nameKey: foldVi(input.name) });
      return toUnit(await mustGet(tctx, id));
    }),
  // all or nothing: a name already under the chosen unit stops the whole list, naming its line
  'units.createMany': async (input, ctx) => {
    const { units, errors } = parseUnitOutline(input.text);
    if (errors.length) {
      const more = errors.length > OUTLINE_ERRORS_SHOWN ? ` (và ${errors.length - OUTLINE_ERRORS_SHOWN} lỗi khác)` : '';
      throw new AppError('INVALID_INPUT', `Chưa thêm được đơn vị nào. ${errors.slice(0, OUTLINE_ERRORS_SHOWN).map((e) => e.message).join(' ')}${more}`);
    }
    if (units.length === 0) throw new AppError('INVALID_INPUT', 'Danh sách đơn vị đang trống: mỗi dòng một đơn vị.');
    return ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await checkParent(tctx, null, input.parentId);
      const ids: string[] = [];
      // siblings keep the list's order, after the units already there
      const nextOrder = new Map<string | null, number>();
      for (const u of units) {
        const parentId = u.parent === null ? input.parentId : ids[u.parent]!;
        await checkNameFree(tctx, parentId, u.name, ctx.officeId).catch((e: unknown) => {
          throw e instanceof AppError ? new AppError(e.code, `Chưa thêm được đơn vị nào. Dòng ${u.line}: ${e.message}`) : e;
        });
        let order = nextOrder.get(parentId);
        if (order === undefined) order = u.parent === null ? (await maxChildSortOrder(trx, parentId, ctx.officeId)) + 1 : 1;
        nextOrder.set(parentId, order + 1);
        ids.push(await insertUnit(trx, ctx.officeId, { name: u.name, nameKey: foldVi(u.name), parentId, code: null, kind: input.kind, sortOrder: order, note: '' }));
      }
      return { created: ids.length };
    });
  },
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
  // A reorganisation (sáp nhập): the people at work and the sub-units go to the unit it joins,
  // the unit stops (its note says where it went); what was recorded for this year follows them
  // (judged at its end in the new unit), as do this year's open tasks it leads or joins; past
  // years and completed tasks keep the unit of that year. All or nothing:
  // a sub-unit named as one of the target's stops it.
  'units.merge': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const source = await mustGet(tctx, input.id);
      const target = await mustGet(tctx, input.targetId).catch(() => {
        throw new AppError('NOT_FOUND', 'Đơn vị được chọn để sáp nhập vào không còn tồn tại. Hãy chọn lại.');
      });
      if (source.id === target.id) throw new AppError('INVALID_INPUT', `Hãy chọn một đơn vị khác "${source.name}" để sáp nhập vào.`);
      if (source.origin_office_id !== target.origin_office_id) throw new AppError('CONFLICT', 'Chỉ sáp nhập được vào một đơn vị của cùng cơ quan.');
      if (target.active === 0) throw new AppError('CONFLICT', `Đơn vị "${target.name}" đang ngừng hoạt động — hãy kích hoạt lại hoặc chọn đơn vị khác.`);
      if ((await subtreeIds(trx, source.id)).includes(target.id)) {
        throw new AppError('CONFLICT', `"${target.name}" là đơn vị cấp dưới của "${source.name}": không sáp nhập được vào đơn vị cấp dưới của chính nó.`);
      }
      const children = await childUnits(trx, source.id);
      const clashes: string[] = [];
      for (const c of children) if (await findUnitBySiblingName(trx, target.id, c.name_key, target.origin_office_id)) clashes.push(`"${c.name}"`);
      if (clashes.length) {
        throw new AppError('CONFLICT', `Chưa sáp nhập: "${target.name}" đã có đơn vị cấp dưới cùng tên với ${clashes.join(', ')} của "${source.name}". Hãy đổi tên một trong hai đơn vị rồi sáp nhập lại.`);
      }
      for (const c of children) await setUnitParent(trx, c.id, target.id);
      const year = Number(ctx.today().slice(0, 4));
      // as the staff list's "Chuyển đơn vị": this year's records follow the people
      const staffMoved = moveStaffTo(ctx.conn.sqlite, await workingStaffIds(trx, source.id), target.id, year).moved;
      const tasksMoved = await handOverOpenTasks(trx, source.id, { id: target.id, name: target.name, nameKey: foldVi(target.name) }, year);
      await setUnitsActive(trx, [source.id], false);
      const line = `Đã sáp nhập vào "${target.name}" ngày ${formatDateVi(ctx.today())}.`;
      const note = source.note.trim() ? `${source.note.trim()}\n${line}` : line;
      if (note.length <= NOTE_MAX) await setUnitNote(trx, source.id, note);
      return { staffMoved, unitsMoved: children.length, tasksMoved, target: toUnit(await mustGet(tctx, target.id)) };
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
