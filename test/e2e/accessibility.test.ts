// Every main screen, each tab of Khen thưởng, the checker's explanation, a decision's form, the add dialogs, the plan editor
// and a dossier's view, checked by axe-core in Chromium: no serious or
// critical finding (text contrast under WCAG AA, fields without a name, table roles out of
// place). The office has a unit, people and this quarter's tasks, so the lists and the home
// screen's progress bar are drawn.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { hasChromium, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';
import { testCore } from '../support/core';

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TODAY = '2025-11-20';
const ROUTES = ['home', 'units', 'staff', 'plans', 'tasks', 'dossiers', 'exchange', 'backup', 'trash', 'settings', 'help'];
const AWARD_TABS = ['Nhập cuối năm', 'Quyết định', 'Sáng kiến', 'Kỷ luật', 'Đăng ký', 'Kiểm tra điều kiện', 'Lịch sử', 'Thống kê', 'Danh mục, tham số'];

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] }[];
}

describe.skipIf(!hasChromium)('accessibility (axe-core in Chromium)', () => {
  const session = e2eSession();

  it('no serious or critical finding on the main screens, the award tabs, the dialogs and the working screens', { timeout: 240_000 }, async () => {
    const dbPath = path.join(tempDir('tdkt-e2e-a11y-'), 'office.sqlite');
    const c = await testCore({ dbPath, today: TODAY });
    const unit = await c.invoke('units.create', { name: 'Văn phòng Sở' });
    // a second unit: the merge dialog has a unit to offer
    await c.invoke('units.create', { name: 'Phòng Tổ chức cán bộ' });
    const people: string[] = [];
    for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường']) people.push((await c.invoke('staff.create', { fullName, unitId: unit.id })).id);
    await c.invoke('records.saveDecision', { data: { number: '9/QĐ-SNV', year: 2025, awardCode: 'GIAY_KHEN', cashAmount: 702000, recipients: people.map((staffId) => ({ kind: 'person', staffId })) } as never });
    await c.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2025 });
    const dossier = await c.invoke('dossiers.create', { year: 2025, awardCode: 'GIAY_KHEN' });
    await c.invoke('dossiers.addNominees', { id: dossier.id, nominees: people.map((staffId) => ({ kind: 'person', staffId })) });
    const lead = [{ unitId: unit.id }];
    await c.invoke('tasks.create', { year: 2025, quarter: 4, title: 'Tổng kết phong trào thi đua năm 2025', dueDate: '15/10/2025', lead });
    await c.invoke('tasks.create', { year: 2025, quarter: 4, title: 'Bình xét danh hiệu cuối năm', dueDate: '30/11/2025', lead });
    await c.invoke('tasks.create', { year: 2025, quarter: 4, title: 'Gửi hồ sơ đề nghị khen thưởng', dueDate: '25/11/2025', lead, status: 'hoan_thanh' });
    // a person entered twice ("Tìm người trùng")
    await c.invoke('staff.create', { fullName: 'Lê Văn Cường', unitId: unit.id });
    // something in the Thùng rác, one of its rows waiting for its person
    const gone = await c.invoke('staff.create', { fullName: 'Phạm Văn Dũng', unitId: unit.id });
    const idea = await c.invoke('records.saveInitiative', { data: { staffId: gone.id, year: 2025, title: 'Số hoá hồ sơ', scope: 'co_so' } });
    await c.invoke('records.deleteInitiative', { id: idea.id });
    await c.invoke('staff.delete', { id: gone.id });
    c.close();

    const host = await session.startHost(dbPath, { TDKT_TODAY: TODAY });
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(host.url);
    await page.getByTestId('home-quarter').waitFor();

    const found: string[] = [];
    const check = async (where: string) => {
      await page.waitForTimeout(600);
      // evaluated through the DevTools protocol: the app's CSP rightly refuses an injected script
      await page.evaluate(AXE);
      const r = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResult;
      for (const v of r.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        found.push(`${where}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1] ?? ''}`);
      }
    };
    for (const route of ROUTES) {
      await page.getByTestId(`nav-${route}`).click();
      await check(route);
    }
    // the Hướng dẫn's tables of keys
    await page.getByTestId('help-nav-phim-tat').click();
    await check('help: keys');
    // the export of every office's data, with its note
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('exchange-kind').click();
    await page.getByRole('option', { name: /^Toàn bộ dữ liệu/ }).click();
    await page.getByTestId('exchange-full-note').waitFor();
    await check('exchange: full bundle note');
    await page.getByTestId('nav-awards').click();
    for (const tab of AWARD_TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await check(`awards/${tab}`);
    }
    // a person's verdicts explained, rule by rule
    await page.getByRole('tab', { name: 'Kiểm tra điều kiện' }).click();
    await page.getByTestId('check-run').click();
    await page.getByTestId('check-explain').first().click();
    await page.getByRole('dialog').waitFor();
    await check('eligibility explained');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // a decision's form, and the menu of its papers
    await page.getByRole('tab', { name: 'Quyết định' }).click();
    await page.getByTestId('decision-year').click();
    await page.getByRole('option', { name: 'Mọi năm', exact: true }).click();
    await page.locator('[data-testid="decision-row"]').filter({ hasText: '9/QĐ-SNV' }).getByRole('button', { name: 'Sửa', exact: true }).click();
    await page.getByTestId('recipient-row').first().waitFor();
    await check('decision form');
    await page.getByTestId('decision-papers').click();
    await page.getByTestId('decision-payments').waitFor();
    await check('decision papers menu');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // the dialogs that add a unit (one, or many as lines), a person, a task, a dossier, a campaign and a plan, and the duplicates finder
    for (const [route, button] of [
      ['units', 'unit-add'],
      ['units', 'units-many'],
      ['staff', 'staff-add'],
      ['staff', 'staff-duplicates'],
      ['tasks', 'tasks-add'],
      ['dossiers', 'dossier-create'],
      ['plans', 'campaign-add'],
      ['plans', 'plan-create'],
    ] as const) {
      await page.getByTestId(`nav-${route}`).click();
      await page.getByTestId(button).click();
      await page.getByRole('dialog').waitFor();
      await check(`${route}: ${button} dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    // a unit's merge into another, a target chosen
    await page.getByTestId('nav-units').click();
    await page.getByRole('button', { name: /^Thao tác với / }).first().click();
    await page.getByTestId('unit-merge').click();
    await page.getByTestId('unit-merge-target').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('unit-merge-summary').waitFor();
    await check('units: merge dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // people ticked on the staff list: the bar of changes, then its move and status dialogs
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-row-check').first().check();
    await page.getByTestId('staff-selection').waitFor();
    await check('staff: people ticked');
    for (const button of ['staff-bulk-move', 'staff-bulk-status']) {
      await page.getByTestId(button).click();
      await page.getByRole('dialog').waitFor();
      await check(`staff: ${button} dialog`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.getByTestId('staff-clear-selection').click();
    // deleted records ticked in the Thùng rác
    await page.getByTestId('nav-trash').click();
    await page.getByTestId('trash-pick').first().check();
    await page.getByTestId('trash-picked').waitFor();
    await check('trash: records ticked');
    // the working screens: a plan in the editor, a dossier being built
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plan-open').first().click();
    await page.getByTestId('plan-editor').waitFor();
    for (const tab of ['header', 'content', 'footer', 'appendices']) {
      await page.getByTestId(`tab-${tab}`).click();
      await check(`plan editor: ${tab}`);
    }
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-open').first().click();
    await page.getByTestId('dossier-view').waitFor();
    await check('dossier view');
    // the meetings of the year's other dossiers, offered to copy
    await page.getByTestId('meeting-copy').click();
    await page.getByTestId('meeting-copy-menu').waitFor();
    await page.getByTestId('meeting-copy-menu').getByRole('menuitem').first().waitFor({ state: 'attached' });
    await check('dossier: meetings to copy');
    await page.keyboard.press('Escape');
    // the question before unsaved edits are dropped
    await page.getByTestId('general-title').fill('Hồ sơ đang sửa');
    await page.getByTestId('dossier-back').click();
    await page.getByTestId('leave-discard').waitFor();
    await check('unsaved edits question');
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('dossiers-tab-received').click();
    await check('dossiers received');
    // the quick search, open on its hint and on hits of several kinds
    await page.keyboard.press('Control+k');
    await page.getByTestId('quick-search-input').waitFor();
    await check('quick search (empty)');
    await page.getByTestId('quick-search-input').fill('van');
    await page.locator('[data-testid="quick-search-hit"][data-kind="unit"]').first().waitFor();
    await page.locator('[data-testid="quick-search-hit"][data-kind="staff"]').first().waitFor();
    await check('quick search (hits)');
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
    await page.close();
    await host.stop();
  });
});
