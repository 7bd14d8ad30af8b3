// Crash safety (issue 7, part 2): a child process runs a long write through the real core —
// (a) a large staff Excel import, (b) a large exchange bundle apply — and is killed with
// SIGKILL at a random moment. The database must then open clean (integrity_check ok, no
// foreign key violations) and hold ALL of the operation or NONE of it.
//
// Kill moments (seeded, print the seed; TDKT_CRASH_SEED=… replays the schedule — the
// machine's timing still varies):
//   "whole" trials: uniform over [0, 1.15 × D], D = the operation's measured duration
//                   (START → DONE of two calibration runs). The child never exits on its own,
//                   so a late kill still kills a process holding the database open.
//   "write" trials: uniform over [0, 1.3 × T] after the child says WRITE (the first 'write'
//                   progress, right before the transaction), T = the measured WRITE → DONE
//                   time: kills inside the SQLite transaction, some just after its commit.
// Every trial starts from a copy of a pre-built "before" database. The child is
// crash-child.ts bundled with esbuild; loading it takes about as long as the operation, so
// the next trial's child loads (and waits for GO) while the current one runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { checkIntegrity } from '../../db/connection';
import { bulkInsertStaff, type StaffFields } from '../../db/repositories/staff';
import { foldVi } from '../../shared/text/vn';
import { OFFICE } from '../support/core';
import { makeRng, seedFrom, type Rng } from './prng';

const ROOT = path.resolve(__dirname, '../..');
/** rows in the staff workbook (a) */
const N_STAFF = 5_000;
/** staff carried by the bundle (b) */
const N_BUNDLE = 5_000;
/** staff already in the "before" databases */
const N_EXISTING = 300;
const UNIT_NAMES = Array.from({ length: 8 }, (_, i) => `Phòng Nghiệp vụ ${i + 1}`);
// the bundle apply is the cheaper operation: it gets more of the trials
const TRIALS: Record<Mode, { whole: number; write: number }> = {
  staff: { whole: 12, write: 8 },
  bundle: { whole: 19, write: 13 },
};

type Mode = 'staff' | 'bundle';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Xuân', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh'];

function person(i: number, baseYear: number) {
  const name = `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[Math.floor(i / SURNAMES.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / 120) % GIVEN.length]}`;
  // one birth date per row: (name, birth date) never repeats
  const birth = new Date(Date.UTC(baseYear, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  return { name, birth, gender: i % 2 ? ('nu' as const) : ('nam' as const), unit: UNIT_NAMES[i % UNIT_NAMES.length]! };
}

function staffFields(i: number, baseYear: number, unitIds: Map<string, string>): StaffFields {
  const p = person(i, baseYear);
  return {
    fullName: p.name,
    nameKey: foldVi(p.name),
    gender: p.gender,
    birthDate: p.birth,
    unitId: unitIds.get(p.unit)!,
    position: i % 40 === 0 ? 'Trưởng phòng' : 'Chuyên viên',
    category: 'CC',
    isLeader: i % 40 === 0,
    employmentStart: '2010-01-01',
    employmentEnd: null,
    status: 'dang_cong_tac',
    note: '',
  };
}

async function createUnits(core: Core): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of UNIT_NAMES) ids.set(name, (await core.invoke('units.create', { name })).id);
  return ids;
}

/** Close a core leaving one self-contained file (no -wal) to copy per trial. */
function closeClean(core: Core) {
  core.ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
}

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

interface ChildRun {
  /** ms after START when each line arrived */
  write: number | null;
  done: number | null;
  fail: string | null;
  killedAt: number | null;
  stderr: string;
}

let work: string;
let childJs: string;
const before: Record<Mode, string> = { staff: '', bundle: '' };
const input: Record<Mode, string> = { staff: '', bundle: '' };
let bundleOfficeId = '';
let bundleId = '';
/** kill functions of children still running (afterAll ends them if a trial failed) */
const live = new Set<() => void>();

interface KillAt {
  from: 'start' | 'write';
  ms: number;
}

interface Spawned {
  /** resolves when the child has loaded and opened its database */
  ready: Promise<void>;
  /** send GO; kill the child `kill.ms` after START or WRITE (null: right after DONE) */
  run(kill: KillAt | null): Promise<ChildRun>;
}

