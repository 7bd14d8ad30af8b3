// An agency's head as official documents name them, from the agency's name as users type it.
import { describe, expect, it } from 'vitest';
import { agencyHead, councilOf, officeHeadTitle } from '../../../shared/documents/agency';

const head = (name: string) => {
  const h = agencyHead(name);
  return h && [h.agency, h.title, h.authority, h.numberSuffix];
};

describe('agencyHead', () => {
  it('names the head of the agencies an office deals with', () => {
    expect(head('UBND tỉnh Lào Cai')).toEqual(['Ủy ban nhân dân tỉnh Lào Cai', 'Chủ tịch', 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai', 'UBND']);
    expect(head('Sở Nội vụ tỉnh Lào Cai')).toEqual(['Sở Nội vụ tỉnh Lào Cai', 'Giám đốc', 'Giám đốc Sở Nội vụ tỉnh Lào Cai', '']);
    expect(head('Bộ Nội vụ')).toEqual(['Bộ Nội vụ', 'Bộ trưởng', 'Bộ trưởng Bộ Nội vụ', '']);
    expect(head('Cục Việc làm')?.[2]).toBe('Cục trưởng Cục Việc làm');
    expect(head('Tổng cục Giáo dục nghề nghiệp')?.[2]).toBe('Tổng cục trưởng Tổng cục Giáo dục nghề nghiệp');
    expect(head('Chi cục Phát triển nông thôn')?.[2]).toBe('Chi cục trưởng Chi cục Phát triển nông thôn');
    expect(head('Ban Thi đua - Khen thưởng tỉnh')?.slice(1, 3)).toEqual(['Trưởng ban', 'Trưởng Ban Thi đua - Khen thưởng tỉnh']);
    expect(head('Thanh tra tỉnh')?.slice(1, 3)).toEqual(['Chánh Thanh tra', 'Chánh Thanh tra tỉnh']);
    expect(head('Phòng Nội vụ huyện Bát Xát')?.slice(1, 3)).toEqual(['Trưởng phòng', 'Trưởng Phòng Nội vụ huyện Bát Xát']);
    expect(head('Trường Cao đẳng Lào Cai')?.[2]).toBe('Hiệu trưởng Trường Cao đẳng Lào Cai');
    expect(head('Trung tâm Dịch vụ việc làm')?.[2]).toBe('Giám đốc Trung tâm Dịch vụ việc làm');
    expect(head('Liên đoàn Lao động tỉnh')?.[2]).toBe('Chủ tịch Liên đoàn Lao động tỉnh');
    expect(head('Công an tỉnh Lào Cai')?.[2]).toBe('Giám đốc Công an tỉnh Lào Cai');
    expect(head('Bảo hiểm xã hội tỉnh')?.[2]).toBe('Giám đốc Bảo hiểm xã hội tỉnh');
    expect(head('Tòa án nhân dân tỉnh Lào Cai')?.[2]).toBe('Chánh án Tòa án nhân dân tỉnh Lào Cai');
    expect(head('Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh')?.[2]).toBe('Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh');
    // a military command is not a ministry, nor an ordinary Ban
    expect(head('Bộ Chỉ huy Quân sự tỉnh')?.[2]).toBe('Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh');
    expect(head('Ban Chỉ huy Quân sự xã')?.[1]).toBe('Chỉ huy trưởng');
    expect(head('Ban Thường vụ Tỉnh ủy')?.[1]).toBe('Bí thư');
  });

  it('takes the head off a name typed with it, and writes UBND out', () => {
    expect(head('Chủ tịch UBND tỉnh Lào Cai')).toEqual(['Ủy ban nhân dân tỉnh Lào Cai', 'Chủ tịch', 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai', 'UBND']);
    expect(head('  Giám đốc   Sở Lao động - Thương binh và Xã hội ')?.[0]).toBe('Sở Lao động - Thương binh và Xã hội');
    // a decomposed name (typed on a Mac, pasted from a PDF) comes out composed
    expect(head('Ủy ban nhân dân huyện Bát Xát'.normalize('NFD'))?.[2]).toBe('Chủ tịch Ủy ban nhân dân huyện Bát Xát');
  });

  it('the Prime Minister and the President are their own authority, not "Thủ trưởng" of it', () => {
    expect(head('Thủ tướng Chính phủ')).toEqual(['Thủ tướng Chính phủ', 'Thủ tướng', 'Thủ tướng Chính phủ', 'TTg']);
    expect(head('Thủ tướng')?.[2]).toBe('Thủ tướng Chính phủ');
    expect(head('Chủ tịch nước')).toEqual([
      'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      'Chủ tịch nước',
      'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      'CTN',
    ]);
    expect(agencyHead('Thủ tướng Chính phủ')?.officeChief).toBe('Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ');
    // the central agencies date their documents in Hà Nội; the others where the office is
    expect(['Thủ tướng Chính phủ', 'Chủ tịch nước', 'Bộ Nội vụ', 'UBND tỉnh Lào Cai'].map((n) => agencyHead(n)?.place)).toEqual(['Hà Nội', 'Hà Nội', 'Hà Nội', '']);
  });

  it('null when the name does not tell who heads it', () => {
    expect(agencyHead('Công ty cổ phần Việt Hưng')).toBeNull();
    expect(agencyHead('')).toBeNull();
  });

  it('the office signs with its profile title, else the one its name tells', () => {
    expect(officeHeadTitle({ name: 'Sở Nội vụ', headTitle: ' Quyền Giám đốc ' })).toBe('Quyền Giám đốc');
    expect(officeHeadTitle({ name: 'Sở Nội vụ', headTitle: '' })).toBe('Giám đốc');
    expect(officeHeadTitle({ name: 'UBND xã Bát Xát', headTitle: '' })).toBe('Chủ tịch');
    expect(officeHeadTitle({ name: 'Công ty Việt Hưng', headTitle: '' })).toBe('Thủ trưởng cơ quan');
  });

  it('councilOf: an Ủy ban nhân dân\'s council is named for its place, any other office\'s for the office', () => {
    expect(councilOf('Ủy ban nhân dân xã Tả Phìn')).toBe('xã Tả Phìn');
    expect(councilOf('UBND phường Sa Pa')).toBe('phường Sa Pa');
    expect(councilOf('Sở Nội vụ tỉnh Lào Cai')).toBe('Sở Nội vụ tỉnh Lào Cai');
    expect(councilOf('Trường THPT số 1')).toBe('Trường THPT số 1');
  });
});
