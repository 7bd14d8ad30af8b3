// A kept eligibility run written into the database file, so the first check after opening
// the file is answered without reading 30,000 people's records and judging them again. It is
// saved under the file's change stamp (migration 10: triggers move it on every write to a
// table the check reads, by any program) and used only while the stamp has not moved, by a
// build with the same rules (__RULES_HASH__). Shared items and candidates are written once and
// referred to by number, as the screen receives them; the payload is deflated JSON.
import zlib from 'node:zlib';
import type {
  CandidateResult,
  DisciplineForm,
  DisciplinePeriod,
  EligibilityReport,
  ExplanationItem,
  PersonHistory,
  SubjectEligibility,
} from '../../../shared/awards';
import { candidateResultSchema, eligibilityReportSchema } from '../../../shared/awards';
import { yearFactsCode, yearFactsOf } from '../../../db/repositories/records';

declare const __RULES_HASH__: string;

/** Changes when the payload's shape changes. */
const FORMAT = 2;

export const SNAPSHOT_RULES = `${FORMAT}:${typeof __RULES_HASH__ === 'string' ? __RULES_HASH__ : 'dev'}`;

/** One subject of a kept run with what the screen's filters read (eligibility.ts: Row). */
export interface SnapshotRow {
  s: SubjectEligibility;
  unitId: string | null;
  unitName: string;
  birthDate: string | null;
  gender: 'nam' | 'nu' | null;
  registered: string[];
  /** folded name (foldVi) for the search */
  key: string;
  /**
   * A person's history as the run judged it — read back from the file, only what a collective
   * reads of a member (this year's facts, disciplines: MemberState), which is what a patch
   * needs of the people who stand. Undefined for collectives.
   */
  person?: PersonHistory;
}

export interface SnapshotRun<Head> {
  report: EligibilityReport;
  head: Head;
  /** people in the screen's order */
  people: SnapshotRow[];
  /** the same rows in the report's order (report.people[i] is order[i].s) */
  order: SnapshotRow[];
  units: SnapshotRow[];
}

// Compact tuples: a 30,000-person run is ≈28,000 distinct items and candidates (most people have
// one or two items of their own), so the file repeats no key names and no shared strings — what
// JSON.parse spends its time on. Strings used more than by one row (rule ids, legal bases,
// award names, unit ids and names) go once into `strings` and are referred to by number.
type SavedItem = [ruleId: number, basis: number, flags: number, message: string, missing?: string];
type SavedCandidate = [code: number, name: number, verdict: number, verified: 0 | 1, missingCount: number, items: number[]];
/**
 * subjectUnitId / unitId / unitName: string numbers, -1 for none; gender 0 none, 1 nam, 2 nữ;
 * facts: the year's facts as the loader packs them (yearFactsCode), -1 none;
 * disciplines: [form, from, to, decision number] or 0 for none
 */
type SavedRow = [
  id: string,
  name: string,
  subjectUnitId: number,
  candidates: number[],
  unitId: number,
  unitName: number,
  birthDate: string | null,
  gender: 0 | 1 | 2,
  registered: string[] | 0,
  key: string,
  facts: number,
  disciplines: Array<[string, string, string | null, string | null]> | 0,
];

interface Saved<Head> {
  format: number;
  rules: string;
  envelope: Omit<EligibilityReport, 'people' | 'units'>;
  head: Head;
  strings: string[];
  items: SavedItem[];
  candidates: SavedCandidate[];
  /** in the report's order */
  people: SavedRow[];
  /** the screen's order: indexes into people */
  sorted: number[];
  units: SavedRow[];
}

const GENDERS = [null, 'nam', 'nu'] as const;
// shared empty lists of the people read back (nothing reads more of them than a collective does)
const NO_PERIODS: DisciplinePeriod[] = [];
const NO_TITLES: PersonHistory['titles'] = [];
const NO_INITIATIVES: PersonHistory['initiatives'] = [];

export function encodeRun<Head>(run: SnapshotRun<Head>): Buffer {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (v: string | null | undefined): number => {
    if (v === null || v === undefined) return -1;
    let i = stringIndex.get(v);
    if (i === undefined) {
      stringIndex.set(v, (i = strings.length));
      strings.push(v);
    }
    return i;
  };
  const items: SavedItem[] = [];
  const itemIndex = new Map<ExplanationItem, number>();
  const candidates: SavedCandidate[] = [];
  const candidateIndex = new Map<CandidateResult, number>();
  const item = (it: ExplanationItem): number => {
    let k = itemIndex.get(it);
    if (k === undefined) {
      itemIndex.set(it, (k = items.length));
      const t: SavedItem = [str(it.ruleId), str(it.basis), (it.verified ? 1 : 0) | (it.passed ? 2 : 0), it.message];
      if (it.missing !== undefined) t.push(it.missing);
      items.push(t);
    }
    return k;
  };
  const candidate = (c: CandidateResult): number => {
    let i = candidateIndex.get(c);
    if (i === undefined) {
      candidateIndex.set(c, (i = candidates.length));
      candidates.push([str(c.code), str(c.name), str(c.verdict), c.verified ? 1 : 0, c.missingCount, c.items.map(item)]);
    }
    return i;
  };
  const { year } = run.report;
  const row = (r: SnapshotRow): SavedRow => [
    r.s.id,
    r.s.name,
    str(r.s.unitId),
    r.s.candidates.map(candidate),
    str(r.unitId),
    str(r.unitName),
    r.birthDate,
    r.gender === 'nam' ? 1 : r.gender === 'nu' ? 2 : 0,
    r.registered.length ? r.registered : 0,
    r.key,
    yearFactsCode(r.person?.years[year]),
    r.person?.disciplines.length ? r.person.disciplines.map((d) => [d.form, d.from, d.to ?? null, d.decisionNo ?? null]) : 0,
  ];
  const { people: _p, units: _u, ...envelope } = run.report;
  const at = new Map<SnapshotRow, number>();
  run.order.forEach((r, i) => at.set(r, i));
  const people = run.order.map(row);
  const sorted = run.people.map((r) => at.get(r)!);
  const units = run.units.map(row);
  const saved: Saved<Head> = { format: FORMAT, rules: SNAPSHOT_RULES, envelope, head: run.head, strings, items, candidates, people, sorted, units };
  return zlib.deflateRawSync(Buffer.from(JSON.stringify(saved)), { level: 1 });
}

