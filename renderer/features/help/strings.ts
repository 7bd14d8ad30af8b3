// Vietnamese strings of the Hướng dẫn (offline help): the screen's words and its topics.
// A label quoted “…” in a topic is a button, tab or screen as the app names it
// (test/unit/help checks each one against the renderer's sources).
import type { RouteId } from '../../app/router';
import { CATALOG_ENTRIES, RULE_SETS, listText, type AwardCode } from '../../../shared/awards';
import { formatDateVi } from '../../../shared/text/vn';
import { T as PLANS } from '../plans/strings';
import { T as AWARDS } from '../awards/strings';
import { Q } from '../search/strings';
import type { AwardsTab } from '../awards/store';
import type { TasksView } from '../tasks/store';
import type { DossiersTab } from '../dossiers/store';

export const HELP_SHORTCUT = 'F1';

/** The screen a step is done on ("Mở" goes there), and the tab where the screen has tabs. */
export type HelpPlace =
  | { route?: Exclude<RouteId, 'awards' | 'tasks' | 'dossiers'>; tab?: undefined }
  | { route: 'awards'; tab?: AwardsTab }
  | { route: 'tasks'; tab?: TasksView }
  | { route: 'dossiers'; tab?: DossiersTab };

export type HelpStep = { text: string } & HelpPlace;

export interface HelpTopic {
  id: string;
  title: string;
  intro?: string;
  steps?: HelpStep[];
  /** tables of keys: a heading and [keys, what they do] rows */
  keys?: Array<{ title: string; rows: ReadonlyArray<readonly [string, string]> }>;
  /** filled from the running app (where the data file is) */
  dataPlace?: boolean;
}

/** The years a rule set judges: those whose 31/12 falls in its time in force (ruleSetFor). */
function yearsOf(from: string, to: string | undefined): string {
  const first = Number(from.slice(0, 4));
  if (!to) return `từ năm ${first}`;
  const last = to.slice(5) === '12-31' ? Number(to.slice(0, 4)) : Number(to.slice(0, 4)) - 1;
  return first === last ? `năm ${first}` : `các năm ${first} – ${last}`;
}

const ruleSetLines: HelpStep[] = RULE_SETS.filter((r) => !r.draft).map((r) => ({
  text: `${r.name}: thành tích ${yearsOf(r.effectiveFrom, r.effectiveTo)} (có hiệu lực từ ${formatDateVi(r.effectiveFrom)}${r.effectiveTo ? ` đến ${formatDateVi(r.effectiveTo)}` : ''}).`,
}));

/** What the checker judges, from the rule sets: a form some sets judge says from which year. */
function judgedLine(): HelpStep {
  const sets = RULE_SETS.filter((r) => !r.draft);
  const codesOf = (r: (typeof sets)[number]) => new Set<AwardCode>([...r.individual, ...r.collective].map((a) => a.code));
  const judged = CATALOG_ENTRIES.filter((e) => sets.some((r) => codesOf(r).has(e.code)));
  const name = (e: (typeof judged)[number]) => {
    const first = sets.find((r) => codesOf(r).has(e.code))!;
    // a form for people and collectives that the sets judge for one of them only
    const forUnits = sets.some((r) => r.collective.some((a) => a.code === e.code));
    const forPeople = sets.some((r) => r.individual.some((a) => a.code === e.code));
    const who = e.subjects.length > 1 && forUnits !== forPeople ? (forPeople ? 'cá nhân' : 'tập thể') : '';
    const since = first === sets[0] ? '' : yearsOf(first.effectiveFrom, undefined);
    const notes = [who, since].filter(Boolean).join(', ');
    return notes ? `${e.shortName} (${notes})` : e.shortName;
  };
  const others = CATALOG_ENTRIES.filter((e) => !judged.includes(e)).map((e) => e.shortName);
  return {
    text: `Được xét tự động: ${listText(judged.map(name))}. ${listText(others)}: chỉ ghi nhận trong quyết định và hồ sơ, không xét tự động.`,
    route: 'awards',
    tab: 'check',
  };
}

