import { checkIntegrity } from '../../db/connection';
import { schemaVersion } from '../../db/migrations';
import { getOffice } from '../../db/repositories/office';
import { listFolders } from '../services/files/folders';
import type { HandlerMap } from './types';

export const systemHandlers: HandlerMap<'app.info' | 'jobs.get' | 'jobs.cancel' | 'db.check' | 'files.folders'> = {
  'app.info': async (_input, ctx) => ({
    version: ctx.version,
    host: ctx.host,
    dbPath: ctx.conn.path,
    schemaVersion: schemaVersion(ctx.conn.sqlite),
    officeConfigured: !!(await getOffice(ctx.db, ctx.officeId)),
    fallbackReason: ctx.fallbackReason,
  }),
  'jobs.get': async ({ jobId }, ctx) => ctx.jobs.get(jobId),
  'jobs.cancel': async ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  'db.check': async (_input, ctx) => checkIntegrity(ctx.conn.sqlite),
  'files.folders': async ({ path }) => listFolders(path),
};
