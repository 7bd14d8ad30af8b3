// `tdkt bundle export|verify|import`: exchange bundles from the command line, through the
// same handlers as the app (paths instead of uploads).
import path from 'node:path';
import type { HostCore } from '../core/recovery';
import { BUNDLE_KINDS, type BundleKind, type MergePreview } from '../../shared/contract/exchange';

export const BUNDLE_USAGE = `  bundle export --out THƯ_MỤC [--kind office-to-province|province-to-office|full] [--target MÃ_CƠ_QUAN] [--json]
                                               Xuất gói dữ liệu .tdkt vào thư mục (USB), ghi an toàn rồi đọc lại kiểm tra
  bundle verify TỆP.tdkt [--json]              Kiểm tra gói dữ liệu (cấu trúc, mã kiểm tra, dữ liệu)
  bundle import TỆP.tdkt [--dry-run] [--json] [--keep-local|--take-incoming]
                                               Nhập gói (tất cả hoặc không gì cả); có xung đột mà chưa chọn cách xử lý thì dừng`;

export interface BundleArgs {
  json?: boolean;
  'dry-run'?: boolean;
  out?: string;
  kind?: string;
  target?: string;
  'keep-local'?: boolean;
  'take-incoming'?: boolean;
}

interface IO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const STATUS_COLS = [
  ['new', 'mới'],
  ['changed', 'thay đổi'],
  ['same', 'giống'],
  ['conflict', 'xung đột'],
  ['deleted', 'xóa'],
] as const;

/** Exit code: 0 done, 1 refused (message says why), 2 wrong usage. Throws AppError from handlers. */
export async function runBundleCommand(core: HostCore, sub: string, pos: string[], v: BundleArgs, io: IO): Promise<number> {
  const json = (x: unknown) => io.out(JSON.stringify(x, null, 2));
  const usage = (m: string) => {
    io.err(`${m}\n\nCách dùng:\n${BUNDLE_USAGE}`);
    return 2;
  };
  switch (sub) {
    case 'export': {
      if (!v.out) return usage('Thiếu --out THƯ_MỤC (thư mục ghi gói, ví dụ ổ USB).');
      const kind = (v.kind ?? 'office-to-province') as BundleKind;
      if (!BUNDLE_KINDS.includes(kind)) return usage(`--kind phải là một trong: ${BUNDLE_KINDS.join(', ')}.`);
      const r = await core.invoke('exchange.exportBundle', { kind, targetOfficeId: v.target ?? null, folder: path.resolve(v.out) });
      if (v.json) json({ ...r, file: undefined });
      else io.out(`Đã xuất và kiểm tra gói dữ liệu: ${r.path} (${r.counts.map((c) => `${c.label}: ${c.count}`).join(', ')}).`);
      return 0;
    }
    case 'verify': {
      const file = pos[0];
      if (!file) return usage('Thiếu đường dẫn tệp gói: tdkt bundle verify TỆP.tdkt');
      const info = await core.invoke('exchange.verify', { path: path.resolve(file) });
      if (v.json) json(info);
      else {
        io.out(`Gói hợp lệ: ${info.fileName}`);
        io.out(`Cơ quan gửi: ${info.originOfficeName} (${info.originOfficeId})`);
        io.out(`Loại gói: ${info.kind}; tạo lúc ${info.createdAt}; ứng dụng ${info.appVersion}`);
        io.out(`Nội dung: ${info.counts.map((c) => `${c.label}: ${c.count}`).join(', ')}`);
      }
      return 0;
    }
    case 'import': {
      const file = pos[0];
      if (!file) return usage('Thiếu đường dẫn tệp gói: tdkt bundle import TỆP.tdkt');
      if (v['keep-local'] && v['take-incoming']) return usage('Chỉ chọn một trong --keep-local và --take-incoming.');
      const source = { path: path.resolve(file) };
      const preview = await core.invoke('exchange.preview', source);
      const resolveAll = v['keep-local'] ? 'local' : v['take-incoming'] ? 'incoming' : null;
      if (!v.json) printPreview(preview, io);
      if (preview.alreadyAppliedAt) {
        if (v.json) json({ preview, applied: null });
        else io.out(`Gói này đã được nhập lúc ${preview.alreadyAppliedAt} — nhập lại không thay đổi gì.`);
        return 0;
      }
      if (preview.conflicts.length > 0 && !resolveAll) {
        if (v.json) json({ preview, applied: null });
        io.err(`Có ${preview.conflicts.length} xung đột (bản ghi bị sửa ở cả máy này và cơ quan gửi), chưa nhập gì:`);
        for (const c of preview.conflicts.slice(0, 100)) {
          const diffs = c.fields.filter((f) => f.differs).map((f) => `${f.label}: "${f.local}" ↔ "${f.incoming}"`);
          io.err(`  ${c.entityLabel}: ${c.title} [${c.key}] — ${diffs.join('; ')}`);
        }
        if (preview.conflicts.length > 100) io.err(`  … và ${preview.conflicts.length - 100} xung đột khác.`);
        io.err('Chạy lại với --keep-local (giữ bản ở máy này) hoặc --take-incoming (lấy bản trong gói), hoặc xử lý từng xung đột trong ứng dụng.');
        return 1;
      }
      if (v['dry-run']) {
        if (v.json) json({ preview, applied: null });
        else io.out('Kiểm tra xong, gói hợp lệ. (Chạy thử — chưa nhập.)');
        return 0;
      }
      const r = await core.invoke('exchange.apply', { ...source, resolveAll });
      if (v.json) json({ preview, applied: r });
      else if (r.alreadyApplied) io.out('Gói này đã được nhập trước đó — không thay đổi gì.');
      else {
        io.out(`Đã nhập gói: ghi ${r.written} bản ghi.`);
        if (r.keptLocal + r.tookIncoming > 0) io.out(`Xung đột: giữ bản ở máy này ${r.keptLocal}, lấy bản trong gói ${r.tookIncoming}.`);
      }
      return 0;
    }
    default:
      return usage(`Lệnh không hợp lệ: "bundle ${sub}".`);
  }
}

function printPreview(p: MergePreview, io: IO) {
  io.out(`Gói từ: ${p.info.originOfficeName} — tạo lúc ${p.info.createdAt}`);
  io.out(['Loại dữ liệu', 'Cơ quan', ...STATUS_COLS.map(([, l]) => l)].join('\t'));
  for (const g of p.groups) io.out([g.entityLabel, g.originOfficeName, ...STATUS_COLS.map(([k]) => String(g[k]))].join('\t'));
  io.out(['Tổng', '', ...STATUS_COLS.map(([k]) => String(p.totals[k]))].join('\t'));
  for (const n of p.notes) io.out(`Lưu ý: ${n}`);
}
