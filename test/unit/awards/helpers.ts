// Builders for compact test fixtures.
import { checkEligibility } from '../../../shared/awards';
import type {
  AchievedTitle,
  AwardBasis,
  AwardCode,
  CandidateResult,
  DisciplinePeriod,
  EligibilityReport,
  ExplanationItem,
  Initiative,
  PersonHistory,
  PersonYearFacts,
  ProvincialSettings,
  Rating,
  RuleSetOptions,
  UnitHistory,
} from '../../../shared/awards';

export interface PersonSpec {
  name?: string;
  unitId?: string;
  gender?: 'nam' | 'nu';
  /** A rating alone, or full facts. */
  years?: Record<number, Rating | PersonYearFacts>;
  /** [year, code] or [year, code, basis]; basis defaults to thường xuyên. */
  titles?: Array<[number, AwardCode, AwardBasis?]>;
  initiatives?: Initiative[];
  disciplines?: DisciplinePeriod[];
}

export function person(personId: string, spec: PersonSpec = {}): PersonHistory {
  const years: Record<number, PersonYearFacts> = {};
  for (const [y, v] of Object.entries(spec.years ?? {})) {
    years[Number(y)] = typeof v === 'string' ? { rating: v } : v;
  }
  const titles: AchievedTitle[] = (spec.titles ?? []).map(([year, code, basis]) => ({
    year,
    code,
    basis: basis ?? 'thuong_xuyen',
  }));
  const p: PersonHistory = {
    personId,
    name: spec.name ?? `Người ${personId}`,
    unitId: spec.unitId ?? 'U1',
    years,
    titles,
    initiatives: spec.initiatives ?? [],
    disciplines: spec.disciplines ?? [],
  };
  if (spec.gender) p.gender = spec.gender;
  return p;
}

export function unit(unitId: string, memberIds: string[], extra: Partial<UnitHistory> = {}): UnitHistory {
  return { unitId, name: extra.name ?? `Phòng ${unitId}`, memberIds, years: extra.years ?? {}, titles: extra.titles ?? [] };
}

export function check(
  year: number,
  people: PersonHistory[],
  units: UnitHistory[] = [],
  settings?: Partial<ProvincialSettings>,
  options?: RuleSetOptions,
): EligibilityReport {
  return checkEligibility({ year, people, units, ...(settings ? { settings } : {}), ...(options ? { options } : {}) });
}

export function cand(report: EligibilityReport, id: string, code: AwardCode): CandidateResult {
  const subject = [...report.people, ...report.units].find((s) => s.id === id);
  const c = subject?.candidates.find((x) => x.code === code);
  if (!c) throw new Error(`no candidate ${code} for ${id}`);
  return c;
}

export function item(c: CandidateResult, ruleId: string): ExplanationItem {
  const i = c.items.find((x) => x.ruleId === ruleId);
  if (!i) throw new Error(`no item ${ruleId} in ${c.code}`);
  return i;
}

export function failed(c: CandidateResult): ExplanationItem[] {
  return c.items.filter((i) => !i.passed);
}

export const init = (year: number, title: string, scope: Initiative['scope'] = 'co_so', date?: string): Initiative =>
  date ? { year, title, scope, date } : { year, title, scope };
