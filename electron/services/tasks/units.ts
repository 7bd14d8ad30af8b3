// Matching unit names written in a plan ("Văn phòng Sở", "Thanh tra Sở") to the office's unit
// list by folded name (no diacritics, case and spacing ignored), or by unit code. A name that
// matches nothing is kept as written, so nothing in the plan is lost.
import { foldVi } from '../../../shared/text/vn';

export interface UnitLike {
  id: string;
  name: string;
  code: string | null;
  active: number | boolean;
}

export interface UnitMatch {
  unitId: string | null;
  name: string;
  nameKey: string;
}

export type UnitMatcher = (name: string) => UnitMatch;

/** A matcher over the unit list; active units win over inactive ones with the same name. */
export function unitMatcher(units: readonly UnitLike[]): UnitMatcher {
  const byKey = new Map<string, UnitLike>();
  const byCode = new Map<string, UnitLike>();
  const ordered = [...units].sort((a, b) => Number(!!b.active) - Number(!!a.active));
  for (const u of ordered) {
    const k = foldVi(u.name);
    if (!byKey.has(k)) byKey.set(k, u);
    if (u.code) {
      const c = foldVi(u.code);
      if (!byCode.has(c)) byCode.set(c, u);
    }
  }
  return (name) => {
    const text = name.replace(/\s+/g, ' ').trim();
    const key = foldVi(text);
    const u = byKey.get(key) ?? byCode.get(key);
    return u ? { unitId: u.id, name: u.name, nameKey: foldVi(u.name) } : { unitId: null, name: text, nameKey: key };
  };
}