/** Start a child on `db`; it loads and waits for run(). */
function spawnChild(mode: Mode, db: string): Spawned {
  const child = spawn(process.execPath, [childJs, mode, db, input[mode]], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  const run: ChildRun = { write: null, done: null, fail: null, killedAt: null, stderr: '' };
  let killAt: KillAt | null = null;
  let t0 = 0;
  let buf = '';
  let timer: NodeJS.Timeout | null = null;
  let onReady!: () => void;
  let onFail!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    onReady = res;
    onFail = rej;
  });
  const kill = () => {
    if (run.killedAt === null && child.exitCode === null && child.signalCode === null) {
      run.killedAt = performance.now() - t0;
      child.kill('SIGKILL');
    }
  };
  const guard = setTimeout(kill, 90_000);
  live.add(kill);
  ready.catch(() => {}); // awaited by the caller; a child left over after a failure must not add an unhandled rejection
  const exited = new Promise<ChildRun>((resolve) => {
    // 'close', not 'exit': every line the child wrote has been read by then
    child.on('close', () => {
      live.delete(kill);
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      onFail(new Error(`the child exited before READY: ${run.fail ?? ''} ${run.stderr}`));
      resolve(run);
    });
  });
  child.on('error', (e) => onFail(e));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const now = performance.now();
      if (line === 'READY') onReady();
      else if (line === 'START') {
        t0 = now;
        if (killAt?.from === 'start') timer = setTimeout(kill, killAt.ms);
      } else if (line === 'WRITE') {
        run.write = now - t0;
        if (killAt?.from === 'write') timer = setTimeout(kill, killAt.ms);
      } else if (line.startsWith('DONE')) {
        run.done = now - t0;
        if (killAt === null) kill();
      } else if (line.startsWith('FAIL')) {
        run.fail = line;
        kill();
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c: string) => (run.stderr += c));
  child.stdin.on('error', () => {}); // EPIPE after a kill
  return {
    ready,
    run(at) {
      killAt = at;
      child.stdin.write('GO\n');
      return exited;
    },
  };
}

type Outcome = 'all' | 'none' | 'half' | 'corrupt';

interface Check {
  outcome: Outcome;
  detail: string;
}

