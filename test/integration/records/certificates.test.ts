// The certificates of a recorded award decision (records.certificates): one A4 landscape page per
// recipient, read back from the DOCX — the authority, TẶNG and the form or CHỨNG NHẬN and the
// title, Ông/Bà by the person's gender, position and unit, what it was given for, the decision's
// number and date, the place and date and the signer; pages in the order of the decision's list.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { all, attr, child, children, first, isOn, openDocx, wText } from '../../support/docx-xml';
import { OFFICE, testCore } from '../../support/core';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** The text of each printed page: paragraphs (table cells' too) split where a page break comes before one. */
function pagesOf(file: { base64: string }): string[][] {
  const { document } = openDocx(Buffer.from(file.base64, 'base64'));
  const out: string[][] = [];
  for (const el of children(first(document, 'w:body')!)) {
    if (el.tagName === 'w:sectPr') continue;
    if (out.length === 0 || (el.tagName === 'w:p' && isOn(child(el, 'w:pPr'), 'w:pageBreakBefore'))) out.push([]);
    for (const p of el.tagName === 'w:p' ? [el] : all(el, 'w:p')) {
      const t = wText(p);
      if (t) out[out.length - 1]!.push(t);
    }
  }
  return out;
}

async function office() {
  const core = await testCore({ today: '2026-01-05' });
  cores.push(core);
  const vp = (await core.invoke('units.create', { name: 'Văn phòng Sở' })).id;
  const centre = (await core.invoke('units.create', { name: 'Trung tâm Dịch vụ việc làm' })).id;
  const team = (await core.invoke('units.create', { name: 'Phòng Tư vấn', parentId: centre })).id;
  const person = async (fullName: string, unitId: string, extra: Record<string, unknown> = {}) => (await core.invoke('staff.create', { fullName, unitId, ...extra } as never)).id;
  return {
    core,
    vp,
    team,
    an: await person('Nguyễn Văn An', vp, { gender: 'nam', position: 'Chuyên viên' }),
    binh: await person('Trần Thị Bình', vp, { gender: 'nu' }),
    cuong: await person('Lê Cường', team),
  };
}

const AUTHORITY = `GIÁM ĐỐC ${OFFICE.name.toLocaleUpperCase('vi')}`;

describe('certificates of a decision', () => {
  it('a Giấy khen: a landscape page per recipient, people by unit and name, then collectives', async () => {
    const { core, an, binh, cuong, team } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: {
        number: '15/QĐ-SLĐTBXH',
        year: 2025,
        decisionDate: '05/01/2026',
        awardCode: 'GIAY_KHEN',
        signer: 'Lê Thị Hoa',
        recipients: [{ kind: 'unit', unitId: team }, { kind: 'person', staffId: binh }, { kind: 'person', staffId: cuong }, { kind: 'person', staffId: an }],
      } as never,
    });
    const file = await core.invoke('records.certificates', { id: d.id });
    expect(file.fileName).toBe('giay-khen-15-QD-SLDTBXH.docx');
    const pages = pagesOf(file);
    expect(pages).toHaveLength(4);
    const foot = ['Quyết định số: 15/QĐ-SLĐTBXH', 'ngày 05/01/2026', 'Số sổ vàng: ……', `${OFFICE.placeName}, ngày 05 tháng 01 năm 2026`, 'GIÁM ĐỐC', 'Lê Thị Hoa'];
    const head = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', AUTHORITY, 'TẶNG', 'GIẤY KHEN'];
    const given = 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025.';
    // "Phòng Tư vấn" sorts before "Văn phòng Sở"; in a unit, by given name
    expect(pages[0]).toEqual([...head, 'Ông/Bà Lê Cường', 'Phòng Tư vấn, Trung tâm Dịch vụ việc làm', given, ...foot]);
    expect(pages[1]).toEqual([...head, 'Ông Nguyễn Văn An', 'Chuyên viên, Văn phòng Sở', given, ...foot]);
    expect(pages[2]).toEqual([...head, 'Bà Trần Thị Bình', 'Văn phòng Sở', given, ...foot]);
    expect(pages[3]).toEqual([...head, 'Tập thể Phòng Tư vấn', 'Trung tâm Dịch vụ việc làm', given, ...foot]);

    const { sections, document } = openDocx(Buffer.from(file.base64, 'base64'));
    expect(sections).toHaveLength(1);
    expect(attr(child(sections[0], 'w:pgSz'), 'w:orient')).toBe('landscape');
    // one page each: every paragraph but a page's last keeps with the next
    const p = all(document, 'w:p').find((x) => wText(x) === 'Ông Nguyễn Văn An')!;
    expect(isOn(child(p, 'w:pPr'), 'w:keepNext')).toBe(true);
  });

  it('a title: CHỨNG NHẬN … Đạt danh hiệu; a campaign\'s award; without a number or date yet', async () => {
    const { core, an } = await office();
    const title = await core.invoke('records.saveDecision', {
      data: { number: '', year: 2025, awardCode: 'CSTDCS', recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    const file = await core.invoke('records.certificates', { id: title.id });
    expect(file.fileName).toBe('giay-khen-2025.docx');
    expect(pagesOf(file)).toEqual([
      [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        AUTHORITY,
        'CHỨNG NHẬN',
        'Ông Nguyễn Văn An',
        'Chuyên viên, Văn phòng Sở',
        'Đạt danh hiệu',
        'CHIẾN SĨ THI ĐUA CƠ SỞ',
        'Năm 2025',
        'Quyết định số: ……',
        'ngày …/…/……',
        'Số sổ vàng: ……',
        `${OFFICE.placeName}, ngày       tháng       năm 2025`,
        'GIÁM ĐỐC',
        OFFICE.headName,
      ],
    ]);

    const campaign = await core.invoke('campaigns.create', { name: 'Chung tay vì người nghèo', kind: 'chuyen_de', yearFrom: 2025, yearTo: 2025 } as never);
    const themed = await core.invoke('records.saveDecision', {
      data: { number: '20/QĐ-SLĐTBXH', year: 2025, decisionDate: '01/09/2025', awardCode: 'GIAY_KHEN', basis: 'chuyen_de', campaignId: campaign.id, recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    expect(pagesOf(await core.invoke('records.certificates', { id: themed.id }))[0]).toContain('Đã có thành tích xuất sắc trong phong trào thi đua “Chung tay vì người nghèo”.');
  });

  it('a superior\'s Bằng khen: in its issuer\'s name, the form for its level, signed by whom the decision records', async () => {
    const { core, an } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: { number: '2100/QĐ-UBND', year: 2025, decisionDate: '10/12/2025', issuer: 'Ủy ban nhân dân tỉnh Lào Cai', signer: 'Trịnh Văn Chiến', awardCode: 'BK_TINH', recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    const [page] = pagesOf(await core.invoke('records.certificates', { id: d.id }));
    expect(page!.slice(2, 5)).toEqual(['CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI', 'TẶNG', 'BẰNG KHEN']);
    expect(page!.slice(-3)).toEqual([`${OFFICE.placeName}, ngày 10 tháng 12 năm 2025`, 'CHỦ TỊCH', 'Trịnh Văn Chiến']);
  });

  it('refuses a decision with nobody on it, an unknown one, and one without the office profile, saying what to do', async () => {
    const { core } = await office();
    const empty = await core.invoke('records.saveDecision', { data: { number: '1/QĐ', year: 2025, awardCode: 'GIAY_KHEN', recipients: [] } as never });
    const r = await core.call('records.certificates', { id: empty.id });
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Thêm người được khen vào quyết định') });
    const unknown = await core.call('records.certificates', { id: 'khong-co' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const bare = await testCore({ office: false });
    cores.push(bare);
    const d = await bare.invoke('records.saveDecision', { data: { number: '1/QĐ', year: 2025, awardCode: 'GIAY_KHEN', recipients: [] } as never });
    const noOffice = await bare.call('records.certificates', { id: d.id });
    expect(!noOffice.ok && noOffice.error).toMatchObject({ code: 'OFFICE_NOT_SET', message: expect.stringContaining('Vào Cài đặt') });
  });
});
