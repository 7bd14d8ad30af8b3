// The lists an office files each year, at province scale: the register of everyone the year's
// decisions award (records.decisionsExport) and the statistics forms of TT 02/2023/TT-BNV
// (records.periodicStats), through the core as the hosts call them; the longest a call to the
// core waited meanwhile (the lists yield every 2,000 rows; exceljs writes the file in one go).
import { createCore } from '../../electron/core/core';
import { RECORD_YEARS } from '../dataset';
import type { BenchCase, BenchRow } from '../registry';
import { heldFor, median } from '../stats';

const RUNS = 3;

export const yearlyListsCase: BenchCase = {
  id: 'records.yearly-lists',
  title: 'Danh sách khen thưởng của năm, biểu thống kê TT 02/2023',
  inWorker: true,
  async run(env) {
    const core = await createCore({ dbPath: env.dbPath, host: 'cli' });
    try {
      const year = RECORD_YEARS.to;
      const timed = async (call: () => Promise<{ base64: string }>) => {
        const ms: number[] = [];
        let gap = 0;
        let size = 0;
        for (let i = 0; i < RUNS; i++) {
          const held = await heldFor(async () => (size = Buffer.from((await call()).base64, 'base64').length));
          ms.push(held.wallMs);
          gap = Math.max(gap, held.longestMs);
        }
        return { ms: median(ms), gap, kb: Math.round(size / 1024) };
      };
      const decisions = await core.invoke('records.listDecisions', { year, search: '' });
      const rows = decisions.reduce((n, d) => n + d.recipientCount, 0);
      const register = await timed(() => core.invoke('records.decisionsExport', { year, search: '' }));
      const periodic = await timed(() => core.invoke('records.periodicStats', { year }));
      const out: BenchRow[] = [
        {
          case: this.id,
          metric: `the register of awards ${year} (records.decisionsExport: ${rows.toLocaleString('en')} rows, ${decisions.length.toLocaleString('en')} decisions) — median of ${RUNS}`,
          value: register.ms,
          unit: 'ms',
          note: `${register.kb.toLocaleString('en')} KB; the longest wait of another call ${register.gap.toFixed(0)} ms`,
        },
        {
          case: this.id,
          metric: `the statistics forms ${year} (records.periodicStats: 0601–0603.N and the people counted) — median of ${RUNS}`,
          value: periodic.ms,
          unit: 'ms',
          note: `${periodic.kb.toLocaleString('en')} KB; the longest wait of another call ${periodic.gap.toFixed(0)} ms`,
        },
      ];
      return out;
    } finally {
      core.close();
    }
  },
};
