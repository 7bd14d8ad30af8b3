// `tdkt records import FILE.xlsx [--dry-run] [--json]` and
// `tdkt eligibility --year Y [--unit ID] [--json]` (wired in electron/cli/tdkt.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureName, ProcOutput } from '../../../shared/contract';
import type { EligibilityView } from '../../../shared/contract/records';
import { AWARD_CODES, type AwardCode } from '../../../shared/awards';

export const RECORDS_USAGE = `  records import TỆP.xlsx [--dry-run] [--json]  Nhập hồ sơ cũ (xếp loại, danh hiệu, khen thưởng, sáng kiến; mỗi dòng một người, một năm)
  records template --out ĐƯỜNG_DẪN             Tệp Excel mẫu để điền hồ sơ các năm trước (cột, danh sách chọn, hướng dẫn)
  records stats --from NĂM [--to NĂM] [--unit MÃ_ĐƠN_VỊ] [--by year|unit|office] --out ĐƯỜNG_DẪN
                                               Bảng thống kê kết quả khen thưởng (Excel): hình thức theo cấp, cá nhân, tập thể
  records decisions [--year NĂM] [--search SỐ_QĐ] --out ĐƯỜNG_DẪN
                                               Danh sách cá nhân, tập thể được khen thưởng (Excel) theo các quyết định
  records periodic --year NĂM --out ĐƯỜNG_DẪN    Biểu thống kê TĐKT năm theo TT 02/2023/TT-BNV (0601–0603.N), kèm danh sách được tính
  records registrations [--year NĂM] [--unit MÃ_ĐƠN_VỊ] --out ĐƯỜNG_DẪN
                                               Danh sách đăng ký thi đua (Excel): từng danh hiệu, người, tập thể đăng ký và kết quả
  records initiatives [--year NĂM] [--unit MÃ_ĐƠN_VỊ] --out ĐƯỜNG_DẪN
                                               Danh sách sáng kiến, đề tài được công nhận (Excel), theo phạm vi ảnh hưởng
  eligibility --year NĂM [--unit MÃ_ĐƠN_VỊ] [--json]
                                               Kiểm tra điều kiện khen thưởng: danh hiệu đủ điều kiện và những gì còn thiếu
  eligibility --year NĂM [--unit MÃ_ĐƠN_VỊ] [--award MÃ_DANH_HIỆU] --out ĐƯỜNG_DẪN
                                               Danh sách đủ và gần đủ điều kiện (Excel) để Hội đồng TĐKT bình xét`;

export interface RecordsCliValues {
  json?: boolean;
  year?: string;
  unit?: string;
  award?: string;
  out?: string;
  'dry-run'?: boolean;
}

export interface RecordsCliDeps {
  call: <P extends ProcedureName>(p: P, input?: unknown) => Promise<ProcOutput<P>>;
  out: (s: string) => void;
  err: (s: string) => void;
  /** writes an exported file where --out says; returns the path written */
  save: (out: string, f: { fileName: string; base64: string }) => string;
  /** throws the CLI's usage error (exit code 2) */
  usage: (message: string) => never;
}

const VERDICT_WORDS = { du_dieu_kien: 'đủ điều kiện', gan_du: 'gần đủ', chua_du: 'chưa đủ' } as const;

export async function runRecordsImport(args: string[], v: RecordsCliValues, deps: RecordsCliDeps): Promise<number> {
  const { call, out, err } = deps;
  const file = args[0];
  if (!file) deps.usage('Thiếu đường dẫn tệp Excel: tdkt records import TỆP.xlsx');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    deps.usage(`Không đọc được tệp "${file}". Kiểm tra lại đường dẫn.`);
  }
  const input = { fileName: path.basename(file), fileBase64: bytes.toString('base64') };
  const preview = await call('records.importPreview', input);
  if (preview.errors.length > 0) {
    if (v.json) out(JSON.stringify(preview, null, 2));
    err(`Tệp có ${preview.errors.length} lỗi, chưa nhập gì. Sửa các lỗi sau rồi nhập lại:`);
    for (const e of preview.errors.slice(0, 50)) err(`  ${e.message}`);
    if (preview.errors.length > 50) err(`  … và ${preview.errors.length - 50} lỗi khác.`);
    return 1;
  }
  const s = preview.summary;
  const what = `${preview.validRows} dòng của ${s.people} người: ${s.personYears} năm có xếp loại, ${s.titles} danh hiệu, ${s.awards} hình thức khen thưởng, ${s.initiatives} sáng kiến mới; ${s.newDecisions} quyết định mới`;
  if (v['dry-run']) {
    if (v.json) out(JSON.stringify(preview, null, 2));
    else out(`Kiểm tra xong, không có lỗi: ${what}. (Chạy thử — chưa nhập.)`);
    return 0;
  }
  const r = await call('records.importApply', { ...input, mapping: preview.mapping });
  if (v.json) out(JSON.stringify(r, null, 2));
  else out(`Đã nhập: ${r.personYears} năm xếp loại, ${r.recipients} danh hiệu/khen thưởng (${r.decisions} quyết định mới), ${r.initiatives} sáng kiến.`);
  return 0;
}

