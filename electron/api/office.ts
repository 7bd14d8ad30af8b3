import { AppError } from '../../shared/contract/errors';
import { getOffice, levelExists, listLevels, saveLevel, toOffice, upsertOffice } from '../../db/repositories/office';
import type { HandlerMap } from './types';

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
