// Thùng rác in Chromium against the real browser host: a person deleted comes back from the
// notification's "Hoàn tác"; deleted again with a decision, both are listed newest first and
// restored from the screen — the decision with its recipients; a record whose person is deleted
// says why it cannot come back yet, and comes back ticked with the person.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';

const SHOTS = process.env.TDKT_SCREENSHOTS;
// the Quyết định tab opens on the browser's year
const YEAR = new Date().getFullYear();

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `trash-${name}.png`) });
}

describe.skipIf(!hasChromium)('Thùng rác e2e (browser host + Chromium)', () => {
  const session = e2eSession();

  it('"Hoàn tác" after a deletion; the screen lists deletions and restores them with their parts', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-trash-'), 'office.sqlite'), { TDKT_TODAY: '2025-03-01' });
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const unit = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    const an = await api<{ id: string }>('staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', unitId: unit.id });
    const binh = await api<{ id: string }>('staff.create', { fullName: 'Trần Thị Bình', birthDate: '12/08/1985', unitId: unit.id });
    await api('records.saveDecision', {
      data: { number: '15/QĐ-SNV', year: YEAR, awardCode: 'GIAY_KHEN', issuer: 'Sở Nội vụ', recipients: [an, binh].map((s) => ({ kind: 'person', staffId: s.id })) },
    });
    const initiative = await api<{ id: string }>('records.saveInitiative', { data: { staffId: binh.id, year: 2024, title: 'Số hoá hồ sơ thi đua', scope: 'co_so' } });
    await api('records.deleteInitiative', { id: initiative.id });
    await api('staff.delete', { id: binh.id });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);

    // delete An in Cán bộ, then "Hoàn tác" in the notification: An is back in the list
    await page.getByTestId('nav-staff').click();
    const anRow = page.getByTestId('staff-row').filter({ hasText: 'Nguyễn Văn An' });
    await anRow.getByTestId('staff-delete').click();
    await page.getByTestId('confirm-delete').click();
    await anRow.waitFor({ state: 'detached' });
    await shot(page, 'undo');
    await page.getByTestId('undo-delete').click();
    await page.getByText('Đã hoàn tác: bản ghi đã được khôi phục.').waitFor();
    await anRow.waitFor();

    // delete An again, and the decision
    await anRow.getByTestId('staff-delete').click();
    await page.getByTestId('confirm-delete').click();
    await anRow.waitFor({ state: 'detached' });
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-decisions').click();
    const decision = page.getByTestId('decision-row').filter({ hasText: '15/QĐ-SNV' });
    await decision.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.getByTestId('confirm-delete').click();
    await decision.waitFor({ state: 'detached' });

    // Thùng rác: newest first; the initiative waits for Bình
    await page.getByTestId('nav-trash').click();
    const rows = page.getByTestId('trash-row');
    await expect.poll(() => rows.getByTestId('trash-title').allTextContents()).toEqual([
      'Quyết định số 15/QĐ-SNV',
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Số hoá hồ sơ thi đua',
    ]);
    expect(await rows.first().textContent()).toContain(`Giấy khen · năm ${YEAR} · Sở Nội vụ · 2 người, tập thể`);
    const idea = rows.filter({ hasText: 'Số hoá hồ sơ thi đua' });
    expect(await idea.getByTestId('trash-blocked').textContent()).toBe('Cán bộ Trần Thị Bình cũng đã bị xóa: hãy khôi phục cán bộ trước.');
    expect(await idea.getByTestId('trash-restore').isDisabled()).toBe(true);
    await shot(page, 'list');

    // searched without diacritics, by kind
    await page.getByTestId('trash-search').fill('so hoa');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('trash-search').fill('');
    await expect.poll(() => rows.count()).toBe(4);

    // the initiative ticked alone and restored: refused, nothing back; ticked with Bình: both
    // back at once (she first)
    await idea.getByTestId('trash-pick').check();
    await page.getByTestId('trash-restore-picked').click();
    await page.getByText('Chưa khôi phục bản ghi nào. Sáng kiến, đề tài "Số hoá hồ sơ thi đua": Cán bộ Trần Thị Bình cũng đã bị xóa: hãy khôi phục cán bộ trước.').waitFor();
    await expect.poll(() => rows.count()).toBe(4);
    await idea.getByTestId('trash-pick').check();
    await page.locator('[data-testid="trash-row"][data-kind="staff"]').filter({ hasText: 'Trần Thị Bình' }).getByTestId('trash-pick').check();
    expect(await page.getByTestId('trash-picked-count').textContent()).toBe('Đã chọn 2 bản ghi');
    await page.getByTestId('trash-restore-picked').click();
    await page.getByText('Đã khôi phục 2 bản ghi.').waitFor();
    await expect.poll(() => rows.getByTestId('trash-title').allTextContents()).toEqual(['Quyết định số 15/QĐ-SNV', 'Nguyễn Văn An']);
    // then An, then the decision with both recipients, one by one
    await page.locator('[data-testid="trash-row"][data-kind="staff"]').filter({ hasText: 'Nguyễn Văn An' }).getByTestId('trash-restore').click();
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByTestId('trash-restore').click();
    await page.getByText('Đã khôi phục: Quyết định số 15/QĐ-SNV (cùng 2 người, tập thể đã xóa kèm).').waitFor();
    await page.getByTestId('trash-empty').waitFor();
    expect(await page.getByTestId('trash-empty').textContent()).toBe('Thùng rác trống: chưa xóa bản ghi nào trên máy này.');

    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-decisions').click();
    await decision.waitFor();
    expect(await decision.textContent()).toContain('Giấy khen');
    await page.getByTestId('nav-staff').click();
    await expect.poll(() => page.getByTestId('staff-row-name').allTextContents()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(pageErrors).toEqual([]);
  });
});
