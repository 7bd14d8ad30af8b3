// The blank staff list the import offers ("Tải tệp mẫu"): the export's own sheet with no one in
// it (its headers are the ones the import recognises), dropdowns for the coded columns and the
// office's units, date checks, and a sheet of instructions.
import { newWorkbook, workbookBytes } from '../xlsx/style';
import { addGuide, addLists, addRules } from '../xlsx/template';
import { addStaffSheet, EXPORT_COLUMNS, STAFF_HEADER_ROW } from './export';
import { CATEGORY_LABELS, FIELD_LABELS, GENDER_LABELS, STATUS_LABELS, YES_MARK } from './labels';

export interface StaffTemplateOptions {
  officeName: string;
  /** the office's active units as the import reads them back (a shared name as its path), in tree order */
  units: readonly string[];
  now?: Date;
}

const column = (header: string): number => EXPORT_COLUMNS.findIndex((c) => c.header === header) + 1;

export async function staffImportTemplate(opts: StaffTemplateOptions): Promise<Uint8Array> {
  const wb = newWorkbook(opts.now);
  // the list first: the import reads the first sheet that has a header row
  const ws = await addStaffSheet(wb, [], {
    title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG',
    officeName: opts.officeName,
    filterDescription: '',
    units: new Map(),
    sheetName: 'Danh sách cán bộ',
  });
  addGuide(wb, 'Hướng dẫn điền danh sách cán bộ để nhập vào TĐKT Desktop', [
    ['Cách điền', 'Điền ở trang "Danh sách cán bộ", mỗi dòng một người, từ dòng ngay dưới dòng tiêu đề cột. Không đổi tên các cột; cột không dùng có thể để trống. Tệp có lỗi thì không nhập dòng nào: ứng dụng chỉ ra dòng, cột và cách sửa.'],
    [FIELD_LABELS.fullName, 'Bắt buộc. Viết đủ họ và tên có dấu, ví dụ Nguyễn Văn An.'],
    [FIELD_LABELS.gender, `Chọn ${Object.values(GENDER_LABELS).join(' hoặc ')}.`],
    [FIELD_LABELS.birthDate, 'Dạng dd/mm/yyyy, ví dụ 05/03/1980. Ngày sinh giúp phân biệt người trùng tên.'],
    [FIELD_LABELS.unit, 'Chọn trong danh sách: các đơn vị đang hoạt động của cơ quan. Đơn vị trùng tên với đơn vị khác được ghi kèm đơn vị cấp trên, ví dụ "Sở Tài chính › Văn phòng". Đơn vị chưa có: thêm ở màn hình Đơn vị trước rồi tải lại tệp mẫu.'],
    [FIELD_LABELS.position, 'Chức vụ hoặc chức danh, ví dụ Chuyên viên, Trưởng phòng.'],
    [FIELD_LABELS.category, `Chọn ${Object.values(CATEGORY_LABELS).join(', ')}.`],
    [FIELD_LABELS.isLeader, `Đánh "${YES_MARK}" nếu là lãnh đạo, để trống nếu không.`],
    [`${FIELD_LABELS.employmentStart}, ${FIELD_LABELS.employmentEnd}`, 'Dạng dd/mm/yyyy; ngày kết thúc để trống nếu đang công tác.'],
    [FIELD_LABELS.status, `Chọn ${Object.values(STATUS_LABELS).join(', ')}; để trống là Đang công tác.`],
  ]);
  const lists = addLists(wb, {
    gender: Object.values(GENDER_LABELS),
    units: opts.units,
    category: Object.values(CATEGORY_LABELS),
    leader: [YES_MARK],
    status: Object.values(STATUS_LABELS),
  });
  addRules(ws, STAFF_HEADER_ROW + 1, [
    { column: column(FIELD_LABELS.gender), kind: { list: lists.gender, strict: true }, prompt: 'Nam hoặc Nữ' },
    { column: column(FIELD_LABELS.birthDate), kind: { date: true }, prompt: 'dd/mm/yyyy, ví dụ 05/03/1980' },
    // a unit not in the list is reported by the import, with the units it knows
    { column: column(FIELD_LABELS.unit), kind: { list: lists.units, strict: false }, prompt: 'Chọn đơn vị trong danh sách' },
    { column: column(FIELD_LABELS.category), kind: { list: lists.category, strict: true }, prompt: 'Cán bộ, công chức, viên chức hoặc người lao động' },
    { column: column(FIELD_LABELS.isLeader), kind: { list: lists.leader, strict: true }, prompt: `"${YES_MARK}" nếu là lãnh đạo` },
    { column: column(FIELD_LABELS.employmentStart), kind: { date: true }, prompt: 'dd/mm/yyyy' },
    { column: column(FIELD_LABELS.employmentEnd), kind: { date: true }, prompt: 'dd/mm/yyyy; trống nếu đang công tác' },
    { column: column(FIELD_LABELS.status), kind: { list: lists.status, strict: true }, prompt: 'Trống là Đang công tác' },
  ]);
  return workbookBytes(wb);
}
