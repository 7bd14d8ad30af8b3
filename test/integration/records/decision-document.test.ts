// A recorded award decision drafted as the QUYẾT ĐỊNH its head signs (records.decisionDocument):
// read back from the DOCX — the authority, the bases in force on its date, the articles, Nơi
// nhận, the signer, and the list of recipients in order as its appendix.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { docxPlainText } from '../../../electron/services/documents/docx-text';
import { decisionAuthority, decisionBases } from '../../../electron/services/records/decision-document';
import { OFFICE, testCore } from '../../support/core';
import { decisionOffice } from './helpers';
import { readBook, sheetRows } from '../../support/xlsx';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

const office = () => decisionOffice(cores);

const textOf = (file: { base64: string }) => docxPlainText(Buffer.from(file.base64, 'base64'));

describe('decision drafted as a QUYẾT ĐỊNH', () => {
  it('a title recognised: header, bases of its date, articles, signer and the list in order', async () => {
    const { core, an, binh, cuong } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: {
        number: '15/QĐ-SLĐTBXH',
        year: 2025,
        decisionDate: '20/12/2025',
        awardCode: 'LDTT',
        signer: 'Lê Thị Hoa',
        recipients: [{ kind: 'person', staffId: cuong }, { kind: 'person', staffId: binh }, { kind: 'person', staffId: an }],
      } as never,
    });
    const file = await core.invoke('records.decisionDocument', { id: d.id });
    expect(file.fileName).toBe('quyet-dinh-15-QD-SLDTBXH.docx');
    const text = textOf(file);
    const lines = text.split('\n');
    expect(text).toContain('Số: 15/QĐ-SLĐTBXH');
    expect(text).toContain('Lào Cai, ngày 20 tháng 12 năm 2025');
    expect(text).toContain('QUYẾT ĐỊNH\nVề việc công nhận danh hiệu “Lao động tiên tiến” năm 2025');
    const at = lines.indexOf(`GIÁM ĐỐC ${OFFICE.name.toLocaleUpperCase('vi')}`);
    expect(at).toBeGreaterThan(0);
    // the bases in force on 20/12/2025 (NĐ 152/2025), then the council's proposal
    expect(lines.slice(at + 1, at + 6)).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
      `Căn cứ chức năng, nhiệm vụ, quyền hạn của ${OFFICE.name};`,
      `Theo đề nghị của Hội đồng Thi đua - Khen thưởng ${OFFICE.name}.`,
      'QUYẾT ĐỊNH:',
    ]);
    expect(lines[at + 6]).toBe('Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho 3 cá nhân (có danh sách kèm theo).');
    expect(lines[at + 7]).toMatch(/^Điều 2\. Tiền thưởng kèm theo thực hiện theo quy định hiện hành/);
    expect(lines[at + 8]).toMatch(/^Điều 3\. Quyết định này có hiệu lực kể từ ngày ký\./);
    expect(text).toContain('Như Điều 3');
    expect(text).toContain('Lưu: VT, SLĐTBXH.');
    expect(text).toContain('Lê Thị Hoa');
    // the appendix: people by unit, then name
    expect(text).toContain('(Kèm theo Quyết định số 15/QĐ-SLĐTBXH ngày 20/12/2025 của Giám đốc');
    const rows = lines.filter((l) => /^\d+\t/.test(l));
    expect(rows).toEqual(['1\tTrần Thị Bình\tPhòng Người có công', '2\tNguyễn Văn An\tVăn phòng Sở', '3\tLê Văn Cường\tVăn phòng Sở']);
  });

  it('a form given, without a number yet, with cash and a collective; bases of an older date', async () => {
    const { core, an, ncc } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: {
        year: 2023,
        decisionDate: '10/08/2023',
        otherForm: 'Giấy khen của Giám đốc Sở',
        basis: 'dot_xuat',
        recipients: [
          { kind: 'unit', unitId: ncc, cashAmount: 2_000_000 },
          { kind: 'person', staffId: an, cashAmount: 500_000 },
        ],
      } as never,
    });
    const file = await core.invoke('records.decisionDocument', { id: d.id });
    expect(file.fileName).toBe('quyet-dinh-khen-thuong-2023.docx');
    const text = textOf(file);
    expect(text).toMatch(/Số:\s+\/QĐ-SLĐTBXH/);
    expect(text).toContain('Về việc tặng Giấy khen của Giám đốc Sở');
    expect(text).toContain('Căn cứ Nghị định số 91/2017/NĐ-CP');
    expect(text).toContain('Điều 1. Tặng Giấy khen của Giám đốc Sở cho 1 cá nhân và 1 tập thể (có danh sách kèm theo) đã có thành tích xuất sắc đột xuất.');
    expect(text).toMatch(/Điều 2\. Tiền thưởng kèm theo \(mức cụ thể theo danh sách kèm theo\)/);
    expect(text).toContain('(Kèm theo Quyết định số …… ngày 10/08/2023');
    expect(text.split('\n').filter((l) => /^\d+\t/.test(l))).toEqual(['1\tNguyễn Văn An\tVăn phòng Sở\t500.000', '2\tPhòng Người có công\tTập thể\t2.000.000']);
  });

  it('names a unit another unit shares with its parent, a collective with the unit above it', async () => {
    const { core } = await office();
    const centre = (await core.invoke('units.create', { name: 'Trung tâm Dịch vụ' })).id;
    const team = (await core.invoke('units.create', { name: 'Tổ 1', parentId: centre })).id;
    await core.invoke('units.create', { name: 'Tổ 1' });
    const dung = (await core.invoke('staff.create', { fullName: 'Phạm Văn Dũng', unitId: team })).id;
    const d = await core.invoke('records.saveDecision', {
      data: { number: '16/QĐ-SLĐTBXH', year: 2025, decisionDate: '20/12/2025', awardCode: 'TT_LDTT', recipients: [{ kind: 'unit', unitId: team }] } as never,
    });
    const p = await core.invoke('records.saveDecision', {
      data: { number: '17/QĐ-SLĐTBXH', year: 2025, decisionDate: '20/12/2025', awardCode: 'LDTT', recipients: [{ kind: 'person', staffId: dung }] } as never,
    });
    const rows = async (id: string) => textOf(await core.invoke('records.decisionDocument', { id })).split('\n').filter((l) => /^\d+\t/.test(l));
    expect(await rows(d.id)).toEqual(['1\tTổ 1\tTập thể thuộc Trung tâm Dịch vụ']);
    expect(await rows(p.id)).toEqual(['1\tPhạm Văn Dũng\tTổ 1 (Trung tâm Dịch vụ)']);
  });

  it('a superior\'s decision the office drafts: in the issuer\'s name, the form for its level, on the office\'s proposal', async () => {
    const { core, an } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: { number: '', year: 2025, decisionDate: '10/12/2025', issuer: 'UBND tỉnh Lào Cai', awardCode: 'BK_TINH', recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    const text = textOf(await core.invoke('records.decisionDocument', { id: d.id }));
    const lines = text.split('\n');
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(text).not.toContain(OFFICE.name.toLocaleUpperCase('vi'));
    expect(text).toMatch(/Số: +\/QĐ-UBND/);
    expect(text).toContain('Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    const at = lines.indexOf('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(at).toBeGreaterThan(0);
    // an Ủy ban nhân dân cites the law it is organised by (in force on 10/12/2025), not its functions
    expect(lines.slice(at + 1, at + 6)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      expect.stringMatching(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP ngày 14 tháng 6 năm 2025 /),
      `Theo đề nghị của Giám đốc ${OFFICE.name}.`,
      'QUYẾT ĐỊNH:',
    ]);
    expect(text).toContain(`Chánh Văn phòng Ủy ban nhân dân tỉnh Lào Cai, Giám đốc ${OFFICE.name}, Thủ trưởng các cơ quan, đơn vị có liên quan`);
    expect(text).toContain('(Kèm theo Quyết định số …… ngày 10/12/2025 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)');
    // the office's head does not sign a superior's decision
    expect(text).not.toContain(OFFICE.headName);
    expect(text).toContain('Lưu: VT.');
  });

  it('the Prime Minister\'s decision: its own authority and number, never "Thủ trưởng Thủ tướng"', async () => {
    const { core, an } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: { number: '', year: 2025, decisionDate: '10/12/2025', issuer: 'Thủ tướng Chính phủ', awardCode: 'BK_TTG', cashAmount: 2340000, recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    const text = textOf(await core.invoke('records.decisionDocument', { id: d.id }));
    const lines = text.split('\n');
    expect(text).not.toMatch(/THỦ TRƯỞNG|Thủ trưởng Thủ tướng/);
    expect(text).toMatch(/Số: +\/QĐ-TTg\tHà Nội, ngày 10 tháng 12 năm 2025/);
    // the heading's agency and the authority line
    expect(lines[0]).toMatch(/^THỦ TƯỚNG CHÍNH PHỦ\t/);
    expect(lines).toContain('THỦ TƯỚNG CHÍNH PHỦ');
    // the Luật Tổ chức Chính phủ first; the province proposes (the office's parent)
    const at = lines.indexOf('THỦ TƯỚNG CHÍNH PHỦ');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      expect.stringMatching(/^Căn cứ Nghị định số 152\/2025\//),
      'Xét đề nghị của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai.',
    ]);
    expect(text).not.toContain('chức năng, nhiệm vụ');
    expect(text).toContain(`Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ, Giám đốc ${OFFICE.name}, Thủ trưởng các cơ quan`);
    expect(text).toContain('(Kèm theo Quyết định số …… ngày 10/12/2025 của Thủ tướng Chính phủ)');
    // the signature, beside Nơi nhận: the title alone
    expect(lines.find((l) => l.startsWith('Nơi nhận:'))).toMatch(/\tTHỦ TƯỚNG$/);
    // the accountant's list of the same decision names it alike
    const pay = (await readBook(await core.invoke('records.paymentList', { id: d.id }))).worksheets[0]!;
    expect(sheetRows(pay)[4]?.[0]).toMatch(/^\(Kèm theo Quyết định số …… ngày 10\/12\/2025 của Thủ tướng Chính phủ về việc tặng Bằng khen/);
  });

  it('a form only a superior gives, recorded without its issuer: drafted, printed and paid in the superior\'s name', async () => {
    const { core, an } = await office();
    const save = async (awardCode: string) =>
      (await core.invoke('records.saveDecision', { data: { number: '', year: 2025, decisionDate: '10/12/2025', awardCode, cashAmount: 1000000, recipients: [{ kind: 'person', staffId: an }] } as never })).id;
    const draft = async (id: string) => textOf(await core.invoke('records.decisionDocument', { id }));
    // a Bằng khen tỉnh: the office's parent, the UBND tỉnh
    const bk = await save('BK_TINH');
    const text = await draft(bk);
    expect(text.split('\n')).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(text).toContain('Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(text).toMatch(/Số: +\/QĐ-UBND/);
    expect(text).not.toContain(`GIÁM ĐỐC ${OFFICE.name.toLocaleUpperCase('vi')}`);
    const certificates = docxPlainText(Buffer.from((await core.invoke('records.certificates', { id: bk })).base64, 'base64'));
    expect(certificates).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    const pay = (await readBook(await core.invoke('records.paymentList', { id: bk }))).worksheets[0]!;
    expect(sheetRows(pay)[4]?.[0]).toContain('của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai về việc tặng Bằng khen');
    // Huân chương Lao động: the Chủ tịch nước's, dated in Hà Nội
    const order = await draft(await save('HCLD_HANG_BA'));
    expect(order).toMatch(/Số: +\/QĐ-CTN\tHà Nội, ngày 10 tháng 12 năm 2025/);
    const orderLines = order.split('\n');
    const president = orderLines.lastIndexOf('CHỦ TỊCH NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(president).toBeGreaterThan(0);
    // the Constitution, the law (not the decree), the Thủ tướng's proposal
    expect(orderLines.slice(president + 1, president + 5)).toEqual([
      'Căn cứ Điều 88 và Điều 91 của Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Xét đề nghị của Thủ tướng Chính phủ.',
      'QUYẾT ĐỊNH:',
    ]);
    // the office's own form stays its own
    expect((await draft(await save('GIAY_KHEN'))).split('\n')).toContain(`GIÁM ĐỐC ${OFFICE.name.toLocaleUpperCase('vi')}`);
  });

  it('an issuer recorded with its head, as a dossier\'s outcome records the addressee: the head once, the agency on the heading', async () => {
    const { core, an } = await office();
    const d = await core.invoke('records.saveDecision', {
      data: { number: '2100/QĐ-UBND', year: 2025, decisionDate: '10/12/2025', issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Lào Cai', awardCode: 'BK_TINH', recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    const text = textOf(await core.invoke('records.decisionDocument', { id: d.id }));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^ỦY BAN NHÂN DÂN TỈNH LÀO CAI\t/);
    expect(lines).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    expect(text).not.toMatch(/THỦ TRƯỞNG|CHỦ TỊCH CHỦ TỊCH/);
    expect(text).toContain('(Kèm theo Quyết định số 2100/QĐ-UBND ngày 10/12/2025 của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai)');
  });

  it('the law an issuer is organised by, as in force on the decision\'s date; an office that is an Ủy ban nhân dân cites it for its own', async () => {
    const { core, an } = await office();
    const bases = async (issuer: string, date: string) => {
      const d = await core.invoke('records.saveDecision', {
        data: { number: '', year: Number(date.slice(-4)) - 1, decisionDate: date, issuer, awardCode: 'BK_TINH', recipients: [{ kind: 'person', staffId: an }] } as never,
      });
      return textOf(await core.invoke('records.decisionDocument', { id: d.id }))
        .split('\n')
        .filter((l) => l.startsWith('Căn cứ') || /^(Theo|Xét) đề nghị/.test(l));
    };
    // before the 2019 amendment came into force, then with it, then the two laws of 2025
    expect((await bases('UBND tỉnh Lào Cai', '15/01/2020'))[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
    expect((await bases('UBND tỉnh Lào Cai', '15/01/2023')).slice(0, 3)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
      'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;',
      expect.stringMatching(/^Căn cứ Nghị định số 91\/2017\/NĐ-CP/),
    ]);
    expect((await bases('UBND tỉnh Lào Cai', '30/06/2025'))[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;');
    expect((await bases('UBND tỉnh Lào Cai', '01/07/2025'))[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect((await bases('Thủ tướng Chính phủ', '28/02/2025'))[0]).toMatch(/^Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi/);
    // other agencies cite their functions
    expect(await bases('Sở Nội vụ tỉnh Lào Cai', '10/12/2025')).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      expect.stringMatching(/^Căn cứ Nghị định số 152\/2025\//),
      'Căn cứ chức năng, nhiệm vụ, quyền hạn của Sở Nội vụ tỉnh Lào Cai;',
      `Theo đề nghị của Giám đốc ${OFFICE.name}.`,
    ]);
    // a xã's own decision (the office is its Ủy ban nhân dân): the local government law, its council's proposal
    await core.invoke('office.save', { ...(await core.invoke('office.get', {}))!, name: 'Ủy ban nhân dân xã Tả Phìn', parentAgency: 'UBND tỉnh Lào Cai', headTitle: '' } as never);
    const own = await core.invoke('records.saveDecision', {
      data: { number: '', year: 2025, decisionDate: '10/12/2025', awardCode: 'GIAY_KHEN', recipients: [{ kind: 'person', staffId: an }] } as never,
    });
    const lines = textOf(await core.invoke('records.decisionDocument', { id: own.id })).split('\n');
    expect(lines).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TẢ PHÌN');
    expect(lines).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(lines.some((l) => l.includes('chức năng, nhiệm vụ'))).toBe(false);
    expect(lines).toContain('Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã Tả Phìn.');
  });

  it('a Thủ tướng\'s decision is proposed by the office\'s parent, a Bộ or a UBND tỉnh, else by the office', () => {
    const office = (name: string, parentAgency: string) => ({ name, parentAgency, placeName: 'Hà Nội', abbreviation: 'X', headTitle: '', headName: '' });
    const proposal = (o: ReturnType<typeof office>) => decisionBases(decisionAuthority({ issuer: 'Thủ tướng Chính phủ' }, o), o, '2025-12-10').at(-1);
    expect(proposal(office('Cục Việc làm', 'Bộ Nội vụ'))).toBe('Xét đề nghị của Bộ trưởng Bộ Nội vụ.');
    expect(proposal(office('Sở Nội vụ', 'UBND tỉnh Lào Cai'))).toBe('Xét đề nghị của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai.');
    expect(proposal(office('Ủy ban nhân dân tỉnh Lào Cai', ''))).toBe('Xét đề nghị của Chủ tịch Ủy ban nhân dân tỉnh Lào Cai.');
  });

  it('refuses an unknown decision in Vietnamese', async () => {
    const { core } = await office();
    const r = await core.call('records.decisionDocument', { id: 'khong-co' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Không tìm thấy quyết định khen thưởng (có thể đã bị xóa). Hãy tải lại danh sách.');
    // without the office profile there is no heading to draft it with: the error says where to set it
    const bare = await testCore({ office: false });
    cores.push(bare);
    const d = await bare.invoke('records.saveDecision', { data: { number: '1/QĐ', year: 2025, awardCode: 'LDTT', recipients: [] } as never });
    const noOffice = await bare.call('records.decisionDocument', { id: d.id });
    expect(!noOffice.ok && noOffice.error).toMatchObject({ code: 'OFFICE_NOT_SET', message: expect.stringContaining('Vào Cài đặt') });
  });
});
