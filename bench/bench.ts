// `npm run bench`: performance figures on a generated province-sized data set.
// Not part of `npm test` and never an assertion: it prints a table (and --json FILE).
//   node dist/bench/bench.cjs [--staff 30000] [--only id,id] [--skip-browser] [--json FILE] [--keep] [--db FILE]
// --db FILE: skip populating and use a copy of FILE (and its attachments/ folder), a database
// kept (--keep) by an earlier run with the same --staff — the generator is seeded, so it matches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../electron/core/core';
import { generateDataset } from './dataset';
import { populate } from './populate';
import { benchCases, type BenchCase, type BenchEnv, type BenchRow } from './registry';
import { PLANNED } from './cases';
import { CHROMIUM } from './cases/browser';
import { nowMs } from './stats';

function machine(): string {
  const cpus = os.cpus();
  // the load average says how much the figures were disturbed by other work on the machine
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}, load average ${load}`;
}

function fmt(v: number | null, unit: string): string {
  if (v === null || Number.isNaN(v)) return '—';
  if (unit === '×') return `${v.toFixed(2)} ×`;
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toString()} ${unit}`;
}

function printTable(rows: BenchRow[]) {
  const cells = rows.map((r) => [r.case, r.metric, fmt(r.value, r.unit), r.aim ? `${r.aim} ${r.ok ? '✓' : '✗'}` : '', r.note ?? '']);
  const head = ['case', 'metric', 'value', 'aim', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

interface WorkerJob {
  caseId: string;
  staff: number;
  workDir: string;
  distDir: string;
  dbPath: string;
}

/** Run one case in a worker thread of this same script (see BenchCase.inWorker). */
function runInWorker(c: BenchCase, env: BenchEnv, staff: number): Promise<BenchRow[]> {
  const job: WorkerJob = { caseId: c.id, staff, workDir: env.workDir, distDir: env.distDir, dbPath: env.dbPath };
  return new Promise((resolve, reject) => {
    const w = new Worker(__filename, { workerData: job });
    let rows: BenchRow[] | null = null;
    w.on('message', (m: { rows?: BenchRow[]; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      else rows = m.rows ?? [];
    });
    w.on('error', reject);
    w.on('exit', (code) => (rows ? resolve(rows) : reject(new Error(`worker exited with ${code}`))));
  });
}

async function workerMain() {
  const job = workerData as WorkerJob;
  const c = benchCases.find((b) => b.id === job.caseId)!;
  try {
    const dataset = generateDataset({ staff: job.staff });
    const rows = await c.run({ dataset, workDir: job.workDir, distDir: job.distDir, dbPath: job.dbPath, log: (m) => console.error(m) });
    parentPort!.postMessage({ rows });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message });
  }
}

async function main() {
  const { values: v } = parseArgs({
    options: {
      staff: { type: 'string' },
      only: { type: 'string' },
      'skip-browser': { type: 'boolean' },
      json: { type: 'string' },
      keep: { type: 'boolean' },
      db: { type: 'string' },
    },
  });
  const staffCount = v.staff ? Number(v.staff) : 30_000;
  const only = v.only ? new Set(v.only.split(',')) : null;
  const distDir = path.resolve(__dirname, '..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-bench-'));
  const log = (m: string) => console.error(m);
  console.log(`TĐKT Desktop bench — ${machine()}`);
  try {
    let t0 = nowMs();
    const dataset = generateDataset({ staff: staffCount });
    const rc = dataset.records;
    log(
      `data set: ${dataset.units.length} units, ${dataset.staff.length} staff, ${dataset.queries.length} queries; ` +
        `${rc.personYears.length} person-years, ${rc.titles.length} titles, ${rc.initiatives.length} initiatives, ${rc.disciplines.length} disciplines, ` +
        `${dataset.tasks.length} tasks, ${dataset.dossiers.length} dossiers (${Math.round(nowMs() - t0)} ms)`,
    );
    t0 = nowMs();
    const dbPath = path.join(workDir, 'tdkt.sqlite');
    if (v.db) {
      fs.copyFileSync(v.db, dbPath);
      const files = path.join(path.dirname(path.resolve(v.db)), 'attachments');
      if (fs.existsSync(files)) fs.cpSync(files, path.join(workDir, 'attachments'), { recursive: true });
      log(`database: copied ${v.db} (not populated in this run)`);
    } else {
      const core = await createCore({ dbPath, host: 'cli' });
      const populated = await populate(core, dataset, log);
      core.close();
      log(`database: ${dbPath}, ${(fs.statSync(dbPath).size / 1024 / 1024).toFixed(1)} MB (${Math.round(nowMs() - t0)} ms)`);
      log(`  rows: ${Object.entries(populated.tables).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
    }

    const rows: BenchRow[] = [];
    for (const c of benchCases) {
      if (only && !only.has(c.id)) continue;
      if (c.needs?.includes('chromium') && (v['skip-browser'] || !fs.existsSync(CHROMIUM))) {
        rows.push({ case: c.id, metric: c.title, value: null, unit: '', note: v['skip-browser'] ? 'skipped (--skip-browser)' : `skipped: no Chromium at ${CHROMIUM}` });
        continue;
      }
      log(`${c.id}: ${c.title} …`);
      try {
        const env: BenchEnv = { dataset, workDir, distDir, dbPath, log };
        rows.push(...(c.inWorker ? await runInWorker(c, env, staffCount) : await c.run(env)));
      } catch (e) {
        rows.push({ case: c.id, metric: c.title, value: null, unit: '', note: `failed: ${(e as Error).message.split('\n')[0]}` });
      }
    }
    for (const p of PLANNED) rows.push({ case: p.id, metric: p.title, value: null, unit: '', note: 'not measured yet (extension point)' });
    console.log('');
    printTable(rows);
    console.log(`\nat the end: ${machine()}`);
    if (v.json) fs.writeFileSync(v.json, JSON.stringify({ machine: machine(), staff: staffCount, rows }, null, 2));
  } finally {
    if (!v.keep) fs.rmSync(workDir, { recursive: true, force: true });
    else log(`kept ${workDir}`);
  }
}

if (!isMainThread) void workerMain();
else void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
