// The year-end grid's pure model: Excel clipboard parsing, paste mapping (words for ratings
// and marks, unrecognised cells reported, rows matched by name), type-ahead of rating codes.
import { describe, expect, it } from 'vitest';
import type { YearGridRow } from '../../../shared/contract/records';
import { parseAwardList, parseRatingWord } from '../../../shared/contract/records';
import { applyPaste, draftOf, parseClipboard, typeAhead } from '../../../renderer/features/awards/gridModel';

const title = (held = false, locked = false) => ({ held, locked, decisionNo: locked ? '20/QĐ' : '', decisionId: null });
const row = (fullName: string, over: Partial<YearGridRow> = {}): YearGridRow => ({
  staffId: fullName,
  fullName,
  birthDate: null,
  gender: null,
  unitId: 'u',
  unitName: 'Phòng A',
  rating: null,
  maternityLeave: false,
  underReview: false,
  titles: { LDTT: title(), CSTDCS: title() },
  registered: [],
  ...over,
});

describe('clipboard and paste', () => {
  it('parses Excel text: tabs, CRLF, quoted cells with newlines and quotes, no trailing empty row', () => {
    expect(parseClipboard('a\tb\r\nc\t"d\r\ne ""x"""\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd\ne "x"'],
    ]);
    expect(parseClipboard('HTXSNV')).toEqual([['HTXSNV']]);
  });

  it('applies rating words and marks from the active cell; unknown words are reported, locked titles kept', () => {
    const rows = [row('Nguyễn Văn An'), row('Trần Thị Bích'), row('Lê Văn Cường', { titles: { LDTT: title(true, true), CSTDCS: title() } })];
    const drafts = rows.map(draftOf);
    const out = applyPaste(rows, drafts, parseClipboard('Hoàn thành xuất sắc nhiệm vụ\t\t\tLĐTT\nxuất sắc\tx\tco\t✓\nGiỏi\t\t\t\n'), { row: 0, col: 0 });
    expect(out.drafts.map((d) => [d.rating, d.maternity, d.review, d.LDTT])).toEqual([
      ['HTXSNV', false, false, true],
      ['HTXSNV', true, true, true],
      [null, false, false, true],
    ]);
    expect(out.problems).toEqual([
      { row: 2, col: 'rating', value: 'Giỏi', kind: 'rating' },
      { row: 2, col: 'LDTT', value: '', kind: 'locked' },
    ]);
    expect(out.applied).toBe(10);
  });

  it('rows and columns beyond the grid are counted, not pasted', () => {
    const rows = [row('A B'), row('C D')];
    const out = applyPaste(rows, rows.map(draftOf), parseClipboard('x\tx\tx\nx\tx\tx\nx\tx\tx'), { row: 1, col: 3 });
    expect(out.drafts[1]).toMatchObject({ LDTT: true, CSTDCS: true });
    expect(out.extraRows).toBe(2);
    expect(out.extraCols).toBe(1);
  });

  it('a block copied with the names matches rows by name, in any order, skipping its header row', () => {
    const rows = [row('Nguyễn Văn An'), row('Trần Thị Bích')];
    const out = applyPaste(rows, rows.map(draftOf), parseClipboard('Họ và tên\tXếp loại\nTran Thi Bich\tHTTNV\nNguyễn Văn An\tKHTNV'), { row: 0, col: 0 });
    expect(out.byName).toBe(true);
    expect(out.drafts.map((d) => d.rating)).toEqual(['KHTNV', 'HTTNV']);
  });
});

describe('words', () => {
  it('type-ahead: codes by prefix, X/T/N shortcuts, digits', () => {
    expect(typeAhead('H')).toEqual({ rating: null, complete: false });
    expect(typeAhead('HT')).toEqual({ rating: null, complete: false });
    expect(typeAhead('htx').rating).toBe('HTXSNV');
    expect(typeAhead('HTT').rating).toBe('HTTNV');
    expect(typeAhead('HTN').rating).toBe('HTNV');
    expect(typeAhead('k').rating).toBe('KHTNV');
    expect(typeAhead('x').rating).toBe('HTXSNV');
    expect(typeAhead('t').rating).toBe('HTTNV');
    expect(typeAhead('2').rating).toBe('HTTNV');
    expect(typeAhead('q')).toEqual({ rating: null, complete: true });
  });

  it('rating and award words as offices write them', () => {
    expect(parseRatingWord('Hoàn thành xuất sắc nhiệm vụ')).toBe('HTXSNV');
    expect(parseRatingWord('hoan thanh tot nhiem vu')).toBe('HTTNV');
    expect(parseRatingWord('Không hoàn thành nhiệm vụ.')).toBe('KHTNV');
    expect(parseRatingWord('Giỏi')).toBeNull();
    expect(parseAwardList('LĐTT, CSTĐCS', false).map((x) => x.code)).toEqual(['LDTT', 'CSTDCS']);
    expect(parseAwardList('Chiến sĩ thi đua cấp bộ, ngành, tỉnh', false).map((x) => x.code)).toEqual(['CSTD_TINH']);
    expect(parseAwardList('Bằng khen của Chủ tịch UBND tỉnh', true).map((x) => x.code)).toEqual(['BK_TINH']);
    expect(parseAwardList('Kỷ niệm chương Vì sự nghiệp Lao động - Thương binh và Xã hội', true)).toEqual([
      { code: null, text: 'Kỷ niệm chương Vì sự nghiệp Lao động - Thương binh và Xã hội' },
    ]);
  });
});
