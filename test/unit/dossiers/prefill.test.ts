import { describe, expect, it } from 'vitest';
import { achievementSummary, prefillReport, reportHasContent, type PrefillSubject } from '../../../shared/dossiers/prefill';
import { reportTemplate } from '../../../shared/dossiers/templates';
import { awardPhrase, proposalPhrase, superiorHead, danhSachTable, defaultAddressee, defaultBases, defaultTitle, fileSlug, nomineeCounts, type DossierDocInput } from '../../../shared/dossiers/documents';
import { decidingLevel, documentAwardName } from '../../../shared/awards';
import type { NomineeInfo } from '../../../shared/dossiers/model';

const person: PrefillSubject = {
  kind: 'person',
  name: 'Nguyễn Văn An',
  birthDate: '1980-03-05',
  gender: 'nam',
  position: 'Chánh văn phòng',
  unitName: 'Văn phòng',
  officeName: 'Sở Nội vụ tỉnh Lào Cai',
  years: [
    { year: 2023, rating: 'HTTNV' },
    { year: 2024, rating: 'HTXSNV' },
    { year: 2025, rating: 'HTXSNV' },
  ],
  awards: [
    { year: 2024, code: 'CSTDCS', label: 'CSTĐCS', kind: 'title', decisionNo: '12/QĐ-SNV', decisionDate: '2024-12-20', issuer: 'Giám đốc Sở Nội vụ' },
    { year: 2025, code: 'CSTDCS', label: 'CSTĐCS', kind: 'title', decisionNo: '15/QĐ-SNV', decisionDate: '2025-12-18', issuer: 'Giám đốc Sở Nội vụ' },
    { year: 2022, code: 'GIAY_KHEN', label: 'Giấy khen', kind: 'award', decisionNo: '', decisionDate: null, issuer: '' },
    { year: 2023, code: 'BK_TINH', label: 'Bằng khen tỉnh', kind: 'award', decisionNo: '30/QĐ-UBND', decisionDate: '2023-04-02', issuer: 'Ủy ban nhân dân tỉnh Lào Cai' },
    { year: 2021, code: 'BK_TINH', label: 'Bằng khen tỉnh', kind: 'award', decisionNo: '7/QĐ-BNV', decisionDate: '2021-05-10', issuer: 'Bộ Nội vụ' },
    { year: 2020, code: null, label: 'Huy hiệu Công đoàn', kind: 'other', decisionNo: '', decisionDate: null, issuer: 'Liên đoàn Lao động tỉnh' },
  ],
  initiatives: [{ year: 2025, title: 'Số hóa hồ sơ thi đua', kind: 'sang_kien', scope: 'co_so', recognizingBody: 'Hội đồng sáng kiến Sở', decisionNo: '20/QĐ-HĐSK' }],
};

