// Plan templates, one per family seen in the reference plans:
//   'annual-campaign'    Kế hoạch phát động phong trào thi đua năm N (thi đua thường xuyên):
//                        mục đích yêu cầu; chủ đề, khẩu hiệu, nội dung, chỉ tiêu; đối tượng,
//                        thời gian; danh hiệu, hình thức khen thưởng, hồ sơ, thời hạn; tổ chức
//                        thực hiện.
//   'thematic-campaign'  Kế hoạch phong trào thi đua chuyên đề / đặc biệt over a phase
//                        (giai đoạn N – N+2 with sơ kết and tổng kết), points a), b) …
//   'tdkt-work-plan'     Kế hoạch công tác thi đua, khen thưởng năm N with the quarterly task
//                        appendix (Quý I–IV, chủ trì / phối hợp) the quarterly tracker follows.
// The wording is generic office wording with "…" where the office must fill in a name or a
// number; the legal bases follow the rules in force for the plan's year (Luật 2003 + NĐ
// 91/2017 to 2023; Luật 06/2022/QH15 + NĐ 98/2023 from 2024; NĐ 152/2025 from mid-2025).
// shiftPlanYears (./years) duplicates an existing plan for another year.
import {
  createIdGenerator,
  DEFAULT_DOC_TYPE,
  PLAN_SCHEMA_VERSION,
  PLAN_TYPE_CODE,
  type IdGenerator,
  type LabelStyle,
  type Plan,
  type PlanBasis,
  type PlanParagraph,
  type PlanSection,
  type QuarterGroup,
  type QuarterlyTaskTable,
} from './model';
import { extractDocReferences } from './references';
import { upperFirst } from '../text/vn';
import { ND152_2025_BASIS } from '../documents/legal';

export { shiftPlanYears, shiftYearsInText, planYearOf } from './years';

export type PlanTemplateId = 'annual-campaign' | 'thematic-campaign' | 'tdkt-work-plan';

export interface PlanTemplateInfo {
  id: PlanTemplateId;
  name: string;
  description: string;
}

export const PLAN_TEMPLATES: readonly PlanTemplateInfo[] = [
  {
    id: 'annual-campaign',
    name: 'Kế hoạch phát động phong trào thi đua năm',
    description: 'Phong trào thi đua thường xuyên cả năm: mục đích, nội dung, chỉ tiêu, đối tượng, khen thưởng, tổ chức thực hiện.',
  },
  {
    id: 'thematic-campaign',
    name: 'Kế hoạch phong trào thi đua chuyên đề (đặc biệt)',
    description: 'Phong trào thi đua theo chuyên đề hoặc đặc biệt, theo giai đoạn có sơ kết và tổng kết.',
  },
  {
    id: 'tdkt-work-plan',
    name: 'Kế hoạch công tác thi đua, khen thưởng năm',
    description: 'Kế hoạch công tác thi đua, khen thưởng cả năm, kèm phụ lục nhiệm vụ theo quý (chủ trì, phối hợp).',
  },
];

export interface TemplateOffice {
  /** issuing agency in capitals: "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" */
  agency: string;
  /** parent agency in capitals ("UBND TỈNH LÀO CAI"); "" when none */
  parentAgency: string;
  /** abbreviation used in numbers: "SLĐTBXH" */
  abbreviation: string;
  /** place of the date line: "Lào Cai" */
  place: string;
  /** the head's title on the signature: "GIÁM ĐỐC", "CHỦ TỊCH" */
  headTitle: string;
  headName: string;
  /** the agency's name as written in sentences ("Sở Lao động - Thương binh và Xã hội"); derived when absent */
  agencyName?: string;
  /** unit that runs TĐKT day to day (lead unit of the appendix); default "Văn phòng" */
  secretariat?: string;
}

export interface TemplateInput {
  year: number;
  office: TemplateOffice;
  /** thematic campaigns: the campaign's name, default "…" */
  theme?: string;
}

/** "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở lao động - thương binh và xã hội" (best effort; pass agencyName for the exact form). */
function sentenceCase(upper: string): string {
  return upperFirst(upper.toLocaleLowerCase('vi'));
}

class Builder {
  constructor(readonly newId: IdGenerator) {}

  p(text: string, opts: { bold?: boolean; italic?: boolean } = {}): PlanParagraph {
    const run = { text, ...(opts.bold ? { bold: true } : {}), ...(opts.italic ? { italic: true } : {}) };
    const p: PlanParagraph = { kind: 'paragraph', id: this.newId(), runs: [run] };
    const refs = extractDocReferences(text);
    if (refs.length) p.refs = refs;
    return p;
  }

