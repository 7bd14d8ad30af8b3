// Vietnamese strings of the home screen.
export const H = {
  nav: 'Tổng quan',
  title: 'Tổng quan',
  today: (d: string) => `Hôm nay ${d}`,
  panelTitle: 'Nhiệm vụ cần chú ý',
  overdue: (n: number) => `Quá hạn (${n})`,
  dueSoon: (n: number, days: number) => `Đến hạn trong ${days} ngày tới (${n})`,
  days: 'Số ngày',
  noOverdue: 'Không có nhiệm vụ quá hạn.',
  /** overdue tasks of years before last year: folded, since they are rarely still actionable */
  showOlder: (n: number, from: number, to: number) => `Hiện thêm ${n} nhiệm vụ quá hạn của ${from === to ? `năm ${from}` : `các năm ${from}–${to}`}`,
  hideOlder: 'Chỉ hiện năm nay và năm trước',
  noDueSoon: (days: number) => `Không có nhiệm vụ đến hạn trong ${days} ngày tới.`,
  overdueBy: (n: number) => `quá hạn ${n} ngày`,
  dueIn: (n: number) => (n === 0 ? 'đến hạn hôm nay' : `còn ${n} ngày`),
  due: (d: string) => `hạn ${d}`,
  noLead: 'chưa giao đơn vị',
  quarterTitle: (q: string, y: number) => `Quý ${q} năm ${y}`,
  quarterSummary: (done: number, total: number) => `${done}/${total} nhiệm vụ hoàn thành`,
  openTasks: 'Mở Nhiệm vụ theo quý',
  noTasks: 'Chưa có nhiệm vụ nào. Vào Nhiệm vụ theo quý để tạo nhiệm vụ từ phụ lục kế hoạch hoặc lịch công tác TĐKT hằng năm.',
  legend: { done: 'Hoàn thành', inProgress: 'Đang thực hiện', notStarted: 'Chưa thực hiện', overdue: 'Quá hạn' },
} as const;