describe('report pre-fill from the records', () => {
  it('fills the individual form: profile, ratings and initiatives, titles and awards tables', () => {
    const c = prefillReport(reportTemplate('nd98_2023.mau03')!, person, 2025);
    const by = new Map(c.sections.map((s) => [s.id, s]));
    expect(c.templateId).toBe('nd98_2023.mau03');
    expect(by.get('ly_lich')!.text).toContain('Họ và tên: Nguyễn Văn An');
    expect(by.get('ly_lich')!.text).toContain('Sinh ngày, tháng, năm: 05/03/1980');
    expect(by.get('ly_lich')!.text).toContain('Chức vụ (Đảng, chính quyền, đoàn thể): Chánh văn phòng');
    const t = by.get('thanh_tich')!.text;
    expect(t).toContain('- Năm 2024: Hoàn thành xuất sắc nhiệm vụ.');
    expect(t).toContain('Sáng kiến "Số hóa hồ sơ thi đua", phạm vi ảnh hưởng cấp cơ sở, được Hội đồng sáng kiến Sở công nhận năm 2025 (Quyết định số 20/QĐ-HĐSK).');
    // an official report writes each form in full (no "CSTĐCS"), a Bằng khen for its issuer's level
    expect(by.get('danh_hieu')!.rows).toEqual([
      ['2024', 'Chiến sĩ thi đua cơ sở', 'Quyết định số 12/QĐ-SNV ngày 20/12/2024 của Giám đốc Sở Nội vụ'],
      ['2025', 'Chiến sĩ thi đua cơ sở', 'Quyết định số 15/QĐ-SNV ngày 18/12/2025 của Giám đốc Sở Nội vụ'],
    ]);
    expect(by.get('hinh_thuc')!.rows).toEqual([
      ['2020', 'Huy hiệu Công đoàn', 'Quyết định của Liên đoàn Lao động tỉnh'],
      ['2021', 'Bằng khen của Bộ trưởng', 'Quyết định số 7/QĐ-BNV ngày 10/05/2021 của Bộ Nội vụ'],
      ['2022', 'Giấy khen', 'Quyết định'],
      ['2023', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Quyết định số 30/QĐ-UBND ngày 02/04/2023 của Ủy ban nhân dân tỉnh Lào Cai'],
    ]);
    expect(by.get('phan_2')!.text).toBe('');
    expect(reportHasContent(c)).toBe(true);
    expect(reportHasContent({ templateId: 'x', sections: [{ id: 'a', text: '… \n…', rows: [] }] })).toBe(false);
  });

  it('summarises the achievements for the danh sách', () => {
    expect(achievementSummary(person, 2025)).toBe(
      '02 năm liên tục hoàn thành xuất sắc nhiệm vụ (2024–2025); Chiến sĩ thi đua cơ sở năm 2024, 2025; Giấy khen năm 2022; Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2023; Bằng khen của Bộ trưởng năm 2021; 01 sáng kiến, đề tài cấp cơ sở',
    );
    expect(achievementSummary({ ...person, years: [{ year: 2025, rating: 'HTTNV' }], awards: [], initiatives: [] }, 2025)).toBe('Năm 2025 hoàn thành tốt nhiệm vụ');
  });
});

describe('document helpers', () => {
  const n = (over: Partial<NomineeInfo>): NomineeInfo => ({
    id: 'x',
    kind: 'person',
    subjectId: 's',
    awardCode: 'BK_TINH',
    name: 'A',
    position: '',
    unitName: '',
    summary: '',
    votesAgree: null,
    votesTotal: null,
    birthDate: null,
    gender: null,
    ...over,
  });

  it('danh sách rows: one per nominee; group rows only when individuals and collectives mix', () => {
    expect(danhSachTable([n({ id: 'a' }), n({ id: 'b' })]).rows).toHaveLength(2);
    const mixed = danhSachTable([n({ id: 'a' }), n({ id: 'u', kind: 'unit', name: 'Văn phòng' })]);
    expect(mixed.rows.map((r) => (r.group ? 'G' : r.cells[1]![0]!.text))).toEqual(['G', 'A', 'G', 'Văn phòng']);
    expect(nomineeCounts([n({}), n({}), n({ kind: 'unit' })])).toBe('02 cá nhân và 01 tập thể');
  });

  it('addressee by the deciding authority; bases end with a full stop', () => {
    const office = { name: 'Sở Nội vụ', placeName: 'Lào Cai', headTitle: 'Giám đốc', superiorName: 'UBND tỉnh Lào Cai' };
    expect(defaultAddressee('BK_TINH', '2025-11-01', office)).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lào Cai');
    expect(defaultAddressee('BK_TTG', '2025-11-01', office)).toBe('Thủ tướng Chính phủ');
    // the President is proposed to by the Prime Minister only
    expect(defaultAddressee('HCLD_HANG_BA', '2025-11-01', office)).toBe('Thủ tướng Chính phủ');
    // a unit under a Sở or a xã ("Đơn vị cơ sở") sends what its head cannot decide to its
    // superior's head; a xã or a Sở addresses the province itself
    const unit = { name: 'Trung tâm Dịch vụ việc làm', placeName: 'Lào Cai', headTitle: 'Giám đốc', superiorName: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'co_so' };
    expect(defaultAddressee('BK_TINH', '2025-11-01', unit)).toBe('Giám đốc Sở Nội vụ tỉnh Lào Cai');
    expect(defaultAddressee('HCLD_HANG_BA', '2025-11-01', unit)).toBe('Giám đốc Sở Nội vụ tỉnh Lào Cai');
    expect(defaultAddressee('CSTDCS', '2025-11-01', unit)).toBe('Giám đốc Trung tâm Dịch vụ việc làm');
    expect(defaultAddressee('BK_TINH', '2025-11-01', { ...unit, superiorName: 'UBND xã Bát Xát' })).toBe('Chủ tịch Ủy ban nhân dân xã Bát Xát');
    expect(defaultAddressee('BK_TINH', '2025-11-01', { ...unit, name: 'Phòng Nội vụ xã Sa Pa', levelCode: 'xa' })).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lào Cai');
    expect(superiorHead('UBND tỉnh Lào Cai')).toBe('Chủ tịch Ủy ban nhân dân tỉnh Lào Cai');
    expect(superiorHead('Bộ Nội vụ')).toBe('Bộ trưởng Bộ Nội vụ');
    expect(superiorHead('Hội Nông dân tỉnh')).toBe('');
    expect(superiorHead('')).toBe('');
    expect(defaultAddressee('CSTDCS', '2025-11-01', office)).toBe('Giám đốc Sở Nội vụ');
    const input = {
      office: { ...office, parentAgency: '', abbreviation: 'SNV', headName: '' },
      today: '2025-11-20',
      docDate: null,
      campaignName: 'Thi đua yêu nước',
      meeting: { date: '2025-11-18' },
    } as unknown as DossierDocInput;
    const bases = defaultBases(input);
    expect(bases[0]).toContain('Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(bases[bases.length - 1]).toBe('Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Sở Nội vụ ngày 18/11/2025.');
    expect(bases.slice(0, -1).every((b) => b.endsWith(';'))).toBe(true);
  });

  it('a consolidated dossier cites the offices\' tờ trình, one by one up to three, together beyond', () => {
    const base = { office: { name: 'Sở Nội vụ' }, today: '2025-12-01', docDate: '2025-12-01', campaignName: '', meeting: { date: '2025-12-05' } };
    const proposal = (k: number) => ({ office: `Phòng Nội vụ xã ${k}`, docNumber: k, abbreviation: `PNV${k}`, docDate: k === 2 ? null : '2025-11-20' });
    const three = defaultBases({ ...base, proposals: [1, 2, 3].map(proposal) } as unknown as DossierDocInput);
    expect(three.filter((b) => b.startsWith('Căn cứ Tờ trình'))).toEqual([
      'Căn cứ Tờ trình số 01/TTr-PNV1 ngày 20/11/2025 của Phòng Nội vụ xã 1;',
      'Căn cứ Tờ trình số 02/TTr-PNV2 của Phòng Nội vụ xã 2;',
      'Căn cứ Tờ trình số 03/TTr-PNV3 ngày 20/11/2025 của Phòng Nội vụ xã 3;',
    ]);
    const four = defaultBases({ ...base, proposals: [1, 2, 3, 4].map(proposal) } as unknown as DossierDocInput);
    expect(four.filter((b) => b.startsWith('Căn cứ Tờ trình'))).toEqual(['Căn cứ Tờ trình đề nghị khen thưởng của 4 cơ quan, đơn vị;']);
    expect(four[four.length - 1]).toBe('Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Sở Nội vụ ngày 05/12/2025.');
  });

  it('names a "cấp bộ, ngành, tỉnh" form for the level the dossier goes to', () => {
    expect(decidingLevel('Chủ tịch Ủy ban nhân dân tỉnh Lào Cai')).toBe('tinh');
    expect(decidingLevel('UBND tỉnh')).toBe('tinh');
    expect(decidingLevel('Chủ tịch Ủy ban nhân dân thành phố Hà Nội')).toBe('tinh');
    expect(decidingLevel('Bộ trưởng Bộ Nội vụ')).toBe('bo');
    expect(decidingLevel('BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe('bo');
    expect(decidingLevel('Giám đốc Sở Nội vụ')).toBeNull();
    expect(decidingLevel('Thủ tướng Chính phủ')).toBeNull();
    expect(decidingLevel('')).toBeNull();
    expect(awardPhrase('BK_TINH', 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai')).toBe('tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(awardPhrase('BK_TINH', 'Bộ trưởng Bộ Nội vụ')).toBe('tặng Bằng khen của Bộ trưởng');
    // addressee unknown: the catalogue's name, both levels
    expect(awardPhrase('BK_TINH', '')).toBe('tặng Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng');
    expect(awardPhrase('CSTD_TINH', 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai')).toBe('tặng danh hiệu "Chiến sĩ thi đua cấp tỉnh"');
    expect(awardPhrase('CSTDCS', 'Bộ trưởng Bộ Nội vụ')).toBe('tặng danh hiệu "Chiến sĩ thi đua cơ sở"');
    expect(defaultTitle('BK_TTG', 2025, 'Thủ tướng Chính phủ')).toBe('Đề nghị tặng Bằng khen của Thủ tướng Chính phủ năm 2025');
    expect(documentAwardName('CO_THI_DUA_TINH', 'bo')).toBe('Cờ thi đua cấp bộ');
  });

  it('asks the addressee to award what is theirs to decide, and to pass the rest up the ladder', () => {
    const province = 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai';
    expect(proposalPhrase('BK_TINH', province)).toBe('tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(proposalPhrase('BK_TTG', province)).toBe('đề nghị Thủ tướng Chính phủ tặng Bằng khen');
    expect(proposalPhrase('CSTD_TOAN_QUOC', 'Bộ trưởng Bộ Nội vụ')).toBe('đề nghị Thủ tướng Chính phủ tặng danh hiệu "Chiến sĩ thi đua toàn quốc"');
    expect(proposalPhrase('CO_THI_DUA_CP', province)).toBe('đề nghị Thủ tướng Chính phủ tặng danh hiệu "Cờ thi đua của Chính phủ"');
    expect(proposalPhrase('HCLD_HANG_BA', province)).toBe('trình Thủ tướng Chính phủ đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba');
    expect(proposalPhrase('BK_TTG', 'Thủ tướng Chính phủ')).toBe('tặng Bằng khen của Thủ tướng Chính phủ');
    expect(proposalPhrase('HCLD_HANG_BA', 'Thủ tướng Chính phủ')).toBe('trình Chủ tịch nước tặng Huân chương Lao động hạng Ba');
    expect(proposalPhrase('HCLD_HANG_BA', 'Chủ tịch nước')).toBe('tặng Huân chương Lao động hạng Ba');
    expect(proposalPhrase('CSTDCS', province)).toBe('tặng danh hiệu "Chiến sĩ thi đua cơ sở"');
    // from below the province: a Sở's director, a school's head, a xã's chairman ask the province
    // (or the ministry the text names); further up, "cấp có thẩm quyền"
    expect(proposalPhrase('BK_TINH', 'Giám đốc Sở Nội vụ tỉnh Lào Cai')).toBe('đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen');
    expect(proposalPhrase('CSTD_TINH', 'Hiệu trưởng Trường Trung cấp nghề')).toBe('đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng danh hiệu "Chiến sĩ thi đua cấp tỉnh"');
    expect(proposalPhrase('BK_TINH', 'Chủ tịch Ủy ban nhân dân xã Bát Xát')).toBe('đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen');
    expect(proposalPhrase('BK_TINH', 'Cục trưởng Cục Việc làm, Bộ Nội vụ')).toBe('đề nghị Bộ trưởng tặng Bằng khen');
    expect(proposalPhrase('BK_TTG', 'Giám đốc Sở Nội vụ')).toBe('trình cấp có thẩm quyền tặng Bằng khen của Thủ tướng Chính phủ');
    // what the head of the office decides is asked as it is
    expect(proposalPhrase('CSTDCS', 'Giám đốc Sở Nội vụ')).toBe('tặng danh hiệu "Chiến sĩ thi đua cơ sở"');
    // an addressee the text does not place: as before
    expect(proposalPhrase('BK_TTG', 'Hội đồng Thi đua - Khen thưởng')).toBe('tặng Bằng khen của Thủ tướng Chính phủ');
  });

  it('file names: ASCII, cut after a whole word', () => {
    expect(fileSlug('Nguyễn Văn Đức')).toBe('Nguyen-Van-Duc');
    expect(fileSlug('Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025', 40)).toBe('De-nghi-tang-Bang-khen-cua-Chu-tich-Uy');
    expect(fileSlug('abc-def', 7)).toBe('abc-def');
    expect(fileSlug('abc-defg', 7)).toBe('abc');
    expect(fileSlug('abcdefghij', 4)).toBe('abcd');
    expect(fileSlug('!!!')).toBe('tep');
  });
});
