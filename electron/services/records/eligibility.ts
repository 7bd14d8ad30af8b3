// The eligibility check for a year and a unit subtree (or the whole office): load the
// histories, run the pure checker, validate its report with the awards schema, and send it
// compactly — explanation items and candidates shared by many people are sent once.
import type BetterSqlite3 from 'better-sqlite3';
import {
  candidateResultSchema,
  checkEligibility,
  eligibilityReportSchema,
  subjectEligibilitySchema,
  type CandidateResult,
  type EligibilityReport,
  type ExplanationItem,
  type SubjectEligibility,
} from '../../../shared/awards';
import { AppError } from '../../../shared/contract/errors';
import type { CompactCandidate, EligibilitySubject, EligibilityView } from '../../../shared/contract/records';
import { compareVi, givenName } from '../../../shared/text/vn';
import { getUnitLite, listRegistrations, loadHistories, subtreeOf, unitsLite, type YearMember } from '../../../db/repositories/records';
import { readAwardSettings } from './settings';

/** PersonHistory.unitId of people without a unit. */
export const NO_UNIT_ID = 'chua-xep-don-vi';
export const NO_UNIT_NAME = 'Chưa xếp đơn vị';

export interface EligibilityRun {
  report: EligibilityReport;
  view: EligibilityView;
}

export function runEligibility(
  sqlite: BetterSqlite3.Database,
  input: { year: number; unitId: string | null },
  officeName: string,
): EligibilityRun {
  const t0 = performance.now();
  const { year, unitId } = input;
  let scope: Set<string> | null = null;
  let scopeName = officeName || 'Toàn cơ quan';
  if (unitId) {
    const unit = getUnitLite(sqlite, unitId);
    if (!unit) throw new AppError('NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
    scope = subtreeOf(unitsLite(sqlite), unitId);
    scopeName = unit.name;
  }
  const loaded = loadHistories(sqlite, { year, unitIds: scope, noUnitId: NO_UNIT_ID });
  const t1 = performance.now();
  const settings = readAwardSettings(sqlite);
  const report = checkEligibility({
    year,
    people: loaded.people,
    units: loaded.units,
    settings: settings.provincial,
    options: { enableDraftAmendment: settings.enableDraftAmendment },
  });
  const t2 = performance.now();
  validateReport(report);

  const unitName = (id: string | null | undefined) => (!id || id === NO_UNIT_ID ? NO_UNIT_NAME : loaded.unitsById.get(id)?.name ?? NO_UNIT_NAME);
  const memberOf = new Map<string, YearMember>(loaded.members.map((m) => [m.staff.id, m]));

  const registered = new Map<string, string[]>();
  for (const r of listRegistrations(sqlite, year)) {
    const key = `${r.subject_kind}|${r.subject_kind === 'person' ? r.staff_id : r.unit_id}`;
    const list = registered.get(key);
    if (list) list.push(r.award_code);
    else registered.set(key, [r.award_code]);
  }

  // shared items and candidates are the same objects (the checker freezes and reuses them)
  const items: ExplanationItem[] = [];
  const itemIndex = new Map<ExplanationItem, number>();
  const candidates: CompactCandidate[] = [];
  const candidateIndex = new Map<CandidateResult, number>();
  const candidateOf = (c: CandidateResult): number => {
    let i = candidateIndex.get(c);
    if (i !== undefined) return i;
    const refs = c.items.map((it) => {
      let k = itemIndex.get(it);
      if (k === undefined) {
        k = items.length;
        items.push(it);
        itemIndex.set(it, k);
      }
      return k;
    });
    i = candidates.length;
    candidates.push({ code: c.code, name: c.name, verdict: c.verdict, verified: c.verified, missingCount: c.missingCount, items: refs });
    candidateIndex.set(c, i);
    return i;
  };

  const subject = (s: SubjectEligibility): EligibilitySubject => {
    const person = s.kind === 'individual' ? memberOf.get(s.id)?.staff : undefined;
    const uId = s.kind === 'individual' ? (s.unitId && s.unitId !== NO_UNIT_ID ? s.unitId : null) : s.id;
    return {
      kind: s.kind,
      id: s.id,
      name: s.name,
      unitId: uId,
      unitName: s.kind === 'individual' ? unitName(s.unitId) : s.name,
      birthDate: person?.birthDate ?? null,
      gender: person?.gender ?? null,
      candidates: s.candidates.map(candidateOf),
      registered: registered.get(`${s.kind === 'individual' ? 'person' : 'unit'}|${s.id}`) ?? [],
    };
  };

  const people = sortByPersonName(report.people.map(subject));
  const units = report.units.map(subject).sort((a, b) => compareVi(a.name, b.name));
  const counts: EligibilityView['counts'] = {};
  for (const [code, c] of Object.entries(report.counts)) if (c) counts[code] = c;

  const view: EligibilityView = {
    year,
    unitId,
    unitName: scopeName,
    ruleSet: { ...report.ruleSet, documents: [...report.ruleSet.documents], effectiveTo: report.ruleSet.effectiveTo ?? null },
    warnings: report.warnings.map((w) => ({
      code: w.code,
      message: w.message.replaceAll(NO_UNIT_ID, NO_UNIT_NAME),
      basis: w.basis ?? null,
      verified: w.verified,
      unitId: w.unitId && w.unitId !== NO_UNIT_ID ? w.unitId : null,
      personIds: w.personIds ?? [],
    })),
    counts,
    items,
    candidates,
    people,
    units,
    timing: { loadMs: Math.round(t1 - t0), checkMs: Math.round(t2 - t1) },
  };
  return { report, view };
}

/** Vietnamese order (given name, then full name) with the given names split once, not per comparison. */
export function sortByPersonName<T extends { name: string }>(list: T[]): T[] {
  return list
    .map((x) => ({ x, g: givenName(x.name) }))
    .sort((a, b) => compareVi(a.g, b.g) || compareVi(a.x.name, b.x.name))
    .map((e) => e.x);
}

/**
 * The report checked against the awards schemas: the envelope with eligibilityReportSchema,
 * then every subject and every distinct candidate with the schema's own parts. Candidates and
 * items are shared objects (most people get the same verdict for the same reasons), so each
 * is checked once — the same checks as parsing the whole report, at a fraction of the cost.
 */
export function validateReport(report: EligibilityReport): void {
  const fail = (path: string) => {
    throw new AppError('INTERNAL', `Kết quả kiểm tra điều kiện không đúng cấu trúc (${path}). Hãy báo lỗi này cho bộ phận hỗ trợ.`);
  };
  const envelope = eligibilityReportSchema.safeParse({ ...report, people: [], units: [] });
  if (!envelope.success) fail(envelope.error.issues[0]?.path.join('.') ?? '');
  const seen = new Set<CandidateResult>();
  for (const list of [report.people, report.units]) {
    for (const s of list) {
      const shell = subjectEligibilitySchema.safeParse({ ...s, candidates: [] });
      if (!shell.success) fail(`${s.id}: ${shell.error.issues[0]?.path.join('.') ?? ''}`);
      for (const c of s.candidates) {
        if (seen.has(c)) continue;
        seen.add(c);
        const r = candidateResultSchema.safeParse(c);
        if (!r.success) fail(`${s.id} ${c.code}: ${r.error.issues[0]?.path.join('.') ?? ''}`);
      }
    }
  }
}
