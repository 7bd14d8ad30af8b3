import { afterEach, describe, expect, it } from 'vitest';
import {
  amountInWords,
  compareViPersonName,
  foldQuery,
  matchesQuery,
  compareVi,
  foldVi,
  formatDateTimeVi,
  formatDateVi,
  formatInstantDateVi,
  localInstantVi,
  formatDocNumber,
  formatLongDateVi,
  formatPlaceDate,
  nfc,
  parseDateVi,
  toLetter,
  toRoman,
} from '../../../shared/text/vn';

describe('Vietnamese text helpers', () => {
  it('folds diacritics and đ for search', () => {
    expect(foldVi('Nguyễn Văn Á')).toBe('nguyen van a');
    expect(foldVi('ĐỖ THỊ ĐÀO')).toBe('do thi dao');
    // decomposed input (as some keyboards/Excel produce) folds the same
    expect(foldVi('Nguye\u0302\u0303n')).toBe('nguyen');
  });

  it('searches: the text as typed anywhere, or each word at the start of a word', () => {
    const m = (text: string, typed: string) => matchesQuery(foldVi(text), foldQuery(typed));
    // one word: anywhere, as before
    expect(m('Nguyễn Văn Thanh', 'uyen')).toBe(true);
    expect(m('Nguyễn Văn Thanh', 'an')).toBe(true);
    // several: as typed, or each starting a word, in any order
    expect(m('Nguyễn Văn An', 'uyen van')).toBe(true);
    expect(m('Nguyễn Văn An', 'nguyen an')).toBe(true);
    expect(m('Nguyễn Văn An', 'AN Nguyễn')).toBe(true);
    expect(m('Nguyễn Văn Thanh', 'nguyen an')).toBe(false);
    expect(m('Văn phòng (Sở Tài chính)', 'van phong tai chinh')).toBe(true);
    expect(m('Phòng Kế hoạch - Tài chính', 'ke tai')).toBe(true);
    expect(m('Phòng Kế hoạch - Tài chính', 'hoach chinh x')).toBe(false);
    // nothing typed: everything
    expect(m('Nguyễn Văn An', '  ')).toBe(true);
  });

  it('normalises to NFC', () => {
    const decomposed = 'Hoa\u0300ng';
    expect(decomposed).not.toBe('Hoàng');
    expect(nfc(decomposed)).toBe('Hoàng');
  });

  it('sorts with Vietnamese collation and by given name', () => {
    const words = ['Đào', 'Dung', 'Ân', 'An', 'Bình'];
    expect([...words].sort(compareVi)).toEqual(['An', 'Ân', 'Bình', 'Dung', 'Đào']);
    const names = ['Nguyễn Thị Bình', 'Trần Văn An', 'Lê Đức Anh'];
    expect([...names].sort(compareViPersonName)).toEqual(['Trần Văn An', 'Lê Đức Anh', 'Nguyễn Thị Bình']);
  });

  it('parses and formats dates', () => {
    expect(parseDateVi('05/03/1980')).toBe('1980-03-05');
    expect(parseDateVi('5/3/1980')).toBe('1980-03-05');
    expect(parseDateVi('1980-03-05')).toBe('1980-03-05');
    expect(parseDateVi('31/02/1985')).toBeNull();
    expect(parseDateVi('hôm qua')).toBeNull();
    expect(formatDateVi('2020-03-05')).toBe('05/03/2020');
  });

  it('writes the NĐ 30/2020 date line with leading zeros for day < 10 and months 1–2', () => {
    expect(formatLongDateVi({ day: 5, month: 3, year: 2020 })).toBe('ngày 05 tháng 3 năm 2020');
    expect(formatLongDateVi({ day: 15, month: 2, year: 2020 })).toBe('ngày 15 tháng 02 năm 2020');
    expect(formatPlaceDate('Thái Bình', { day: 5, month: 3, year: 2020 })).toBe('Thái Bình, ngày 05 tháng 3 năm 2020');
    expect(formatLongDateVi({ day: null, month: 1, year: 2022 })).toMatch(/^ngày\s+tháng 01 năm 2022$/);
  });

  it('numbers documents and sections', () => {
    expect(formatDocNumber(5, 'KH', 'SLĐTBXH')).toBe('Số: 05/KH-SLĐTBXH');
    expect(formatDocNumber(25, 'KH', 'SLĐTBXH')).toBe('Số: 25/KH-SLĐTBXH');
    expect(formatDocNumber(null, 'KH', 'SLĐTBXH')).toMatch(/^Số:\s+\/KH-SLĐTBXH$/);
    expect([1, 4, 9, 14].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV']);
    expect([1, 2, 5, 6, 7].map(toLetter)).toEqual(['a', 'b', 'đ', 'e', 'g']);
  });
});

describe('stored instants shown in local time', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('reads a UTC timestamp as the day and hour on this computer (Hà Nội: UTC+7)', () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    // 05:30 on 05/03 in Hà Nội is 22:30 the day before in UTC: slicing the text gave 04/03
    expect(formatDateTimeVi('2026-03-04T22:30:00.000Z')).toBe('05/03/2026 05:30');
    expect(formatInstantDateVi('2026-03-04T22:30:00.000Z')).toBe('05/03/2026');
    expect(localInstantVi('2026-12-31T17:00:09.000Z')).toEqual({ date: '01/01/2027', time: '00:00', seconds: '00:00:09' });
  });

  it('follows the zone: the same instant in UTC', () => {
    process.env.TZ = 'UTC';
    expect(formatDateTimeVi('2026-03-04T22:30:00.000Z')).toBe('04/03/2026 22:30');
  });

  it('leaves what is not an instant as it is, and nothing as nothing', () => {
    expect(formatDateTimeVi('chưa rõ')).toBe('chưa rõ');
    expect(localInstantVi('chưa rõ')).toBeNull();
    expect(formatInstantDateVi(null)).toBe('');
  });
});

describe('amounts in words (Bằng chữ)', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm lẻ năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1005, 'Một nghìn không trăm lẻ năm đồng'],
    [1015, 'Một nghìn không trăm mười lăm đồng'],
    [702000, 'Bảy trăm lẻ hai nghìn đồng'],
    [2340000, 'Hai triệu ba trăm bốn mươi nghìn đồng'],
    [7020000, 'Bảy triệu không trăm hai mươi nghìn đồng'],
    [1000005, 'Một triệu không trăm lẻ năm đồng'],
    [1000000000, 'Một tỷ đồng'],
    [1002003004, 'Một tỷ không trăm lẻ hai triệu không trăm lẻ ba nghìn không trăm lẻ bốn đồng'],
    [1200000000000, 'Một nghìn hai trăm tỷ đồng'],
  ])('%d → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });
});
