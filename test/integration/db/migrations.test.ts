import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, checkIntegrity } from '../../../db/connection';
import { LATEST_VERSION, migrations, migrate, schemaVersion } from '../../../db/migrations';
import { tempDb } from '../../support/tmp';

describe('migrations', () => {
  it('are ordered and append-only numbered 1..N', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(migrations.length);
  });

  it('migrate N-1 → insert → migrate N keeps the data', () => {
    const file = tempDb();
    const prev = LATEST_VERSION - 1;
    const a = openDatabase(file, { migrateTo: prev });
    expect(schemaVersion(a.sqlite)).toBe(prev);
    a.sqlite
      .prepare(
        `INSERT INTO unit (id, origin_office_id, created_at, updated_at, name, name_key, kind) VALUES ('u1', 'o1', '2025-01-01', '2025-01-01', 'Văn phòng Sở', 'van phong so', 'phong_chuyen_mon')`,
      )
      .run();
    a.close();

    const b = openDatabase(file);
    expect(schemaVersion(b.sqlite)).toBe(LATEST_VERSION);
    expect(b.sqlite.prepare('SELECT name FROM unit WHERE id = ?').get('u1')).toEqual({ name: 'Văn phòng Sở' });
    // the new step's table works and references the old data
    b.sqlite
      .prepare(
        `INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, unit_id) VALUES ('s1', 'o1', '2025-01-01', '2025-01-01', 'Trần Văn An', 'tran van an', 'u1')`,
      )
      .run();
    expect(() =>
      b.sqlite
        .prepare(
          `INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, unit_id) VALUES ('s2', 'o1', '2025-01-01', '2025-01-01', 'X', 'x', 'missing-unit')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(checkIntegrity(b.sqlite).ok).toBe(true);
    const log = b.sqlite.prepare('SELECT version FROM migration_log ORDER BY id').all();
    expect(log).toEqual(migrations.map((m) => ({ version: m.version })));
    b.close();
  });

  it('migrate 8 → 9 keeps registrations and finds a person\'s or a unit\'s by index, not by a scan', () => {
    const file = tempDb();
    const a = openDatabase(file, { migrateTo: 8 });
    const ins = (sql: string) => a.sqlite.prepare(sql).run();
    ins(`INSERT INTO unit (id, origin_office_id, created_at, updated_at, name, name_key, kind) VALUES ('u1', 'o1', '2025-01-01', '2025-01-01', 'Văn phòng', 'van phong', 'phong_chuyen_mon')`);
    ins(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, unit_id) VALUES ('s1', 'o1', '2025-01-01', '2025-01-01', 'Trần Văn An', 'tran van an', 'u1')`);
    ins(`INSERT INTO registration (id, origin_office_id, created_at, updated_at, year, subject_kind, staff_id, unit_id, award_code) VALUES ('r1', 'o1', '2025-01-01', '2025-01-01', 2025, 'person', 's1', NULL, 'CSTDCS')`);
    ins(`INSERT INTO registration (id, origin_office_id, created_at, updated_at, year, subject_kind, staff_id, unit_id, award_code) VALUES ('r2', 'o1', '2025-01-01', '2025-01-01', 2024, 'unit', NULL, 'u1', 'TT_LDTT')`);
    a.close();

    const b = openDatabase(file, { migrateTo: 9 });
    expect(schemaVersion(b.sqlite)).toBe(9);
    const plan = (column: 'staff_id' | 'unit_id', kind: string, id: string) => {
      const sql = `SELECT id FROM registration WHERE deleted_at IS NULL AND subject_kind = ? AND ${column} = ? ORDER BY year`;
      return {
        rows: b.sqlite.prepare(sql).all(kind, id),
        plan: (b.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(kind, id) as { detail: string }[]).map((r) => r.detail).join('; '),
      };
    };
    const person = plan('staff_id', 'person', 's1');
    expect(person.rows).toEqual([{ id: 'r1' }]);
    expect(person.plan).toContain('USING INDEX registration_staff');
    const unit = plan('unit_id', 'unit', 'u1');
    expect(unit.rows).toEqual([{ id: 'r2' }]);
    expect(unit.plan).toContain('USING INDEX registration_unit');
    expect(checkIntegrity(b.sqlite).ok).toBe(true);
    b.close();
  });

  it('migrate 9 → 10 adds the change stamp: it starts at 0 and moves with writes to the records, not with other tables', () => {
    const file = tempDb();
    const a = openDatabase(file, { migrateTo: 9 });
    a.sqlite.prepare(`INSERT INTO unit (id, origin_office_id, created_at, updated_at, name, name_key, kind) VALUES ('u1', 'o1', '2025-01-01', '2025-01-01', 'Văn phòng', 'van phong', 'phong_chuyen_mon')`).run();
    a.close();
    const b = openDatabase(file, { migrateTo: 10 });
    expect(schemaVersion(b.sqlite)).toBe(10);
    const stamp = () => b.sqlite.prepare('SELECT n FROM change_stamp').pluck().get();
    expect(stamp()).toBe(0);
    b.sqlite.prepare(`INSERT INTO staff (id, origin_office_id, created_at, updated_at, full_name, name_key, unit_id) VALUES ('s1', 'o1', '2025-01-01', '2025-01-01', 'Trần Văn An', 'tran van an', 'u1')`).run();
    b.sqlite.prepare("UPDATE unit SET name = 'Văn phòng Sở' WHERE id = 'u1'").run();
    expect(stamp()).toBe(2);
    b.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('k', 'v')").run();
    expect(stamp()).toBe(2);
    expect(b.sqlite.prepare('SELECT COUNT(*) FROM eligibility_snapshot').pluck().get()).toBe(0);
    expect(checkIntegrity(b.sqlite).ok).toBe(true);
    b.close();
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const c = openDatabase(tempDb());
    expect(c.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    c.close();
  });

  it('refuses a database from a newer version of the app', () => {
    const file = tempDb();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/SCHEMA_TOO_NEW/);
  });

  it('a failing migration step leaves the previous version intact', () => {
    const raw = new Database(':memory:');
    migrate(raw, 1);
    raw.exec('CREATE TABLE staff (x)'); // makes step 2 fail half-way
    expect(() => migrate(raw)).toThrow();
    expect(schemaVersion(raw)).toBe(1);
    raw.close();
  });
});
