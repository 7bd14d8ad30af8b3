// The award record lists in Chromium with more rows than a screen holds: only the rows on
// screen are in the page (a province's 29,406 initiatives took 49 s to render as a plain
// table), scrolling to the end paints the last record, a row scrolled into view still edits
// its own record, and a search narrows the list and its count; a decision's recipients the
// same, an amount typed into the last one saved for that one; a dossier's proposals, nominees
// and votes the same, with the proposals filtered and picked in bulk. The core's answers over HTTP
// are the expected values.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';

const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Vũ'];
const TEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam', 'Oanh', 'Phúc'];
const TOPICS = ['Số hóa hồ sơ', 'Cải tiến quy trình', 'Ứng dụng phần mềm', 'Chuẩn hóa biểu mẫu', 'Tiết kiệm chi phí'];
const INITIATIVES = 1200;

interface InitiativeRow {
  id: string;
  title: string;
  staffName: string;
}

describe.skipIf(!hasChromium)('award record lists e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it("record lists, a decision's recipients and a dossier render only the rows on screen; rows scrolled into view edit their own record", async () => {
    host = await session.startHost(path.join(tempDir('tdkt-e2e-lists-'), 'office.sqlite'));
    const h = host;
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(h, proc, input);
    await api('office.save', E2E_OFFICE);
    const unit = (await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' })).id;
    const staff: string[] = [];
    for (let i = 0; i < 60; i++) {
      staff.push((await api<{ id: string }>('staff.create', { fullName: `${HO[i % HO.length]} Văn ${TEN[i % TEN.length]}`, gender: 'nam', unitId: unit })).id);
    }
    // in batches: 1,200 calls one after another would take most of the test's time
    for (let i = 0; i < INITIATIVES; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, INITIATIVES - i) }, (_, k) => {
          const n = i + k;
          return api('records.saveInitiative', {
            id: null,
            data: { staffId: staff[n % staff.length], year: 2016 + (n % 10), title: `${TOPICS[n % TOPICS.length]} số ${n + 1}`, scope: n % 7 === 0 ? 'tinh' : 'co_so', recognizingBody: 'Hội đồng sáng kiến Sở' },
          });
        }),
      );
    }
    const expected = await api<InitiativeRow[]>('records.listInitiatives', { year: null, unitId: null, search: '' });
    expect(expected.length).toBe(INITIATIVES);
    const count = (n: number) => `${n.toLocaleString('vi-VN')} sáng kiến, đề tài`;

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-initiatives').click();

    const list = page.getByTestId('initiative-list');
    await expect.poll(() => list.locator('.vt-caption').innerText()).toBe(count(INITIATIVES));
    const rows = page.getByTestId('initiative-row');
    const titles = () => rows.evaluateAll((els) => els.map((e) => e.querySelector('[role="cell"]:nth-child(3)')?.textContent ?? ''));
    await expect.poll(async () => (await titles()).slice(0, 3)).toEqual(expected.slice(0, 3).map((r) => r.title));
    // the page holds a screenful and the overscan, not 1,200 rows
    expect(await rows.count()).toBeLessThan(40);

    // scrolled to the end: the last record in the core's order is drawn at the list's bottom edge
    const scroller = page.getByTestId('initiative-list-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = expected[expected.length - 1]!;
    await expect.poll(async () => (await titles()).at(-1)).toBe(last.title);
    const hit = await scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const at = document.elementFromPoint(box.left + 400, box.bottom - 12);
      return at?.closest('[data-testid="initiative-row"]')?.querySelector('[role="cell"]:nth-child(3)')?.textContent ?? null;
    });
    expect(hit).toBe(last.title);
    expect(await rows.count()).toBeLessThan(40);

    // "Sửa" on the last row opens that record, not one rendered earlier in the same place
    await rows.filter({ hasText: last.title }).getByRole('button', { name: 'Sửa', exact: true }).click();
    await expect.poll(() => page.getByTestId('initiative-title').inputValue()).toBe(last.title);
    await page.keyboard.press('Escape');
    await page.getByTestId('initiative-title').waitFor({ state: 'detached' });

    // a search without diacritics narrows the list and its count to what the core answers
    const found = await api<InitiativeRow[]>('records.listInitiatives', { year: null, unitId: null, search: 'so hoa ho so so 1' });
    expect(found.length).toBeGreaterThan(1);
    await page.getByLabel('Tìm').fill('so hoa ho so so 1');
    await expect.poll(() => list.locator('.vt-caption').innerText()).toBe(count(found.length));
    await expect.poll(async () => (await titles()).slice(0, 3)).toEqual(found.slice(0, 3).map((r) => r.title));

    // a decision with 60 recipients: only the rows on screen are in the page, and an amount
    // typed into one recipient (scrolled to the end) is the one saved
    const decision = await api<{ id: string }>('records.saveDecision', {
      id: null,
      data: {
        number: '77/QĐ-SNV',
        decisionDate: '2024-12-20',
        issuer: 'Sở Nội vụ',
        awardCode: 'LDTT',
        basis: 'thuong_xuyen',
        year: 2024,
        recipients: staff.map((id) => ({ kind: 'person', staffId: id, unitId: null, cashAmount: null })),
      },
    });
    const saved = await api<{ recipients: { staffId: string; name: string }[] }>('records.getDecision', { id: decision.id });
    const lastRecipient = saved.recipients[saved.recipients.length - 1]!;
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByRole('combobox', { name: 'Năm', exact: true }).click();
    await page.getByRole('option', { name: 'Mọi năm', exact: true }).click();
    await page.getByTestId('decision-search').fill('77/QĐ-SNV');
    await page.getByTestId('decision-row').filter({ hasText: '77/QĐ-SNV' }).getByRole('button', { name: 'Sửa', exact: true }).click();
    const recipients = page.getByTestId('recipient-row');
    await recipients.first().waitFor();
    expect(await recipients.count()).toBeLessThan(30);
    // who may decide, on the decision's date: district chairmen until 30/6/2025, not after
    const authorities = page.getByTestId('decision-authorities');
    expect(await authorities.innerText()).toContain('Chủ tịch UBND cấp huyện');
    await page.getByTestId('decision-date').fill('28/12/2025');
    await expect.poll(() => authorities.innerText()).not.toContain('cấp huyện');
    expect(await authorities.innerText()).toContain('Chủ tịch UBND cấp xã');
    await page.getByTestId('decision-date').fill('20/12/2024');
    // the issuer left empty: the placeholder says whom the papers will name — the office for its
    // own form, the Thủ tướng for his Bằng khen; the office's parent is offered
    const issuer = page.getByTestId('decision-issuer');
    await issuer.fill('');
    expect(await issuer.getAttribute('placeholder')).toBe(E2E_OFFICE.name);
    await page.getByTestId('decision-award').click();
    await page.getByRole('option', { name: 'Bằng khen của Thủ tướng Chính phủ', exact: true }).click();
    await expect.poll(() => issuer.getAttribute('placeholder')).toBe('Thủ tướng Chính phủ');
    await issuer.click();
    await page.getByRole('option', { name: 'Ủy ban nhân dân tỉnh Lào Cai', exact: true }).waitFor();
    await issuer.fill('Sở Nội vụ');
    await page.getByTestId('decision-award').click();
    await page.getByRole('option', { name: 'Lao động tiên tiến', exact: true }).click();
    await page.getByTestId('recipient-list-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const lastRow = recipients.filter({ hasText: lastRecipient.name }).last();
    await lastRow.getByRole('textbox', { name: 'Tiền thưởng' }).fill('1500000');
    await expect.poll(() => page.getByText(/^Tổng tiền thưởng:/).innerText()).toContain('1.500.000');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-save').waitFor({ state: 'detached' });
    const after = await api<{ recipients: { staffId: string; cashAmount: number | null }[] }>('records.getDecision', { id: decision.id });
    expect(after.recipients.filter((r) => r.cashAmount !== null)).toEqual([expect.objectContaining({ staffId: lastRecipient.staffId, cashAmount: 1500000 })]);
    // its history: one entry per recipient, drawn 50 at a time, the rest on "Xem thêm"
    const history = await api<{ entries: unknown[] }>('audit.forRecord', { table: 'award_decision', id: decision.id });
    expect(history.entries.length).toBeGreaterThan(60);
    await page.getByTestId('decision-row').filter({ hasText: '77/QĐ-SNV' }).getByTestId('audit-history-button').click();
    const entries = page.getByTestId('audit-drawer').getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(50);
    await page.getByTestId('audit-more').click();
    await expect.poll(() => entries.count()).toBe(history.entries.length);
    expect(await page.getByTestId('audit-more').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-drawer').getByTestId('audit-timeline').waitFor({ state: 'hidden' });

    // a 1024-pixel screen: the decisions fit (the year under the date), the actions
    // in view; the columns keep their minimum widths (before, the three flexible columns shrank
    // to 15–31 px and "Số" broke into "S / ố")
    await page.setViewportSize({ width: 1024, height: 700 });
    const decisions = page.getByTestId('decision-list');
    const headerWidths = await decisions.getByRole('columnheader').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(headerWidths.filter((w) => w < 50)).toEqual([]);
    const sideways = decisions.locator('.vt-x');
    expect(await sideways.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await expect.poll(() => page.getByTestId('decision-row').filter({ hasText: '77/QĐ-SNV' }).innerText()).toMatch(/20\/12\/2024\s+Năm 2024/);
    // narrower still (the window's minimum, 960): the table scrolls sideways to the actions
    await page.setViewportSize({ width: 960, height: 700 });
    await expect.poll(() => sideways.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await sideways.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.getByTestId('decision-row').filter({ hasText: '77/QĐ-SNV' }).getByRole('button', { name: 'Sửa', exact: true }).click();
    await recipients.first().waitFor();
    await page.keyboard.press('Escape');
    await recipients.first().waitFor({ state: 'detached' });
    // the initiatives (the kind under the reach) and the disciplines (the decision over its
    // issuer) fit a 1024-pixel screen too
    await page.setViewportSize({ width: 1024, height: 700 });
    for (const tab of ['initiatives', 'disciplines'] as const) {
      await page.getByTestId(`awards-tab-${tab}`).click();
      const list = page.getByTestId(`${tab === 'initiatives' ? 'initiative' : 'discipline'}-list`).locator('.vt-x');
      await list.waitFor();
      expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth), tab).toBeLessThanOrEqual(1);
    }
    await page.getByTestId('awards-tab-decisions').click();
    await page.setViewportSize({ width: 1366, height: 860 });

    // a dossier: the checker's proposals, the nominees and the votes render only the rows on
    // screen; a filter and "pick every one shown" add people; a vote typed into the last row
    // (scrolled to the end) is saved for that nominee
    await api('records.saveYearGrid', {
      unitId: unit,
      year: 2025,
      rows: staff.map((id) => ({ staffId: id, rating: 'HTTNV', maternityLeave: false, underReview: false, titles: { LDTT: false, CSTDCS: false } })),
    });
    const dossier = await api<{ id: string }>('dossiers.create', { year: 2025, awardCode: 'LDTT', title: 'Hồ sơ lao động tiên tiến 2025' });
    const proposals = await api<{ eligible: { id: string; name: string; unitName: string }[] }>('dossiers.candidates', { id: dossier.id });
    expect(proposals.eligible.length).toBe(staff.length);
    await page.getByTestId('nav-dossiers').click();
    await page.getByRole('row').filter({ hasText: 'Hồ sơ lao động tiên tiến 2025' }).getByTestId('dossier-open').click();
    const eligible = page.getByTestId('candidates-eligible');
    await eligible.getByTestId('candidate-check').first().waitFor();
    expect(await eligible.getByTestId('candidate-row').count()).toBeLessThan(20);
    // "nguyen", without diacritics: the Nguyễn
    const wanted = proposals.eligible.filter((c) => c.name.startsWith('Nguyễn '));
    expect(wanted.length).toBeGreaterThan(1);
    await page.getByTestId('candidates-filter').fill('nguyen');
    await expect.poll(() => eligible.getByTestId('candidate-row').count()).toBe(wanted.length);
    await page.getByTestId('candidates-eligible-all').click();
    await page.getByTestId('candidates-add').click();
    await expect.poll(async () => (await api<{ nominees: unknown[] }>('dossiers.get', { id: dossier.id })).nominees.length).toBe(wanted.length);
    await page.getByTestId('candidates-filter').fill('');
    await page.getByTestId('candidates-eligible-all').click();
    await page.getByTestId('candidates-add').click();
    await expect.poll(async () => (await api<{ nominees: unknown[] }>('dossiers.get', { id: dossier.id })).nominees.length).toBe(staff.length);
    await expect.poll(() => page.getByTestId('nominee-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('nominee-row').count()).toBeLessThan(30);
    const nominees = (await api<{ nominees: { id: string; name: string }[] }>('dossiers.get', { id: dossier.id })).nominees;
    const lastNominee = nominees[nominees.length - 1]!;
    const votes = page.getByTestId('vote-row');
    expect(await votes.count()).toBeLessThan(30);
    await page.getByTestId('vote-table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    const lastVote = page.locator(`[data-testid="vote-row"][data-name="${lastNominee.name}"]`).last();
    await lastVote.getByTestId('vote-agree').fill('7');
    await lastVote.getByTestId('vote-total').fill('9');
    await page.getByTestId('meeting-save').click();
    await expect
      .poll(async () => (await api<{ nominees: { id: string; votesAgree: number | null; votesTotal: number | null }[] }>('dossiers.get', { id: dossier.id })).nominees.filter((n) => n.votesAgree !== null))
      .toEqual([expect.objectContaining({ id: lastNominee.id, votesAgree: 7, votesTotal: 9 })]);

    // every screen and tab at 1024 px (offices still have 1024×768 screens): nothing cut off
    // sideways — a box hiding what it holds, not a text ending in "…" or an input's own text
    await page.setViewportSize({ width: 1024, height: 768 });
    const clipped = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => {
            const cs = getComputedStyle(el);
            if (!(cs.overflowX === 'hidden' || cs.overflowX === 'clip') || cs.textOverflow === 'ellipsis') return false;
            if (el instanceof HTMLInputElement || el.classList.contains('mantine-Switch-track')) return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && el.scrollWidth > el.clientWidth + 2;
          })
          .map((el) => `${el.className} "${(el as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 60)}"`),
      );
    const cut: string[] = [];
    for (const nav of ['home', 'units', 'staff', 'plans', 'tasks', 'awards', 'dossiers', 'exchange', 'backup', 'trash', 'settings', 'help']) {
      await page.getByTestId(`nav-${nav}`).click();
      await page.waitForTimeout(400);
      cut.push(...(await clipped()).map((c) => `${nav}: ${c}`));
      for (const tab of await page.getByRole('tab').all()) {
        await tab.click();
        await page.waitForTimeout(300);
        cut.push(...(await clipped()).map((c) => `${nav} / ${tab}: ${c}`));
      }
    }
    expect([...new Set(cut)]).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
