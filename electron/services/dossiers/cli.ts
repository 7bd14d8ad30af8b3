// `tdkt dossier …` commands (wired in electron/cli/tdkt.ts):
//   dossier list [--json]              own dossiers, then those received from other offices
//   dossier export ID --out DIR        documents + danh sách .xlsx + evidence, written atomically into DIR
//   dossier ballot ID --out FILE       the council's ballot (DOCX), written atomically
import path from 'node:path';
import type { ProcedureName, ProcOutput } from '../../../shared/contract';
import { DOSSIER_STATUS_LABELS, RECEIVED_STATUS_LABELS } from '../../../shared/dossiers/model';
import { formatInstantDateVi } from '../../../shared/text/vn';

export const DOSSIER_USAGE = `  dossier list [--json]                        Danh sách hồ sơ đề nghị khen thưởng (của cơ quan và nhận từ cơ quan khác)
  dossier export MÃ --out THƯ_MỤC              Xuất tờ trình, danh sách (.xlsx), biên bản, báo cáo thành tích và minh chứng vào thư mục
  dossier ballot MÃ --out ĐƯỜNG_DẪN            Phiếu biểu quyết của Hội đồng TĐKT (Word): người được đề nghị, ô “Đồng ý” / “Không đồng ý”`;

export interface DossierCliDeps {
  call: <P extends ProcedureName>(p: P, input?: unknown) => Promise<ProcOutput<P>>;
  out: (s: string) => void;
  /** throws the CLI's usage error (exit code 2) */
  usage: (message: string) => never;
  /** writes a file an export returned into `out` (a folder: under its own name); the path written */
  save: (out: string, f: { fileName: string; base64: string }) => string;
}

export async function runDossierCommand(sub: string, args: string[], v: { json?: boolean; out?: string }, deps: DossierCliDeps): Promise<number> {
  const { call, out } = deps;
  switch (sub) {
    case 'list': {
      const own = await call('dossiers.list', { scope: 'own' });
      const received = await call('dossiers.list', { scope: 'received' });
      if (v.json) {
        out(JSON.stringify([...own, ...received], null, 2));
        return 0;
      }
      if (own.length === 0 && received.length === 0) {
        out('Chưa có hồ sơ đề nghị khen thưởng nào.');
        return 0;
      }
      for (const d of own) {
        out([d.id, d.year, d.awardName, `${d.nomineeCount} đề nghị`, DOSSIER_STATUS_LABELS[d.status], d.title].join('\t'));
      }
      if (received.length) {
        out('Nhận từ cơ quan khác:');
        for (const d of received) {
          const when = d.submittedAt ? formatInstantDateVi(d.submittedAt) : '';
          out([d.id, d.originOfficeName, d.year, d.awardName, `${d.nomineeCount} đề nghị`, RECEIVED_STATUS_LABELS[d.status], when, d.title].join('\t'));
        }
      }
      return 0;
    }
    case 'export': {
      const id = args[0];
      if (!id) deps.usage('Thiếu mã hồ sơ: tdkt dossier export MÃ --out THƯ_MỤC (xem mã bằng: tdkt dossier list).');
      if (!v.out) deps.usage('Thiếu --out THƯ_MỤC (thư mục ghi các văn bản của hồ sơ).');
      const r = await call('dossiers.export', { id, folder: path.resolve(v.out) });
      if (v.json) out(JSON.stringify(r, null, 2));
      else {
        out(`Đã xuất ${r.files.length} tệp vào ${r.folder}:`);
        for (const f of r.files) out(`  ${f}`);
      }
      return 0;
    }
    case 'ballot': {
      const id = args[0];
      if (!id) deps.usage('Thiếu mã hồ sơ: tdkt dossier ballot MÃ --out ĐƯỜNG_DẪN (xem mã bằng: tdkt dossier list).');
      if (!v.out) deps.usage('Thiếu --out ĐƯỜNG_DẪN (tệp .docx hoặc thư mục).');
      const f = await call('dossiers.ballot', { id });
      out(`Đã xuất phiếu biểu quyết: ${deps.save(path.resolve(v.out), f)}`);
      return 0;
    }
    default:
      return deps.usage(`Lệnh không hợp lệ: "dossier ${sub}".`);
  }
}
