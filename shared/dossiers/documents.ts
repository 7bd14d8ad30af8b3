// The dossier's documents as OfficialDocument models (NĐ 30/2020 layout comes from the
// renderers): the tờ trình with its danh sách (appendix), the biên bản of the council meeting,
// and one báo cáo thành tích per nominee. Pure: the same models feed the DOCX files and the
// HTML print preview.
import { AWARD_CATALOG, authoritiesOn, decidingLevel, documentAwardName, type Authority, type AwardCode, type IsoDate } from '../awards';
import type { Block, DocSigner, DocTable, DocTableRow, OfficialDocument, Run } from '../documents/model';
import { agencyHead, councilOf, type AgencyKind } from '../documents/agency';
import { foldVi, formatDateVi, formatDocNumber, formatLongDateVi, isoToPartialDate, type PartialDate } from '../text/vn';
import { formatPercent, votePercent, type NomineeInfo, type ReportContent } from './model';
import { legalBasesOn, type ReportTemplate } from './templates';

export interface OfficeInfo {
  name: string;
  parentAgency: string;
  abbreviation: string;
  placeName: string;
  headTitle: string;
  headName: string;
  superiorName: string;
}

export interface CoverText {
  /** "Căn cứ …;" lines; empty: the legal bases in force plus the meeting */
  bases: string[];
  /** body paragraphs ("\n" between them); '': generated */
  intro: string;
  /** closing sentence; '': generated */
  closing: string;
}

export interface MeetingInfo {
  date: IsoDate | null;
  /** "14 giờ 00" */
  time: string;
  place: string;
  chair: string;
  /** "Chủ tịch Hội đồng" */
  chairTitle: string;
  secretary: string;
  membersPresent: string[];
  membersTotal: number | null;
  /** biên bản number (null: left blank) */
  number: number | null;
}

export interface DossierDocInput {
  office: OfficeInfo;
  /** today (fallback year of an undated tờ trình) */
  today: IsoDate;
  year: number;
  awardCode: AwardCode;
  campaignName: string;
  docNumber: number | null;
  docDate: IsoDate | null;
  /** "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai" */
  addressee: string;
  signer: DocSigner;
  cover: CoverText;
  meeting: MeetingInfo;
  nominees: NomineeInfo[];
  minVotePercent: number;
  /** a dossier consolidated from offices' dossiers: each office's tờ trình it answers */
  proposals?: ReadonlyArray<{ office: string; docNumber: number | null; abbreviation: string; docDate: IsoDate | null }>;
}

/** Up to this many offices' tờ trình are cited one by one; more are cited together. */
const PROPOSALS_CITED = 3;

/** "Căn cứ Tờ trình số 05/TTr-PNV ngày 20/11/2025 của Phòng Nội vụ xã Sa Pa;" or, for many, one line. */
function proposalBases(input: DossierDocInput): string[] {
  const ps = input.proposals ?? [];
  if (ps.length === 0) return [];
  if (ps.length > PROPOSALS_CITED) return [`Căn cứ Tờ trình đề nghị khen thưởng của ${ps.length} cơ quan, đơn vị;`];
  return ps.map((p) => {
    const number = p.docNumber === null ? '' : ` số ${formatDocNumber(p.docNumber, 'TTr', p.abbreviation).replace(/^Số:\s*/, '')}`;
    return `Căn cứ Tờ trình${number}${p.docDate ? ` ngày ${formatDateVi(p.docDate)}` : ''} của ${p.office};`;
  });
}

/**
 * "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" / "tặng danh hiệu "Chiến sĩ thi đua cơ sở"":
 * the form named for the level the dossier is addressed to (a province or a ministry).
 */
export function awardPhrase(code: AwardCode, addressee: string): string {
  const e = AWARD_CATALOG[code];
  const name = documentAwardName(code, decidingLevel(addressee));
  return e.kind === 'title' ? `tặng danh hiệu "${name}"` : `tặng ${name}`;
}

