// "Dán danh sách…" in a decision, in Chromium against the browser host: names pasted from a
// superior's decision or a table are matched to the office's people — numbering, "Ông"/"Bà" and
// a position after a comma left out, namesakes told apart by a birth date on the line or chosen
// by the user, names not found listed by line — and added to the decision's list; those already
// on it are not added twice; the saved decision holds them. A dossier's nominees the same way;
// and registrations for a title, for a unit's people or a pasted list.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { E2E_OFFICE, hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';

describe.skipIf(!hasChromium)('pasted lists of names e2e (browser host + Chromium)', () => {
  const session = e2eSession();

  it('a pasted list of names becomes the recipients of the decision', async () => {
    const host = await session.startHost(path.join(tempDir('tdkt-e2e-paste-list-'), 'office.sqlite'));
    const api = <T,>(proc: string, input?: unknown) => hostApi<T>(host, proc, input);
    await api('office.save', E2E_OFFICE);
    const vp = await api<{ id: string }>('units.create', { name: 'Văn phòng Sở' });
    const tc = await api<{ id: string }>('units.create', { name: 'Phòng Tổ chức' });
    const ids = new Map<string, string>();
    for (const [fullName, unitId, birthDate] of [
      ['Nguyễn Văn An', vp.id, '05/03/1980'],
      ['Nguyễn Văn An', tc.id, '02/01/1990'],
      ['Trần Thị Bình', vp.id, null],
      ['Lê Đức Cường', tc.id, null],
      ['Phạm Thu Dung', tc.id, null],
    ] as const) {
      const s = await api<{ id: string }>('staff.create', { fullName, unitId, birthDate });
      ids.set(`${fullName}|${birthDate ?? ''}`, s.id);
    }

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-decisions').click();
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision-number').fill('45/QĐ-UBND');
    await page.getByLabel('Năm thành tích', { exact: true }).fill('2025');
    // one person already on the list
    await page.getByTestId('decision-pick-person').click();
    await page.getByTestId('decision-pick-person').fill('pham thu dung');
    await page.getByRole('option').first().click();
    await expect.poll(() => page.getByTestId('recipient-row').count()).toBe(1);

    // Esc in the list asks about the list only: the decision's form around it stays open
    await page.getByTestId('decision-paste').click();
    await page.getByTestId('paste-text').fill('Nguyễn');
    await page.keyboard.press('Escape');
    await page.getByTestId('leave-discard').click();
    await page.getByTestId('paste-text').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('dialog', { name: 'Có thay đổi chưa lưu' }).count()).toBe(0);
    expect(await page.getByTestId('decision-number').inputValue()).toBe('45/QĐ-UBND');

    await page.getByTestId('decision-paste').click();
    await page
      .getByTestId('paste-text')
      .fill(['1. Bà Trần Thị Bình, Chuyên viên Văn phòng Sở', '2. Ông Nguyễn Văn An', '3\tNguyễn Văn An\t05/03/1980', '4. Đồng chí Lê Đức Cường (Phòng Tổ chức)', '5. Hoàng Văn Không', '6. Phạm Thu Dung'].join('\n'));
    await expect.poll(() => page.getByTestId('paste-found').innerText()).toBe('Tìm thấy 4 người');
    expect(await page.getByTestId('paste-already').innerText()).toBe('1 người đã có trong danh sách');
    expect(await page.getByTestId('paste-missing').innerText()).toContain('Dòng 5: Hoàng Văn Không');
    // line 2 names one of two namesakes: chosen here (the other one, of Phòng Tổ chức)
    expect(await page.getByTestId('paste-alike').innerText()).toContain('Dòng 2: Nguyễn Văn An');
    expect(await page.getByTestId('paste-add').innerText()).toBe('Thêm 3 người vào danh sách');
    await page.getByTestId('paste-choose').click();
    await page.getByRole('option', { name: /Phòng Tổ chức/ }).click();
    await expect.poll(() => page.getByTestId('paste-add').innerText()).toBe('Thêm 4 người vào danh sách');
    await page.getByTestId('paste-add').click();
    await page.getByTestId('paste-text').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('recipient-row').count()).toBe(5);
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-save').waitFor({ state: 'detached' });

    const [summary] = await api<Array<{ id: string }>>('records.listDecisions', { year: null, search: '45/QĐ-UBND' });
    const saved = await api<{ recipients: Array<{ staffId: string | null }> }>('records.getDecision', { id: summary!.id });
    expect(saved.recipients.map((r) => r.staffId).sort()).toEqual([...ids.values()].sort());
    expect(pageErrors).toEqual([]);

    // the same in a dossier: names pasted beside "Thêm trực tiếp" become its nominees
    const dossier = await api<{ id: string }>('dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-open').first().click();
    await page.getByTestId('dossier-view').waitFor();
    await page.getByTestId('nominees-paste').click();
    await page.getByTestId('paste-text').fill('Trần Thị Bình\nLê Đức Cường\tPhòng Tổ chức');
    await expect.poll(() => page.getByTestId('paste-found').innerText()).toBe('Tìm thấy 2 người');
    await page.getByTestId('paste-add').click();
    await expect.poll(() => page.getByTestId('nominee-row').count()).toBe(2);
    const detail = await api<{ nominees: Array<{ staffId: string | null }> }>('dossiers.get', { id: dossier.id });
    expect(detail.nominees.map((n) => n.staffId).sort()).toEqual([ids.get('Trần Thị Bình|')!, ids.get('Lê Đức Cường|')!].sort());

    // registrations for many at once: a unit's people at work, then a pasted list (one of them
    // registered already: left as it is)
    await page.getByTestId('nav-awards').click();
    await page.getByTestId('awards-tab-registrations').click();
    await page.getByTestId('registration-bulk').click();
    const dialog = page.getByRole('dialog', { name: 'Đăng ký thi đua cho nhiều người' });
    await dialog.getByLabel('Năm').fill('2026');
    await dialog.getByPlaceholder('Chọn đơn vị').click();
    await page.getByRole('option', { name: 'Văn phòng Sở' }).click();
    await expect.poll(() => page.getByTestId('registration-bulk-count').innerText()).toBe('2 cán bộ đang công tác');
    await page.getByTestId('registration-bulk-save').click();
    await page.getByText('Đã đăng ký 2 người.').waitFor();
    await page.getByTestId('registration-bulk').click();
    await dialog.getByLabel('Năm').fill('2026');
    await dialog.getByText('Dán danh sách họ tên').click();
    await page.getByTestId('paste-text').fill('Trần Thị Bình\nLê Đức Cường');
    await expect.poll(() => page.getByTestId('paste-add').innerText()).toBe('Đăng ký 2 người');
    await page.getByTestId('paste-add').click();
    await page.getByText('Đã đăng ký 1 người; 1 người đã đăng ký từ trước, giữ nguyên.').waitFor();
    const registered = await api<Array<{ staffId: string | null; awardCode: string }>>('records.listRegistrations', { year: 2026 });
    expect(registered.map((r) => `${r.staffId}:${r.awardCode}`).sort()).toEqual(
      [ids.get('Nguyễn Văn An|05/03/1980')!, ids.get('Trần Thị Bình|')!, ids.get('Lê Đức Cường|')!].map((id) => `${id}:LDTT`).sort(),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