export async function runEligibilityCommand(v: RecordsCliValues, deps: RecordsCliDeps): Promise<number> {
  const { call, out } = deps;
  if (!v.year) deps.usage('Thiếu --year NĂM (ví dụ --year 2024).');
  const year = Number(v.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) deps.usage(`--year "${v.year}" không phải năm hợp lệ (ví dụ 2024).`);
  if (v.award !== undefined && !v.out) deps.usage('--award chỉ dùng khi xuất tệp Excel: thêm --out ĐƯỜNG_DẪN.');
  if (v.out !== undefined) {
    const code = v.award?.toUpperCase();
    if (code !== undefined && !(AWARD_CODES as readonly string[]).includes(code)) {
      deps.usage(`--award "${v.award}" không phải mã danh hiệu, hình thức khen thưởng. Các mã: ${AWARD_CODES.join(', ')}.`);
    }
    const f = await call('eligibility.export', { year, unitId: v.unit ?? null, code: (code as AwardCode | undefined) ?? null });
    out(`Đã xuất danh sách kiểm tra điều kiện khen thưởng năm ${year}: ${deps.save(v.out, f)}`);
    return 0;
  }
  const view = await call('eligibility.check', { year, unitId: v.unit ?? null });
  if (v.json) {
    writeViewJson(view, out);
    return 0;
  }
  out(`Kiểm tra điều kiện khen thưởng năm ${year} — ${view.unitName}`);
  out(`Quy định áp dụng: ${view.ruleSet.name}${view.ruleSet.verified ? '' : ' (chưa xác minh)'}`);
  if (view.unrated > 0) out(`Lưu ý: ${view.unrated} trong ${view.total.people} người chưa có xếp loại năm ${year} — những danh hiệu cần kết quả năm ${year} chưa xét được cho họ.`);
  for (const w of view.warnings) out(`Lưu ý: ${w.message}${w.basis ? ` [${w.basis}${w.verified ? '' : ', chưa xác minh'}]` : ''}`);
  for (const s of [...view.people, ...view.units]) {
    const cands = s.candidates.map((i) => view.candidates[i]!);
    const ok = cands.filter((c) => c.verdict === 'du_dieu_kien');
    const near = cands.filter((c) => c.verdict === 'gan_du');
    out('');
    out(`${s.name}${s.kind === 'individual' ? ` — ${s.unitName}` : ' (tập thể)'}`);
    out(`  Đủ điều kiện: ${ok.length ? ok.map((c) => c.name).join('; ') : 'không có'}`);
    for (const c of near) {
      const missing = c.items
        .map((i) => view.items[i]!)
        .filter((it) => !it.passed)
        .map((it) => `${it.missing ?? it.message} [${it.basis}${it.verified ? '' : ', chưa xác minh'}]`);
      out(`  Gần đủ ${c.name}: ${missing.join('; ')}`);
    }
  }
  const counts = Object.entries(view.counts)
    .map(([code, c]) => `${code}: ${c.du_dieu_kien} ${VERDICT_WORDS.du_dieu_kien}, ${c.gan_du} ${VERDICT_WORDS.gan_du}`)
    .join('; ');
  out('');
  out(`Tổng: ${view.people.length} cá nhân, ${view.units.length} tập thể. ${counts}`);
  return 0;
}

/**
 * A subject of the compact view with its candidates and items written out (for --json readers),
 * as one line of JSON: each distinct candidate is written once (`candidateJson`) and shared by
 * everyone it stands for — the same bytes as stringifying the expanded object.
 */
function subjectJson(s: EligibilityView['people'][number], candidateJson: (i: number) => string): string {
  // a quoted key cannot occur inside a JSON string (its quotes are escaped there); a function, so
  // a "$&" in a message is not read as a replacement pattern
  return JSON.stringify({ ...s, candidates: 0 }).replace('"candidates":0', () => `"candidates":[${s.candidates.map(candidateJson).join(',')}]`);
}

/**
 * The view with candidates and items written out, as JSON (for --json readers), a subject a line:
 * the whole office written out is ≈200 MB, which one JSON.stringify held in memory several times
 * over (1.4 GB, 10 s); the rest indented as usual.
 */
export function writeViewJson(view: EligibilityView, out: (s: string) => void): void {
  const { items: _items, candidates: _candidates, people, units, ...rest } = view;
  const entries = Object.entries(rest);
  const written: string[] = [];
  const candidateJson = (i: number) => {
    let json = written[i];
    if (json === undefined) {
      const c = view.candidates[i]!;
      json = written[i] = JSON.stringify({ ...c, items: c.items.map((k) => view.items[k]!) });
    }
    return json;
  };
  out('{');
  for (const [key, value] of entries) out(`  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')},`);
  for (const [key, list, last] of [['people', people, false], ['units', units, true]] as const) {
    if (!list.length) {
      out(`  ${JSON.stringify(key)}: []${last ? '' : ','}`);
      continue;
    }
    out(`  ${JSON.stringify(key)}: [`);
    list.forEach((s, i) => out(`    ${subjectJson(s, candidateJson)}${i < list.length - 1 ? ',' : ''}`));
    out(`  ]${last ? '' : ','}`);
  }
  out('}');
}
