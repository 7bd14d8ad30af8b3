// The blank sheet of past records the import offers ("Tải tệp mẫu"): one row per person and year,
// with the headers the import recognises, dropdowns for ratings, titles, award forms and the
// office's units, checks on years and dates, and a sheet of instructions.
import { CATALOG_ENTRIES } from '../../../shared/awards/catalog';
import { RATING_LABELS, RECORDS_FIELD_LABELS, type RecordsImportField } from '../../../shared/contract/records';
import { listSheet } from '../xlsx/report';
import { FONT, newWorkbook, workbookBytes } from '../xlsx/style';
import { addGuide, addLists, addRules, type ColumnRule } from '../xlsx/template';

const HEADER_ROW = 4;

/** The template's columns (the staff code is left out: people are told apart by birth date). */
const COLUMNS: ReadonlyArray<{ field: RecordsImportField; width: number }> = [
  { field: 'fullName', width: 26 },
  { field: 'birthDate', width: 13 },
  { field: 'unit', width: 30 },
  { field: 'year', width: 8 },
  { field: 'rating', width: 30 },
  { field: 'maternityLeave', width: 10 },
  { field: 'titles', width: 30 },
  { field: 'awardForm', width: 30 },
  { field: 'basis', width: 14 },
  { field: 'decisionNo', width: 16 },
  { field: 'decisionDate', width: 14 },
  { field: 'issuer', width: 24 },
  { field: 'initiative', width: 36 },
  { field: 'initiativeScope', width: 16 },
];

const col = (field: RecordsImportField): number => COLUMNS.findIndex((c) => c.field === field) + 1;

const individual = (kind: 'title' | 'award') => CATALOG_ENTRIES.filter((e) => e.kind === kind && e.subjects.includes('individual')).map((e) => e.name);

export interface RecordsTemplateOptions {
  officeName: string;
  /** the office's active units as the import reads them back (a shared name as its path), in tree order */
  units: readonly string[];
  now?: Date;
}

export async function recordsImportTemplate(opts: RecordsTemplateOptions): Promise<Uint8Array> {
  const wb = newWorkbook(opts.now);
  // the records first: the import reads the first sheet that has a header row
  const ws = listSheet(wb, 'Hồ sơ các năm', HEADER_ROW, COLUMNS.map((c) => c.width), 'landscape', 1);
  const office = ws.getCell(1, 1);
  office.value = opts.officeName;
  office.font = { name: FONT, size: 12, bold: true };
  const title = ws.getCell(2, 1);
  title.value = 'HỒ SƠ THI ĐUA, KHEN THƯỞNG CÁC NĂM TRƯỚC';
  title.font = { name: FONT, size: 14, bold: true };
  const note = ws.getCell(3, 1);
  note.value = 'Mỗi dòng một người, một năm. Xem trang "Hướng dẫn".';
  note.font = { name: FONT, size: 12, italic: true };
  const header = ws.getRow(HEADER_ROW);
  header.height = 32;
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = RECORDS_FIELD_LABELS[c.field];
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  const L = RECORDS_FIELD_LABELS;
  addGuide(wb, 'Hướng dẫn điền hồ sơ thi đua, khen thưởng các năm trước để nhập vào TĐKT Desktop', [
    ['Cách điền', 'Điền ở trang "Hồ sơ các năm", mỗi dòng một người trong một năm (một người có 5 năm thì 5 dòng), từ dòng ngay dưới dòng tiêu đề cột. Không đổi tên các cột. Cán bộ phải có sẵn trong danh sách cán bộ của ứng dụng. Tệp có lỗi thì không nhập dòng nào; những gì đã có sẽ được bỏ qua, nên nhập lại một tệp không tạo bản ghi trùng.'],
    [L.fullName, 'Bắt buộc. Họ và tên như trong danh sách cán bộ.'],
    [L.birthDate, 'Dạng dd/mm/yyyy. Cần khi cơ quan có người trùng họ tên.'],
    [L.unit, 'Chọn trong danh sách. Đơn vị trùng tên với đơn vị khác được ghi kèm đơn vị cấp trên, ví dụ "Sở Tài chính › Văn phòng".'],
    [L.year, 'Bắt buộc. Năm được đánh giá, xếp loại hoặc khen thưởng, ví dụ 2024.'],
    [L.rating, `Chọn ${Object.values(RATING_LABELS).join('; ')}. Viết tắt HTXSNV, HTTNV, HTNV, KHTNV cũng được.`],
    [L.maternityLeave, 'Đánh "x" nếu nghỉ thai sản trong năm, để trống nếu không.'],
    [L.titles, 'Danh hiệu thi đua đạt được trong năm, chọn trong danh sách; nhiều danh hiệu thì cách nhau bằng dấu ";" (ví dụ Lao động tiên tiến; Chiến sĩ thi đua cơ sở). Viết tắt LĐTT, CSTĐCS cũng được.'],
    [L.awardForm, 'Hình thức khen thưởng trong năm (Giấy khen, Bằng khen…), chọn trong danh sách hoặc ghi đúng tên; nhiều hình thức cách nhau bằng dấu ";".'],
    [L.basis, 'Thường xuyên, Chuyên đề hoặc Đột xuất; để trống là Thường xuyên.'],
    [`${L.decisionNo}, ${L.decisionDate}, ${L.issuer}`, 'Quyết định công nhận danh hiệu hoặc khen thưởng: số (ví dụ 25/QĐ-UBND), ngày dạng dd/mm/yyyy, cơ quan ban hành. Các dòng cùng số và ngày là một quyết định.'],
    [L.initiative, 'Tên sáng kiến, đề tài được công nhận trong năm (nếu có).'],
    [L.initiativeScope, 'Cấp cơ sở, Cấp tỉnh hoặc Cấp toàn quốc.'],
  ]);
  const lists = addLists(wb, {
    units: opts.units,
    rating: Object.values(RATING_LABELS),
    mark: ['x'],
    titles: individual('title'),
    awards: individual('award'),
    basis: ['Thường xuyên', 'Chuyên đề', 'Đột xuất'],
    scope: ['Cấp cơ sở', 'Cấp tỉnh', 'Cấp toàn quốc'],
  });
  const rules: ColumnRule[] = [
    { column: col('birthDate'), kind: { date: true }, prompt: 'dd/mm/yyyy, ví dụ 05/03/1980' },
    { column: col('unit'), kind: { list: lists.units, strict: false }, prompt: 'Chọn đơn vị trong danh sách' },
    { column: col('year'), kind: { whole: [1990, 2100] }, prompt: 'Năm, ví dụ 2024' },
    { column: col('rating'), kind: { list: lists.rating, strict: false }, prompt: 'Xếp loại chất lượng cuối năm' },
    { column: col('maternityLeave'), kind: { list: lists.mark, strict: true }, prompt: '"x" nếu nghỉ thai sản trong năm' },
    { column: col('titles'), kind: { list: lists.titles, strict: false }, prompt: 'Nhiều danh hiệu: cách nhau bằng dấu ;' },
    { column: col('awardForm'), kind: { list: lists.awards, strict: false }, prompt: 'Nhiều hình thức: cách nhau bằng dấu ;' },
    { column: col('basis'), kind: { list: lists.basis, strict: true }, prompt: 'Trống là Thường xuyên' },
    { column: col('decisionDate'), kind: { date: true }, prompt: 'dd/mm/yyyy' },
    { column: col('initiativeScope'), kind: { list: lists.scope, strict: true }, prompt: 'Cấp công nhận sáng kiến' },
  ];
  addRules(ws, HEADER_ROW + 1, rules);
  return workbookBytes(wb);
}
