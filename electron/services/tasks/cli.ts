// `tdkt tasks …` commands (wired in electron/cli/tdkt.ts):
//   tasks list --year Y [--quarter Q] [--unit ID] [--status S] [--json]
//   tasks report --year Y --period Q1|Q2|Q3|Q4|H1|Y --format docx|xlsx --out PATH
//   tasks from-plan PLAN_ID [--year Y] [--json]
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureName, ProcOutput } from '../../../shared/contract';
import { foldVi, formatDateVi } from '../../../shared/text/vn';
import { REPORT_PERIODS, quarterRoman, type ReportPeriod } from '../../../shared/tasks/status';
import { TASK_STATUS_LABELS, TASK_STATUS_WORDS } from '../../../shared/tasks/labels';
import { writeFileAtomic } from '../files/atomic';

export const TASKS_USAGE = `  tasks list --year NĂM [--quarter 1-4] [--unit MÃ_ĐƠN_VỊ] [--status chua_thuc_hien|dang_thuc_hien|hoan_thanh|qua_han] [--json]
                                               Danh sách nhiệm vụ (quá hạn tính theo ngày hôm nay của máy)
  tasks report --year NĂM --period Q1|Q2|Q3|Q4|H1|Y --format docx|xlsx --out ĐƯỜNG_DẪN
                                               Báo cáo kết quả thực hiện nhiệm vụ (H1 = sơ kết 6 tháng, Y = tổng kết năm)
  tasks from-plan MÃ_KẾ_HOẠCH [--year NĂM] [--json]   Tạo (hoặc cập nhật) nhiệm vụ từ phụ lục của kế hoạch đã lưu`;

export interface TasksCliValues {
  json?: boolean;
  year?: string;
  quarter?: string;
  unit?: string;
  status?: string;
  period?: string;
  format?: string;
  out?: string;
}

export interface TasksCliDeps {
  call: <P extends ProcedureName>(p: P, input?: unknown) => Promise<ProcOutput<P>>;
  out: (s: string) => void;
  err: (s: string) => void;
  /** throws the CLI's usage error (exit code 2) */
  usage: (message: string) => never;
}

function parseYear(v: string | undefined, deps: TasksCliDeps): number {
  if (!v) deps.usage('Thiếu --year NĂM (ví dụ --year 2026).');
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1990 || y > 2200) deps.usage(`--year "${v}" không phải năm hợp lệ (ví dụ 2026).`);
  return y;
}

export async function runTasksCommand(sub: string, args: string[], v: TasksCliValues, deps: TasksCliDeps): Promise<number> {
  const { call, out } = deps;
  switch (sub) {
    case 'list': {
      const year = parseYear(v.year, deps);
      let quarter: number | null = null;
      if (v.quarter) {
        const q = Number(v.quarter.replace(/^q/i, ''));
        if (![1, 2, 3, 4].includes(q)) deps.usage(`--quarter "${v.quarter}": chọn 1, 2, 3 hoặc 4.`);
        quarter = q;
      }
      let status: string = 'all';
      if (v.status) {
        const s = TASK_STATUS_WORDS[foldVi(v.status).replace(/-/g, '_')] ?? TASK_STATUS_WORDS[foldVi(v.status)];
        if (!s) deps.usage(`--status "${v.status}": chọn chua_thuc_hien, dang_thuc_hien, hoan_thanh hoặc qua_han.`);
        status = s;
      }
      const r = await call('tasks.list', { year, quarter, unitId: v.unit ?? null, status });
      if (v.json) {
        out(JSON.stringify(r.rows, null, 2));
        return 0;
      }
      if (r.rows.length === 0) out('Không có nhiệm vụ nào khớp điều kiện.');
      for (const t of r.rows) {
        out(
          [
            `Quý ${quarterRoman(t.effectiveQuarter)}`,
            formatDateVi(t.effectiveDue),
            TASK_STATUS_LABELS[t.displayStatus],
            t.title,
            t.lead.map((u) => u.name).join('; ') || '—',
            t.id,
          ].join('\t'),
        );
      }
      out(`Tổng số: ${r.total} nhiệm vụ (tính đến ngày ${formatDateVi(r.today)}).`);
      return 0;
    }
    case 'report': {
      const year = parseYear(v.year, deps);
      const period = (v.period ?? '').toUpperCase();
      if (!REPORT_PERIODS.includes(period as ReportPeriod)) deps.usage('--period phải là Q1, Q2, Q3, Q4, H1 (6 tháng) hoặc Y (cả năm).');
      if (v.format !== 'docx' && v.format !== 'xlsx') deps.usage('--format phải là docx hoặc xlsx.');
      if (!v.out) deps.usage('Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục).');
      const f = await call('tasks.report', { year, period, format: v.format });
      const target = fs.existsSync(v.out) && fs.statSync(v.out).isDirectory() ? path.join(v.out, f.fileName) : v.out;
      writeFileAtomic(target, Buffer.from(f.base64, 'base64'));
      out(`Đã xuất: ${target}`);
      return 0;
    }
    case 'from-plan': {
      const planId = args[0];
      if (!planId) deps.usage('Thiếu mã kế hoạch: tdkt tasks from-plan MÃ_KẾ_HOẠCH (xem mã bằng: tdkt plan list).');
      const year = v.year ? parseYear(v.year, deps) : null;
      const r = await call('tasks.fromPlan', { planId, year });
      if (v.json) out(JSON.stringify(r, null, 2));
      else {
        out(`Năm ${r.year}: tạo mới ${r.created}, cập nhật ${r.updated}, giữ nguyên ${r.unchanged} nhiệm vụ.`);
        if (r.skippedDone) out(`${r.skippedDone} nhiệm vụ đã hoàn thành có nội dung khác trong kế hoạch: giữ nguyên.`);
        if (r.vanished)
          deps.err(`Lưu ý: ${r.vanished} nhiệm vụ không còn trong kế hoạch. Mở mục Nhiệm vụ theo quý trong ứng dụng để xác nhận gỡ bỏ.`);
      }
      return 0;
    }
    default:
      return deps.usage(`Lệnh không hợp lệ: "tasks ${sub}".`);
  }
}