/**
 * Who an addressee is, where the text says it: the President, the Prime Minister, the head of an
 * agency or unit ("Giám đốc Sở …", "Hiệu trưởng …"), a district's or a xã's chairman, a province's
 * chairman, a minister.
 */
function addresseeAuthority(addressee: string): Authority | null {
  const t = ` ${foldVi(addressee).replace(/[^a-z0-9]+/g, ' ')} `;
  if (/ chu tich nuoc /.test(t)) return 'chu_tich_nuoc';
  if (/ thu tuong /.test(t)) return 'thu_tuong';
  const chairman = / chu tich /.test(t);
  if (!chairman && / (giam doc|thu truong|hieu truong|vien truong|cuc truong|truong ban|truong phong|chanh van phong) /.test(t)) return 'thu_truong_co_quan';
  if (chairman && / (huyen|quan|thi xa) /.test(t)) return 'chu_tich_huyen';
  if (chairman && / (xa|phuong|thi tran|dac khu) /.test(t)) return 'chu_tich_xa';
  const level = decidingLevel(addressee);
  return level === 'tinh' ? 'chu_tich_tinh' : level === 'bo' ? 'bo_truong' : null;
}

/** The ladder a proposal climbs (Luật TĐKT 2022 Đ.84): a province or ministry to the Prime Minister, who proposes to the President. */
const AUTHORITY_RANK: Readonly<Record<Authority, number>> = {
  thu_truong_co_quan: 0,
  chu_tich_xa: 1,
  chu_tich_huyen: 2,
  chu_tich_tinh: 3,
  bo_truong: 3,
  thu_tuong: 4,
  chu_tich_nuoc: 5,
};

/**
 * What the addressee is asked to do, for "kính trình … xem xét, …": award the form when it is
 * theirs to decide; else pass the proposal one step up — "đề nghị Chủ tịch Ủy ban nhân dân tỉnh
 * tặng Bằng khen" (asked of a Sở's director), "đề nghị Thủ tướng Chính phủ tặng Bằng khen" (of a
 * province's chairman), "trình Thủ tướng Chính phủ đề nghị Chủ tịch nước tặng Huân chương Lao động
 * hạng Ba"; more than a step below the Prime Minister, "trình cấp có thẩm quyền tặng …". An
 * addressee the text does not place is asked as before (awardPhrase).
 */
export function proposalPhrase(code: AwardCode, addressee: string): string {
  const plain = awardPhrase(code, addressee);
  const who = addresseeAuthority(addressee);
  const deciders = AWARD_CATALOG[code].authorities.map((a) => a.authority);
  if (!who || deciders.length === 0 || deciders.includes(who)) return plain;
  const top = deciders.reduce((a, b) => (AUTHORITY_RANK[b] > AUTHORITY_RANK[a] ? b : a));
  if (AUTHORITY_RANK[top] <= AUTHORITY_RANK[who]) return plain;
  // "tặng Bằng khen của Thủ tướng Chính phủ" asked of the Prime Minister: "tặng Bằng khen"
  const without = (phrase: string, authority: string) => phrase.replace(new RegExp(` của ${authority}$`), '');
  if (top === 'chu_tich_nuoc' && who === 'thu_tuong') return `trình Chủ tịch nước ${plain}`;
  if (top === 'chu_tich_nuoc' && AUTHORITY_RANK[who] === 3) return `trình Thủ tướng Chính phủ đề nghị Chủ tịch nước ${plain}`;
  if (top === 'thu_tuong' && AUTHORITY_RANK[who] === 3) return `đề nghị Thủ tướng Chính phủ ${without(plain, 'Thủ tướng Chính phủ')}`;
  if (AUTHORITY_RANK[top] === 3) {
    // a province's form (or a ministry's, when the addressee names a ministry), named for that level
    const head = decidingLevel(addressee) === 'bo' && deciders.includes('bo_truong') ? 'Bộ trưởng' : 'Chủ tịch Ủy ban nhân dân tỉnh';
    return `đề nghị ${head} ${without(awardPhrase(code, head), head)}`;
  }
  return `trình cấp có thẩm quyền ${plain}`;
}

