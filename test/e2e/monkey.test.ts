// Random use of the whole window, seeded (TDKT_MONKEY_SEED replays a run): clicks on buttons,
// tabs, links and rows, text typed into fields, Escape and Enter, across every screen of an office
// with a little of everything. Whatever path the clicks take, no screen may fail to draw, no
// error may go uncaught, and the error log must stay empty — the checks a user would notice as
// a blank window or "Đã xảy ra lỗi không mong đợi". Long or replacing actions (restore, import,
// apply, exports, merges) are left to their own tests.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { hasChromium, hostApi, e2eSession } from './support/browser';
import { tempDir } from '../support/tmp';
import { testCore } from '../support/core';

const TODAY = '2025-11-20';
const STEPS = 120;
const SKIP = 'Khôi phục|Sao lưu ngay|Tải bản sao lưu|Bắt đầu|Áp dụng|Nhập|Gộp|Chọn tệp|Chọn thư mục|Chọn…|Xuất|In |Tải về|Lưu tệp|Soạn|Word|Excel|PDF|Tải lại cửa sổ|Sao chép';
const TEXTS = ['nguyen', 'Phòng', '2025', '31/12/2024', '-5', 'abc', '', '9999999', "x'y", '<b>đ</b>'];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.skipIf(!hasChromium)('random use of the window (browser host + Chromium)', () => {
  const session = e2eSession();

  it('no screen fails, nothing goes uncaught, the error log stays empty', { timeout: 240_000 }, async () => {
    const seed = Number(process.env.TDKT_MONKEY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`[monkey] seed ${seed} (replay: TDKT_MONKEY_SEED=${seed})`);
    const r = random(seed);
    const dbPath = path.join(tempDir('tdkt-e2e-monkey-'), 'office.sqlite');
    const c = await testCore({ dbPath, today: TODAY });
    const unit = await c.invoke('units.create', { name: 'Văn phòng Sở' });
    const other = await c.invoke('units.create', { name: 'Phòng Người có công' });
    const people: string[] = [];
    for (const [fullName, u] of [
      ['Nguyễn Văn An', unit.id],
      ['Trần Thị Bích', unit.id],
      ['Lê Văn Cường', other.id],
      ['Phạm Thị Dung', other.id],
    ] as const)
      people.push((await c.invoke('staff.create', { fullName, unitId: u, birthDate: '05/03/1980', gender: fullName.includes('Thị') ? 'nu' : 'nam' })).id);
    await c.invoke('records.saveDecision', { data: { number: '9/QĐ-SNV', year: 2024, awardCode: 'GIAY_KHEN', cashAmount: 702000, recipients: people.map((staffId) => ({ kind: 'person', staffId })) } as never });
    await c.invoke('plans.createFromTemplate', { templateId: 'annual-campaign', year: 2025 });
    const dossier = await c.invoke('dossiers.create', { year: 2025, awardCode: 'GIAY_KHEN' });
    await c.invoke('dossiers.addNominees', { id: dossier.id, nominees: people.slice(0, 2).map((staffId) => ({ kind: 'person', staffId })) });
    await c.invoke('tasks.create', { year: 2025, quarter: 4, title: 'Tổng kết phong trào thi đua năm 2025', dueDate: '15/12/2025', lead: [{ unitId: unit.id }] });
    c.close();

    const host = await session.startHost(dbPath, { TDKT_TODAY: TODAY });
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 860 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    await page.goto(host.url);
    await page.getByTestId('home-quarter').waitFor();
    const navs = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
    const done: string[] = [];

    for (let i = 0; i < STEPS; i++) {
      const x = r();
      try {
        if (x < 0.12) {
          const n = navs[Math.floor(r() * navs.length)]!;
          done.push(n);
          await page.getByTestId(n).click({ timeout: 600 });
        } else if (x < 0.62) {
          // a visible control picked in the page, marked, then clicked as a user would
          const label = await page.evaluate(
            ([pick, skip]) => {
              document.querySelectorAll('[data-monkey]').forEach((e) => e.removeAttribute('data-monkey'));
              const avoid = new RegExp(skip);
              const els = [...document.querySelectorAll('button:not([disabled]), [role=tab], a[href], [role=option], [role=checkbox], tbody tr')].filter((e) => {
                const b = e.getBoundingClientRect();
                return b.width > 0 && b.height > 0 && !avoid.test(e.textContent ?? '') && !avoid.test(e.getAttribute('aria-label') ?? '');
              });
              const el = els[Math.floor(pick * els.length)];
              if (!el) return null;
              el.setAttribute('data-monkey', '1');
              return (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40);
            },
            [r(), SKIP] as const,
          );
          if (label !== null) {
            done.push(`click ${label}`);
            await page.locator('[data-monkey]').first().click({ timeout: 600 });
          }
        } else if (x < 0.85) {
          const fields = page.locator('input:visible:enabled:not([type=file]):not([type=checkbox]):not([type=radio]), textarea:visible:enabled');
          const n = await fields.count();
          if (n > 0) {
            const text = TEXTS[Math.floor(r() * TEXTS.length)]!;
            done.push(`type "${text}"`);
            await fields.nth(Math.floor(r() * n)).fill(text, { timeout: 600 });
          }
        } else {
          const key = x < 0.95 ? 'Escape' : 'Enter';
          done.push(key);
          await page.keyboard.press(key);
        }
      } catch {
        // the control went away or lies under a dialog: a user's click would miss too
      }
      await page.waitForTimeout(100);
      if ((await page.getByTestId('screen-error').count()) > 0) {
        problems.push(`screen failed after ${done.slice(-6).join(' › ')}: ${await page.getByTestId('screen-error-message').first().innerText()}`);
        await page.getByTestId('screen-error-retry').first().click().catch(() => undefined);
      }
      const note = page.getByText('Đã xảy ra lỗi không mong đợi');
      if ((await note.count()) > 0) {
        problems.push(`unexpected error after ${done.slice(-6).join(' › ')}: ${await note.first().locator('..').innerText().catch(() => '')}`);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
      }
    }
    const log = await hostApi<{ total: number; entries: Array<{ where: string; message: string }> }>(host, 'errors.list');
    for (const e of log.entries) problems.push(`logged: ${e.where}: ${e.message}`);
    expect([...new Set(problems)], `seed ${seed}`).toEqual([]);
    // the run went somewhere: screens visited, controls clicked
    expect(done.filter((d) => d.startsWith('nav-')).length).toBeGreaterThan(5);
    expect(done.filter((d) => d.startsWith('click')).length).toBeGreaterThan(40);
  });
});
