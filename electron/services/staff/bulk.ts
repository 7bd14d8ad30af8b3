// Changes to the people chosen on the staff list: to another unit, another status, the Thùng
// rác. Each is one transaction: a person who cannot take the change stops it for all, named.
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { StaffBulkMoveResult, StaffStatus } from '../../../shared/contract/staff';
import { STATUS_LABELS } from '../../../shared/staff/labels';
import { formatDateVi } from '../../../shared/text/vn';
import { getUnitLite } from '../../../db/repositories/records';
import { liveStaffByIds, moveStaffTo, setStaffStatusMany, softDeleteStaffMany, type ChosenStaff } from '../../../db/repositories/staff';

const NAMES_SHOWN = 5;

/** "A, B, C và 12 người khác" */
function someNames(names: readonly string[]): string {
  const more = names.length - NAMES_SHOWN;
  return names.slice(0, NAMES_SHOWN).join(', ') + (more > 0 ? ` và ${more.toLocaleString('vi-VN')} người khác` : '');
}

/**
 * The chosen people, every one live and of this office; one deleted meanwhile stops the change
 * (the list was stale), as does one an office sent to the province (its next bundle would undo it).
 */
function chosen(sqlite: BetterSqlite3.Database, officeId: string, ids: readonly string[]): ChosenStaff[] {
  const rows = liveStaffByIds(sqlite, ids);
  const gone = ids.length - rows.length;
  if (gone > 0) {
    throw new AppError(
      'NOT_FOUND',
      `${gone.toLocaleString('vi-VN')} người được chọn không còn trong danh sách (có thể vừa bị xóa hoặc gộp): chưa thay đổi ai. Hãy tải lại danh sách rồi chọn lại.`,
    );
  }
  const received = rows.filter((p) => p.origin_office_id !== officeId);
  if (received.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Chưa thay đổi ai: ${someNames(received.map((p) => p.full_name))} thuộc dữ liệu cơ quan khác gửi lên — cơ quan đó sửa và gửi lại. Hãy bỏ những người này khỏi lựa chọn (lọc theo cơ quan của mình).`,
    );
  }
  return rows;
}

/**
 * The chosen people to `unitId`; their records of this year follow them (the year is judged in
 * the unit it ends in), earlier years keep theirs. Only a unit at work of this office.
 */
export function bulkMoveStaff(sqlite: BetterSqlite3.Database, officeId: string, ids: readonly string[], unitId: string, today: string): StaffBulkMoveResult {
  return sqlite.transaction(() => {
    const unit = getUnitLite(sqlite, unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
    if (!unit.active) throw new AppError('CONFLICT', `Đơn vị "${unit.name}" đang ngừng hoạt động — hãy kích hoạt lại đơn vị hoặc chọn đơn vị khác.`);
    chosen(sqlite, officeId, ids);
    if (unit.officeId !== officeId) throw new AppError('CONFLICT', `Đơn vị "${unit.name}" thuộc cơ quan khác: chỉ chuyển được sang đơn vị của cơ quan mình.`);
    const r = moveStaffTo(sqlite, ids, unit.id, Number(today.slice(0, 4)));
    return { ...r, unit: { id: unit.id, name: unit.name } };
  })();
}

/**
 * The chosen people's status; `employmentEnd` (when given) their end date too. Refused for
 * "Đang công tác" with an end date, and for an end date before someone's start.
 */
export function bulkSetStatus(sqlite: BetterSqlite3.Database, officeId: string, ids: readonly string[], status: StaffStatus, employmentEnd: string | null): number {
  if (status === 'dang_cong_tac' && employmentEnd) {
    throw new AppError('INVALID_INPUT', `Người "${STATUS_LABELS.dang_cong_tac}" không có ngày kết thúc công tác: bỏ trống ngày hoặc chọn trạng thái khác.`);
  }
  return sqlite.transaction(() => {
    const people = chosen(sqlite, officeId, ids);
    if (employmentEnd) {
      const early = people.filter((p) => p.employment_start && p.employment_start > employmentEnd);
      if (early.length > 0) {
        throw new AppError(
          'INVALID_INPUT',
          `Chưa đổi trạng thái của ai: ngày kết thúc ${formatDateVi(employmentEnd)} trước ngày bắt đầu công tác của ` +
            `${someNames(early.map((p) => `${p.full_name} (${formatDateVi(p.employment_start)})`))}. Hãy sửa ngày hoặc bỏ những người này khỏi lựa chọn.`,
        );
      }
    }
    return setStaffStatusMany(sqlite, ids, status, employmentEnd);
  })();
}

/** The chosen people to the Thùng rác (one deletion: "Hoàn tác" brings them all back). */
export function bulkDeleteStaff(sqlite: BetterSqlite3.Database, officeId: string, ids: readonly string[]): { deleted: number; ids: string[] } {
  return sqlite.transaction(() => {
    chosen(sqlite, officeId, ids);
    return { deleted: softDeleteStaffMany(sqlite, ids), ids: [...ids] };
  })();
}
