import { checkIntegrity } from '../../db/connection';
import { schemaVersion } from '../../db/migrations';
import { getOffice, setupCounts } from '../../db/repositories/office';
import { listFolders } from '../services/files/folders';
import type { HandlerMap } from './types';

export const systemHandlers: HandlerMap<'app.info' | 'app.setup' | 'jobs.get' | 'jobs.cancel' | 'db.check' | 'files.folders'> = {
  'app.info': async (_input, ctx) => ({
    version: ctx.version,
    host: ctx.host,
    dbPath: ctx.conn.path,
    schemaVersion: schemaVersion(ctx.conn.sqlite),
    officeConfigured: !!(await getOffice(ctx.db, ctx.officeId)),
    fallbackReason: ctx.fallbackReason,
    recovery: null,
    damage: ctx.damage,
    dataOnNetwork: ctx.conn.network,
  }),
  'app.setup': async (_input, ctx) => setupCounts(ctx.db),
  'jobs.get': async ({ jobId }, ctx) => ctx.jobs.get(jobId),
  'jobs.cancel': async ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  'db.check': async (_input, ctx) => {
    const r = checkIntegrity(ctx.conn.sqlite);
    ctx.damage = r.ok ? null : `Kiểm tra toàn vẹn không đạt: ${r.messages.slice(0, 3).join('; ')}${r.foreignKeyViolations ? `; ${r.foreignKeyViolations} liên kết hỏng` : ''}. Hãy khôi phục từ bản sao lưu còn tốt gần nhất (Sao lưu).`;
    return r;
  },
  'files.folders': async ({ path }) => listFolders(path),
};