/** Open the killed child's database (WAL recovery) and classify it. */
function inspect(mode: Mode, file: string, countsBefore: Record<string, number>, countsAfter: Record<string, number>): Check {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (e) {
    return { outcome: 'corrupt', detail: `cannot open: ${(e as Error).message}` };
  }
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const fk = db.pragma('foreign_key_check') as unknown[];
    const report = checkIntegrity(db);
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok' || fk.length !== 0 || !report.ok) {
      return { outcome: 'corrupt', detail: `integrity ${JSON.stringify(integrity.slice(0, 5))}, foreign keys ${fk.length}` };
    }
    const counts: Record<string, number> = {};
    for (const name of Object.keys(countsBefore)) counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    const same = (ref: Record<string, number>) => Object.keys(ref).every((k) => counts[k] === ref[k]);
    const q = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    if (mode === 'staff') {
      const staff = counts.staff!;
      const isNone = same(countsBefore) && staff === countsBefore.staff;
      const isAll = same(countsAfter) && staff === countsBefore.staff! + N_STAFF && q('SELECT COUNT(DISTINCT name_key || birth_date) AS n FROM staff') === staff;
      if (isNone) return { outcome: 'none', detail: `staff ${staff}` };
      if (isAll) return { outcome: 'all', detail: `staff ${staff}` };
      return { outcome: 'half', detail: `staff ${staff} (before ${countsBefore.staff}, all ${countsAfter.staff}); counts ${JSON.stringify(counts)}` };
    }
    // the bundle: nothing from it, or everything it carries, and the history says which
    const parts = {
      office: q('SELECT COUNT(*) AS n FROM office WHERE id = ?', bundleOfficeId),
      units: q('SELECT COUNT(*) AS n FROM unit WHERE origin_office_id = ?', bundleOfficeId),
      staff: q('SELECT COUNT(*) AS n FROM staff WHERE origin_office_id = ?', bundleOfficeId),
      history: q("SELECT COUNT(*) AS n FROM exchange_history WHERE bundle_id = ? AND direction = 'in' AND status = 'applied'", bundleId),
      received: q('SELECT COUNT(*) AS n FROM exchange_record_state WHERE bundle_id = ?', bundleId),
    };
    const full = { office: 1, units: UNIT_NAMES.length, staff: N_BUNDLE, history: 1, received: 1 + UNIT_NAMES.length + N_BUNDLE };
    const detail = JSON.stringify(parts);
    if (same(countsBefore) && Object.values(parts).every((n) => n === 0)) return { outcome: 'none', detail };
    if (same(countsAfter) && (Object.keys(full) as (keyof typeof full)[]).every((k) => parts[k] === full[k])) return { outcome: 'all', detail };
    return { outcome: 'half', detail: `${detail}; counts ${JSON.stringify(counts)}` };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-crash-'));
  childJs = path.join(work, 'crash-child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'crash-child.ts')],
    outfile: childJs,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    define: { __APP_VERSION__: '"test"' },
  });

  // (a) staff: an office with units and N_EXISTING people; a workbook of N_STAFF new people
  before.staff = path.join(work, 'staff-before.sqlite');
  {
    const core = await createCore({ dbPath: before.staff, host: 'test' });
    await core.invoke('office.save', OFFICE);
    const units = await createUnits(core);
    bulkInsertStaff(core.ctx.conn.sqlite, core.ctx.officeId, Array.from({ length: N_EXISTING }, (_, i) => staffFields(i, 1950, units)));
    closeClean(core);
  }
  input.staff = path.join(work, 'large.xlsx');
  {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.getCell('A1').value = 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC';
    ws.addRow([]);
    ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Đơn vị', 'Chức vụ', 'Đối tượng']);
    for (let i = 0; i < N_STAFF; i++) {
      const p = person(i, 1965);
      const [y, m, d] = p.birth.split('-');
      ws.addRow([i + 1, p.name, `${d}/${m}/${y}`, p.gender === 'nu' ? 'Nữ' : 'Nam', p.unit, i % 40 === 0 ? 'Trưởng phòng' : 'Chuyên viên', 'Công chức']);
    }
    await wb.xlsx.writeFile(input.staff);
  }

  // (b) bundle: another office with units and N_BUNDLE people exports to a folder; the
  // province's "before" database has its own office and a few people
  before.bundle = path.join(work, 'bundle-before.sqlite');
  {
    const office = await createCore({ dbPath: path.join(work, 'office.sqlite'), host: 'test' });
    await office.invoke('office.save', { name: 'Phòng Nội vụ xã Bảo Thắng', levelCode: 'xa', placeName: 'Lào Cai', abbreviation: 'PNVBT' });
    const units = await createUnits(office);
    bulkInsertStaff(office.ctx.conn.sqlite, office.ctx.officeId, Array.from({ length: N_BUNDLE }, (_, i) => staffFields(i, 1960, units)));
    const out = await office.invoke('exchange.exportBundle', { kind: 'office-to-province', targetOfficeId: null, folder: work });
    input.bundle = out.path!;
    bundleId = out.bundleId;
    bundleOfficeId = office.ctx.officeId;
    closeClean(office);

    const province = await createCore({ dbPath: before.bundle, host: 'test' });
    await province.invoke('office.save', { name: 'Sở Nội vụ tỉnh Lào Cai', levelCode: 'so_nganh', placeName: 'Lào Cai', abbreviation: 'SNV' });
    const pu = await createUnits(province);
    bulkInsertStaff(province.ctx.conn.sqlite, province.ctx.officeId, Array.from({ length: N_EXISTING }, (_, i) => staffFields(i, 1950, pu)));
    closeClean(province);
  }
}, 120_000);

