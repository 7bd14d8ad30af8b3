// The units screen on a tree the size of a province's (more units than fit a screen): it opens
// closed on the top-level units, units open and close one by one or all at once and stay so
// across screens, a search without diacritics finds a unit by its name and its parent's, and
// "Xem danh sách cán bộ" opens the staff list on that unit. The twenty "Văn phòng" of a
// province are told apart where people and collectives are listed for awards: the checker's rows
// and the dossier's proposals name them with their parents, and a task's lead unit is picked by
// such a label and saved as that unit. The core's answers are the expected values.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';

const SO = ['Sở Tài chính', 'Sở Nội vụ', 'Sở Y tế', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Công Thương'];
// the checker's first answers may wait for the run the host computes as it starts
const SLOW = { timeout: 20_000 };
const PHONG = ['Văn phòng', 'Phòng Tổ chức cán bộ', 'Phòng Kế hoạch - Tài chính', 'Thanh tra'];

describe.skipIf(!hasChromium)('units screen e2e (browser host + Chromium)', () => {
  const session = e2eSession();

  it('opens closed on a large tree, opens and closes units, searches, shows a unit\'s staff; units sharing a name are told apart in the checker, the proposals and a task\'s units', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-units-'), 'office.sqlite'));
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', E2E_OFFICE);
    // 6 Sở × (4 departments + 2 centres with a team each) = 54 units; staff in the departments and teams
    const ids = new Map<string, string>();
    for (const so of SO) {
      const root = (await api<{ id: string }>('units.create', { name: so, kind: 'don_vi_truc_thuoc' })).id;
      ids.set(so, root);
      for (const p of PHONG) ids.set(`${so}/${p}`, (await api<{ id: string }>('units.create', { name: p, parentId: root })).id);
      for (const n of [1, 2]) {
        const centre = (await api<{ id: string }>('units.create', { name: `Trung tâm ${n} thuộc ${so}`, parentId: root, kind: 'don_vi_truc_thuoc' })).id;
        ids.set(`${so}/tt${n}`, centre);
        ids.set(`${so}/tt${n}/to`, (await api<{ id: string }>('units.create', { name: 'Tổ hành chính', parentId: centre })).id);
      }
    }
    const tcVanPhong = ids.get('Sở Tài chính/Văn phòng')!;
    const tcCentre = ids.get('Sở Tài chính/tt1')!;
    const inUnit = new Map<string, string[]>();
    for (let i = 0; i < 12; i++) {
      const unitId = i % 3 === 0 ? ids.get('Sở Tài chính/tt1/to')! : i % 3 === 1 ? tcVanPhong : ids.get('Sở Nội vụ/Văn phòng')!;
      const { id } = await api<{ id: string }>('staff.create', { fullName: `Nguyễn Văn ${String.fromCharCode(65 + i)}`, gender: 'nam', unitId });
      inUnit.set(unitId, [...(inUnit.get(unitId) ?? []), id]);
    }
    // 2025: everyone rated and named Lao động tiên tiến, so both Văn phòng qualify as collectives
    for (const [unitId, staffIds] of inUnit) {
      await api('records.saveYearGrid', {
        unitId,
        year: 2025,
        rows: staffIds.map((staffId) => ({ staffId, rating: 'HTXSNV', maternityLeave: false, underReview: false, titles: { LDTT: true, CSTDCS: false } })),
        decisions: { LDTT: { number: '25/QĐ-SNV', date: '20/12/2025' } },
      });
    }

    // one context for two windows: they share this computer's storage
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-units').click();
    const rows = page.getByTestId('unit-row');
    const names = () => page.getByTestId('unit-label').allInnerTexts();

    // 54 units: only the six Sở, closed, in Vietnamese order
    const roots = [...SO].sort((a, b) => a.localeCompare(b, 'vi'));
    await expect.poll(names).toEqual(roots);
    const taiChinh = rows.nth(roots.indexOf('Sở Tài chính'));
    expect(await taiChinh.getAttribute('aria-expanded')).toBe('false');

    // open one Sở, then one of its centres: their children appear under them
    await page.getByRole('button', { name: 'Mở rộng Sở Tài chính' }).click();
    await expect.poll(() => rows.count()).toBe(6 + 6);
    expect(await taiChinh.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Mở rộng Trung tâm 1 thuộc Sở Tài chính' }).click();
    await expect.poll(() => rows.count()).toBe(13);
    const shown = await names();
    expect(shown.indexOf('Tổ hành chính')).toBe(shown.indexOf('Trung tâm 1 thuộc Sở Tài chính') + 1);

    // by keyboard: one row in the Tab order; arrows move, → opens, ← closes or goes up
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.querySelector('[data-testid=unit-label]')?.textContent ?? null);
    expect(await focused()).toBe('Sở Tài chính');
    await page.keyboard.press('ArrowRight'); // open already: to the first child
    expect(await focused()).toBe('Phòng Kế hoạch - Tài chính');
    await page.keyboard.press('ArrowLeft'); // a leaf: up to its parent
    expect(await focused()).toBe('Sở Tài chính');
    await page.keyboard.press('ArrowLeft'); // closes it
    await expect.poll(() => rows.count()).toBe(6);
    await page.keyboard.press('ArrowRight'); // opens it again, the centre's team still shown
    await expect.poll(() => rows.count()).toBe(13);
    await page.keyboard.press('End');
    expect(await focused()).toBe('Sở Y tế');
    expect(await page.evaluate(() => [...document.querySelectorAll('[role=treeitem]')].filter((e) => e.getAttribute('tabindex') === '0').length)).toBe(1);

    // the tree stays as it was across screens, and in another window of this computer
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-count').waitFor();
    await page.getByTestId('nav-units').click();
    await expect.poll(() => rows.count()).toBe(13);
    const again = await context.newPage();
    await again.goto(host.url);
    await again.getByTestId('nav-units').click();
    await expect.poll(() => again.getByTestId('unit-row').count()).toBe(13);
    await again.close();

    // all at once
    await page.getByTestId('unit-expand-all').click();
    await expect.poll(() => rows.count()).toBe(54);
    await page.getByTestId('unit-collapse-all').click();
    await expect.poll(names).toEqual(roots);

    // a search without diacritics: the unit's name and its parent's; matches marked in their place
    await page.getByTestId('unit-search').fill('van phong tai chinh');
    await expect.poll(names).toEqual(['Sở Tài chính', 'Văn phòng']);
    expect(await page.locator('[data-testid=unit-row][data-match] [data-testid=unit-label]').allInnerTexts()).toEqual(['Văn phòng']);
    expect(await page.getByTestId('unit-matches').innerText()).toBe('1 đơn vị khớp');
    // a matching centre brings its team; every Văn phòng is found under its Sở
    await page.getByTestId('unit-search').fill('trung tam 2');
    await expect.poll(() => rows.count()).toBe(6 * 3);
    await page.getByTestId('unit-search').fill('VĂN PHÒNG');
    await expect.poll(() => page.getByTestId('unit-matches').innerText()).toBe('6 đơn vị khớp');
    await page.getByTestId('unit-search').fill('kho bac');
    await expect.poll(() => page.getByTestId('unit-empty').innerText()).toContain('Không có đơn vị nào khớp "kho bac"');
    // clearing the search brings back the tree as the user left it
    await page.getByTestId('unit-search').fill('');
    await expect.poll(names).toEqual(roots);

    // a unit added under a closed one: its parent opens, so the new unit is seen
    await page.getByRole('button', { name: 'Thao tác với Sở Tài chính' }).click();
    await page.getByRole('menuitem', { name: 'Thêm đơn vị con' }).click();
    await page.getByTestId('unit-name').fill('Phòng Quản lý giá');
    await page.getByTestId('unit-save').click();
    await page.getByTestId('unit-name').waitFor({ state: 'detached' });
    await expect.poll(names).toContain('Phòng Quản lý giá');
    expect(await taiChinh.getAttribute('aria-expanded')).toBe('true');

    // a unit's staff: the staff list opens filtered on it, its sub-units included
    await page.getByTestId('unit-search').fill('trung tam 1 tai chinh');
    await page.getByRole('button', { name: 'Thao tác với Trung tâm 1 thuộc Sở Tài chính' }).click();
    await page.getByTestId('unit-view-staff').click();
    const expected = await api<{ total: number; rows: Array<{ fullName: string }> }>('staff.list', { search: '', unitId: tcCentre, status: 'dang_cong_tac', includeSubunits: true });
    expect(expected.total).toBe(4);
    await expect.poll(() => page.getByTestId('staff-count').innerText()).toBe('4 người');
    expect(await page.getByTestId('staff-row-name').allInnerTexts()).toEqual(expected.rows.map((r) => r.fullName));
    expect(await page.getByTestId('staff-unit-filter').inputValue()).toContain('Trung tâm 1 thuộc Sở Tài chính');

    // the year-end grid of a Sở with no one of its own offers its sub-units' people
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('grid-year').fill('2025');
    await page.getByTestId('grid-unit').click();
    await page.getByRole('option', { name: 'Sở Tài chính', exact: true }).click();
    await expect.poll(() => page.getByTestId('grid-empty-subunits').innerText()).toContain('các đơn vị cấp dưới có 8 người đang công tác');
    await page.getByTestId('grid-include-subunits').click();
    await expect.poll(() => page.getByTestId('grid-row').count()).toBe(8);

    // the checker: a person's shared-name unit with its Sở, a collective with its Sở
    await page.getByRole('tab', { name: 'Kiểm tra điều kiện' }).click();
    // the whole office (the grid above chose Sở Tài chính, which the tabs share)
    await page.getByTestId('check-unit').click();
    await page.getByRole('option', { name: 'Toàn cơ quan', exact: true }).click();
    await page.getByTestId('check-run').click();
    const row = (name: string) => page.locator(`[data-testid=check-row][data-name="${name}"]`);
    await expect.poll(() => row('Nguyễn Văn B').innerText(), SLOW).toContain('Văn phòng (Sở Tài chính)');
    expect(await row('Nguyễn Văn C').innerText()).toContain('Văn phòng (Sở Nội vụ)');
    // a unit whose name no other unit has stays as it is
    expect(await row('Nguyễn Văn A').innerText()).toContain('Tổ hành chính (Sở Tài chính › Trung tâm 1 thuộc Sở Tài chính)');
    await page.getByText(/^Tập thể \(/).click();
    await page.getByTestId('check-search').fill('van phong');
    // (the collectives judged are the units with people: the two Văn phòng)
    await expect.poll(async () => (await page.getByTestId('check-row').allInnerTexts()).map((t) => t.split(/\n+/).slice(0, 2).join(' / ')).sort(), SLOW).toEqual([
      'Văn phòng / Sở Nội vụ',
      'Văn phòng / Sở Tài chính',
    ]);

    // the dossier's proposals for Tập thể lao động tiên tiến: each Văn phòng with its Sở
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-create').click();
    await page.getByTestId('new-dossier-year').fill('2025');
    await page.getByTestId('new-dossier-award').click();
    await page.getByRole('option', { name: 'Tập thể lao động tiên tiến', exact: true }).click();
    await page.getByTestId('new-dossier-create').click();
    await page.getByTestId('candidates').waitFor();
    const proposed = page.locator('[data-testid=candidates-eligible] [data-testid=candidate-row]');
    await page.getByTestId('candidates-filter').fill('van phong');
    await expect.poll(async () => (await proposed.allInnerTexts()).map((t) => t.split(/\n+/).join(' / ')).sort(), SLOW).toEqual(['Văn phòng / Sở Nội vụ', 'Văn phòng / Sở Tài chính']);
    // a collective title's proposals are counted as collectives, not people
    expect(await page.getByTestId('candidates-eligible-shown').innerText()).toMatch(/^2 \/ \d+ tập thể$/);
    // the filter reads the parents too
    await page.getByTestId('candidates-filter').fill('van phong tai chinh');
    await expect.poll(async () => (await proposed.allInnerTexts()).map((t) => t.split(/\n+/).join(' / '))).toEqual(['Văn phòng / Sở Tài chính']);
    // adding a person by hand: the picker names their unit the same way, and finds them by it
    await page.getByTestId('manual-staff').click();
    await page.getByTestId('manual-staff').fill('nguyen van noi vu');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual(['Nguyễn Văn C — Văn phòng (Sở Nội vụ)', 'Nguyễn Văn F — Văn phòng (Sở Nội vụ)', 'Nguyễn Văn I — Văn phòng (Sở Nội vụ)', 'Nguyễn Văn L — Văn phòng (Sở Nội vụ)']);
    await page.keyboard.press('Escape');

    // a task led by one Văn phòng: offered by its label, saved with that unit (a name alone took
    // the first "Văn phòng" found); the label comes back when the task is edited, and stays its unit
    // its person likewise: two "Trần Thị Hoa", one in each of two Văn phòng
    await api('staff.create', { fullName: 'Trần Thị Hoa', gender: 'nu', unitId: tcVanPhong, birthDate: '1980-04-02' });
    const hoa = (await api<{ id: string }>('staff.create', { fullName: 'Trần Thị Hoa', gender: 'nu', unitId: ids.get('Sở Nội vụ/Văn phòng'), birthDate: '1985-09-10' })).id;
    await page.getByTestId('nav-tasks').click();
    await page.getByTestId('tasks-add').click();
    await page.getByTestId('task-form-title').fill('Tổng hợp đăng ký thi đua của Văn phòng');
    await page.getByTestId('task-form-lead').click();
    await page.getByTestId('task-form-lead').fill('van phong y te');
    await page.getByRole('option', { name: 'Văn phòng (Sở Y tế)', exact: true }).click();
    // the units' dropdown stays open over the field below it until the focus moves on
    await page.getByTestId('task-form-title').click();
    await page.getByTestId('task-form-responsible').click();
    await page.getByTestId('task-form-responsible').fill('tran thi hoa');
    await expect
      .poll(() => page.getByRole('option').allInnerTexts())
      .toEqual(['Trần Thị Hoa — Văn phòng (Sở Tài chính) — 02/04/1980', 'Trần Thị Hoa — Văn phòng (Sở Nội vụ) — 10/09/1985']);
    await page.getByRole('option', { name: 'Trần Thị Hoa — Văn phòng (Sở Nội vụ) — 10/09/1985' }).click();
    await page.getByTestId('task-form-save').click();
    await page.getByTestId('task-form-save').waitFor({ state: 'detached' });
    const year = Number(await page.getByTestId('tasks-year').inputValue());
    const tasks = await api<{ rows: Array<{ id: string; lead: Array<{ unitId: string | null; name: string }>; responsibleStaffId: string | null; responsibleName: string }> }>('tasks.list', { year });
    expect(tasks.rows.map((t) => t.lead)).toEqual([[{ unitId: ids.get('Sở Y tế/Văn phòng'), name: 'Văn phòng' }]]);
    expect(tasks.rows.map((t) => [t.responsibleStaffId, t.responsibleName])).toEqual([[hoa, 'Trần Thị Hoa']]);
    // the card and the task's page name the unit by its label too
    const card = page.getByTestId('task-card').filter({ hasText: 'Tổng hợp đăng ký thi đua của Văn phòng' });
    await expect.poll(() => card.innerText()).toContain('Văn phòng (Sở Y tế)');
    await card.getByTestId('task-card-title').click();
    await expect.poll(() => page.getByTestId('task-drawer').innerText()).toContain('Văn phòng (Sở Y tế)');
    // and its person by their unit: two "Trần Thị Hoa"
    await expect.poll(() => page.getByTestId('task-drawer-responsible').innerText()).toBe('Trần Thị Hoa — Văn phòng (Sở Nội vụ)');
    await page.getByTestId('task-drawer-edit').click();
    await expect.poll(() => page.locator('.mantine-TagsInput-pill').allInnerTexts()).toEqual(['Văn phòng (Sở Y tế)']);
    await page.getByTestId('task-form-title').fill('Tổng hợp đăng ký thi đua của Văn phòng Sở Y tế');
    await page.getByTestId('task-form-save').click();
    await page.getByTestId('task-form-save').waitFor({ state: 'detached' });
    const edited = (await api<typeof tasks>('tasks.list', { year })).rows;
    expect(edited.map((t) => t.lead)).toEqual([[{ unitId: ids.get('Sở Y tế/Văn phòng'), name: 'Văn phòng' }]]);
    // the field showed her name, which two people have: she stays the task's person
    expect(edited.map((t) => t.responsibleStaffId)).toEqual([hoa]);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('"Thêm nhiều đơn vị": a list typed with its sub-units, previewed, a mistake named by its line, then created at once; more under a unit from its menu', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-units-many-'), 'office.sqlite'));
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', E2E_OFFICE);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-units').click();
    expect(await page.getByTestId('unit-empty').innerText()).toContain('Thêm nhiều đơn vị');

    await page.getByTestId('units-many').click();
    const text = page.getByTestId('units-many-text');
    await text.fill('1. Văn phòng\n2. Thanh tra\nTrung tâm Lưu trữ\n- Phòng Hành chính\n- - Tổ Văn thư\n- Kho lưu trữ\nvăn phong');
    await expect.poll(() => page.getByTestId('units-many-item').allInnerTexts()).toEqual(['Văn phòng', 'Thanh tra', 'Trung tâm Lưu trữ', 'Phòng Hành chính', 'Tổ Văn thư', 'Kho lưu trữ']);
    expect(await page.getByTestId('units-many-errors').innerText()).toContain('Dòng 7: "văn phong" trùng tên với dòng 1 cùng cấp.');
    expect(await page.getByTestId('units-many-save').isDisabled()).toBe(true);
    // the line taken out: six units, created in one go
    await text.fill('1. Văn phòng\n2. Thanh tra\nTrung tâm Lưu trữ\n- Phòng Hành chính\n- - Tổ Văn thư\n- Kho lưu trữ');
    await expect.poll(() => page.getByTestId('units-many-save').innerText()).toBe('Thêm 6 đơn vị');
    expect(await page.getByTestId('units-many-errors').count()).toBe(0);
    await page.getByTestId('units-many-save').click();
    await page.getByTestId('units-many-text').waitFor({ state: 'detached' });
    await page.getByText('Đã thêm 6 đơn vị.').waitFor();
    const labels = () => page.getByTestId('unit-label').allInnerTexts();
    await expect.poll(labels).toEqual(['Văn phòng', 'Thanh tra', 'Trung tâm Lưu trữ', 'Phòng Hành chính', 'Tổ Văn thư', 'Kho lưu trữ']);

    // two more under Thanh tra, from its menu; a name already there stops the list, nothing added
    await page.getByRole('button', { name: 'Thao tác với Thanh tra' }).click();
    await page.getByTestId('unit-add-many').click();
    await text.fill('Tổ 1\nTổ 2');
    await page.getByTestId('units-many-save').click();
    await page.getByText('Đã thêm 2 đơn vị.').waitFor();
    await expect.poll(labels).toEqual(['Văn phòng', 'Thanh tra', 'Tổ 1', 'Tổ 2', 'Trung tâm Lưu trữ', 'Phòng Hành chính', 'Tổ Văn thư', 'Kho lưu trữ']);
    await page.getByRole('button', { name: 'Thao tác với Thanh tra' }).click();
    await page.getByTestId('unit-add-many').click();
    await text.fill('Tổ 3\nTổ 1');
    await page.getByTestId('units-many-save').click();
    await page.getByText('Chưa thêm được đơn vị nào. Dòng 2: Đã có đơn vị "Tổ 1" cùng cấp.', { exact: false }).waitFor();
    expect((await api<Array<{ name: string }>>('units.list')).map((u) => u.name).sort()).toEqual(
      ['Kho lưu trữ', 'Phòng Hành chính', 'Thanh tra', 'Trung tâm Lưu trữ', 'Tổ 1', 'Tổ 2', 'Tổ Văn thư', 'Văn phòng'].sort(),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('"Sáp nhập vào đơn vị khác…": a clash of sub-unit names refused with nothing changed; then the people at work and the sub-units go to the unit joined, the unit stops', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-units-merge-'), 'office.sqlite'), { TDKT_TODAY: '2025-07-01' });
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', E2E_OFFICE);
    const create = async (name: string, parentId: string | null = null) => (await api<{ id: string }>('units.create', { name, parentId })).id;
    const vanPhong = await create('Văn phòng');
    const thanhTra = await create('Thanh tra');
    const to1 = await create('Tổ 1', thanhTra);
    const phapChe = await create('Phòng Pháp chế');
    await create('Tổ 1', phapChe);
    const an = await api<{ id: string }>('staff.create', { fullName: 'Nguyễn Văn An', unitId: thanhTra });
    await api('staff.create', { fullName: 'Trần Thị Bình', unitId: thanhTra });
    await api('staff.create', { fullName: 'Lê Văn Cường', unitId: thanhTra, status: 'nghi_huu' });
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-units').click();
    const labels = () => page.getByTestId('unit-label').allInnerTexts();
    await expect.poll(labels).toEqual(['Phòng Pháp chế', 'Tổ 1', 'Thanh tra', 'Tổ 1', 'Văn phòng']);

    // stopping it instead: the confirmation says who is still at work there and what to use
    await page.getByRole('button', { name: 'Thao tác với Thanh tra' }).click();
    await page.getByTestId('unit-deactivate').click();
    expect(await page.getByTestId('deactivate-working').innerText()).toContain('Còn 2 người đang công tác ở đơn vị này (kể cả đơn vị cấp dưới)');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await page.getByTestId('deactivate-working').waitFor({ state: 'detached' });

    const merge = async (target: string) => {
      await page.getByRole('button', { name: 'Thao tác với Thanh tra' }).click();
      await page.getByTestId('unit-merge').click();
      await page.getByTestId('unit-merge-target').click();
      await page.getByRole('option', { name: target, exact: true }).click();
    };
    // the target list offers neither the unit nor its own sub-units
    await merge('Phòng Pháp chế');
    await page.getByTestId('unit-merge-target').click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Phòng Pháp chế', '— Tổ 1', 'Văn phòng']);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('unit-merge-summary').innerText()).toContain('2 cán bộ đang công tác ở "Thanh tra" chuyển sang "Phòng Pháp chế"; 1 đơn vị cấp dưới');
    await page.getByTestId('unit-merge-confirm').click();
    expect(await page.getByTestId('unit-merge-error').innerText()).toBe(
      'Chưa sáp nhập: "Phòng Pháp chế" đã có đơn vị cấp dưới cùng tên với "Tổ 1" của "Thanh tra". Hãy đổi tên một trong hai đơn vị rồi sáp nhập lại.',
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('unit-merge-target').waitFor({ state: 'detached' });
    expect((await api<{ unitId: string }>('staff.get', { id: an.id })).unitId).toBe(thanhTra);

    await merge('Văn phòng');
    await page.getByTestId('unit-merge-confirm').click();
    await page.getByText('Đã sáp nhập "Thanh tra" vào "Văn phòng": 2 cán bộ, 1 đơn vị cấp dưới đã chuyển sang.').waitFor();
    // the unit that stopped is hidden with the others that stopped; Tổ 1 is now under Văn phòng
    await expect.poll(labels).toEqual(['Phòng Pháp chế', 'Tổ 1', 'Văn phòng', 'Tổ 1']);
    const units = await api<Array<{ id: string; parentId: string | null; active: boolean; note: string; staffCount: number }>>('units.list');
    expect(units.find((u) => u.id === to1)!.parentId).toBe(vanPhong);
    expect(units.find((u) => u.id === vanPhong)!.staffCount).toBe(2);
    expect(units.find((u) => u.id === thanhTra)).toMatchObject({ active: false, note: 'Đã sáp nhập vào "Văn phòng" ngày 01/07/2025.', staffCount: 0 });
    expect((await api<{ unitId: string }>('staff.get', { id: an.id })).unitId).toBe(vanPhong);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
