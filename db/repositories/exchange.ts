// Exchange bookkeeping: bundle history and, per record, the updated_at last received.
// Synchronous (better-sqlite3) where the merge engine calls them inside its transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { DB, ExchangeHistoryTable } from '../schema';

export type ExchangeHistoryRow = Selectable<ExchangeHistoryTable>;

export async function listExchangeHistory(db: Kysely<DB>, limit: number): Promise<ExchangeHistoryRow[]> {
  return db.selectFrom('exchange_history').selectAll().orderBy('applied_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function findAppliedBundle(sqlite: BetterSqlite3.Database, bundleId: string): ExchangeHistoryRow | undefined {
  return sqlite.prepare("SELECT * FROM exchange_history WHERE bundle_id = ? AND direction = 'in'").get(bundleId) as ExchangeHistoryRow | undefined;
}

export function insertExchangeHistory(sqlite: BetterSqlite3.Database, row: ExchangeHistoryRow): void {
  sqlite
    .prepare(
      `INSERT INTO exchange_history (id, bundle_id, direction, kind, origin_office_id, origin_office_name, target_office_id, file_name, counts_json, created_at, applied_at, status)
       VALUES (@id, @bundle_id, @direction, @kind, @origin_office_id, @origin_office_name, @target_office_id, @file_name, @counts_json, @created_at, @applied_at, @status)`,
    )
    .run(row);
}

/** record id → updated_at last received, for the given ids of one entity. */
export function receivedVersions(sqlite: BetterSqlite3.Database, entity: string, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT record_id, received_updated_at FROM exchange_record_state WHERE entity = ? AND record_id IN (${chunk.map(() => '?').join(',')})`)
      .all(entity, ...chunk) as { record_id: string; received_updated_at: string }[];
    for (const r of rows) out.set(r.record_id, r.received_updated_at);
  }
  return out;
}

/** All received versions of one entity (bases carried in an export). */
export function allReceivedVersions(sqlite: BetterSqlite3.Database, entity: string): Map<string, string> {
  const rows = sqlite.prepare('SELECT record_id, received_updated_at FROM exchange_record_state WHERE entity = ?').all(entity) as {
    record_id: string;
    received_updated_at: string;
  }[];
  return new Map(rows.map((r) => [r.record_id, r.received_updated_at]));
}

export function recordStateUpserter(sqlite: BetterSqlite3.Database) {
  const stmt = sqlite.prepare(
    `INSERT INTO exchange_record_state (entity, record_id, received_updated_at, peer_office_id, bundle_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity, record_id) DO UPDATE SET received_updated_at = excluded.received_updated_at, peer_office_id = excluded.peer_office_id, bundle_id = excluded.bundle_id`,
  );
  return (entity: string, recordId: string, updatedAt: string, peerOfficeId: string, bundleId: string) => {
    stmt.run(entity, recordId, updatedAt, peerOfficeId, bundleId);
  };
}

/** An office's name by id (this one's, or one whose bundles came in), read once when first asked. */
export function officeNameOf(sqlite: BetterSqlite3.Database): (officeId: string) => string {
  let names: Map<string, string> | null = null;
  return (officeId) => {
    names ??= new Map((sqlite.prepare('SELECT id, name FROM office WHERE deleted_at IS NULL').all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
    return names.get(officeId) ?? '';
  };
}

/** Offices other than this one, with their live staff count and the last bundle received from them. */
export function listOtherOffices(sqlite: BetterSqlite3.Database, selfOfficeId: string) {
  return sqlite
    .prepare(
      `SELECT o.id, o.name, o.abbreviation,
         (SELECT COUNT(*) FROM staff s WHERE s.origin_office_id = o.id AND s.deleted_at IS NULL) AS staff_count,
         (SELECT MAX(h.applied_at) FROM exchange_history h WHERE h.origin_office_id = o.id AND h.direction = 'in') AS last_received_at
       FROM office o WHERE o.id != ? AND o.deleted_at IS NULL ORDER BY o.name`,
    )
    .all(selfOfficeId) as { id: string; name: string; abbreviation: string; staff_count: number; last_received_at: string | null }[];
}
