// A kept eligibility run written into the database file, so the first check after opening
// the file is answered without reading 30,000 people's records and judging them again. It is
// saved under the file's change stamp (migration 10: triggers move it on every write to a
// table the check reads, by any program) and used only while the stamp has not moved, by a
// build with the same rules (__RULES_HASH__). Shared items and candidates are written once and
// referred to by number, as the screen receives them; the payload is deflated (layout below).
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
const FORMAT = 4;

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
   * reads of a member (this year's facts, disciplines: MemberState) and the gender the quota
   * warning counts, which is what a patch
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

// The payload: a small JSON header (format, rules, the report's envelope, the screen's head),
// then every string once — shared ones (rule ids, legal bases, award and unit names) and each
// row's own (id, name, folded key, explanation texts) — as two runs, the ASCII ones (ids, folded
// keys) as Latin-1 and the others as UTF-8, with each string's length and run,
// then everything else as 32-bit integers, strings referred to by number. Decoding is two
// decodes, slices and integer reads: JSON.parse of the same run (13 MB of text) took three
// quarters of the time of reading a kept run back; the ASCII strings as Latin-1 take a fifth
// off the text's decoding (a province's 6 MB: 42 against 33–36 ms; most of the bytes are the
// Vietnamese names and messages, which stay UTF-8).
//
// Integers, in order (s = a string's number, -1 for none):
//   items:      n, then per item: ruleId s, basis s, flags (1 verified, 2 passed), message s, missing s
//   candidates: n, then per candidate: code s, name s, verdict s, verified 0/1, missingCount, k, k item numbers
//   people:     n, then rows in the report's order (below)
//   sorted:     n row numbers: the screen's order
//   units:      n, then rows
//   a row:      id s, name s, subject's unitId s, k, k candidate numbers, unitId s, unitName s,
//               birthDate s, gender (0 none, 1 nam, 2 nữ), k, k registered codes s, key s,
//               facts (yearFactsCode, -1 none), k, k disciplines × (form s, from s, to s, decision number s)

/** The bytes before deflating: a header, the strings, the integers (see above). */
export interface PackedRun {
  header: { format: number; rules: string; envelope: Omit<EligibilityReport, 'people' | 'units'>; head: unknown };
  strings: string[];
  ints: Int32Array;
}

const MAGIC = 0x54444b52; // "TDKR"

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The packed run as deflated bytes: magic, format, then length-prefixed header, the ASCII and the
 * other strings' runs, their lengths (length·2 + 1 for a string of the UTF-8 run) and integers.
 */
export function packRun(p: PackedRun): Buffer {
  const header = Buffer.from(JSON.stringify(p.header), 'utf8');
  const ascii: string[] = [];
  const other: string[] = [];
  const lengths = Int32Array.from(p.strings, (v) => {
    if (ASCII.test(v)) {
      ascii.push(v);
      return v.length * 2;
    }
    other.push(v);
    return v.length * 2 + 1;
  });
  const asciiText = Buffer.from(ascii.join(''), 'latin1');
  const text = Buffer.from(other.join(''), 'utf8');
  const out = Buffer.alloc(4 * 7 + header.length + asciiText.length + text.length + 4 * (lengths.length + p.ints.length));
  let at = 0;
  const u32 = (v: number) => {
    out.writeUInt32LE(v, at);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  u32(MAGIC);
  u32(FORMAT);
  u32(header.length);
  bytes(header);
  u32(asciiText.length);
  bytes(asciiText);
  u32(text.length);
  bytes(text);
  u32(lengths.length);
  bytes(new Uint8Array(lengths.buffer, lengths.byteOffset, lengths.byteLength));
  u32(p.ints.length);
  bytes(new Uint8Array(p.ints.buffer, p.ints.byteOffset, p.ints.byteLength));
  return zlib.deflateRawSync(out, { level: 1 });
}

/** packRun read back; throws on anything that does not fit (the caller treats the run as unusable). */
export function unpackRun(payload: Buffer): PackedRun {
  // large chunks: the default 16 KB made a province's run 700 pieces to join (about 50 against 32–47 ms)
  const buf = zlib.inflateRawSync(payload, { chunkSize: 1 << 20 });
  let at = 0;
  const u32 = () => {
    if (at + 4 > buf.length) throw new Error('truncated');
    const v = buf.readUInt32LE(at);
    at += 4;
    return v;
  };
  const take = (n: number) => {
    if (n < 0 || at + n > buf.length) throw new Error('truncated');
    const b = buf.subarray(at, at + n);
    at += n;
    return b;
  };
  // an Int32Array needs an aligned offset: copied when the bytes are not aligned
  const int32s = (n: number) => {
    const b = take(n * 4);
    return b.byteOffset % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, n) : new Int32Array(Uint8Array.from(b).buffer);
  };
  if (u32() !== MAGIC) throw new Error('not a kept run');
  if (u32() !== FORMAT) throw new Error('another format');
  const header = JSON.parse(take(u32()).toString('utf8')) as PackedRun['header'];
  const asciiText = take(u32()).toString('latin1');
  const text = take(u32()).toString('utf8');
  const lengths = int32s(u32());
  const strings = new Array<string>(lengths.length);
  let asciiPos = 0;
  let pos = 0;
  for (let i = 0; i < lengths.length; i++) {
    const v = lengths[i]!;
    const n = v >> 1;
    if (v < 0) throw new Error('strings');
    if (v & 1) {
      if (pos + n > text.length) throw new Error('strings');
      strings[i] = text.slice(pos, pos + n);
      pos += n;
    } else {
      if (asciiPos + n > asciiText.length) throw new Error('strings');
      strings[i] = asciiText.slice(asciiPos, asciiPos + n);
      asciiPos += n;
    }
  }
  if (pos !== text.length || asciiPos !== asciiText.length) throw new Error('strings');
  const ints = int32s(u32());
  if (at !== buf.length) throw new Error('trailing bytes');
  return { header, strings, ints };
}

const GENDERS = [null, 'nam', 'nu'] as const;
// shared empty lists of the people read back (nothing reads more of them than a collective does)
const NO_PERIODS: DisciplinePeriod[] = [];
const NO_TITLES: PersonHistory['titles'] = [];
const NO_INITIATIVES: PersonHistory['initiatives'] = [];
const NO_CODES: string[] = [];

export function encodeRun<Head>(run: SnapshotRun<Head>): Buffer {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const ints: number[] = [];
  const int = (v: number) => ints.push(v);
  const str = (v: string | null | undefined) => {
    if (v === null || v === undefined) return ints.push(-1);
    let i = stringIndex.get(v);
    if (i === undefined) {
      stringIndex.set(v, (i = strings.length));
      strings.push(v);
    }
    return ints.push(i);
  };
  // numbered in a first pass, written in order: items, then candidates
  const itemIndex = new Map<ExplanationItem, number>();
  const candidateIndex = new Map<CandidateResult, number>();
  const items: ExplanationItem[] = [];
  const candidates: CandidateResult[] = [];
  const all = [...run.order, ...run.units];
  for (const r of all) {
    for (const c of r.s.candidates) {
      if (candidateIndex.has(c)) continue;
      candidateIndex.set(c, candidates.length);
      candidates.push(c);
      for (const it of c.items) {
        if (itemIndex.has(it)) continue;
        itemIndex.set(it, items.length);
        items.push(it);
      }
    }
  }
  int(items.length);
  for (const it of items) {
    str(it.ruleId);
    str(it.basis);
    int((it.verified ? 1 : 0) | (it.passed ? 2 : 0));
    str(it.message);
    str(it.missing);
  }
  int(candidates.length);
  for (const c of candidates) {
    str(c.code);
    str(c.name);
    str(c.verdict);
    int(c.verified ? 1 : 0);
    int(c.missingCount);
    int(c.items.length);
    for (const it of c.items) int(itemIndex.get(it)!);
  }
  const { year } = run.report;
  const row = (r: SnapshotRow) => {
    str(r.s.id);
    str(r.s.name);
    str(r.s.unitId);
    int(r.s.candidates.length);
    for (const c of r.s.candidates) int(candidateIndex.get(c)!);
    str(r.unitId);
    str(r.unitName);
    str(r.birthDate);
    int(r.gender === 'nam' ? 1 : r.gender === 'nu' ? 2 : 0);
    int(r.registered.length);
    for (const code of r.registered) str(code);
    str(r.key);
    int(yearFactsCode(r.person?.years[year]));
    const ds = r.person?.disciplines ?? NO_PERIODS;
    int(ds.length);
    for (const d of ds) {
      str(d.form);
      str(d.from);
      str(d.to);
      str(d.decisionNo);
    }
  };
  const at = new Map<SnapshotRow, number>();
  run.order.forEach((r, i) => at.set(r, i));
  int(run.order.length);
  run.order.forEach(row);
  int(run.people.length);
  for (const r of run.people) int(at.get(r)!);
  int(run.units.length);
  run.units.forEach(row);
  const { people: _p, units: _u, ...envelope } = run.report;
  return packRun({ header: { format: FORMAT, rules: SNAPSHOT_RULES, envelope, head: run.head }, strings, ints: Int32Array.from(ints) });
}

/**
 * The run saved in `payload`, or null when it cannot be used (another build's rules, another
 * format, a damaged payload): the caller then runs the check.
 */
export function decodeRun<Head>(payload: Buffer): SnapshotRun<Head> | null {
  let packed: PackedRun;
  try {
    packed = unpackRun(payload);
  } catch {
    return null;
  }
  const { header, strings, ints } = packed;
  if (!header || header.format !== FORMAT || header.rules !== SNAPSHOT_RULES || !header.envelope) return null;
  try {
    const bad = (what: string): never => {
      throw new Error(what);
    };
    let at = 0;
    const int = (): number => (at < ints.length ? ints[at++]! : bad('truncated'));
    const count = (): number => {
      const n = int();
      return n >= 0 && n <= ints.length ? n : bad('count');
    };
    const str = (): string => {
      const v = strings[int()];
      return typeof v === 'string' ? v : bad('string');
    };
    const optStr = (): string | null => {
      const i = int();
      if (i === -1) return null;
      const v = strings[i];
      return typeof v === 'string' ? v : bad('string');
    };
    const items = new Array<ExplanationItem>(count());
    for (let i = 0; i < items.length; i++) {
      const ruleId = str();
      const basis = str();
      const flags = int();
      const it: ExplanationItem = { ruleId, basis, verified: (flags & 1) === 1, passed: (flags & 2) === 2, message: str() };
      const missing = optStr();
      if (missing !== null) it.missing = missing;
      items[i] = Object.freeze(it);
    }
    const candidates = new Array<CandidateResult>(count());
    for (let i = 0; i < candidates.length; i++) {
      const code = str();
      const name = str();
      const verdict = str();
      const verified = int() === 1;
      const missingCount = int();
      const list = new Array<ExplanationItem>(count());
      for (let k = 0; k < list.length; k++) list[k] = items[int()] ?? bad('item');
      candidates[i] = Object.freeze({ code, name, verdict, verified, missingCount, items: list } as CandidateResult);
    }
    // the fields' types are checked above; one candidate of each kind (award, verdict, number of
    // items) is checked with the report schema's own part, and the envelope with the report's
    const checked = new Set<string>();
    for (const c of candidates) {
      const shape = `${c.code}|${c.verdict}|${c.items.length}`;
      if (checked.has(shape)) continue;
      if (!candidateResultSchema.safeParse(c).success) return null;
      checked.add(shape);
    }
    if (!eligibilityReportSchema.safeParse({ ...header.envelope, people: [], units: [] }).success) return null;
    const { year } = header.envelope;
    // one years object per facts code: what a collective reads of a member who stands
    const yearsOf = new Map<number, PersonHistory['years']>();
    const rows = (kind: SubjectEligibility['kind']): SnapshotRow[] => {
      const out = new Array<SnapshotRow>(count());
      for (let i = 0; i < out.length; i++) {
        const id = str();
        const name = str();
        const su = optStr();
        const cs = new Array<CandidateResult>(count());
        for (let k = 0; k < cs.length; k++) cs[k] = candidates[int()] ?? bad('candidate');
        const s: SubjectEligibility = { kind, id, name, candidates: cs };
        if (su !== null) s.unitId = su;
        const unitId = optStr();
        const unitName = str();
        const birthDate = optStr();
        const gender = GENDERS[int()] ?? null;
        const nReg = count();
        const registered = nReg ? new Array<string>(nReg) : NO_CODES;
        for (let k = 0; k < nReg; k++) registered[k] = str();
        const row: SnapshotRow = { s, unitId, unitName, birthDate, gender, registered, key: str() };
        const facts = int();
        const nDisc = count();
        const disciplines = nDisc ? new Array<DisciplinePeriod>(nDisc) : NO_PERIODS;
        for (let k = 0; k < nDisc; k++) {
          const d: DisciplinePeriod = { form: str() as DisciplineForm, from: str() };
          const to = optStr();
          const no = optStr();
          if (to) d.to = to;
          if (no) d.decisionNo = no;
          disciplines[k] = d;
        }
        if (kind === 'individual') {
          let years = yearsOf.get(facts);
          if (!years) yearsOf.set(facts, (years = facts === -1 ? {} : { [year]: yearFactsOf(facts) ?? bad('facts') }));
          row.person = { personId: id, name, unitId: su ?? '', years, titles: NO_TITLES, initiatives: NO_INITIATIVES, disciplines };
          // the quota warning counts the women among those who qualify (RuleSet.womenPriority)
          if (gender) row.person.gender = gender;
        }
        out[i] = row;
      }
      return out;
    };
    const order = rows('individual');
    const people = new Array<SnapshotRow>(count());
    for (let i = 0; i < people.length; i++) people[i] = order[int()] ?? bad('sorted');
    if (people.length !== order.length || new Set(people).size !== order.length) bad('sorted');
    const units = rows('collective');
    if (at !== ints.length) bad('trailing');
    const report: EligibilityReport = { ...header.envelope, people: order.map((r) => r.s), units: units.map((r) => r.s) };
    return { report, head: header.head as Head, people, order, units };
  } catch {
    return null;
  }
}
