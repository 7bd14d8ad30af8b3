import { BACKUP_REASON_LABELS, type BackupReason } from '../../../shared/contract/backup';
import { localInstantVi } from '../../../shared/text/vn';

/** What the restore confirmation and its result say, by where the restore starts. */
export interface RestoreWords {
  listed(when: string): string;
  file(name: string): string;
  note?: string;
  done(keptFile: string): string;
}

export const T = {
  title: 'Sao lưu',
  intro:
    'Ứng dụng tự sao lưu khi mở, khi đóng và mỗi ngày một lần vào thư mục dưới đây. Mỗi bản sao lưu là một tệp .sqlite hoàn chỉnh, đã được kiểm tra toàn vẹn; có thể chép ra USB để cất giữ.',
  folder: 'Thư mục sao lưu tự động',
  external: (when: string, days: number, where: string) =>
    `Bản sao lưu ra ngoài gần nhất (ổ USB, thư mục khác): ${when}${days > 0 ? ` (${days} ngày trước)` : ''}, tại ${where}.`,
  externalNever:
    'Chưa có bản sao lưu nào ra ngoài máy. Bản tự động nằm cùng ổ đĩa với dữ liệu, ổ hỏng là mất cả hai: hãy chọn thư mục trên ổ USB bằng nút "Chọn…" rồi bấm "Sao lưu ngay", ít nhất mỗi tháng một lần.',
  autoFailedTitle: 'Sao lưu tự động không thành công',
  autoFailed: (when: string, message: string) =>
    `Lần sao lưu tự động lúc ${when} không thành công nên chưa có bản sao lưu mới. ${message} Khi đã khắc phục, hãy bấm "Sao lưu ngay" trên màn hình Sao lưu; chi tiết ở Cài đặt → Nhật ký lỗi.`,
  keep: 'Số bản sao lưu tự động được giữ',
  keepHint: 'Bản cũ hơn sẽ tự xóa. Bản sao lưu thủ công và bản "Trước khi khôi phục" không bao giờ bị xóa tự động.',
  saveKeep: 'Lưu',
  keepSaved: (n: number) => `Sẽ giữ ${n} bản sao lưu tự động gần nhất.`,
  destDir: 'Thư mục lưu (tùy chọn)',
  destDirHint: 'Để trống để lưu vào thư mục sao lưu tự động; hoặc bấm “Chọn…” để chọn thư mục khác, ví dụ ổ USB.',
  createNow: 'Sao lưu ngay',
  created: (file: string) => `Đã sao lưu: ${file}`,
  download: 'Tải bản sao lưu về máy',
  downloaded: 'Đã tạo bản sao lưu và tải về máy.',
  restoreFromFile: 'Khôi phục từ tệp…',
  listTitle: 'Các bản sao lưu',
  empty: 'Chưa có bản sao lưu nào trong thư mục.',
  cols: { time: 'Thời gian', reason: 'Lý do', size: 'Dung lượng', integrity: 'Toàn vẹn', actions: '' },
  integrityOk: 'Tốt',
  integrityBad: 'Hỏng',
  integrityUnknown: 'Chưa kiểm tra',
  restore: 'Khôi phục',
  confirmTitle: 'Khôi phục dữ liệu từ bản sao lưu?',
  confirm: 'Khôi phục',
  cancel: 'Hủy',
  restoring: 'Đang khôi phục…',
  failed: 'Chưa thực hiện được',
  tooBig: (name: string, mb: string, max: string) =>
    `Tệp sao lưu "${name}" nặng ${mb} MB, quá ${max} MB — cỡ lớn nhất cửa sổ trình duyệt gửi được. Hãy khôi phục trong ứng dụng TĐKT Desktop trên máy tính (mở từ biểu tượng của ứng dụng, không qua trình duyệt): ở đó không có giới hạn này. Hoặc chép tệp vào thư mục sao lưu tự động (màn hình Sao lưu ghi thư mục này) rồi chọn nó trong danh sách.`,
  reasons: BACKUP_REASON_LABELS as Record<BackupReason, string>,
  size: (bytes: number) =>
    bytes < 1024 * 1024
      ? `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`
      : `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`,
  time: (iso: string) => {
    const t = localInstantVi(iso);
    return t ? `${t.seconds} ngày ${t.date}` : iso;
  },
  words: {
    /** the Sao lưu screen: the current data is kept as a 'before-restore' backup */
    backup: {
      listed: (when: string) =>
        `Dữ liệu đang dùng sẽ được thay bằng bản sao lưu lúc ${when}. Trước khi thay, ứng dụng sao lưu dữ liệu hiện tại thành một bản "Trước khi khôi phục" trong danh sách này, nên nếu chọn nhầm vẫn có thể khôi phục lại.`,
      file: (name: string) =>
        `Dữ liệu đang dùng sẽ được thay bằng tệp "${name}" sau khi tệp được kiểm tra toàn vẹn. Trước khi thay, ứng dụng sao lưu dữ liệu hiện tại thành một bản "Trước khi khôi phục" trong danh sách này.`,
      note: 'Những gì nhập sau thời điểm sao lưu sẽ không còn trong dữ liệu đang dùng (nhưng vẫn nằm trong bản "Trước khi khôi phục").',
      done: (file: string) => `Đã khôi phục dữ liệu. Dữ liệu trước đó được giữ trong bản sao lưu ${file}.`,
    },
    /** the first run: nothing entered yet */
    firstRun: {
      listed: (when: string) => `Ứng dụng sẽ dùng dữ liệu của bản sao lưu lúc ${when} (sau khi kiểm tra toàn vẹn), gồm cả thông tin cơ quan.`,
      file: (name: string) => `Ứng dụng sẽ dùng dữ liệu trong tệp "${name}" (sau khi kiểm tra toàn vẹn), gồm cả thông tin cơ quan.`,
      done: () => 'Đã khôi phục dữ liệu từ bản sao lưu.',
    },
    /** recovery: the file that could not be opened is set aside */
    recovery: {
      listed: (when: string) =>
        `Ứng dụng sẽ dùng dữ liệu của bản sao lưu lúc ${when}. Tệp dữ liệu không mở được sẽ được cất riêng vào thư mục sao lưu (không bị xóa) trước khi thay.`,
      file: (name: string) =>
        `Ứng dụng sẽ dùng dữ liệu trong tệp "${name}" sau khi kiểm tra toàn vẹn. Tệp dữ liệu không mở được sẽ được cất riêng vào thư mục sao lưu (không bị xóa) trước khi thay.`,
      note: 'Những gì nhập sau thời điểm sao lưu sẽ không có trong dữ liệu khôi phục.',
      done: (file: string) => `Đã khôi phục dữ liệu. Tệp không mở được được cất tại thư mục sao lưu: ${file}.`,
    },
  } satisfies Record<string, RestoreWords>,
  firstRun: {
    title: 'Đã có dữ liệu từ trước?',
    intro: 'Nếu đã dùng TĐKT Desktop trên máy này hoặc máy khác, hãy khôi phục từ bản sao lưu thay vì nhập lại từ đầu.',
    found: (n: number, folder: string) => `Có ${n} bản sao lưu trong thư mục ${folder}:`,
  },
  recovery: {
    title: 'Chưa mở được tệp dữ liệu',
    file: 'Tệp dữ liệu',
    kinds: {
      damaged: 'Tệp bị hỏng hoặc không phải dữ liệu TĐKT',
      too_new: 'Tệp của phiên bản mới hơn',
      unavailable: 'Tệp chưa truy cập được',
    },
    choose: 'Chọn một bản sao lưu còn tốt để khôi phục. Tệp không mở được sẽ được cất riêng vào thư mục sao lưu, không bị xóa.',
    tooNew: 'Có thể cập nhật ứng dụng rồi mở lại, hoặc khôi phục một bản sao lưu của phiên bản này (những gì nhập sau thời điểm sao lưu sẽ không có).',
    noBackups: (folder: string) => `Không có bản sao lưu nào trong thư mục ${folder}. Nếu có bản sao lưu trên USB hoặc máy khác, hãy bấm "Khôi phục từ tệp…".`,
    retry: 'Thử mở lại',
    retried: 'Đã mở được tệp dữ liệu.',
    startNew: 'Bắt đầu với tệp dữ liệu mới',
    startNewTitle: 'Bắt đầu với tệp dữ liệu mới?',
    startNewBody:
      'Ứng dụng sẽ cất tệp không mở được vào thư mục sao lưu (không xóa) và tạo một tệp dữ liệu trống: cần thiết lập lại thông tin cơ quan. Chỉ nên chọn khi không có bản sao lưu nào dùng được.',
    startedNew: (file: string) => `Đã tạo tệp dữ liệu mới. Tệp cũ được cất tại ${file}.`,
  },
};
