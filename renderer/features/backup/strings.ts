import { BACKUP_REASON_LABELS, type BackupReason } from '../../../shared/contract/backup';

export const T = {
  title: 'Sao lưu',
  intro:
    'Ứng dụng tự sao lưu khi mở, khi đóng và mỗi ngày một lần vào thư mục dưới đây. Mỗi bản sao lưu là một tệp .sqlite hoàn chỉnh, đã được kiểm tra toàn vẹn; có thể chép ra USB để cất giữ.',
  folder: 'Thư mục sao lưu tự động',
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
  confirmBody: (when: string) =>
    `Dữ liệu đang dùng sẽ được thay bằng bản sao lưu lúc ${when}. Trước khi thay, ứng dụng sao lưu dữ liệu hiện tại thành một bản "Trước khi khôi phục" trong danh sách này, nên nếu chọn nhầm vẫn có thể khôi phục lại.`,
  confirmNote: 'Những gì nhập sau thời điểm sao lưu sẽ không còn trong dữ liệu đang dùng (nhưng vẫn nằm trong bản "Trước khi khôi phục").',
  confirmFileBody: (name: string) =>
    `Dữ liệu đang dùng sẽ được thay bằng tệp "${name}" sau khi tệp được kiểm tra toàn vẹn. Trước khi thay, ứng dụng sao lưu dữ liệu hiện tại thành một bản "Trước khi khôi phục" trong danh sách này.`,
  confirm: 'Khôi phục',
  cancel: 'Hủy',
  restoring: 'Đang khôi phục…',
  restored: (file: string) => `Đã khôi phục dữ liệu. Dữ liệu trước đó được giữ trong bản sao lưu ${file}.`,
  failed: 'Chưa thực hiện được',
  reasons: BACKUP_REASON_LABELS as Record<BackupReason, string>,
  size: (bytes: number) =>
    bytes < 1024 * 1024
      ? `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`
      : `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`,
  time: (iso: string) => {
    const d = new Date(iso);
    const p = (x: number) => String(x).padStart(2, '0');
    return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
  },
};
