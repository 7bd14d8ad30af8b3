// The automatic backup at start on the province database: how long it takes, and how long it
// holds the core — the longest the event loop went without a turn while it ran (a call
// arriving then waits that long). The copy, check and fsync run on a thread of their own. For
// comparison, as before: the core's own online backup (100 pages a turn, but SQLite syncs the
// new file in the last step), then the check and the fsync in the core's thread.
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/core';
import { createBackup, checkBackupFile, defaultSteps, type BackupSteps } from '../../electron/services/backup';
import type { BenchCase, BenchRow } from '../registry';
import { heldFor } from '../stats';


/** The copy (the core's online backup), the check and the fsync in the core's own thread. */
const inCoreThread: Partial<BackupSteps> = {
  check: async (ctx, file, label, o) => {
    if (o.copyFrom) await defaultSteps.copy(ctx, file);
    const report = checkBackupFile(ctx.openFile, file, label, true, o.quick);
    o.fsync(file);
    return report;
  },
};

export const backupCase: BenchCase = {
  id: 'backup.start',
  title: 'Sao lưu tự động khi khởi động (cơ sở dữ liệu cấp tỉnh)',
  inWorker: true,
  async run(env) {
    const id = 'backup.start';
    const core = await createCore({ dbPath: env.dbPath, host: 'cli' });
    const rows: BenchRow[] = [];
    try {
      const mb = (fs.statSync(env.dbPath).size / 1024 / 1024).toFixed(0);
      const dir = path.join(env.workDir, 'backups-bench');
      fs.mkdirSync(dir, { recursive: true });
      const runs: Array<[string, Partial<BackupSteps>]> = [
        ['copy, check and fsync on their own thread (now)', {}],
        ['copy stepped between calls, check and fsync in the core thread (before)', inCoreThread],
      ];
      for (const [what, steps] of runs) {
        let file = '';
        const r = await heldFor(async () => {
          // reason 'start' (quick check); into a folder of its own so the pruning of the real folder is not timed
          file = (await createBackup(core.ctx, { reason: 'start', destDir: dir, steps: { ...defaultSteps, ...steps } })).path;
        });
        fs.rmSync(file, { force: true });
        rows.push({
          case: id,
          metric: `automatic backup at start of the ${mb} MB database, ${what} — wall / the longest the core was held`,
          value: r.wallMs,
          unit: 'ms',
          note: `held at most ${r.longestMs.toFixed(0)} ms`,
        });
      }
    } finally {
      core.close();
    }
    return rows;
  },
};
