// "Tìm người trùng" in Chromium against the real browser host: one person entered twice is
// found with what each record holds, merged into the record chosen; two namesakes marked
// "Không phải trùng" are not listed again.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';

const SHOTS = process.env.TDKT_SCREENSHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `staff-merge-${name}.png`) });
}

describe.skipIf(!hasChromium)('gộp cán bộ trùng e2e (browser host + Chromium)', () => {
  const session = e2eSession();

  it('finds the records of one person, merges them into the one kept, and forgets namesakes', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-merge-'), 'office.sqlite'), { TDKT_TODAY: '2025-03-01' });
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const vp = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    const ttt = await api<{ id: string }>('units.create', { name: 'Thanh tra Sở' });
    const first = await api<{ id: string }>('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unitId: vp.id });
    const again = await api<{ id: string }>('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unitId: ttt.id, position: 'Thanh tra viên' });
    await api('staff.create', { fullName: 'Đỗ Văn Tâm', unitId: vp.id });
    await api('staff.create', { fullName: 'Đỗ Văn Tâm', unitId: vp.id });
    const row = (staffId: string, rating: string) => ({ staffId, rating, maternityLeave: false, underReview: false, titles: { LDTT: true, CSTDCS: false } });
    await api('records.saveYearGrid', { unitId: vp.id, year: 2023, rows: [row(first.id, 'HTTNV')] });
    await api('records.saveYearGrid', { unitId: ttt.id, year: 2024, rows: [row(again.id, 'HTXSNV')] });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    // the home page says so, and opens the finder on Cán bộ
    await page.getByTestId('home-duplicates').waitFor();
    expect(await page.getByTestId('home-duplicates').textContent()).toMatch(/^2 nhóm cán bộ có thể bị nhập trùng/);
    await page.getByTestId('home-duplicates-open').click();
    const groups = page.getByTestId('duplicate-group');
    await expect.poll(() => groups.count()).toBe(2);
    expect(await page.getByTestId('duplicates-summary').textContent()).toBe('2 nhóm có thể trùng. ');
    const an = groups.filter({ hasText: 'Nguyễn Văn An' });
    expect(await an.getByTestId('duplicate-records').allTextContents()).toEqual(['1 năm xếp loại (2023) · 1 danh hiệu, khen thưởng', '1 năm xếp loại (2024) · 1 danh hiệu, khen thưởng']);
    await shot(page, 'groups');

    // the namesakes are two people
    await groups.filter({ hasText: 'Đỗ Văn Tâm' }).getByTestId('duplicate-ignore').click();
    await expect.poll(() => groups.count()).toBe(1);
    expect(await page.getByTestId('duplicates-summary').textContent()).toBe('1 nhóm có thể trùng. 1 nhóm đã đánh dấu “Không phải trùng” không hiện ở đây.');

    // keep the first record (Văn phòng Sở): the other's year and title move to it, its position fills the gap
    await an.getByRole('radio', { name: 'Giữ lại bản ghi Nguyễn Văn An — Văn phòng Sở' }).check();
    await an.getByTestId('duplicate-merge').click();
    await page.getByTestId('confirm-merge').click();
    await page.getByText('Đã gộp hồ sơ Nguyễn Văn An: chuyển 1 năm xếp loại · 1 danh hiệu, khen thưởng; điền thêm chức vụ.').waitFor();
    await expect.poll(() => page.getByTestId('duplicates-summary').textContent()).toBe('Không thấy cán bộ nào bị nhập trùng. 1 nhóm đã đánh dấu “Không phải trùng” không hiện ở đây.');
    await shot(page, 'merged');
    // "Hiện lại": the namesakes are listed again
    await page.getByTestId('duplicates-unignore').click();
    await expect.poll(() => groups.count()).toBe(1);
    await groups.first().getByTestId('duplicate-ignore').click();
    await expect.poll(() => groups.count()).toBe(0);
    await page.keyboard.press('Escape');
    // (and the home page no longer asks)
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-quarter').waitFor();
    await page.waitForTimeout(500); // the card's own call
    expect(await page.getByTestId('home-data').count()).toBe(0);
    await page.getByTestId('nav-staff').click();

    // one An in the list, in Văn phòng Sở, with the position the other record had
    const ans = page.getByTestId('staff-row').filter({ hasText: 'Nguyễn Văn An' });
    await expect.poll(() => ans.count()).toBe(1);
    expect(await ans.textContent()).toContain('Thanh tra viên');
    expect(await ans.textContent()).toContain('Văn phòng Sở');

    // merged by mistake: "Tách lại" in the Thùng rác puts everything back as it was
    await page.getByTestId('nav-trash').click();
    const merged = page.locator('[data-testid="trash-row"][data-kind="staff"]');
    await expect.poll(() => merged.getByTestId('trash-restore').textContent()).toBe('Tách lại');
    expect(await merged.textContent()).toContain('đã gộp vào bản ghi Nguyễn Văn An');
    await merged.getByTestId('trash-restore').click();
    await page.getByText('Đã tách lại Nguyễn Văn An khỏi bản ghi Nguyễn Văn An: 2 năm xếp loại, khen thưởng, sáng kiến … trở về bản ghi này.').waitFor();
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => ans.count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });
});
