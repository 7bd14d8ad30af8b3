// Exchange bundle of the whole data set (kind 'full': office, units, staff, 10 years of award
// records, dossiers with their documents and evidence, and the audit log of all of it — the
// largest kind, written in numbered data parts; tasks are not an exchanged kind):
// export to a folder (written, then read back and verified, as the handler does), then in an
// empty province database verify, preview and apply it — each through core.invoke — and the
// apply's throughput against a raw better-sqlite3 bulk insert of the same rows in this run.
// Runs in a worker thread (see inWorker below).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core/core';
import { applyPlan, entityKinds, fileSource, planMerge, scanBundle, storedColumns, writesUnder } from '../../electron/services/exchange';
import type { Manifest } from '../../electron/services/exchange';
import type { BenchCase, BenchEnv, BenchRow } from '../registry';
import { nowMs } from '../stats';

const PROVINCE = {
  name: 'Ban Thi đua - Khen thưởng tỉnh Lào Cai',
  parentAgency: 'Sở Nội vụ tỉnh Lào Cai',
  levelCode: 'tinh',
  placeName: 'Lào Cai',
  abbreviation: 'BTĐKT',
  headTitle: 'Trưởng ban',
  headName: 'Lê Văn Thành',
  superiorName: 'UBND tỉnh Lào Cai',
};

