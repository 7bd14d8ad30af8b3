// `tdkt` command line: the same core and handlers as the app, in-process.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type HostCore } from '../core/recovery';
import { assumedOnNetwork, resolveDbPath } from '../host/paths';
import { writeFileAtomic } from '../services/files/atomic';
import { runTasksCommand, TASKS_USAGE } from '../services/tasks/cli';
import { officeHeadTitle } from '../../shared/documents/agency';
import { isAppError, type ProcedureName } from '../../shared/contract';
import { formatDateVi } from '../../shared/text/vn';
import type { Unit } from '../../shared/contract/units';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../shared/staff/labels';
import { BACKUP_REASON_LABELS } from '../../shared/contract/backup';
import { TRASH_KINDS, TRASH_KIND_LABELS, TRASH_MAX, type TrashKind } from '../../shared/contract/trash';
import { ERROR_SOURCE_LABELS } from '../../shared/contract/diagnostics';
import { buildUnitTree, flattenUnitTree } from '../../shared/units/tree';
import { BUNDLE_USAGE, runBundleCommand } from './bundle';
import { DOSSIER_USAGE, runDossierCommand } from '../services/dossiers/cli';
import { RECORDS_USAGE, runEligibilityCommand, runRecordsImport } from '../services/records/cli';

declare const __APP_VERSION__: string;

const DB_ON_NETWORK =
  'Vị trí: ổ mạng (thư mục dùng chung) — tệp được mở không dùng WAL; chỉ mở tệp này từ một máy tại một thời điểm. Nên để tệp trên ổ đĩa của máy và sao lưu ra ổ mạng.';

const USAGE = `Cách dùng: tdkt [--db TỆP] <lệnh>

Lệnh:
  office show [--json]                         Xem thông tin cơ quan
  office set --name TÊN --abbr VIẾT_TẮT --place ĐỊA_DANH --level CẤP
             [--parent CƠ_QUAN_CHỦ_QUẢN] [--head-title CHỨC_DANH] [--head-name HỌ_TÊN] [--superior CẤP_TRÊN]
  units list [--json]                          Danh sách đơn vị (dạng cây)
  staff list [--search CHỮ] [--unit MÃ] [--status TRẠNG_THÁI|all] [--json]
  staff import TỆP.xlsx [--dry-run] [--create-units] [--json]
                                               Nhập danh sách cán bộ từ Excel (tất cả hoặc không gì cả); --create-units tạo đơn vị chưa có
  staff template --out ĐƯỜNG_DẪN               Tệp Excel mẫu để điền danh sách cán bộ (cột, danh sách chọn, hướng dẫn)
  staff duplicates [--json]                    Cán bộ có thể bị nhập trùng (cùng họ tên và ngày sinh; không có ngày sinh thì cùng đơn vị)
  staff merge MÃ_GIỮ_LẠI MÃ [MÃ …] [--json]    Gộp các bản ghi vào bản ghi giữ lại (năm xếp loại, khen thưởng, sáng kiến … chuyển sang)
  staff move --unit MÃ_ĐƠN_VỊ MÃ [MÃ …] [--json]
                                               Chuyển các cán bộ sang đơn vị (kết quả đã ghi năm nay chuyển theo); tất cả hoặc không ai
  staff status --status TRẠNG_THÁI [--end dd/mm/yyyy] MÃ [MÃ …] [--json]
                                               Đổi trạng thái (nghi_huu, chuyen_cong_tac, nghi_viec, dang_cong_tac) của các cán bộ
  db check [--json]                            Kiểm tra toàn vẹn và phiên bản lược đồ
${BUNDLE_USAGE}
  backup create [--out THƯ_MỤC] [--json]       Sao lưu ngay (mặc định vào thư mục backups cạnh tệp dữ liệu)
  backup list [--json]                         Danh sách bản sao lưu tự động và thủ công
  backup restore TỆP [--json]                  Khôi phục từ tệp sao lưu (dữ liệu hiện tại được sao lưu trước)
  trash list [--kind LOẠI] [--search CHỮ] [--json]
                                               Thùng rác: bản ghi đã xóa trên máy này, mới xóa nhất trước (LOẠI: ${TRASH_KINDS.join(', ')})
  trash restore LOẠI MÃ [--json]               Khôi phục một bản ghi đã xóa, cùng các phần đã xóa kèm
  errors list [--json]                         Nhật ký lỗi: những lỗi không lường trước, mới nhất trước (--json: kèm vết lỗi)
  errors clear                                 Xóa nhật ký lỗi
  plan list [--json]                           Danh sách kế hoạch
  plan import TỆP.docx|TỆP.txt|TỆP.json [--json]  Nhập kế hoạch (in mã kế hoạch, hoặc cấu trúc JSON)
  plan export MÃ --format docx|pdf|json --out ĐƯỜNG_DẪN   Xuất kế hoạch ra tệp
${TASKS_USAGE}
${RECORDS_USAGE}
${DOSSIER_USAGE}

Tệp dữ liệu: --db TỆP, hoặc biến môi trường TDKT_DB, hoặc thư mục dữ liệu của người dùng.`;

