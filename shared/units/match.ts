// Which unit a name typed in a spreadsheet means (the staff and the award records' imports):
// the exact spelling, then any case, then a unit code, then without diacritics; or a path
// "Sở Tài chính › Văn phòng" (the staff export writes one where units share a name).
import { wordKey as key } from '../contract/records';
import { cleanText } from '../text/vn';
import { splitUnitPath, unitChain, UNIT_PATH_SEPARATOR, type UnitLike } from './tree';

export interface MatchableUnit extends UnitLike {
  code?: string | null;
}

export type UnitMatch<U> = { unit: U } | { ambiguous: U[] } | null;

export class UnitMatcher<U extends MatchableUnit> {
  private readonly byExact = new Map<string, U[]>();
  private readonly byName = new Map<string, U[]>();
  private readonly byCode = new Map<string, U[]>();
  private readonly byFolded = new Map<string, U[]>();
  private readonly cache = new Map<string, UnitMatch<U>>();
  private readonly byId: Map<string, U>;

  constructor(units: readonly U[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    const add = (m: Map<string, U[]>, k: string, u: U) => {
      if (!k) return;
      const list = m.get(k);
      if (!list) m.set(k, [u]);
      else if (!list.includes(u)) list.push(u);
    };
    for (const u of units) {
      add(this.byExact, cleanText(u.name), u);
      add(this.byName, cleanText(u.name).toLowerCase(), u);
      if (u.code) add(this.byCode, key(u.code), u);
      add(this.byFolded, key(u.name), u);
    }
  }

  private path(u: U): string {
    return unitChain(this.byId, u.id).join(UNIT_PATH_SEPARATOR);
  }

  /** "Sở Tài chính › Văn phòng (mã VP-STC)": the path from the root, and the code when there is one. */
  label(u: U): string {
    return this.path(u) + (u.code ? ` (mã ${u.code})` : '');
  }

  /** The message's example of what to type: the first unit's path. */
  example(units: readonly U[]): string {
    return units.length ? this.path(units[0]!) : '';
  }

  find(text: string): UnitMatch<U> {
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    let result: UnitMatch<U> = null;
    const parts = splitUnitPath(text);
    if (parts.length > 1) {
      // a path: the last part names the unit, the ones before it its parents, nearest last
      const want = parts.map(key);
      const list = (this.byFolded.get(want[want.length - 1]!) ?? []).filter((u) => {
        const chain = unitChain(this.byId, u.id).map(key);
        return chain.length >= want.length && want.every((w, i) => chain[chain.length - want.length + i] === w);
      });
      result = list.length === 0 ? null : list.length === 1 ? { unit: list[0]! } : { ambiguous: list };
    } else {
      for (const [map, k] of [
        [this.byExact, cleanText(text)],
        [this.byName, cleanText(text).toLowerCase()],
        [this.byCode, key(text)],
        [this.byFolded, key(text)],
      ] as const) {
        const list = map.get(k);
        if (!list) continue;
        result = list.length === 1 ? { unit: list[0]! } : { ambiguous: list };
        break;
      }
    }
    this.cache.set(text, result);
    return result;
  }
}
