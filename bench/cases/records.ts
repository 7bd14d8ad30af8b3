// Award records: the eligibility check for the whole office (30,000 people, 10 years of
// records) for the latest year, end to end through core.invoke and split into the parts
// runEligibility is made of.
import { checkEligibility } from '../../shared/awards';
import { loadHistories } from '../../db/repositories/records';
import { createCore } from '../../electron/core/core';
import { NO_UNIT_ID, runEligibility, validateReport } from '../../electron/services/records/eligibility';
import { readAwardSettings } from '../../electron/services/records/settings';
import { RECORD_YEARS } from '../dataset';
import { OFFICE } from '../office';
import { aimBelow, type BenchCase, type BenchRow } from '../registry';
import { median, nowMs } from '../stats';

const RUNS = 3;

async function timed<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    value = await fn();
    ms.push(nowMs() - t0);
  }
  return { ms: median(ms), value };
}

export const eligibilityCase: BenchCase = {
  id: 'awards.eligibility.office',
  title: 'Kiểm tra điều kiện khen thưởng cho toàn cơ quan (30.000 người)',
  async run(env) {
    const id = 'awards.eligibility.office';
    const year = RECORD_YEARS.to;
    const c = await createCore({ dbPath: env.dbPath, host: 'cli' });
    try {
      const sqlite = c.ctx.conn.sqlite;
      const input = { year, unitId: null };
      const first = await timed(1, () => c.invoke('eligibility.check', input));
      const e2e = await timed(RUNS, () => c.invoke('eligibility.check', input));
      const view = e2e.value;
      // the parts, in the order runEligibility runs them
      const load = await timed(RUNS, () => loadHistories(sqlite, { year, unitIds: null, noUnitId: NO_UNIT_ID }));
      const settings = readAwardSettings(sqlite);
      const check = await timed(RUNS, () =>
        checkEligibility({ year, people: load.value.people, units: load.value.units, settings: settings.provincial, options: { enableDraftAmendment: settings.enableDraftAmendment } }),
      );
      const validate = await timed(RUNS, () => validateReport(check.value));
      const whole = await timed(RUNS, () => runEligibility(sqlite, input, OFFICE.name));
      const rest = whole.ms - load.ms - check.ms - validate.ms;
      // what the hosts add: the worker posts the answer to the host (structured clone); the
      // browser host then sends it as JSON
      const clone = await timed(RUNS, () => structuredClone(view));
      const json = await timed(RUNS, () => JSON.stringify(view));
      const people = view.people.length;
      const ldtt = view.counts.LDTT?.du_dieu_kien ?? 0;
      const cstdcs = view.counts.CSTDCS?.du_dieu_kien ?? 0;
      const years = (sqlite.prepare('SELECT COUNT(*) FROM person_year WHERE deleted_at IS NULL').pluck().get() as number).toLocaleString('en');
      const rows: BenchRow[] = [
        aimBelow(
          {
            case: id,
            metric: `core.invoke('eligibility.check') ${year}, whole office (${people.toLocaleString('en')} people, ${view.units.length} units, ${years} person-years) — median of ${RUNS}`,
            value: e2e.ms,
            unit: 'ms',
            note: `du_dieu_kien: LĐTT ${ldtt.toLocaleString('en')}, CSTĐCS ${cstdcs.toLocaleString('en')}; rule set ${view.ruleSet.id}`,
          },
          500,
        ),
        { case: id, metric: '  first call after open (statements prepared)', value: first.ms, unit: 'ms' },
        { case: id, metric: '  load histories (loadHistories: staff, person_year, decisions, initiatives, disciplines)', value: load.ms, unit: 'ms' },
        { case: id, metric: '  checkEligibility (pure checker)', value: check.ms, unit: 'ms' },
        { case: id, metric: '  validation (validateReport: zod on envelope, subjects, distinct candidates)', value: validate.ms, unit: 'ms' },
        { case: id, metric: '  the rest: registrations, compact view, Vietnamese sort', value: Math.max(0, rest), unit: 'ms' },
        { case: id, metric: `  answer to the host: structuredClone of the view (${(json.value.length / 1024 / 1024).toFixed(1)} MB as JSON)`, value: clone.ms, unit: 'ms' },
        { case: id, metric: '  … JSON.stringify of the view (browser host)', value: json.ms, unit: 'ms' },
      ];
      return rows;
    } finally {
      c.close();
    }
  },
};
