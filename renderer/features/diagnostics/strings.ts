// Vietnamese strings of what the window says when something goes wrong (a screen that crashed,
// an error nothing caught) and of the error log in Cài đặt.

export const D = {
  screenFailed: (screen: string) => `Màn hình "${screen}" gặp lỗi nên chưa hiển thị được`,
  appFailed: 'Cửa sổ ứng dụng gặp lỗi nên chưa hiển thị được',
  failedBody:
    'Dữ liệu đã lưu không bị ảnh hưởng; nội dung đang nhập dở trên màn hình này có thể chưa được lưu. Lỗi đã được ghi vào nhật ký lỗi (Cài đặt → Nhật ký lỗi). Hãy bấm "Thử lại"; nếu lỗi lặp lại, hãy sao chép chi tiết lỗi và gửi cho bộ phận hỗ trợ.',
  retry: 'Thử lại',
  home: 'Về Tổng quan',
  reload: 'Tải lại cửa sổ',
  copy: 'Sao chép chi tiết lỗi',
  copied: 'Đã sao chép chi tiết lỗi — có thể dán vào thư, Zalo… để gửi bộ phận hỗ trợ.',
  copyFailed: 'Chưa sao chép được; hãy chọn đoạn chi tiết lỗi rồi bấm Ctrl+C.',
  unhandledTitle: 'Đã xảy ra lỗi không mong đợi',
  unhandledBody: (message: string) => `${message} — Lỗi đã được ghi vào nhật ký lỗi (Cài đặt → Nhật ký lỗi). Nếu thao tác vừa rồi chưa xong, hãy thử lại.`,
  log: {
    title: 'Nhật ký lỗi',
    intro:
      'Những lỗi ứng dụng không lường trước (một màn hình gặp lỗi, một thao tác thất bại bất thường, sao lưu tự động không thành công, lõi xử lý dữ liệu phải khởi động lại) được ghi vào tệp dưới đây để bộ phận hỗ trợ tìm nguyên nhân. Nhật ký chỉ ghi nơi xảy ra và nội dung lỗi, không ghi dữ liệu hồ sơ.',
    file: 'Tệp nhật ký',
    empty: 'Chưa có lỗi nào được ghi.',
    count: (shown: number, total: number) => (shown < total ? `${total} lỗi đã ghi; hiện ${shown} lỗi gần nhất.` : `${total} lỗi đã ghi.`),
    cols: { at: 'Thời gian', source: 'Nơi xảy ra', message: 'Nội dung' },
    refresh: 'Tải lại',
    copyAll: 'Sao chép để gửi hỗ trợ',
    clear: 'Xóa nhật ký',
    clearTitle: 'Xóa nhật ký lỗi?',
    clearBody: 'Mọi lỗi đã ghi sẽ bị xóa. Chỉ nên xóa sau khi bộ phận hỗ trợ đã nhận được nhật ký, hoặc khi lỗi đã được khắc phục.',
    cleared: 'Đã xóa nhật ký lỗi.',
    details: 'Chi tiết',
  },
} as const;
