// Strings of the "Trao đổi dữ liệu" screen (Vietnamese, NFC).
import type { BundleKind, MergeStatus } from '../../../shared/contract/exchange';

export const T = {
  title: 'Trao đổi dữ liệu',
  intro:
    'Chuyển dữ liệu giữa cơ quan và cấp trên bằng USB: xuất một gói dữ liệu (.tdkt) ở máy gửi, chép sang máy nhận, rồi mở gói ở đây để xem trước và nhập. Gói được kiểm tra toàn vẹn trước khi nhập; bản ghi bị sửa ở cả hai nơi sẽ được hỏi lại, không tự ghi đè.',
  export: {
    title: 'Xuất gói dữ liệu',
    kind: 'Loại gói',
    kinds: {
      'office-to-province': 'Gửi lên cấp trên — dữ liệu của cơ quan mình',
      'province-to-office': 'Gửi về một cơ quan — dữ liệu của cơ quan đó sau khi cấp trên xử lý',
      full: 'Toàn bộ dữ liệu của mọi cơ quan — cho máy khác tổng hợp',
    } satisfies Record<BundleKind, string>,
    // a full bundle is taken in as the sending office's data, and carries only what bundles carry
    fullNote: {
      title: 'Gói này không dùng để chuyển sang máy mới',
      body:
        'Gói mang đơn vị, cán bộ, hồ sơ thi đua, khen thưởng, hồ sơ đề nghị và lịch sử thay đổi của mọi cơ quan trên máy này; ở máy nhận, chúng là dữ liệu nhận được của từng cơ quan, không thành dữ liệu của chính máy đó. ' +
        'Gói không mang phong trào, kế hoạch, nhiệm vụ và cài đặt. Để chuyển sang máy mới, hãy sao lưu ra USB rồi bấm “Khôi phục từ tệp…” ở máy mới: bản sao lưu giữ đủ mọi thứ.',
      open: 'Mở Sao lưu',
    },
    target: 'Cơ quan nhận',
    targetPlaceholder: 'Chọn cơ quan đã gửi dữ liệu lên',
    noTargets: 'Chưa nhận dữ liệu của cơ quan nào, nên chưa có cơ quan để gửi về.',
    folder: 'Thư mục lưu (tùy chọn)',
    folderHint:
      'Để trống: tải tệp về máy (trình duyệt hoặc hộp thoại lưu tệp sẽ hỏi nơi lưu). Bấm “Chọn…” (hoặc nhập đường dẫn, ví dụ ổ USB E:\\) để ghi thẳng vào thư mục — ứng dụng ghi an toàn rồi đọc lại kiểm tra.',
    button: 'Xuất gói dữ liệu',
    done: (name: string) => `Đã xuất gói dữ liệu ${name}.`,
    savedTo: (p: string) => `Đã ghi và đọc lại kiểm tra: ${p}`,
    downloaded: 'Tệp đã được tải về. Hãy chép tệp .tdkt sang USB để gửi đi.',
    failed: 'Chưa xuất được gói dữ liệu',
  },
  import: {
    title: 'Mở gói dữ liệu nhận được',
    file: 'Chọn tệp gói dữ liệu (.tdkt)',
    fileHint: 'Gói do cơ quan khác xuất ra. Gói do chính máy này xuất sẽ bị từ chối.',
    openedFrom: (path: string) => `Đang mở gói: ${path}`,
    tooBig: (name: string, mb: string, max: string) =>
      `Gói dữ liệu "${name}" nặng ${mb} MB, quá ${max} MB — cỡ lớn nhất cửa sổ trình duyệt gửi được. Hãy mở gói này trong ứng dụng TĐKT Desktop trên máy tính (mở từ biểu tượng của ứng dụng, không qua trình duyệt): ở đó không có giới hạn này. Hoặc nhập bằng dòng lệnh: tdkt bundle import "${name}".`,
    verifying: 'Đang kiểm tra gói dữ liệu…',
    comparing: 'Đang so sánh với dữ liệu trên máy này…',
    writing: 'Đang nhập dữ liệu…',
    verified: 'Gói dữ liệu hợp lệ',
    invalid: 'Gói dữ liệu không dùng được',
    from: 'Cơ quan gửi',
    kind: 'Loại gói',
    createdAt: 'Ngày tạo gói',
    contents: 'Nội dung',
    fullReceived:
      'Gói toàn bộ dữ liệu của mọi cơ quan ở máy gửi: khi nhập, chúng là dữ liệu nhận được của từng cơ quan, bên cạnh dữ liệu của máy này. Nếu đang chuyển sang máy mới, đừng nhập gói này: hãy khôi phục bản sao lưu của máy cũ (Sao lưu → “Khôi phục từ tệp…”).',
    size: 'Dung lượng',
    already: (at: string) => `Gói này đã được nhập lúc ${at}. Nhập lại sẽ không thay đổi gì.`,
    previewTitle: 'Xem trước thay đổi',
    notesTitle: 'Khi nhập gói, ứng dụng cũng thay:',
    cols: { entity: 'Loại dữ liệu', office: 'Cơ quan', new: 'Mới', changed: 'Thay đổi', same: 'Giống', conflict: 'Xung đột', deleted: 'Xóa' },
    total: 'Tổng cộng',
    conflictsTitle: (n: number) => `${n} xung đột — bản ghi bị sửa ở cả máy này và cơ quan gửi. Hãy chọn bản giữ lại cho từng bản ghi:`,
    keepLocal: 'Giữ bản ở máy này',
    takeIncoming: 'Lấy bản trong gói',
    conflictRange: (from: number, to: number, total: number) => `Xung đột ${from}–${to} trong ${total.toLocaleString('vi-VN')}`,
    allLocal: 'Tất cả: giữ bản ở máy này',
    allIncoming: 'Tất cả: lấy bản trong gói',
    field: 'Thông tin',
    local: 'Ở máy này',
    incoming: 'Trong gói',
    updated: 'Sửa lúc',
    deletedMark: '(đã xóa)',
    unresolved: (n: number) => `Còn ${n} xung đột chưa chọn.`,
    apply: 'Nhập vào máy này',
    cancel: 'Dừng',
    close: 'Đóng gói này',
    done: (n: number) => `Đã nhập gói dữ liệu: ghi ${n.toLocaleString('vi-VN')} bản ghi.`,
    doneConflicts: (local: number, incoming: number) => `Xung đột: giữ bản ở máy này ${local}, lấy bản trong gói ${incoming}.`,
    nothing: 'Không có thay đổi nào cần ghi.',
  },
  history: {
    title: 'Lịch sử trao đổi',
    empty: 'Chưa xuất hoặc nhập gói dữ liệu nào.',
    cols: { when: 'Thời gian', direction: 'Chiều', kind: 'Loại gói', office: 'Cơ quan gửi', file: 'Tệp', records: 'Số bản ghi', result: 'Kết quả' },
    in: 'Nhận',
    out: 'Gửi',
    result: (r: Record<MergeStatus, number>) =>
      `mới ${r.new}, thay đổi ${r.changed}, xóa ${r.deleted}, xung đột ${r.conflict}, giống ${r.same}`,
    exported: 'Đã xuất',
  },
  kindShort: {
    'office-to-province': 'Gửi lên cấp trên',
    'province-to-office': 'Gửi về cơ quan',
    full: 'Toàn bộ dữ liệu',
  } as Record<string, string>,
  phases: {
    start: 'Đang bắt đầu…',
    read: 'Đang đọc gói…',
    verify: 'Đang kiểm tra mã kiểm tra từng tệp…',
    compare: 'Đang kiểm tra gói và so sánh với dữ liệu trên máy này…',
    collect: 'Đang gom dữ liệu…',
    write: 'Đang ghi…',
  } as Record<string, string>,
};
