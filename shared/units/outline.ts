// "Thêm nhiều đơn vị": a unit tree typed or pasted as lines, one unit a line. A line's level is
// the tabs (a list pasted from Excel: a sub-unit in the next column) and the bullets (-, +, *, •)
// it starts with, one level each; numbering such as "1.", "2.3." or "a)" is dropped, not read as
// a level. A line of several filled cells (a name and a code pasted side by side) is refused
// rather than read as one name. Pure: the dialog previews with it, the core creates what it gives.
import { UNIT_NAME_MAX } from '../contract/units';
import { cleanText, foldVi } from '../text/vn';

export interface OutlineUnit {
  /** 1-based line of the text (what messages name) */
  line: number;
  name: string;
  depth: number;
  /** index of the parent in the list; null: under the unit chosen for the whole list */
  parent: number | null;
}

export interface OutlineError {
  line: number;
  message: string;
}

/** At most this many units in one list (a province's tree is ≈150). */
export const OUTLINE_MAX_UNITS = 500;

const LEAD = /^[\t\-+*•\u2013 ]*/;
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]|[a-zđ]\))\s+/iu;

export function parseUnitOutline(text: string): { units: OutlineUnit[]; errors: OutlineError[] } {
  const units: OutlineUnit[] = [];
  const errors: OutlineError[] = [];
  /** the last unit seen at each depth: a deeper line's parent */
  const open: number[] = [];
  /** folded names under each parent (by index; -1 for the top), to refuse the same name twice */
  const names = new Map<number, Map<string, number>>();
  const lines = text.normalize('NFC').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const lead = LEAD.exec(raw)![0];
    // tabs and bullets are levels; the spaces between them are not
    const depth = [...lead].filter((c) => c !== ' ').length;
    // a row of several Excel cells: a name in one, something else in another is not a unit's name
    const cells = raw.slice(lead.length).split('\t').filter((c) => c.trim() !== '');
    if (cells.length > 1) {
      errors.push({ line, message: `Dòng ${line} có ${cells.length} cột: mỗi dòng chỉ ghi tên một đơn vị (đơn vị cấp dưới ở cột bên phải, dòng dưới).` });
      continue;
    }
    const name = cleanText((cells[0] ?? '').replace(NUMBERING, ''));
    if (name === '') {
      errors.push({ line, message: `Dòng ${line}: chưa có tên đơn vị.` });
      continue;
    }
    if (name.length > UNIT_NAME_MAX) {
      errors.push({ line, message: `Dòng ${line}: tên đơn vị dài quá ${UNIT_NAME_MAX} ký tự.` });
      continue;
    }
    if (depth > open.length) {
      errors.push({
        line,
        message:
          open.length === 0
            ? `Dòng ${line}: "${name}" lùi vào như đơn vị cấp dưới nhưng ở trên chưa có đơn vị nào.`
            : `Dòng ${line}: "${name}" lùi vào quá một bậc so với đơn vị ở trên.`,
      });
      continue;
    }
    const parent = depth === 0 ? null : open[depth - 1]!;
    const siblings = names.get(parent ?? -1) ?? new Map<string, number>();
    names.set(parent ?? -1, siblings);
    const key = foldVi(name);
    const twin = siblings.get(key);
    if (twin !== undefined) {
      errors.push({ line, message: `Dòng ${line}: "${name}" trùng tên với dòng ${twin} cùng cấp.` });
      continue;
    }
    siblings.set(key, line);
    open.length = depth;
    open.push(units.length);
    units.push({ line, name, depth, parent });
  }
  if (units.length > OUTLINE_MAX_UNITS) {
    errors.push({ line: units[OUTLINE_MAX_UNITS]!.line, message: `Mỗi lần thêm tối đa ${OUTLINE_MAX_UNITS} đơn vị; hãy chia danh sách thành nhiều lần.` });
  }
  return { units, errors };
}
