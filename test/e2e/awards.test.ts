// The awards screen in Chromium against the real browser host: a unit's year-end ratings
// entered with the keyboard and by pasting a block copied from Excel, saved, then the
// eligibility check and one person's explanation (rule text and legal basis).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';
import { readBook, sheetRows } from '../support/xlsx';
import { PEOPLE, UNITS } from '../fixtures/records/office-history';
import { docxPlainText } from '../../electron/services/documents/docx-text';

const SHOTS = process.env.TDKT_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `awards-${name}.png`) });
}

describe.skipIf(!hasChromium)('awards e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('grid by keyboard and paste → save → check → explanation with rule text and legal basis', async () => {
    host = await session.startHost(path.join(tempDir('tdkt-e2e-awards-'), 'office.sqlite'), { TDKT_TODAY: '2025-03-01' });
    const base = host.url.split('#')[0]!;
    const h = host;
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(h, proc, input);

    // office, two units, the staff of the history fixture
    await api('office.save', E2E_OFFICE);
    const units: Record<string, string> = {};
    for (const [k, name] of Object.entries(UNITS)) units[k] = (await api<{ id: string }>('units.create', { name })).id;
    for (const p of PEOPLE) {
      await api('staff.create', { fullName: p.fullName, birthDate: p.birthDate, gender: p.gender, unitId: units[p.unit], employmentStart: '2015-01-01' });
    }

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // the year-end grid of Phòng Người có công, 2024
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-grid').waitFor();
    await page.getByTestId('grid-year').fill('2024');
    await page.getByTestId('grid-unit').click();
    await page.getByRole('option', { name: UNITS.ncc, exact: true }).click();
    const rows = page.getByTestId('grid-row');
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual([
      'Nguyễn Văn An',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Hoàng Văn Em',
      'Vũ Thị Phương',
    ]);
    const cell = (i: number, col: string) => rows.nth(i).getByTestId(`grid-cell-${col}`);
    // a 1024 px window shows every column of the grid, the titles' checkboxes last (they ran
    // past the edge); with the sub-units' column too it scrolls sideways, its header along
    await page.setViewportSize({ width: 1024, height: 700 });
    const lastBox = await cell(0, 'CSTDCS').boundingBox();
    expect(lastBox!.x + lastBox!.width).toBeLessThanOrEqual(1024);
    await page.getByTestId('award-grid').evaluate((el) => (el.scrollLeft = 500));
    expect(await page.getByTestId('award-grid').evaluate((el) => el.scrollLeft)).toBe(0);
    await page.setViewportSize({ width: 1366, height: 860 });

    // keyboard: row 1 "HTX" → HTXSNV, → → → Space ticks LĐTT; Enter goes down, ← ← ← back to the rating, "t" → HTTNV
    await cell(0, 'rating').click();
    await page.keyboard.type('htx');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('t');
    await page.keyboard.press('ArrowDown');
    expect(await cell(0, 'rating').getAttribute('data-value')).toBe('HTXSNV');
    expect(await cell(0, 'LDTT').getAttribute('data-value')).toBe('x');
    expect(await cell(1, 'rating').getAttribute('data-value')).toBe('HTTNV');
    expect(await cell(2, 'rating').getAttribute('data-active')).toBe('true');

    // paste a block copied from Excel at row 3: rating words and maternity marks; "Giỏi" is not a rating
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'Hoàn thành xuất sắc nhiệm vụ\tx\r\nTốt\t\r\nGiỏi\tx\r\n');
    await page.keyboard.press('ControlOrMeta+V');
    const report = page.getByTestId('grid-paste-report');
    await report.waitFor();
    expect(await report.innerText()).toContain('Đã dán 5 ô.');
    expect(await page.getByTestId('grid-paste-problem').allInnerTexts()).toEqual([
      'Dòng 5 (Vũ Thị Phương), cột Xếp loại: “Giỏi” — nhập HTXSNV, HTTNV, HTNV, KHTNV hoặc “Hoàn thành xuất sắc nhiệm vụ”, “xuất sắc”, “tốt”…',
    ]);
    expect(await cell(2, 'rating').getAttribute('data-value')).toBe('HTXSNV');
    expect(await cell(2, 'maternity').getAttribute('data-value')).toBe('x');
    expect(await cell(3, 'rating').getAttribute('data-value')).toBe('HTTNV');
    expect(await cell(4, 'rating').getAttribute('data-value')).toBe('');
    expect(await cell(4, 'maternity').getAttribute('data-value')).toBe('x');
    await shot(page, 'grid-pasted');

    // fix the unrecognised cell with the keyboard: two rows down, "1" = HTXSNV
    await page.getByTestId('award-grid').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('1');
    expect(await cell(4, 'rating').getAttribute('data-value')).toBe('HTXSNV');

    await page.getByTestId('grid-save').click();
    await page.getByText('Đã lưu: cập nhật 5 người; thêm 1, bỏ 0 danh hiệu.').waitFor();
    await expect.poll(() => page.getByTestId('grid-dirty').count()).toBe(0);
    expect(await cell(4, 'rating').getAttribute('data-value')).toBe('HTXSNV');
    // saved in the database
    const grid = await api<{ rows: Array<{ fullName: string; rating: string | null; maternityLeave: boolean; titles: { LDTT: { held: boolean } } }> }>(
      'records.yearGrid',
      { unitId: units.ncc, year: 2024 },
    );
    expect(grid.rows.map((r) => [r.fullName, r.rating, r.maternityLeave, r.titles.LDTT.held])).toEqual([
      ['Nguyễn Văn An', 'HTXSNV', false, true],
      ['Lê Văn Cường', 'HTTNV', false, false],
      ['Phạm Thị Dung', 'HTXSNV', true, false],
      ['Hoàng Văn Em', 'HTTNV', false, false],
      ['Vũ Thị Phương', 'HTXSNV', true, false],
    ]);

    // the statistics count the title the grid's decision gave, by year and by unit, as the core does
    await page.getByTestId('awards-tab-chart').click();
    await page.getByTestId('stats-from').fill('2024');
    await page.getByTestId('stats-to').fill('2024');
    const stats = await api<Array<{ year: number; unitName: string; formLabel: string; count: number }>>('records.stats', { yearFrom: 2024, yearTo: 2024, unitId: null });
    expect(stats.map((r) => [r.year, r.unitName, r.formLabel, r.count])).toEqual([[2024, UNITS.ncc, 'LĐTT', 1]]);
    await expect.poll(() => page.getByTestId('chart-row').allInnerTexts()).toEqual([expect.stringMatching(/^2024\s+1\s+1$/)]);
    expect(await page.getByTestId('chart-bar').count()).toBe(1);
    await page.getByTestId('stats-by').getByText('Đơn vị').click();
    await expect.poll(() => page.getByTestId('chart-row').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^${UNITS.ncc}\\s+1\\s+1$`))]);
    // the same counts as the statistics table a report carries, by unit as chosen
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
    expect(download.suggestedFilename()).toBe('thong-ke-khen-thuong-2024.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Thống kê khen thưởng')!;
    expect([sheet.getCell('A4').value, sheet.getCell('A5').value, sheet.getCell('C7').value]).toEqual(['BẢNG THỐNG KÊ KẾT QUẢ KHEN THƯỞNG', 'Năm 2024', UNITS.ncc]);
    expect([10, 11, 12].map((r) => [1, 2, 3, 4, 5].map((c) => sheet.getCell(r, c).value))).toEqual([
      [1, 'Lao động tiên tiến', 1, null, 1],
      ['', 'Tổng cộng', 1, null, 1],
      [null, null, null, null, null],
    ]);
    // the year's statistics in the forms of TT 02/2023/TT-BNV, for the last year chosen
    expect(await page.getByTestId('stats-periodic').innerText()).toBe('Biểu thống kê năm 2024');
    const [periodic] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-periodic').click()]);
    expect(periodic.suggestedFilename()).toBe('bao-cao-thong-ke-tdkt-tt02-2024.xlsx');
    const forms = new ExcelJS.Workbook();
    await forms.xlsx.load(fs.readFileSync((await periodic.path())!) as unknown as ArrayBuffer);
    expect(forms.worksheets.map((w) => w.name)).toEqual(['0601.N', '0602.N', '0603.N', 'Chi tiết', 'Ghi chú']);
    expect(forms.getWorksheet('0603.N')!.getCell('A1').value).toBe('Biểu số: 0603.N/BNV-TĐKT');

    // the check for the unit and year chosen above
    await page.getByTestId('awards-tab-check').click();
    await page.getByTestId('check-run').click();
    await page.getByTestId('check-row').first().waitFor();
    expect(await page.getByTestId('check-warnings').innerText()).toContain('Phòng Người có công: 3 người đủ điều kiện CSTĐCS trên 5 người đủ điều kiện LĐTT');
    const phuong = page.locator('[data-testid="check-row"][data-name="Vũ Thị Phương"]');
    expect(await phuong.getByTestId('check-ok').allInnerTexts()).toEqual(['LĐTT', 'CSTĐCS']);
    // every form judged is counted, one nobody is near too (else it reads as not judged)
    const counts = await page.getByTestId('check-count').allInnerTexts();
    expect(counts).toContain('LĐTT: 5 đủ · 0 gần đủ');
    expect(counts).toContain('HCLĐ hạng Ba: 0 đủ · 0 gần đủ');
    await shot(page, 'check');

    // the core filters the list: a name typed without diacritics, then one title's verdict
    const names = () => page.getByTestId('check-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    const everyone = await names();
    expect(everyone.length).toBeGreaterThan(2);
    await page.getByTestId('check-search').fill('vu thi phuong');
    await expect.poll(names).toEqual(['Vũ Thị Phương']);
    await page.getByTestId('check-search').fill('');
    await expect.poll(names).toEqual(everyone);
    await page.getByTestId('check-title').click();
    await page.getByRole('option', { name: 'CSTĐCS', exact: true }).click();
    await page.getByTestId('check-verdict').click();
    await page.getByRole('option', { name: 'Đủ điều kiện', exact: true }).click();
    await expect.poll(async () => (await names()).length).toBe(3);
    expect(await page.getByTestId('check-matched').innerText()).toContain('3 /');
    for (const row of await page.getByTestId('check-row').all()) expect(await row.getByTestId('check-ok').allInnerTexts()).toContain('CSTĐCS');
    // "Xuất Excel" writes what the filters show: the three as the council's list
    const shown = (await names()).sort();
    const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('check-export').click()]);
    expect(list.suggestedFilename()).toBe('kiem-tra-dieu-kien-khen-thuong-2024.xlsx');
    const checked = new ExcelJS.Workbook();
    await checked.xlsx.load(fs.readFileSync((await list.path())!) as unknown as ArrayBuffer);
    expect(checked.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'CSTĐCS']);
    const cs = checked.getWorksheet('CSTĐCS')!;
    expect(cs.getCell('A4').value).toBe('DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN XÉT TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ” NĂM 2024');
    expect([7, 8, 9].map((r) => String(cs.getCell(r, 2).value)).sort()).toEqual(shown);
    expect([7, 8, 9, 10].map((r) => cs.getCell(r, 5).value)).toEqual(['Đủ điều kiện', 'Đủ điều kiện', 'Đủ điều kiện', null]);
    await page.getByTestId('check-verdict').click();
    await page.getByRole('option', { name: 'Mọi kết quả', exact: true }).click();
    await page.getByTestId('check-title').click();
    await page.getByRole('option', { name: 'Mọi danh hiệu', exact: true }).click();
    await expect.poll(names).toEqual(everyone);

    // her explanation: each rule with its legal basis; the HTXSNV branch is marked "chưa xác minh"
    await phuong.getByTestId('check-explain').click();
    const drawer = page.getByTestId('explanation');
    await drawer.waitFor();
    const ldtt = drawer.locator('[data-testid="explanation-candidate"][data-code="LDTT"]');
    expect(await ldtt.getByTestId('explanation-message').allInnerTexts()).toContain('Năm 2024 xếp loại HTXSNV (có nghỉ thai sản, thời gian nghỉ được tính)');
    expect(await ldtt.getByTestId('explanation-basis').allInnerTexts()).toContain('Căn cứ: Luật TĐKT 2022, Điều 24; NĐ 98/2023/NĐ-CP, Điều 4');
    const cstdcs = drawer.locator('[data-testid="explanation-candidate"][data-code="CSTDCS"]');
    const item = cstdcs.getByTestId('explanation-item').filter({ hasText: 'nhánh HTXSNV' });
    expect(await item.getByTestId('explanation-message').innerText()).toBe('Năm 2024 xếp loại HTXSNV (không có sáng kiến, đạt theo nhánh HTXSNV)');
    expect(await item.getByTestId('explanation-basis').innerText()).toBe('Căn cứ: Luật TĐKT 2022, Điều 23');
    expect(await item.getByTestId('unverified-badge').innerText()).toMatch(/chưa xác minh/i);
    // a near miss says what is missing
    const tinh = drawer.locator('[data-testid="explanation-candidate"][data-code="CSTD_TINH"]');
    await tinh.locator('button').first().click();
    expect(await tinh.getByTestId('explanation-missing').allInnerTexts()).toContain('Còn thiếu: thiếu 2 năm CSTĐCS liên tục: 2022 và 2023 chưa có');
    await shot(page, 'explanation');
    await page.keyboard.press('Escape');

    // every one of them rated for 2024: nothing to point at; for 2025, before the year-end grid,
    // no one is: the screen says so and opens the grid on that year
    expect(await page.getByTestId('check-unrated').count()).toBe(0);
    await page.getByTestId('check-year').fill('2025');
    await page.getByTestId('check-run').click();
    await expect.poll(() => page.getByTestId('check-unrated').innerText()).toContain('Chưa ai có xếp loại năm 2025');
    await page.getByTestId('check-open-grid').click();
    await page.getByTestId('awards-tab-grid').and(page.locator('[aria-selected="true"]')).waitFor();
    expect(await page.getByTestId('grid-year').inputValue()).toBe('2025');

    // the staff list opens a person's timeline
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-search').fill('vu thi phuong');
    await expect.poll(() => page.getByTestId('staff-row-name').allInnerTexts()).toEqual(['Vũ Thị Phương']);
    await page.getByTestId('staff-history').click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    expect(await timeline.locator('[data-testid="timeline-year"][data-year="2024"]').innerText()).toContain('HTXSNV');
    await shot(page, 'timeline');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('many units: pickers tell a shared name apart; every quota warning can be read, their number in the title', async () => {
    const h = await session.startHost(path.join(tempDir('tdkt-e2e-awards-q-'), 'office.sqlite'), { TDKT_TODAY: '2025-03-01' });
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(h, proc, input);
    await api('office.save', E2E_OFFICE);
    // one person a unit, HTXSNV: CSTĐCS for 1 of 1 LĐTT, over the 15 % quota in each unit
    const UNIT_COUNT = 40;
    for (let i = 1; i <= UNIT_COUNT; i++) {
      const unitId = (await api<{ id: string }>('units.create', { name: `Phòng số ${i}` })).id;
      const staffId = (await api<{ id: string }>('staff.create', { fullName: `Nguyễn Văn Số ${i}`, unitId, employmentStart: '2015-01-01' })).id;
      await api('records.saveYearGrid', {
        unitId,
        year: 2024,
        rows: [{ staffId, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
      });
    }
    // a second "Phòng số 1", under a centre: the pickers tell the two apart, and every word typed counts
    const centre = (await api<{ id: string }>('units.create', { name: 'Trung tâm Dịch vụ' })).id;
    const second = (await api<{ id: string }>('units.create', { name: 'Phòng số 1', parentId: centre })).id;
    // one person there, HTTNV: LĐTT, no CSTĐCS, so no quota warning of its own
    const giang = (await api<{ id: string }>('staff.create', { fullName: 'Đinh Thị Giang', unitId: second, employmentStart: '2015-01-01' })).id;
    await api('records.saveYearGrid', {
      unitId: second,
      year: 2024,
      rows: [{ staffId: giang, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } }],
    });
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(h.url);
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('grid-unit').click();
    await page.getByTestId('grid-unit').fill('phong so 1 trung tam');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual(['— Phòng số 1 (Trung tâm Dịch vụ)']);
    await page.getByTestId('grid-unit').fill('phong so 1');
    // the root one has no parents to show; both are offered
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual(expect.arrayContaining(['Phòng số 1', '— Phòng số 1 (Trung tâm Dịch vụ)']));
    await page.keyboard.press('Escape');
    await page.getByTestId('awards-tab-check').click();
    await page.getByTestId('check-year').fill('2024');
    await page.getByTestId('check-run').click();
    await page.getByTestId('check-row').first().waitFor();
    // the results' unit filter tells the two "Phòng số 1" apart too
    await page.getByTestId('check-in-unit').click();
    await page.getByTestId('check-in-unit').fill('phong so 1 trung');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual(['Phòng số 1 (Trung tâm Dịch vụ)']);
    await page.keyboard.press('Escape');
    const alert = page.getByTestId('check-warnings');
    expect(await alert.innerText()).toContain(`Lưu ý (${UNIT_COUNT})`);
    const items = alert.getByTestId('check-warning');
    expect(await items.count()).toBe(UNIT_COUNT);
    // the list scrolls inside the alert under the mouse wheel, as a user reads it; before, the
    // alert was squeezed to a line or two, clipped, and the other warnings could not be reached
    const list = await alert.locator('ul').boundingBox();
    await page.mouse.move(list!.x + 40, list!.y + 10);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    const seen = await items.last().evaluate((el) => {
      const b = el.getBoundingClientRect();
      const at = document.elementFromPoint(b.left + 20, b.top + b.height / 2);
      return !!at && el.contains(at);
    });
    expect(seen).toBe(true);

    // a decision: a person is offered with their unit told apart, a collective listed with its parent
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-pick-person').click();
    await page.getByTestId('decision-pick-person').fill('giang');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringMatching(/^Đinh Thị Giang — Phòng số 1 \(Trung tâm Dịch vụ\)/)]);
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-pick-unit').click();
    await page.getByTestId('decision-pick-unit').fill('phong so 1 trung');
    await page.getByRole('option', { name: '— Phòng số 1 (Trung tâm Dịch vụ)' }).click();
    await expect.poll(() => page.getByTestId('recipient-row').allInnerTexts()).toEqual([expect.stringMatching(/Phòng số 1\s+Tập thể · Trung tâm Dịch vụ/)]);

    // the pickers keep one list of people for the window, checked against the core as each form
    // opens: a person added meanwhile (another window, an import) is offered the next time
    // (a recipient added and not saved: "Hủy" asks first)
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByTestId('leave-discard').click();
    const giap = (await api<{ id: string }>('staff.create', { fullName: 'Đinh Văn Giáp', unitId: second, employmentStart: '2015-01-01' })).id;
    await page.getByTestId('awards-tab-initiatives').click();
    await page.getByTestId('initiative-add').click();
    await page.getByTestId('initiative-person').click();
    await page.getByTestId('initiative-person').fill('dinh gi');
    await expect
      .poll(() => page.getByRole('option').allInnerTexts())
      .toEqual([expect.stringMatching(/^Đinh Thị Giang — Phòng số 1 \(Trung tâm Dịch vụ\)/), expect.stringMatching(/^Đinh Văn Giáp — Phòng số 1 \(Trung tâm Dịch vụ\)/)]);
    await page.getByRole('option', { name: /^Đinh Văn Giáp/ }).click();
    await page.getByTestId('initiative-title').fill('Số hóa hồ sơ người có công');
    await page.getByTestId('initiative-save').click();
    await expect.poll(async () => (await api<{ staffName: string; title: string }[]>('records.listInitiatives', { year: null })).map((r) => `${r.staffName}: ${r.title}`)).toEqual(['Đinh Văn Giáp: Số hóa hồ sơ người có công']);

    // the initiatives as a list to send: every year, as the tab shows
    const [inits] = await Promise.all([page.waitForEvent('download'), page.getByTestId('initiative-export').click()]);
    expect(inits.suggestedFilename()).toBe('sang-kien-de-tai.xlsx');
    const initBook = new ExcelJS.Workbook();
    await initBook.xlsx.load(fs.readFileSync((await inits.path())!) as unknown as ArrayBuffer);
    const initSheet = initBook.getWorksheet('Sáng kiến, đề tài')!;
    expect([initSheet.getCell('A4').value, initSheet.getCell('B9').value, initSheet.getCell('D9').value]).toEqual([
      'DANH SÁCH SÁNG KIẾN, ĐỀ TÀI ĐƯỢC CÔNG NHẬN',
      'Đinh Văn Giáp',
      'Số hóa hồ sơ người có công',
    ]);

    // the registrations as the list sent to the council: "Xuất Excel" on the Đăng ký tab, with the year chosen
    await api('records.saveRegistration', { data: { year: 2025, kind: 'person', staffId: giap, awardCode: 'LDTT' } });
    await page.getByTestId('awards-tab-registrations').click();
    await page.getByTestId('registration-year').click();
    await page.getByRole('option', { name: '2025', exact: true }).click();
    await expect.poll(() => page.getByTestId('registration-row').count()).toBe(1);
    const [regs] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registration-export').click()]);
    expect(regs.suggestedFilename()).toBe('dang-ky-thi-dua-2025.xlsx');
    const regBook = new ExcelJS.Workbook();
    await regBook.xlsx.load(fs.readFileSync((await regs.path())!) as unknown as ArrayBuffer);
    const regSheet = regBook.getWorksheet('Đăng ký thi đua')!;
    expect([regSheet.getCell('A4').value, regSheet.getCell('B8').value, regSheet.getCell('B9').value, regSheet.getCell('C9').value]).toEqual([
      'DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2025',
      'Lao động tiên tiến (1 cá nhân)',
      'Đinh Văn Giáp',
      'Phòng số 1 (Trung tâm Dịch vụ)',
    ]);

    // a recorded decision drafted as the QUYẾT ĐỊNH to sign, its list attached
    await api('records.saveDecision', { data: { number: '20/QĐ-SNV', year: 2025, decisionDate: '22/12/2025', awardCode: 'LDTT', cashAmount: 702000, recipients: [{ kind: 'person', staffId: giap }] } });
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-year').click();
    await page.getByRole('option', { name: 'Mọi năm', exact: true }).click();
    await page.getByTestId('decision-search').fill('20/qd-snv');
    const decisionRow = page.locator('[data-testid="decision-row"]').filter({ hasText: '20/QĐ-SNV' });
    await expect.poll(() => page.getByTestId('decision-row').count()).toBe(1);
    // the decisions shown, as the register of everyone they award
    const [register] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decisions-export').click()]);
    expect(register.suggestedFilename()).toBe('danh-sach-khen-thuong.xlsx');
    const registerBook = new ExcelJS.Workbook();
    await registerBook.xlsx.load(fs.readFileSync((await register.path())!) as unknown as ArrayBuffer);
    const regRows = registerBook.getWorksheet('Danh sách khen thưởng')!;
    expect([regRows.getCell('A5').value, regRows.getCell('B8').value, regRows.getCell('B9').value, regRows.getCell('E9').value, regRows.getCell('I9').value]).toEqual([
      `${E2E_OFFICE.name}; quyết định tìm theo “20/qd-snv”`,
      'Lao động tiên tiến (1 cá nhân)',
      'Đinh Văn Giáp',
      '20/QĐ-SNV',
      702000,
    ]);
    await decisionRow.getByRole('button', { name: 'Sửa', exact: true }).click();
    // its recipient's unit, whose name another unit shares, is named with its parent
    await expect.poll(() => page.getByTestId('recipient-row').first().innerText()).toContain('Phòng số 1 (Trung tâm Dịch vụ)');
    // the decision's papers are in one menu
    const paper = async (testId: string) => {
      await page.getByTestId('decision-papers').click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return file;
    };
    const qd = await paper('decision-document');
    expect(qd.suggestedFilename()).toBe('quyet-dinh-20-QD-SNV.docx');
    const qdText = docxPlainText(fs.readFileSync((await qd.path())!));
    expect(qdText).toContain('Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025');
    expect(qdText).toContain('1\tĐinh Văn Giáp\tPhòng số 1 (Trung tâm Dịch vụ)');
    // and its certificate, a page for each person on it
    await page.getByTestId('decision-papers').click();
    await expect.poll(() => page.getByTestId('decision-certificates').textContent()).toBe('In giấy chứng nhận (Word)');
    await page.keyboard.press('Escape');
    const gcn = await paper('decision-certificates');
    expect(gcn.suggestedFilename()).toBe('giay-khen-20-QD-SNV.docx');
    const gcnText = docxPlainText(fs.readFileSync((await gcn.path())!));
    expect(gcnText).toContain('Đinh Văn Giáp');
    expect(gcnText).toContain('Phòng số 1, Trung tâm Dịch vụ');
    expect(gcnText).toContain('LAO ĐỘNG TIÊN TIẾN');
    // and the list the accountant pays from
    const pay = await paper('decision-payments');
    expect(pay.suggestedFilename()).toBe('chi-thuong-20-QD-SNV.xlsx');
    const payRows = sheetRows((await readBook({ base64: fs.readFileSync((await pay.path())!).toString('base64') })).worksheets[0]!);
    expect(payRows).toContainEqual([1, 'Đinh Văn Giáp', 'Phòng số 1 (Trung tâm Dịch vụ)', 702000]);
    expect(payRows.flat()).toContain('Số tiền bằng chữ: Bảy trăm lẻ hai nghìn đồng.');
    // an edit not saved yet: the papers wait for it to be saved
    await page.getByLabel('Ghi chú').fill('Chi từ quỹ năm 2025');
    await page.getByTestId('decision-papers').click();
    await page.getByTestId('decision-papers-unsaved').waitFor();
    expect(await page.getByTestId('decision-document').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.close();
  });
});
