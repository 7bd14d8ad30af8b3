// Exchange bundles: export (to a folder, atomically and read back, or as a download),
// verify, preview, apply (all-or-nothing, conflicts resolved by the user), history.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors';
import type { BundleInfo, ConflictChoice, HistoryRow } from '../../shared/contract/exchange';
import type { ProcParsedInput } from '../../shared/contract';
import { newId, nowIso } from '../../db/ids';
import { getOffice } from '../../db/repositories/office';
import { insertExchangeHistory, listExchangeHistory, listOtherOffices, findAppliedBundle } from '../../db/repositories/exchange';
import {
  applyPlan,
  bufferSource,
  bundleFileName,
  entityKinds,
  entityKind,
  fileSource,
  memorySink,
  planMerge,
  scanBundle,
  writesUnder,
  writeBundle,
  writeBundleFile,
  exportSettings,
  supersededNotes,
  BundleWriter,
  type ByteSource,
  type Manifest,
  type ReadHooks,
  type ScannedBundle,
} from '../services/exchange';
import type { CoreContext } from '../core/context';
import { yieldToLoop, type Job } from '../core/jobs';
import type { HandlerMap } from './types';

type Source = ProcParsedInput<'exchange.verify'>;

function jobHooks(job: Job): ReadHooks {
  return {
    progress: (phase, done, total) => job.progress(phase, done, total),
    tick: async () => {
      job.checkCancelled();
      await yieldToLoop();
    },
  };
}

function openSource(input: Source): { src: ByteSource; fileName: string } {
  if (input.path !== undefined) {
    try {
      const st = fs.statSync(input.path);
      if (!st.isFile()) throw new Error('not a file');
      return { src: fileSource(input.path), fileName: input.fileName || path.basename(input.path) };
    } catch {
      throw new AppError('INVALID_INPUT', `Không đọc được tệp "${input.path}". Kiểm tra lại đường dẫn (USB đã cắm chưa?).`);
    }
  }
  return { src: bufferSource(Buffer.from(input.fileBase64 ?? '', 'base64')), fileName: input.fileName };
}

/** Open the source, run `fn` (which verifies it), always close the source and finish the job. */
async function withSource<T>(input: Source, ctx: CoreContext, fn: (src: ByteSource, fileName: string, job: Job) => Promise<T>): Promise<T> {
  const job = ctx.jobs.start(input.jobId);
  let src: ByteSource | null = null;
  try {
    const opened = openSource(input);
    src = opened.src;
    return await fn(src, opened.fileName, job);
  } finally {
    src?.close();
    job.finish();
  }
}

function countsOf(counts: Record<string, number>) {
  const known = entityKinds().map((k) => ({ entity: k.name, label: k.label, count: counts[k.name] ?? 0 }));
  const other = Object.keys(counts)
    .filter((n) => !entityKind(n))
    .map((n) => ({ entity: n, label: n, count: counts[n]! }));
  return [...known, ...other];
}

function infoOf(b: ScannedBundle, fileName: string): BundleInfo {
  const m = b.manifest;
  return {
    bundleId: m.bundleId,
    kind: m.kind,
    formatVersion: m.formatVersion,
    appVersion: m.appVersion,
    originOfficeId: m.originOfficeId,
    originOfficeName: m.originOfficeName,
    targetOfficeId: m.targetOfficeId ?? null,
    createdAt: m.createdAt,
    fileName,
    fileSize: b.fileSize,
    totalSize: b.totalSize,
    entryCount: b.entryCount,
    counts: countsOf(m.counts),
  };
}

function toHistoryRow(r: Awaited<ReturnType<typeof listExchangeHistory>>[number]): HistoryRow {
  let parsed: { records?: Record<string, number>; result?: HistoryRow['result'] } = {};
  try {
    parsed = JSON.parse(r.counts_json) as typeof parsed;
  } catch {
    /* an unreadable summary shows as empty */
  }
  return {
    id: r.id,
    bundleId: r.bundle_id,
    direction: r.direction,
    kind: r.kind,
    originOfficeId: r.origin_office_id,
    originOfficeName: r.origin_office_name,
    targetOfficeId: r.target_office_id,
    fileName: r.file_name,
    records: parsed.records ?? {},
    result: parsed.result ?? null,
    createdAt: r.created_at,
    appliedAt: r.applied_at,
    status: r.status,
  };
}

