// Vietnamese strings of the quick search ("Tìm nhanh", Ctrl+K).
import type { SearchKind } from '../../../shared/contract/search';

export const Q = {
  open: 'Tìm nhanh',
  shortcut: 'Ctrl+K',
  openTitle: 'Tìm cán bộ, đơn vị, phong trào, kế hoạch, nhiệm vụ, quyết định, hồ sơ (Ctrl+K)',
  placeholder: 'Tìm cán bộ, đơn vị, kế hoạch, nhiệm vụ, quyết định, hồ sơ… (gõ không dấu cũng được)',
  hint: 'Gõ tên người, tên đơn vị, tên hoặc số hiệu văn bản, tên nhiệm vụ, hồ sơ. Mũi tên lên/xuống để chọn, Enter để mở, Esc để đóng.',
  searching: 'Đang tìm…',
  nothing: (q: string) => `Không tìm thấy gì khớp với "${q}".`,
  groups: {
    staff: 'Cán bộ',
    unit: 'Đơn vị',
    campaign: 'Phong trào thi đua',
    plan: 'Kế hoạch',
    task: 'Nhiệm vụ (năm nay và năm trước)',
    decision: 'Quyết định khen thưởng',
    dossier: 'Hồ sơ đề nghị',
  } satisfies Record<SearchKind, string>,
  help: 'Hướng dẫn',
  groupTitle: (label: string, total: number, shown: number) => (total > shown ? `${label} — ${shown} / ${total.toLocaleString('vi-VN')}` : label),
  seeAll: (total: number) => `Xem cả ${total.toLocaleString('vi-VN')} kết quả trong danh sách`,
};
