// The core: database + handlers behind one `call`. Runs in the worker thread under both
// hosts, and in-process for the CLI and integration tests.
import Database from 'better-sqlite3';
import { isCorruption, openDatabase, type Connection } from '../../db/connection';
import { newId } from '../../db/ids';
import { getSettingSync, setSettingSync } from '../../db/repositories/settings';
import { AppError, isAppError, type Result } from '../../shared/contract/errors';
import { CORRUPT_MESSAGE, toApiError } from './api-error';
import { isProcedureName, parseInput, type ProcedureName, type ProcOutput } from '../../shared/contract';
import { handlers } from '../api';
import { eligibilityKept, liveEligibility, warmUpEligibility } from '../api/records';
import { dropPendingRun, saveKeptRuns } from '../services/records/eligibility';
import { warmUpRenderers } from '../services/dossiers/render';
import { makeStaffIndexReady, warmUpStaffIndex } from '../services/staff/search-index';
import type { CoreContext, HostKind } from './context';
import type { RecoveryKind } from '../../shared/contract/system';
import { JobRegistry } from './jobs';
import type { Handler } from '../api/types';
import { startAutoBackups } from '../services/backup';
import { captureProfile, carryProfile, prepareAudit } from '../services/audit';
import { appendErrorLog } from '../services/diagnostics/error-log';

export interface CoreOptions {
  dbPath: string;
  host: HostKind;
  version?: string;
  fallbackReason?: string | null;
  nativeBinding?: string;
  /** the data file is on a network drive, when known better than the folder tells (the hosts' TDKT_DATA_ON_NETWORK test hook) */
  network?: boolean;
  /** today's date (ISO): a function (tests) or a fixed date (the hosts' TDKT_TODAY test hook: functions cannot cross into the worker) */
  today?: (() => string) | string;
  /** the hosts' automatic backups: one at start, a daily check while running (never the CLI) */
  autoBackups?: boolean;
  /**
   * The hosts: as the core opens, build the staff search index in slices (makeStaffIndexReady:
   * the first click on the staff list does not wait for it). A few seconds after start, once
   * the core has had no call for a moment, make sure it is built (warmUpStaffIndex), run the
   * document renderers once on a made-up dossier (warmUpRenderers: the first generate then
   * runs warm, yielding to calls between files), and take the closing year's eligibility run
   * from the file if it keeps one (warmEligibility: as it is, or brought up to date by a patch
   * when another program changed the records; the checker's first answer is then instant).
   * Each of these is short. Last, the closing year's run (closingYear: the checker screen's
   * year) is computed from the records (makeEligibilityLive: about 1.2 s of work at province
   * scale) in slices of tens of milliseconds, calls being answered between slices, so that
   * re-checks after edits re-read only what changed from the connection's kept histories. A
   * call arriving meanwhile waits for the step (or slice) running; a check answered by a kept
   * run does not wait for the slices. When the file keeps no usable run, that last step starts
   * as soon as the staff index is built. Saving the award settings, an import, a bundle
   * applied or a restore start it again.
   */
  /** tests shorten the delay before the first step and the idle time each step waits for */
  warmUp?: boolean | { delayMs: number; idleMs?: number };
}

const WARM_UP_DELAY_MS = 3000;
/**
 * Calls after which the hosts compute the closing year's eligibility run again, at once and in
 * slices: new settings change every verdict; imports, a bundle and a restore change many
 * people's records at once.
 */
const REWARM_AFTER: ReadonlySet<string> = new Set(['awards.saveSettings', 'records.importApply', 'staff.importApply', 'exchange.apply', 'backup.restore']);
/** Calls after which the hosts build the staff index again, at once and in slices: many staff rows changed, or another file. */
const REINDEX_AFTER: ReadonlySet<string> = new Set(['staff.importApply', 'exchange.apply', 'backup.restore']);
/** the warm-up waits until the core has been idle this long (the renderer's first screen loads) */
const WARM_UP_IDLE_MS = 1500;

/** A turn of the event loop: messages (calls) that arrived meanwhile are handled first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Core {
  call(proc: string, input: unknown): Promise<Result<unknown>>;
  /** typed convenience for in-process callers (CLI, tests); throws AppError on failure */
  invoke<P extends ProcedureName>(proc: P, input?: unknown): Promise<ProcOutput<P>>;
  ctx: CoreContext;
  /**
   * After a write that may have touched many people's records (an import by the CLI): the
   * closing year's whole-office eligibility run is brought up to date now, so close() keeps it in
   * the file and the next process answers its first check from it instead of reading every
   * record again. Nothing to do while the file's run can still be patched.
   */
  keepEligibilityCurrent(): Promise<void>;
  close(): void;
}

const SELF_OFFICE_KEY = 'self_office_id';

