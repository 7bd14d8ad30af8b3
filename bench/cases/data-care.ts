// Keeping the records clean at province scale: "Tìm người trùng" (staff.duplicates over 27,500
// people), the Thùng rác listing hundreds of deletions (trash.list), restoring a decision with its
// recipients, and merging one person entered twice (staff.merge). On a copy of the database:
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
      ];
      return rows;
    } finally {
      core.close();
      fs.rmSync(dbPath, { force: true });
      for (const s of ['-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
    }
  },
};