export const TOPICS: HelpTopic[] = [
  {
    id: 'nam-cong-tac',
    title: 'Một năm công tác thi đua, khen thưởng',
    intro: 'Các việc thường làm trong năm, theo thứ tự. Nút dưới mỗi bước mở màn hình làm việc đó.',
    steps: [
      {
        text: 'Đầu năm, lập kế hoạch: bấm “Tạo từ mẫu”, hoặc “Nhập từ tệp (.docx, .txt, .json)” để lấy kế hoạch đã soạn bằng Word (hay tệp .json một máy khác đã xuất). Sửa nội dung, xem bản in bên cạnh; xuất “Word” để trình ký hoặc “In”; khi đã có số và ngày ký, bấm “Ban hành”.',
        route: 'plans',
      },
      {
        text: 'Giao nhiệm vụ: ở “Nhiệm vụ theo quý”, bấm “Tạo từ kế hoạch” để lấy các nhiệm vụ trong phụ lục của kế hoạch, với đơn vị chủ trì, phối hợp và thời hạn. Nhiệm vụ khác thì “Thêm nhiệm vụ”.',
        route: 'tasks',
      },
      {
        text: 'Nhận đăng ký thi đua của cá nhân, tập thể: thẻ “Đăng ký”, bấm “Thêm đăng ký”; cả đơn vị cùng đăng ký một danh hiệu (hoặc một danh sách họ tên dán vào): bấm “Đăng ký nhiều…”.',
        route: 'awards',
        tab: 'registrations',
      },
      {
        text: 'Trong năm, theo dõi nhiệm vụ ở thẻ “Bảng quý”: chuyển nhiệm vụ giữa các cột trạng thái, ghi kết quả, đính kèm minh chứng. Cuối kỳ, thẻ “Báo cáo” xuất báo cáo quý, 6 tháng hoặc năm: “Xuất báo cáo (Word)” hoặc “Xuất Excel”.',
        route: 'tasks',
        tab: 'board',
      },
      {
        text: 'Cuối năm, nhập xếp loại và danh hiệu: thẻ “Nhập cuối năm”, chọn đơn vị, gõ mã xếp loại hoặc dán từ Excel, rồi “Lưu”.',
        route: 'awards',
        tab: 'grid',
      },
      {
        text: 'Xét điều kiện: thẻ “Kiểm tra điều kiện” cho biết ai đủ, ai gần đủ điều kiện từng danh hiệu, hình thức khen thưởng, còn thiếu gì và theo căn cứ nào; “Xuất Excel” để có danh sách cho cuộc họp Hội đồng Thi đua - Khen thưởng.',
        route: 'awards',
        tab: 'check',
      },
      {
        text: 'Lập hồ sơ đề nghị: bấm “Lập hồ sơ mới”, chọn người, tập thể từ đề xuất của phần kiểm tra điều kiện (hoặc thêm trực tiếp, hay “Dán danh sách…” họ tên nhiều người một lần), ghi kết quả họp Hội đồng (một cuộc họp xét nhiều danh hiệu: “Chép từ hồ sơ khác…” lấy thông tin cuộc họp đã ghi ở hồ sơ khác cùng năm; trước cuộc họp, “In phiếu biểu quyết (Word)” in phiếu bỏ phiếu kín, mỗi thành viên dự họp một bản) và báo cáo thành tích, đính kèm minh chứng (“Tải tệp minh chứng lên”, hoặc kéo thả tệp từ thư mục vào khung Minh chứng). Mục “Kiểm tra trước khi xuất” nói còn phải sửa gì; rồi “Tạo văn bản”: tờ trình, danh sách, biên bản, báo cáo thành tích.',
        route: 'dossiers',
        tab: 'own',
      },
      {
        text: 'Gửi lên cấp trên: trong hồ sơ, bấm “Gửi hồ sơ lên cấp trên” (hồ sơ được khóa); rồi ở “Trao đổi dữ liệu”, “Xuất gói dữ liệu” ra ổ USB (tệp .tdkt) và mang gói lên cấp trên.',
        route: 'exchange',
      },
      {
        text: 'Khi có quyết định: thẻ “Quyết định”, bấm “Thêm quyết định”; dưới ô tiền thưởng là mức theo quy định ở ngày quyết định (hệ số nhân lương cơ sở, làm tròn lên hàng chục nghìn, tập thể gấp đôi với hình thức khen thưởng; khi Chính phủ điều chỉnh lương cơ sở mà ứng dụng chưa có, thêm mức mới ở thẻ “Danh mục”), bấm “Điền mức này” để điền; quyết định có nhiều người thì bấm “Dán danh sách…” và dán họ tên từ quyết định, bảng Word hoặc Excel (người trùng họ tên được phân biệt bằng ngày sinh, đơn vị trên cùng dòng, hoặc chọn trong danh sách); để trống “Cơ quan ban hành” thì văn bản ghi cơ quan mình, hoặc cấp trên khi chỉ cấp trên có thẩm quyền tặng hình thức đó. Ở quyết định đã lưu: “Soạn quyết định (Word)” (căn cứ theo ngày quyết định và cơ quan ban hành: quyết định của Chủ tịch UBND căn cứ Luật Tổ chức chính quyền địa phương, của Thủ tướng căn cứ Luật Tổ chức Chính phủ), in giấy khen, bằng khen (Word), “Danh sách chi tiền thưởng (Excel)”. Cấp trên trả lời bằng văn bản giấy thì mở hồ sơ đã gửi, bấm “Ghi kết quả của cấp trên” (ghi luôn quyết định, kèm tiền thưởng theo mức quy định).',
        route: 'awards',
        tab: 'decisions',
      },
    ],
  },
  {
    id: 'cap-tren',
    title: 'Ở cấp trên: nhận và tổng hợp hồ sơ',
    steps: [
      {
        text: 'Mở gói các cơ quan gửi lên: “Mở gói dữ liệu nhận được”, chọn tệp .tdkt. Ứng dụng kiểm tra gói, cho xem trước những gì sẽ thay đổi và chỉ ghi khi bấm “Nhập vào máy này”; gói hỏng hoặc bị sửa thì không ghi gì. Trong ứng dụng trên máy tính, bấm đúp vào tệp .tdkt (trong USB, thư mục) cũng mở gói ở đây.',
        route: 'exchange',
      },
      {
        text: 'Xét hồ sơ nhận: thẻ “Hồ sơ nhận từ cơ quan khác”; mở hồ sơ, “Ghi kết quả xét hồ sơ”: được khen theo quyết định nào, hoặc trả lại kèm lý do.',
        route: 'dossiers',
        tab: 'received',
      },
      {
        text: 'Tổng hợp: “Tổng hợp danh sách (Excel)” cho Hội đồng của cấp mình; “Lập hồ sơ trình cấp trên” lập một hồ sơ từ các hồ sơ nhận cùng hình thức, cùng năm.',
        route: 'dossiers',
        tab: 'received',
      },
      {
        text: 'Gửi kết quả về: sau khi ghi kết quả, xuất gói loại “Gửi về cơ quan” cho từng cơ quan.',
        route: 'exchange',
      },
      {
        text: 'Khi một máy khác cần tổng hợp mọi dữ liệu đã nhận: xuất gói loại “Toàn bộ dữ liệu của mọi cơ quan”. Gói này không dùng để chuyển sang máy mới (không mang phong trào, kế hoạch, nhiệm vụ, cài đặt): chuyển máy bằng sao lưu và “Khôi phục từ tệp…”.',
        route: 'exchange',
      },
    ],
  },
  {
    id: 'bat-dau',
    title: 'Bắt đầu với dữ liệu của cơ quan',
    steps: [
      { text: 'Lập cây đơn vị: “Thêm đơn vị”, rồi “Thêm đơn vị con” cho các phòng, đơn vị trực thuộc; hoặc “Thêm nhiều đơn vị” để gõ, dán cả danh sách, mỗi dòng một đơn vị, đơn vị cấp dưới có dấu “-” ở đầu dòng. Khi tổ chức lại, “Sáp nhập vào đơn vị khác…” (menu ⋯ của đơn vị) chuyển cán bộ đang công tác và các đơn vị cấp dưới sang đơn vị tiếp nhận.', route: 'units' },
      {
        text: 'Nhập danh sách cán bộ: “Nhập từ Excel”; chưa có tệp thì “Tải tệp mẫu (.xlsx)”. Ứng dụng kiểm tra từng dòng, nói dòng nào, cột nào sai và chỉ nhập khi không còn lỗi.',
        route: 'staff',
      },
      {
        text: 'Nhập hồ sơ thi đua các năm trước (xếp loại, danh hiệu, khen thưởng, sáng kiến): “Nhập hồ sơ cũ từ Excel”.',
        route: 'awards',
      },
      {
        text: 'Một người bị nhập hai lần (hai lần nhập tệp, chuyển đơn vị lại nhập như người mới): “Tìm người trùng” để gộp thành một.',
        route: 'staff',
      },
      {
        text: 'Nhiều người cùng chuyển đơn vị, cùng nghỉ hưu, hay một danh sách nhập nhầm: đánh dấu ở cột đầu danh sách cán bộ (giữ Shift để chọn liền nhiều dòng, ô ở tiêu đề để chọn tất cả người đang lọc), rồi “Chuyển đơn vị…”, “Đổi trạng thái…” hoặc “Xóa”.',
        route: 'staff',
      },
      {
        text: 'Nhiều cán bộ dùng chung máy: mỗi người một tên ở “Người dùng trên máy này”; chọn đúng người trước khi làm việc, vì mỗi thay đổi hồ sơ chính thức được ghi kèm tên người làm.',
        route: 'settings',
      },
    ],
  },
  {
    id: 'tim-kiem',
    title: 'Tìm kiếm',
    steps: [
      { text: `“${Q.open}” (${Q.shortcut}) ở mọi màn hình: tìm cán bộ, đơn vị, phong trào, kế hoạch, nhiệm vụ, quyết định, hồ sơ; Enter để mở.` },
      { text: 'Gõ không dấu cũng được: «nguyen van an» tìm thấy Nguyễn Văn An. Các ô tìm trong từng màn hình cũng vậy.' },
    ],
  },
  {
    id: 'sao-luu',
    title: 'Sao lưu và khôi phục',
    steps: [
      { text: 'Ứng dụng tự sao lưu khi mở, khi đóng và mỗi ngày khi đang chạy, vào thư mục sao lưu cạnh tệp dữ liệu; số bản được giữ chỉnh ở màn hình “Sao lưu”.', route: 'backup' },
      { text: 'Bản tự động nằm cùng ổ đĩa với dữ liệu: ổ hỏng là mất cả hai. Thường xuyên bấm “Sao lưu ngay” và chọn một thư mục trên ổ USB.', route: 'backup' },
      {
        text: 'Khôi phục: chọn bản sao lưu trong danh sách, bấm “Khôi phục”, hoặc “Khôi phục từ tệp…”. Ứng dụng kiểm tra bản sao lưu trước, và giữ dữ liệu đang có thành một bản sao lưu trước khi thay.',
        route: 'backup',
      },
    ],
  },
  {
    id: 'khi-gap-loi',
    title: 'Khi ứng dụng gặp lỗi',
    steps: [
      {
        text: 'Một màn hình gặp lỗi thì chỉ màn hình đó hiện thông báo, các màn hình khác vẫn dùng được: bấm “Thử lại”, chuyển sang màn hình khác, hoặc “Tải lại cửa sổ”. Dữ liệu đã lưu không bị ảnh hưởng; chỉ phần đang nhập dở trên màn hình đó có thể chưa được lưu.',
      },
      {
        text: 'Lỗi không lường trước được ghi vào nhật ký lỗi (thư mục logs cạnh tệp dữ liệu), không kèm dữ liệu hồ sơ. Xem ở “Cài đặt”, mục “Nhật ký lỗi”; “Sao chép để gửi hỗ trợ” chép cả nhật ký để dán vào thư điện tử hoặc tin nhắn gửi bộ phận hỗ trợ.',
        route: 'settings',
      },
      {
        text: 'Nếu phần xử lý dữ liệu gặp sự cố (ví dụ hết bộ nhớ khi mở một tệp rất lớn), ứng dụng tự khởi động lại phần đó; thao tác đang làm không bị ghi dở dang — kiểm tra lại rồi làm lại thao tác.',
      },
      { text: 'Sao lưu tự động không thành công (ổ đĩa đầy, thư mục sao lưu không cho ghi) được báo ở “Tổng quan” và “Sao lưu” cho đến lần sao lưu thành công sau.', route: 'backup' },
    ],
  },
  {
    id: 'xoa-nham',
    title: 'Xóa nhầm, quên lưu',
    steps: [
      { text: 'Sau khi xóa một bản ghi (cán bộ, phong trào, kế hoạch, nhiệm vụ, quyết định, sáng kiến, hồ sơ, một người trong hồ sơ, một tệp minh chứng…), thông báo ở góc màn hình có nút “Hoàn tác”.' },
      { text: 'Những gì đã xóa trên máy này nằm trong “Thùng rác”: tìm, rồi “Khôi phục”. Gộp nhầm hai cán bộ thì “Tách lại”.', route: 'trash' },
      { text: 'Khi chưa khôi phục được (ví dụ người đó đã được thêm lại), ứng dụng nói lý do và việc cần làm trước.' },
      {
        text: 'Đang nhập dở mà chưa lưu (bảng nhập cuối năm, quyết định, báo cáo thành tích, tờ trình, cuộc họp Hội đồng, cũng như thông tin một cán bộ, đơn vị, phong trào, nhiệm vụ, sáng kiến, kỷ luật, đăng ký thi đua hay thông tin cơ quan) thì chuyển màn hình, đóng hộp thoại hay đóng cửa sổ đều được hỏi trước: “Ở lại” để lưu, hoặc “Bỏ thay đổi”.',
      },
    ],
  },
  {
    id: 'quy-dinh',
    title: 'Quy định áp dụng khi xét điều kiện',
    intro: 'Mỗi năm được xét theo văn bản có hiệu lực vào ngày 31/12 năm đó:',
    steps: [
      ...ruleSetLines,
      judgedLine(),
      {
        text: '“Gần đủ” là còn thiếu đúng một điều kiện: một năm xếp loại, một lần Chiến sĩ thi đua cơ sở, một sáng kiến… Người chưa có Bằng khen là điều kiện trước (Bằng khen tỉnh cho Bằng khen Thủ tướng, Bằng khen Thủ tướng cho Huân chương Lao động hạng Ba) thì ở mục “Chưa đủ”, vì các năm liên tục chỉ được tính từ sau khi được tặng; nếu thực ra đã được tặng, hãy nhập quyết định đó ở thẻ “Quyết định”.',
        route: 'awards',
        tab: 'decisions',
      },
      { text: 'Quy định nào chưa đối chiếu được với văn bản gốc được ghi “chưa xác minh”: đó là gợi ý, Hội đồng cần đối chiếu trước khi quyết định.' },
      {
        text: 'Tỷ lệ Chiến sĩ thi đua cơ sở, mức xếp loại và các tham số khác của tỉnh, và việc áp dụng dự thảo sửa đổi Luật: thẻ “Danh mục, tham số”.',
        route: 'awards',
        tab: 'catalog',
      },
    ],
  },
  {
    id: 'phim-tat',
    title: 'Phím tắt',
    keys: [
      {
        title: 'Mọi màn hình',
        rows: [
          [HELP_SHORTCUT, 'Mở Hướng dẫn'],
          [Q.shortcut, Q.open],
        ],
      },
      { title: `Bảng “${AWARDS.tabs.grid}”`, rows: AWARDS.grid.keys },
      { title: 'Soạn kế hoạch', rows: PLANS.shortcutList },
    ],
  },
  {
    id: 'du-lieu',
    title: 'Dữ liệu nằm ở đâu',
    dataPlace: true,
    steps: [
      { text: 'Ứng dụng làm việc không cần Internet. Dữ liệu chỉ rời máy khi bạn xuất gói dữ liệu, sao lưu hoặc xuất văn bản, bảng tính.' },
      {
        text: 'Văn bản và bảng tính xuất ra (tờ trình, danh sách, báo cáo…) được lưu vào thư mục bạn chọn; lần sau hộp thoại mở ngay ở thư mục vừa lưu. Lưu xong, ứng dụng báo tệp nằm ở đâu, kèm “Mở tệp” và “Mở thư mục”. Nếu báo “Không lưu được tệp”, thường là một tệp cùng tên đang mở trong Word hoặc Excel: đóng tệp đó rồi lưu lại, hoặc lưu với tên khác. Khi ứng dụng chạy trong trình duyệt, tệp vào thư mục tải về của trình duyệt.',
      },
      { text: 'Thư mục sao lưu tự động là thư mục backups cạnh tệp dữ liệu; nhật ký lỗi nằm trong thư mục logs bên cạnh. Khi chuyển sang máy khác: sao lưu ra USB, cài ứng dụng ở máy mới, rồi “Khôi phục từ tệp…”.', route: 'backup' },
      {
        text: 'Mỗi máy dùng tệp dữ liệu riêng trên ổ đĩa của mình; các máy, các cơ quan trao đổi với nhau bằng gói dữ liệu. Đừng để tệp dữ liệu ở ổ mạng, thư mục dùng chung cho nhiều máy cùng mở: ổ mạng chỉ nên chứa bản sao lưu. Nếu tệp đang ở ổ mạng, ứng dụng báo ở Tổng quan, Cài đặt và Sao lưu.',
      },
    ],
  },
];

export const HS = {
  title: 'Hướng dẫn sử dụng',
  intro: `Cách làm những việc thường gặp. Nhấn ${HELP_SHORTCUT} ở bất kỳ màn hình nào để mở lại trang này.`,
  search: 'Tìm trong hướng dẫn…',
  searchLabel: 'Tìm trong hướng dẫn (gõ không dấu cũng được)',
  nothing: 'Không có mục nào khớp.',
  open: (screen: string) => `Mở ${screen}`,
  openTab: (tab: string) => `Mở thẻ ${tab}`,
  keysCol: 'Phím',
  whatCol: 'Tác dụng',
  dataFile: 'Tệp dữ liệu trên máy này:',
  lastExternal: (when: string) => `Bản sao lưu ra ngoài ổ đĩa này gần nhất (${when}):`,
  noExternal: 'Chưa có bản sao lưu nào ra ngoài ổ đĩa này (ổ USB, thư mục mạng): vào “Sao lưu”, chọn thư mục lưu rồi bấm “Sao lưu ngay”.',
} as const;
