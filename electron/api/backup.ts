import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { BACKUP_UPLOAD_MAX_BYTES } from '../../shared/contract/backup';
import {
  autoBackupDir,
  backupBytes,
  backupStatus,
  createBackup,
  getKeepCount,
  quitBackup,
  listBackups,
  restoreBackup,
  setKeepCount,
  type RestoreSource,
} from '../services/backup';
import type { CoreContext, HostKind } from '../core/context';
import { getOffice } from '../../db/repositories/office';
import type { ProcParsedInput } from '../../shared/contract';
import type { HandlerMap } from './types';

async function settings(ctx: CoreContext) {
  return { keep: await getKeepCount(ctx), folder: autoBackupDir(ctx) };
}

/**
 * A restore's source from the call: a listed backup — by `path` the windows may restore only one
 * they were shown —, a file the user chose (`chosenPath`: the desktop app's window knows where
 * a chosen file lies), or the uploaded bytes. Every one is copied and checked before it is used.
 */
export function restoreSource(input: ProcParsedInput<'backup.restore'>, host: HostKind, autoDir: string): RestoreSource {
  if ('chosenPath' in input) return { path: input.chosenPath };
  if ('path' in input) {
    if ((host === 'web' || host === 'electron') && path.dirname(path.resolve(input.path)) !== path.resolve(autoDir)) {
      throw new AppError('FORBIDDEN', 'Chỉ khôi phục được bản sao lưu trong danh sách. Với tệp sao lưu ở nơi khác, hãy dùng "Khôi phục từ tệp…" để chọn tệp.');
    }
    return { path: input.path };
  }
  const bytes = Buffer.from(input.fileBase64, 'base64');
  if (bytes.length === 0) throw new AppError('FILE_INVALID', 'Tệp sao lưu tải lên bị rỗng. Hãy chọn lại tệp.');
  if (bytes.length > BACKUP_UPLOAD_MAX_BYTES) {
    throw new AppError('FILE_INVALID', `Tệp sao lưu lớn quá ${BACKUP_UPLOAD_MAX_BYTES / 1024 / 1024} MB. Hãy chép tệp vào thư mục sao lưu (nó hiện trong danh sách), hoặc khôi phục bằng dòng lệnh: tdkt backup restore TỆP.`);
  }
  return { fileName: input.fileName, bytes };
}

export const backupHandlers: HandlerMap<
  | 'backup.status'
  | 'backup.list'
  | 'backup.create'
  | 'backup.download'
  | 'backup.restore'
  | 'backup.settings.get'
  | 'backup.settings.set'
  | 'backup.quit'
  | 'recovery.retry'
  | 'recovery.startNew'
> = {
  'backup.status': async (_input, ctx) => backupStatus(ctx),
  // a file not set up yet (a first run) is offered every backup next to it: brought from the old
  // computer, they may carry the name the file had there
  'backup.list': async (_input, ctx) => ({
    folder: autoBackupDir(ctx),
    keep: await getKeepCount(ctx),
    backups: await listBackups(ctx, autoBackupDir(ctx), { anyDatabase: !(await getOffice(ctx.db, ctx.officeId)) }),
  }),
  'backup.create': async (input, ctx) => createBackup(ctx, { reason: 'manual', destDir: input?.destDir || undefined }),
  'backup.download': async (_input, ctx) => {
    const { fileName, bytes } = await backupBytes(ctx);
    return { fileName, mimeType: 'application/vnd.sqlite3', base64: bytes.toString('base64') };
  },
  'backup.restore': async (input, ctx) => restoreBackup(ctx, restoreSource(input, ctx.host, autoBackupDir(ctx))),
  'backup.settings.get': async (_input, ctx) => settings(ctx),
  'backup.settings.set': async ({ keep }, ctx) => {
    await setKeepCount(ctx, keep);
    return settings(ctx);
  },
  // nothing entered yet: nothing to keep, and no older backup pruned for it
  'backup.quit': async (_input, ctx) => quitBackup(ctx),
  // the database is open: recovery (electron/core/recovery.ts) has nothing to do
  'recovery.retry': async () => ({ opened: true }),
  'recovery.startNew': async () => {
    throw new AppError('CONFLICT', 'Cơ sở dữ liệu đang mở bình thường: không cần bắt đầu với tệp mới. Hãy tải lại trang.');
  },
};
