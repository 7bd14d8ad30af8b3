// A task's "Người phụ trách": a person by label, by a name only one person has, or text.
import { describe, expect, it } from 'vitest';
import { resolveResponsible, type ResponsibleChoice } from '../../../renderer/features/tasks/responsible';

const people: ResponsibleChoice[] = [
  { id: 'a1', label: 'Nguyễn Văn An — Văn phòng (Sở Y tế) — 12/03/1980', fullName: 'Nguyễn Văn An' },
  { id: 'a2', label: 'Nguyễn Văn An — Văn phòng (Sở Tài chính) — 01/01/1975', fullName: 'Nguyễn Văn An' },
  { id: 'b1', label: 'Lê Thị Bình — Phòng Kế hoạch - Tài chính', fullName: 'Lê Thị Bình' },
];

describe('resolveResponsible', () => {
  it('a picked label is that person, also among namesakes', () => {
    expect(resolveResponsible(people[1]!.label, null, people)).toEqual({ staffId: 'a2', name: '' });
    expect(resolveResponsible(`  ${people[0]!.label} `, null, people)).toEqual({ staffId: 'a1', name: '' });
  });

  it('a name is a person only when one person has it', () => {
    expect(resolveResponsible('Lê Thị Bình', null, people)).toEqual({ staffId: 'b1', name: '' });
    expect(resolveResponsible('Nguyễn Văn An', null, people)).toEqual({ staffId: null, name: 'Nguyễn Văn An' });
  });

  it("the task's person stays while the field shows their name or label, even if retired (not offered)", () => {
    expect(resolveResponsible('Nguyễn Văn An', { id: 'a2', label: null, fullName: 'Nguyễn Văn An' }, people)).toEqual({ staffId: 'a2', name: '' });
    expect(resolveResponsible('Trần Văn Cũ — Văn phòng', { id: 'r9', label: 'Trần Văn Cũ — Văn phòng', fullName: 'Trần Văn Cũ' }, people)).toEqual({ staffId: 'r9', name: '' });
    expect(resolveResponsible('Trần Văn Cũ', { id: 'r9', label: null, fullName: 'Trần Văn Cũ' }, [])).toEqual({ staffId: 'r9', name: '' });
    // replaced by another name: that name decides
    expect(resolveResponsible('Lê Thị Bình', { id: 'a2', label: null, fullName: 'Nguyễn Văn An' }, people)).toEqual({ staffId: 'b1', name: '' });
  });

  it('anything else is kept as typed; an empty field is no one', () => {
    expect(resolveResponsible(' Tổ công tác TĐKT ', null, people)).toEqual({ staffId: null, name: 'Tổ công tác TĐKT' });
    expect(resolveResponsible('   ', { id: 'a1', label: null, fullName: 'Nguyễn Văn An' }, people)).toEqual({ staffId: null, name: '' });
  });
});
