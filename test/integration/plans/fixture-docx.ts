// Builds the .docx form of test/fixtures/plans/tan-phong-2026.txt with the `docx` package, laid
// out the way offices type it in Word but shaped differently from the reference plans: no parent
// agency (the xã's name wraps over two bold lines), letter points drawn by Word's automatic
// numbering (the "a." is not in the text), runs split mid-word, "1.1." items, "+" bullets, a
// footer table with a TM. signer, and an appendix table "Quý | Nội dung | Chủ trì | Phối hợp |
// Thời gian" whose quarter cell is merged down two rows (w:vMerge).
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { zipSync, strToU8 } from 'fflate';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** A paragraph whose text is split into runs at the given cut points (as Word does). */
function split(text: string, opts: { bold?: boolean; italic?: boolean; align?: 'center' | 'both' } = {}, cuts = [3, 11]): Paragraph {
  const parts: string[] = [];
  let last = 0;
  for (const c of cuts) {
    if (c > last && c < text.length) {
      parts.push(text.slice(last, c));
      last = c;
    }
  }
  parts.push(text.slice(last));
  return new Paragraph({
    alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    children: parts.map((t) => new TextRun({ text: t, bold: opts.bold, italics: opts.italic })),
  });
}

const body = (t: string) => split(t);
const bold = (t: string) => split(t, { bold: true });
const centre = (t: string, b = true) => split(t, { bold: b, align: 'center' });

function letter(text: string, instance: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    numbering: { reference: 'points', level: 0, instance },
    children: [new TextRun({ text: text.slice(0, 5) }), new TextRun({ text: text.slice(5) })],
  });
}

function cell(texts: string[], opts: { bold?: boolean; rowSpan?: number } = {}): TableCell {
  return new TableCell({
    rowSpan: opts.rowSpan,
    children: texts.map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: opts.bold })] })),
  });
}

