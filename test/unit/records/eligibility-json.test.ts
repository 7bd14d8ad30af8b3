// `tdkt eligibility --json`: each distinct candidate is written once and shared, yet every line is
// what stringifying the subject with its candidates and items written out gives.
import { describe, expect, it } from 'vitest';
import type { EligibilityView } from '../../../shared/contract/records';
import { writeViewJson } from '../../../electron/services/records/cli';

const item = (message: string, passed: boolean) => ({ ruleId: 'r', basis: 'Luật TĐKT 2022, Điều 24', verified: true, passed, message, ...(passed ? {} : { missing: message }) });
const subject = (id: string, name: string, candidates: number[]) => ({
  kind: 'individual' as const,
  id,
  name,
  unitId: 'u1',
  unitName: 'Văn phòng',
  birthDate: null,
  gender: 'nu' as const,
  candidates,
  registered: [],
});

const view = {
  year: 2025,
  unitName: 'Sở Nội vụ',
  counts: { LDTT: { du_dieu_kien: 2, gan_du: 1, chua_du: 0 } },
  unrated: 0,
  // a "$&" and a quoted key inside a message must come out as written
  items: [item('Năm 2025 xếp loại HTTNV', true), item('chưa có xếp loại "candidates":0 $& $1', false)],
  candidates: [
    { code: 'LDTT', name: 'Lao động tiên tiến', verdict: 'du_dieu_kien', verified: true, missingCount: 0, items: [0] },
    { code: 'LDTT', name: 'Lao động tiên tiến', verdict: 'gan_du', verified: true, missingCount: 1, items: [1, 0] },
  ],
  people: [subject('a', 'Nguyễn Văn An', [0]), subject('b', 'Trần Thị "Bích"', [1]), subject('c', 'Lê Văn Cường', [0])],
  units: [],
  total: { people: 3, units: 0 },
  window: null,
} as unknown as EligibilityView;

describe('tdkt eligibility --json', () => {
  it('writes a subject a line, the same as expanding and stringifying it, shared candidates included', () => {
    const lines: string[] = [];
    writeViewJson(view, (s) => lines.push(s));
    const expand = (s: EligibilityView['people'][number]) =>
      JSON.stringify({ ...s, candidates: s.candidates.map((i) => ({ ...view.candidates[i]!, items: view.candidates[i]!.items.map((k) => view.items[k]!) })) });
    const people = lines.filter((l) => l.startsWith('    {'));
    expect(people).toEqual(view.people.map((s, i) => `    ${expand(s)}${i < view.people.length - 1 ? ',' : ''}`));
    const parsed = JSON.parse(lines.join('\n')) as { people: Array<{ name: string; candidates: Array<{ verdict: string; items: Array<{ message: string }> }> }>; units: unknown[] };
    expect(parsed.people.map((p) => p.name)).toEqual(['Nguyễn Văn An', 'Trần Thị "Bích"', 'Lê Văn Cường']);
    expect(parsed.people[1]!.candidates[0]!.items.map((i) => i.message)).toEqual(['chưa có xếp loại "candidates":0 $& $1', 'Năm 2025 xếp loại HTTNV']);
    expect(parsed.people[2]!.candidates).toEqual(parsed.people[0]!.candidates);
    expect(parsed.units).toEqual([]);
  });
});