/** "03 cá nhân và 01 tập thể" */
export function nomineeCounts(nominees: readonly Pick<NomineeInfo, 'kind'>[]): string {
  const p = nominees.filter((n) => n.kind === 'person').length;
  const u = nominees.length - p;
  const two = (n: number) => String(n).padStart(2, '0');
  return [p ? `${two(p)} cá nhân` : '', u ? `${two(u)} tập thể` : ''].filter(Boolean).join(' và ') || '0 cá nhân';
}

const dateOf = (iso: IsoDate | null, today: IsoDate): PartialDate => (iso ? isoToPartialDate(iso) : { year: Number(today.slice(0, 4)), month: null, day: null });

/** The tờ trình's number line part after "Số:", e.g. "05/TTr-SNV" or "…/TTr-SNV". */
export function coverNumber(input: Pick<DossierDocInput, 'docNumber' | 'office'>): string {
  return formatDocNumber(input.docNumber, 'TTr', input.office.abbreviation).replace(/^Số:\s*/, '') || '…';
}

export function defaultBases(input: DossierDocInput): string[] {
  const date = input.docDate ?? input.today;
  const lines = [...legalBasesOn(date).lines];
  if (input.campaignName) lines.push(`Căn cứ kết quả thực hiện phong trào thi đua "${input.campaignName}";`);
  lines.push(...proposalBases(input));
  if (input.meeting.date) {
    lines.push(`Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng ${councilOf(input.office.name)} ngày ${formatDateVi(input.meeting.date)}.`);
  }
  // the last line ends with a full stop
  const last = lines.length - 1;
  lines[last] = lines[last]!.replace(/[;.]?$/, '.');
  return lines;
}

export function defaultIntro(input: DossierDocInput): string {
  const counts = nomineeCounts(input.nominees);
  const meeting = input.meeting.date
    ? `Ngày ${formatDateVi(input.meeting.date)}, Hội đồng Thi đua - Khen thưởng ${councilOf(input.office.name)} đã họp xét, thống nhất đề nghị khen thưởng cho ${counts} có thành tích xuất sắc trong năm ${input.year}.`
    : `Hội đồng Thi đua - Khen thưởng ${councilOf(input.office.name)} đã xét, thống nhất đề nghị khen thưởng cho ${counts} có thành tích xuất sắc trong năm ${input.year}.`;
  return [
    meeting,
    `${input.office.name} kính trình ${input.addressee || '…'} xem xét, ${proposalPhrase(input.awardCode, input.addressee)} cho ${counts} (có danh sách kèm theo).`,
  ].join('\n');
}

export function defaultClosing(input: DossierDocInput): string {
  return `Kính trình ${input.addressee || '…'} xem xét, quyết định./.`;
}

const para = (text: string, o: { noIndent?: boolean } = {}): Block => ({ kind: 'paragraph', runs: [{ text }], ...(o.noIndent ? { noIndent: true } : {}) });
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** The danh sách table: STT, họ tên, chức vụ, đơn vị, tóm tắt thành tích; group rows when individuals and collectives mix. */
export function danhSachTable(nominees: readonly NomineeInfo[]): DocTable {
  const columns = [
    { header: 'STT', width: 6, align: 'center' as const },
    { header: 'Họ và tên (tên tập thể)', width: 22 },
    { header: 'Chức vụ', width: 18 },
    { header: 'Đơn vị', width: 22 },
    { header: 'Tóm tắt thành tích', width: 42, align: 'justify' as const },
  ];
  const people = nominees.filter((n) => n.kind === 'person');
  const units = nominees.filter((n) => n.kind === 'unit');
  const row = (n: NomineeInfo, i: number): DocTableRow => ({
    cells: [[{ text: String(i + 1) }], [{ text: n.name }], [{ text: n.position }], [{ text: n.unitName }], [{ text: n.summary }]],
  });
  if (people.length === 0 || units.length === 0) return { columns, rows: nominees.map(row) };
  return {
    columns,
    rows: [
      { cells: [[{ text: 'I' }], [{ text: 'Cá nhân' }]], group: true },
      ...people.map(row),
      { cells: [[{ text: 'II' }], [{ text: 'Tập thể' }]], group: true },
      ...units.map(row),
    ],
  };
}

