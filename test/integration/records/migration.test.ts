// Migration 5 on a database made before it: existing staff stay, the record tables appear
// with their constraints.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { LATEST_VERSION, schemaVersion } from '../../../db/migrations';
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
