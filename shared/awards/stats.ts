// How award counts are laid out wherever the office reports them (the statistics table, the
// year's report): forms grouped by level — Nhà nước, toàn quốc, bộ/ngành/tỉnh, cơ sở, other
// forms — each group's forms in catalogue order, other forms by name.
import { compareVi } from '../text/vn';
import { AWARD_CATALOG, type AwardLevel } from './catalog';
import { AWARD_CODES, type AwardCode } from './types';

export type StatsLevel = AwardLevel | 'khac';

export const STATS_LEVELS: ReadonlyArray<readonly [StatsLevel, string]> = [
  ['nha_nuoc', 'Khen thưởng cấp Nhà nước'],
  ['toan_quoc', 'Danh hiệu, khen thưởng toàn quốc (Thủ tướng Chính phủ)'],
  ['tinh_bo', 'Danh hiệu, khen thưởng cấp bộ, ngành, tỉnh'],
  ['co_so', 'Danh hiệu, khen thưởng cấp cơ sở'],
  ['khac', 'Hình thức khác'],
];

/** Where counts with no unit are shown. */
export const NO_UNIT_NAME = 'Chưa xếp đơn vị';

/** A counted form: a catalogue code, or "khac:<the form as recorded>". */
export interface CountedForm {
  form: string;
  formLabel: string;
}

function isCatalogForm(form: string): form is AwardCode {
  return Object.prototype.hasOwnProperty.call(AWARD_CATALOG, form);
}

/** A catalogue form by its full name; another form as it was recorded. */
export function statsFormName(r: CountedForm): string {
  return isCatalogForm(r.form) ? AWARD_CATALOG[r.form].name : r.formLabel;
}

export function statsLevelOf(form: string): StatsLevel {
  return isCatalogForm(form) ? AWARD_CATALOG[form].level : 'khac';
}

const CATALOG_ORDER = new Map<string, number>(AWARD_CODES.map((c, i) => [c, i]));

export interface LevelGroup {
  level: StatsLevel;
  title: string;
  forms: Array<{ form: string; name: string }>;
}

/** The forms found in `rows`, once each, grouped by level in report order; empty levels left out. */
export function formsByLevel(rows: Iterable<CountedForm>): LevelGroup[] {
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.form)) names.set(r.form, statsFormName(r));
  const byOrder = (a: string, b: string) =>
    (CATALOG_ORDER.get(a) ?? Infinity) - (CATALOG_ORDER.get(b) ?? Infinity) || compareVi(names.get(a)!, names.get(b)!);
  const out: LevelGroup[] = [];
  for (const [level, title] of STATS_LEVELS) {
    const forms = [...names.keys()].filter((f) => statsLevelOf(f) === level).sort(byOrder);
    if (forms.length) out.push({ level, title, forms: forms.map((form) => ({ form, name: names.get(form)! })) });
  }
  return out;
}

/** A statistics row as the counts come (AwardStatsRow's fields this file needs). */
export interface StatsCountRow extends CountedForm {
  year: number;
  unitId: string | null;
  unitName: string;
  count: number;
  persons: number;
  collectives: number;
}

/**
 * The counts of each unit group summed by the office the unit belongs to (the province's
 * consolidation: a column per office): `officeOf` gives a unit's office id and name; counts with
 * no unit stay apart under `noUnit`.
 */
export function statsByOffice<R extends StatsCountRow>(rows: readonly R[], officeOf: (unitId: string) => { id: string; name: string } | null, noUnit: string): R[] {
  const out = new Map<string, R>();
  for (const r of rows) {
    const office = r.unitId ? officeOf(r.unitId) : null;
    const key = `${r.year}|${office?.id ?? ''}|${r.form}`;
    const sum = out.get(key);
    if (sum) {
      sum.count += r.count;
      sum.persons += r.persons;
      sum.collectives += r.collectives;
    } else out.set(key, { ...r, unitId: office?.id ?? null, unitName: office?.name ?? noUnit });
  }
  return [...out.values()].sort((a, b) => a.year - b.year || Number(!a.unitId) - Number(!b.unitId) || compareVi(a.unitName, b.unitName) || compareVi(a.formLabel, b.formLabel));
}
