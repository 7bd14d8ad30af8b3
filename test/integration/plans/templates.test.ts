// Templates, rendering to the document model, the text round trip, and year shifting.
import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../../electron/services/plans/import';
import { createIdGenerator, planQuarterTasks, planSchema, type Plan } from '../../../shared/plans/model';
import { documentPlainText } from '../../../shared/plans/plain-text';
import {
  createPlanFromTemplate,
  PLAN_TEMPLATES,
  shiftPlanYears,
  shiftYearsInText,
  type TemplateOffice,
} from '../../../shared/plans/templates';
import { planToDocument } from '../../../shared/plans/to-document';
import { allIds, expectPlan, headingText, importReference } from './helpers';

const office: TemplateOffice = {
  agency: 'SỞ NỘI VỤ',
  parentAgency: 'UBND TỈNH LÀO CAI',
  abbreviation: 'SNV',
  place: 'Lào Cai',
  headTitle: 'GIÁM ĐỐC',
  headName: 'Nguyễn Văn An',
  agencyName: 'Sở Nội vụ',
};

const planText = (p: Plan) => documentPlainText(planToDocument(p));

describe.each(PLAN_TEMPLATES.map((t) => t.id))('template %s', (id) => {
  const plan = createPlanFromTemplate(id, { year: 2026, office }, { newId: createIdGenerator('tpl') });

  it('is a valid plan with unique ids', () => {
    expect(planSchema.safeParse(plan).success).toBe(true);
    const ids = allIds(plan);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fills the header and signer from the office, number and day/month blank', () => {
    expect(plan.header).toEqual({
      parentAgency: 'UBND TỈNH LÀO CAI',
      agency: 'SỞ NỘI VỤ',
      docNumber: { number: null, typeCode: 'KH', agencyAbbr: 'SNV' },
      place: 'Lào Cai',
      date: { day: null, month: null, year: 2026 },
    });
    expect(plan.signer).toEqual({ prefix: '', authorityTitle: '', position: 'GIÁM ĐỐC', name: 'Nguyễn Văn An' });
    expect(plan.recipients[plan.recipients.length - 1]).toMatch(/^Lưu: VT/);
    expect(plan.title.join(' ')).toContain('2026');
    expect(plan.bases.some((b) => b.text.includes('152/2025/NĐ-CP'))).toBe(true);
  });

  it('renders roman parts as bold caps headings with generated labels', () => {
    const doc = planToDocument(plan);
    const parts = doc.body.filter((b) => b.kind === 'heading' && b.level === 1);
    expect(parts.length).toBe(plan.sections.length);
    parts.forEach((b, i) => {
      if (b.kind !== 'heading') return;
      expect(b.label).toBe(`${['I', 'II', 'III', 'IV', 'V', 'VI'][i]}.`);
      expect(b.runs.every((r) => r.bold && r.text === r.text.toLocaleUpperCase('vi'))).toBe(true);
    });
    expect(doc.header.numberLine).toBe('Số:        /KH-SNV');
  });

  it('survives a round trip through plain text and the text importer', () => {
    const back = expectPlan(importPlanText(planText(plan))).plan;
    expect(back.header).toEqual(plan.header);
    expect(back.title).toEqual(plan.title);
    expect(back.bases.map((b) => b.text)).toEqual(plan.bases.map((b) => b.text));
    expect(back.sections.map(headingText)).toEqual(plan.sections.map(headingText));
    expect(back.signer).toEqual(plan.signer);
    expect(back.recipients).toEqual(plan.recipients);
    expect(planQuarterTasks(back).map((t) => [t.quarter, t.task.title, t.task.lead, t.task.coordinating])).toEqual(
      planQuarterTasks(plan).map((t) => [t.quarter, t.task.title, t.task.lead, t.task.coordinating]),
    );
    expect(planText(back)).toBe(planText(plan));
  });
});

describe('the TĐKT work plan template', () => {
  it('has a quarterly appendix with all four quarters and a landscape page', () => {
    const plan = createPlanFromTemplate('tdkt-work-plan', { year: 2026, office });
    const tasks = planQuarterTasks(plan);
    expect(new Set(tasks.map((t) => t.quarter))).toEqual(new Set([1, 2, 3, 4]));
    expect(tasks.every((t) => t.task.lead.length === 1 && t.task.coordinating.length >= 1)).toBe(true);
    expect(planToDocument(plan).appendices[0]!.landscape).toBe(true);
  });
});

