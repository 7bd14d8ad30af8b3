// A list of people pasted ("Dán danh sách": a decision's recipients, a dossier's nominees,
// registrations): the names a superior's decision or a Word table lists, one person a line,
// matched to the office's staff. A line may be a row of table cells (tabs): its order number,
// name, birth date and unit are told apart by their form; other cells (a position) are ignored.
// "Ông", "Bà", "Đồng chí" before a name and what follows a comma ("Nguyễn Văn An, Chuyên viên
// Văn phòng") are not part of it — unless the name with it is someone's (Ông is also a surname).
// Namesakes are narrowed by the birth date or the unit the line gives; those still alike are left
// for the user to choose.
import { foldVi, parseDateVi } from '../text/vn';

export interface PastedPerson {
  id: string;
  fullName: string;
  unitId: string | null;
  birthDate: string | null;
}

export type PastedLine<P extends PastedPerson> =
  | { line: number; name: string; person: P }
  | { line: number; name: string; candidates: P[] }
  | { line: number; name: string; missing: true };

const HONORIFIC = /^(?:ông|bà|anh|chị|đồng chí|đ\/c|đc)\s+/iu;
const ORDER = /^\s*(?:\d+|[IVXLC]+)[.)]?\s*$/u;
const NUMBERING = /^\s*\d+[.)]\s+/u;

/** The name a cell holds without order number or what follows a comma, then without the honorifics before it. */
function namesOf(cell: string): [string, string] {
  let s = cell.normalize('NFC').replace(NUMBERING, '').replace(/\s+/g, ' ').trim();
  s = s.split(/[,;(]/)[0]!.trim();
  s = s.replace(/^[-+*•–]\s*/u, '').trim();
  let bare = s;
  while (HONORIFIC.test(bare)) bare = bare.replace(HONORIFIC, '');
  return [s, bare.trim()];
}

/**
 * Each non-blank line matched: one person, several alike (choose), or none. `unitIds` tells the
 * units a cell may name (the unit matcher's answer), null when it names none.
 */
export function matchPastedList<P extends PastedPerson>(
  text: string,
  people: readonly P[],
  unitIds: (cell: string) => readonly string[] | null = () => null,
): Array<PastedLine<P>> {
  const byName = new Map<string, P[]>();
  for (const p of people) {
    const k = foldVi(p.fullName);
    const list = byName.get(k);
    if (list) list.push(p);
    else byName.set(k, [p]);
  }
  const out: Array<PastedLine<P>> = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i]!.split('\t').map((c) => c.trim()).filter((c) => c !== '' && !ORDER.test(c));
    if (cells.length === 0) continue;
    let names: [string, string] | null = null;
    let birth: string | null = null;
    let units: readonly string[] | null = null;
    for (const c of cells) {
      const date = parseDateVi(c);
      if (date) birth ??= date;
      else if (!names) names = namesOf(c);
      else units ??= unitIds(c);
    }
    if (!names || !names[1]) continue;
    const line = i + 1;
    // "Ông Văn Tùng" may be Mr Văn Tùng or a Mr Tùng of the Ông family: whoever the office has
    const whole = byName.get(foldVi(names[0]));
    const name = whole && names[0] !== names[1] ? names[0] : names[1];
    let cands = whole ?? byName.get(foldVi(names[1])) ?? [];
    // a birth date that differs is another person, even with the same name
    if (birth) cands = cands.filter((p) => p.birthDate === birth);
    if (units && cands.length > 1) {
      const inUnit = cands.filter((p) => p.unitId !== null && units.includes(p.unitId));
      if (inUnit.length > 0) cands = inUnit;
    }
    if (cands.length === 1) out.push({ line, name, person: cands[0]! });
    else if (cands.length > 1) out.push({ line, name, candidates: cands });
    else out.push({ line, name, missing: true });
  }
  return out;
}
