import { AppError } from '../../shared/contract/errors';
import { getOffice, levelExists, listLevels, saveLevel, toOffice, upsertOffice, type OfficeRow } from '../../db/repositories/office';
import type { CoreContext } from '../core/context';
import type { HandlerMap } from './types';

/** The office profile a signed document is headed with, or the error that says where to set it. */
export async function requireOffice(ctx: CoreContext): Promise<OfficeRow> {
  const office = await getOffice(ctx.db, ctx.officeId);
  if (!office) throw new AppError('OFFICE_NOT_SET', 'Chưa thiết lập thông tin cơ quan. Vào Cài đặt để nhập tên cơ quan, địa danh, chữ viết tắt, thủ trưởng.');
  return office;
}

export const officeHandlers: HandlerMap<'office.get' | 'office.save' | 'office.levels' | 'office.saveLevel'> = {
  'office.get': async (_input, ctx) => {
    const row = await getOffice(ctx.db, ctx.officeId);
    return row ? toOffice(row) : null;
  },
  'office.save': async (input, ctx) => {
    if (!(await levelExists(ctx.db, input.levelCode))) {
      throw new AppError('INVALID_INPUT', `Cấp cơ quan "${input.levelCode}" không có trong danh sách cấp — chọn lại trong danh sách hoặc thêm cấp mới ở Cài đặt.`);
    }
    return toOffice(await upsertOffice(ctx.db, ctx.officeId, input));
  },
  'office.levels': async (_input, ctx) => listLevels(ctx.db),
  'office.saveLevel': async (input, ctx) => {
    await saveLevel(ctx.db, input.code, input.name, input.sortOrder);
    return listLevels(ctx.db);
  },
};
