import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/core';
import { bulkInsertStaff } from '../../../db/repositories/staff';
import { foldVi } from '../../../shared/text/vn';

/** Rows of a table in a SQLite file, ordered by id (exact-content comparisons). */
export function tableRows(file: string, table: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
  } finally {
    db.close();
  }
}

/** Staff names as the live core sees them. */
export async function staffNames(core: Core): Promise<string[]> {
  const r = await core.invoke('staff.list', { status: 'all' });
  return r.rows.map((s) => s.fullName).sort();
}

/** Many staff rows at once (enough pages that the online backup takes several steps). */
export function addManyStaff(core: Core, n: number, prefix = 'Nguyễn Văn'): void {
  const rows = Array.from({ length: n }, (_, i) => {
    const fullName = `${prefix} Số${i}`;
    return {
      fullName,
      nameKey: foldVi(fullName),
      gender: 'nam',
      birthDate: '1980-01-01',
      unitId: null,
      position: 'Chuyên viên',
      category: 'CC',
      isLeader: false,
      employmentStart: null,
      employmentEnd: null,
      status: 'dang_cong_tac',
      note: 'x'.repeat(200),
    };
  });
  bulkInsertStaff(core.ctx.conn.sqlite, core.ctx.officeId, rows);
}

/** The files in a folder, but the automatic folder's own index of integrity results. */
export function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n !== BACKUP_CHECKS_FILE).sort() : [];
}

export const BACKUP_CHECKS_FILE = '.tdkt-backup-checks.json';

export function backupsDir(core: Core): string {
  return path.join(path.dirname(core.ctx.conn.path), 'backups');
}