class UsageError extends Error {}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** write what is held back (bufferedConsole) */
  flush?: () => void;
}

/**
 * Standard output as bytes. A reader that goes away (`tdkt eligibility | head`) stops the
 * output, not the command: what it writes to the file still completes. Any other failure (a
 * full disk under `> tệp`) is said, and the exit code is 1, so a short file is not taken for whole.
 */
export function stdoutWriter(stream: NodeJS.WritableStream = process.stdout): (bytes: Uint8Array) => void {
  let stopped = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (stopped) return;
    stopped = true;
    if (e.code === 'EPIPE') return;
    console.error(`Không ghi được kết quả ra: ${e.message}`);
    process.exitCode = 1;
  });
  return (bytes) => {
    if (!stopped) stream.write(bytes);
  };
}

/** What bufferedConsole holds before writing: the blocks it writes are at least this big. */
const BLOCK = 65_536;

/**
 * The console, its output lines gathered and written 64 KB at a time: `tdkt eligibility` prints
 * ≈100,000 lines for a province, a second of writes one by one. Lines are encoded straight into
 * the block (joining them first and encoding the whole took 2.5 times as long: `--json` writes
 * ≈200 MB). Errors flush what came before them, so the two streams keep their order on a terminal.
 */
export function bufferedConsole(
  write: (bytes: Uint8Array) => void = stdoutWriter(),
  writeErr: (s: string) => void = (s) => console.error(s),
): Required<CliIO> {
  // room for a block and the line that passes it, at 3 bytes a UTF-16 unit at worst
  const block = Buffer.allocUnsafe(4 * BLOCK);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    // a copy: a stream may keep the bytes it was given until written (a pipe on Windows)
    write(Buffer.from(block.subarray(0, used)));
    used = 0;
  };
  return {
    out(s) {
      if (used + 3 * s.length + 1 > block.length) {
        flush();
        if (3 * s.length + 1 > block.length) {
          write(Buffer.from(`${s}\n`));
          return;
        }
      }
      used += block.write(s, used);
      block[used++] = 10;
      if (used >= BLOCK) flush();
    },
    err(s) {
      flush();
      writeErr(s);
    },
    flush,
  };
}