/** The database could not be opened: what the hosts' recovery screen shows (kind, message). */
export class DatabaseOpenError extends AppError {
  constructor(
    readonly kind: RecoveryKind,
    message: string,
    /** what SQLite or the file system said (the error log keeps its stack) */
    override readonly cause?: unknown,
  ) {
    super('DB_ERROR', message);
  }
}

export function describeOpenError(e: unknown, dbPath: string): DatabaseOpenError {
  const msg = e instanceof Error ? e.message : String(e);
  if (msg.startsWith('SCHEMA_TOO_NEW')) {
    return new DatabaseOpenError('too_new', `Tệp dữ liệu ${dbPath} được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cập nhật TĐKT Desktop rồi mở lại.`, e);
  }
  if (/not a database|file is encrypted|malformed|NOT_TDKT/i.test(msg)) {
    return new DatabaseOpenError('damaged', `Tệp ${dbPath} không phải cơ sở dữ liệu TĐKT hoặc đã bị hỏng. Hãy chọn tệp khác hoặc khôi phục từ bản sao lưu.`, e);
  }
  const why = /locked|SQLITE_BUSY/i.test(msg)
    ? 'tệp đang được một chương trình khác dùng (có thể là một cửa sổ TĐKT Desktop khác). Hãy đóng chương trình đó rồi thử mở lại.'
    : /readonly|read-only|EACCES|EPERM|permission|unable to open/i.test(msg)
      ? 'không có quyền đọc, ghi tệp hoặc thư mục chứa nó. Hãy cấp quyền, hoặc chép tệp vào thư mục của bạn rồi mở lại.'
      : /disk I\/O|EIO/i.test(msg)
        ? 'lỗi đọc, ghi ổ đĩa (ổ đĩa hoặc USB có thể hỏng hoặc đã bị rút). Hãy kiểm tra ổ đĩa rồi thử mở lại.'
        : `${msg}. Hãy thử mở lại; nếu vẫn lỗi, hãy báo bộ phận hỗ trợ.`;
  return new DatabaseOpenError('unavailable', `Không mở được cơ sở dữ liệu ${dbPath}: ${why}`, e);
}

