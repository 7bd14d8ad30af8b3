import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { BACKUP_UPLOAD_MAX_BYTES } from '../../shared/contract/backup';
import {
  autoBackupDir,
  backupBytes,
  createBackup,
  getKeepCount,
  listBackups,
  restoreBackup,
  setKeepCount,
} from '../services/backup';
import type { CoreContext } from '../core/context';
import type { HandlerMap } from './types';

async function settings(ctx: CoreContext) {
  return { keep: await getKeepCount(ctx), folder: autoBackupDir(ctx) };
}

/** The window may restore only a backup it was shown; any other file comes up as bytes. */
function checkRestorePath(ctx: CoreContext, file: string) {
  if (ctx.host !== 'web' && ctx.host !== 'electron') return;
  const dir = autoBackupDir(ctx);
  if (path.dirname(path.resolve(file)) !== dir) {
    throw new AppError('FORBIDDEN', 'Chỉ khôi phục được bản sao lưu trong danh sách. Với tệp sao lưu ở nơi khác, hãy dùng "Khôi phục từ tệp…" để chọn tệp.');
  }
}

export const backupHandlers: HandlerMap<
  'backup.list' | 'backup.create' | 'backup.download' | 'backup.restore' | 'backup.settings.get' | 'backup.settings.set' | 'backup.quit'
> = {
  'backup.list': async (_input, ctx) => ({ folder: autoBackupDir(ctx), keep: await getKeepCount(ctx), backups: listBackups(ctx) }),
  'backup.create': async (input, ctx) => createBackup(ctx, { reason: 'manual', destDir: input?.destDir || undefined }),
  'backup.download': async (_input, ctx) => {
    const { fileName, bytes } = await backupBytes(ctx);
    return { fileName, mimeType: 'application/vnd.sqlite3', base64: bytes.toString('base64') };
  },
  'backup.restore': async (input, ctx) => {
    if ('path' in input) {
      checkRestorePath(ctx, input.path);
      return restoreBackup(ctx, { path: input.path });
    }
    const bytes = Buffer.from(input.fileBase64, 'base64');
    if (bytes.length === 0) throw new AppError('FILE_INVALID', 'Tệp sao lưu tải lên bị rỗng. Hãy chọn lại tệp.');
    if (bytes.length > BACKUP_UPLOAD_MAX_BYTES) {
      throw new AppError('FILE_INVALID', `Tệp sao lưu lớn quá ${BACKUP_UPLOAD_MAX_BYTES / 1024 / 1024} MB. Hãy khôi phục bằng dòng lệnh: tdkt backup restore TỆP.`);
    }
    return restoreBackup(ctx, { fileName: input.fileName, bytes });
  },
  'backup.settings.get': async (_input, ctx) => settings(ctx),
  'backup.settings.set': async ({ keep }, ctx) => {
    await setKeepCount(ctx, keep);
    return settings(ctx);
  },
  'backup.quit': async (_input, ctx) => createBackup(ctx, { reason: 'quit' }),
};
