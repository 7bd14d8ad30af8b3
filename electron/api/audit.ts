// Audit trail (read only: the log is written by triggers) and this computer's user profiles.
import { historyForRecord, listLog, profilesState, removeProfile, saveProfile, setCurrentProfile } from '../services/audit';
import type { HandlerMap } from './types';

export const auditHandlers: HandlerMap<
  'audit.forRecord' | 'audit.list' | 'audit.profiles.list' | 'audit.profiles.save' | 'audit.profiles.setCurrent' | 'audit.profiles.remove'
> = {
  'audit.forRecord': async (input, ctx) => historyForRecord(ctx.conn.sqlite, input),
  'audit.list': async (input, ctx) => listLog(ctx.conn.sqlite, input),
  'audit.profiles.list': async (_input, ctx) => profilesState(ctx.conn.sqlite),
  'audit.profiles.save': async (input, ctx) => saveProfile(ctx.conn.sqlite, input),
  'audit.profiles.setCurrent': async ({ id }, ctx) => setCurrentProfile(ctx.conn.sqlite, id),
  'audit.profiles.remove': async ({ id }, ctx) => removeProfile(ctx.conn.sqlite, id),
};
