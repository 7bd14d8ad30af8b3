// What the dossier needs from the award records: the eligibility verdict of each nominee
// for its award (the same checker as eligibility.check), the candidates it proposes, the
// LĐTT count for the CSTĐCS quota, and each nominee's history for the report's pre-fill.
import type BetterSqlite3 from 'better-sqlite3';
import { AWARD_CATALOG, type AwardCode, type InitiativeKind, type InitiativeScope, type Rating, type Verdict } from '../../../shared/awards';
import type { EligibilityView, Timeline } from '../../../shared/contract/records';
import { RATING_YEARS, type PrefillSubject } from '../../../shared/dossiers/prefill';
import { initiativesOfStaff, type InitiativeRow } from '../../../db/repositories/records';
import { personTimelines, runEligibility, unitTimeline } from '../records';

export interface NomineeVerdict {
  verdict: Verdict | null;
  failed: string[];
}

export interface EligibilityLookup {
  view: EligibilityView;
  verdict(kind: 'person' | 'unit', subjectId: string, code: AwardCode): NomineeVerdict;
  /** subjects whose candidate for `code` has this verdict */
  subjects(code: AwardCode, verdict: Verdict): { kind: 'person' | 'unit'; id: string; name: string; unitId: string | null; unitName: string; birthDate: string | null; missing: string[] }[];
  /** people (of these staff ids) the checker finds eligible for LĐTT */
  ldttCount(staffIds: ReadonlySet<string> | null): number;
  /** the award is judged by the rule set in force (not catalogue-only) */
  judged(code: AwardCode): boolean;
}

export function eligibilityFor(sqlite: BetterSqlite3.Database, year: number, officeName: string): EligibilityLookup {
  const { view } = runEligibility(sqlite, { year, unitId: null }, officeName);
  const people = new Map(view.people.map((p) => [p.id, p]));
  const units = new Map(view.units.map((u) => [u.id, u]));
  const candidate = (subject: EligibilityView['people'][number] | undefined, code: AwardCode) =>
    subject?.candidates.map((i) => view.candidates[i]!).find((c) => c.code === code);
  const failedOf = (c: EligibilityView['candidates'][number]) =>
    c.items
      .map((i) => view.items[i]!)
      .filter((it) => !it.passed)
      .map((it) => it.missing ?? it.message);
  const judgedCodes = new Set(view.candidates.map((c) => c.code));
  return {
    view,
    verdict(kind, subjectId, code) {
      const c = candidate(kind === 'person' ? people.get(subjectId) : units.get(subjectId), code);
      if (!c) return { verdict: null, failed: [] };
      return { verdict: c.verdict, failed: c.verdict === 'du_dieu_kien' ? [] : failedOf(c) };
    },
    subjects(code, verdict) {
      const out: ReturnType<EligibilityLookup['subjects']> = [];
      for (const [kind, list] of [
        ['person', view.people],
        ['unit', view.units],
      ] as const) {
        for (const s of list) {
          const c = candidate(s, code);
          if (c?.verdict === verdict) out.push({ kind, id: s.id, name: s.name, unitId: kind === 'person' ? s.unitId : null, unitName: kind === 'person' ? s.unitName : '', birthDate: s.birthDate, missing: verdict === 'du_dieu_kien' ? [] : failedOf(c) });
        }
      }
      return out;
    },
    ldttCount(staffIds) {
      let n = 0;
      for (const p of view.people) {
        if (staffIds && !staffIds.has(p.id)) continue;
        if (candidate(p, 'LDTT')?.verdict === 'du_dieu_kien') n++;
      }
      return n;
    },
    judged: (code) => judgedCodes.has(code),
  };
}

/** Staff ids of an office (the quota counts the dossier's own office). */
export function staffIdsOfOffice(sqlite: BetterSqlite3.Database, officeId: string): Set<string> {
  const rows = sqlite.prepare('SELECT id FROM staff WHERE origin_office_id = ? AND deleted_at IS NULL').all(officeId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** The person has a recognised initiative in the five years up to `year`. */
export function initiativeHolders(sqlite: BetterSqlite3.Database, staffIds: readonly string[], year: number): Set<string> {
  return new Set(
    initiativesOfStaff(sqlite, staffIds)
      .filter((i) => i.year <= year && i.year > year - 5)
      .map((i) => i.staff_id),
  );
}

const awardKind = (code: string | null): 'title' | 'award' | 'other' =>
  code && code in AWARD_CATALOG ? AWARD_CATALOG[code as AwardCode].kind : 'other';

export interface NomineeSnapshot {
  kind: 'person' | 'unit';
  subjectId: string;
  name: string;
  position: string;
  unitName: string;
  birthDate: string | null;
  gender: 'nam' | 'nu' | null;
}

function subjectFrom(nominee: NomineeSnapshot, officeName: string, timeline: Timeline | undefined, initiatives: readonly InitiativeRow[]): PrefillSubject {
  const base: PrefillSubject = {
    kind: nominee.kind,
    name: nominee.name,
    birthDate: nominee.birthDate,
    gender: nominee.gender,
    position: nominee.position,
    unitName: nominee.unitName,
    officeName,
    years: [],
    awards: [],
    initiatives: [],
  };
  // the person or unit is gone: the report starts from the snapshot alone
  if (!timeline) return base;
  for (const y of timeline.years) {
    base.years.push({
      year: y.year,
      rating: (y.rating as Rating | null) ?? null,
      ...(y.memberSummary ? { members: y.memberSummary.members, ratings: y.memberSummary.ratings, titles: y.memberSummary.titles } : {}),
    });
    for (const a of y.awards) {
      base.awards.push({ year: y.year, code: a.code, label: a.label, kind: awardKind(a.code), decisionNo: a.decisionNo, decisionDate: a.decisionDate, issuer: a.issuer });
    }
  }
  for (const i of initiatives) {
    base.initiatives.push({
      year: i.year,
      title: i.title,
      kind: i.kind as InitiativeKind,
      scope: i.scope as InitiativeScope,
      recognizingBody: i.recognizing_body,
      decisionNo: i.decision_no,
    });
  }
  return base;
}

/**
 * The nominees' histories for their reports' pre-fill, people in one batch (personTimelines);
 * a unit's members only for the years its report recites (RATING_YEARS up to `year`).
 */
export function prefillSubjects(sqlite: BetterSqlite3.Database, nominees: readonly NomineeSnapshot[], officeName: string, year: number): PrefillSubject[] {
  const personIds = nominees.filter((n) => n.kind === 'person').map((n) => n.subjectId);
  const people = personTimelines(sqlite, personIds, year);
  const initiatives = new Map<string, InitiativeRow[]>();
  for (const i of initiativesOfStaff(sqlite, [...people.keys()])) {
    const list = initiatives.get(i.staff_id);
    if (list) list.push(i);
    else initiatives.set(i.staff_id, [i]);
  }
  return nominees.map((n) => {
    if (n.kind === 'person') return subjectFrom(n, officeName, people.get(n.subjectId), initiatives.get(n.subjectId) ?? []);
    let timeline: Timeline | undefined;
    try {
      timeline = unitTimeline(sqlite, n.subjectId, year, { memberYears: { from: year - RATING_YEARS + 1, to: year } });
    } catch {
      timeline = undefined;
    }
    return subjectFrom(n, officeName, timeline, []);
  });
}