/**
 * The run saved in `payload`, or null when it cannot be used (another build's rules, another
 * format, a damaged payload): the caller then runs the check.
 */
export function decodeRun<Head>(payload: Buffer): SnapshotRun<Head> | null {
  let saved: Saved<Head>;
  try {
    saved = JSON.parse(zlib.inflateRawSync(payload).toString('utf8')) as Saved<Head>;
  } catch {
    return null;
  }
  if (!saved || saved.format !== FORMAT || saved.rules !== SNAPSHOT_RULES) return null;
  const { strings } = saved;
  if (![strings, saved.items, saved.candidates, saved.people, saved.sorted, saved.units].every(Array.isArray)) return null;
  try {
    const bad = (what: string): never => {
      throw new Error(what);
    };
    const str = (i: number): string => {
      const v = strings[i];
      return typeof v === 'string' ? v : bad('string');
    };
    const optStr = (i: number): string | null => (i === -1 ? null : str(i));
    const items = saved.items.map((t): ExplanationItem => {
      if (!Array.isArray(t) || typeof t[2] !== 'number' || typeof t[3] !== 'string' || (t[4] !== undefined && typeof t[4] !== 'string')) bad('item');
      const it: ExplanationItem = { ruleId: str(t[0]), basis: str(t[1]), verified: (t[2] & 1) === 1, passed: (t[2] & 2) === 2, message: t[3] };
      if (t[4] !== undefined) it.missing = t[4];
      return Object.freeze(it);
    });
    const candidates = saved.candidates.map((t): CandidateResult => {
      if (!Array.isArray(t) || !Number.isInteger(t[4]) || !Array.isArray(t[5])) bad('candidate');
      const c = {
        code: str(t[0]),
        name: str(t[1]),
        verdict: str(t[2]),
        verified: t[3] === 1,
        missingCount: t[4],
        items: t[5].map((k) => {
          return items[k] ?? bad('item');
        }),
      } as CandidateResult;
      return Object.freeze(c);
    });
    // the fields' types are checked above; one candidate of each kind (award, verdict, number of
    // items) is checked with the report schema's own part, and the envelope with the report's
    const checked = new Set<string>();
    for (const c of candidates) {
      const shape = `${c.code}|${c.verdict}|${c.items.length}`;
      if (checked.has(shape)) continue;
      if (!candidateResultSchema.safeParse(c).success) return null;
      checked.add(shape);
    }
    if (!eligibilityReportSchema.safeParse({ ...saved.envelope, people: [], units: [] }).success) return null;
    const { year } = saved.envelope;
    // one years object per facts code: what a collective reads of a member who stands
    const yearsOf = new Map<number, PersonHistory['years']>();
    const rows = (list: SavedRow[], kind: SubjectEligibility['kind']): SnapshotRow[] =>
      list.map((r) => {
        if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || !Array.isArray(r[3]) || typeof r[9] !== 'string') bad('row');
        const cs = r[3].map((k) => {
          return candidates[k] ?? bad('candidate');
        });
        const s: SubjectEligibility = { kind, id: r[0], name: r[1], candidates: cs };
        const su = optStr(r[2]);
        if (su !== null) s.unitId = su;
        const row: SnapshotRow = { s, unitId: optStr(r[4]), unitName: str(r[5]), birthDate: r[6], gender: GENDERS[r[7]] ?? null, registered: r[8] || [], key: r[9] };
        if (kind === 'individual') {
          if (typeof r[10] !== 'number' || (r[11] !== 0 && !Array.isArray(r[11]))) bad('member');
          let years = yearsOf.get(r[10]);
          if (!years) yearsOf.set(r[10], (years = r[10] === -1 ? {} : { [year]: yearFactsOf(r[10]) ?? bad('facts') }));
          const disciplines = r[11] === 0 ? NO_PERIODS : r[11].map(([form, from, to, no]): DisciplinePeriod => {
            if (typeof form !== 'string' || typeof from !== 'string') bad('discipline');
            const d: DisciplinePeriod = { form: form as DisciplineForm, from };
            if (to) d.to = to;
            if (no) d.decisionNo = no;
            return d;
          });
          row.person = { personId: s.id, name: s.name, unitId: su ?? '', years, titles: NO_TITLES, initiatives: NO_INITIATIVES, disciplines };
        }
        return row;
      });
    const order = rows(saved.people, 'individual');
    const people = saved.sorted.map((i) => order[i] ?? bad('sorted'));
    if (people.length !== order.length || new Set(people).size !== order.length) bad('sorted');
    const units = rows(saved.units, 'collective');
    const report: EligibilityReport = { ...saved.envelope, people: order.map((r) => r.s), units: units.map((r) => r.s) };
    return { report, head: saved.head, people, order, units };
  } catch {
    return null;
  }
}
