// The staff list in Chromium against the built browser host on the generated database:
// first painted row, scroll frame times, keystroke → painted search results. The page fetches
// the list in windows of 200 rows (`staff.list` with offset/limit, more as it scrolls) and asks
// on every keystroke (no debounce; answers to older keystrokes are dropped).
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type * as Playwright from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { aimBelow, type BenchCase, type BenchEnv, type BenchRow } from '../registry';
import { max, median, nowMs, percentile } from '../stats';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// loaded at run time: playwright-core stays outside the bundle
const loadPlaywright = () => createRequire(__filename)('playwright-core') as typeof Playwright;

export interface Host {
  url: string;
  token: string;
  proc: ChildProcess;
}

export function startHost(env: BenchEnv, dbPath: string): Promise<Host> {
  const main = path.join(env.distDir, 'electron', 'web-main.cjs');
  if (!fs.existsSync(main)) throw new Error(`${main} missing: run npm run build first`);
  const proc = spawn(process.execPath, [main, '--db', dbPath, '--no-open'], { env: { ...process.env, TDKT_NO_OPEN: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /TDKT_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, token: /#token=([^&]+)/.exec(m[1]!)![1]!, proc });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
}

/** Debian's Chromium, headless, as the tests run it. */
export function launchChromium(): Promise<Browser> {
  return loadPlaywright().chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A host on a copy of the bench's database (in workDir/<name>, the case may write to it) and
 * Chromium, both stopped when `run` ends.
 */
export async function withBrowserHost(env: BenchEnv, name: string, run: (h: Host, browser: Browser, dbPath: string) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const dir = path.join(env.workDir, name);
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'tdkt.sqlite');
  fs.copyFileSync(env.dbPath, dbPath);
  const h = await startHost(env, dbPath);
  try {
    const browser = await launchChromium();
    try {
      return await run(h, browser, dbPath);
    } finally {
      await browser.close();
    }
  } finally {
    await stopHost(h);
  }
}

export function stopHost(h: Host): Promise<void> {
  return new Promise((r) => {
    if (h.proc.exitCode !== null) return r();
    h.proc.once('exit', () => r());
    h.proc.kill('SIGTERM');
  });
}

/** How long after its start a host has surely finished its warm-up (core.ts: 3 s, then idle steps). */
export const WARMED_AFTER_MS = 15_000;

/** The rows the page asks for at a time (renderer/features/staff/store.ts PAGE_SIZE). */
const WINDOW = 200;

/** `staff.list` over HTTP as the page asks for it: the first window (or, with limit null, every row). */
async function apiStaffList(h: Host, search: string, limit: number | null = WINDOW): Promise<{ total: number; ms: number; kb: number }> {
  const base = h.url.split('#')[0]!;
  const t0 = nowMs();
  const res = await fetch(`${base}api/staff.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tdkt-token': h.token },
    body: JSON.stringify({ search, unitId: null, status: 'dang_cong_tac', includeSubunits: true, ...(limit === null ? {} : { offset: 0, limit }) }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { ok: boolean; data: { total: number } };
  return { total: body.data.total, ms: nowMs() - t0, kb: text.length / 1024 };
}

const medianMs = async (n: number, fn: () => Promise<{ ms: number }>) => {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await fn()).ms);
  return median(ms);
};

// Page-side probes are functions, not strings: the app's CSP forbids eval.
type ProbeWindow = Window & { __firstRow?: number | null; __key?: number; __click?: number };

/** Records the click on "Cán bộ" and performance.now() after the first staff row has been painted (rAF, then a task). */
function firstRowProbe() {
  const w = window as ProbeWindow;
  w.__firstRow = null;
  document.querySelector('[data-testid="nav-staff"]')!.addEventListener('click', () => (w.__click = performance.now()), { capture: true, once: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid="staff-row"]')) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.__firstRow = performance.now()), 0));
    }
  }).observe(document, { subtree: true, childList: true });
}

async function firstRender(browser: Browser, h: Host, runs: number, loads: number[] = []): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    const t0 = nowMs();
    await page.goto(h.url);
    await page.getByTestId('nav-staff').waitFor();
    loads.push(nowMs() - t0);
    await page.evaluate(firstRowProbe);
    await page.getByTestId('nav-staff').click();
    await page.waitForFunction(() => (window as ProbeWindow).__firstRow != null, undefined, { timeout: 60_000 });
    out.push(await page.evaluate(() => (window as ProbeWindow).__firstRow! - (window as ProbeWindow).__click!));
    await page.close();
  }
  return out;
}

/** rAF deltas while scrolling the virtualised list by 240 px a frame (≈6 rows). */
function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector('[data-testid="staff-scroll"]')!;
        const deltas: number[] = [];
        let last = 0;
        let frames = 0;
        const step = (t: number) => {
          if (last) deltas.push(t - last);
          last = t;
          el.scrollTop += 240;
          if (++frames < 300) requestAnimationFrame(step);
          else resolve(deltas.slice(2));
        };
        requestAnimationFrame(() => requestAnimationFrame(step));
      }),
  );
}

/**
 * Main-thread work of each frame while `run` scrolls: a light Chromium trace (top-level tasks
 * and the timeline's rAF events), each frame from one rAF callback to the next, and the
 * renderer main thread's tasks starting in it summed. A rAF delta at 60 Hz is 16.7 ms however
 * little the frame costs; this is what the frame costs (script, style, layout, paint).
 */
async function frameWork(browser: Browser, page: Page, run: () => Promise<unknown>): Promise<number[]> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  await run();
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }[];
  };
  const ev = trace.traceEvents;
  const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
  const mains = new Set(ev.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(key));
  // the page's main thread: the one that ran the rAF callbacks
  const fires = ev.filter((e) => e.name === 'FireAnimationFrame' && mains.has(key(e)));
  const perThread = new Map<string, number>();
  for (const e of fires) perThread.set(key(e), (perThread.get(key(e)) ?? 0) + 1);
  const thread = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!thread) return [];
  const starts = fires.filter((e) => key(e) === thread).map((e) => e.ts).sort((a, b) => a - b);
  const tasks = ev.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && key(e) === thread).sort((a, b) => a.ts - b.ts);
  const work: number[] = [];
  let j = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    while (j < tasks.length && tasks[j]!.ts < starts[i]!) j++;
    let sum = 0;
    for (let k = j; k < tasks.length && tasks[k]!.ts < starts[i + 1]!; k++) sum += tasks[k]!.dur ?? 0;
    work.push(sum / 1000);
  }
  return work;
}

/** Wait (in the page) until the count shows `total`, then for the next painted frame; ms since `fromKey` (or 0). */
function waitPainted(page: Page, total: number, fromKey: boolean): Promise<number> {
  return page.evaluate(
    ({ total, fromKey }) =>
      new Promise<number>((resolve, reject) => {
        const since = fromKey ? ((window as ProbeWindow).__key ?? 0) : 0;
        const want = `${total.toLocaleString('vi-VN')} người`;
        const shown = () => document.querySelector('[data-testid="staff-count"]')?.textContent === want;
        const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - since), 0));
        if (shown()) return done();
        const obs = new MutationObserver(() => {
          if (shown()) {
            obs.disconnect();
            done();
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => {
          obs.disconnect();
          reject(new Error(`no update to ${want}`));
        }, 20_000);
      }),
    { total, fromKey },
  );
}

async function keystrokes(page: Page, h: Host, queries: string[]): Promise<{ paint: number[]; http: number[] }> {
  const paint: number[] = [];
  const http: number[] = [];
  const input = page.getByTestId('staff-search');
  let previous = -1;
  for (const q of queries) {
    if (q.length < 2) continue;
    const prefix = q.slice(0, -1);
    const [pre, full] = [await apiStaffList(h, prefix), await apiStaffList(h, q)];
    if (full.total === pre.total || pre.total === previous) continue; // the last key must change what is shown
    http.push(full.ms);
    await input.fill(prefix);
    await waitPainted(page, pre.total, false);
    previous = full.total;
    // 'input', not 'keydown': letters with diacritics arrive as text input (like an IME), without key events
    await page.evaluate(() =>
      document.querySelector('[data-testid="staff-search"]')!.addEventListener('input', () => ((window as ProbeWindow).__key = performance.now()), { once: true }),
    );
    await page.keyboard.type(q.slice(-1));
    paint.push(await waitPainted(page, full.total, true));
    if (paint.length >= 30) break;
  }
  return { paint, http };
}

export const browserCase: BenchCase = {
  id: 'browser.staff',
  title: 'Danh sách cán bộ trong Chromium',
  needs: ['chromium'],
  run: (env) =>
    withBrowserHost(env, 'browser', async (h, browser, dbPath) => {
      const dir = path.dirname(dbPath);
      const rows: BenchRow[] = [];
      env.log('  first render …');
      // the first click on the host just started (the page loaded, then clicked at once): the
      // staff index is built by the hosts' warm-up or, if the click comes first, on that request
      const startLoads: number[] = [];
      const justStarted = await firstRender(browser, h, 1, startLoads);
      const first = await firstRender(browser, h, 5);
      const win = await apiStaffList(h, '');
      rows.push(
        aimBelow({ case: 'browser.staff', metric: `click "Cán bộ" → first painted staff row (first window of ${WINDOW} of ${win.total} rows) — median of 5`, value: median(first), unit: 'ms' }, 300),
      );
      rows.push({ case: 'browser.staff', metric: '  the first click on the host just started (the page loaded, then clicked at once)', value: justStarted[0]!, unit: 'ms', note: `the page's load before it (goto → menu shown): ${startLoads[0]!.toFixed(0)} ms` });
      {
        // a second host on a copy of the file, clicked once its warm-up has run (it builds the
        // staff index, then warms the renderers and the eligibility run when the core is idle)
        const copy = path.join(dir, 'tdkt-warm.sqlite');
        fs.copyFileSync(dbPath, copy);
        const h2 = await startHost(env, copy);
        try {
          await new Promise((r) => setTimeout(r, WARMED_AFTER_MS));
          const warmed = await firstRender(browser, h2, 1);
          rows.push({ case: 'browser.staff', metric: `  the first click ${WARMED_AFTER_MS / 1000} s after the host started (its warm-up done)`, value: warmed[0]!, unit: 'ms' });
        } finally {
          await stopHost(h2);
        }
      }
      rows.push({ case: 'browser.staff', metric: `  of which staff.list over HTTP, first window (offset 0, limit ${WINDOW}; ${win.kb.toFixed(0)} KB of JSON) — median of 5`, value: await medianMs(5, () => apiStaffList(h, '')), unit: 'ms' });
      const all = await apiStaffList(h, '', null);
      rows.push({ case: 'browser.staff', metric: `  for comparison: staff.list over HTTP, all ${all.total} rows (${(all.kb / 1024).toFixed(1)} MB of JSON) — median of 3`, value: await medianMs(3, () => apiStaffList(h, '', null)), unit: 'ms' });

      const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
      await page.goto(h.url);
      await page.getByTestId('nav-staff').click();
      await page.getByTestId('staff-row').first().waitFor({ timeout: 60_000 });
      env.log('  scrolling …');
      // main-thread work (script, style, layout, paint) per frame, from Chromium's own counters:
      // tells the page's cost apart from time lost waiting for a CPU on a busy machine
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const metric = async (name: string) => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      // TaskDuration is wall time inside tasks (it grows while the thread waits for a core);
      // ThreadTime is the main thread's CPU time, the page's own cost
      const [busy0, cpu0] = [await metric('TaskDuration'), await metric('ThreadTime')];
      // traced (a light trace: top-level tasks and rAF events) to get each frame's own cost
      let frames: number[] = [];
      const work = await frameWork(browser, page, async () => {
        frames = await scrollFrames(page);
      });
      const busyPerFrame = ((await metric('TaskDuration')) - busy0) / (frames.length + 2);
      const cpuPerFrame = ((await metric('ThreadTime')) - cpu0) / (frames.length + 2);
      rows.push({ case: 'browser.staff', metric: `scroll 240 px a frame (windows fetched as it goes), ${frames.length} frames: rAF deltas (60 Hz: 16.7 ms a frame at best) — p50`, value: percentile(frames, 50), unit: 'ms' });
      rows.push({ case: 'browser.staff', metric: '  rAF deltas — p95 / max', value: percentile(frames, 95), unit: 'ms', note: `max ${max(frames).toFixed(1)} ms; ${frames.filter((f) => f > 20).length} frames > 20 ms (a dropped frame)` });
      rows.push({ case: 'browser.staff', metric: '  main-thread work a scroll frame on average (Chromium TaskDuration / ThreadTime)', value: busyPerFrame, unit: 'ms', note: `CPU ${cpuPerFrame.toFixed(1)} ms` });
      if (work.length) {
        rows.push(aimBelow({ case: 'browser.staff', metric: `scroll frame time: the renderer main thread's work in each frame (traced), ${work.length} frames — p95`, value: percentile(work, 95), unit: 'ms' }, 16));
        rows.push({ case: 'browser.staff', metric: '  frame time — p50 / max', value: percentile(work, 50), unit: 'ms', note: `max ${max(work).toFixed(1)} ms; ${work.filter((w) => w > 16).length} frames over 16 ms` });
      }

      env.log('  keystroke → paint …');
      await page.evaluate(() => (document.querySelector('[data-testid="staff-scroll"]')!.scrollTop = 0));
      try {
        const { paint, http } = await keystrokes(page, h, env.dataset.queries);
        rows.push(aimBelow({ case: 'browser.staff', metric: `keystroke → painted results (a request per key, no debounce), ${paint.length} searches — p50`, value: percentile(paint, 50), unit: 'ms' }, 50));
        rows.push(aimBelow({ case: 'browser.staff', metric: 'keystroke → painted results — p95', value: percentile(paint, 95), unit: 'ms' }, 50));
        rows.push({ case: 'browser.staff', metric: `  of which staff.list over HTTP, first window (limit ${WINDOW}) — p50`, value: percentile(http, 50), unit: 'ms' });
      } catch (e) {
        rows.push({ case: 'browser.staff', metric: 'keystroke → painted results', value: null, unit: '', note: `failed: ${(e as Error).message.split('\n')[0]}` });
      }
      await page.close();
      return rows;
    }),
};