export const exchangeHandlers: HandlerMap<
  'exchange.exportBundle' | 'exchange.verify' | 'exchange.preview' | 'exchange.apply' | 'exchange.history' | 'exchange.offices'
> = {
  'exchange.exportBundle': async (input, ctx) => {
    const job = ctx.jobs.start(input.jobId);
    try {
      const office = await getOffice(ctx.db, ctx.officeId);
      if (!office) throw new AppError('OFFICE_NOT_SET', 'Hãy thiết lập thông tin cơ quan (mục Cài đặt) trước khi xuất gói dữ liệu.');
      let targetAbbr: string | null = null;
      let targetOfficeId: string | null = null;
      if (input.kind === 'province-to-office') {
        const target = input.targetOfficeId ? await getOffice(ctx.db, input.targetOfficeId) : undefined;
        if (!target || target.id === ctx.officeId) {
          throw new AppError('INVALID_INPUT', 'Gói gửi về cơ quan: hãy chọn cơ quan nhận trong danh sách các cơ quan đã gửi dữ liệu lên.');
        }
        targetOfficeId = target.id;
        targetAbbr = target.abbreviation;
      }
      const now = new Date();
      const bundleId = newId();
      const hooks = jobHooks(job);
      const request = {
        kind: input.kind,
        targetOfficeId,
        selfOfficeId: ctx.officeId,
        officeName: office.name,
        appVersion: ctx.version,
        bundleId,
        createdAt: now.toISOString(),
      };
      // records stream into the file as they are validated (kind by kind, in parts)
      // on a local disk (WAL) the kinds are read one at a time through a snapshot of their own
      const openReader = ctx.conn.network || ctx.conn.path === ':memory:' ? undefined : () => ctx.openFile(ctx.conn.path, { readonly: true });
      const build = (w: BundleWriter) => writeBundle(ctx.conn.sqlite, request, w, { partSize: exportSettings.partSize, hooks, ...(openReader ? { openReader } : {}) });
      const fileName = bundleFileName(office.abbreviation, input.kind, targetAbbr, now);
      let written: { path: string | null; bytes: Uint8Array | null; size: number; fileName: string; manifest: Manifest };
      if (input.folder) {
        const w = await writeBundleFile(input.folder, fileName, build);
        // read the file back from the folder before saying it is done
        const src = fileSource(w.path);
        try {
          const back = await scanBundle(src, { selfOfficeId: ctx.officeId, allowSelf: true, hooks });
          if (back.manifest.bundleId !== bundleId) throw new AppError('FILE_INVALID', 'mã gói đọc lại không khớp');
        } catch (e) {
          src.close();
          fs.rmSync(w.path, { force: true });
          if (e instanceof AppError && e.code === 'CANCELLED') throw e;
          throw new AppError(
            'FILE_INVALID',
            `Đã ghi gói dữ liệu vào "${input.folder}" nhưng đọc lại thấy tệp bị lỗi, nên đã xóa tệp đó (${(e as Error).message}). USB có thể bị hỏng hoặc bị rút ra khi đang ghi — hãy thử lại hoặc dùng USB khác.`,
          );
        }
        src.close();
        written = { path: w.path, bytes: null, size: w.size, fileName: path.basename(w.path), manifest: w.manifest };
      } else {
        const sink = memorySink();
        const manifest = await build(new BundleWriter(sink));
        const bytes = sink.bytes();
        await scanBundle(bufferSource(bytes), { selfOfficeId: ctx.officeId, allowSelf: true, hooks });
        written = { path: null, bytes, size: bytes.length, fileName, manifest };
      }
      const counts = written.manifest.counts;
      ctx.conn.sqlite.transaction(() =>
        insertExchangeHistory(ctx.conn.sqlite, {
          id: newId(),
          bundle_id: bundleId,
          direction: 'out',
          kind: input.kind,
          origin_office_id: ctx.officeId,
          origin_office_name: office.name,
          target_office_id: targetOfficeId,
          file_name: written.fileName,
          counts_json: JSON.stringify({ records: counts }),
          created_at: request.createdAt,
          applied_at: nowIso(),
          status: 'exported',
        }),
      )();
      job.progress('write', 1, 1);
      return {
        bundleId,
        fileName: written.fileName,
        path: written.path,
        file: written.bytes ? { fileName: written.fileName, mimeType: 'application/octet-stream', base64: Buffer.from(written.bytes).toString('base64') } : null,
        sizeBytes: written.size,
        counts: countsOf(counts),
      };
    } finally {
      job.finish();
    }
  },

  'exchange.verify': async (input, ctx) =>
    withSource(input, ctx, async (src, fileName, job) => infoOf(await scanBundle(src, { selfOfficeId: ctx.officeId, hooks: jobHooks(job) }), fileName)),

  'exchange.preview': async (input, ctx) =>
    withSource(input, ctx, async (src, fileName, job) => {
      const plan = await planMerge(ctx.conn.sqlite, src, {
        selfOfficeId: ctx.officeId,
        hooks: jobHooks(job),
        keepWrites: ['award_decision', 'dossier_outcome'],
      });
      const b = plan.bundle;
      const applied = findAppliedBundle(ctx.conn.sqlite, b.manifest.bundleId);
      return {
        info: infoOf(b, fileName),
        alreadyAppliedAt: applied?.applied_at ?? null,
        totals: plan.totals,
        groups: plan.groups,
        conflicts: plan.conflicts,
        notes: supersededNotes(ctx.conn.sqlite, { decisions: plan.writes.get('award_decision')!, outcomes: plan.writes.get('dossier_outcome')! }),
      };
    }),

  // Re-reads, re-verifies and re-compares the bundle: the apply never trusts a preview.
  'exchange.apply': async (input, ctx) =>
    withSource(input, ctx, async (src, fileName, job) => {
      const plan = await planMerge(ctx.conn.sqlite, src, { selfOfficeId: ctx.officeId, hooks: jobHooks(job) });
      const m = plan.bundle.manifest;
      const applied = findAppliedBundle(ctx.conn.sqlite, m.bundleId);
      const zero = { new: 0, changed: 0, same: 0, conflict: 0, deleted: 0 };
      if (applied) return { bundleId: m.bundleId, alreadyApplied: true, appliedAt: applied.applied_at, written: 0, totals: zero, keptLocal: 0, tookIncoming: 0 };
      const given = new Map(input.resolutions.map((r) => [r.key, r.choice]));
      const choices = new Map<string, ConflictChoice>();
      for (const c of plan.conflicts) {
        const chosen = input.resolveAll ?? given.get(c.key);
        if (chosen) choices.set(c.key, chosen);
      }
      job.checkCancelled();
      // carried files are stored before the transaction (idempotent stores; see EntityFiles)
      for (const kp of plan.kinds) {
        if (!kp.kind.files) continue;
        const paths = new Set<string>();
        for (const [id, ps] of kp.files) if (writesUnder(kp, id, choices)) for (const p of ps) paths.add(p);
        if (paths.size === 0) continue;
        const files = [];
        for (const p of paths) {
          job.checkCancelled();
          files.push({ path: p, bytes: await plan.bundle.readFile(p) });
        }
        await kp.kind.files.store(files, { dataDir: path.dirname(path.resolve(ctx.conn.path)) });
      }
      job.checkCancelled();
      job.progress('write', 0, plan.records);
      const appliedAt = nowIso();
      const out = applyPlan(ctx.conn.sqlite, plan, choices, { fileName, appliedAt });
      job.progress('write', plan.records, plan.records);
      return { bundleId: m.bundleId, appliedAt, totals: plan.totals, ...out };
    }),

  'exchange.history': async (input, ctx) => (await listExchangeHistory(ctx.db, input?.limit ?? 200)).map(toHistoryRow),

  'exchange.offices': async (_input, ctx) =>
    listOtherOffices(ctx.conn.sqlite, ctx.officeId).map((o) => ({
      id: o.id,
      name: o.name,
      abbreviation: o.abbreviation,
      staffCount: Number(o.staff_count),
      lastReceivedAt: o.last_received_at,
    })),
};
