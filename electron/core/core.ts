// The core: database + handlers behind one `call`. Runs in the worker thread under both
// hosts, and in-process for the CLI and integration tests.
import { openDatabase, type Connection } from '../../db/connection';
import { newId } from '../../db/ids';
import { getSetting, setSetting } from '../../db/repositories/settings';
import { AppError, isAppError, type Result } from '../../shared/contract/errors';
import { isProcedureName, parseInput, type ProcedureName, type ProcOutput } from '../../shared/contract';
import { handlers } from '../api';
import type { CoreContext, HostKind } from './context';
import { JobRegistry } from './jobs';
import type { Handler } from '../api/types';

export interface CoreOptions {
  dbPath: string;
  host: HostKind;
  version?: string;
  fallbackReason?: string | null;
  nativeBinding?: string;
  today?: () => string;
}

export interface Core {
  call(proc: string, input: unknown): Promise<Result<unknown>>;
  /** typed convenience for in-process callers (CLI, tests); throws AppError on failure */
  invoke<P extends ProcedureName>(proc: P, input?: unknown): Promise<ProcOutput<P>>;
  ctx: CoreContext;
  close(): void;
}

const SELF_OFFICE_KEY = 'self_office_id';

export function describeOpenError(e: unknown, dbPath: string): AppError {
  const msg = e instanceof Error ? e.message : String(e);
  if (msg.startsWith('SCHEMA_TOO_NEW')) {
    return new AppError('DB_ERROR', `Tệp dữ liệu ${dbPath} được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật TĐKT Desktop rồi mở lại.`);
  }
  if (/not a database|file is encrypted|malformed/i.test(msg)) {
    return new AppError('DB_ERROR', `Tệp ${dbPath} không phải cơ sở dữ liệu TĐKT hoặc đã bị hỏng. Hãy chọn tệp khác hoặc khôi phục từ bản sao lưu.`);
  }
  return new AppError('DB_ERROR', `Không mở được cơ sở dữ liệu ${dbPath}: ${msg}`);
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  let conn: Connection;
  try {
    conn = openDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding });
  } catch (e) {
    throw describeOpenError(e, opts.dbPath);
  }
  let officeId = await getSetting(conn.db, SELF_OFFICE_KEY);
  if (!officeId) {
    officeId = newId();
    await setSetting(conn.db, SELF_OFFICE_KEY, officeId);
  }
  const ctx: CoreContext = {
    conn,
    db: conn.db,
    officeId,
    host: opts.host,
    version: opts.version ?? '0.0.0',
    fallbackReason: opts.fallbackReason ?? null,
    jobs: new JobRegistry(),
    today: opts.today ?? (() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }),
  };

  async function run(proc: string, input: unknown): Promise<unknown> {
    if (!isProcedureName(proc)) throw new AppError('UNKNOWN_PROCEDURE', `Chức năng "${proc}" không tồn tại.`);
    const parsed = parseInput(proc, input);
    const handler = handlers[proc] as Handler<ProcedureName>;
    return handler(parsed as never, ctx);
  }

  return {
    ctx,
    async call(proc, input) {
      try {
        return { ok: true, data: await run(proc, input) };
      } catch (e) {
        return { ok: false, error: toApiError(e) };
      }
    },
    async invoke(proc, input) {
      return (await run(proc, input)) as never;
    },
    close() {
      conn.close();
    },
  };
}

export function toApiError(e: unknown) {
  if (isAppError(e)) return { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) };
  const msg = e instanceof Error ? e.message : String(e);
  if (/SQLITE_BUSY|database is locked/i.test(msg)) {
    return { code: 'DB_ERROR' as const, message: 'Cơ sở dữ liệu đang bận (một chương trình khác đang ghi). Hãy thử lại sau ít giây.' };
  }
  if (/SQLITE_CONSTRAINT/i.test(msg)) {
    return { code: 'CONFLICT' as const, message: `Dữ liệu vi phạm ràng buộc của cơ sở dữ liệu, không có gì được ghi: ${msg}` };
  }
  return { code: 'INTERNAL' as const, message: `Lỗi không mong đợi, dữ liệu không thay đổi. Chi tiết: ${msg}` };
}
