// The award records screen in Chromium on the generated database: each list tab with every
// year (29,406 initiatives, 28,455 registrations …) from the click to its count painted, and
// the statistics chart. The lists render only the rows on screen (renderer/lib/VirtualTable).
import type { Browser, Page } from 'playwright-core';
import { type BenchCase, type BenchRow } from '../registry';
import { max, median, nowMs, percentile } from '../stats';
import { RECORD_YEARS } from '../dataset';
import { WARMED_AFTER_MS, withBrowserHost, type Host } from './browser';

type ProbeWindow = Window & { __click?: number; __done?: number | null };

/** Arms the page: the next click's time, then the time `selector` shows `text` (any text when null) and a frame has been painted. */
function arm(a: { selector: string; text: string | null }) {
  const w = window as ProbeWindow;
  w.__done = null;
  w.__click = undefined;
  document.addEventListener('click', () => (w.__click = performance.now()), { capture: true, once: true });
  const shown = () => {
    const el = document.querySelector(a.selector);
    return !!el && (a.text === null || el.textContent === a.text);
  };
  new MutationObserver((_, obs) => {
    if (w.__click !== undefined && shown()) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.__done = performance.now()), 0));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function clickToShown(page: Page, click: () => Promise<void>, selector: string, text: string | null): Promise<number> {
  await page.evaluate(arm, { selector, text });
  await click();
  await page.waitForFunction(() => (window as ProbeWindow).__done != null, undefined, { timeout: 120_000 });
  return page.evaluate(() => (window as ProbeWindow).__done! - (window as ProbeWindow).__click!);
}

async function api<T>(h: Host, proc: string, input: unknown): Promise<{ data: T; ms: number; mb: number }> {
  const t0 = nowMs();
  const res = await fetch(`${h.url.split('#')[0]!}api/${proc}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tdkt-token': h.token },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  return { data: (JSON.parse(text) as { data: T }).data, ms: nowMs() - t0, mb: text.length / 1024 / 1024 };
}

const vi = (n: number) => n.toLocaleString('vi-VN');
const ALL = { year: null, unitId: null, search: '' };

interface ListSpec {
  tab: string;
  name: string;
  proc: string;
  input: unknown;
  list: string;
  caption(n: number): string;
  /** the tab opens on one year: "Mọi năm" is chosen in its year field */
  pickAllYears: boolean;
}

const LISTS: ListSpec[] = [
  { tab: 'initiatives', name: 'Sáng kiến', proc: 'records.listInitiatives', input: ALL, list: 'initiative-list', caption: (n) => `${vi(n)} sáng kiến, đề tài`, pickAllYears: false },
  { tab: 'registrations', name: 'Đăng ký', proc: 'records.listRegistrations', input: ALL, list: 'registration-list', caption: (n) => `${vi(n)} đăng ký`, pickAllYears: true },
  { tab: 'decisions', name: 'Quyết định', proc: 'records.listDecisions', input: { year: null, search: '' }, list: 'decision-list', caption: (n) => `${vi(n)} quyết định`, pickAllYears: true },
  { tab: 'disciplines', name: 'Kỷ luật', proc: 'records.listDisciplines', input: ALL, list: 'discipline-list', caption: (n) => `${vi(n)} quyết định kỷ luật`, pickAllYears: false },
];

const RUNS = 3;
const NOMINEES = 500;

/**
 * A 500-nominee LĐTT dossier in the dossier view: opening it (its nominees, then the checker's
 * proposals: every person eligible, 25,000 at province scale) and typing into the meeting's
 * fields and a vote while all of it is on the page.
 */
async function dossierView(h: Host, browser: Browser): Promise<BenchRow[]> {
  const year = RECORD_YEARS.to;
  const title = `Hồ sơ ${NOMINEES} người (bench)`;
  const created = (await api<{ id: string }>(h, 'dossiers.create', { year, awardCode: 'LDTT', title })).data;
  const proposals = (await api<{ eligible: { id: string; kind: 'person' | 'unit' }[] }>(h, 'dossiers.candidates', { id: created.id })).data;
  const pick = proposals.eligible.slice(0, NOMINEES);
  await api(h, 'dossiers.addNominees', { id: created.id, nominees: pick.map((c) => ({ kind: c.kind, staffId: c.kind === 'person' ? c.id : null, unitId: c.kind === 'unit' ? c.id : null })) });
  const eligibleLeft = proposals.eligible.length;
  const open: number[] = [];
  const proposed: number[] = [];
  const keys: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(h.url);
    await page.getByTestId('nav-dossiers').click();
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    await page.evaluate(arm, { selector: '[data-testid="nominee-row"]', text: null });
    const t0 = nowMs();
    await row.getByTestId('dossier-open').click();
    await page.waitForFunction(() => (window as ProbeWindow).__done != null, undefined, { timeout: 120_000 });
    open.push(await page.evaluate(() => (window as ProbeWindow).__done! - (window as ProbeWindow).__click!));
    await page.getByTestId('candidate-row').first().waitFor({ timeout: 120_000 });
    proposed.push(nowMs() - t0);
    // a key typed into the meeting's place → the frame after it (as a user sees the letter)
    const place = page.getByTestId('meeting-place');
    await place.click();
    for (const ch of 'Phòng họp số 2') {
      const ms = await page.evaluate(
        (c) =>
          new Promise<number>((resolve) => {
            const el = document.querySelector('[data-testid="meeting-place"]') as HTMLInputElement;
            const t = performance.now();
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            setter.call(el, el.value + c);
            el.dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
          }),
        ch,
      );
      keys.push(ms);
    }
    await page.close();
  }
  return [
    { case: 'browser.records', metric: `a ${NOMINEES}-nominee LĐTT dossier: "Mở" clicked → its first nominee painted — median of ${RUNS}`, value: median(open), unit: 'ms' },
    { case: 'browser.records', metric: `  … → the checker's proposals painted (${eligibleLeft.toLocaleString('vi-VN')} eligible) — median of ${RUNS}`, value: median(proposed), unit: 'ms', note: 'from the click, measured in the test process' },
    { case: 'browser.records', metric: `  a key typed into the meeting's place → the next frame, ${keys.length} keys — p50 / max`, value: percentile(keys, 50), unit: 'ms', note: `max ${max(keys).toFixed(1)} ms` },
  ];
}

