// The cash a decision's form carries, in Chromium against the browser host: on the decision's
// date the form says what the rules set (the catalogue's multiple of the lương cơ sở, rounded up
// to tens of thousands, twice for a collective given a form), "Điền mức này" fills the field
// and the list's people and collectives, an amount typed for one recipient stays, and the
// saved decision holds what was shown; a decision recording no issuer names in the list the
// superior its papers are printed for.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';

interface SavedDecision {
  cashAmount: number | null;
  recipients: Array<{ kind: string; name: string; cashAmount: number | null }>;
}

describe.skipIf(!hasChromium)('decision cash e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('a Giấy khen dated 15/12/2025: 710.000 đ a person, 1.420.000 đ a collective, filled on request', async () => {
    host = await session.startHost(path.join(tempDir('tdkt-e2e-cash-'), 'office.sqlite'), { TDKT_TODAY: '2025-12-20' });
    const h = host;
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(h, proc, input);
    await api('office.save', E2E_OFFICE);
    const vp = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    await api('units.create', { name: 'Phòng Tổ chức' });
    for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình']) await api('staff.create', { fullName, unitId: vp.id });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-number').fill('30/QĐ-SNV');
    await page.getByTestId('decision-date').fill('15/12/2025');
    await page.getByLabel('Năm thành tích', { exact: true }).fill('2025');
    await page.getByTestId('decision-award').click();
    await page.getByRole('option', { name: /^Giấy khen/ }).first().click();
    const rule = page.getByTestId('decision-cash-rule');
    await expect.poll(() => rule.innerText()).toBe(
      'Mức theo quy định: 710.000 đ/người; 1.420.000 đ/tập thể (0,3 lần lương cơ sở 2.340.000 đ, làm tròn lên hàng chục nghìn)',
    );
    // recipients added before the amount is filled: none yet
    for (const name of ['nguyen van an', 'tran thi binh']) {
      await page.getByTestId('decision-pick-person').click();
      await page.getByTestId('decision-pick-person').fill(name);
      await page.getByRole('option').first().click();
    }
    await page.getByTestId('decision-pick-unit').click();
    await page.getByRole('option', { name: 'Phòng Tổ chức' }).click();
    await expect.poll(() => page.getByTestId('recipient-row').count()).toBe(3);
    // one person's own amount is typed: it stays
    await page.getByTestId('recipient-row').filter({ hasText: 'Trần Thị Bình' }).getByRole('textbox', { name: 'Tiền thưởng' }).fill('500000');
    await page.getByTestId('decision-cash-apply').click();
    await expect.poll(() => page.getByTestId('decision-cash').inputValue()).toBe('710.000');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-save').waitFor({ state: 'detached' });

    const [summary] = await api<Array<{ id: string }>>('records.listDecisions', { year: null, search: '30/QĐ-SNV' });
    const saved = await api<SavedDecision>('records.getDecision', { id: summary!.id });
    expect(saved.cashAmount).toBe(710000);
    const amounts = Object.fromEntries(saved.recipients.map((r) => [r.name, r.cashAmount]));
    expect(amounts).toEqual({ 'Nguyễn Văn An': 710000, 'Trần Thị Bình': 500000, 'Phòng Tổ chức': 1420000 });

    // a form whose multiple the catalogue does not record on that date says nothing
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-date').fill('15/12/2024');
    await page.getByTestId('decision-award').click();
    await page.getByRole('option', { name: /^Giấy khen/ }).first().click();
    await page.getByTestId('decision-number').fill('31/QĐ-SNV');
    await expect.poll(() => rule.count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('decision-number').waitFor({ state: 'detached' });

    // the catalogue says what each form carries today
    await page.getByTestId('awards-tab-catalog').click();
    const row = page.getByRole('row').filter({ hasText: 'Giấy khen' });
    await expect.poll(() => row.getByTestId('catalog-cash-today').innerText()).toBe('hiện nay: 710.000 đ/người; 1.420.000 đ/tập thể');

    // a Bằng khen Thủ tướng recorded without its issuer: the list says whom its papers name
    await api('records.saveDecision', { id: null, data: { number: '99/QĐ-TTg', year: 2025, decisionDate: '10/01/2026', awardCode: 'BK_TTG', recipients: [] } });
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-year').click();
    await page.getByRole('option', { name: 'Mọi năm', exact: true }).click();
    await page.getByTestId('decision-search').fill('99/QĐ-TTg');
    await expect.poll(() => page.getByTestId('decision-row').filter({ hasText: '99/QĐ-TTg' }).innerText()).toContain('(Thủ tướng Chính phủ)');
    expect(pageErrors).toEqual([]);
  });
});
