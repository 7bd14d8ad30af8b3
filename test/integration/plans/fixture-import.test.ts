// Our own differently-shaped plan (test/fixtures/plans/tan-phong-2026.txt and the .docx built
// from the same content in fixture-docx.ts): a xã plan with no parent agency, "1.1." items,
// Word-numbered "a." points, "+" bullets, a two-column TM. signer and an appendix
// "Quý | Nội dung | Chủ trì | Phối hợp | Thời gian" with a merged quarter cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlanDocx, importPlanText } from '../../../electron/services/plans/import';
import { createIdGenerator, planSchema, type Plan } from '../../../shared/plans/model';
import { sectionLabels } from '../../../shared/plans/numbering';
import { documentPlainText } from '../../../shared/plans/plain-text';
import { planToDocument } from '../../../shared/plans/to-document';
import { buildTanPhongDocx } from './fixture-docx';
import { expectPlan, FIXTURE_DIR, headingText } from './helpers';

const fixtureText = readFileSync(join(FIXTURE_DIR, 'tan-phong-2026.txt'), 'utf8');
const plans: Record<'docx' | 'txt', Plan> = {} as Record<'docx' | 'txt', Plan>;

beforeAll(async () => {
  plans.docx = expectPlan(importPlanDocx(await buildTanPhongDocx(), { newId: createIdGenerator('d') })).plan;
  plans.txt = expectPlan(importPlanText(fixtureText, { newId: createIdGenerator('d') })).plan;
});

describe.each(['docx', 'txt'] as const)('Tân Phong fixture from %s', (kind) => {
  it('passes the schema', () => {
    expect(planSchema.safeParse(plans[kind]).success).toBe(true);
  });

  it('reads a header with no parent agency (wrapped agency name joined)', () => {
    expect(plans[kind].header).toEqual({
      parentAgency: '',
      agency: 'ỦY BAN NHÂN DÂN XÃ TÂN PHONG',
      docNumber: { number: 7, typeCode: 'KH', agencyAbbr: 'UBND' },
      place: 'Tân Phong',
      date: { day: 20, month: 2, year: 2026 },
    });
  });

  it('reads title, bases, preamble', () => {
    const p = plans[kind];
    expect(p.title).toEqual(['Tổ chức phong trào thi đua “Tân Phong chung sức xây dựng nông thôn mới”', 'giai đoạn 2026 - 2028']);
    expect(p.bases).toHaveLength(3);
    expect(p.bases[2]!.refs[0]).toMatchObject({ number: '15/KH-UBND', date: '2026-01-10', issuer: 'UBND tỉnh' });
    expect(p.preamble).toHaveLength(1);
  });

  it('builds the tree: 1.1. under I., a. points (Word numbering in the docx), + under b.', () => {
    const p = plans[kind];
    expect(p.sections.map(headingText)).toEqual([
      'MỤC ĐÍCH, YÊU CẦU',
      'NỘI DUNG THI ĐUA',
      'ĐỐI TƯỢNG, THỜI GIAN',
      'KHEN THƯỞNG',
      'TỔ CHỨC THỰC HIỆN',
    ]);
    expect(p.sections[0]!.children.map((c) => c.style)).toEqual(['arabic-nested', 'arabic-nested']);
    const econ = p.sections[1]!.children[0]!;
    expect(econ.children.map((c) => c.style)).toEqual(['letter-dot', 'letter-dot']);
    expect(headingText(econ.children[0]!)).toBe('Chuyển đổi cơ cấu cây trồng, vật nuôi; phát triển sản phẩm OCOP của xã.');
    expect(econ.children[1]!.children.map((c) => c.style)).toEqual(['plus', 'plus']);
    const labels = sectionLabels(p.sections);
    expect(labels.get(p.sections[0]!.children[1]!.id)).toBe('1.2.');
    expect(labels.get(p.sections[1]!.children[1]!.children[1]!.id)).toBe('b.');
    expect(labels.get(p.sections[4]!.id)).toBe('V.');
  });

  it('reads the TM. signer and the recipients of a two-column footer', () => {
    const p = plans[kind];
    expect(p.signer).toEqual({ prefix: 'TM.', authorityTitle: 'ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Trần Văn Hùng' });
    expect(p.recipients).toEqual(['UBND tỉnh (b/c);', 'Thường trực Đảng ủy xã;', 'Thường trực HĐND xã;', 'Các thôn;', 'Lưu: VT, VHXH.']);
    expect(p.closing).toHaveLength(1);
    expect(p.closing[0]!.flag).toBeUndefined();
  });

  it('reads the quarter-column appendix with timing', () => {
    const a = plans[kind].appendices[0]!;
    expect(a.subtitle).toEqual(['NHIỆM VỤ TRỌNG TÂM NĂM 2026', '(Kèm theo Kế hoạch số 07/KH-UBND ngày 20/02/2026 của UBND xã Tân Phong)']);
    const t = a.blocks[0]!;
    expect(t.kind).toBe('quarterly');
    if (t.kind !== 'quarterly') return;
    expect(t.groups.map((g) => [g.quarter, g.tasks.length])).toEqual([[1, 1], [2, 2], [3, 1], [4, 1]]);
    expect(t.groups[1]!.tasks[1]).toMatchObject({
      title: 'Vận động hiến đất mở rộng đường liên thôn',
      lead: ['Công chức Địa chính - Xây dựng'],
      coordinating: ['Mặt trận Tổ quốc xã', 'Đoàn Thanh niên xã'],
      timing: 'Tháng 6/2026',
    });
    const doc = planToDocument(plans[kind]);
    const block = doc.appendices[0]!.blocks[0]!;
    if (block.kind !== 'table') throw new Error('table expected');
    expect(block.table.columns.map((c) => c.header)).toEqual(['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian']);
  });
});

describe('docx and txt give the same plan', () => {
  it('is equal apart from formatting (bold exists only in the docx)', () => {
    const noFormat = (p: Plan) => JSON.stringify(p).replace(/,"(bold|italic|underline)":true/g, '');
    expect(noFormat(plans.docx)).toBe(noFormat(plans.txt));
    const a = documentPlainText(planToDocument(plans.docx));
    const b = documentPlainText(planToDocument(plans.txt));
    expect(a).toBe(b);
  });
});
