// An error as a call's answer: the app's own errors as they are, SQLite's in Vietnamese with what
// to do. Its own file so the Electron main process (host/ipc.ts) maps errors without bundling
// the core.
import { isCorruption } from '../../db/errors';
import { isAppError } from '../../shared/contract/errors';

export const CORRUPT_MESSAGE =
  'Tệp dữ liệu bị hỏng một phần nên chưa đọc được phần này. Hãy vào "Sao lưu" để khôi phục từ bản sao lưu còn tốt gần nhất, hoặc chạy "Kiểm tra toàn vẹn dữ liệu" trong Cài đặt để xem chi tiết.';

export function toApiError(e: unknown) {
  if (isAppError(e)) return { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) };
  if (isCorruption(e)) return { code: 'DB_ERROR' as const, message: CORRUPT_MESSAGE };
  const msg = e instanceof Error ? e.message : String(e);
  // better-sqlite3 puts SQLite's result code in `code`, the text in the message
  const what = `${(e as { code?: unknown })?.code ?? ''} ${msg}`;
  if (/SQLITE_BUSY|database is locked/i.test(what)) {
    return { code: 'DB_ERROR' as const, message: 'Cơ sở dữ liệu đang bận (một chương trình khác đang ghi). Hãy thử lại sau ít giây.' };
  }
  if (/SQLITE_FULL|ENOSPC|disk is full/i.test(what)) {
    return {
      code: 'DB_ERROR' as const,
      message: 'Ổ đĩa chứa dữ liệu đã đầy nên chưa ghi được; không có gì được ghi dở. Hãy giải phóng dung lượng (xóa bớt tệp, chép các bản sao lưu cũ ra nơi khác) rồi thử lại.',
    };
  }
  if (/SQLITE_READONLY|readonly database/i.test(what)) {
    return {
      code: 'DB_ERROR' as const,
      message: 'Tệp dữ liệu đang chỉ cho đọc (ổ USB khóa ghi, tệp chỉ đọc hoặc thiếu quyền) nên chưa ghi được; không có gì thay đổi. Hãy cho phép ghi rồi thử lại.',
    };
  }
  if (/SQLITE_IOERR|disk I\/O error/i.test(what)) {
    return {
      code: 'DB_ERROR' as const,
      message: 'Lỗi đọc, ghi ổ đĩa (ổ đĩa hoặc USB chứa dữ liệu có thể đã bị rút hoặc hỏng); thao tác chưa được ghi. Hãy kiểm tra ổ đĩa, khởi động lại ứng dụng rồi thử lại.',
    };
  }
  if (/SQLITE_CONSTRAINT/i.test(what)) {
    return { code: 'CONFLICT' as const, message: `Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu, không có gì được ghi: ${msg}` };
  }
  return { code: 'INTERNAL' as const, message: `Lỗi không mong đợi, dữ liệu không thay đổi. Chi tiết: ${msg}` };
}