  /** A section; roman/arabic/letter headings are bold (they print as headings). */
  s(style: LabelStyle, heading: string, body: (string | PlanParagraph)[] = [], children: PlanSection[] = []): PlanSection {
    const bold = style === 'roman' || style === 'arabic' || style === 'arabic-nested' || style === 'letter-paren';
    return {
      id: this.newId(),
      style,
      heading: heading ? [{ text: heading, ...(bold ? { bold: true } : {}) }] : [],
      body: body.map((b) => (typeof b === 'string' ? this.p(b) : b)),
      children,
    };
  }

  /** A labelled sentence item (not a heading): plain runs. */
  item(style: LabelStyle, text: string): PlanSection {
    return { id: this.newId(), style, heading: [{ text }], body: [], children: [] };
  }

  dashes(lines: string[]): PlanSection[] {
    return lines.map((l) => this.s('dash', l));
  }

  basis(text: string): PlanBasis {
    return { id: this.newId(), text, refs: extractDocReferences(text) };
  }
}

function legalBases(b: Builder, year: number): PlanBasis[] {
  if (year <= 2023)
    return [
      b.basis('Căn cứ Luật Thi đua, khen thưởng năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2005 và năm 2013;'),
      b.basis('Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'),
    ];
  if (year <= 2025)
    return [
      b.basis('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;'),
      b.basis('Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'),
    ];
  return [
    b.basis('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;'),
    b.basis(ND152_2025_BASIS),
  ];
}

function basePlan(b: Builder, input: TemplateInput, title: string[]): Plan {
  const o = input.office;
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: b.newId(),
    header: {
      parentAgency: o.parentAgency,
      agency: o.agency,
      docNumber: { number: null, typeCode: PLAN_TYPE_CODE, agencyAbbr: o.abbreviation },
      place: o.place,
      date: { day: null, month: null, year: input.year },
    },
    docType: DEFAULT_DOC_TYPE,
    title,
    bases: legalBases(b, input.year),
    preamble: [],
    sections: [],
    closing: [],
    recipients: [],
    signer: { prefix: '', authorityTitle: '', position: o.headTitle, name: o.headName },
    appendices: [],
  };
}

function recipients(o: TemplateOffice, extra: string[] = []): string[] {
  return [
    'Hội đồng Thi đua - Khen thưởng cấp trên (b/c);',
    'Lãnh đạo cơ quan;',
    ...extra,
    'Các phòng, đơn vị trực thuộc;',
    `Lưu: VT, ${o.secretariat ? abbreviationOf(o.secretariat) : 'VP'}.`,
  ];
}

function abbreviationOf(unit: string): string {
  return unit
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
    .join('');
}