export const recordsBrowserCase: BenchCase = {
  id: 'browser.records',
  title: 'Danh sách khen thưởng, sáng kiến, kỷ luật, đăng ký và thống kê trong Chromium',
  needs: ['chromium'],
  run: (env) =>
    withBrowserHost(env, 'browser-records', async (h, browser) => {
      const rows: BenchRow[] = [];
      // measured once the host's warm-up (staff index, eligibility run, renderers) is done
      await new Promise((r) => setTimeout(r, WARMED_AFTER_MS));
      const expected = new Map<string, { n: number; ms: number[]; mb: number }>();
      for (const l of LISTS) {
        const r = await api<unknown[]>(h, l.proc, l.input);
        expected.set(l.tab, { n: r.data.length, ms: [], mb: r.mb });
      }
      const times = new Map<string, number[]>(LISTS.map((l) => [l.tab, []]));
      const chart: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        env.log(`  run ${run + 1} of ${RUNS} …`);
        const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
        await page.goto(h.url);
        await page.getByTestId('nav-awards').click();
        await page.getByTestId('awards-tab-grid').waitFor();
        for (const l of LISTS) {
          const e = expected.get(l.tab)!;
          const tab = page.getByTestId(`awards-tab-${l.tab}`);
          const selector = `[data-testid="${l.list}"] .vt-caption`;
          if (!l.pickAllYears) {
            times.get(l.tab)!.push(await clickToShown(page, () => tab.click(), selector, l.caption(e.n)));
            continue;
          }
          await tab.click();
          await page.getByTestId(l.list).waitFor();
          await page.getByRole('combobox', { name: 'Năm', exact: true }).click();
          const option = page.getByRole('option', { name: 'Mọi năm', exact: true });
          await option.waitFor();
          times.get(l.tab)!.push(await clickToShown(page, () => option.click(), selector, l.caption(e.n)));
        }
        chart.push(await clickToShown(page, () => page.getByTestId('awards-tab-chart').click(), '[data-testid="chart-bar"]', null));
        await page.close();
      }
      for (const l of LISTS) {
        const e = expected.get(l.tab)!;
        for (let i = 0; i < RUNS; i++) e.ms.push((await api<unknown[]>(h, l.proc, l.input)).ms);
        const how = l.pickAllYears ? `"Mọi năm" chosen` : `tab "${l.name}" clicked (it opens on every year)`;
        rows.push({ case: 'browser.records', metric: `${l.name}: ${how} → the count of ${vi(e.n)} rows painted — median of ${RUNS}`, value: median(times.get(l.tab)!), unit: 'ms' });
        rows.push({ case: 'browser.records', metric: `  of which ${l.proc} over HTTP (${e.mb.toFixed(1)} MB of JSON) — median of ${RUNS}`, value: median(e.ms), unit: 'ms' });
      }
      rows.push({ case: 'browser.records', metric: `Thống kê: tab clicked → the chart's first bar painted (5 years) — median of ${RUNS}`, value: median(chart), unit: 'ms' });
      rows.push(...(await dossierView(h, browser)));
      return rows;
    }),
};
