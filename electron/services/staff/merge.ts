// "Gộp cán bộ trùng": records that look like one person entered twice (two imports, a move
// between units typed as a new person), and merging them into one — the other records' years,
// awards, initiatives, disciplines, registrations, nominations and tasks moved over, what the
// kept record already has the like of dropped, its empty fields filled, the others deleted.
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { StaffDuplicateGroup, StaffMergeResult } from '../../../shared/contract/staff';
import { formatDateVi } from '../../../shared/text/vn';
import { unitDisplayLabels } from '../../../shared/units/tree';
import { nowIso } from '../../../db/ids';
import { unitsLite } from '../../../db/repositories/records';
import { getSettingSync, setSettingSync } from '../../../db/repositories/settings';
import {
  conflictingYears,
  dossiersNamingBoth,
  duplicateStaffRows,
  fillStaffGaps,
  FILLABLE_COLUMNS,
  logMerge,
  moveStaffRecords,
  softDeleteStaffRow,
  staffRecordCounts,
  type MergeMoves,
  type MovedCounts,
} from '../../../db/repositories/staff-merge';
import type { StaffRow } from '../../../db/repositories/staff';
import { toStaff } from './search-index';

type Db = BetterSqlite3.Database;

const IGNORED_KEY = 'staff.duplicates.ignored';

function ignoredKeys(db: Db): Set<string> {
  try {
    const v = JSON.parse(getSettingSync(db, IGNORED_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** A group's key: its record ids in order — another record joining it makes a new group. */
const groupKey = (ids: readonly string[]) => [...ids].sort().join('|');

export function findDuplicates(db: Db, officeId: string): { groups: StaffDuplicateGroup[]; ignored: number } {
  const rows = duplicateStaffRows(db, officeId);
  const labels = unitDisplayLabels(unitsLite(db, officeId));
  const byKey = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byKey.get(r.dup_key);
    if (list) list.push(r);
    else byKey.set(r.dup_key, [r]);
  }
  const ignored = ignoredKeys(db);
  const groups: StaffDuplicateGroup[] = [];
  let skipped = 0;
  for (const list of byKey.values()) {
    const key = groupKey(list.map((r) => r.id));
    if (ignored.has(key)) {
      skipped++;
      continue;
    }
    groups.push({
      key,
      people: list.map((r) => {
        const c = staffRecordCounts(db, r.id);
        const { first_year, last_year, ...counts } = c;
        return { ...toStaff(r), unitLabel: (r.unit_id && labels.get(r.unit_id)) || '', counts, firstYear: first_year, lastYear: last_year };
      }),
    });
  }
  return { groups, ignored: skipped };
}

/** Remember that a group's records are different people (forgetting groups whose records are gone). */
export function ignoreDuplicates(db: Db, key: string): number {
  const live = new Set(db.prepare('SELECT id FROM staff WHERE deleted_at IS NULL').pluck().all() as string[]);
  const keys = new Set([...ignoredKeys(db)].filter((k) => k.split('|').every((id) => live.has(id))));
  keys.add(key);
  setSettingSync(db, IGNORED_KEY, JSON.stringify([...keys]));
  return keys.size;
}

/** List every group again. */
export function unignoreDuplicates(db: Db): number {
  setSettingSync(db, IGNORED_KEY, '[]');
  return 0;
}

/** The kept record's empty fields a merged one can fill, by the label a user knows them by. */
const FILL_LABELS: Record<(typeof FILLABLE_COLUMNS)[number], string> = {
  gender: 'Giới tính',
  birth_date: 'Ngày sinh',
  unit_id: 'Đơn vị',
  position: 'Chức vụ',
  category: 'Đối tượng',
  employment_start: 'Ngày bắt đầu công tác',
  employment_end: 'Ngày kết thúc công tác',
};

const empty = (v: unknown) => v === null || v === undefined || v === '';

function liveOwn(db: Db, officeId: string, id: string): StaffRow {
  const r = db.prepare('SELECT * FROM staff WHERE id = ? AND deleted_at IS NULL').get(id) as StaffRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ (có thể đã bị xóa hoặc đã được gộp). Hãy tải lại danh sách.');
  if (r.origin_office_id !== officeId) throw new AppError('FORBIDDEN', `${r.full_name} thuộc dữ liệu của cơ quan khác: chỉ cơ quan đó gộp được.`);
  return r;
}

const who = (r: StaffRow) => `${r.full_name}${r.birth_date ? ` (sinh ngày ${formatDateVi(r.birth_date)})` : ''}`;

export function mergeStaff(db: Db, officeId: string, keepId: string, mergeIds: readonly string[]): Omit<StaffMergeResult, 'kept'> & { kept: StaffRow } {
  return db.transaction(() => {
    const keep = liveOwn(db, officeId, keepId);
    const others = [...new Set(mergeIds)].map((id) => liveOwn(db, officeId, id));
    // refused before anything is written: what only the user can settle
    const problems: string[] = [];
    for (const o of others) {
      const years = conflictingYears(db, keep.id, o.id);
      if (years.length) {
        const rating = (r: string | null) => r ?? 'chưa xếp loại';
        problems.push(
          `Năm ${years.map((y) => `${y.year} (${rating(y.keep)} / ${rating(y.other)})`).join(', ')}: hai bản ghi của ${who(o)} xếp loại khác nhau — sửa ở thẻ "Nhập cuối năm" cho khớp rồi gộp.`,
        );
      }
      for (const title of dossiersNamingBoth(db, keep.id, o.id)) problems.push(`Hồ sơ "${title}" đề nghị cả hai bản ghi của ${who(o)} — bỏ một người khỏi hồ sơ rồi gộp.`);
    }
    if (problems.length) throw new AppError('CONFLICT', `Chưa gộp gì. ${problems.join('\n')}`);

    const now = nowIso();
    const moved: MovedCounts = { years: 0, awards: 0, initiatives: 0, disciplines: 0, registrations: 0, nominations: 0, tasks: 0 };
    let dropped = 0;
    const fill: Record<string, unknown> = {};
    const filled: string[] = [];
    const logs: Array<{ id: string; moves: MergeMoves }> = [];
    for (const o of others) {
      const r = moveStaffRecords(db, keep.id, o.id, now);
      for (const k of Object.keys(moved) as Array<keyof MovedCounts>) moved[k] += r.moved[k];
      dropped += r.dropped;
      for (const column of FILLABLE_COLUMNS) {
        if (empty(keep[column]) && !(column in fill) && !empty(o[column])) {
          fill[column] = o[column];
          // "Tách lại" of this record empties it again
          r.moves.filled[column] = [keep[column], o[column]];
          filled.push(FILL_LABELS[column]);
        }
      }
      softDeleteStaffRow(db, o.id, now);
      logs.push({ id: o.id, moves: r.moves });
    }
    fillStaffGaps(db, keep.id, fill, now);
    for (const l of logs) logMerge(db, l.id, keep.id, now, l.moves);
    const kept = db.prepare('SELECT * FROM staff WHERE id = ?').get(keep.id) as StaffRow;
    return { kept, merged: others.length, moved, dropped, filled };
  })();
}