function annualCampaign(b: Builder, input: TemplateInput): Plan {
  const y = input.year;
  const o = input.office;
  const name = o.agencyName ?? sentenceCase(o.agency);
  const plan = basePlan(b, input, [`Phát động phong trào thi đua năm ${y}`]);
  plan.preamble = [
    b.p(
      `Thực hiện Kế hoạch số …/KH-… ngày …/…/${y} của … về phát động phong trào thi đua năm ${y}; ${name} xây dựng Kế hoạch phát động phong trào thi đua năm ${y} như sau:`,
    ),
  ];
  plan.sections = [
    b.s('roman', 'MỤC ĐÍCH, YÊU CẦU', [], [
      b.s('arabic', 'Mục đích', [], b.dashes([
        `Động viên cán bộ, công chức, viên chức và người lao động thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm ${y}.`,
        'Phát hiện, bồi dưỡng, biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu; nhân rộng các điển hình tiên tiến.',
      ])),
      b.s('arabic', 'Yêu cầu', [], b.dashes([
        'Phong trào thi đua được tổ chức thiết thực, hiệu quả, gắn với nhiệm vụ chuyên môn của từng phòng, đơn vị; tránh hình thức.',
        'Việc bình xét, khen thưởng bảo đảm chính xác, công khai, dân chủ, kịp thời, đúng quy định của pháp luật về thi đua, khen thưởng.',
      ])),
    ]),
    b.s('roman', 'NỘI DUNG THI ĐUA', [], [
      b.s('arabic', 'Chủ đề, khẩu hiệu thi đua', [], b.dashes([
        'Chủ đề: “…”.',
        `Khẩu hiệu: “Thi đua hoàn thành xuất sắc nhiệm vụ năm ${y}”.`,
      ])),
      b.s('arabic', 'Nội dung thi đua', [], b.dashes([
        'Thi đua thực hiện tốt chức năng, nhiệm vụ được giao; hoàn thành và vượt các chỉ tiêu, nhiệm vụ năm.',
        'Thi đua đẩy mạnh cải cách hành chính, chuyển đổi số, nâng cao chất lượng phục vụ người dân, doanh nghiệp.',
        'Thi đua thực hiện tốt kỷ luật, kỷ cương hành chính, văn hóa công vụ; thực hành tiết kiệm, chống lãng phí.',
        'Thi đua phát huy sáng kiến, cải tiến phương pháp làm việc nâng cao hiệu quả công tác.',
      ])),
      b.s('arabic', 'Chỉ tiêu thi đua', [], b.dashes([
        '100% tập thể, cá nhân đăng ký thi đua và ký cam kết thực hiện.',
        'Các chỉ tiêu chuyên môn: …',
      ])),
    ]),
    b.s('roman', 'ĐỐI TƯỢNG, THỜI GIAN THI ĐUA', [], [
      b.s('arabic', 'Đối tượng', [`Các phòng, đơn vị trực thuộc và toàn thể cán bộ, công chức, viên chức, người lao động của ${name}.`]),
      b.s('arabic', 'Thời gian', [
        `Từ ngày 01/01/${y} đến ngày 31/12/${y}; sơ kết 6 tháng đầu năm vào tháng 6/${y}, tổng kết vào tháng 12/${y}.`,
      ]),
    ]),
    b.s('roman', 'DANH HIỆU, HÌNH THỨC KHEN THƯỞNG', [], [
      b.s('arabic', 'Danh hiệu thi đua', [], b.dashes([
        'Cá nhân: Lao động tiên tiến; Chiến sĩ thi đua cơ sở; Chiến sĩ thi đua cấp tỉnh.',
        'Tập thể: Tập thể lao động tiên tiến; Tập thể lao động xuất sắc; Cờ thi đua.',
      ])),
      b.s('arabic', 'Hình thức khen thưởng', [], b.dashes([
        `Giấy khen của ${o.headTitle.toLocaleLowerCase('vi').replace(/^./, (c) => c.toLocaleUpperCase('vi'))} ${name}.`,
        'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, Bằng khen của Bộ trưởng; các hình thức khen thưởng cấp Nhà nước.',
      ])),
      b.s('arabic', 'Hồ sơ, thời hạn', [
        `Hồ sơ đề nghị khen thưởng gửi về Thường trực Hội đồng Thi đua - Khen thưởng trước ngày 01/12/${y}, theo hướng dẫn của cấp trên.`,
      ]),
    ]),
    b.s('roman', 'TỔ CHỨC THỰC HIỆN', [], [
      b.s('arabic', `${o.secretariat ?? 'Văn phòng'} (Thường trực Hội đồng Thi đua - Khen thưởng)`, [
        'Tham mưu triển khai Kế hoạch; hướng dẫn, theo dõi, đôn đốc, kiểm tra việc thực hiện; tổng hợp đăng ký thi đua, tham mưu sơ kết, tổng kết và xét khen thưởng.',
      ]),
      b.s('arabic', 'Các phòng, đơn vị trực thuộc', [
        'Tổ chức phát động, đăng ký thi đua tại phòng, đơn vị; báo cáo kết quả thực hiện 6 tháng, năm đúng thời hạn.',
      ]),
    ]),
  ];
  plan.closing = [
    b.p(`Trên đây là Kế hoạch phát động phong trào thi đua năm ${y} của ${name}. Đề nghị các phòng, đơn vị triển khai thực hiện./.`),
  ];
  plan.recipients = recipients(o);
  return plan;
}

