// shiftPlanYears: duplicate last year's plan for a new year.
//
// What is shifted (by `delta` years), everywhere in the plan's text (title, bases, preamble,
// section headings and bodies, tables, quarterly tasks, closing, recipients, appendix heading
// and subtitle):
// - a 4-digit year standing alone ("năm 2022", "(2022)") within ±1 of the plan year;
// - the year of a date (dd/mm/yyyy, mm/yyyy, "ngày … tháng … năm yyyy") when that year is
//   within ±1 of the plan year (29/02 becomes 28/02 when the new year is not a leap year);
// - year ranges as a unit ("2021 - 2025", "2021–2025", "2021 đến 2025", also between dates):
//   both ends within ±1 of the plan year → both shifted; a phase of 3–11 years that contains
//   the plan year → kept while it still contains the new year, else moved by whole phase
//   lengths to the phase that does ("2016 - 2020" in a 2020 plan → "2021 - 2025" for 2021);
//   any other range (anniversaries "1948 - 2018", past phases) is left as is.
// What is not shifted:
// - document numbers ("91/2017/NĐ-CP") and cited documents (number + "ngày …" date): a
//   superior document of last year is not next year's one, so a paragraph or basis citing a
//   document dated within ±1 of the plan year is flagged 'review' instead;
// - years further than ±1 from the plan year (founding years, laws "Luật … năm 2003").
// The header gets the new year with day, month and number left blank (to be filled at
// signing); every node gets a new id.
import type { IdGenerator, Plan, PlanRun } from './model';
import { createIdGenerator } from './model';
import { extractDocReferences } from './references';

const NUMBER_RE =
  /(?<![\p{L}\d/])\d{1,5}(?:-[A-ZĐ]{1,6})?(?:\/\d{4})?\/[A-ZĐÂĂÊÔƠƯ][A-ZĐÂĂÊÔƠƯa-zđ0-9&]*(?:-[A-ZĐÂĂÊÔƠƯa-zđ0-9&]+)*/gu;
const DATE = String.raw`(?:\d{1,2}\/\d{1,2}\/|\d{1,2}\/)?`;
const RANGE_RE = new RegExp(
  String.raw`(?<![\d/.])(${DATE})(\d{4})(\s*[-–—]\s*|\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(?:năm\s+)?)(${DATE})(\d{4})(?![\d/])`,
  'gu',
);
const DATE_RE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/gu;
const MONTH_YEAR_RE = /(?<![\d/.])(\d{1,2})\/(\d{4})(?![\d/])/gu;
const YEAR_RE = /(?<![\d/.,])(\d{4})(?![\d/]|[.,]\d)/gu;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

interface Span {
  start: number;
  end: number;
}

/** Years in a text that would be shifted (helper for planYearOf and tests). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR_RE)].map((m) => Number(m[1])).filter((y) => y >= 1900 && y <= 2200);
}

/**
 * Shift the years of one text. Returns the new text and whether it cites a document dated
 * near the plan year (the caller flags it for review).
 */
export function shiftYearsInText(text: string, planYear: number, delta: number): { text: string; citesRecent: boolean } {
  if (delta === 0) return { text, citesRecent: false };
  // every edit keeps the length (digits for digits), so match positions stay valid
  let s = text;
  const protectedSpans: Span[] = [];
  const near = (y: number) => Math.abs(y - planYear) <= 1;

  // document numbers and cited documents (number through its date)
  for (const m of s.matchAll(NUMBER_RE)) protectedSpans.push({ start: m.index, end: m.index + m[0].length });
  let citesRecent = false;
  for (const ref of extractDocReferences(s)) {
    const i = s.indexOf(ref.raw);
    if (i >= 0) protectedSpans.push({ start: i, end: i + ref.raw.length });
    if (ref.date && near(Number(ref.date.slice(0, 4)))) citesRecent = true;
  }
  const isProtected = (a: number, b: number) => protectedSpans.some((p) => a < p.end && b > p.start);
  const replaceAt = (start: number, oldText: string, newText: string) => {
    // same length by construction
    s = s.slice(0, start) + newText + s.slice(start + oldText.length);
  };
  const shiftDatePart = (datePrefix: string, newYear: number): string => {
    // "29/2/" stays valid only in leap years
    const m = /^(\d{1,2})\/(\d{1,2})\/$/.exec(datePrefix);
    if (m && Number(m[1]) === 29 && Number(m[2]) === 2 && !isLeap(newYear)) return datePrefix.replace(/^29/, '28');
    return datePrefix;
  };

  // 1. ranges
  for (const m of [...s.matchAll(RANGE_RE)]) {
    const start = m.index;
    const end = start + m[0].length;
    if (isProtected(start, end)) continue;
    const a = Number(m[2]);
    const b = Number(m[5]);
    let na = a;
    let nb = b;
    if (near(a) && near(b)) {
      na = a + delta;
      nb = b + delta;
    } else if (b > a && b - a >= 2 && b - a <= 10 && planYear >= a && planYear <= b) {
      const target = planYear + delta;
      if (target < a || target > b) {
        const len = b - a + 1;
        const k = Math.floor((target - a) / len);
        na = a + k * len;
        nb = b + k * len;
      }
    }
    if (na !== a || nb !== b) {
      const out = `${shiftDatePart(m[1]!, na)}${na}${m[3]}${shiftDatePart(m[4]!, nb)}${nb}`;
      replaceAt(start, m[0], out);
    }
    protectedSpans.push({ start, end });
  }
  // 2. full dates
  for (const m of [...s.matchAll(DATE_RE)]) {
    const start = m.index;
    const end = start + m[0].length;
    if (isProtected(start, end)) continue;
    const y = Number(m[3]);
    if (near(y)) {
      const ny = y + delta;
      let day = m[1]!;
      if (Number(day) === 29 && Number(m[2]) === 2 && !isLeap(ny)) day = day.replace('29', '28');
      replaceAt(start, m[0], `${day}/${m[2]}/${ny}`);
    }
    protectedSpans.push({ start, end });
  }
  // 3. month/year
  for (const m of [...s.matchAll(MONTH_YEAR_RE)]) {
    const start = m.index;
    const end = start + m[0].length;
    if (isProtected(start, end)) continue;
    const y = Number(m[2]);
    if (near(y) && Number(m[1]) >= 1 && Number(m[1]) <= 12) replaceAt(start, m[0], `${m[1]}/${y + delta}`);
    protectedSpans.push({ start, end });
  }
  // 4. years standing alone
  for (const m of [...s.matchAll(YEAR_RE)]) {
    const start = m.index;
    const end = start + m[0].length;
    if (isProtected(start, end)) continue;
    const y = Number(m[1]);
    if (near(y)) replaceAt(start, m[0], String(y + delta));
  }
  return { text: s, citesRecent };
}

