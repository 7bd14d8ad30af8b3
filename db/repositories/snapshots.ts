// Kept eligibility runs in the database file (migration 10): the change stamp that says
// whether the check's inputs moved, the runs saved under it, and (migration 11) what the
// writes since a stamp touched. Queries only.
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

/** The stamp a run was saved under, without reading it (undefined: none under this key). */
export function snapshotStamp(db: Db, key: string): number | undefined {
  const n = db.prepare('SELECT stamp FROM eligibility_snapshot WHERE key = ?').pluck().get(key) as number | bigint | undefined;
  return n === undefined ? undefined : Number(n);
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

/** What the writes since a change stamp touched (migration 11's log). */
export interface Touches {
  people: Set<string>;
  /** award_decision ids (their recipients' titles changed) */
  decisions: Set<string>;
  /** a unit, a unit's year, or a collective's title */
  units: boolean;
  registrations: boolean;
}

/**
 * Everything touched at or after `stamp` (a write logs the stamp of its moment, just before or
 * just after it moves, so "at" errs on the side of re-reading), or null when more than `limit`
 * rows of the log were (people, decisions, the two flags): reading everything is then cheaper.
 */
export function touchesSince(db: Db, stamp: number, limit: number): Touches | null {
  const rows = db
    .prepare(`SELECT kind, ref FROM history_touch WHERE stamp >= ? LIMIT ${limit + 1}`)
    .raw()
    .all(stamp) as Array<[string, string]>;
  if (rows.length > limit) return null;
  const t: Touches = { people: new Set(), decisions: new Set(), units: false, registrations: false };
  for (const [kind, ref] of rows) {
    if (kind === 'p') t.people.add(ref);
    else if (kind === 'd') t.decisions.add(ref);
    else if (kind === 'u') t.units = true;
    else if (kind === 'g') t.registrations = true;
  }
  return t;
}