/** The tờ trình with the danh sách as its appendix. */
export function toTrinhDocument(input: DossierDocInput): OfficialDocument {
  const o = input.office;
  const bases = input.cover.bases.filter((b) => b.trim()).length ? input.cover.bases : defaultBases(input);
  const intro = input.cover.intro.trim() ? input.cover.intro : defaultIntro(input);
  const closing = input.cover.closing.trim() ? input.cover.closing : defaultClosing(input);
  const people = input.nominees.filter((n) => n.kind === 'person').length;
  const units = input.nominees.length - people;
  const attached = [
    '- Danh sách đề nghị khen thưởng (kèm theo);',
    `- Biên bản họp Hội đồng Thi đua - Khen thưởng${input.meeting.date ? ` ngày ${formatDateVi(input.meeting.date)}` : ''};`,
    `- Báo cáo thành tích của ${[people ? `${people} cá nhân` : '', units ? `${units} tập thể` : ''].filter(Boolean).join(', ') || '…'};`,
    '- Các văn bản, minh chứng có liên quan.',
  ];
  const date = dateOf(input.docDate, input.today);
  const dateText = input.docDate ? ` ngày ${formatDateVi(input.docDate)}` : '';
  return {
    header: {
      parentAgency: o.parentAgency,
      agency: o.name,
      numberLine: formatDocNumber(input.docNumber, 'TTr', o.abbreviation),
      place: o.placeName,
      date,
    },
    docType: 'TỜ TRÌNH',
    title: [`Về việc đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}`],
    addressees: input.addressee.trim() ? [input.addressee.trim()] : [],
    bases,
    preamble: [],
    body: [...lines(intro).map((l) => para(l)), para('Hồ sơ kèm theo gồm:'), ...attached.map((l) => para(l))],
    closing: lines(closing).map((l) => [{ text: l }]),
    recipients: ['Như trên', `Lưu: VT, ${o.abbreviation}`],
    signer: input.signer,
    appendices: [
      {
        heading: 'DANH SÁCH',
        subtitle: [`Đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}`, `(Kèm theo Tờ trình số ${coverNumber(input)}${dateText} của ${o.name})`],
        blocks: [{ kind: 'table', table: danhSachTable(input.nominees) }],
        landscape: true,
      },
    ],
  };
}

/** A nominee's first cells where the council votes (the ballot, the biên bản's results): STT, name, position and unit. */
function votedCells(n: NomineeInfo, i: number): Run[][] {
  return [[{ text: String(i + 1) }], [{ text: n.name }], [{ text: [n.position, n.unitName].filter(Boolean).join(', ') }]];
}

/** The results table of the biên bản. */
export function votesTable(nominees: readonly NomineeInfo[]): DocTable {
  return {
    columns: [
      // 8 %: "STT" in bold fits on one line (7 % broke it as "ST / T")
      { header: 'STT', width: 8, align: 'center' },
      { header: 'Họ và tên (tên tập thể)', width: 30 },
      { header: 'Chức vụ, đơn vị', width: 33 },
      { header: 'Số phiếu đồng ý / tổng số phiếu', width: 16, align: 'center' },
      { header: 'Tỷ lệ', width: 13, align: 'center' },
    ],
    rows: nominees.map((n, i) => ({
      cells: [
        ...votedCells(n, i),
        [{ text: n.votesAgree !== null && n.votesTotal !== null ? `${n.votesAgree}/${n.votesTotal}` : '' }],
        [{ text: formatPercent(votePercent(n.votesAgree, n.votesTotal)) }],
      ],
    })),
  };
}

