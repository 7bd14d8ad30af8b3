// Vietnamese names of staff vocabulary: one place for the UI, the CLI and Excel files.
import type { StaffCategory, StaffImportField, StaffStatus } from '../contract/staff';

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

/** Column titles used in the export, error messages and the mapping preview. */
export const FIELD_LABELS: Record<StaffImportField, string> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  unit: 'Đơn vị',
  position: 'Chức vụ',
  category: 'Đối tượng',
  isLeader: 'Lãnh đạo',
  employmentStart: 'Ngày bắt đầu',
  employmentEnd: 'Ngày kết thúc',
  status: 'Trạng thái',
  note: 'Ghi chú',
};
