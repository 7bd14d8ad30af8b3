// The per-person lookups of person_year must seek person_year_staff. Without statistics SQLite
// preferred the year index added by migration 9 (it gives ORDER BY updated_at for free) and
// scanned a whole year per lookup: 2 ms each at 30,000 people, which made the year-end grid and
// the import of past records quadratic (10 years of a province: 47 s became more than 9 minutes).
// Recipients are read by decision from the covering index of migration 12, never their rows.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import {
  ACHIEVED_KEYS_SQL,
  DECISION_LIST_SQL,
  DECISION_SUBJECTS_SQL,
  PERSON_YEAR_OF_SQL,
  YEAR_UNIT_CODES_SQL,
  personYearsOfStaffSql,
} from '../../../db/repositories/records';
import { tempDb } from '../../support/tmp';

describe('person_year query plans', () => {
  it('a person\'s year and some people\'s years seek the staff index, never scan a year', () => {
    const conn = openDatabase(tempDb());
    try {
      const plan = (sql: string, params: unknown[]) => (conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
      for (const [sql, params] of [
        [PERSON_YEAR_OF_SQL, ['s1', 2025]],
        [personYearsOfStaffSql(false), ['["s1","s2"]']],
        [personYearsOfStaffSql(true), ['["s1"]', 2021, 2025]],
      ] as const) {
        const p = plan(sql, [...params]);
        expect(p).toContain('USING INDEX person_year_staff');
        expect(p).not.toContain('person_year_year');
      }
      // the same lookup without the hint is what went wrong (so the hint is what keeps it right)
      expect(plan(PERSON_YEAR_OF_SQL.replace(' INDEXED BY person_year_staff', ''), ['s1', 2025])).toContain('person_year_year_units');
    } finally {
      conn.close();
    }
  });

  it('the decision list, "achieved" and the statistics read recipients from the covering index, decisions first', () => {
    const conn = openDatabase(tempDb());
    try {
      const plan = (sql: string, params: unknown[]) => (conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      for (const [sql, params] of [
        [DECISION_LIST_SQL, []],
        [`${DECISION_LIST_SQL} AND d.year = ?`, [2025]],
        [ACHIEVED_KEYS_SQL, ['["2025|LDTT"]']],
        [DECISION_SUBJECTS_SQL, [2015, 2025]],
      ] as const) {
        // every read of award_recipient is a seek by decision in the covering index, never its table
        const reads = plan(sql, [...params]).filter((d) => /^(SEARCH|SCAN) r /.test(d));
        expect(reads.length).toBeGreaterThan(0);
        for (const d of reads) expect(d).toMatch(/^SEARCH r USING COVERING INDEX award_recipient_decision_subjects \(decision_id=\? AND deleted_at=\?/);
      }
      // CROSS JOIN keeps the decisions outside: a plain join scans every recipient first
      expect(plan(ACHIEVED_KEYS_SQL, ['[]'])[0]).toBe('SCAN d');
      expect(plan(ACHIEVED_KEYS_SQL.replace('CROSS JOIN', 'JOIN'), ['[]'])[0]).toMatch(/^SCAN r/);
      // a year's units: the covering index, no table rows
      expect(plan(YEAR_UNIT_CODES_SQL, [2025]).join('; ')).toContain('SEARCH py USING COVERING INDEX person_year_year_units (year=? AND deleted_at=?)');
    } finally {
      conn.close();
    }
  });
});
