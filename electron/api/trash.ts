import { getStaff } from '../../db/repositories/staff';
import { patchStaffIndex } from '../services/staff/search-index';
import { listTrash, restoreTrash, restoreTrashMany } from '../services/trash/trash';
import type { HandlerMap } from './types';

export const trashHandlers: HandlerMap<'trash.list' | 'trash.restore' | 'trash.restoreMany'> = {
  'trash.list': async (input, ctx) => listTrash(ctx.conn.sqlite, ctx.officeId, input),
  'trash.restore': async ({ kind, id }, ctx) => {
    const r = restoreTrash(ctx.conn.sqlite, ctx.officeId, kind, id);
    // one row written: the staff search index takes the person back without a rebuild
    if (kind === 'staff') patchStaffIndex(ctx.conn.sqlite, id, (await getStaff(ctx.db, id)) ?? null);
    return r;
  },
  // the staff search index is rebuilt at the next search (many rows changed)
  'trash.restoreMany': async ({ items }, ctx) => ({ restored: restoreTrashMany(ctx.conn.sqlite, ctx.officeId, items) }),
};