export async function runCli(argv: string[], io: CliIO = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        search: { type: 'string' },
        unit: { type: 'string' },
        status: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'create-units': { type: 'boolean' },
        end: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        kind: { type: 'string' },
        target: { type: 'string' },
        'keep-local': { type: 'boolean' },
        'take-incoming': { type: 'boolean' },
        name: { type: 'string' },
        abbr: { type: 'string' },
        place: { type: 'string' },
        level: { type: 'string' },
        parent: { type: 'string' },
        'head-title': { type: 'string' },
        'head-name': { type: 'string' },
        superior: { type: 'string' },
        year: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        by: { type: 'string' },
        award: { type: 'string' },
        quarter: { type: 'string' },
        period: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.err(`Tham số không hợp lệ: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals: pos } = parsed;
  if (v.version) {
    io.out(typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev');
    return 0;
  }
  if (v.help || pos.length === 0) {
    io.out(USAGE);
    return pos.length === 0 && !v.help ? 2 : 0;
  }
  const dbPath = resolveDbPath(v.db ? ['--db', v.db] : []);
  let core: HostCore | null = null;
  try {
    // a file that cannot be opened gives a core in recovery: `backup list` and `backup restore`
    // still work on the backups next to it, every other command says why the file did not open
    core = await openCore({ dbPath, host: 'cli', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev', ...assumedOnNetwork() });
    const c = core;
    const call = <P extends ProcedureName>(p: P, input?: unknown) => c.invoke(p, input);
    const cmd = `${pos[0]} ${pos[1] ?? ''}`.trim();
    const json = (x: unknown) => io.out(JSON.stringify(x, null, 2));
    const rc = await (async (): Promise<number> => {
      switch (cmd) {
        case 'office show': {
          const o = await call('office.get');
          if (v.json) json(o);
          else if (!o) io.out('Chưa thiết lập thông tin cơ quan. Dùng: tdkt office set --name … --abbr … --place … --level …');
          else {
            io.out(`Cơ quan:            ${o.name}`);
            io.out(`Cơ quan chủ quản:   ${o.parentAgency || '—'}`);
            io.out(`Cấp:                ${o.levelCode}`);
            io.out(`Địa danh:           ${o.placeName}`);
            io.out(`Viết tắt:           ${o.abbreviation}`);
            // an empty title: documents sign with the one the office's name tells
            io.out(`Thủ trưởng:         ${[o.headTitle || `${officeHeadTitle(o)} (theo tên cơ quan)`, o.headName].filter(Boolean).join(' ')}`);
            io.out(`Cơ quan cấp trên:   ${o.superiorName || '—'}`);
          }
          return 0;
        }
        case 'office set': {
          const current = await call('office.get');
          const o = await call('office.save', {
            name: v.name ?? current?.name,
            parentAgency: v.parent ?? current?.parentAgency ?? '',
            levelCode: v.level ?? current?.levelCode,
            placeName: v.place ?? current?.placeName,
            abbreviation: v.abbr ?? current?.abbreviation,
            headTitle: v['head-title'] ?? current?.headTitle ?? '',
            headName: v['head-name'] ?? current?.headName ?? '',
            superiorName: v.superior ?? current?.superiorName ?? '',
          });
          if (v.json) json(o);
          else io.out(`Đã lưu thông tin cơ quan: ${o.name} (${o.abbreviation}).`);
          return 0;
        }
        case 'units list': {
          const units = await call('units.list', { includeInactive: true });
          if (v.json) json(units);
          else if (units.length === 0) io.out('Chưa có đơn vị nào.');
          else printTree(units, io);
          return 0;
        }
        case 'staff list': {
          const status = v.status ?? 'dang_cong_tac';
          const r = await call('staff.list', { search: v.search ?? '', unitId: v.unit ?? null, status });
          if (v.json) json(r.rows);
          else {
            const units = new Map((await call('units.list', {})).map((u) => [u.id, u.name]));
            for (const s of r.rows) {
              io.out(
                [s.fullName, formatDateVi(s.birthDate) || '—', (s.unitId && units.get(s.unitId)) || '—', s.position || '—', s.category ? CATEGORY_LABELS[s.category] : '—', STATUS_LABELS[s.status]].join('\t'),
              );
            }
            io.out(`Tổng số: ${r.total} người.`);
          }
          return 0;
        }
        case 'staff duplicates': {
          const r = await call('staff.duplicates');
          if (v.json) json(r);
          else {
            if (r.groups.length === 0) io.out('Không thấy cán bộ nào bị nhập trùng.');
            for (const g of r.groups) {
              io.out('');
              for (const p of g.people) {
                const c = p.counts;
                const held = `${c.years} năm xếp loại, ${c.awards} khen thưởng, ${c.initiatives} sáng kiến, ${c.disciplines} kỷ luật, ${c.registrations} đăng ký, ${c.nominations} đề nghị, ${c.tasks} nhiệm vụ`;
                io.out([p.id, p.fullName, formatDateVi(p.birthDate) || '—', p.unitLabel || '—', p.position || '—', STATUS_LABELS[p.status], held].join('\t'));
              }
            }
            const ignored = r.ignored ? ` (${r.ignored} nhóm đã đánh dấu không phải trùng)` : '';
            if (r.groups.length) io.out(`${r.groups.length} nhóm có thể trùng.${ignored}`);
            else if (ignored) io.out(ignored.trim());
          }
          return 0;
        }
        case 'staff merge': {
          const [keepId, ...mergeIds] = pos.slice(2);
          if (!keepId || mergeIds.length === 0) throw new UsageError('Thiếu mã cán bộ: tdkt staff merge MÃ_GIỮ_LẠI MÃ [MÃ …] (xem tdkt staff duplicates).');
          const r = await call('staff.merge', { keepId, mergeIds });
          if (v.json) json(r);
          else {
            const m = r.moved;
            io.out(
              `Đã gộp ${r.merged} bản ghi vào ${r.kept.fullName}: chuyển ${m.years} năm xếp loại, ${m.awards} khen thưởng, ${m.initiatives} sáng kiến, ${m.disciplines} kỷ luật, ${m.registrations} đăng ký, ${m.nominations} đề nghị, ${m.tasks} nhiệm vụ; bỏ ${r.dropped} bản ghi trùng nội dung${r.filled.length ? `; điền thêm: ${r.filled.join(', ')}` : ''}.`,
            );
          }
          return 0;
        }
        case 'staff move': {
          const ids = pos.slice(2);
          if (!v.unit || ids.length === 0) throw new UsageError('Thiếu đơn vị hoặc mã cán bộ: tdkt staff move --unit MÃ_ĐƠN_VỊ MÃ [MÃ …] (mã xem bằng tdkt staff list --json).');
          const r = await call('staff.bulkMove', { ids, unitId: v.unit });
          if (v.json) json(r);
          else io.out(r.moved ? `Đã chuyển ${r.moved} người sang "${r.unit.name}"${r.years ? `, cùng kết quả đã ghi năm nay của ${r.years} người` : ''}.` : `Những người đã chọn đều đang ở "${r.unit.name}".`);
          return 0;
        }
        case 'staff status': {
          const ids = pos.slice(2);
          if (!v.status || ids.length === 0) throw new UsageError('Thiếu trạng thái hoặc mã cán bộ: tdkt staff status --status TRẠNG_THÁI [--end dd/mm/yyyy] MÃ [MÃ …].');
          const r = await call('staff.bulkStatus', { ids, status: v.status, employmentEnd: v.end ?? null });
          if (v.json) json(r);
          else io.out(`Đã đổi trạng thái của ${r.changed} người.`);
          return 0;
        }
        case 'staff import': {
          const file = pos[2];
          if (!file) throw new UsageError('Thiếu đường dẫn tệp Excel: tdkt staff import TỆP.xlsx');
          const bytes = readInput(file);
          const input = { fileName: path.basename(file), fileBase64: bytes.toString('base64'), createMissingUnits: !!v['create-units'] };
          const preview = await call('staff.importPreview', input);
          if (preview.errors.length > 0) {
            if (v.json) json(preview);
            io.err(`Tệp có ${preview.errors.length} lỗi, chưa nhập gì. Sửa các lỗi sau rồi nhập lại:`);
            for (const e of preview.errors.slice(0, 50)) io.err(`  ${e.message}`);
            if (preview.errors.length > 50) io.err(`  … và ${preview.errors.length - 50} lỗi khác.`);
            return 1;
          }
          if (v['dry-run']) {
            if (v.json) json(preview);
            else {
              io.out(`Kiểm tra xong: ${preview.validRows} dòng hợp lệ, không có lỗi. (Chạy thử — chưa nhập.)`);
              if (preview.newUnits.length) io.out(`Sẽ tạo ${preview.newUnits.length} đơn vị mới: ${preview.newUnits.join('; ')}.`);
            }
            return 0;
          }
          const r = await call('staff.importApply', { ...input, mapping: preview.mapping });
          if (v.json) json(r);
          else io.out(`Đã nhập ${r.imported} cán bộ.${r.unitsCreated ? ` Đã tạo ${r.unitsCreated} đơn vị mới.` : ''}`);
          return 0;
        }
        case 'db check': {
          const r = await call('db.check');
          const { dataOnNetwork } = await call('app.info');
          if (v.json) json({ ...r, dbPath, dataOnNetwork });
          else {
            io.out(`Tệp: ${dbPath}`);
            if (dataOnNetwork) io.out(DB_ON_NETWORK);
            io.out(`Toàn vẹn: ${r.ok ? 'tốt (integrity_check: ok)' : 'CÓ LỖI'}`);
            if (!r.ok) for (const m of r.messages) io.out(`  ${m}`);
            io.out(`Phiên bản lược đồ: ${r.schemaVersion}/${r.latestVersion}`);
          }
          return r.ok ? 0 : 1;
        }
        case 'plan list': {
          const plans = await call('plans.list');
          if (v.json) json(plans);
          else if (plans.length === 0) io.out('Chưa có kế hoạch nào.');
          else for (const p of plans) io.out([p.id, p.numberLine || '(chưa có số)', p.year ?? '', p.title].join('\t'));
          return 0;
        }
        case 'plan import': {
          const file = pos[2];
          if (!file) throw new UsageError('Thiếu đường dẫn tệp kế hoạch: tdkt plan import TỆP.docx');
          const bytes = readInput(file);
          const r = await call('plans.import', { fileName: path.basename(file), fileBase64: bytes.toString('base64') });
          if (v.json) json(r.record.plan);
          else {
            io.out(r.record.id);
            for (const w of r.warnings) io.err(`Lưu ý: ${w}`);
          }
          return 0;
        }
        case 'staff template':
        case 'records template': {
          if (!v.out) throw new UsageError(`Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục): tdkt ${cmd} --out THƯ_MỤC`);
          const f = await call(cmd === 'staff template' ? 'staff.importTemplate' : 'records.importTemplate', {});
          io.out(`Đã ghi tệp mẫu: ${saveOutput(v.out, f)}`);
          return 0;
        }
        case 'records registrations':
        case 'records initiatives': {
          if (!v.out) throw new UsageError(`Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục): tdkt ${cmd} --year 2026 --out THƯ_MỤC`);
          const filter = { year: v.year ? cliYear('year', v.year) : null, unitId: v.unit ?? null };
          const registrations = cmd === 'records registrations';
          const f = await call(registrations ? 'records.registrationsExport' : 'records.initiativesExport', filter);
          io.out(`Đã xuất danh sách ${registrations ? 'đăng ký thi đua' : 'sáng kiến, đề tài'}: ${saveOutput(v.out, f)}`);
          return 0;
        }
        case 'records stats': {
          if (!v.from) throw new UsageError('Thiếu --from NĂM: tdkt records stats --from 2021 --to 2025 --out THƯ_MỤC');
          if (v.by !== undefined && v.by !== 'year' && v.by !== 'unit' && v.by !== 'office')
            throw new UsageError('--by phải là year (cột theo năm), unit (cột theo đơn vị) hoặc office (cột theo cơ quan, ở cấp tỉnh).');
          if (!v.out) throw new UsageError('Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục).');
          const yearFrom = cliYear('from', v.from);
          const f = await call('records.statsExport', { yearFrom, yearTo: v.to ? cliYear('to', v.to) : yearFrom, unitId: v.unit ?? null, by: v.by ?? 'year' });
          io.out(`Đã xuất bảng thống kê: ${saveOutput(v.out, f)}`);
          return 0;
        }
        case 'records decisions': {
          if (!v.out) throw new UsageError('Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục): tdkt records decisions --year 2025 --out THƯ_MỤC');
          const f = await call('records.decisionsExport', { year: v.year ? cliYear('year', v.year) : null, search: v.search ?? '' });
          io.out(`Đã xuất danh sách khen thưởng: ${saveOutput(v.out, f)}`);
          return 0;
        }
        case 'records periodic': {
          if (!v.year) throw new UsageError('Thiếu --year NĂM: tdkt records periodic --year 2025 --out THƯ_MỤC');
          if (!v.out) throw new UsageError('Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục).');
          const f = await call('records.periodicStats', { year: cliYear('year', v.year) });
          io.out(`Đã xuất biểu thống kê (TT 02/2023/TT-BNV): ${saveOutput(v.out, f)}`);
          return 0;
        }
        case 'plan export': {
          const id = pos[2];
          const format = v.format;
          if (!id) throw new UsageError('Thiếu mã kế hoạch: tdkt plan export MÃ --format docx --out TỆP');
          if (format !== 'docx' && format !== 'pdf' && format !== 'json') throw new UsageError('--format phải là docx, pdf hoặc json.');
          if (!v.out) throw new UsageError('Thiếu --out ĐƯỜNG_DẪN (tệp hoặc thư mục).');
          const f = await call('plans.export', { id, format });
          io.out(`Đã xuất: ${saveOutput(v.out, f)}`);
          return 0;
        }
        case 'backup create': {
          const b = await call('backup.create', { destDir: v.out ? path.resolve(v.out) : undefined });
          if (v.json) json(b);
          else io.out(`Đã sao lưu vào ${b.path} (${formatBytes(b.size)}, kiểm tra toàn vẹn: tốt).`);
          return 0;
        }
        case 'trash list': {
          const kind = v.kind ?? null;
          if (kind !== null && !(TRASH_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind "${kind}" không phải loại bản ghi của Thùng rác. Các loại: ${TRASH_KINDS.join(', ')}.`);
          const r = await call('trash.list', { kind: kind as TrashKind | null, search: v.search ?? '', limit: TRASH_MAX });
          if (v.json) json(r);
          else if (r.items.length === 0) io.out(r.total === 0 && !v.search && !kind ? 'Thùng rác trống.' : 'Không có bản ghi đã xóa nào khớp.');
          else {
            for (const i of r.items) {
              io.out([formatDateTime(i.deletedAt), i.kind, i.id, i.title, i.detail, i.deletedBy].join('\t'));
              if (i.blocked) io.out(`  Chưa khôi phục được: ${i.blocked}`);
            }
            io.out(`Tổng số: ${r.total} bản ghi.${r.total > r.items.length ? ` (hiện ${r.items.length} bản ghi mới xóa nhất)` : ''}`);
          }
          return 0;
        }
        case 'trash restore': {
          const [kind, id] = [pos[2], pos[3]];
          if (!kind || !id) throw new UsageError('Thiếu loại và mã bản ghi: tdkt trash restore LOẠI MÃ (xem tdkt trash list).');
          if (!(TRASH_KINDS as readonly string[]).includes(kind)) throw new UsageError(`"${kind}" không phải loại bản ghi của Thùng rác. Các loại: ${TRASH_KINDS.join(', ')}.`);
          const r = await call('trash.restore', { kind, id });
          if (v.json) json(r);
          else io.out(`Đã khôi phục ${TRASH_KIND_LABELS[r.kind].toLowerCase()}: ${r.title}${r.parts ? ` (cùng ${r.parts} người, tập thể đã xóa kèm)` : ''}.`);
          return 0;
        }
        case 'errors list': {
          const r = await call('errors.list', { limit: 500 });
          if (v.json) json(r);
          else {
            io.out(`Nhật ký lỗi: ${r.file}`);
            if (r.total === 0) io.out('Chưa có lỗi nào được ghi.');
            for (const e of r.entries) io.out([formatDateTime(e.at), ERROR_SOURCE_LABELS[e.source], e.where, e.message.replace(/\s*\n\s*/g, ' ')].join('\t'));
            if (r.total > r.entries.length) io.out(`(hiện ${r.entries.length} trong ${r.total} lỗi đã ghi)`);
          }
          return 0;
        }
        case 'errors clear': {
          await call('errors.clear');
          io.out('Đã xóa nhật ký lỗi.');
          return 0;
        }
        case 'backup list': {
          const r = await call('backup.list');
          if (v.json) json(r);
          else {
            io.out(`Thư mục sao lưu tự động: ${r.folder} (giữ ${r.keep} bản gần nhất)`);
            if (r.backups.length === 0) io.out('Chưa có bản sao lưu nào.');
            for (const b of r.backups) {
              const ok = b.integrityOk ? 'tốt' : 'HỎNG';
              io.out([formatDateTime(b.createdAt), BACKUP_REASON_LABELS[b.reason], formatBytes(b.size), ok, b.path].join('\t'));
            }
          }
          return 0;
        }
        case 'backup restore': {
          const file = pos[2];
          if (!file) throw new UsageError('Thiếu đường dẫn tệp sao lưu: tdkt backup restore TỆP');
          const r = await call('backup.restore', { path: path.resolve(file) });
          if (v.json) json(r);
          else {
            io.out(`Đã khôi phục dữ liệu từ ${r.restoredFrom}.`);
            io.out(`Dữ liệu trước khi khôi phục được giữ tại ${r.safetyBackup.path}.`);
          }
          return 0;
        }
        case 'bundle export':
        case 'bundle verify':
        case 'bundle import':
          return await runBundleCommand(c, pos[1]!, pos.slice(2), v, io);
        case 'tasks list':
        case 'tasks report':
        case 'tasks from-plan':
          return await runTasksCommand(pos[1]!, pos.slice(2), v, {
            call,
            out: io.out,
            err: io.err,
            usage: (m) => {
              throw new UsageError(m);
            },
          });
        case 'records import':
        case 'eligibility': {
          const deps = {
            call,
            out: io.out,
            err: io.err,
            save: saveOutput,
            usage: (m: string): never => {
              throw new UsageError(m);
            },
          };
          return cmd === 'eligibility' ? await runEligibilityCommand(v, deps) : await runRecordsImport(pos.slice(2), v, deps);
        }
        case 'dossier list':
        case 'dossier export':
        case 'dossier ballot':
          return await runDossierCommand(pos[1]!, pos.slice(2), v, {
            call,
            out: io.out,
            usage: (m) => {
              throw new UsageError(m);
            },
            save: saveOutput,
          });
        default:
          throw new UsageError(`Lệnh không hợp lệ: "${pos.join(' ')}".`);
      }
    })();
    if (rc === 0 && MANY_PEOPLE_WRITES.has(cmd) && !v['dry-run']) {
      io.flush?.();
      await keepEligibilityCurrent(c);
    }
    return rc;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(isAppError(e) ? e.message : `Lỗi: ${String(e)}`);
    return 1;
  } finally {
    // the answer is out before the core closes (closing saves a new eligibility run: ≈0.4 s)
    io.flush?.();
    core?.close();
  }
}

