// Nomination dossier builder in a real browser against the real core, "today" fixed at
// 20/11/2025: staff and award records through the API; in the UI create a BK_TINH dossier, add
// the nominee the eligibility checker proposes, see the checklist block, fill the council
// meeting and votes, write the report, attach evidence, see the checklist pass, export (a .zip
// download), look at the documents, submit.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, e2eSession, type HostProcess, hostApi } from './support/browser';
import { tempDir } from '../support/tmp';
import { readBook, sheetRows } from '../support/xlsx';
import { docxPlainText } from '../../electron/services/documents/docx-text';
import { OFFICE_A, OFFICE_B, buildDossier, completeAndSubmit, exportBytes, importBundle, makeOffice, makeProvince } from '../integration/dossiers/helpers';

const api = hostApi;

const SHOTS = process.env.TDKT_E2E_SHOTS;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const checklist = (page: Page) => page.getByTestId('checklist-result');

/** axe-core's serious and critical findings on the page (injected through DevTools: the app's CSP refuses scripts). */
async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const r = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> };
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

describe.skipIf(!hasChromium)('nomination dossier builder e2e (browser host + Chromium, today = 20/11/2025)', () => {
  const session = e2eSession();
  let host: HostProcess | null = null;

  it('create → nominees from proposals → checklist blocks → meeting, votes, report, evidence → checklist passes → export, documents, submit', async () => {
    const dir = tempDir('tdkt-e2e-dossiers-');
    host = await session.startHost(path.join(dir, 'office.sqlite'), { TDKT_TODAY: '2025-11-20' });

    // office, units, staff and award records through the API
    await api(host, 'office.save', {
      name: 'Phòng Nội vụ xã Bảo Thắng',
      levelCode: 'xa',
      placeName: 'Lào Cai',
      abbreviation: 'PNVBT',
      parentAgency: 'UBND tỉnh Lào Cai',
      headTitle: 'Trưởng phòng',
      headName: 'Đỗ Văn Hải',
    });
    const unit = await api<{ id: string }>(host, 'units.create', { name: 'Văn phòng' });
    const an = await api<{ id: string }>(host, 'staff.create', { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', gender: 'nam', unitId: unit.id, position: 'Chánh văn phòng' });
    const ngoc = await api<{ id: string }>(host, 'staff.create', { fullName: 'Trần Thị Bích Ngọc', birthDate: '20/11/1985', gender: 'nu', unitId: unit.id, position: 'Chuyên viên' });
    const row = (id: string, rating: string, cs: boolean) => ({ staffId: id, rating, maternityLeave: false, underReview: false, titles: { LDTT: cs, CSTDCS: cs } });
    await api(host, 'records.saveYearGrid', {
      unitId: unit.id,
      year: 2024,
      rows: [row(an.id, 'HTXSNV', true), row(ngoc.id, 'HTTNV', false)],
      decisions: { LDTT: { number: '24/QĐ-PNVBT', date: '20/12/2024' }, CSTDCS: { number: '34/QĐ-PNVBT', date: '20/12/2024' } },
    });
    await api(host, 'records.saveYearGrid', { unitId: unit.id, year: 2025, rows: [row(an.id, 'HTXSNV', false), row(ngoc.id, 'HTXSNV', false)] });
    await api(host, 'records.saveInitiative', { data: { staffId: an.id, year: 2025, title: 'Số hóa hồ sơ thi đua', scope: 'co_so', recognizingBody: 'Hội đồng sáng kiến xã' } });

    const page = await session.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossiers-page').waitFor();
    await shot(page, '01-list-empty');

    // create the dossier
    await page.getByTestId('dossier-create').click();
    await page.getByTestId('new-dossier-year').fill('2025');
    await page.getByTestId('new-dossier-create').click();
    await page.getByTestId('dossier-view').waitFor();
    expect(await page.getByTestId('dossier-title').innerText()).toBe('Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025');
    // the window's title names the dossier open (the taskbar, Alt+Tab)
    await expect.poll(() => page.title()).toMatch(/^Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025 — .+ — TĐKT Desktop$/);

    // the checker proposes An (eligible) and Ngọc (nearly: 2024 CSTĐCS missing), separately
    const eligible = page.getByTestId('candidates-eligible');
    await eligible.getByTestId('candidate-check').first().waitFor();
    expect(await eligible.getByTestId('candidate-check').count()).toBe(1);
    await expect.poll(() => page.getByTestId('candidates-nearly').innerText()).toContain('Trần Thị Bích Ngọc');
    expect(await page.getByTestId('candidates-nearly').innerText()).toContain('2024 chưa có');
    await eligible.locator('[data-name="Nguyễn Văn An"]').check();
    await page.getByTestId('candidates-add').click();
    await expect.poll(() => page.getByTestId('nominee-row').count()).toBe(1);
    expect(await page.getByTestId('nominee-row').first().innerText()).toContain('Nguyễn Văn An');
    // taken out by mistake: "Hoàn tác" in the notification puts him back
    await page.getByTestId('nominee-remove').first().click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('nominee-row').count()).toBe(0);
    await page.getByTestId('undo-delete').click();
    await expect.poll(() => page.getByTestId('nominee-row').count()).toBe(1);

    // the checklist blocks: no meeting, no report
    await expect.poll(() => checklist(page).getAttribute('data-ok')).toBe('false');
    const blocks = async () => (await page.locator('[data-testid="checklist-item"][data-level="block"]').allInnerTexts()).join('\n');
    // (the checklist is asked again after the nominee is added: wait for that answer)
    await expect.poll(blocks).toContain('Ông/bà Nguyễn Văn An: chưa có báo cáo thành tích');
    expect(await blocks()).toContain('Chưa có thông tin cuộc họp Hội đồng');
    expect(await page.getByTestId('dossier-submit').isDisabled()).toBe(true);
    await shot(page, '02-blocked');

    // the council meeting and the votes
    await page.getByTestId('meeting-date').fill('18/11/2025');
    await page.getByTestId('meeting-time').fill('14 giờ 00');
    await page.getByTestId('meeting-place').fill('Phòng họp UBND xã');
    await page.getByTestId('meeting-chair').fill('Đỗ Văn Hải');
    await page.getByTestId('meeting-secretary').fill('Lý Thị Mai');
    await page.getByTestId('meeting-members').fill('Đỗ Văn Hải\nLý Thị Mai\nTạ Văn Nam\nCao Thị Oanh\nBùi Văn Phúc');
    await page.getByTestId('meeting-total').fill('7');
    await page.getByTestId('meeting-fill-totals').click();
    await page.getByTestId('vote-agree').first().fill('5');
    await page.getByTestId('meeting-save').click();
    await expect.poll(() => page.getByTestId('nominee-row').first().innerText()).toContain('5/5 (100%)');
    await expect.poll(blocks).not.toContain('cuộc họp');
    // the ballot for the secret vote: the nominees with boxes to mark, a copy for each member present
    const ballotButton = page.getByTestId('meeting-ballot');
    expect(await ballotButton.getAttribute('title')).toContain('In 5 bản — mỗi thành viên dự họp một bản');
    const [ballot] = await Promise.all([page.waitForEvent('download'), ballotButton.click()]);
    expect(ballot.suggestedFilename()).toBe('Phieu-bieu-quyet_PNVBT_2025_BK-TINH.docx');
    const ballotPath = path.join(dir, ballot.suggestedFilename());
    await ballot.saveAs(ballotPath);
    const ballotText = docxPlainText(fs.readFileSync(ballotPath));
    expect(ballotText).toContain('PHIẾU BIỂU QUYẾT');
    expect(ballotText).toContain('(Phiên họp Hội đồng Thi đua - Khen thưởng ngày 18/11/2025)');
    expect(ballotText).toContain('STT\tHọ và tên (tên tập thể)\tChức vụ, đơn vị\tĐồng ý\tKhông đồng ý');
    expect(ballotText).toMatch(/\n1\tNguyễn Văn An\t[^\n]*\t\t\n/);

    // the report: pre-filled from the records, saved as it is
    await page.getByTestId('nominee-report').first().click();
    const ly = page.getByTestId('report-section-ly_lich');
    await ly.waitFor();
    expect(await ly.inputValue()).toContain('Họ và tên: Nguyễn Văn An');
    expect(await page.getByTestId('report-section-thanh_tich').inputValue()).toContain('Sáng kiến "Số hóa hồ sơ thi đua"');
    const cells = await page.getByTestId('report-table-danh_hieu').locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(cells.join(' | ')).toContain('Quyết định số 34/QĐ-PNVBT ngày 20/12/2024');
    await shot(page, '03-report');
    await page.getByTestId('report-save').click();
    // once the save has answered (the reset button is there all along)
    await page.getByText('Đã lưu báo cáo thành tích.').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('report-section-ly_lich').waitFor({ state: 'detached' });

    // passes, with a warning until the initiative's evidence is attached
    await expect.poll(() => checklist(page).getAttribute('data-ok')).toBe('true');
    expect(await page.locator('[data-testid="checklist-item"][data-level="warning"]').first().innerText()).toContain('chưa có minh chứng');
    const pdf = path.join(dir, 'QĐ công nhận sáng kiến.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n% minh chung\n%%EOF\n');
    await page.getByTestId('attachment-owner').click();
    await page.getByRole('option', { name: 'Nguyễn Văn An' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('attachment-upload').click();
    await (await chooser).setFiles(pdf);
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('checklist-item').count()).toBe(0);
    expect(await page.getByTestId('checklist-ok').innerText()).toContain('Hồ sơ đủ điều kiện');
    await shot(page, '04-passed');

    // export: a .zip with the documents and the evidence
    const download = page.waitForEvent('download');
    await page.getByTestId('documents-zip').click();
    const dl = await download;
    expect(dl.suggestedFilename()).toMatch(/^Ho-so_PNVBT_2025_.*\.zip$/);
    const zipPath = path.join(dir, 'ho-so.zip');
    await dl.saveAs(zipPath);
    const entries = unzipSync(fs.readFileSync(zipPath));
    expect(Object.keys(entries).sort()).toEqual([
      '01_To-trinh_PNVBT_2025.docx',
      '02_Danh-sach_PNVBT_2025.xlsx',
      '03_Bien-ban-hop-HDTDKT_PNVBT_2025.docx',
      '04_Bao-cao-thanh-tich_01_Nguyen-Van-An.docx',
      'Minh-chung/01_Nguyen-Van-An_QD-cong-nhan-sang-kien.pdf',
    ]);
    const toTrinh = docxPlainText(entries['01_To-trinh_PNVBT_2025.docx']!);
    expect(toTrinh).toContain('TỜ TRÌNH');
    expect(toTrinh).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lào Cai');
    expect(toTrinh).toContain('Nguyễn Văn An');
    expect(docxPlainText(entries['03_Bien-ban-hop-HDTDKT_PNVBT_2025.docx']!)).toContain('Thời gian: 14 giờ 00, ngày 18 tháng 11 năm 2025.');

    // the documents are listed; the preview shows the tờ trình
    await expect.poll(() => page.getByTestId('document-row').count()).toBe(4);
    await page.getByTestId('preview-to_trinh').click();
    const frame = page.frameLocator('[data-testid="document-preview"]');
    await frame.locator('.od-doctype').first().waitFor({ state: 'attached' });
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 30_000 }).toContain('TỜ TRÌNH');
    expect(await frame.locator('body').innerText()).toContain('DANH SÁCH');
    await shot(page, '05-preview');
    await page.keyboard.press('Escape');
    await page.getByTestId('document-preview').waitFor({ state: 'detached' });

    // submit: locked, "Đã gửi"
    await page.getByTestId('dossier-submit').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('dossier-status').first().getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('dossier-reopen').isVisible()).toBe(true);
    expect(await page.getByTestId('meeting-save').count()).toBe(0);
    await shot(page, '06-submitted');

    await page.getByTestId('dossier-back').click();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(1);
    await expect.poll(() => page.title()).toMatch(/^Hồ sơ đề nghị — .+ — TĐKT Desktop$/);
    expect(await page.getByTestId('dossier-row').getByTestId('dossier-status').getAttribute('data-status')).toBe('submitted');

    // a second dossier of the same award has the same title: the list tells them apart by whom
    // they hold (the search finds a nominee, typed without diacritics) and by status
    const second = await api<{ id: string }>(host, 'dossiers.create', { year: 2025, awardCode: 'BK_TINH' });
    await api(host, 'dossiers.addNominees', { id: second.id, nominees: [{ kind: 'person', staffId: ngoc.id }] });
    await page.getByTestId('nav-home').click();
    await page.getByTestId('nav-dossiers').click();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(2);
    expect(await page.getByTestId('dossier-count').innerText()).toBe('2 hồ sơ');
    const search = page.getByTestId('dossier-search');
    await search.fill('bich ngoc');
    await expect.poll(() => page.getByTestId('dossier-count').innerText(), { timeout: 5000 }).toBe('1 hồ sơ khớp');
    expect(await page.getByTestId('dossier-matched').innerText()).toBe('Có Trần Thị Bích Ngọc');
    expect(await page.getByTestId('dossier-row').getByTestId('dossier-status').getAttribute('data-status')).toBe('draft');
    await search.fill('nguyen van an');
    await expect.poll(() => page.getByTestId('dossier-matched').innerText(), { timeout: 5000 }).toBe('Có Nguyễn Văn An');
    expect(await page.getByTestId('dossier-row').getByTestId('dossier-status').getAttribute('data-status')).toBe('submitted');
    // the status filter on top of the search: nothing left, and one click clears both
    await page.getByTestId('dossier-status-filter').click();
    await page.getByRole('option', { name: 'Đang soạn' }).click();
    await page.getByTestId('dossier-none').waitFor();
    expect(await page.getByTestId('dossier-count').innerText()).toBe('0 / 1 hồ sơ khớp');
    await page.getByTestId('dossier-none').getByRole('button').click();
    await expect.poll(() => page.getByTestId('dossier-row').count(), { timeout: 5000 }).toBe(2);
    expect(await search.inputValue()).toBe('');
    // the filters stay while a dossier is open
    await page.getByTestId('dossier-status-filter').click();
    await page.getByRole('option', { name: 'Đang soạn' }).click();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(1);
    await page.getByTestId('dossier-open').click();
    await page.getByTestId('dossier-back').click();
    await expect.poll(() => page.getByTestId('dossier-count').innerText()).toBe('1 / 2 hồ sơ');

    // the second dossier takes the council meeting the first recorded (one meeting weighs both):
    // copied into the form, not its votes nor its biên bản number, saved with "Lưu"
    await page.getByTestId('dossier-open').click();
    expect(await page.getByTestId('meeting-members').inputValue()).toBe('');
    await page.getByTestId('meeting-copy').click();
    const copyItem = page.getByTestId('meeting-copy-item');
    await copyItem.waitFor();
    expect(await copyItem.count()).toBe(1);
    expect(await copyItem.innerText()).toContain('Họp ngày 18/11/2025 · chủ trì: Đỗ Văn Hải · 5 thành viên dự họp');
    await copyItem.click();
    expect(await page.getByTestId('meeting-date').inputValue()).toBe('18/11/2025');
    expect(await page.getByTestId('meeting-place').inputValue()).toBe('Phòng họp UBND xã');
    expect(await page.getByTestId('meeting-members').inputValue()).toBe('Đỗ Văn Hải\nLý Thị Mai\nTạ Văn Nam\nCao Thị Oanh\nBùi Văn Phúc');
    expect(await page.getByTestId('vote-agree').first().inputValue()).toBe('');
    await page.getByTestId('meeting-save').click();
    await page.getByText('Đã lưu cuộc họp và kết quả biểu quyết.').first().waitFor();
    const copied = await api<{ meeting: { date: string | null; chair: string; membersPresent: string[]; membersTotal: number | null } }>(host, 'dossiers.get', { id: second.id });
    expect(copied.meeting).toMatchObject({ date: '2025-11-18', chair: 'Đỗ Văn Hải', membersTotal: 7 });
    expect(copied.meeting.membersPresent).toHaveLength(5);
    await page.getByTestId('dossier-back').click();
    // a third dossier: the two dossiers weighed at that meeting are one choice
    await api(host, 'dossiers.create', { year: 2025, awardCode: 'CSTDCS' });
    await page.getByTestId('nav-home').click();
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-status-filter').click();
    await page.getByRole('option', { name: 'Đang soạn' }).click();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(2);
    await page.locator('[data-testid="dossier-row"]', { hasText: 'Chiến sĩ thi đua cơ sở' }).getByTestId('dossier-open').click();
    await page.getByTestId('meeting-copy').click();
    await copyItem.first().waitFor();
    expect(await copyItem.count()).toBe(1);
    expect(await copyItem.innerText()).toContain('và 1 hồ sơ khác cùng cuộc họp');
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });

  it("home: the province sees the dossiers waiting for an outcome, an office the one its superior returned", { timeout: 120_000 }, async () => {
    // two offices submit a dossier each; the province imports both, returns one, sends the outcome back
    const dir = tempDir('tdkt-e2e-dossiers-home-');
    const [dbA, dbB, dbP] = ['a', 'b', 'p'].map((n) => path.join(dir, `${n}.sqlite`)) as [string, string, string];
    const a = await makeOffice(OFFICE_A, dbA);
    const b = await makeOffice(OFFICE_B, dbB);
    const p = await makeProvince(dbP);
    await buildDossier(a, OFFICE_A, { docNumber: 5 });
    const returned = await buildDossier(b, OFFICE_B, { docNumber: 12 });
    await importBundle(p, await exportBytes(a.core));
    await importBundle(p, await exportBytes(b.core));
    const reason = 'Thiếu minh chứng sáng kiến của ông Hoàng Văn Đức.';
    await p.invoke('dossiers.recordOutcome', { id: returned.id, outcome: 'returned', reason });
    await importBundle(b.core, await exportBytes(p, 'province-to-office', b.core.ctx.officeId));
    for (const c of [a.core, b.core, p]) c.close();

    host = await session.startHost(dbP);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('home-dossiers-pending').innerText()).toContain('1 hồ sơ nhận từ cơ quan khác chờ ghi kết quả');
    expect(await page.getByTestId('home-dossiers-pending').innerText()).toContain(`${OFFICE_A.name} (1)`);
    expect(await page.getByTestId('home-dossiers-returned').count()).toBe(0); // the province returned it; it is not the province's own
    await page.getByTestId('home-dossiers-open-received').click();
    // the received tab, both offices' dossiers
    await expect.poll(() => page.getByTestId('received-row').count()).toBe(2);
    // their nominees in one list for the province's council, as filtered: one office's
    await page.getByTestId('received-office-filter').click();
    await page.getByRole('option', { name: OFFICE_B.name }).click();
    await expect.poll(() => page.getByTestId('received-row').count()).toBe(1);
    const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('received-list-export').click()]);
    expect(list.suggestedFilename()).toBe('tong-hop-de-nghi-khen-thuong-2025.xlsx');
    const listed = sheetRows((await readBook({ base64: fs.readFileSync((await list.path())!).toString('base64') })).worksheets[0]!).flat();
    expect(listed).toContain('1 hồ sơ của 1 cơ quan, đơn vị gửi lên; 2 cá nhân được đề nghị');
    expect(listed).toContain('Phạm Thị Hoa');
    expect(listed).not.toContain('Nguyễn Văn An');
    // a dossier of its own to send up, from Bảo Thắng's (Sa Pa's was returned): it opens
    await page.getByTestId('received-office-filter').click();
    await page.getByRole('option', { name: OFFICE_A.name }).click();
    await expect.poll(() => page.getByTestId('received-row').count()).toBe(1);
    await page.getByTestId('received-award-filter').click();
    await page.getByRole('option', { name: 'Bằng khen của Chủ tịch UBND tỉnh, Bộ trưởng' }).click();
    await expect.poll(() => page.getByTestId('received-row').count()).toBe(1);
    await page.getByTestId('received-consolidate').click();
    await page.getByTestId('dossier-view').waitFor();
    await expect.poll(() => page.getByTestId('dossier-view').innerText()).toContain('Nguyễn Văn An');
    await page.getByTestId('dossier-back').click();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(1);
    // Bảo Thắng's dossier went into it: nothing received waits on the province's word now
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('home-dossiers-sent-up').innerText()).toBe('1 hồ sơ nhận đã tổng hợp vào hồ sơ trình cấp trên');
    expect(await page.getByTestId('home-dossiers-pending').count()).toBe(0);
    await page.close();
    await host.stop();

    host = await session.startHost(dbB);
    const office = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await office.goto(host.url);
    const row = office.getByTestId('home-dossier-returned');
    await expect.poll(() => row.innerText()).toContain(`Lý do: ${reason}`);
    expect(await office.getByTestId('home-dossiers-pending').count()).toBe(0);
    await row.getByRole('button').click();
    await expect.poll(() => office.getByTestId('dossier-view').getAttribute('data-dossier-id')).toBe(returned.id);
    await office.close();
  });
  it("the province records its superior's approval on the dossier it sent up; the received dossiers follow", { timeout: 120_000 }, async () => {
    const dir = tempDir('tdkt-e2e-dossiers-superior-');
    const [dbA, dbB, dbP] = ['a', 'b', 'p'].map((n) => path.join(dir, `${n}.sqlite`)) as [string, string, string];
    const a = await makeOffice(OFFICE_A, dbA);
    const b = await makeOffice(OFFICE_B, dbB);
    const p = await makeProvince(dbP);
    const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
    await buildDossier(b, OFFICE_B, { docNumber: 12 });
    await importBundle(p, await exportBytes(a.core));
    await importBundle(p, await exportBytes(b.core));
    const received = await p.invoke('dossiers.list', { scope: 'received' });
    const c = await p.invoke('dossiers.consolidate', { ids: received.map((r) => r.id) });
    await completeAndSubmit(p, c.id);
    for (const x of [a.core, b.core, p]) x.close();

    host = await session.startHost(dbP);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(host.url);
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossier-open').click();
    await expect.poll(() => page.getByTestId('dossier-view').getAttribute('data-dossier-id')).toBe(c.id);
    // what it was made from, and where each stands
    const sources = page.getByTestId('dossier-sources');
    await expect.poll(() => sources.getByTestId('source-row').count()).toBe(2);
    expect(await sources.innerText()).toContain('Tổng hợp từ 2 hồ sơ nhận');
    expect(await sources.innerText()).toContain(OFFICE_B.name);
    // the superior's answer came on paper: approved, Phạm Thị Hoa left out
    await page.getByTestId('outcome-open').click();
    await page.getByTestId('outcome-number').fill('2150/QĐ-UBND');
    await page.getByTestId('outcome-date').fill('15/12/2025');
    // the issuer proposed is whom the tờ trình was addressed to
    expect(await page.getByTestId('outcome-issuer').inputValue()).toBe(c.addressee);
    await page.getByTestId('outcome-issuer').fill('Chủ tịch UBND tỉnh Lào Cai');
    expect(await page.getByTestId('dossier-outcome').innerText()).toContain('Kết quả được ghi luôn cho 2 hồ sơ nhận');
    await page.getByTestId('outcome-not-approved').click();
    await page.getByRole('option', { name: /Phạm Thị Hoa/ }).click();
    await page.keyboard.press('Escape');
    await shot(page, 'superior-outcome');
    // the form and the sources' table as axe-core reads them: nothing serious or critical
    expect(await axeFindings(page)).toEqual([]);
    // the decision is recorded with the cash the rules set on its date, unless unticked
    await expect.poll(() => page.getByTestId('outcome-cash-by-rules').isChecked()).toBe(true);
    await page.getByTestId('outcome-save').click();
    await expect.poll(() => page.getByTestId('dossier-outcome-alert').innerText()).toContain('Đã được duyệt: Quyết định số 2150/QĐ-UBND ngày 15/12/2025 (Chủ tịch UBND tỉnh Lào Cai)');
    const [summary] = await api<Array<{ id: string }>>(host, 'records.listDecisions', { year: null, search: '2150/QĐ-UBND' });
    const decision = await api<{ awardCode: string; cashAmount: number | null; recipients: Array<{ name: string; cashAmount: number | null }> }>(host, 'records.getDecision', { id: summary!.id });
    // a Bằng khen tỉnh on 15/12/2025: 1,5 × 2.340.000 đ
    expect(decision.awardCode).toBe('BK_TINH');
    expect([decision.cashAmount, ...decision.recipients.map((r) => r.cashAmount)]).toEqual([3510000, ...decision.recipients.map(() => 3510000)]);
    expect(decision.recipients.map((r) => r.name)).not.toContain('Phạm Thị Hoa');
    await expect.poll(() => page.locator('.mantine-Notification-root').innerText()).toContain('và cho 2 hồ sơ nhận đã tổng hợp');
    expect(await page.getByTestId('dossier-outcome').count()).toBe(0);
    await expect.poll(() => sources.getByTestId('dossier-status').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['approved', 'approved']);
    // a received dossier says where it went, and that it was approved
    await sources.getByTestId('source-row').filter({ hasText: OFFICE_A.name }).getByTestId('source-open').click();
    await expect.poll(() => page.getByTestId('dossier-view').getAttribute('data-dossier-id')).toBe(da.id);
    expect(await page.getByTestId('dossier-consolidated-into').innerText()).toContain(c.title);
    expect(await page.getByTestId('dossier-outcome-alert').innerText()).toContain('Quyết định số 2150/QĐ-UBND');
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId('dossier-consolidated-into').getByRole('button').click();
    await expect.poll(() => page.getByTestId('dossier-view').getAttribute('data-dossier-id')).toBe(c.id);
    // the received list marks both as gone into a dossier sent up
    await page.getByTestId('dossier-back').click();
    await page.getByTestId('dossiers-tab-received').click();
    await expect.poll(() => page.getByTestId('received-consolidated').count()).toBe(2);
    expect(await page.getByTestId('received-consolidated').first().getAttribute('title')).toBe(`Đã đưa vào hồ sơ trình cấp trên: ${c.title}`);
    expect(pageErrors).toEqual([]);
    await page.close();
    await host.stop();
  });
  it("at the province, an answer the office typed in gives way to the province's word", { timeout: 120_000 }, async () => {
    const dir = tempDir('tdkt-e2e-dossiers-typed-');
    const [dbA, dbP] = ['a', 'p'].map((n) => path.join(dir, `${n}.sqlite`)) as [string, string];
    const a = await makeOffice(OFFICE_A, dbA);
    const p = await makeProvince(dbP);
    const da = await buildDossier(a, OFFICE_A, { docNumber: 5 });
    await importBundle(p, await exportBytes(a.core));
    await a.core.invoke('dossiers.recordOutcome', { id: da.id, outcome: 'approved', decisionNumber: '99/QĐ-UBND', createDecision: true });
    await importBundle(p, await exportBytes(a.core));
    for (const x of [a.core, p]) x.close();

    host = await session.startHost(dbP);
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(host.url);
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossiers-tab-received').click();
    await page.getByTestId('received-open').click();
    await expect.poll(() => page.getByTestId('outcome-typed-note').innerText()).toContain(`Kết quả trên do ${OFFICE_A.name} tự ghi`);
    await page.getByTestId('outcome-number').fill('2150/QĐ-UBND');
    await page.getByTestId('outcome-save').click();
    await expect.poll(() => page.getByTestId('dossier-outcome-alert').innerText()).toContain('Quyết định số 2150/QĐ-UBND');
    expect(await page.getByTestId('outcome-typed-note').count()).toBe(0);
    await page.close();
    await host.stop();
  });
});