function thematicCampaign(b: Builder, input: TemplateInput): Plan {
  const y = input.year;
  const end = y + 2;
  const o = input.office;
  const name = o.agencyName ?? sentenceCase(o.agency);
  const theme = input.theme ?? '…';
  const plan = basePlan(b, input, [`Tổ chức phong trào thi đua “${theme}”`, `giai đoạn ${y} - ${end}`]);
  plan.preamble = [
    b.p(
      `Thực hiện … về phát động phong trào thi đua “${theme}”; ${name} ban hành Kế hoạch tổ chức phong trào thi đua giai đoạn ${y} - ${end} như sau:`,
    ),
  ];
  plan.sections = [
    b.s('roman', 'MỤC ĐÍCH, YÊU CẦU', [], [
      b.s('arabic', 'Mục đích', [], b.dashes([
        'Tạo khí thế thi đua sôi nổi, góp phần hoàn thành các mục tiêu, nhiệm vụ của phong trào.',
        'Kịp thời phát hiện, biểu dương, khen thưởng và nhân rộng các tập thể, cá nhân điển hình.',
      ])),
      b.s('arabic', 'Yêu cầu', [], b.dashes([
        'Nội dung thi đua cụ thể, thiết thực, phù hợp với chức năng, nhiệm vụ của từng phòng, đơn vị.',
        'Gắn phong trào thi đua chuyên đề với phong trào thi đua thường xuyên của cơ quan.',
      ])),
    ]),
    b.s('roman', 'CHỦ ĐỀ, ĐỐI TƯỢNG, THỜI GIAN THI ĐUA', [], [
      b.s('arabic', 'Chủ đề', [`“${theme}”.`]),
      b.s('arabic', 'Đối tượng', ['Các phòng, đơn vị trực thuộc; cán bộ, công chức, viên chức và người lao động.']),
      b.s('arabic', 'Thời gian', [
        `Giai đoạn ${y} - ${end}: sơ kết vào quý IV năm ${y + 1}, tổng kết vào quý IV năm ${end}.`,
      ]),
    ]),
    b.s('roman', 'NỘI DUNG THI ĐUA', [], [
      b.item('letter-paren', 'Tuyên truyền, quán triệt mục đích, ý nghĩa của phong trào đến toàn thể cán bộ, công chức, viên chức, người lao động.'),
      b.item('letter-paren', 'Đăng ký nội dung, chỉ tiêu thi đua cụ thể của từng phòng, đơn vị.'),
      b.item('letter-paren', 'Tổ chức thực hiện các nội dung thi đua: …'),
    ]),
    b.s('roman', 'KHEN THƯỞNG', [], [
      b.s('arabic', 'Khen thưởng sơ kết', [`Năm ${y + 1}: Giấy khen cho các tập thể, cá nhân có thành tích tiêu biểu.`]),
      b.s('arabic', 'Khen thưởng tổng kết', [
        `Năm ${end}: đề nghị cấp trên khen thưởng các tập thể, cá nhân xuất sắc; hồ sơ gửi Thường trực Hội đồng Thi đua - Khen thưởng theo hướng dẫn.`,
      ]),
    ]),
    b.s('roman', 'TỔ CHỨC THỰC HIỆN', [], [
      b.s('arabic', o.secretariat ?? 'Văn phòng', ['Tham mưu triển khai, theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp kết quả, tham mưu sơ kết, tổng kết.']),
      b.s('arabic', 'Các phòng, đơn vị trực thuộc', ['Xây dựng kế hoạch cụ thể, tổ chức thực hiện và báo cáo kết quả theo quy định.']),
    ]),
  ];
  plan.closing = [
    b.p(`Trên đây là Kế hoạch tổ chức phong trào thi đua “${theme}” giai đoạn ${y} - ${end} của ${name}. Đề nghị các phòng, đơn vị nghiêm túc triển khai thực hiện./.`),
  ];
  plan.recipients = recipients(o);
  return plan;
}

