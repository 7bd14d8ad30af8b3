// Classifier heuristics on shapes the reference plans do not have: Word automatic numbering for
// parts and items, tracked changes, unrecognised content, renumbering, labels and references.
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { importPlanDocx, importPlanText, matchLabel } from '../../../electron/services/plans/import';
import { createIdGenerator, type PlanSection } from '../../../shared/plans/model';
import { formatLabel, sectionLabels, viLetter } from '../../../shared/plans/numbering';
import { extractDocReferences } from '../../../shared/plans/references';
import { planToDocument } from '../../../shared/plans/to-document';
import { expectPlan, headingText } from './helpers';

describe('matchLabel', () => {
  it.each([
    ['I. MỤC ĐÍCH', 'roman', 'I.'],
    ['IV. TỔ CHỨC THỰC HIỆN', 'roman', 'IV.'],
    ['II/ NỘI DUNG', 'roman', 'II/'],
    ['1. Mục đích', 'arabic', '1.'],
    ['1.Mục đích', 'arabic', '1.'],
    ['2/ Yêu cầu', 'arabic', '2/'],
    ['1.1. Nội dung', 'arabic-nested', '1.1.'],
    ['2.3.1 Chi tiết', 'arabic-nested', '2.3.1'],
    ['3) Điểm', 'arabic-paren', '3)'],
    ['a) Phong trào', 'letter-paren', 'a)'],
    ['đ) Điểm đ', 'letter-paren', 'đ)'],
    ['b. Điểm b', 'letter-dot', 'b.'],
    ['- Gạch đầu dòng', 'dash', '-'],
    ['– Gạch dài', 'dash', '-'],
    ['• Chấm tròn', 'dash', '-'],
    ['+ Dấu cộng', 'plus', '+'],
  ])('%s → %s', (text, style, label) => {
    expect(matchLabel(text)).toMatchObject({ style, text: label });
  });
  it.each(['32.500 lao động', 'V/v triển khai', '2020. Năm', '--------', 'Việc xét khen', 'IIII. sai', 'e.g. không'])(
    '%s is not a label',
    (text) => {
      expect(matchLabel(text)).toBeNull();
    },
  );
});

describe('numbering', () => {
  const n = (style: PlanSection['style'], children: PlanSection[] = []): PlanSection => ({
    id: `${style}-${Math.random()}`,
    style,
    heading: [{ text: 'x' }],
    body: [],
    children,
  });
  it('labels from position, per style, with the Vietnamese letter order', () => {
    const tree = [
      n('roman', [n('arabic', [n('arabic-nested'), n('arabic-nested')]), n('dash'), n('arabic')]),
      n('roman', [n('letter-paren'), n('letter-paren'), n('letter-paren'), n('letter-paren'), n('letter-paren')]),
    ];
    const labels = sectionLabels(tree);
    const l = (node: PlanSection) => labels.get(node.id);
    expect(l(tree[0]!)).toBe('I.');
    expect(l(tree[1]!)).toBe('II.');
    expect(l(tree[0]!.children[0]!.children[1]!)).toBe('1.2.');
    expect(l(tree[0]!.children[1]!)).toBe('-');
    expect(l(tree[0]!.children[2]!)).toBe('2.');
    expect(tree[1]!.children.map(l)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)']);
    expect(viLetter(6)).toBe('e');
    expect(formatLabel('letter-dot', 7)).toBe('g.');
    expect(formatLabel('arabic-nested', 3, [2, 1])).toBe('2.1.3.');
  });
});

describe('extractDocReferences', () => {
  it('reads number, kind, date and issuer', () => {
    const refs = extractDocReferences(
      'Căn cứ Quyết định số 1956/QĐ-TTg ngày 27/11/2009 của Thủ tướng Chính phủ phê duyệt Đề án; Luật Thi đua, khen thưởng số 06/2022/QH15; Kế hoạch số 12/KH-UBND ngày 05 tháng 02 năm 2024 của Ủy ban nhân dân tỉnh về thi đua.',
    );
    expect(refs).toEqual([
      expect.objectContaining({ number: '1956/QĐ-TTg', typeCode: 'QĐ', kind: 'Quyết định', date: '2009-11-27', issuer: 'Thủ tướng Chính phủ' }),
      expect.objectContaining({ number: '06/2022/QH15', typeCode: 'QH', kind: 'Luật', date: null, issuer: null }),
      expect.objectContaining({ number: '12/KH-UBND', kind: 'Kế hoạch', date: '2024-02-05', issuer: 'Ủy ban nhân dân tỉnh' }),
    ]);
  });
  it('ignores dates and plain numbers', () => {
    expect(extractDocReferences('kỷ niệm (28/8/1945-28/8/2020), tạo việc làm cho 32.500 lao động')).toEqual([]);
  });
});

