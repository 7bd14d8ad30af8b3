// The three reference plans (shared/reference/plans), each imported from its .docx and its .txt.
import { describe, expect, it } from 'vitest';
import { planQuarterTasks, planReferences, planSchema } from '../../../shared/plans/model';
import { documentPlainText } from '../../../shared/plans/plain-text';
import { planToDocument } from '../../../shared/plans/to-document';
import { expectPlan, headingText, importReference, referenceText } from './helpers';
import { charSimilarity, tokenSimilarity } from './similarity';

const THAI_BINH = '000_a9ce567325fa68b9';
const BINH_PHUOC = '002_8c4a9ec5550026db';
const LAO_CAI = '004_604d1ccd06bf0239';
const KINDS = ['docx', 'txt'] as const;

describe.each(KINDS)('Thái Bình plan 000 from %s', (kind) => {
  const { plan, warnings } = expectPlan(importReference(THAI_BINH, kind));

  it('passes the schema', () => {
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it('reads the header', () => {
    expect(plan.header.docNumber).toEqual({ number: 25, typeCode: 'KH', agencyAbbr: 'SLĐTBXH' });
    expect(plan.header.place).toBe('Thái Bình');
    expect(plan.header.date).toEqual({ day: 5, month: 3, year: 2020 });
    if (kind === 'docx') {
      expect(plan.header.parentAgency).toBe('UBND TỈNH THÁI BÌNH');
      expect(plan.header.agency).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    } else {
      // the .txt has no agency lines: reported, not invented
      expect(plan.header.agency).toBe('');
      expect(warnings.some((w) => w.includes('cơ quan ban hành'))).toBe(true);
    }
  });

  it('reads type, title, bases with references', () => {
    expect(plan.docType).toBe('KẾ HOẠCH');
    expect(plan.title).toEqual(['Tổ chức thực hiện phong trào thi đua năm 2020.']);
    expect(plan.bases).toHaveLength(2);
    expect(plan.bases.every((b) => b.text.startsWith('Căn cứ'))).toBe(true);
    const refs = planReferences(plan);
    expect(refs.map((r) => r.number)).toEqual(['91/2017/NĐ-CP', '08/2019/TT-BLĐTBXH', '2007/HD-SNV']);
    expect(refs[0]).toMatchObject({ kind: 'Nghị định', date: '2017-07-31', issuer: 'Chính phủ' });
    expect(refs[1]).toMatchObject({ date: '2019-03-08', issuer: 'Bộ Lao động - Thương binh và Xã hội' });
    expect(refs[2]).toMatchObject({ kind: 'Hướng dẫn', date: '2019-09-12', issuer: 'Sở Nội vụ' });
  });

  it('builds the section tree', () => {
    expect(plan.sections.map((s) => s.style)).toEqual(['roman', 'roman', 'roman']);
    expect(plan.sections.map(headingText)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG THI ĐUA', 'TỔ CHỨC THỰC HIỆN']);
    expect(plan.sections.map((s) => s.children.length)).toEqual([2, 5, 3]);
    expect(headingText(plan.sections[0]!.children[0]!)).toBe('Mục đích');
    expect(plan.sections[0]!.children[0]!.body).toHaveLength(2);
  });

  it('reads closing, recipients and signer', () => {
    expect(plan.closing.find((p) => !p.flag)?.runs[0]?.text).toMatch(/^Trên đây là kế hoạch/);
    expect(plan.recipients).toHaveLength(7);
    expect(plan.recipients[6]).toMatch(/^Lưu/);
    expect(plan.signer).toEqual({ prefix: '', authorityTitle: '', position: 'GIÁM ĐỐC', name: 'Nguyễn Văn Bái' });
    expect(plan.appendices).toHaveLength(0);
  });
});

describe.each(KINDS)('Bình Phước plan 002 from %s', (kind) => {
  const { plan, warnings } = expectPlan(importReference(BINH_PHUOC, kind));

  it('passes the schema', () => {
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it('has no number and no date line, and says so', () => {
    expect(plan.header.docNumber).toBeNull();
    expect(plan.header.date).toBeNull();
    expect(warnings).toContain('Không thấy dòng số, ký hiệu (Số: …/KH-…).');
    if (kind === 'docx') expect(plan.header.parentAgency).toBe('UBND TỈNH BÌNH PHƯỚC');
  });

  it('reads title and preamble (Thực hiện …)', () => {
    expect(plan.title).toEqual(['Phát động phong trào thi đua năm 2018']);
    expect(plan.bases).toHaveLength(0);
    expect(plan.preamble).toHaveLength(2);
    expect(plan.preamble[0]!.refs?.[0]).toMatchObject({
      number: '02/CT-UBND',
      typeCode: 'CT',
      kind: 'Chỉ thị',
      date: '2018-01-26',
      issuer: 'UBND tỉnh',
    });
  });

  it('builds the section tree with dash bullets under items', () => {
    expect(plan.sections.map(headingText)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG THI ĐUA', 'TỔ CHỨC THỰC HIỆN']);
    const content = plan.sections[1]!;
    expect(content.children.map(headingText)).toEqual(['Chủ đề, khẩu hiệu thi đua', 'Nội dung thi đua']);
    expect(content.children[0]!.children.map((c) => c.style)).toEqual(['dash', 'dash']);
    expect(content.children[1]!.children).toHaveLength(4);
  });

  it('reads recipients and signer', () => {
    expect(plan.recipients).toHaveLength(6);
    expect(plan.recipients[5]).toMatch(/^Lưu: VT, VP/);
    expect(plan.signer).toMatchObject({ prefix: '', position: 'GIÁM ĐỐC', name: 'Phan Văn Mạnh' });
  });
});

describe.each(KINDS)('Lào Cai plan 004 from %s', (kind) => {
  const { plan } = expectPlan(importReference(LAO_CAI, kind));

  it('passes the schema', () => {
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it('reads a blank number and a blank day', () => {
    expect(plan.header.docNumber).toEqual({ number: null, typeCode: 'KH', agencyAbbr: 'SLĐTBXH' });
    expect(plan.header.place).toBe('Lào Cai');
    expect(plan.header.date).toEqual({ day: null, month: 1, year: 2022 });
    const doc = planToDocument(plan);
    expect(doc.header.numberLine).toBe('Số:        /KH-SLĐTBXH');
  });

  it('reads title and references of the preamble', () => {
    expect(plan.title).toEqual(['Công tác thi đua, khen thưởng của Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai năm 2022']);
    expect(planReferences(plan).slice(0, 2)).toEqual([
      expect.objectContaining({ number: '05/KH-UBND', kind: 'Kế hoạch', date: '2022-01-29', issuer: 'UBND tỉnh Lào Cai' }),
      expect.objectContaining({ number: '05/KH-KTĐVHXH', date: '2022-02-09' }),
    ]);
  });

  it('builds the tree down to dashes under letter points', () => {
    expect(plan.sections.map(headingText)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NỘI DUNG KẾ HOẠCH', 'TỔ CHỨC THỰC HIỆN']);
    const item1 = plan.sections[1]!.children[0]!;
    expect(item1.children.map((c) => c.style)).toEqual(['letter-paren', 'letter-paren', 'letter-paren']);
    expect(item1.children[0]!.children).toHaveLength(4);
    expect(plan.sections[1]!.children).toHaveLength(6);
  });

  it('reads the signer with KT.', () => {
    expect(plan.signer).toEqual({
      prefix: 'KT.',
      authorityTitle: 'GIÁM ĐỐC',
      position: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Thị Hồng Minh',
    });
    expect(plan.recipients).toHaveLength(7);
    expect(plan.recipients[6]).toBe('Lưu: VT, VP.');
  });

  it('reads the quarterly appendix: 15 tasks, 4/5/2/4', () => {
    expect(plan.appendices).toHaveLength(1);
    const a = plan.appendices[0]!;
    expect(a.heading).toBe('PHỤ LỤC');
    expect(a.subtitle).toEqual(['Kèm theo Kế hoạch công tác thi đua khen thưởng của Sở Lao động - TBXH tỉnh Lào Cai']);
    const table = a.blocks[0]!;
    expect(table.kind).toBe('quarterly');
    if (table.kind !== 'quarterly') return;
    expect(table.groups.map((g) => g.quarter)).toEqual([1, 2, 3, 4]);
    expect(table.groups.map((g) => g.tasks.length)).toEqual([4, 5, 2, 4]);
    expect(planQuarterTasks(plan)).toHaveLength(15);
    expect(table.groups[0]!.tasks[0]).toMatchObject({
      title: 'Kế hoạch công tác TĐKT năm 2022',
      lead: ['Văn phòng Sở'],
      coordinating: ['Các phòng, đơn vị trực thuộc Sở', 'Phòng Lao động - TBXH các huyện, thị xã, thành phố'],
    });
    expect(table.groups[2]!.tasks[0]).toMatchObject({
      title: 'Kiểm tra công tác thi đua, khen thưởng năm 2022',
      lead: ['Văn phòng Sở', 'Thanh tra Sở'],
      coordinating: ['Các phòng, đơn vị trực thuộc Sở'],
    });
    for (const g of table.groups) for (const t of g.tasks) expect(t.lead.length).toBeGreaterThan(0);
  });

  it('renders the appendix as a landscape TT | Nội dung công việc | chủ trì | phối hợp table', () => {
    const doc = planToDocument(plan);
    const ap = doc.appendices[0]!;
    expect(ap.landscape).toBe(true);
    const block = ap.blocks[0]!;
    expect(block.kind).toBe('table');
    if (block.kind !== 'table') return;
    expect(block.table.columns.map((c) => c.header)).toEqual(['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp']);
    expect(block.table.rows[0]).toMatchObject({
      group: true,
      cells: [[{ text: 'I', bold: true }], [{ text: 'Công việc thực hiện trong Quý I', bold: true }], [], []],
    });
    expect(block.table.rows.filter((r) => r.group)).toHaveLength(4);
    expect(block.table.rows).toHaveLength(19);
  });
});

describe('text fidelity: planToDocument(imported) → plain text vs the source .txt', () => {
  // Similarity = 2·LCS/(|a|+|b|) on characters after whitespace normalisation (the .txt's "*"
  // emphasis markers removed). The differences left are content the .txt lacks (agency lines,
  // quốc hiệu, the appendix header row), its stray signature marks ("đ"), and the trailing "."
  // the importer strips from unit names.
  const figures: string[] = [];
  it.each([THAI_BINH, BINH_PHUOC, LAO_CAI].flatMap((n) => KINDS.map((k) => [n, k] as const)))(
    '%s from %s is ≥ 0.99 similar',
    (name, kind) => {
      const { plan } = expectPlan(importReference(name, kind));
      const text = documentPlainText(planToDocument(plan));
      const source = referenceText(name);
      const chars = charSimilarity(text, source);
      const tokens = tokenSimilarity(text, source);
      figures.push(`${name} ${kind}: char ${chars.toFixed(4)}, token ${tokens.toFixed(4)}`);
      expect(chars).toBeGreaterThanOrEqual(0.99);
      expect(tokens).toBeGreaterThanOrEqual(0.98);
    },
  );
  it('prints the figures', () => {
    console.log(`similarity:\n  ${figures.join('\n  ')}`);
    expect(figures).toHaveLength(6);
  });
});
