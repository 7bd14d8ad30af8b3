// The steps every all-or-nothing file import shares: run under a progress job, refuse a file
// with any error (listing the first ones), and write only after a last cancel check.
import { AppError } from '../../shared/contract/errors';
import { buildUnitTree, flattenUnitTree, unitLabels } from '../../shared/units/tree';
import { listUnits } from '../../db/repositories/units';
import type { CoreContext } from '../core/context';
import { toUnit } from './units';
import type { Job } from '../core/jobs';

/**
 * The units a template's dropdown offers, as the imports read them back: this office's active
 * units in tree order, a name shared with any other unit written as its path.
 */
export async function templateUnits(ctx: CoreContext): Promise<string[]> {
  const units = await listUnits(ctx.db, true);
  const labels = unitLabels(units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })));
  const own = flattenUnitTree(buildUnitTree(units.map(toUnit).filter((u) => u.active && u.officeId === ctx.officeId)));
  return own.map((n) => labels.get(n.unit.id) ?? n.unit.name);
}

export async function withJob<T>(ctx: CoreContext, jobId: string | undefined, fn: (job: Job) => Promise<T>): Promise<T> {
  const job = ctx.jobs.start(jobId);
  try {
    return await fn(job);
  } finally {
    job.finish();
  }
}

/**
 * Reads an uploaded workbook under the job (progress, cancel between steps); a file that is
 * not a readable workbook is refused with the reader's message.
 */
export async function readUploaded<R extends { ok: true } | { ok: false; message: string }>(
  fileBase64: string,
  job: Job,
  read: (bytes: Uint8Array, onProgress: (done: number, total: number) => void) => Promise<R>,
): Promise<Extract<R, { ok: true }>> {
  const bytes = Buffer.from(fileBase64, 'base64');
  job.progress('read', 0, 0);
  const result = await read(bytes, (done, total) => {
    job.progress('read', done, total);
    job.checkCancelled();
  });
  if (!result.ok) throw new AppError('FILE_INVALID', result.message);
  job.checkCancelled();
  return result as Extract<R, { ok: true }>;
}

/** `noun`: what a row holds, for the empty-file message ("cán bộ", "hồ sơ"). */
export function assertImportable(result: { errors: { message: string }[]; rows: unknown[] }, noun: string): void {
  const { errors } = result;
  if (errors.length > 0) {
    const first = errors.slice(0, 5).map((e) => e.message).join('\n');
    throw new AppError('IMPORT_REJECTED', `Tệp có ${errors.length} lỗi nên chưa nhập gì. Sửa các lỗi rồi nhập lại:\n${first}${errors.length > 5 ? '\n…' : ''}`, errors);
  }
  if (result.rows.length === 0) throw new AppError('IMPORT_REJECTED', `Tệp không có dòng ${noun} nào để nhập.`);
}

/** The write itself: synchronous (one SQLite transaction), after the last chance to cancel. */
export function writeStep<T>(job: Job, count: number, write: () => T): T {
  job.checkCancelled();
  job.progress('write', 0, count);
  const r = write();
  job.progress('write', count, count);
  return r;
}
