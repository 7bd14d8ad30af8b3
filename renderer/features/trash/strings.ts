// Vietnamese strings of the Thùng rác screen and of the "Hoàn tác" offered after a deletion.
import { TRASH_KIND_LABELS } from '../../../shared/contract/trash';

export const R = {
  title: 'Thùng rác',
  intro:
    'Những gì đã xóa trên máy này: cán bộ, phong trào, kế hoạch, nhiệm vụ, quyết định khen thưởng, sáng kiến, kỷ luật, đăng ký thi đua, hồ sơ đề nghị, người bị bỏ khỏi hồ sơ, tệp minh chứng, tệp và ghi chú của nhiệm vụ. Khôi phục đưa bản ghi trở lại cùng các phần đã xóa kèm (người được khen của quyết định; người được đề nghị, báo cáo thành tích và minh chứng của hồ sơ); lần gửi gói dữ liệu tiếp theo mang việc khôi phục lên cấp trên.',
  all: (n: number) => `Tất cả (${n.toLocaleString('vi-VN')})`,
  kindOption: (label: string, n: number) => `${label} (${n.toLocaleString('vi-VN')})`,
  kindLabel: 'Loại bản ghi',
  search: 'Tìm trong thùng rác',
  searchPlaceholder: 'Tên, số quyết định, đơn vị… (gõ không dấu được)',
  kinds: TRASH_KIND_LABELS,
  cols: { kindAndTime: 'Loại, lúc xóa', record: 'Bản ghi', by: 'Người xóa', actions: '' },
  noActor: '—',
  empty: 'Thùng rác trống: chưa xóa bản ghi nào trên máy này.',
  noMatch: 'Không có bản ghi đã xóa nào khớp với bộ lọc.',
  shown: (shown: number, total: number) => `Đang hiện ${shown.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')} bản ghi, mới xóa nhất trước.`,
  more: 'Xem thêm',
  restore: 'Khôi phục',
  split: 'Tách lại',
  splitDone: (title: string, from: string, n: number) => `Đã tách lại ${title} khỏi bản ghi ${from}: ${n.toLocaleString('vi-VN')} năm xếp loại, khen thưởng, sáng kiến … trở về bản ghi này.`,
  blockedTitle: 'Chưa khôi phục được',
  restored: (title: string, parts: number) => `Đã khôi phục: ${title}${parts > 0 ? ` (cùng ${parts.toLocaleString('vi-VN')} người, tập thể đã xóa kèm)` : ''}.`,
  failed: 'Không khôi phục được',
  loadFailed: 'Không tải được thùng rác',
  undo: 'Hoàn tác',
  undone: 'Đã hoàn tác: bản ghi đã được khôi phục.',
  inTrash: 'Có thể khôi phục trong Thùng rác.',
};
