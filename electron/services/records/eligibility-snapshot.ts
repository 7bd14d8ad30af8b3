// A kept eligibility run written into the database file, so the first check after opening
// the file is answered without reading 30,000 people's records and judging them again. It is
// saved under the file's change stamp (migration 10: triggers move it on every write to a
// table the check reads, by any program) and used only while the stamp has not moved, by a
// build with the same rules (__RULES_HASH__). Shared items and candidates are written once and
// referred to by number, as the screen receives them; the payload is deflated JSON.
import zlib from 'node:zlib';
import type { CandidateResult, EligibilityReport, ExplanationItem, SubjectEligibility } from '../../../shared/awards';
import { candidateResultSchema, eligibilityReportSchema } from '../../../shared/awards';

declare const __RULES_HASH__: string;

/** Changes when the payload's shape changes. */
const FORMAT = 1;

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
}

export interface SnapshotRun<Head> {
  report: EligibilityReport;
  head: Head;
  people: SnapshotRow[];
  units: SnapshotRow[];
}

// Compact tuples: a 30,000-person run is ≈28,000 distinct items and candidates (most people have
// one or two items of their own), so the file repeats no key names and no shared strings — what
// JSON.parse spends its time on. Strings used more than by one row (rule ids, legal bases,
// award names, unit ids and names) go once into `strings` and are referred to by number.
type SavedItem = [ruleId: number, basis: number, flags: number, message: string, missing?: string];
type SavedCandidate = [code: number, name: number, verdict: number, verified: 0 | 1, missingCount: number, items: number[]];
/** subjectUnitId / unitId / unitName: string numbers, -1 for none; gender 0 none, 1 nam, 2 nữ */
type SavedRow = [id: string, name: string, subjectUnitId: number, candidates: number[], unitId: number, unitName: number, birthDate: string | null, gender: 0 | 1 | 2, registered: string[] | 0, key: string];

interface Saved<Head> {
  format: number;
  rules: string;
  envelope: Omit<EligibilityReport, 'people' | 'units'>;
  head: Head;
  strings: string[];
  items: SavedItem[];
  candidates: SavedCandidate[];
  people: SavedRow[];
  units: SavedRow[];
}

const GENDERS = [null, 'nam', 'nu'] as const;

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
  ];
  const { people: _p, units: _u, ...envelope } = run.report;
  const people = run.people.map(row);
  const units = run.units.map(row);
  const saved: Saved<Head> = { format: FORMAT, rules: SNAPSHOT_RULES, envelope, head: run.head, strings, items, candidates, people, units };
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
  if (![strings, saved.items, saved.candidates, saved.people, saved.units].every(Array.isArray)) return null;
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
    const rows = (list: SavedRow[], kind: SubjectEligibility['kind']): SnapshotRow[] =>
      list.map((r) => {
        if (!Array.isArray(r) || typeof r[0] !== 'string' || typeof r[1] !== 'string' || !Array.isArray(r[3]) || typeof r[9] !== 'string') bad('row');
        const cs = r[3].map((k) => {
          return candidates[k] ?? bad('candidate');
        });
        const s: SubjectEligibility = { kind, id: r[0], name: r[1], candidates: cs };
        const su = optStr(r[2]);
        if (su !== null) s.unitId = su;
        return { s, unitId: optStr(r[4]), unitName: str(r[5]), birthDate: r[6], gender: GENDERS[r[7]] ?? null, registered: r[8] || [], key: r[9] };
      });
    const people = rows(saved.people, 'individual');
    const units = rows(saved.units, 'collective');
    const report: EligibilityReport = { ...saved.envelope, people: people.map((r) => r.s), units: units.map((r) => r.s) };
    return { report, head: saved.head, people, units };
  } catch {
    return null;
  }
}
