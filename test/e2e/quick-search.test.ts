// "Tìm nhanh" in a real browser: Ctrl+K from any screen (a text field included), a query typed
// without diacritics, the keyboard or a click opening each kind where it lives — a person on the
// staff list (namesakes told apart), a unit marked in its tree, a decision's form, a task's
// drawer, a dossier, a plan's editor — and "Xem cả" handing the query to the full list.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_OFFICE, e2eSession, hasChromium, hostApi as api, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';

async function quickSearch(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const input = page.getByTestId('quick-search-input');
  await input.waitFor();
  await input.fill(query);
}

describe.skipIf(!hasChromium)('quick search e2e (browser host + Chromium, today = 10/02/2026)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('Ctrl+K finds people, units, decisions, tasks, dossiers and plans, and opens each where it lives', { timeout: 120_000 }, async () => {
    const dir = tempDir('tdkt-e2e-search-');
    host = await session.startHost(path.join(dir, 'office.sqlite'), { TDKT_TODAY: '2026-02-10' });
    await api(host, 'office.save', E2E_OFFICE);
    const unit = async (name: string, parentId: string | null = null) => (await api<{ id: string }>(host!, 'units.create', { name, parentId })).id;
    const stc = await unit('Sở Tài chính');
    const vpTc = await unit('Văn phòng', stc);
    const stp = await unit('Sở Tư pháp');
    const vpTp = await unit('Văn phòng', stp);
    const person = async (fullName: string, unitId: string, birthDate = '05/03/1980') => (await api<{ id: string }>(host!, 'staff.create', { fullName, unitId, birthDate, position: 'Chuyên viên' })).id;
    const hoaTc = await person('Trần Thị Hoa', vpTc);
    const hoaTp = await person('Trần Thị Hoa', vpTp, '20/11/1985');
    for (let i = 1; i <= 6; i++) await person(`Nguyễn Văn Nam ${i}`, vpTp);
    await api(host, 'records.saveDecision', {
      data: { number: '215/QĐ-UBND', decisionDate: '20/12/2025', issuer: 'UBND tỉnh Lào Cai', awardCode: 'BK_TINH', year: 2025, recipients: [{ kind: 'person', staffId: hoaTc }] },
    });
    await api(host, 'tasks.create', { year: 2026, dueDate: '31/03/2026', title: 'Báo cáo sơ kết chuyển đổi số quý 1 năm 2026' });
    const dossier = await api<{ id: string; title: string }>(host, 'dossiers.create', { year: 2025, awardCode: 'CSTDCS' });
    await api(host, 'dossiers.addNominees', { id: dossier.id, nominees: [{ kind: 'person', staffId: hoaTp }] });
    const plan = await api<{ id: string; title: string }>(host, 'plans.createFromTemplate', { templateId: 'tdkt-work-plan', year: 2026 });

    const page = await session.browser.newPage({ viewport: { width: 1280, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-home').waitFor();

    // two namesakes, told apart by unit and birth date; the keyboard picks the second
    await quickSearch(page, 'tran thi hoa');
    const staffHits = page.locator('[data-testid="quick-search-hit"][data-kind="staff"]');
    await expect.poll(() => staffHits.count(), { timeout: 10_000 }).toBe(2);
    expect(await staffHits.nth(1).innerText()).toContain('Văn phòng (Sở Tư pháp) · Chuyên viên · sinh 20/11/1985');
    // the dossier she is in is found by her name too
    expect(await page.locator('[data-testid="quick-search-hit"][data-kind="dossier"]').innerText()).toContain('có Trần Thị Hoa');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('staff-search').waitFor();
    expect(await page.getByTestId('staff-search').inputValue()).toBe('Trần Thị Hoa');
    await expect.poll(() => page.getByTestId('staff-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('staff-row').innerText()).toContain('20/11/1985');

    // Ctrl+K works with the cursor in a text field; "Xem cả" hands the query to the whole list
    await page.getByTestId('staff-search').click();
    await quickSearch(page, 'nguyen van nam');
    const all = page.locator('[data-testid="quick-search-all"][data-kind="staff"]');
    await all.waitFor({ timeout: 10_000 });
    expect(await all.innerText()).toBe('Xem cả 6 kết quả trong danh sách');
    expect(await staffHits.count()).toBe(5);
    await all.click();
    await expect.poll(() => page.getByTestId('staff-search').inputValue()).toBe('nguyen van nam');
    await expect.poll(() => page.getByTestId('staff-row').count(), { timeout: 10_000 }).toBe(6);

    // a unit: words may name its parent; it is shown in the tree, marked
    await quickSearch(page, 'van phong tai chinh');
    const unitHit = page.locator('[data-testid="quick-search-hit"][data-kind="unit"]');
    await expect.poll(() => unitHit.count(), { timeout: 10_000 }).toBe(1);
    await unitHit.click();
    await page.locator(`[data-testid="unit-row"][data-unit-id="${vpTc}"][data-shown]`).waitFor();
    expect(await page.locator('[data-testid="unit-row"][data-shown]').count()).toBe(1);

    // a decision by its number opens in its form
    await quickSearch(page, '215/qd');
    const decisionHit = page.locator('[data-testid="quick-search-hit"][data-kind="decision"]');
    await decisionHit.waitFor({ timeout: 10_000 });
    await decisionHit.click();
    await expect.poll(() => page.getByTestId('decision-number').inputValue(), { timeout: 10_000 }).toBe('215/QĐ-UBND');
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-number').waitFor({ state: 'detached' });

    // a task opens in its drawer on the board
    await quickSearch(page, 'so ket chuyen doi so');
    const taskHit = page.locator('[data-testid="quick-search-hit"][data-kind="task"]');
    await taskHit.waitFor({ timeout: 10_000 });
    expect(await taskHit.innerText()).toContain('hạn 31/03/2026 · quý 1/2026');
    await taskHit.click();
    await expect.poll(() => page.getByTestId('task-drawer-title').innerText(), { timeout: 10_000 }).toBe('Báo cáo sơ kết chuyển đổi số quý 1 năm 2026');
    expect(await page.getByTestId('task-drawer').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // a dossier by its title
    await quickSearch(page, 'chien si thi dua co so');
    const dossierHit = page.locator('[data-testid="quick-search-hit"][data-kind="dossier"]');
    await dossierHit.waitFor({ timeout: 10_000 });
    await dossierHit.click();
    await page.getByTestId('dossier-back').waitFor({ timeout: 10_000 });
    expect(await page.locator('body').innerText()).toContain(dossier.title);

    // a plan opens in its editor
    await quickSearch(page, plan.title);
    const planHit = page.locator('[data-testid="quick-search-hit"][data-kind="plan"]');
    await planHit.waitFor({ timeout: 10_000 });
    await planHit.click();
    await expect.poll(() => page.url()).toContain(`#/plans/${plan.id}`);

    // nothing found says so; Esc closes
    await quickSearch(page, 'khong co gi nhu the nay');
    await expect.poll(() => page.getByTestId('quick-search-empty').innerText(), { timeout: 10_000 }).toBe('Không tìm thấy gì khớp với "khong co gi nhu the nay".');
    await page.keyboard.press('Escape');
    await page.getByTestId('quick-search-input').waitFor({ state: 'detached' });
    // the header's button opens it too
    await page.getByTestId('quick-search-open').click();
    await page.getByTestId('quick-search-input').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
