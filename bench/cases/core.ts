// Core-side cases: opening the database, staff search in the core and in the repository,
// bulk insert (raw better-sqlite3 vs the app's import path).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection';
import { newId, nowIso } from '../../db/ids';
import { bulkInsertStaff, queryStaff } from '../../db/repositories/staff';
import { createCore } from '../../electron/core/core';
import { foldVi } from '../../shared/text/vn';
import { insertUnits } from '../populate';
import { aimBelow, type BenchCase } from '../registry';
import { max, median, nowMs, percentile } from '../stats';

export const openCase: BenchCase = {
  id: 'db.open',
  title: 'Mở cơ sở dữ liệu',
  async run(env) {
    const raw: number[] = [];
    const core: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = nowMs();
      openDatabase(env.dbPath).close();
      raw.push(nowMs() - t0);
    }
    for (let i = 0; i < 5; i++) {
      const t0 = nowMs();
      const c = await createCore({ dbPath: env.dbPath, host: 'cli' });
      core.push(nowMs() - t0);
      c.close();
    }
    const mb = fs.statSync(env.dbPath).size / 1024 / 1024;
    return [
      { case: 'db.open', metric: `openDatabase (pragmas, migration check), ${mb.toFixed(1)} MB file — median`, value: median(raw), unit: 'ms' },
      { case: 'db.open', metric: 'createCore (open + office id) — median', value: median(core), unit: 'ms' },
    ];
  },
};

export const searchCase: BenchCase = {
  id: 'staff.search',
  title: 'Tìm cán bộ (30.000 người)',
  async run(env) {
    const c = await createCore({ dbPath: env.dbPath, host: 'cli' });
    try {
      const queries = env.dataset.queries;
      const first = nowMs();
      await c.invoke('staff.list', { search: queries[0] });
      const firstMs = nowMs() - first;
      const coreMs: number[] = [];
      const rawMs: number[] = [];
      let hits = 0;
      for (const q of queries) {
        const t0 = nowMs();
        const r = await c.invoke('staff.list', { search: q });
        coreMs.push(nowMs() - t0);
        hits += r.total;
      }
      // what the staff page asks on each keystroke: the first window of 200
      const pageMs: number[] = [];
      for (const q of queries) {
        const t0 = nowMs();
        await c.invoke('staff.list', { search: q, offset: 0, limit: 200 });
        pageMs.push(nowMs() - t0);
      }
      for (const q of queries) {
        const t0 = nowMs();
        await queryStaff(c.ctx.db, { searchKey: foldVi(q), unitIds: null, status: 'dang_cong_tac' });
        rawMs.push(nowMs() - t0);
      }
      const allMs: number[] = [];
      let total = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = nowMs();
        total = (await c.invoke('staff.list', {})).total;
        allMs.push(nowMs() - t0);
      }
      const avgHits = Math.round(hits / queries.length);
      return [
        { case: 'staff.search', metric: `first search after open (builds the search index)`, value: firstMs, unit: 'ms' },
        aimBelow({ case: 'staff.search', metric: `core staff.list {search}, ${queries.length} queries (avg ${avgHits} hits) — p50`, value: percentile(coreMs, 50), unit: 'ms' }, 2),
        aimBelow({ case: 'staff.search', metric: 'core staff.list {search} — p95', value: percentile(coreMs, 95), unit: 'ms' }, 2),
        { case: 'staff.search', metric: 'core staff.list {search} — max', value: max(coreMs), unit: 'ms' },
        { case: 'staff.search', metric: 'core staff.list {search, limit: 200} as the page asks — p50', value: percentile(pageMs, 50), unit: 'ms' },
        aimBelow({ case: 'staff.search', metric: 'core staff.list {search, limit: 200} as the page asks — p95', value: percentile(pageMs, 95), unit: 'ms' }, 2),
        { case: 'staff.search', metric: 'repository queryStaff (SQL LIKE, unsorted) — p50', value: percentile(rawMs, 50), unit: 'ms' },
        { case: 'staff.search', metric: 'repository queryStaff — p95', value: percentile(rawMs, 95), unit: 'ms' },
        { case: 'staff.search', metric: `core staff.list, no search (${total} rows) — median`, value: median(allMs), unit: 'ms' },
      ];
    } finally {
      c.close();
    }
  },
};

/** Words a clerk types in "Tìm nhanh" beside people's names: units, tasks, decisions, dossiers. */
const QUICK_WORDS = ['tai chinh', 'van phong', 'bao cao quy', 'bang khen', 'qd-ubnd', 'kh', 'thi dua', 'tham dinh ho so', 'lao dong tien tien', 'so noi vu', 'trung tam 2', 'chien si thi dua'];

