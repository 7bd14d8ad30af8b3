// `tdkt tasks from-plan | list | report` on a temp database.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../../../electron/cli/tdkt';
import { tempDb, tempDir } from '../../support/tmp';
import { docxPlainText } from '../../../electron/services/documents/docx-text';
import { REFERENCE_PLAN_DOCX } from './helpers';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tdkt tasks …', () => {
  it('creates the tasks of a stored plan, lists them with filters, writes reports atomically', async () => {
    const db = tempDb();
    const outDir = tempDir();
    expect((await cli(['--db', db, 'office', 'set', '--name', 'Sở Lao động - Thương binh và Xã hội', '--abbr', 'SLĐTBXH', '--place', 'Lào Cai', '--level', 'so_nganh', '--head-title', 'Giám đốc', '--head-name', 'Nguyễn Văn Bình'])).code).toBe(0);
    const planId = (await cli(['--db', db, 'plan', 'import', REFERENCE_PLAN_DOCX])).out.trim();

    const made = await cli(['--db', db, 'tasks', 'from-plan', planId]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('Năm 2022: tạo mới 15, cập nhật 0, giữ nguyên 0 nhiệm vụ.');
    expect((await cli(['--db', db, 'tasks', 'from-plan', planId])).out).toContain('tạo mới 0, cập nhật 0, giữ nguyên 15');

    const list = await cli(['--db', db, 'tasks', 'list', '--year', '2022', '--json']);
    expect(JSON.parse(list.out)).toHaveLength(15);
    const q2 = JSON.parse((await cli(['--db', db, 'tasks', 'list', '--year', '2022', '--quarter', '2', '--json'])).out) as { title: string }[];
    expect(q2).toHaveLength(5);
    // the real today is long after 2022: every open task is overdue
    expect(JSON.parse((await cli(['--db', db, 'tasks', 'list', '--year', '2022', '--status', 'qua_han', '--json'])).out)).toHaveLength(15);
    expect(JSON.parse((await cli(['--db', db, 'tasks', 'list', '--year', '2022', '--status', 'hoàn thành', '--json'])).out)).toHaveLength(0);
    const text = await cli(['--db', db, 'tasks', 'list', '--year', '2022', '--quarter', '3']);
    expect(text.out).toContain('Kiểm tra công tác thi đua, khen thưởng năm 2022\tVăn phòng Sở; Thanh tra Sở');
    expect(text.out).toContain('Tổng số: 2 nhiệm vụ');

    const docx = path.join(outDir, 'bc.docx');
    const r = await cli(['--db', db, 'tasks', 'report', '--year', '2022', '--period', 'H1', '--format', 'docx', '--out', docx]);
    expect(r.code).toBe(0);
    expect(docxPlainText(fs.readFileSync(docx))).toContain('Kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng 6 tháng đầu năm 2022');
    const x = await cli(['--db', db, 'tasks', 'report', '--year', '2022', '--period', 'q4', '--format', 'xlsx', '--out', outDir]);
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, 'bao-cao-nhiem-vu-tdkt-2022-q4.xlsx'));
    expect(wb.worksheets[0]!.getCell('A2').value).toContain('QUÝ IV NĂM 2022');
    expect(fs.readdirSync(outDir).sort()).toEqual(['bao-cao-nhiem-vu-tdkt-2022-q4.xlsx', 'bc.docx']);

    // wrong usage: exit 2 with the reason; refused operation: exit 1
    const bad = await cli(['--db', db, 'tasks', 'report', '--year', '2022', '--period', 'Q5', '--format', 'docx', '--out', docx]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--period phải là Q1, Q2, Q3, Q4, H1');
    expect((await cli(['--db', db, 'tasks', 'list'])).code).toBe(2);
    const missing = await cli(['--db', db, 'tasks', 'from-plan', 'no-such-plan']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không tìm thấy kế hoạch');
  });
});
