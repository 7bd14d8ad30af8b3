// Vietnamese labels of task statuses and periods (shared by the UI, reports and the CLI).
import type { ReportPeriod, TaskDisplayStatus, TaskStatus } from './status';

export const TASK_STATUS_LABELS: Record<TaskDisplayStatus, string> = {
  chua_thuc_hien: 'Chưa thực hiện',
  dang_thuc_hien: 'Đang thực hiện',
  hoan_thanh: 'Hoàn thành',
  qua_han: 'Quá hạn',
};

export const TASK_STATUS_OPTIONS: { value: TaskStatus; label: string }[] = [
  { value: 'chua_thuc_hien', label: TASK_STATUS_LABELS.chua_thuc_hien },
  { value: 'dang_thuc_hien', label: TASK_STATUS_LABELS.dang_thuc_hien },
  { value: 'hoan_thanh', label: TASK_STATUS_LABELS.hoan_thanh },
];

export const REPORT_PERIOD_LABELS: Record<ReportPeriod, string> = {
  Q1: 'Quý I',
  Q2: 'Quý II',
  Q3: 'Quý III',
  Q4: 'Quý IV',
  H1: '6 tháng đầu năm (sơ kết)',
  Y: 'Cả năm (tổng kết)',
};

/** Status words accepted on the command line (folded, no diacritics) → status. */
export const TASK_STATUS_WORDS: Record<string, TaskDisplayStatus> = {
  chua_thuc_hien: 'chua_thuc_hien',
  'chua thuc hien': 'chua_thuc_hien',
  chua: 'chua_thuc_hien',
  dang_thuc_hien: 'dang_thuc_hien',
  'dang thuc hien': 'dang_thuc_hien',
  dang: 'dang_thuc_hien',
  hoan_thanh: 'hoan_thanh',
  'hoan thanh': 'hoan_thanh',
  xong: 'hoan_thanh',
  qua_han: 'qua_han',
  'qua han': 'qua_han',
};