describe('Word automatic numbering and tracked changes', () => {
  it('reads labels Word draws (roman parts, decimal items, dash bullets) and drops deleted text', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Thi đua năm 2025', bold: true })] }),
            new Paragraph({ numbering: { reference: 'outline', level: 0 }, children: [new TextRun({ text: 'MỤC ĐÍCH', bold: true })] }),
            new Paragraph({ numbering: { reference: 'outline', level: 1 }, children: [new TextRun({ text: 'Mục đích chung', bold: true })] }),
            new Paragraph({
              numbering: { reference: 'outline', level: 2 },
              children: [
                new TextRun('Nội dung '),
                new DeletedTextRun({ id: 1, author: 'A', date: '2025-01-01T00:00:00Z', text: 'SAI ' }),
                new InsertedTextRun({ id: 2, author: 'A', date: '2025-01-01T00:00:00Z', text: 'đúng' }),
              ],
            }),
            new Paragraph({ numbering: { reference: 'outline', level: 1 }, children: [new TextRun({ text: 'Yêu cầu', bold: true })] }),
            new Paragraph({ numbering: { reference: 'outline', level: 0 }, children: [new TextRun({ text: 'TỔ CHỨC THỰC HIỆN', bold: true })] }),
            new Paragraph({ numbering: { reference: 'outline', level: 1 }, children: [new TextRun({ text: 'Văn phòng', bold: true })] }),
          ],
        },
      ],
    });
    const { plan } = expectPlan(importPlanDocx(new Uint8Array(await Packer.toBuffer(doc))));
    expect(plan.sections.map(headingText)).toEqual(['MỤC ĐÍCH', 'TỔ CHỨC THỰC HIỆN']);
    expect(plan.sections[0]!.children.map(headingText)).toEqual(['Mục đích chung', 'Yêu cầu']);
    const bullet = plan.sections[0]!.children[0]!.children[0]!;
    expect(bullet.style).toBe('dash');
    expect(headingText(bullet)).toBe('Nội dung đúng');
    const labels = sectionLabels(plan.sections);
    expect(labels.get(plan.sections[1]!.children[0]!.id)).toBe('1.');
    const doc2 = planToDocument(plan);
    expect(doc2.body[0]).toMatchObject({ kind: 'heading', level: 1, label: 'I.' });
    expect(doc2.body[1]).toMatchObject({ kind: 'heading', level: 2, label: '1.' });
  });
});

describe('unrecognised content and renumbering', () => {
  const text = [
    'SỞ NỘI VỤ',
    'Mã hồ sơ nội bộ 123',
    'Số: 3/KH-SNV',
    'Hà Nội, ngày    tháng    năm 2025',
    'KẾ HOẠCH',
    'Thi đua năm 2025',
    'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
    'I. MỤC ĐÍCH',
    '1. Một',
    '3. Hai',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các phòng thực hiện.',
    'Trên đây là Kế hoạch thi đua năm 2025.',
    'Nơi nhận:',
    '- Các phòng;',
    '- Lưu: VT.',
    '(Đã ký)',
    'GIÁM ĐỐC',
    'Lê Thị Hoa',
  ].join('\n');

  it('keeps them as flagged paragraphs in place and warns', () => {
    const { plan, warnings } = expectPlan(importPlanText(text, { newId: createIdGenerator('u') }));
    expect(plan.header).toMatchObject({
      agency: 'SỞ NỘI VỤ',
      docNumber: { number: 3, typeCode: 'KH', agencyAbbr: 'SNV' },
      place: 'Hà Nội',
      date: { day: null, month: null, year: 2025 },
    });
    expect(plan.preamble[0]).toMatchObject({ flag: 'review', runs: [{ text: 'Mã hồ sơ nội bộ 123' }] });
    expect(plan.closing.map((p) => [p.runs[0]!.text, p.flag])).toEqual([
      ['Trên đây là Kế hoạch thi đua năm 2025.', undefined],
      ['(Đã ký)', 'review'],
    ]);
    expect(warnings.filter((w) => w.startsWith('Chưa nhận dạng được'))).toHaveLength(2);
    expect(warnings).toContain('Số thứ tự “3.” không liền mạch: đã đánh lại thành “2.”.');
    expect(plan.signer).toEqual({ prefix: '', authorityTitle: '', position: 'GIÁM ĐỐC', name: 'Lê Thị Hoa' });
    expect(planToDocument(plan).header.numberLine).toBe('Số: 03/KH-SNV');
  });

  it('joins a paragraph broken by a page', () => {
    const broken = ['KẾ HOẠCH', 'Thi đua', 'I. NỘI DUNG', 'Tiếp tục thực hiện các', 'nhiệm vụ trọng tâm.', 'II. TỔ CHỨC'].join('\n');
    const { plan, warnings } = expectPlan(importPlanText(broken));
    expect(plan.sections[0]!.body.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''))).toEqual([
      'Tiếp tục thực hiện các nhiệm vụ trọng tâm.',
    ]);
    expect(warnings.some((w) => w.startsWith('Đã nối 1 đoạn'))).toBe(true);
  });

  it('reads a chained signer (TM. / KT. / position)', () => {
    const chained = ['KẾ HOẠCH', 'Thi đua', 'I. NỘI DUNG', 'II. TỔ CHỨC', 'Nơi nhận:', '- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đỗ Văn Nam'].join('\n');
    const { plan } = expectPlan(importPlanText(chained));
    expect(plan.signer).toEqual({ prefix: 'TM.', authorityTitle: 'ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Đỗ Văn Nam' });
  });

  it('reads markdown-style emphasis of text exports as formatting', () => {
    const md = ['KẾ HOẠCH', 'Thi đua', '**I. NỘI DUNG**', 'Chủ đề: “*Đoàn kết*”.', 'II. TỔ CHỨC'].join('\n');
    const { plan } = expectPlan(importPlanText(md));
    expect(plan.sections[0]!.heading).toEqual([{ text: 'NỘI DUNG', bold: true }]);
    const p = plan.sections[0]!.body[0]!;
    expect(p.kind === 'paragraph' && p.runs).toEqual([{ text: 'Chủ đề: “' }, { text: 'Đoàn kết', italic: true }, { text: '”.' }]);
  });
});