export const quickSearchCase: BenchCase = {
  id: 'search.quick',
  title: 'Tìm nhanh (Ctrl+K): người, đơn vị, kế hoạch, nhiệm vụ, quyết định, hồ sơ',
  async run(env) {
    const c = await createCore({ dbPath: env.dbPath, host: 'cli' });
    try {
      // the first query reads the lists it keeps (units, two years of tasks, every decision)
      const t0 = nowMs();
      await c.invoke('search.all', { query: QUICK_WORDS[0] });
      const firstMs = nowMs() - t0;
      const queries = [...env.dataset.queries.slice(0, 100), ...QUICK_WORDS];
      const ms: number[] = [];
      let kinds = 0;
      for (const q of queries) {
        const t = nowMs();
        const r = await c.invoke('search.all', { query: q });
        ms.push(nowMs() - t);
        kinds += r.groups.length;
      }
      const label = `${queries.length} queries (${queries.length - QUICK_WORDS.length} people's names, ${QUICK_WORDS.length} words of units, tasks, decisions, dossiers; avg ${(kinds / queries.length).toFixed(1)} kinds found)`;
      return [
        { case: 'search.quick', metric: 'first query after open (reads the lists it keeps)', value: firstMs, unit: 'ms' },
        { case: 'search.quick', metric: `core search.all, ${label} — p50`, value: percentile(ms, 50), unit: 'ms' },
        { case: 'search.quick', metric: 'core search.all — p95', value: percentile(ms, 95), unit: 'ms' },
        { case: 'search.quick', metric: 'core search.all — max', value: max(ms), unit: 'ms' },
      ];
    } finally {
      c.close();
    }
  },
};

const INSERT_SQL = `INSERT INTO staff (id, origin_office_id, created_at, updated_at, deleted_at,
  full_name, name_key, gender, birth_date, unit_id, position, category, is_leader, employment_start, employment_end, status, note)
  VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const insertCase: BenchCase = {
  id: 'staff.insert',
  title: 'Ghi hàng loạt 30.000 cán bộ',
  async run(env) {
    const runs = 3;
    const rawMs: number[] = [];
    const appMs: number[] = [];
    let n = 0;
    for (let i = 0; i < runs; i++) {
      // raw: the same rows (same units, foreign keys on), a prepared positional INSERT with
      // ids and columns prepared beforehand, one transaction
      {
        const file = path.join(env.workDir, `raw-${i}.sqlite`);
        const setup = await createCore({ dbPath: file, host: 'cli' });
        const staff = await insertUnits(setup, env.dataset);
        const office = setup.ctx.officeId;
        setup.close();
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        const now = nowIso();
        const rows = staff.map((s) => [
          newId(), office, now, now, s.fullName, s.nameKey, s.gender, s.birthDate, s.unitId, s.position, s.category,
          s.isLeader ? 1 : 0, s.employmentStart, s.employmentEnd, s.status, s.note,
        ]);
        const stmt = db.prepare(INSERT_SQL);
        const t0 = nowMs();
        db.transaction(() => {
          for (const r of rows) stmt.run(r);
        })();
        rawMs.push(nowMs() - t0);
        db.close();
      }
      // the app: units through the repository, then bulkInsertStaff on a core's connection
      {
        const file = path.join(env.workDir, `app-${i}.sqlite`);
        const c = await createCore({ dbPath: file, host: 'cli' });
        const staff = await insertUnits(c, env.dataset);
        await c.invoke('staff.list', { search: 'a' }); // the live app has searched before it imports
        const t0 = nowMs();
        n = bulkInsertStaff(c.ctx.conn.sqlite, c.ctx.officeId, staff);
        appMs.push(nowMs() - t0);
        c.close();
      }
    }
    const raw = median(rawMs);
    const app = median(appMs);
    return [
      { case: 'staff.insert', metric: `raw better-sqlite3, ${n} rows, one transaction — median of ${runs}`, value: raw, unit: 'ms', note: `${Math.round(n / (raw / 1000)).toLocaleString('en')} rows/s` },
      { case: 'staff.insert', metric: `app import path bulkInsertStaff (incl. the search index's change trigger) — median of ${runs}`, value: app, unit: 'ms', note: `${Math.round(n / (app / 1000)).toLocaleString('en')} rows/s` },
      { case: 'staff.insert', metric: 'ratio app / raw', value: app / raw, unit: '×' },
    ];
  },
};