afterAll(() => {
  for (const kill of [...live]) kill();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a process killed during a long write leaves ALL or NONE of it', () => {
  it('staff import and bundle apply, SIGKILL at random moments', { timeout: 240_000 }, async () => {
    const seed = seedFrom('TDKT_CRASH_SEED');
    const rng: Rng = makeRng(seed);
    console.log(`[crash] seed ${seed} (replay: TDKT_CRASH_SEED=${seed})`);
    const t0 = performance.now();
    const problems: string[] = [];
    const tally: Record<Mode, Record<'whole' | 'write', Record<Outcome, number>>> = {
      staff: { whole: { all: 0, none: 0, half: 0, corrupt: 0 }, write: { all: 0, none: 0, half: 0, corrupt: 0 } },
      bundle: { whole: { all: 0, none: 0, half: 0, corrupt: 0 }, write: { all: 0, none: 0, half: 0, corrupt: 0 } },
    };
    let trialNo = 0;

    for (const mode of ['staff', 'bundle'] as const) {
      const countsBefore = tableCounts(before[mode]);
      // two calibration runs (complete, killed after DONE) measure D (START → DONE) and the
      // write window; then the trials. The next child loads while the current one runs.
      const kinds: ('cal' | 'whole' | 'write')[] = [
        'cal',
        'cal',
        ...rng.shuffle([...Array<'whole'>(TRIALS[mode].whole).fill('whole'), ...Array<'write'>(TRIALS[mode].write).fill('write')]),
      ];
      const dbs = kinds.map((_, i) => path.join(work, `${mode}-${i}.sqlite`));
      const prepare = (i: number) => {
        fs.copyFileSync(before[mode], dbs[i]!);
        return spawnChild(mode, dbs[i]!);
      };
      const cal: ChildRun[] = [];
      let countsAfter: Record<string, number> = {};
      let D = 0;
      let W = 0;
      let span = 0;
      let next: Spawned | null = prepare(0);
      for (let i = 0; i < kinds.length; i++) {
        const kind = kinds[i]!;
        const cur: Spawned = next!;
        await cur.ready;
        next = i + 1 < kinds.length ? prepare(i + 1) : null;
        const db = dbs[i]!;
        if (kind === 'cal') {
          const r = await cur.run(null);
          expect(r.fail, `${mode} calibration run failed: ${r.fail} ${r.stderr}`).toBeNull();
          expect(r.done, `${mode} calibration run did not finish: ${r.stderr}`).not.toBeNull();
          expect(r.write).not.toBeNull();
          if (i === 0) countsAfter = tableCounts(db);
          const check = inspect(mode, db, countsBefore, countsAfter);
          expect(check.outcome, check.detail).toBe('all');
          cal.push(r);
          if (cal.length === 2) {
            expect(countsAfter.staff).toBe(countsBefore.staff! + (mode === 'staff' ? N_STAFF : N_BUNDLE));
            D = (cal[0]!.done! + cal[1]!.done!) / 2;
            W = (cal[0]!.write! + cal[1]!.write!) / 2;
            span = Math.max(20, D - W);
            console.log(`[crash] ${mode}: operation ${D.toFixed(0)} ms, write phase from ${W.toFixed(0)} ms (${span.toFixed(0)} ms)`);
          }
        } else {
          trialNo++;
          const at: KillAt = kind === 'whole' ? { from: 'start', ms: rng.next() * 1.15 * D } : { from: 'write', ms: rng.next() * 1.3 * span };
          const r = await cur.run(at);
          if (r.fail) problems.push(`#${trialNo} ${mode}: the child failed: ${r.fail} ${r.stderr}`);
          const check = inspect(mode, db, countsBefore, countsAfter);
          tally[mode][kind][check.outcome]++;
          const phase = r.done !== null ? 'after DONE' : r.write !== null ? 'in the write phase' : 'before writing';
          if (check.outcome === 'half' || check.outcome === 'corrupt') {
            problems.push(`#${trialNo} ${mode}/${kind}: killed ${at.ms.toFixed(0)} ms after ${at.from.toUpperCase()} (${phase}): ${check.outcome} — ${check.detail}`);
          }
          // a kill after DONE must find everything; a kill before WRITE must find nothing
          if (r.done !== null && check.outcome !== 'all') problems.push(`#${trialNo} ${mode}: killed after DONE but outcome ${check.outcome}`);
          if (r.write === null && check.outcome !== 'none') problems.push(`#${trialNo} ${mode}: killed before WRITE but outcome ${check.outcome}`);
        }
        for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
      }
    }

    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    for (const mode of ['staff', 'bundle'] as const) {
      for (const kind of ['whole', 'write'] as const) {
        const t = tally[mode][kind];
        console.log(`[crash] ${mode}/${kind}: all ${t.all}, none ${t.none}, half-done ${t.half}, corrupt ${t.corrupt}`);
      }
    }
    console.log(`[crash] ${trialNo} trials in ${secs} s (seed ${seed})`);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(trialNo).toBeGreaterThanOrEqual(50);
    const total = (o: Outcome) => (['staff', 'bundle'] as const).reduce((s, m) => s + tally[m].whole[o] + tally[m].write[o], 0);
    expect(total('all'), 'no trial was killed after the commit: the kill timing is wrong').toBeGreaterThan(0);
    expect(total('none'), 'no trial was killed before the commit: the kill timing is wrong').toBeGreaterThan(0);
  });
});
