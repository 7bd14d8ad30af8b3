// Vietnamese names of staff vocabulary: one place for the UI, the CLI and Excel files.
import type { StaffCategory, StaffStatus } from '../contract/staff';

export const CATEGORY_LABELS: Record<StaffCategory, string> = {
  CB: 'Cán bộ',
  CC: 'Công chức',
  VC: 'Viên chức',
  NLD: 'Người lao động',
};

export const STATUS_LABELS: Record<StaffStatus, string> = {
  dang_cong_tac: 'Đang công tác',
  nghi_huu: 'Nghỉ hưu',
  chuyen_cong_tac: 'Chuyển công tác',
  nghi_viec: 'Nghỉ việc',
};

export const GENDER_LABELS: Record<'nam' | 'nu', string> = { nam: 'Nam', nu: 'Nữ' };
