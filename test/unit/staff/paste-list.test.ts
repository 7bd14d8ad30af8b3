// "Dán danh sách" in a decision: pasted names matched to the office's people.
import { describe, expect, it } from 'vitest';
import { matchPastedList } from '../../../shared/staff/paste-list';

const people = [
  { id: 'a', fullName: 'Nguyễn Văn An', unitId: 'vp', birthDate: '1980-03-05' },
  { id: 'a2', fullName: 'Nguyễn Văn An', unitId: 'tc', birthDate: '1990-01-02' },
  { id: 'b', fullName: 'Trần Thị Bích', unitId: 'vp', birthDate: null },
  { id: 'c', fullName: 'Lê Đức Cường', unitId: 'tc', birthDate: '1975-12-31' },
];
const units = (cell: string) => (/văn phòng/i.test(cell) ? ['vp'] : /tổ chức/i.test(cell) ? ['tc'] : null);
const shape = (text: string) =>
  matchPastedList(text, people, units).map((r) => ('person' in r ? [r.line, r.name, r.person.id] : 'candidates' in r ? [r.line, r.name, r.candidates.map((p) => p.id)] : [r.line, r.name, null]));

describe('matchPastedList', () => {
  it('reads names from lines of a Word list: numbering, honorifics and what follows a comma are not the name', () => {
    expect(shape('1. Bà Trần Thị Bích, Chuyên viên Văn phòng\n\n2. Ông Lê Đức Cường (Phòng Tổ chức)\n- đồng chí le duc cuong\nPhạm Văn Không')).toEqual([
      [1, 'Trần Thị Bích', 'b'],
      [3, 'Lê Đức Cường', 'c'],
      [4, 'le duc cuong', 'c'],
      [5, 'Phạm Văn Không', null],
    ]);
  });

  it('reads a table pasted from Excel or Word: order number, name, birth date, unit; namesakes told apart by them', () => {
    expect(shape('1\tNguyễn Văn An\t05/03/1980\tChuyên viên\n2\tNguyễn Văn An\t\tPhòng Tổ chức\n3\tNguyễn Văn An\n4\tNguyễn Văn An\t01/01/2000')).toEqual([
      [1, 'Nguyễn Văn An', 'a'],
      [2, 'Nguyễn Văn An', 'a2'],
      // nothing tells them apart: the user chooses
      [3, 'Nguyễn Văn An', ['a', 'a2']],
      // a birth date no namesake has is someone else
      [4, 'Nguyễn Văn An', null],
    ]);
  });

  it('a surname that is also an honorific (Ông) stays when the office has that name', () => {
    const withOng = [...people, { id: 'o', fullName: 'Ông Văn Tùng', unitId: 'vp', birthDate: null }];
    const r = matchPastedList('Ông Văn Tùng\nÔng Lê Đức Cường', withOng);
    expect(r.map((x) => ('person' in x ? [x.name, x.person.id] : [x.name, null]))).toEqual([
      ['Ông Văn Tùng', 'o'],
      ['Lê Đức Cường', 'c'],
    ]);
  });

  it('a unit cell that names no unit (a position) does not narrow, and a wrong birth date is not the one person of that name', () => {
    expect(shape('Trần Thị Bích\tTrưởng phòng\nLê Đức Cường\t01/01/1976')).toEqual([
      [1, 'Trần Thị Bích', 'b'],
      [2, 'Lê Đức Cường', null],
    ]);
  });
});