function workPlan(b: Builder, input: TemplateInput): Plan {
  const y = input.year;
  const o = input.office;
  const name = o.agencyName ?? sentenceCase(o.agency);
  const lead = o.secretariat ?? 'Văn phòng';
  const units = 'Các phòng, đơn vị trực thuộc';
  const plan = basePlan(b, input, [`Công tác thi đua, khen thưởng năm ${y}`]);
  plan.preamble = [
    b.p(`Thực hiện Kế hoạch số …/KH-… ngày …/…/${y} của … về công tác thi đua, khen thưởng năm ${y}; ${name} xây dựng Kế hoạch công tác thi đua, khen thưởng năm ${y} như sau:`),
  ];
  plan.sections = [
    b.s('roman', 'MỤC ĐÍCH, YÊU CẦU', [], [
      b.s('arabic', 'Mục đích', [], b.dashes([
        'Thực hiện có hiệu quả các văn bản chỉ đạo của cấp trên về công tác thi đua, khen thưởng.',
        'Triển khai các phong trào thi đua thiết thực, hiệu quả; khen thưởng kịp thời, đúng đối tượng.',
      ])),
      b.s('arabic', 'Yêu cầu', [], b.dashes([
        'Các nhiệm vụ được phân công cụ thể, có thời hạn và đơn vị chủ trì, phối hợp.',
        'Công tác khen thưởng bảo đảm dân chủ, công khai, minh bạch, đúng quy định.',
      ])),
    ]),
    b.s('roman', 'NỘI DUNG KẾ HOẠCH', [], [
      b.s('arabic', 'Tổ chức các phong trào thi đua', [], b.dashes([
        `Phát động phong trào thi đua năm ${y}; tổ chức đăng ký thi đua.`,
        'Triển khai các phong trào thi đua chuyên đề do cấp trên phát động.',
      ])),
      b.s('arabic', 'Tuyên truyền, phổ biến các văn bản về thi đua, khen thưởng'),
      b.s('arabic', 'Công tác khen thưởng', ['Xét, đề nghị khen thưởng kịp thời, đúng đối tượng, đúng thành tích.']),
      b.s('arabic', 'Kiểm tra công tác thi đua, khen thưởng', [
        `Kiểm tra công tác thi đua, khen thưởng tại ít nhất 01 đơn vị trực thuộc trong năm ${y}.`,
        b.p(`(Có phụ lục nhiệm vụ trọng tâm năm ${y} kèm theo).`),
      ]),
    ]),
    b.s('roman', 'TỔ CHỨC THỰC HIỆN', [], [
      b.item('arabic', `Giao ${lead} (Thường trực Hội đồng Thi đua - Khen thưởng) theo dõi, đôn đốc việc thực hiện Kế hoạch, báo cáo Lãnh đạo kết quả theo quý.`),
      b.item('arabic', `${units} triển khai thực hiện các nhiệm vụ được giao tại Phụ lục.`),
    ]),
  ];
  plan.closing = [b.p(`Trên đây là Kế hoạch công tác thi đua, khen thưởng năm ${y} của ${name}. Yêu cầu các phòng, đơn vị triển khai thực hiện./.`)];
  plan.recipients = recipients(o);

  const task = (title: string, coordinating: string[] = [units]) => ({
    id: b.newId(),
    title,
    lead: [lead],
    coordinating,
  });
  const groups: QuarterGroup[] = [
    {
      id: b.newId(),
      quarter: 1,
      label: null,
      tasks: [
        task(`Xây dựng Kế hoạch công tác thi đua, khen thưởng năm ${y}`),
        task(`Phát động phong trào thi đua năm ${y}; tổng hợp đăng ký thi đua gửi Hội đồng Thi đua - Khen thưởng cấp trên`),
        task('Triển khai hưởng ứng các phong trào thi đua chuyên đề do cấp trên phát động'),
      ],
    },
    {
      id: b.newId(),
      quarter: 2,
      label: null,
      tasks: [
        task(`Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${y}`),
        task('Xét, đề nghị khen thưởng chuyên đề, đột xuất (nếu có)'),
      ],
    },
    {
      id: b.newId(),
      quarter: 3,
      label: null,
      tasks: [
        task(`Kiểm tra công tác thi đua, khen thưởng năm ${y}`),
        task('Xét công nhận sáng kiến cấp cơ sở'),
      ],
    },
    {
      id: b.newId(),
      quarter: 4,
      label: null,
      tasks: [
        task(`Hướng dẫn bình xét, tổng kết công tác thi đua, khen thưởng năm ${y}`),
        task('Họp Hội đồng Thi đua - Khen thưởng xét danh hiệu thi đua, hình thức khen thưởng; hoàn thiện hồ sơ gửi cấp trên'),
        task(`Báo cáo tổng kết công tác thi đua, khen thưởng năm ${y}; xây dựng kế hoạch năm ${y + 1}`),
      ],
    },
  ];
  const table: QuarterlyTaskTable = { kind: 'quarterly', id: b.newId(), groups };
  plan.appendices = [
    {
      id: b.newId(),
      heading: 'PHỤ LỤC',
      subtitle: [
        `Nhiệm vụ trọng tâm công tác thi đua, khen thưởng năm ${y}`,
        `(Kèm theo Kế hoạch số …/KH-${o.abbreviation} ngày … tháng … năm ${y} của ${name})`,
      ],
      blocks: [table],
      landscape: true,
    },
  ];
  return plan;
}

/**
 * A new plan from a template. The number and the day/month of the date are left blank
 * (filled at signing); the signer is the head of the office.
 */
export function createPlanFromTemplate(
  templateId: PlanTemplateId,
  input: TemplateInput,
  opts: { newId?: IdGenerator } = {},
): Plan {
  const b = new Builder(opts.newId ?? createIdGenerator());
  switch (templateId) {
    case 'annual-campaign':
      return annualCampaign(b, input);
    case 'thematic-campaign':
      return thematicCampaign(b, input);
    case 'tdkt-work-plan':
      return workPlan(b, input);
  }
}
