// People ticked on the staff list and changed at once, in Chromium: a shift-click over rows
// never loaded, the header's box (every match, then none), a move to another unit, a status
// with a bad date refused in the dialog, an export of the ticked, a deletion undone in one click. The core's answers
// over HTTP are the expected values.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';
import { personName } from './support/names';

interface Row {
  id: string;
  fullName: string;
  unitId: string | null;
  status: string;
  employmentEnd: string | null;
}

describe.skipIf(!hasChromium)('staff list: people ticked and changed at once (browser host + Chromium)', () => {
  const session = e2eSession();

  it('ticks a range over rows not loaded, all and none; moves, retires and deletes the ticked people, the deletion undone', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-staff-bulk-'), 'office.sqlite'));
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', E2E_OFFICE);
    const office = (await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' })).id;
    const inspect = (await api<{ id: string }>('units.create', { name: 'Thanh tra Sở' })).id;
    // 460 people: three windows of 200, the middle one never loaded when jumping to the end;
    // namesakes told apart by their birth dates (a deleted person's twin would stop the undo)
    for (let i = 0; i < 460; i++) {
      const birthDate = `${1960 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
      await api('staff.create', { fullName: personName(i), birthDate, unitId: office });
    }
    const list = (filter: Record<string, unknown> = {}) => api<{ rows: Row[]; total: number }>('staff.list', { status: 'dang_cong_tac', ...filter });
    const count = (n: number) => `${n.toLocaleString('vi-VN')} người`;

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(460));
    const checks = page.getByTestId('staff-row-check');
    const selectedCount = page.getByTestId('staff-selected-count');
    const all = page.getByTestId('staff-select-all');

    // the first row ticked, the list jumped to its end, the last row shift-clicked: everyone
    await checks.first().check();
    await expect.poll(() => selectedCount.innerText()).toBe('Đã chọn 1 người');
    const scroller = page.getByTestId('staff-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const working = await list();
    await expect.poll(async () => (await page.getByTestId('staff-row-name').allInnerTexts()).at(-1)).toBe(working.rows.at(-1)!.fullName);
    await checks.last().click({ modifiers: ['Shift'] });
    await expect.poll(() => selectedCount.innerText()).toBe('Đã chọn 460 người');
    expect(await all.isChecked()).toBe(true);
    // the header's box: none, then every match again
    await all.click();
    await expect.poll(() => page.getByTestId('staff-selection').count()).toBe(0);
    await all.click();
    await expect.poll(() => selectedCount.innerText()).toBe('Đã chọn 460 người');
    await page.getByTestId('staff-clear-selection').click();
    await expect.poll(() => page.getByTestId('staff-selection').count()).toBe(0);

    // a search: three of its people ticked (the first and a shift-click), then moved
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('staff-search').fill('hoang van');
    const found = await list({ search: 'hoang van' });
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(found.total));
    await checks.nth(0).check();
    await checks.nth(2).click({ modifiers: ['Shift'] });
    await expect.poll(() => selectedCount.innerText()).toBe('Đã chọn 3 người');
    const moved = found.rows.slice(0, 3);
    await page.getByTestId('staff-bulk-move').click();
    await page.getByTestId('staff-bulk-move-target').click();
    await page.getByRole('option', { name: 'Thanh tra Sở', exact: true }).click();
    await page.getByTestId('staff-bulk-move-confirm').click();
    await page.getByText('Đã chuyển 3 người sang "Thanh tra Sở".').waitFor();
    await expect.poll(() => page.getByTestId('staff-selection').count()).toBe(0);
    expect((await list({ unitId: inspect })).rows.map((r) => r.id).sort()).toEqual(moved.map((r) => r.id).sort());
    // a new search drops what was ticked: a change never reaches people out of sight
    await checks.nth(0).check();
    await page.getByTestId('staff-search').fill('hoang van an');
    await expect.poll(() => page.getByTestId('staff-selection').count()).toBe(0);

    // two people retired: a date that is not one is refused in the dialog, nothing changed
    await page.getByTestId('staff-search').fill('');
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(460));
    const first = await list();
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.getByTestId('staff-bulk-status').click();
    await page.getByTestId('staff-bulk-status-end').fill('31/02/2026');
    await page.getByTestId('staff-bulk-status-confirm').click();
    await expect.poll(() => page.getByTestId('form-error').innerText()).toContain('"31/02/2026" không phải ngày hợp lệ');
    expect((await list()).total).toBe(460);
    await page.getByTestId('staff-bulk-status-end').fill('30/06/2026');
    await page.getByTestId('staff-bulk-status-confirm').click();
    await page.getByText('Đã đổi trạng thái của 2 người thành "Nghỉ hưu".').waitFor();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(458));
    const retired = await list({ status: 'nghi_huu' });
    expect(retired.rows.map((r) => [r.id, r.employmentEnd]).sort()).toEqual(first.rows.slice(0, 2).map((r) => [r.id, '2026-06-30']).sort());

    // two ticked and exported: the workbook holds them alone
    const next = await list();
    await checks.nth(0).check();
    await checks.nth(1).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('staff-bulk-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    expect(names.slice(names.indexOf('Họ và tên') + 1)).toEqual(next.rows.slice(0, 2).map((r) => r.fullName));

    // the same two deleted, then "Hoàn tác" brings both back
    await page.getByTestId('staff-bulk-delete').click();
    await page.getByTestId('confirm-bulk-delete').click();
    await page.getByText('Đã xóa 2 người.').waitFor();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(456));
    expect((await list()).rows.map((r) => r.id)).not.toContain(next.rows[0]!.id);
    await page.getByTestId('undo-delete').click();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(458));
    expect((await list()).rows.slice(0, 2).map((r) => r.id)).toEqual(next.rows.slice(0, 2).map((r) => r.id));
    expect(pageErrors).toEqual([]);
  });
});