/** Opens another SQLite file (a backup, a restore candidate) with the given native build (Electron's). */
export function fileOpener(nativeBinding: string | undefined): CoreContext['openFile'] {
  return (file, o = {}) =>
    new Database(file, { readonly: o.readonly ?? false, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** This installation's office id, created on first open. */
function ensureOfficeId(conn: Connection): string {
  const existing = getSettingSync(conn.sqlite, SELF_OFFICE_KEY);
  if (existing) return existing;
  const id = newId();
  setSettingSync(conn.sqlite, SELF_OFFICE_KEY, id);
  return id;
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const open = () => {
    try {
      return openDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding, ...(opts.network === undefined ? {} : { network: opts.network }) });
    } catch (e) {
      throw describeOpenError(e, opts.dbPath);
    }
  };
  const conn = open();
  prepareAudit(conn.sqlite);
  let carriedProfile: ReturnType<typeof captureProfile> = null;
  const ctx: CoreContext = {
    conn,
    db: conn.db,
    officeId: ensureOfficeId(conn),
    host: opts.host,
    version: opts.version ?? '0.0.0',
    fallbackReason: opts.fallbackReason ?? null,
    jobs: new JobRegistry(),
    today: typeof opts.today === 'string' ? ((fixed) => () => fixed)(opts.today) : opts.today ?? (() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }),
    replaceDatabase(swap) {
      // the audit actor (this computer's current user profile) stays the same after a restore;
      // remembered across calls: a put-back after a failed reopen starts from a closed connection
      if (ctx.conn.sqlite.open) carriedProfile = captureProfile(ctx.conn.sqlite);
      ctx.conn.close();
      swap(opts.dbPath);
      const next = open();
      ctx.conn = next;
      ctx.db = next.db;
      ctx.officeId = ensureOfficeId(next);
      carryProfile(next.sqlite, carriedProfile);
      ctx.damage = null;
    },
    damage: null,
    nativeBinding: opts.nativeBinding ?? null,
    openFile: fileOpener(opts.nativeBinding),
  };
  const stopAutoBackups = opts.autoBackups ? startAutoBackups(ctx) : () => {};
  let lastCallAt = 0;
  let warmUpTimer: ReturnType<typeof setTimeout> | null = null;
  // each step waits until the core has been idle that long (the renderer's calls come first);
  // the short ones first, the long one last and in slices
  const idleMs = (typeof opts.warmUp === 'object' && opts.warmUp.idleMs) || WARM_UP_IDLE_MS;
  // the closing year's run from the records, in slices: one at a time, and at most one more queued
  // (it starts after the one running, under the settings of that moment)
  let liveChain: Promise<void> = Promise.resolve();
  let liveQueued = false;
  const live = (): Promise<void> => {
    if (liveQueued) return liveChain;
    liveQueued = true;
    liveChain = liveChain
      .then(() => {
        liveQueued = false;
        return ctx.conn.sqlite.open ? liveEligibility(ctx, nextTurn) : undefined;
      })
      .catch(() => undefined);
    return liveChain;
  };
  const warmUpSteps: Array<() => Promise<void>> = [
    async () => warmUpStaffIndex(ctx.conn.sqlite),
    () => warmUpRenderers(),
    () => warmUpEligibility(ctx),
    live,
  ];
  const warmUp = () => {
    const step = warmUpSteps[0];
    if (!step || !ctx.conn.sqlite.open) return;
    const idle = performance.now() - lastCallAt;
    if (idle < idleMs) {
      warmUpTimer = setTimeout(warmUp, idleMs - idle);
      warmUpTimer.unref?.();
      return;
    }
    warmUpTimer = null;
    warmUpSteps.shift();
    // best effort: no office yet, an empty database, a restore in progress — the real call will say
    void step()
      .catch(() => undefined)
      .then(() => {
        if (warmUpSteps.length && ctx.conn.sqlite.open) {
          warmUpTimer = setTimeout(warmUp, 0);
          warmUpTimer.unref?.();
        }
      });
  };
  if (opts.warmUp) {
    // the staff index at once, in slices: the list is often the first screen clicked, and the
    // renderer's first calls are answered between slices (the idle steps below would come
    // seconds later). The first step finishes it if a write meanwhile made it start again.
    // When the file keeps no run for this build's rules and the settings (a new build, settings
    // changed by the CLI, an import by another program), the closing year's run follows at
    // once, in slices too: the checker's first answer would otherwise read the whole office
    // (≈1.3 s).
    setImmediate(() =>
      void makeStaffIndexReady(ctx.conn.sqlite, nextTurn)
        .then(async () => {
          if (ctx.conn.sqlite.open && !(await eligibilityKept(ctx))) await live();
        })
        .catch(() => undefined),
    );
    warmUpTimer = setTimeout(warmUp, typeof opts.warmUp === 'object' ? opts.warmUp.delayMs : WARM_UP_DELAY_MS);
    warmUpTimer.unref?.();
  }
  async function run(proc: string, input: unknown): Promise<unknown> {
    if (!isProcedureName(proc)) throw new AppError('UNKNOWN_PROCEDURE', `Chức năng "${proc}" không tồn tại.`);
    const parsed = parseInput(proc, input);
    const handler = handlers[proc] as Handler<ProcedureName>;
    lastCallAt = performance.now();
    try {
      const out = await handler(parsed as never, ctx);
      // at once, in slices: the next call is likely the checker's, and is answered between them;
      // a run in progress would be kept under the old settings or stale
      if (REWARM_AFTER.has(proc) && opts.warmUp) {
        dropPendingRun(ctx.conn.sqlite);
        void live();
      }
      // likewise the staff list, likely the next screen after a staff import
      if (REINDEX_AFTER.has(proc) && opts.warmUp) void makeStaffIndexReady(ctx.conn.sqlite, nextTurn).catch(() => undefined);
      return out;
    } catch (e) {
      if (isCorruption(e)) ctx.damage = CORRUPT_MESSAGE;
      // an error the app did not mean to raise (its own say what to fix): kept for whoever looks into it
      if (!isAppError(e)) logUnexpected(ctx, proc, e);
      throw e;
    } finally {
      lastCallAt = performance.now();
    }
  }

  return {
    ctx,
    call: (proc, input) => settle(() => run(proc, input)),
    async invoke(proc, input) {
      return (await run(proc, input)) as never;
    },
    async keepEligibilityCurrent() {
      if (ctx.conn.sqlite.open && !(await eligibilityKept(ctx))) await liveEligibility(ctx, () => Promise.resolve());
    },
    close() {
      if (warmUpTimer) clearTimeout(warmUpTimer);
      // the next start answers its first check from the file
      if (ctx.conn.sqlite.open) saveKeptRuns(ctx.conn.sqlite);
      stopAutoBackups();
      ctx.conn.close();
    },
  };
}

function logUnexpected(ctx: CoreContext, proc: string, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (e as { code?: unknown })?.code;
  appendErrorLog(ctx.conn.path, {
    source: 'core',
    where: proc,
    message: typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message,
    ...(err.stack ? { stack: err.stack } : {}),
    version: ctx.version,
  });
}

/** A call's answer as the hosts send it: the data, or the error as the renderer shows it. */
export async function settle(run: () => Promise<unknown>): Promise<Result<unknown>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

export { CORRUPT_MESSAGE, toApiError };
