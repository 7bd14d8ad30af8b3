// Table columns wide enough for their widest word: "STT" and "30/06/2025" never break inside
// the word, in the DOCX and in the print view alike.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../shared/documents/html';
import { longestWordTwips } from '../../../shared/documents/metrics';
import type { DocTable, OfficialDocument } from '../../../shared/documents/model';
import { CELL_MARGIN, CONTENT_WIDTH_LANDSCAPE, CONTENT_WIDTH_PORTRAIT, SIZE, normaliseWidths, tableColumnWidths } from '../../../shared/documents/print-css';
import { renderDocx } from '../../../electron/services/documents';
import { samplePlan } from './sample';

/** The tasks report's appendix columns as they were when "STT" and the dates broke. */
function taskTable(rows: number): DocTable {
  return {
    columns: [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Nội dung', width: 30 },
      { header: 'Chủ trì', width: 13 },
      { header: 'Phối hợp', width: 16 },
      { header: 'Thời hạn', width: 10, align: 'center' },
      { header: 'Trạng thái', width: 11, align: 'center' },
      { header: 'Ghi chú/kết quả', width: 20 },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({
      cells: [
        [{ text: String(i + 1) }],
        [{ text: 'Tổ chức Hội nghị điển hình tiên tiến năm 2025' }],
        [{ text: 'Văn phòng' }],
        [{ text: 'Phòng Tổ chức cán bộ' }],
        [{ text: '30/06/2025' }],
        [{ text: 'Quá hạn', bold: true }],
        [],
      ],
    })),
  };
}

const fits = (word: string, width: number, bold = false) => longestWordTwips(word, SIZE.table, { bold }) + 2 * CELL_MARGIN <= width;

describe('tableColumnWidths', () => {
  it('widens a column to its widest word, taking the room from the columns that have it', () => {
    const t = taskTable(3);
    const base = normaliseWidths(t.columns, CONTENT_WIDTH_PORTRAIT);
    // as the relative widths alone gave them: too narrow
    expect(fits('STT', base[0]!, true)).toBe(false);
    expect(fits('30/06/2025', base[4]!)).toBe(false);
    const w = tableColumnWidths(t, CONTENT_WIDTH_PORTRAIT, SIZE.table);
    expect(w.reduce((a, b) => a + b, 0)).toBe(CONTENT_WIDTH_PORTRAIT);
    expect(fits('STT', w[0]!, true)).toBe(true);
    expect(fits('30/06/2025', w[4]!)).toBe(true);
    expect(fits('Trạng', w[5]!, true) && fits('Quá', w[5]!, true)).toBe(true);
    // the wide columns gave it up, and stay in the same order of size
    expect(w[1]!).toBeLessThan(base[1]!);
    expect(w[6]!).toBeLessThan(base[6]!);
    expect(w[1]!).toBeGreaterThan(w[6]!);
    // every column at least its widest word
    for (const [i, word] of ['STT', 'Nội', 'Phòng', 'Phòng', '30/06/2025', 'Trạng', 'Ghi'].entries()) expect(fits(word, w[i]!, i === 0)).toBe(true);
  });

  it('leaves widths that fit as they are, and widens on a landscape page too', () => {
    const roomy: DocTable = { columns: [{ header: 'A', width: 1 }, { header: 'B', width: 3 }], rows: [{ cells: [[{ text: 'một' }], [{ text: 'hai ba' }]] }] };
    expect(tableColumnWidths(roomy, 9000, 13)).toEqual(normaliseWidths(roomy.columns, 9000));
    const t = taskTable(2);
    const w = tableColumnWidths(t, CONTENT_WIDTH_LANDSCAPE, SIZE.table);
    expect(w.reduce((a, b) => a + b, 0)).toBe(CONTENT_WIDTH_LANDSCAPE);
    expect(fits('30/06/2025', w[4]!)).toBe(true);
  });

  it('when the words cannot all fit, shares the width by what each needs; one very long word takes at most 40 %', () => {
    const many: DocTable = {
      columns: Array.from({ length: 12 }, (_, i) => ({ header: `Cột${i}`, width: 1 })),
      rows: [{ cells: Array.from({ length: 12 }, (_, i) => [{ text: i === 0 ? '0123456789' : 'ab' }]) }],
    };
    const w = tableColumnWidths(many, 3000, 13);
    expect(w.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(w[0]!).toBeGreaterThan(w[1]!);
    const url: DocTable = {
      columns: [{ header: 'Tệp', width: 1 }, { header: 'Ghi chú', width: 1 }],
      rows: [{ cells: [[{ text: 'https://example.gov.vn/'.padEnd(200, 'x') }], [{ text: 'ngắn' }]] }],
    };
    const u = tableColumnWidths(url, 9000, 13);
    expect(u[0]!).toBeLessThanOrEqual(9000 * 0.5);
  });

  it('DOCX and print view draw the same columns, on the portrait text and on a landscape appendix', async () => {
    const t = taskTable(4);
    const doc: OfficialDocument = {
      ...samplePlan(),
      body: [{ kind: 'table', table: t }],
      appendices: [{ heading: 'Phụ lục', subtitle: [], blocks: [{ kind: 'table', table: t }], landscape: true }],
    };
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((g) => Number(g[1])));
    const seven = grids.filter((g) => g.length === 7);
    expect(seven).toEqual([tableColumnWidths(t, CONTENT_WIDTH_PORTRAIT, SIZE.table), tableColumnWidths(t, CONTENT_WIDTH_LANDSCAPE, SIZE.table)]);
    const html = renderHtml(doc);
    const cols = [...html.matchAll(/<colgroup>((?:<col style="width:[\d.]+%">)+)<\/colgroup>/g)].map((m) => [...m[1]!.matchAll(/width:([\d.]+)%/g)].map((c) => Number(c[1])));
    expect(cols).toHaveLength(2);
    cols.forEach((pcts, k) => {
      const total = k === 0 ? CONTENT_WIDTH_PORTRAIT : CONTENT_WIDTH_LANDSCAPE;
      pcts.forEach((p, i) => expect(p).toBeCloseTo((seven[k]![i]! / total) * 100, 1));
    });
  });
});