/** The plan's year: its date line, else the first year of its title, else the most frequent year. */
export function planYearOf(plan: Plan): number | null {
  if (plan.header.date) return plan.header.date.year;
  const fromTitle = yearsIn(plan.title.join(' '))[0];
  if (fromTitle) return fromTitle;
  const counts = new Map<number, number>();
  const all = JSON.stringify(plan.sections) + JSON.stringify(plan.preamble) + JSON.stringify(plan.closing);
  for (const y of yearsIn(all)) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of counts) if (best === null || c > (counts.get(best) ?? 0)) best = y;
  return best;
}

function reassignIds<T>(value: T, newId: IdGenerator): T {
  if (Array.isArray(value)) return value.map((v) => reassignIds(v, newId)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = k === 'id' && typeof v === 'string' ? newId() : reassignIds(v, newId);
    return out as T;
  }
  return value;
}

/**
 * Duplicate a plan for another year (delta = +1 for next year). See the header comment for
 * exactly what is shifted. References are re-extracted from the shifted text.
 */
export function shiftPlanYears(plan: Plan, delta: number, opts: { newId?: IdGenerator } = {}): Plan {
  const newId = opts.newId ?? createIdGenerator();
  const out = reassignIds(plan, newId);
  const planYear = planYearOf(plan);
  if (planYear === null || delta === 0) return out;
  const shift = (t: string) => shiftYearsInText(t, planYear, delta);
  const shiftStr = (t: string) => shift(t).text;
  const shiftRuns = (runs: PlanRun[]): boolean => {
    let recent = false;
    for (const r of runs) {
      const res = shift(r.text);
      r.text = res.text;
      recent ||= res.citesRecent;
    }
    return recent;
  };

  if (out.header.date) out.header.date = { day: null, month: null, year: out.header.date.year + delta };
  if (out.header.docNumber) out.header.docNumber = { ...out.header.docNumber, number: null };
  out.title = out.title.map(shiftStr);
  for (const b of out.bases) {
    const res = shift(b.text);
    b.text = res.text;
    b.refs = extractDocReferences(b.text);
    if (res.citesRecent) b.flag = 'review';
  }
  const paragraphs = (list: { runs: PlanRun[]; refs?: unknown; flag?: 'review' }[]) => {
    for (const p of list) {
      if (shiftRuns(p.runs)) p.flag = 'review';
      if (p.refs) {
        const refs = extractDocReferences(p.runs.map((r) => r.text).join(''));
        p.refs = refs;
      }
    }
  };
  paragraphs(out.preamble);
  paragraphs(out.closing);
  const walk = (sections: Plan['sections']) => {
    for (const s of sections) {
      if (shiftRuns(s.heading)) s.flag = 'review';
      for (const b of s.body) {
        if (b.kind === 'paragraph') paragraphs([b]);
        else {
          if (b.header) b.header = b.header.map(shiftStr);
          for (const r of b.rows) r.cells = r.cells.map(shiftStr);
        }
      }
      walk(s.children);
    }
  };
  walk(out.sections);
  out.recipients = out.recipients.map(shiftStr);
  for (const a of out.appendices) {
    a.heading = shiftStr(a.heading);
    a.subtitle = a.subtitle.map(shiftStr);
    for (const b of a.blocks) {
      if (b.kind === 'paragraph') paragraphs([b]);
      else if (b.kind === 'table') {
        if (b.header) b.header = b.header.map(shiftStr);
        for (const r of b.rows) r.cells = r.cells.map(shiftStr);
      } else {
        for (const g of b.groups) {
          if (g.label) g.label = shiftStr(g.label);
          for (const t of g.tasks) {
            t.title = shiftStr(t.title);
            if (t.timing) t.timing = shiftStr(t.timing);
            if (t.note) t.note = shiftStr(t.note);
          }
        }
      }
    }
  }
  return out;
}