async function provinceCore(dir: string): Promise<Core> {
  fs.mkdirSync(dir, { recursive: true });
  const c = await createCore({ dbPath: path.join(dir, 'tdkt.sqlite'), host: 'cli' });
  await c.invoke('office.save', PROVINCE);
  return c;
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = nowMs();
  const value = await fn();
  return { ms: nowMs() - t0, value };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const perSec = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

/** The rows a full bundle carries, read from the sending database (kind order, rowid order: parents first). */
function sourceRows(dbPath: string): { table: string; cols: string[]; rows: unknown[][] }[] {
  const src = new Database(dbPath, { readonly: true });
  try {
    return entityKinds().map((k) => {
      const cols = storedColumns(k);
      const rows = src.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${k.table}" ORDER BY rowid`).raw().all() as unknown[][];
      return { table: k.table, cols, rows };
    });
  } finally {
    src.close();
  }
}

/**
 * Raw better-sqlite3: prepared positional INSERTs per table, one transaction, foreign keys on,
 * into an empty province database (its schema, triggers included; `dropAuditTriggers` removes
 * the audit-trail triggers first, to show what they cost).
 */
async function rawInsert(dir: string, data: ReturnType<typeof sourceRows>, dropAuditTriggers = false): Promise<{ ms: number; rows: number; dropped: number }> {
  const setup = await provinceCore(dir);
  const file = setup.ctx.conn.path;
  setup.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  let dropped = 0;
  if (dropAuditTriggers) {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name <> 'audit_log' AND sql LIKE '%audit_log%'").pluck().all() as string[];
    for (const n of names) db.exec(`DROP TRIGGER "${n}"`);
    dropped = names.length;
  }
  const stmts = data.map((d) => db.prepare(`INSERT INTO "${d.table}" (${d.cols.map((c) => `"${c}"`).join(', ')}) VALUES (${d.cols.map(() => '?').join(', ')})`));
  let rows = 0;
  const t0 = nowMs();
  db.transaction(() => {
    data.forEach((d, i) => {
      for (const r of d.rows) stmts[i]!.run(r);
      rows += d.rows.length;
    });
  })();
  const ms = nowMs() - t0;
  db.close();
  return { ms, rows, dropped };
}

const id = 'exchange.bundle';

/** Export, verify, preview, apply, the apply's steps and the raw insert. */
async function measure(env: BenchEnv, root: string): Promise<BenchRow[]> {
  const officeDir = path.join(root, 'office');
  const usb = path.join(root, 'usb');
  fs.mkdirSync(usb, { recursive: true });
  // a copy of the office's database and its stored files (documents, evidence)
  fs.mkdirSync(officeDir, { recursive: true });
  fs.copyFileSync(env.dbPath, path.join(officeDir, 'tdkt.sqlite'));
  const files = path.join(path.dirname(env.dbPath), 'attachments');
  if (fs.existsSync(files)) fs.cpSync(files, path.join(officeDir, 'attachments'), { recursive: true });
  const rows: BenchRow[] = [];

  const office = await createCore({ dbPath: path.join(officeDir, 'tdkt.sqlite'), host: 'cli' });
  let bundlePath: string;
  let records = 0;
  try {
    env.log('  export …');
    const exp = await time(() => office.invoke('exchange.exportBundle', { kind: 'full', folder: usb }));
    bundlePath = exp.value.path!;
    records = exp.value.counts.reduce((s, c) => s + c.count, 0);
    const biggest = [...exp.value.counts].sort((a, b) => b.count - a.count).slice(0, 3).map((c) => `${c.entity} ${c.count.toLocaleString('en')}`).join(', ');
    rows.push({
      case: id,
      metric: `export 'full' to a folder (collect, validate, write, read back and verify): ${records.toLocaleString('en')} records, bundle ${mb(exp.value.sizeBytes)}`,
      value: exp.ms,
      unit: 'ms',
      note: `${biggest}; source database ${mb(fs.statSync(env.dbPath).size)}`,
    });
  } finally {
    office.close();
  }

  const source = { path: bundlePath, fileName: path.basename(bundlePath) };
  const province = await provinceCore(path.join(root, 'province'));
  let written = 0;
  let applyMs = 0;
  try {
    env.log('  verify, preview, apply …');
    const verify = await time(() => province.invoke('exchange.verify', source));
    rows.push({ case: id, metric: `exchange.verify in an empty province database (${verify.value.entryCount} entries, ${mb(verify.value.totalSize)} uncompressed)`, value: verify.ms, unit: 'ms' });
    const preview = await time(() => province.invoke('exchange.preview', source));
    rows.push({ case: id, metric: `exchange.preview (verify + compare: ${preview.value.totals.new.toLocaleString('en')} new, ${preview.value.conflicts.length} conflicts)`, value: preview.ms, unit: 'ms' });
    const apply = await time(() => province.invoke('exchange.apply', source));
    written = apply.value.written;
    applyMs = apply.ms;
    rows.push({
      case: id,
      metric: `exchange.apply (re-verify, compare, store files, write ${written.toLocaleString('en')} rows in one transaction)`,
      value: apply.ms,
      unit: 'ms',
      note: `${perSec(written, apply.ms)}; province database ${mb(fs.statSync(province.ctx.conn.path).size)}`,
    });
  } finally {
    province.close();
  }

  // memory: the CLI verifying, then importing, in processes of their own (the peak of each)
  env.log('  memory (CLI) …');
  const cliDir = path.join(root, 'province-cli');
  (await provinceCore(cliDir)).close();
  for (const [what, args] of [
    ['verify', ['bundle', 'verify', bundlePath]],
    ['import', ['bundle', 'import', bundlePath]],
  ] as const) {
    const peak = cliPeak(env, root, path.join(cliDir, 'tdkt.sqlite'), [...args]);
    rows.push({
      case: id,
      metric: `  peak memory of \`tdkt bundle ${what}\` (a process of its own; the import also brings the eligibility run up to date)`,
      value: peak.mb,
      unit: 'MB',
      note: `${(peak.ms / 1000).toFixed(1)} s, exit ${peak.status}`,
    });
  }

  // the apply's parts, on a second empty province database (what the handler runs, step by step)
  env.log('  apply, step by step …');
  const second = await provinceCore(path.join(root, 'province-2'));
  let writeMs = 0;
  try {
    const src = fileSource(bundlePath);
    try {
      const read = await time(() => scanBundle(src, { selfOfficeId: second.ctx.officeId }));
      const plan = await time(() => planMerge(second.ctx.conn.sqlite, src, { selfOfficeId: second.ctx.officeId }));
      const store = await time(async () => {
        for (const kp of plan.value.kinds) {
          if (!kp.kind.files) continue;
          const paths = new Set<string>();
          for (const [fid, ps] of kp.files) if (writesUnder(kp, fid, new Map())) for (const p of ps) paths.add(p);
          const fl = [];
          for (const p of paths) fl.push({ path: p, bytes: await plan.value.bundle.readFile(p) });
          await kp.kind.files.store(fl, { dataDir: path.dirname(second.ctx.conn.path) });
        }
      });
      const write = await time(() => applyPlan(second.ctx.conn.sqlite, plan.value, new Map(), { fileName: source.fileName, appliedAt: new Date().toISOString() }));
      writeMs = write.ms;
      rows.push(
        { case: id, metric: '  apply step: read, inflate, hash-check and validate (scanBundle; what the plan does as it compares)', value: read.ms, unit: 'ms', note: partsNote(read.value.manifest) },
        { case: id, metric: '  apply step: read and compare with the database, part by part (planMerge)', value: plan.ms, unit: 'ms' },
        { case: id, metric: '  apply step: store carried files', value: store.ms, unit: 'ms' },
        { case: id, metric: `  apply step: read the parts again and write (applyPlan, ${write.value.written.toLocaleString('en')} rows + record states + history)`, value: write.ms, unit: 'ms', note: perSec(write.value.written, write.ms) },
      );
    } finally {
      src.close();
    }
  } finally {
    second.close();
  }

  env.log('  raw insert …');
  const data = sourceRows(env.dbPath);
  const raw = await rawInsert(path.join(root, 'raw'), data);
  rows.push({ case: id, metric: `raw better-sqlite3 bulk insert of the same ${raw.rows.toLocaleString('en')} rows (prepared positional INSERT, one transaction, FKs on)`, value: raw.ms, unit: 'ms', note: perSec(raw.rows, raw.ms) });
  const bare = await rawInsert(path.join(root, 'raw-no-audit'), data, true);
  if (bare.dropped > 0) {
    rows.push({ case: id, metric: `  the same raw insert with the ${bare.dropped} audit-trail triggers dropped (what they cost)`, value: bare.ms, unit: 'ms', note: perSec(bare.rows, bare.ms) });
  }
  const ratio = (appMs: number) => raw.rows / (raw.ms / 1000) > 0 ? written / (appMs / 1000) / (raw.rows / (raw.ms / 1000)) : NaN;
  const e2e = ratio(applyMs);
  rows.push({ case: id, metric: 'import throughput / raw insert throughput: exchange.apply end to end', value: e2e, unit: '×', aim: '≥ 0.5 ×', ok: e2e >= 0.5 });
  rows.push({ case: id, metric: '  … the write step alone (applyPlan)', value: ratio(writeMs), unit: '×' });
  return rows;
}

/** Run the CLI in a process of its own; its peak resident memory is read as it exits. */
function cliPeak(env: BenchEnv, root: string, db: string, args: string[]): { mb: number; ms: number; status: number | null } {
  const out = path.join(root, 'max-rss.txt');
  const probe = path.join(root, 'max-rss.cjs');
  fs.writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`);
  const t0 = nowMs();
  const r = spawnSync(process.execPath, ['--require', probe, path.join(env.distDir, '..', 'bin', 'tdkt.cjs'), '--db', db, ...args], { stdio: 'ignore' });
  const ms = nowMs() - t0;
  return { mb: Number(fs.readFileSync(out, 'utf8')) / 1024, ms, status: r.status };
}

/** How the data was cut: parts of the split kinds, the largest data part. */
function partsNote(m: Manifest): string {
  const data = m.entries.filter((e) => e.path.startsWith('data/'));
  const largest = data.reduce((a, b) => (b.size > a.size ? b : a));
  const split = Object.entries(m.parts ?? {}).map(([k, p]) => `${k} ${p.length} parts`);
  return `${data.length} data parts (${split.join(', ') || 'none split'}), largest ${largest.path} ${mb(largest.size)}`;
}

export const exchangeCase: BenchCase = {
  id,
  title: 'Xuất / nhập gói dữ liệu trao đổi (USB)',
  // as the hosts run the core
  inWorker: true,
  async run(env) {
    return measure(env, path.join(env.workDir, 'exchange'));
  },
};