describe('shiftYearsInText', () => {
  const s = (t: string, year: number, delta = 1) => shiftYearsInText(t, year, delta).text;
  it('shifts years within ±1 of the plan year, and dates', () => {
    expect(s('năm 2022, triển khai năm 2023; từ năm 2021', 2022)).toBe('năm 2023, triển khai năm 2024; từ năm 2022');
    expect(s('trước ngày 01/12/2022 và tháng 6/2022', 2022)).toBe('trước ngày 01/12/2023 và tháng 6/2023');
    expect(s('ngày 29/02/2024', 2024)).toBe('ngày 28/02/2025');
    expect(s('năm 2019 và năm 2003', 2022)).toBe('năm 2019 và năm 2003');
  });
  it('keeps phases sensible', () => {
    expect(s('giai đoạn 2021 - 2025', 2022)).toBe('giai đoạn 2021 - 2025');
    expect(s('giai đoạn 2016 - 2020', 2020)).toBe('giai đoạn 2021 - 2025');
    expect(s('giai đoạn 2016–2020', 2020, -1)).toBe('giai đoạn 2016–2020');
    expect(s('năm 2022-2023', 2022)).toBe('năm 2023-2024');
    expect(s('kỷ niệm 70 năm (11/6/1948 - 11/6/2018)', 2018)).toBe('kỷ niệm 70 năm (11/6/1948 - 11/6/2018)');
  });
  it('never touches document numbers or cited documents, and reports recent citations', () => {
    expect(s('Nghị định số 91/2017/NĐ-CP ngày 31/7/2017', 2017)).toBe('Nghị định số 91/2017/NĐ-CP ngày 31/7/2017');
    const r = shiftYearsInText('Thực hiện Kế hoạch số 05/KH-UBND ngày 29/01/2022 của UBND tỉnh về công tác năm 2022', 2022, 1);
    expect(r.text).toBe('Thực hiện Kế hoạch số 05/KH-UBND ngày 29/01/2022 của UBND tỉnh về công tác năm 2023');
    expect(r.citesRecent).toBe(true);
  });
});

describe('shiftPlanYears', () => {
  it('duplicates the Lào Cai 2022 plan for 2023', () => {
    const { plan } = expectPlan(importReference('004_604d1ccd06bf0239', 'docx'));
    const next = shiftPlanYears(plan, 1, { newId: createIdGenerator('y') });
    expect(planSchema.safeParse(next).success).toBe(true);
    // new ids everywhere, original untouched
    const before = new Set(allIds(plan));
    expect(allIds(next).some((id) => before.has(id))).toBe(false);
    expect(plan.title[0]).toContain('năm 2022');

    expect(next.header.date).toEqual({ day: null, month: null, year: 2023 });
    expect(next.header.docNumber).toEqual({ number: null, typeCode: 'KH', agencyAbbr: 'SLĐTBXH' });
    expect(next.title).toEqual(['Công tác thi đua, khen thưởng của Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai năm 2023']);
    // the superior plans cited are last year's: kept as cited and flagged for review
    expect(next.preamble[0]!.flag).toBe('review');
    expect(next.preamble[0]!.refs?.[0]).toMatchObject({ number: '05/KH-UBND', date: '2022-01-29' });
    const text = planText(next);
    expect(text).toContain('(12/7/1907 – 12/7/2022)'); // anniversary range left as is
    expect(text).toContain('năm 2023, triển khai công tác thi đua khen thưởng năm 2024');
    expect(text).toContain('Nghị định số 91/2017/NĐ-CP');
    const tasks = planQuarterTasks(next);
    expect(tasks).toHaveLength(15);
    expect(tasks[0]!.task.title).toBe('Kế hoạch công tác TĐKT năm 2023');
    expect(tasks.some((t) => t.task.title.includes('2022'))).toBe(false);
  });

  it('keeps a running phase and moves the plan year of a template', () => {
    const plan = createPlanFromTemplate('thematic-campaign', { year: 2025, office, theme: 'Chuyển đổi số' });
    const next = shiftPlanYears(plan, 1);
    expect(next.title).toEqual(['Tổ chức phong trào thi đua “Chuyển đổi số”', 'giai đoạn 2025 - 2027']);
    expect(next.header.date?.year).toBe(2026);
    const work = shiftPlanYears(createPlanFromTemplate('tdkt-work-plan', { year: 2025, office }), 1);
    expect(work.title).toEqual(['Công tác thi đua, khen thưởng năm 2026']);
    expect(planQuarterTasks(work).at(-1)!.task.title).toBe('Báo cáo tổng kết công tác thi đua, khen thưởng năm 2026; xây dựng kế hoạch năm 2027');
  });
});
