// Shell strings (Vietnamese). Each feature keeps its own strings file.
export const S = {
  appName: 'TĐKT Desktop',
  appSubtitle: 'Thi đua, khen thưởng',
  /** the window's title (taskbar, Alt+Tab): the screen, the office, the app */
  windowTitle: (screen: string | null, office: string | null) => [screen, office, 'TĐKT Desktop'].filter(Boolean).join(' — '),
  nav: {
    units: 'Đơn vị',
    staff: 'Cán bộ',
    plans: 'Phong trào & Kế hoạch',
    tasks: 'Nhiệm vụ theo quý',
    awards: 'Khen thưởng',
    dossiers: 'Hồ sơ đề nghị',
    exchange: 'Trao đổi dữ liệu',
    backup: 'Sao lưu',
    trash: 'Thùng rác',
    settings: 'Cài đặt',
    help: 'Hướng dẫn',
  },
  browserMode: 'Đang chạy trong trình duyệt',
  loading: 'Đang tải…',
  loadFailed: 'Không tải được dữ liệu',
  damageTitle: 'Dữ liệu có dấu hiệu bị hỏng',
  damageOpenBackup: 'Mở Sao lưu',
  networkTitle: 'Tệp dữ liệu đang nằm trên ổ mạng',
  network: (file: string) =>
    `Tệp ${file} ở trên một máy khác (thư mục dùng chung, ổ mạng). Chỉ mở tệp này từ một máy tại một thời điểm: hai máy cùng mở có thể làm hỏng dữ liệu, và mỗi lần lưu chậm hơn. Nên để tệp dữ liệu trên ổ đĩa của máy này (thư mục mặc định của ứng dụng, hoặc một thư mục trên máy chỉ ra bằng --db), rồi sao lưu ra ổ mạng: ở màn hình Sao lưu, chọn thư mục trên ổ mạng bằng nút "Chọn…" và bấm "Sao lưu ngay".`,
  retry: 'Thử lại',
} as const;