/** The minutes of the council meeting: thư ký (left) and chủ tọa (right) sign. */
export function bienBanDocument(input: DossierDocInput): OfficialDocument {
  const m = input.meeting;
  const o = input.office;
  const counts = nomineeCounts(input.nominees);
  const passed = input.nominees.filter((n) => (votePercent(n.votesAgree, n.votesTotal) ?? -1) >= input.minVotePercent);
  const when = m.date ? formatLongDateVi(isoToPartialDate(m.date)) : 'ngày … tháng … năm …';
  const members = m.membersPresent.map((name, i) => para(`- ${name}${i === m.membersPresent.length - 1 ? '.' : ';'}`));
  const body: Block[] = [
    para(`Thời gian: ${m.time.trim() ? `${m.time.trim()}, ` : ''}${when}.`),
    para(`Địa điểm: ${m.place.trim() || '…'}.`),
    para(
      `Thành phần: ${m.membersPresent.length} thành viên Hội đồng Thi đua - Khen thưởng ${councilOf(o.name)}${m.membersTotal ? ` (có mặt ${m.membersPresent.length}/${m.membersTotal} thành viên)` : ''}, gồm:`,
    ),
    ...members,
    para(`Chủ trì: ${m.chair.trim() || '…'}${m.chairTitle.trim() ? `, ${m.chairTitle.trim()}` : ''}. Thư ký: ${m.secretary.trim() || '…'}.`),
    { kind: 'heading', level: 1, label: 'I.', runs: [{ text: 'NỘI DUNG' }] },
    para(
      `Hội đồng đã nghe Thường trực Hội đồng báo cáo tóm tắt thành tích của ${counts} được đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}; các thành viên thảo luận, đối chiếu với tiêu chuẩn theo quy định và biểu quyết bằng hình thức bỏ phiếu kín.`,
    ),
    { kind: 'heading', level: 1, label: 'II.', runs: [{ text: 'KẾT QUẢ BIỂU QUYẾT' }] },
    { kind: 'table', table: votesTable(input.nominees) },
    { kind: 'heading', level: 1, label: 'III.', runs: [{ text: 'KẾT LUẬN' }] },
    para(
      `Hội đồng thống nhất đề nghị ${input.addressee.trim() || 'cấp có thẩm quyền'} xem xét, ${proposalPhrase(input.awardCode, input.addressee)} cho ${nomineeCounts(passed)} có tỷ lệ phiếu đồng ý từ ${input.minVotePercent}% trở lên (danh sách nêu tại mục II).`,
    ),
  ];
  return {
    header: {
      parentAgency: o.name,
      agency: 'Hội đồng Thi đua - Khen thưởng',
      numberLine: formatDocNumber(m.number, 'BB', 'HĐTĐKT'),
      place: o.placeName,
      date: dateOf(m.date, input.today),
    },
    docType: 'BIÊN BẢN',
    title: ['Họp Hội đồng Thi đua - Khen thưởng', `xét đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}`],
    bases: [],
    preamble: [],
    body,
    closing: [[{ text: 'Cuộc họp kết thúc cùng ngày. Biên bản đã được đọc lại trước Hội đồng và các thành viên dự họp nhất trí thông qua./.' }]],
    recipients: [],
    signer: { position: 'CHỦ TỌA', name: m.chair },
    coSigner: { position: 'THƯ KÝ', name: m.secretary },
    appendices: [],
  };
}

/** How a ballot is marked, printed above its table. */
const BALLOT_INSTRUCTION =
  'Cách ghi phiếu: đồng ý đề nghị cá nhân (tập thể) nào thì đánh dấu (x) vào ô “Đồng ý” cùng dòng, không đồng ý thì đánh dấu (x) vào ô “Không đồng ý”. Mỗi dòng chỉ đánh dấu một ô; dòng đánh dấu cả hai ô hoặc không đánh dấu ô nào không được tính cho cá nhân (tập thể) đó.';

