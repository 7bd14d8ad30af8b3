// Migration 5 on a database made before it: existing staff stay, the record tables appear
// with their constraints.
import { describe, expect, it } from 'vitest';
import { checkIntegrity, openDatabase } from '../../../db/connection';
import { LATEST_VERSION, schemaVersion } from '../../../db/migrations';
import { listDecisions } from '../../../db/repositories/records';
import { tempDb } from '../../support/tmp';

describe('migration 5 (award records)', () => {
  it('adds the record tables to a version-4 database without touching its data', () => {
    const file = tempDb();
    const old = openDatabase(file, { migrateTo: 4 });
    expect(schemaVersion(old.sqlite)).toBe(4);
    const now = new Date().toISOString();
    old.sqlite
      .prepare(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key) VALUES ('s1', 'o1', ?, ?, 'Nguyễn Văn An', 'nguyen van an')`)
      .run(now, now);
    old.close();

    const conn = openDatabase(file);
    expect(schemaVersion(conn.sqlite)).toBe(LATEST_VERSION);
    const tables = (conn.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const t of ['person_year', 'unit_year', 'registration', 'initiative', 'discipline', 'award_decision', 'award_recipient']) expect(tables).toContain(t);
    for (const t of ['person_year', 'award_decision', 'award_recipient']) {
      const cols = (conn.sqlite.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols.slice(0, 5)).toEqual(['id', 'origin_office_id', 'created_at', 'updated_at', 'deleted_at']);
    }
    expect(conn.sqlite.prepare('SELECT full_name FROM staff').pluck().all()).toEqual(['Nguyễn Văn An']);
    const insert = (rating: string) =>
      conn.sqlite
        .prepare(`INSERT INTO person_year (id, origin_office_id, created_at, updated_at, staff_id, year, rating) VALUES (?, 'o1', ?, ?, 's1', 2024, ?)`)
        .run(`py-${rating}`, now, now, rating);
    insert('HTXSNV');
    expect(() => insert('GIOI')).toThrow(/CHECK constraint/);
    expect(() =>
      conn.sqlite
        .prepare(`INSERT INTO award_decision (id, origin_office_id, created_at, updated_at, year) VALUES ('d1', 'o1', ?, ?, 2024)`)
        .run(now, now),
    ).toThrow(/CHECK constraint/); // neither a catalogue code nor another form
    conn.close();
  });
});

describe('migration 12 (recipients by decision)', () => {
  it('replaces the decision_id index with the covering one; live recipients are counted as before', () => {
    const file = tempDb();
    const old = openDatabase(file, { migrateTo: 11 });
    const now = '2025-01-01T00:00:00.000Z';
    const run = (sql: string, ...params: unknown[]) => old.sqlite.prepare(sql).run(...params);
    run(`INSERT INTO unit (id, origin_office_id, created_at, updated_at, name, name_key, kind) VALUES ('u1', 'o1', ?, ?, 'Văn phòng', 'van phong', 'phong_chuyen_mon')`, now, now);
    run(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key) VALUES ('s1', 'o1', ?, ?, 'Nguyễn Văn An', 'nguyen van an')`, now, now);
    run(`INSERT INTO award_decision (id, origin_office_id, created_at, updated_at, award_code, year) VALUES ('d1', 'o1', ?, ?, 'LDTT', 2024)`, now, now);
    const recipient = (id: string, kind: string, staffId: string | null, unitId: string | null, deletedAt: string | null) =>
      run(
        `INSERT INTO award_recipient (id, origin_office_id, created_at, updated_at, deleted_at, decision_id, subject_kind, staff_id, unit_id, name) VALUES (?, 'o1', ?, ?, ?, 'd1', ?, ?, ?, 'x')`,
        id, now, now, deletedAt, kind, staffId, unitId,
      );
    recipient('r1', 'person', 's1', null, null);
    recipient('r2', 'unit', null, 'u1', null);
    recipient('r3', 'person', 's1', null, now);
    old.close();

    const conn = openDatabase(file);
    expect(schemaVersion(conn.sqlite)).toBe(LATEST_VERSION);
    const indexes = conn.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'award_recipient' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual(['award_recipient_decision_subjects', 'award_recipient_staff', 'award_recipient_unit']);
    expect(listDecisions(conn.sqlite, { year: 2024 }).map((d) => [d.id, d.recipient_count])).toEqual([['d1', 2]]);
    expect(checkIntegrity(conn.sqlite).ok).toBe(true);
    conn.close();
  });
});
