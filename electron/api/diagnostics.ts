import { AppError } from '../../shared/contract/errors';
import { appendErrorLog, clearErrorLog, readErrorLog } from '../services/diagnostics/error-log';
import type { HandlerMap } from './types';

export const diagnosticsHandlers: HandlerMap<'errors.report' | 'errors.list' | 'errors.clear'> = {
  'errors.report': async (input, ctx) => ({ logged: appendErrorLog(ctx.conn.path, { ...input, version: ctx.version }) }),
  'errors.list': async (input, ctx) => readErrorLog(ctx.conn.path, input?.limit ?? 200),
  'errors.clear': async (_input, ctx) => {
    try {
      clearErrorLog(ctx.conn.path);
    } catch (e) {
      throw new AppError('CONFLICT', `Chưa xóa được nhật ký lỗi (${(e as Error).message}). Hãy đóng chương trình đang mở tệp nhật ký rồi thử lại.`);
    }
    return { cleared: true as const };
  },
};