/** Commands that may change many people's records at once: after them the eligibility run is brought up to date (Core.keepEligibilityCurrent). */
const MANY_PEOPLE_WRITES = new Set(['bundle import', 'records import', 'staff import']);

async function keepEligibilityCurrent(core: HostCore): Promise<void> {
  // best effort: the import is done; a run not kept is computed at the next check
  await core.keepEligibilityCurrent().catch(() => undefined);
}

/** Writes a file an export returned, atomically, into `out` (a folder: under the file's own name); returns the path written. */
function saveOutput(out: string, f: { fileName: string; base64: string }): string {
  const target = fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, f.fileName) : out;
  writeFileAtomic(target, Buffer.from(f.base64, 'base64'));
  return target;
}

function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new UsageError(`Không đọc được tệp "${file}". Kiểm tra lại đường dẫn.`);
  }
}

/** A year given on the command line, or a usage error that says what to type. */
function cliYear(flag: string, text: string | undefined): number {
  const y = Number(text);
  if (!Number.isInteger(y) || y < 1990 || y > 2200) throw new UsageError(`--${flag} "${text ?? ''}" không phải năm hợp lệ (ví dụ 2025).`);
  return y;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function printTree(units: Unit[], io: CliIO) {
  for (const { unit: u, depth } of flattenUnitTree(buildUnitTree(units))) {
    io.out(`${'  '.repeat(depth)}${u.name}${u.code ? ` [${u.code}]` : ''}${u.active ? '' : ' (ngừng hoạt động)'}\t${u.staffCount} người\t${u.id}`);
  }
}

export function main(): void {
  const io = bufferedConsole();
  void runCli(process.argv.slice(2), io)
    .then((code) => {
      // a failed write has set 1 already
      process.exitCode = process.exitCode || code;
    })
    .finally(() => io.flush());
}

if (require.main === module) main();
