// The staff list in Chromium with more people than one fetched window (200 rows): scrolling to
// the end shows the last person, the filters' dropdowns (options mounted only when opened)
// still filter, search as you type shows what the core answers, and "Lịch sử" opens the
// person's timeline. The core's own answers over HTTP are the expected values.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession, type HostProcess } from './support/browser';
import { tempDir } from '../support/tmp';
import { personName } from './support/names';

interface Row {
  id: string;
  fullName: string;
  isLeader: boolean;
}

describe.skipIf(!hasChromium)('staff list e2e (browser host + Chromium)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('scrolls past the first window, filters by unit and status, searches as you type', async () => {
    host = await session.startHost(path.join(tempDir('tdkt-e2e-staff-'), 'office.sqlite'));
    const h = host;
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(h, proc, input);
    await api('office.save', E2E_OFFICE);
    const office = (await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' })).id;
    const inspect = (await api<{ id: string }>('units.create', { name: 'Thanh tra Sở' })).id;
    // 460 people: 3 windows; every 4th in the inspectorate, every 23rd retired, every 50th a leader
    for (let i = 0; i < 460; i++) {
      await api('staff.create', {
        fullName: personName(i),
        gender: i % 2 ? 'nu' : 'nam',
        unitId: i % 4 === 0 ? inspect : office,
        status: i % 23 === 0 ? 'nghi_huu' : 'dang_cong_tac',
        isLeader: i % 50 === 0,
      });
    }
    const list = (filter: Record<string, unknown>) => api<{ rows: Row[]; total: number }>('staff.list', { search: '', unitId: null, status: 'dang_cong_tac', includeSubunits: true, ...filter });
    const count = (n: number) => `${n.toLocaleString('vi-VN')} người`;

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-staff').click();

    const working = await list({});
    expect(working.total).toBeGreaterThan(400);
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(working.total));
    const names = page.getByTestId('staff-row-name');
    await expect.poll(async () => (await names.allInnerTexts()).slice(0, 3)).toEqual(working.rows.slice(0, 3).map((r) => r.fullName));
    // a cell the column cuts short shows its whole text on hover
    const firstRow = page.getByTestId('staff-row').first();
    const clipped = await firstRow.locator('[role="cell"][title]').evaluateAll((cells) => cells.map((c) => [c.getAttribute('title'), c.textContent]));
    expect(clipped.length).toBeGreaterThanOrEqual(1);
    for (const [title, text] of clipped) expect(title).toBe(text);

    // a narrow window (1024 px) drops the gender, birth date and category columns rather than
    // clipping the actions out of reach (a row paints nothing outside itself)
    await page.setViewportSize({ width: 1024, height: 700 });
    const del = page.getByTestId('staff-delete').first();
    const reachable = await del.evaluate((el) => {
      const b = el.getBoundingClientRect();
      return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === el;
    });
    expect(reachable).toBe(true);
    expect(await page.getByRole('row').first().innerText()).not.toContain('Giới tính');
    await page.setViewportSize({ width: 1366, height: 860 });
    await expect.poll(() => page.getByRole('row').first().innerText()).toContain('Giới tính');

    // scrolled to the end: the last person in Vietnamese order is painted at the bottom of the list
    const scroller = page.getByTestId('staff-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const lastName = working.rows[working.total - 1]!.fullName;
    await expect.poll(async () => (await names.allInnerTexts()).at(-1)).toBe(lastName);
    const hit = await scroller.evaluate((el) => {
      const box = el.getBoundingClientRect();
      // the element drawn just above the list's bottom edge, as the user sees it
      const at = document.elementFromPoint(box.left + 60, box.bottom - 20);
      return at?.closest('[data-testid="staff-row"]')?.querySelector('[data-testid="staff-row-name"]')?.textContent ?? null;
    });
    expect(hit).toBe(lastName);

    // a new filter's rows replace every window of the old one: at the end of the list, the
    // last person of "every status" (not a row left over from the working-only list)
    const everyone = await list({ status: 'all' });
    await page.getByTestId('staff-status-filter').click();
    await page.getByRole('option', { name: 'Tất cả trạng thái', exact: true }).click();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(everyone.total));
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => (await names.allInnerTexts()).slice(-8)).toEqual(everyone.rows.slice(-8).map((r) => r.fullName));
    await page.getByTestId('staff-status-filter').click();
    await page.getByRole('option', { name: 'Đang công tác', exact: true }).click();
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(working.total));

    // unit filter: options appear when the dropdown opens, picking one narrows the list
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await page.getByTestId('staff-unit-filter').click();
    // typed without diacritics (Mantine's own filter wanted "Thanh tra Sở" exactly)
    await page.getByTestId('staff-unit-filter').fill('thanh tra so');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual(['Thanh tra Sở']);
    await page.getByRole('option', { name: 'Thanh tra Sở', exact: true }).click();
    const inInspect = await list({ unitId: inspect });
    expect(inInspect.total).toBeLessThan(working.total);
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(inInspect.total));
    await expect.poll(async () => (await names.allInnerTexts()).slice(0, 5)).toEqual(inInspect.rows.slice(0, 5).map((r) => r.fullName));

    // status filter: every status brings the retired back
    await page.getByTestId('staff-status-filter').click();
    await page.getByRole('option', { name: 'Tất cả trạng thái', exact: true }).click();
    const allInInspect = await list({ unitId: inspect, status: 'all' });
    expect(allInInspect.total).toBeGreaterThan(inInspect.total);
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(allInInspect.total));

    // search as you type, letter by letter, without diacritics: the last answer is what stays
    const search = page.getByTestId('staff-search');
    await search.click();
    await page.keyboard.type('hoang van', { delay: 15 });
    const found = await list({ unitId: inspect, status: 'all', search: 'hoang van' });
    expect(found.total).toBeGreaterThan(5);
    expect(found.total).toBeLessThanOrEqual(20); // all of them rendered (a screen of rows and the overscan)
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe(count(found.total));
    await expect.poll(() => names.allInnerTexts()).toEqual(found.rows.map((r) => r.fullName));
    expect(found.rows.every((r) => r.fullName.startsWith('Hoàng Văn'))).toBe(true);
    // a leader's row carries the badge
    const leaders = found.rows.filter((r) => r.isLeader).length;
    expect(leaders).toBeGreaterThan(0);
    expect(await page.getByTestId('staff-row').filter({ hasText: 'LĐ' }).count()).toBe(leaders);

    // "Lịch sử" opens that person's award timeline
    await page.getByTestId('staff-history').first().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/awards');
    expect(pageErrors).toEqual([]);
  });
});
