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

  it('a lương cơ sở the office enters in Danh mục: used from its day by the decision form and the catalogue, and removed again', async () => {
    host = await session.startHost(path.join(tempDir('tdkt-e2e-base-'), 'office.sqlite'), { TDKT_TODAY: '2025-12-20' });
    const h = host;
    await hostApi(h, 'office.save', E2E_OFFICE);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-catalog').click();
    const panel = page.getByTestId('base-salary');
    const rows = panel.getByTestId('base-salary-row');
    // the shipped periods, newest first; the one in force today marked (a badge: shown in capitals)
    await expect.poll(() => rows.first().innerText()).toMatch(/^01\/07\/2024\s+2\.340\.000\s+NĐ 73\/2024\/NĐ-CP\s+có sẵn\s+đang áp dụng/iu);
    expect(await panel.getByTestId('base-salary-remove').count()).toBe(0);
    // the newest shipped one (01/07/2024) is more than two years old from 01/07/2026 on: the panel says to check
    const twoYearsAgo = `${new Date().getFullYear() - 2}-${String(new Date().getMonth() + 1).padStart(2, '0')}-${String(new Date().getDate()).padStart(2, '0')}`;
    expect(await panel.getByTestId('base-salary-stale').count()).toBe('2024-07-01' <= twoYearsAgo ? 1 : 0);
    if ('2024-07-01' <= twoYearsAgo) expect(await panel.getByTestId('base-salary-stale').innerText()).toBe('Mức đang áp dụng có từ 01/07/2024, đã hơn hai năm. Nếu Chính phủ đã điều chỉnh mức lương cơ sở, hãy thêm mức mới bên dưới.');

    // an edit of the parameters above, not saved yet, survives the panel's save
    await page.getByTestId('settings-quota').fill('20');
    // a bad amount is refused with what to fix, and nothing is added
    await panel.getByTestId('base-salary-from').fill('01/07/2025');
    await panel.getByTestId('base-salary-basis').fill('Nghị định số 1/2025/NĐ-CP');
    await panel.getByTestId('base-salary-add').click();
    await expect.poll(() => panel.innerText()).toContain('Mức lương cơ sở: nhập số đồng một tháng, từ 1.000.000 đến 50.000.000');
    expect(await rows.count()).toBe(5);
    await panel.getByTestId('base-salary-amount').fill('2530000');
    await panel.getByTestId('base-salary-add').click();
    await expect.poll(() => rows.count()).toBe(6);
    await expect.poll(() => rows.first().innerText()).toMatch(/^01\/07\/2025\s+2\.530\.000\s+Nghị định số 1\/2025\/NĐ-CP\s+cơ quan nhập\s+đang áp dụng/iu);
    expect(await panel.getByTestId('base-salary-from').inputValue()).toBe('');
    expect(await panel.getByTestId('base-salary-stale').count()).toBe('2025-07-01' <= twoYearsAgo ? 1 : 0);
    expect(await page.getByTestId('settings-quota').inputValue()).toBe('20 %');
    expect((await hostApi<{ provincial: { cstdcsQuotaPercent: number } }>(h, 'awards.getSettings')).provincial.cstdcsQuotaPercent).toBe(15);
    // the catalogue's "hiện nay": 0,3 × 2.530.000 = 759.000 → 760.000
    const giayKhen = page.getByRole('row').filter({ hasText: 'Giấy khen' });
    await expect.poll(() => giayKhen.getByTestId('catalog-cash-today').innerText()).toBe('hiện nay: 760.000 đ/người; 1.520.000 đ/tập thể');

    // the decision form on a date from then
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-date').fill('15/12/2025');
    await page.getByTestId('decision-award').click();
    await page.getByRole('option', { name: /^Giấy khen/ }).first().click();
    const rule = page.getByTestId('decision-cash-rule');
    await expect.poll(() => rule.innerText()).toBe('Mức theo quy định: 760.000 đ/người; 1.520.000 đ/tập thể (0,3 lần lương cơ sở 2.530.000 đ, làm tròn lên hàng chục nghìn)');
    expect(await page.getByTestId('decision-cash-base-old').count()).toBe(0);
    // a decision more than two years after the newest lương cơ sở known: the line asks whether it is still the one
    await page.getByTestId('decision-date').fill('15/12/2027');
    await expect.poll(() => page.getByTestId('decision-cash-base-old').count()).toBe(1);
    expect(await rule.innerText()).toContain('2.530.000 đ');
    // before its day, the shipped one
    await page.getByTestId('decision-date').fill('30/06/2025');
    await expect.poll(() => rule.count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('decision-date').waitFor({ state: 'detached' });

    // removed (after a confirmation): the catalogue is back on the shipped lương cơ sở
    await page.getByTestId('awards-tab-catalog').click();
    await panel.getByTestId('base-salary-remove').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(() => rows.count()).toBe(5);
    await expect.poll(() => giayKhen.getByTestId('catalog-cash-today').innerText()).toBe('hiện nay: 710.000 đ/người; 1.420.000 đ/tập thể');
    expect((await hostApi<{ baseSalaries: unknown[] }>(h, 'awards.getSettings')).baseSalaries).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
