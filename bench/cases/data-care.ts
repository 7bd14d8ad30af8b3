// Keeping the records clean at province scale: "Tìm người trùng" (staff.duplicates over 27,500
// people), the Thùng rác listing hundreds of deletions (trash.list), restoring a decision with its
// recipients, merging one person entered twice (staff.merge), and 1,000 people ticked on the staff
// list moved, deleted and brought back at once (staff.bulkMove, staff.bulkDelete, trash.restoreMany). On a copy of the database:
// the deletions and the merge must not change what the other cases measure.
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import type { BenchCase, BenchRow } from '../registry';
import { median, time } from '../stats';

const RUNS = 5;

export const dataCareCase: BenchCase = {
  id: 'records.data-care',
  title: 'Thùng rác, gộp cán bộ trùng',
  inWorker: true,
  async run(env) {
    const dbPath = path.join(env.workDir, 'data-care.sqlite');
    fs.copyFileSync(env.dbPath, dbPath);
    const core = await createCore({ dbPath, host: 'cli' });
    try {
      const sql = core.ctx.conn.sqlite;
      const runs = async <T>(fn: () => Promise<T>) => {
        const ms: number[] = [];
        let value!: T;
        for (let i = 0; i < RUNS; i++) {
          const t = await time(fn);
          ms.push(t.ms);
          value = t.value;
        }
        return { ms: median(ms), value };
      };
      const dup = await runs(() => core.invoke('staff.duplicates'));
      const people = dup.value.groups.reduce((n, g) => n + g.people.length, 0);

      // a busy year's deletions: 200 people, 100 initiatives, 20 decisions with their recipients
      const ids = (q: string) => sql.prepare(q).pluck().all() as string[];
      for (const id of ids('SELECT id FROM staff WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT 200')) await core.invoke('staff.delete', { id });
      for (const id of ids('SELECT id FROM initiative WHERE deleted_at IS NULL ORDER BY rowid LIMIT 100')) await core.invoke('records.deleteInitiative', { id });
      const decisions = ids("SELECT id FROM award_decision WHERE deleted_at IS NULL AND batch_key IS NULL ORDER BY rowid LIMIT 20");
      for (const id of decisions) await core.invoke('records.deleteDecision', { id });
      const list = await runs(() => core.invoke('trash.list'));
      const biggest = list.value.items.filter((i) => i.kind === 'decision').sort((a, b) => b.parts - a.parts)[0]!;
      const restore = await time(() => core.invoke('trash.restore', { kind: 'decision', id: biggest.id }));

      // one person entered twice: a record made again for the person holding the most, half their
      // years and awards typed on it (as two imports leave them), merged back
      const holder = sql
        .prepare("SELECT staff_id FROM award_recipient WHERE deleted_at IS NULL AND subject_kind = 'person' GROUP BY staff_id ORDER BY COUNT(*) DESC LIMIT 1")
        .pluck()
        .get() as string;
      const h = await core.invoke('staff.get', { id: holder });
      const twin = await core.invoke('staff.create', { fullName: h.fullName, birthDate: h.birthDate, gender: h.gender, unitId: h.unitId });
      sql.prepare('UPDATE person_year SET staff_id = ? WHERE staff_id = ? AND year % 2 = 1').run(twin.id, holder);
      sql
        .prepare('UPDATE award_recipient SET staff_id = ? WHERE staff_id = ? AND decision_id IN (SELECT id FROM award_decision WHERE year % 2 = 1)')
        .run(twin.id, holder);
      const merge = await time(() => core.invoke('staff.merge', { keepId: holder, mergeIds: [twin.id] }));

      // 1,000 people ticked (the header's box over a unit's list, or a search): the ids, a move to
      // another unit with the year's records, a deletion and its undo
      const BULK = 1000;
      // the first after the writes above rebuilds the staff search index; then from the index
      const cold = await time(() => core.invoke('staff.ids', {}));
      const all = await runs(() => core.invoke('staff.ids', {}));
      const ticked = all.value.ids.filter((_, i) => i % 27 === 0).slice(0, BULK);
      const target = (await core.invoke('units.list', {})).filter((u) => u.active).at(-1)!;
      const move = await time(() => core.invoke('staff.bulkMove', { ids: ticked, unitId: target.id }));
      const del = await time(() => core.invoke('staff.bulkDelete', { ids: ticked }));
      const undo = await time(() => core.invoke('trash.restoreMany', { items: del.value.ids.map((id) => ({ kind: 'staff' as const, id })) }));
      const rows: BenchRow[] = [
        {
          case: this.id,
          metric: `"Tìm người trùng": staff.duplicates over the office's people — median of ${RUNS}`,
          value: dup.ms,
          unit: 'ms',
          note: `${dup.value.groups.length} groups, ${people} records (namesakes born the same day)`,
        },
        { case: this.id, metric: `Thùng rác: trash.list with ${list.value.total} deletions — median of ${RUNS}`, value: list.ms, unit: 'ms' },
        { case: this.id, metric: `trash.restore of a decision with its ${restore.value.parts} recipients`, value: restore.ms, unit: 'ms' },
        {
          case: this.id,
          metric: `staff.merge of one person entered twice (${Object.values(merge.value.moved).reduce((n, x) => n + x, 0)} records moved)`,
          value: merge.ms,
          unit: 'ms',
        },
        {
          case: this.id,
          metric: `staff.ids of every person at work (the header's box: ${all.value.ids.length.toLocaleString('en')} ids) — median of ${RUNS}`,
          value: all.ms,
          unit: 'ms',
          note: `the first after writes (the search index rebuilt): ${cold.ms.toFixed(0)} ms`,
        },
        {
          case: this.id,
          metric: `${ticked.length.toLocaleString('en')} people ticked: staff.bulkMove to one unit / staff.bulkDelete / trash.restoreMany (the "Hoàn tác")`,
          value: move.ms,
          unit: 'ms',
          note: `${move.value.moved.toLocaleString('en')} moved; ${del.ms.toFixed(0)} / ${undo.ms.toFixed(0)} ms, ${undo.value.restored.toLocaleString('en')} restored`,
        },
      ];
      return rows;
    } finally {
      core.close();
      fs.rmSync(dbPath, { force: true });
      for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
    }
  },
};
