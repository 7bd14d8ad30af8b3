// A rich sample plan (kế hoạch) in the OfficialDocument model, modelled on the Lào Cai 2022
// plan in the reference set: parent + issuing agency, bases, preamble, nested headings,
// points and bullets, a body table, closing, Nơi nhận, a KT. signer and a landscape
// quarterly task appendix.
import type { DocTable, OfficialDocument } from '../../../shared/documents/model';

export const QUARTER_TABLE: DocTable = {
  columns: [
    { header: 'TT', width: 6, align: 'center' },
    { header: 'Nội dung công việc', width: 50 },
    { header: 'Đơn vị chủ trì', width: 18, align: 'center' },
    { header: 'Đơn vị phối hợp', width: 26 },
  ],
  rows: [
    { group: true, cells: [[{ text: 'I' }], [{ text: 'Công việc thực hiện trong Quý I' }], [], []] },
    {
      cells: [
        [{ text: '1' }],
        [{ text: 'Kế hoạch công tác TĐKT năm 2022' }],
        [{ text: 'Văn phòng Sở' }],
        [{ text: 'Các phòng, đơn vị trực thuộc Sở' }],
      ],
    },
    {
      cells: [
        [{ text: '2' }],
        [{ text: 'Kế hoạch phát động phong trào thi đua toàn diện năm 2022' }],
        [{ text: 'Văn phòng Sở' }],
        [{ text: 'Các phòng, đơn vị trực thuộc Sở' }],
      ],
    },
    { group: true, cells: [[{ text: 'II' }], [{ text: 'Công việc thực hiện trong Quý II' }]] },
    {
      cells: [
        [{ text: '1' }],
        [{ text: 'Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2022' }],
        [{ text: 'Văn phòng Sở' }],
        [{ text: 'Các phòng, đơn vị trực thuộc Sở' }],
      ],
    },
  ],
};

export function samplePlan(): OfficialDocument {
  return {
    header: {
      parentAgency: 'UBND tỉnh Lào Cai',
      agency: 'Sở Lao động - Thương binh và Xã hội',
      numberLine: 'Số: 05/KH-SLĐTBXH',
      place: 'Lào Cai',
      date: { day: 5, month: 3, year: 2022 },
    },
    docType: 'Kế hoạch',
    title: ['Công tác thi đua, khen thưởng năm 2022'],
    bases: [
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;',
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.',
    ],
    preamble: [[{ text: 'Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2022 của UBND tỉnh, Sở Lao động - TBXH xây dựng Kế hoạch như sau:' }]],
    body: [
      { kind: 'heading', level: 1, label: 'I.', runs: [{ text: 'MỤC ĐÍCH, YÊU CẦU' }] },
      { kind: 'heading', level: 2, label: '1.', runs: [{ text: 'Mục đích' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Phát huy truyền thống, ' },
          { text: 'thi đua yêu nước', bold: true },
          { text: ' trong cán bộ, công chức.' },
        ],
      },
      { kind: 'heading', level: 2, label: '2.', runs: [{ text: 'Yêu cầu' }] },
      { kind: 'heading', level: 3, label: 'a)', runs: [{ text: 'Đối với cá nhân' }] },
      { kind: 'paragraph', label: '-', runs: [{ text: 'Đăng ký thi đua trước ngày 15/3/2022;' }] },
      { kind: 'paragraph', label: '+', runs: [{ text: 'Chỉ tiêu: 100% hoàn thành nhiệm vụ.' }] },
      { kind: 'heading', level: 1, label: 'II.', runs: [{ text: 'NỘI DUNG' }] },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'Danh hiệu', width: 3 },
            { header: 'Số lượng', width: 1, align: 'right' },
          ],
          rows: [
            { cells: [[{ text: 'Lao động tiên tiến' }], [{ text: '120' }]] },
            { cells: [[{ text: 'Chiến sĩ thi đua cơ sở' }], [{ text: '18' }]] },
          ],
        },
      },
      { kind: 'paragraph', runs: [{ text: 'Ghi chú căn giữa' }], align: 'center', noIndent: true },
    ],
    closing: [[{ text: 'Trên đây là Kế hoạch công tác thi đua, khen thưởng năm 2022./.' }]],
    recipients: ['Bộ Lao động - TBXH', '- UBND tỉnh;', 'Lãnh đạo Sở', 'Lưu: VT, VP'],
    signer: { prefix: 'KT.', authorityTitle: 'Giám đốc', position: 'Phó Giám đốc', name: 'Nguyễn Thị Hồng Minh' },
    appendices: [
      {
        heading: 'Phụ lục',
        subtitle: ['(Kèm theo Kế hoạch số 05/KH-SLĐTBXH ngày 05/3/2022 của Sở Lao động - TBXH)'],
        landscape: true,
        blocks: [{ kind: 'table', table: QUARTER_TABLE }],
      },
    ],
  };
}
