// Kept eligibility runs in the database file (migration 10): the change stamp that says
// whether the check's inputs moved, and the runs saved under it. Queries only.
import type BetterSqlite3 from 'better-sqlite3';

type Db = BetterSqlite3.Database;

/** How many kept runs the file holds (years × scopes); the least recently saved go first. */
const SNAPSHOTS_KEPT = 6;

const statements = new WeakMap<Db, { stamp: BetterSqlite3.Statement; read: BetterSqlite3.Statement }>();

function prepared(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      stamp: db.prepare('SELECT n FROM change_stamp WHERE id = 1').pluck(),
      read: db.prepare('SELECT stamp, payload FROM eligibility_snapshot WHERE key = ?'),
    };
    statements.set(db, s);
  }
  return s;
}

/** Moves with every row written to a table the eligibility check reads (any connection). */
export function changeStamp(db: Db): number {
  return Number(prepared(db).stamp.get() ?? -1);
}

export function readSnapshot(db: Db, key: string): { stamp: number; payload: Buffer } | undefined {
  const r = prepared(db).read.get(key) as { stamp: number | bigint; payload: Buffer } | undefined;
  return r ? { stamp: Number(r.stamp), payload: r.payload } : undefined;
}

/** Save (or replace) a run and drop the oldest beyond SNAPSHOTS_KEPT, in one transaction. */
export function writeSnapshot(db: Db, key: string, stamp: number, payload: Buffer, savedAt: string): void {
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO eligibility_snapshot (key, stamp, saved_at, payload) VALUES (?, ?, ?, ?)').run(key, stamp, savedAt, payload);
    db.prepare(
      `DELETE FROM eligibility_snapshot WHERE key NOT IN (SELECT key FROM eligibility_snapshot ORDER BY saved_at DESC, rowid DESC LIMIT ${SNAPSHOTS_KEPT})`,
    ).run();
  })();
}

/** Forget every kept run (the bench measures a check with none; tests). */
export function clearSnapshots(db: Db): void {
  db.prepare('DELETE FROM eligibility_snapshot').run();
}