/**
 * The ballot of the council's secret vote (the biên bản records a "bỏ phiếu kín"): the nominees
 * in the dossier's order — the numbers of the biên bản's results table, so the count is entered
 * row by row — each with an "Đồng ý" and a "Không đồng ý" box. Unsigned: printed once for each
 * member present.
 */
export function ballotDocument(input: DossierDocInput): OfficialDocument {
  const m = input.meeting;
  const when = m.date ? `(Phiên họp Hội đồng Thi đua - Khen thưởng ngày ${formatDateVi(m.date)})` : '';
  const table: DocTable = {
    columns: [
      { header: 'STT', width: 8, align: 'center' },
      { header: 'Họ và tên (tên tập thể)', width: 28 },
      { header: 'Chức vụ, đơn vị', width: 32 },
      { header: 'Đồng ý', width: 12, align: 'center' },
      // wide enough for "Không đồng ý" in bold on one line (16 % broke it in two)
      { header: 'Không đồng ý', width: 20, align: 'center' },
    ],
    rows: input.nominees.map((n, i) => ({
      cells: [...votedCells(n, i), [{ text: '' }], [{ text: '' }]],
    })),
  };
  return {
    header: {
      parentAgency: input.office.name,
      agency: 'Hội đồng Thi đua - Khen thưởng',
      numberLine: '',
      place: input.office.placeName,
      date: dateOf(m.date, input.today),
    },
    docType: 'PHIẾU BIỂU QUYẾT',
    title: [`Đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}`],
    bases: [],
    preamble: [],
    body: [
      ...(when ? [{ kind: 'paragraph' as const, runs: [{ text: when, italic: true }], align: 'center' as const, noIndent: true }] : []),
      { kind: 'paragraph', runs: [{ text: BALLOT_INSTRUCTION, italic: true }] },
      { kind: 'table', table },
      { kind: 'paragraph', runs: [{ text: 'Ý kiến khác (nếu có):' }], align: 'left' },
      // lines to write on: 30 ellipses fit the text width in 14 pt Times New Roman (≈160 mm)
      ...[0, 1].map((): Block => ({ kind: 'paragraph', runs: [{ text: '…'.repeat(30) }], align: 'left', noIndent: true })),
    ],
    closing: [],
    recipients: [],
    signer: null,
    appendices: [],
  };
}

/** The achievement report of one nominee, laid out on its template. */
export function baoCaoDocument(input: DossierDocInput, nominee: NomineeInfo, template: ReportTemplate, content: ReportContent): OfficialDocument {
  const o = input.office;
  const byId = new Map(content.sections.map((s) => [s.id, s]));
  const body: Block[] = [];
  for (const spec of template.sections) {
    body.push({ kind: 'heading', level: spec.level, label: spec.label, runs: [{ text: spec.heading }] });
    const c = byId.get(spec.id);
    if (spec.kind === 'text') {
      const ls = lines(c?.text ?? '');
      for (const l of ls.length ? ls : ['…']) body.push(para(l));
    } else if (spec.kind === 'table') {
      const rows = c?.rows ?? [];
      if (rows.length === 0) body.push(para('Chưa có.'));
      else {
        body.push({
          kind: 'table',
          table: {
            columns: spec.columns!.map((col, i) => ({ header: col.header, width: col.width, ...(i === 0 ? { align: 'center' as const } : {}) })),
            rows: rows.map((r) => ({ cells: spec.columns!.map((_c, i): Run[] => [{ text: r[i] ?? '' }]) })),
          },
        });
      }
    }
  }
  const who = (w: ReportTemplate['signers']['left']['who']) => (w === 'office_head' ? o.headName : w === 'nominee' ? nominee.name : '');
  const subjectLine =
    nominee.kind === 'person'
      ? [nominee.name, nominee.position, nominee.unitName].filter(Boolean).join(', ')
      : [nominee.name, nominee.unitName].filter(Boolean).join(', ');
  return {
    header: {
      parentAgency: o.parentAgency,
      agency: o.name,
      numberLine: '',
      place: o.placeName,
      date: dateOf(input.docDate, input.today),
    },
    docType: template.docType,
    title: [`Đề nghị ${awardPhrase(input.awardCode, input.addressee)} năm ${input.year}`, subjectLine],
    bases: [],
    preamble: [],
    body,
    closing: [],
    recipients: [],
    signer: { position: template.signers.right.title, note: template.signers.right.note, name: who(template.signers.right.who) },
    coSigner: { position: template.signers.left.title, note: template.signers.left.note, name: who(template.signers.left.who) },
    appendices: [],
  };
}