export async function buildTanPhongDocx(): Promise<Uint8Array> {
  const header = new Table({
    borders: NO_BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: [
              centre('ỦY BAN NHÂN DÂN'),
              centre('XÃ TÂN PHONG'),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('Số: '), new TextRun('07/KH-UBND')] }),
            ],
          }),
          new TableCell({
            children: [
              centre('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
              centre('Độc lập - Tự do - Hạnh phúc'),
              split('Tân Phong, ngày 20 tháng 02 năm 2026', { italic: true, align: 'center' }, [4, 10, 20]),
            ],
          }),
        ],
      }),
    ],
  });

  const footer = new Table({
    borders: NO_BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: [
              new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true })] }),
              ...['- UBND tỉnh (b/c);', '- Thường trực Đảng ủy xã;', '- Thường trực HĐND xã;', '- Các thôn;', '- Lưu: VT, VHXH.'].map(
                (t) => new Paragraph({ children: [new TextRun({ text: t, size: 22 })] }),
              ),
            ],
          }),
          new TableCell({
            children: [
              centre('TM. ỦY BAN NHÂN DÂN'),
              centre('CHỦ TỊCH'),
              new Paragraph({}),
              new Paragraph({}),
              centre('Trần Văn Hùng'),
            ],
          }),
        ],
      }),
    ],
  });

  const appendixTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: ['Quý', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'].map((h) => cell([h], { bold: true })) }),
      new TableRow({
        children: [
          cell(['Quý I']),
          cell(['Phát động phong trào, ký giao ước thi đua với các thôn']),
          cell(['Công chức Văn hóa - Xã hội']),
          cell(['Mặt trận Tổ quốc xã;', 'Các thôn']),
          cell(['Tháng 3/2026']),
        ],
      }),
      new TableRow({
        children: [
          cell(['Quý II'], { rowSpan: 2 }),
          cell(['Rà soát tiêu chí nông thôn mới nâng cao']),
          cell(['Công chức Địa chính - Xây dựng']),
          cell(['Các thôn']),
          cell(['Tháng 5/2026']),
        ],
      }),
      new TableRow({
        children: [
          cell(['Vận động hiến đất mở rộng đường liên thôn']),
          cell(['Công chức Địa chính - Xây dựng']),
          cell(['Mặt trận Tổ quốc xã; Đoàn Thanh niên xã']),
          cell(['Tháng 6/2026']),
        ],
      }),
      new TableRow({
        children: [
          cell(['Quý III']),
          cell(['Kiểm tra tiến độ thực hiện tại các thôn']),
          cell(['Công chức Văn hóa - Xã hội']),
          cell(['Các thôn']),
          cell(['Tháng 9/2026']),
        ],
      }),
      new TableRow({
        children: [
          cell(['Quý IV']),
          cell(['Tổng hợp kết quả năm 2026, đề xuất khen thưởng']),
          cell(['Công chức Văn hóa - Xã hội']),
          cell(['Các thôn; Hội Nông dân xã']),
          cell(['Tháng 12/2026']),
        ],
      }),
    ],
  });

  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1.', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          header,
          centre('KẾ HOẠCH'),
          centre('Tổ chức phong trào thi đua “Tân Phong chung sức xây dựng nông thôn mới”'),
          centre('giai đoạn 2026 - 2028'),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('--------')] }),
          split('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;', { italic: true }),
          split('Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;', { italic: true }),
          split('Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh về phát động phong trào thi đua năm 2026.', { italic: true }),
          body('Ủy ban nhân dân xã Tân Phong xây dựng Kế hoạch tổ chức phong trào thi đua như sau:'),
          bold('I. MỤC ĐÍCH, YÊU CẦU'),
          body('1.1. Tạo sự chuyển biến mạnh mẽ về nhận thức của cán bộ, đảng viên và Nhân dân về xây dựng nông thôn mới.'),
          body('1.2. Phong trào được triển khai đồng bộ ở tất cả các thôn, gắn với cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa”.'),
          bold('II. NỘI DUNG THI ĐUA'),
          bold('1. Thi đua phát triển kinh tế'),
          letter('Chuyển đổi cơ cấu cây trồng, vật nuôi; phát triển sản phẩm OCOP của xã.', 1),
          letter('Hỗ trợ hộ nghèo, hộ cận nghèo thoát nghèo bền vững:', 1),
          body('+ Rà soát, phân loại hộ nghèo hằng năm;'),
          body('+ Hướng dẫn cách làm ăn, giới thiệu việc làm cho lao động nông thôn.'),
          bold('2. Thi đua xây dựng kết cấu hạ tầng'),
          letter('Vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn.', 2),
          letter('Chỉnh trang khu dân cư, nhà văn hóa thôn.', 2),
          bold('III. ĐỐI TƯỢNG, THỜI GIAN'),
          body(
            'Đối tượng: các thôn, cơ quan, đơn vị, doanh nghiệp, hộ gia đình và cá nhân trên địa bàn xã. Thời gian: từ tháng 3/2026 đến hết năm 2028; sơ kết vào quý IV năm 2027, tổng kết vào quý IV năm 2028.',
          ),
          bold('IV. KHEN THƯỞNG'),
          body('- Sơ kết: Chủ tịch UBND xã tặng Giấy khen cho tối đa 05 tập thể và 10 cá nhân.'),
          body('- Tổng kết: đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho tập thể, cá nhân tiêu biểu xuất sắc.'),
          bold('V. TỔ CHỨC THỰC HIỆN'),
          body(
            'Công chức Văn hóa - Xã hội là thường trực, tham mưu UBND xã theo dõi, đôn đốc thực hiện Kế hoạch; các thôn xây dựng kế hoạch cụ thể và báo cáo kết quả trước ngày 25 của tháng cuối quý.',
          ),
          body(
            'Trên đây là Kế hoạch tổ chức phong trào thi đua “Tân Phong chung sức xây dựng nông thôn mới” giai đoạn 2026 - 2028 của UBND xã Tân Phong./.',
          ),
          footer,
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          centre('PHỤ LỤC'),
          centre('NHIỆM VỤ TRỌNG TÂM NĂM 2026'),
          split('(Kèm theo Kế hoạch số 07/KH-UBND ngày 20/02/2026 của UBND xã Tân Phong)', { italic: true, align: 'center' }),
          appendixTable,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A zip that looks like a docx but whose document part has no w:body. */
export function docxWithoutBody(): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:document>',
    ),
  });
}

/** A zip with a Word part whose XML is broken. */
export function docxWithBrokenXml(): Uint8Array {
  return zipSync({
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'),
  });
}

/** A valid zip that is not a Word document. */
export function zipWithoutDocument(): Uint8Array {
  return zipSync({ 'hello.txt': strToU8('xin chào') });
}
