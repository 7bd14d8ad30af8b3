// Unsaved work is not lost to a wrong click, in Chromium against the real browser host: the
// year-end grid with a rating typed asks before another screen, F1, the back button or closing
// the page takes it away; a decision being entered, a nominee's summary, an achievement report
// typed and a dossier's tờ trình ask before they are closed, as do the smaller forms (a person, a
// unit, a campaign, a task, an initiative, the office); "Ở lại" keeps everything as typed, "Bỏ thay đổi" goes.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';

const asked = (page: Page) => page.getByRole('dialog', { name: 'Có thay đổi chưa lưu' });

async function stay(page: Page, says: string) {
  await asked(page).waitFor();
  expect(await asked(page).innerText()).toContain(says);
  await page.getByTestId('leave-stay').click();
  await asked(page).waitFor({ state: 'detached' });
}

async function discard(page: Page) {
  await asked(page).waitFor();
  await page.getByTestId('leave-discard').click();
  await asked(page).waitFor({ state: 'detached' });
}

/** Typed into a dialog's field: Esc asks (`says`), "Ở lại" keeps the text; Esc again and "Bỏ thay đổi" close it. */
async function escAsksThenDrops(page: Page, field: string, text: string, says: string) {
  await page.getByTestId(field).fill(text);
  await page.keyboard.press('Escape');
  await stay(page, says);
  expect(await page.getByTestId(field).inputValue()).toBe(text);
  await page.keyboard.press('Escape');
  await discard(page);
  await page.getByTestId(field).waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('unsaved edits e2e (browser host + Chromium)', () => {
  const session = e2eSession();

  it('the grid, a decision, a report and a dossier ask before their edits are dropped', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-unsaved-'), 'office.sqlite'), { TDKT_TODAY: '2025-11-20' });
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const unit = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    const an = await api<{ id: string }>('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', gender: 'nam', unitId: unit.id, employmentStart: '2015-01-01' });
    const dossier = await api<{ id: string }>('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    await api('dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: an.id }] });
    const plan = await api<{ id: string; title: string }>('plans.createFromTemplate', { templateId: 'tdkt-work-plan', year: 2025 });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // the year-end grid: a rating typed
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('grid-year').fill('2025');
    await page.getByTestId('grid-unit').click();
    await page.getByRole('option', { name: 'Văn phòng Sở', exact: true }).click();
    const rating = page.getByTestId('grid-row').first().getByTestId('grid-cell-rating');
    await rating.click();
    await page.keyboard.type('htx');
    expect(await rating.getAttribute('data-value')).toBe('HTXSNV');

    // another screen, F1, the back button: each asks; "Ở lại" keeps the rating typed
    await page.getByTestId('nav-home').click();
    await stay(page, 'Bảng “Nhập cuối năm” có 1 thay đổi chưa lưu.');
    await page.keyboard.press('F1');
    await stay(page, 'Nếu rời đi bây giờ, các thay đổi này sẽ mất.');
    await page.goBack();
    await stay(page, 'Nhập cuối năm');
    expect(page.url()).toContain('#/awards');
    expect(await rating.getAttribute('data-value')).toBe('HTXSNV');

    // closing the page or reloading: the page refuses to unload (the browser asks; Electron's main
    // asks in Vietnamese) — the event dispatched as the browser would
    const unloadRefused = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await unloadRefused()).toBe(true);

    // a plan opened from the quick search (a link into the editor): asked, then "Bỏ thay đổi"
    // opens that very plan, and the rating was never saved
    await page.keyboard.press('Control+K');
    await page.getByTestId('quick-search-input').fill(plan.title);
    await page.locator('[data-testid="quick-search-hit"][data-kind="plan"]').first().click();
    await discard(page);
    await page.getByTestId('plan-editor').waitFor();
    expect(decodeURIComponent(page.url())).toContain(`#/plans/${plan.id}`);
    expect(await unloadRefused()).toBe(false);
    // the navigation's own screen again: back to the plans list
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plan-editor').waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/plans$/);
    const grid = await api<{ rows: Array<{ rating: string | null }> }>('records.yearGrid', { unitId: unit.id, year: 2025, includeSubunits: false });
    expect(grid.rows[0]!.rating ?? null).toBe(null);

    // a decision being entered: Esc asks
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-number').fill('12/QĐ-SNV');
    await page.keyboard.press('Escape');
    await stay(page, 'Quyết định 12/QĐ-SNV có thay đổi chưa lưu.');
    expect(await page.getByTestId('decision-number').inputValue()).toBe('12/QĐ-SNV');
    await page.keyboard.press('Escape');
    await discard(page);
    await page.getByTestId('decision-number').waitFor({ state: 'detached' });

    // a dossier: its tờ trình's title typed, then a report typed
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-open').first().click();
    await page.getByTestId('general-title').fill('Đề nghị tặng Bằng khen — bản sửa');
    // documents are made and sent from what is saved: not while the tờ trình holds edits
    await page.getByTestId('dossier-unsaved').waitFor();
    expect(await page.getByTestId('dossier-unsaved').innerText()).toContain('Phần “Thông tin chung, tờ trình” của hồ sơ có thay đổi chưa lưu.');
    expect(await page.getByTestId('documents-generate').isDisabled()).toBe(true);
    expect(await page.getByTestId('documents-zip').isDisabled()).toBe(true);
    // a nominee's summary typed: Esc asks
    await page.getByTestId('nominee-edit').first().click();
    await page.getByTestId('nominee-summary').fill('Hoàn thành xuất sắc nhiệm vụ hai năm liền');
    await page.keyboard.press('Escape');
    await stay(page, 'Thông tin đề nghị của Nguyễn Văn An có thay đổi chưa lưu.');
    expect(await page.getByTestId('nominee-summary').inputValue()).toBe('Hoàn thành xuất sắc nhiệm vụ hai năm liền');
    await page.keyboard.press('Escape');
    await discard(page);
    await page.getByTestId('nominee-summary').waitFor({ state: 'detached' });
    await page.getByTestId('nominee-report').first().click();
    const ly = page.getByTestId('report-section-ly_lich');
    await ly.waitFor();
    await ly.fill(`${await ly.inputValue()}\nGhi thêm một dòng.`);
    await page.keyboard.press('Escape');
    await stay(page, 'Báo cáo thành tích của Nguyễn Văn An có thay đổi chưa lưu.');
    expect(await ly.inputValue()).toContain('Ghi thêm một dòng.');
    // saved, it closes without a question; the dossier read again keeps the title being typed
    await page.getByTestId('report-save').click();
    // once the save has answered (closed while it runs, the edits are still unsaved and it asks)
    await page.getByText('Đã lưu báo cáo thành tích.').first().waitFor();
    await page.getByTestId('report-close').click();
    await ly.waitFor({ state: 'detached' });
    expect(await page.getByTestId('general-title').inputValue()).toBe('Đề nghị tặng Bằng khen — bản sửa');
    // back to the list: asked about the tờ trình
    await page.getByTestId('dossier-back').click();
    await stay(page, 'Phần “Thông tin chung, tờ trình” của hồ sơ có thay đổi chưa lưu.');
    await page.getByTestId('dossier-back').click();
    await discard(page);
    await page.getByTestId('dossier-list').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("the smaller forms — a person, a unit, a campaign, a task, its result, an initiative, the office — ask too, and only when something was typed", async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-unsaved-forms-'), 'office.sqlite'), { TDKT_TODAY: '2025-11-20' });
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const unit = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    const an = await api<{ id: string }>('staff.create', { fullName: 'Nguyễn Văn An', unitId: unit.id, position: 'Chuyên viên', employmentStart: '2015-01-01' });
    await api('tasks.create', { year: 2025, quarter: 4, title: 'Bình xét danh hiệu cuối năm', dueDate: '30/11/2025', lead: [{ unitId: unit.id, name: 'Văn phòng Sở' }] });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // a person: opened and closed untouched, no question; a position typed — Esc and "Hủy" ask,
    // "Ở lại" keeps it, "Bỏ thay đổi" closes and nothing is saved
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-row-name').first().click();
    await page.getByTestId('staff-position').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('staff-position').waitFor({ state: 'detached' });
    expect(await asked(page).count()).toBe(0);
    await page.getByTestId('staff-row-name').first().click();
    await page.getByTestId('staff-position').fill('Chuyên viên chính');
    await page.keyboard.press('Escape');
    await stay(page, 'Thông tin cán bộ Nguyễn Văn An có thay đổi chưa lưu.');
    expect(await page.getByTestId('staff-position').inputValue()).toBe('Chuyên viên chính');
    // another screen asks about the dialog's typing too
    await page.keyboard.press('F1');
    await stay(page, 'Thông tin cán bộ Nguyễn Văn An có thay đổi chưa lưu.');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await discard(page);
    await page.getByTestId('staff-position').waitFor({ state: 'detached' });
    expect((await api<{ position: string }>('staff.get', { id: an.id })).position).toBe('Chuyên viên');
    // saved, it closes without a question
    await page.getByTestId('staff-row-name').first().click();
    await page.getByTestId('staff-position').fill('Chuyên viên chính');
    await page.getByTestId('staff-save').click();
    await page.getByTestId('staff-position').waitFor({ state: 'detached' });
    expect(await asked(page).count()).toBe(0);
    expect((await api<{ position: string }>('staff.get', { id: an.id })).position).toBe('Chuyên viên chính');

    // a unit being added
    await page.getByTestId('nav-units').click();
    await page.getByTestId('unit-add').click();
    await escAsksThenDrops(page, 'unit-name', 'Phòng Thi đua - Khen thưởng', 'Đơn vị đang thêm chưa được lưu.');

    // a campaign being added
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('campaign-add').click();
    await page.getByTestId('campaign-name').fill('Phong trào thi đua văn hóa công sở');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await stay(page, 'Phong trào đang thêm chưa được lưu.');
    expect(await page.getByTestId('campaign-name').inputValue()).toBe('Phong trào thi đua văn hóa công sở');
    await page.keyboard.press('Escape');
    await discard(page);
    await page.getByTestId('campaign-name').waitFor({ state: 'detached' });

    // a task being added, then a task's result typed as it is marked done
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('tasks-add').click();
    await page.getByTestId('task-form-title').fill('Hội nghị sơ kết');
    await page.keyboard.press('Escape');
    await discard(page);
    await page.getByTestId('task-form-title').waitFor({ state: 'detached' });
    await page.getByTestId('task-card-done').first().click();
    await escAsksThenDrops(page, 'complete-note', 'Đã họp Hội đồng ngày 25/11/2025.', 'Kết quả của nhiệm vụ “Bình xét danh hiệu cuối năm” đang nhập chưa được lưu.');

    // an initiative being added
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-initiatives').click();
    await page.getByTestId('initiative-add').click();
    await escAsksThenDrops(page, 'initiative-title', 'Số hóa hồ sơ thi đua', 'Sáng kiến, đề tài đang thêm chưa được lưu.');

    // the office's details in Cài đặt: another screen asks; once saved, nothing to ask
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('office-name').fill('Sở Nội vụ tỉnh Lào Cai (mới)');
    await page.getByTestId('nav-home').click();
    await stay(page, 'Thông tin cơ quan có thay đổi chưa lưu.');
    await page.getByTestId('office-save').click();
    await expect.poll(async () => (await api<{ name: string }>('office.get')).name).toBe('Sở Nội vụ tỉnh Lào Cai (mới)');
    await page.getByTestId('nav-home').click();
    await page.getByTestId('office-name').waitFor({ state: 'detached' });
    expect(await asked(page).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