/** ASCII file-name part: "Nguyễn Văn An" → "Nguyen-Van-An"; a long one cut after a whole word. */
export function fileSlug(s: string, max = 40): string {
  const slug = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || 'tep';
  // the word cut in two is dropped, unless it is the only one
  const cut = slug.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : cut.slice(0, max)).replace(/-+$/, '') || 'tep';
}

/**
 * Default "Kính gửi" of the tờ trình: the authority that decides the award on that date (the
 * highest one listed; the Prime Minister for what the President decides), worded for the
 * office's place — or, for a unit under an agency, that agency's head.
 */
export function defaultAddressee(
  code: AwardCode,
  date: IsoDate,
  office: Pick<OfficeInfo, 'name' | 'placeName' | 'headTitle' | 'superiorName'> & { levelCode?: string },
): string {
  const auth = authoritiesOn(code, date).map((a) => a.authority);
  const place = office.placeName.trim();
  // A unit under a Sở or another agency ("Đơn vị cơ sở") sends what its own head cannot decide
  // to the agency that manages it, which passes it on (Luật TĐKT 2022 Đ.84). A xã or a Sở
  // proposes to the province's chairman itself, the Sở Nội vụ appraising on the way.
  const superior = office.levelCode === 'co_so' ? superiorHead(office.superiorName) : '';
  const superiorAuth = superior ? addresseeAuthority(superior) : null;
  if (!auth.includes('thu_truong_co_quan') && superiorAuth !== null && AUTHORITY_RANK[superiorAuth] < 3) return superior;
  // nobody below the Prime Minister proposes to the President (Luật TĐKT 2022 Đ.84): he does
  if (auth.includes('chu_tich_nuoc') || auth.includes('thu_tuong')) return 'Thủ tướng Chính phủ';
  if (auth.includes('chu_tich_tinh')) return `Chủ tịch Ủy ban nhân dân tỉnh${place ? ` ${place}` : ''}`;
  if (auth.includes('bo_truong')) return 'Bộ trưởng Bộ Nội vụ';
  if (office.headTitle.trim()) return `${office.headTitle.trim()} ${office.name}`;
  return office.superiorName.trim();
}

/**
 * The head of the agency the office profile names as its superior: "Sở Nội vụ tỉnh Lào Cai" →
 * "Giám đốc Sở Nội vụ tỉnh Lào Cai", "UBND xã Bát Xát" → "Chủ tịch Ủy ban nhân dân xã Bát Xát",
 * "Bộ Nội vụ" → "Bộ trưởng Bộ Nội vụ"; '' when none is named or its head cannot be told.
 */
export function superiorHead(superiorName: string): string {
  const head = agencyHead(superiorName);
  // the heads whose place on the proposal's ladder is known (addresseeAuthority)
  return head && SUPERIOR_KINDS.has(head.kind) ? head.authority : '';
}

const SUPERIOR_KINDS: ReadonlySet<AgencyKind> = new Set(['ubnd', 'so', 'bo']);

/** "Đề nghị tặng Bằng khen của … năm 2025". */
export function defaultTitle(code: AwardCode, year: number, addressee: string): string {
  return `Đề nghị ${awardPhrase(code, addressee)} năm ${year}`;
}
