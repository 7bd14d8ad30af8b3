// The official document model: pure data, rendered to DOCX (electron/services/documents)
// and to the HTML print view (shared/documents/html.ts). Layout rules of NĐ 30/2020
// live in the renderers, not here: the model only says what the document contains.
import type { PartialDate } from '../text/vn';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  /** Part/item heading, e.g. label "I." + "MỤC ĐÍCH, YÊU CẦU" (bold). level 1 = part, 2 = item, 3 = point. */
  | { kind: 'heading'; level: 1 | 2 | 3; label?: string; runs: Run[] }
  /** Body paragraph; justified with first-line indent unless align says otherwise. label: "a)", "-", "+" … */
  | { kind: 'paragraph'; runs: Run[]; label?: string; align?: Align; noIndent?: boolean }
  | { kind: 'table'; table: DocTable };

export interface DocTableColumn {
  header: string;
  /** relative width; widths are normalised to the available page width */
  width: number;
  align?: Align;
}

export interface DocTableRow {
  cells: Run[][];
  /** a group row (e.g. "I | Công việc thực hiện trong Quý I") is drawn bold */
  group?: boolean;
}

export interface DocTable {
  columns: DocTableColumn[];
  rows: DocTableRow[];
}

export interface DocHeader {
  /** parent agency (cơ quan chủ quản), CAPS regular; optional */
  parentAgency?: string;
  /** issuing agency, CAPS bold */
  agency: string;
  /** full number line, e.g. "Số: 05/KH-SLĐTBXH" or "Số:        /KH-SLĐTBXH" (see formatDocNumber) */
  numberLine: string;
  place: string;
  /** null: no date line */
  date: PartialDate | null;
}

export interface DocSigner {
  /** signing prefix: TM., KT., Q., TL., TUQ. — printed before authorityTitle */
  prefix?: 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.' | '';
  /** e.g. "GIÁM ĐỐC" (the authority on whose behalf one signs, used with a prefix) */
  authorityTitle?: string;
  /** the signer's own position, e.g. "PHÓ GIÁM ĐỐC" */
  position: string;
  name: string;
  /** optional line under the title lines, printed in italic, e.g. "(Ký, đóng dấu)" */
  note?: string;
}

export interface DocAppendix {
  /** e.g. "PHỤ LỤC" or "PHỤ LỤC I" */
  heading: string;
  /** lines under the heading (italic/bold in the renderer), e.g. "Kèm theo Kế hoạch số …" */
  subtitle: string[];
  blocks: Block[];
  /** wide tables go on a landscape section */
  landscape?: boolean;
}

export interface OfficialDocument {
  header: DocHeader;
  /** "KẾ HOẠCH", "TỜ TRÌNH", "BÁO CÁO", "BIÊN BẢN", "QUYẾT ĐỊNH" */
  docType: string;
  /** trích yếu lines */
  title: string[];
  /** "Căn cứ …;" lines (italic); each line as given, punctuation included */
  bases: string[];
  /** preamble paragraphs ("Thực hiện …") shown after bases, before the body */
  preamble: Run[][];
  body: Block[];
  /** closing paragraphs ("Trên đây là …") */
  closing: Run[][];
  /** recipients, each line as printed without the leading "- " (the last is "Lưu: VT, …") */
  recipients: string[];
  signer: DocSigner | null;
  appendices: DocAppendix[];
  /**
   * Optional "Kính gửi:" addressees, printed under the title: one addressee on one centred
   * line ("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh"), several as a list under "Kính gửi:".
   */
  addressees?: string[];
  /**
   * Optional second signer, printed in the left column of the signature table instead of the
   * Nơi nhận list (biên bản: thư ký left, chủ tọa right; báo cáo thành tích: thủ trưởng xác
   * nhận left, người báo cáo right). When set, `recipients` are not printed.
   */
  coSigner?: DocSigner | null;
}

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Plain text of runs. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

export function plainRuns(text: string): Run[] {
  return [{ text }];
}
