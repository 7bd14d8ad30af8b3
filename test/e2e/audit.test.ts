// The audit trail in Chromium against the real browser host: pick a user profile in Cài đặt
// (the header shows it), create an award decision in the UI, edit it, open "Lịch sử thay đổi"
// and see both entries with the actor and the changed field, before → after.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';

const SHOTS = process.env.TDKT_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `audit-${name}.png`) });
}

describe.skipIf(!hasChromium)('audit trail e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('profile → create a decision → edit it → "Lịch sử thay đổi" shows both entries with the actor and the changed field', async () => {
    host = await session.startHost(path.join(tempDir('tdkt-e2e-audit-'), 'office.sqlite'), { TDKT_TODAY: '2025-03-01' });
    const h = host;
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(h, proc, input);
    await api('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const unit = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    await api('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unitId: unit.id });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // no profile yet: the header says so; add one in Cài đặt, it becomes current
    await expect.poll(() => page.getByTestId('current-profile').textContent()).toContain('Chưa chọn người dùng');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('profile-name').fill('Nguyễn Thị Thu');
    await page.getByTestId('profile-position').fill('Chuyên viên Phòng TĐKT');
    await page.getByTestId('profile-add').click();
    await page.getByTestId('profile-row').filter({ hasText: 'Đang dùng' }).waitFor();
    await expect.poll(() => page.getByTestId('current-profile').textContent()).toBe('Nguyễn Thị Thu — Chuyên viên Phòng TĐKT');
    await shot(page, 'settings');

    // create a decision in the UI
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-add').click();
    // "Lưu" on a form left empty (no number, no one awarded) is a stray click: refused, nothing saved
    await page.getByTestId('decision-save').click();
    await expect.poll(() => page.getByTestId('form-error').innerText()).toContain('Quyết định chưa có số và chưa có người, tập thể nào được khen');
    expect(await api<unknown[]>('records.listDecisions', { year: null, search: '' })).toEqual([]);
    await page.getByTestId('decision-number').fill('15/QĐ-SNV');
    await page.getByTestId('decision-date').fill('20/01/2025');
    // the achievement year it rewards (the form offers the closing year by the computer's clock)
    await page.getByLabel('Năm thành tích', { exact: true }).fill('2024');
    await page.getByTestId('decision-issuer').fill('Sở Nội vụ');
    await page.getByTestId('decision-pick-person').click();
    await page.getByTestId('decision-pick-person').fill('nguyen van an');
    await page.getByRole('option', { name: /Nguyễn Văn An/ }).first().click();
    await page.getByTestId('recipient-row').first().waitFor();
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-save').waitFor({ state: 'detached' });
    // the list shows the form's default year: every year, to find the 2024 decision
    await page.getByTestId('decision-year').click();
    await page.getByRole('option', { name: 'Mọi năm', exact: true }).click();
    const row = page.getByTestId('decision-row').filter({ hasText: '15/QĐ-SNV' });
    await row.waitFor();

    // edit it: the issuer changes
    await row.getByRole('button', { name: 'Sửa', exact: true }).click();
    const issuer = page.getByTestId('decision-issuer');
    await expect.poll(() => issuer.inputValue()).toBe('Sở Nội vụ');
    await issuer.fill('Sở Nội vụ tỉnh Lào Cai');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-save').waitFor({ state: 'detached' });

    // the history: newest first — the edit (issuer before → after), then the creation; both by the profile
    await row.getByTestId('audit-history-button').click();
    const drawer = page.getByTestId('audit-drawer');
    await drawer.getByTestId('audit-timeline').waitFor();
    const decisionEntries = drawer.locator('[data-testid="audit-entry"][data-table="award_decision"]');
    await expect.poll(() => decisionEntries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['update', 'insert']);
    for (const actor of await decisionEntries.getByTestId('audit-actor').allTextContents()) expect(actor).toContain('Nguyễn Thị Thu — Chuyên viên Phòng TĐKT');
    const edit = decisionEntries.first();
    expect(await edit.getByTestId('audit-time').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const changes = edit.getByTestId('audit-change');
    expect(await changes.count()).toBe(1);
    expect(await changes.first().getAttribute('data-field')).toBe('issuer');
    expect(await changes.first().textContent()).toContain('Cơ quan ban hành');
    expect(await changes.first().getByTestId('audit-before').textContent()).toBe('Sở Nội vụ');
    expect(await changes.first().getByTestId('audit-after').textContent()).toBe('Sở Nội vụ tỉnh Lào Cai');
    // the creation lists the values written, with labels and readable values
    const created = decisionEntries.nth(1);
    expect(await created.textContent()).toContain('Số quyết định15/QĐ-SNV');
    expect(await created.textContent()).toContain('Ngày quyết định20/01/2025');
    // the recipient added with it is part of the decision's history
    expect(await drawer.locator('[data-testid="audit-entry"][data-table="award_recipient"]').count()).toBe(1);
    expect(await drawer.textContent()).toContain('Nguyễn Văn An');
    await shot(page, 'history');
    expect(pageErrors).toEqual([]);
  });
});
