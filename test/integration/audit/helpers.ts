// Audit test helpers: raw log rows of a core, and profiles set up through the API.
import type { Core } from '../../../electron/core/core';

export interface LogRow {
  id: string;
  origin_office_id: string;
  created_at: string;
  actor_id: string | null;
  actor: string;
  actor_position: string;
  source: string;
  record_table: string;
  record_id: string;
  owner_table: string;
  owner_id: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Log rows in the order written, JSON parsed; optionally of one table. */
export function logRows(core: Core, table?: string): LogRow[] {
  const rows = core.ctx.conn.sqlite
    .prepare(`SELECT * FROM audit_log${table ? ' WHERE record_table = ?' : ''} ORDER BY rowid`)
    .all(...(table ? [table] : [])) as (Omit<LogRow, 'before' | 'after'> & { before_json: string | null; after_json: string | null })[];
  return rows.map(({ before_json, after_json, ...r }) => ({
    ...r,
    before: before_json === null ? null : (JSON.parse(before_json) as Record<string, unknown>),
    after: after_json === null ? null : (JSON.parse(after_json) as Record<string, unknown>),
  }));
}

export function logCount(core: Core): number {
  return (core.ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

/** Add a profile and make it current; returns its id. */
export async function useProfile(core: Core, name: string, position = ''): Promise<string> {
  const r = await core.invoke('audit.profiles.save', { name, position, makeCurrent: true });
  return r.currentId!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
