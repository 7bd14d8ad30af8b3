// "Tạo các đơn vị chưa có": the units a staff list names that the office does not have yet, to
// be created with the people (a new office's first import often comes before its unit tree).
// A path ("Sở Tài chính › Phòng Quản lý giá") creates what is missing of it under what exists.
import { wordKey } from '../../../shared/contract/records';
import { cleanText } from '../../../shared/text/vn';
import { UnitMatcher } from '../../../shared/units/match';
import { splitUnitPath, UNIT_PATH_SEPARATOR } from '../../../shared/units/tree';
import type { UnitRef } from './validate';

export interface PlannedUnit {
  /** a stand-in id until the import writes the unit ("new:1") */
  tempId: string;
  name: string;
  /** an existing unit's id, another planned unit's tempId, or null (top level) */
  parentId: string | null;
  /** its path, for the preview */
  path: string;
}

/**
 * The units to create so that every unit text of the list names one unit: texts no unit
 * matches, each part of a path looked up under the one before it. A text that matches several
 * units is left to the validation's message (a path or a code tells them apart).
 */
export function planMissingUnits(texts: Iterable<string>, units: readonly UnitRef[]): PlannedUnit[] {
  const matcher = new UnitMatcher(units);
  const planned: PlannedUnit[] = [];
  const all: UnitRef[] = [...units];
  const childOf = (parentId: string | null, name: string) => all.find((u) => u.parentId === parentId && wordKey(u.name) === wordKey(name));
  const seen = new Set<string>();
  for (const raw of texts) {
    const text = cleanText(raw);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    if (matcher.find(text) !== null) continue;
    let parent: string | null = null;
    const path: string[] = [];
    for (const part of splitUnitPath(text)) {
      path.push(part);
      // a path may start below the top ("Văn phòng › Tổ Hành chính"): its first part is any one unit of that name
      const first = path.length === 1 ? matcher.find(part) : null;
      const found: UnitRef | undefined = childOf(parent, part) ?? (first && 'unit' in first ? first.unit : undefined);
      if (found) {
        parent = found.id;
        continue;
      }
      const unit: PlannedUnit = { tempId: `new:${planned.length + 1}`, name: part, parentId: parent, path: path.join(UNIT_PATH_SEPARATOR) };
      planned.push(unit);
      all.push({ id: unit.tempId, name: part, code: null, parentId: parent });
      parent = unit.tempId;
    }
  }
  return planned;
}
